"""Helpers the readers share: find members by name, parse JSON and CSV with clear errors."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from smpolicy.exceptions import ExportError
from smpolicy.selfaudit.archive import ExportArchive


def basename(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def find(names: Iterable[str], *suffixes: str) -> list[str]:
    """Members whose path ends with one of ``suffixes`` (exports sit in a top folder)."""
    return sorted(n for n in names if any(n == s or n.endswith("/" + s) for s in suffixes))


def decode(archive: ExportArchive, name: str) -> str:
    data = archive.read(name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExportError(f"{name} is not UTF-8 text (byte {error.start})") from None


def load_json(archive: ExportArchive, name: str, text: str | None = None) -> Any:
    try:
        return json.loads(decode(archive, name) if text is None else text)
    except json.JSONDecodeError as error:
        raise ExportError(
            f"{name} is not valid JSON (line {error.lineno}, column {error.colno}): is the "
            "export complete?"
        ) from None


def load_csv(archive: ExportArchive, name: str, header_starts: str) -> list[dict[str, str]]:
    """Rows of a CSV whose header begins with ``header_starts`` (LinkedIn puts notes above it)."""
    lines = decode(archive, name).splitlines(keepends=True)
    index = next(
        (i for i, line in enumerate(lines) if line.lstrip('"').startswith(header_starts)), None
    )
    if index is None:
        raise ExportError(f"{name} has no header line starting {header_starts!r}")
    try:
        return list(csv.DictReader(io.StringIO("".join(lines[index:]), newline="")))
    except csv.Error as error:
        raise ExportError(f"{name} is not valid CSV: {error}") from None


def text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
