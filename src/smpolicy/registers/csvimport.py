"""Import a register from CSV (a ``name`` column), reporting bad rows by number, never by name."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from smpolicy.exceptions import RegisterError
from smpolicy.registers.keys import RegisterKey
from smpolicy.registers.names import split_name
from smpolicy.registers.register import HashedRegister

NAME_COLUMN = "name"


@dataclass(frozen=True, slots=True)
class RowError:
    """A CSV row that could not be used; the message never repeats the name."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class CsvImport:
    """The register built from the good rows, and what was wrong with the others."""

    register: HashedRegister
    rows: int
    errors: tuple[RowError, ...]
    source: str = "register"

    def describe_errors(self, limit: int = 20) -> str:
        shown = "; ".join(str(error) for error in self.errors[:limit])
        more = f" (and {len(self.errors) - limit} more)" if len(self.errors) > limit else ""
        return f"{self.source}: {len(self.errors)} of {self.rows} rows unusable: {shown}{more}"


def import_csv(data: bytes, key: RegisterKey, *, source: str = "register") -> CsvImport:
    """Hash every usable row of a CSV; the plain text is dropped as soon as it is hashed."""
    names, errors, rows = read_names(data, source=source)
    register = HashedRegister.from_names(names, key)
    return CsvImport(register=register, rows=rows, errors=tuple(errors), source=source)


def read_names(data: bytes, *, source: str = "register") -> tuple[list[str], list[RowError], int]:
    """The usable names of a CSV's ``name`` column, the bad rows by line number, and the count.

    For callers that hash each person apart; raises RegisterError for an unusable file.
    """
    text = _decode(data, source)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = {(c or "").strip().lower(): c for c in (reader.fieldnames or [])}
    if NAME_COLUMN not in columns:
        found = ", ".join(repr(c) for c in columns) or "nothing"
        raise RegisterError(
            f"{source}: needs a '{NAME_COLUMN}' column in the header; found {found}"
        )
    column = columns[NAME_COLUMN]
    names: list[str] = []
    errors: list[RowError] = []
    rows = 0
    try:
        for row in reader:
            rows += 1
            value = (row.get(column) or "").strip()
            if not value:
                errors.append(RowError(reader.line_num, "the name is empty"))
            elif split_name(value) is None:
                errors.append(RowError(reader.line_num, "needs a first and a last name"))
            else:
                names.append(value)
    except csv.Error as error:
        raise RegisterError(f"{source}: line {reader.line_num}: not valid CSV ({error})") from None
    if rows == 0:
        raise RegisterError(f"{source}: the CSV has a header but no rows")
    return names, errors, rows


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise RegisterError(
            f"{source}: line {line} is not UTF-8; save the spreadsheet as 'CSV UTF-8'"
        ) from None
