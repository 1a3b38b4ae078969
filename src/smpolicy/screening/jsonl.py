"""Screening a JSONL stream: one output object per input line, in order, bad lines reported.

The contract is DESIGN.md's ``smpolicy check --jsonl``. Lines are read lazily and screened in
batches (so a learned detector sees many posts per forward pass); with ``workers > 1`` the
batches go to forked worker processes that share the parent's loaded detectors, and results are
written back in input order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from itertools import islice
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from math import isfinite
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from smpolicy.exceptions import InputError
from smpolicy.screening.engine import Screener
from smpolicy.screening.findings import Category, Finding, Result
from smpolicy.screening.parallel import map_batches

if TYPE_CHECKING:  # imported by the lines that carry images or links (the image stack: ~0.003 s)
    from smpolicy.screening.posts import Post, PostResult


@dataclass
class JsonlStats:
    screened: int = 0
    errors: int = 0


class _Line(NamedTuple):
    """One input line, parsed. A named tuple: one is made per line of a stream (a frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__``)."""

    number: int
    post_id: Any = None
    text: str | None = None
    error: str | None = None
    post: Post | None = None  # set when the line carries images or links


RawLine = tuple[int, bytes]


def screen_jsonl(
    screener: Screener, source: IO[bytes], out: IO[str], *, base: Path = Path("."), workers: int = 1
) -> JsonlStats:
    """Screen every line of ``source`` into ``out``; image paths are relative to ``base``."""
    stats = JsonlStats()
    work = partial(screen_raw_batch, base=base)
    batches = _raw_batches(source, screener.batch_size)
    for lines, screened, errors in map_batches(screener, work, batches, workers):
        out.write(lines)
        stats.screened += screened
        stats.errors += errors
    out.flush()
    return stats


def _raw_batches(source: IO[bytes], size: int) -> Iterator[list[RawLine]]:
    numbered = ((n, raw) for n, raw in enumerate(source, start=1) if raw.strip())
    while batch := list(islice(numbered, size)):
        yield batch


def screen_raw_batch(screener: Screener, batch: list[RawLine], base: Path) -> tuple[str, int, int]:
    """Parse and screen raw lines; returns the output lines (one string), posts screened and
    lines in error. In a worker process: the parent only writes what comes back."""
    lines = [parse_line(number, raw, base) for number, raw in batch]
    results = _screen_texts(screener, [line for line in lines if line.error is None and line.post is None])
    for line in lines:
        if line.post is not None:
            try:
                results[line.number] = screener.check_post(line.post)
            except InputError as error:
                results[line.number] = str(error)
    output, screened, errors = [], 0, 0
    for line in lines:
        outcome = results.get(line.number, line.error)
        if outcome is None or isinstance(outcome, str):  # the line's error
            errors += 1
            output.append(_dumps({"id": line.post_id, "line": line.number, "error": outcome}))
        else:  # a Result or PostResult
            screened += 1
            output.append(result_line(outcome, line.post_id))
    return "".join(output), screened, errors


def parse_line(number: int, raw: bytes, base: Path) -> _Line:
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return _Line(number, error=f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at {error.start})")
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as error:
        return _Line(number, error=f"not valid JSON: {error.msg} at column {error.colno}")
    if not isinstance(record, dict):
        return _Line(number, error="each line must be a JSON object with a text field")
    post_id = record.get("id")
    if "images" in record or "links" in record:
        return _post_line(number, post_id, record, base)
    if "text" not in record:
        return _Line(number, post_id=post_id, error="missing field 'text'")
    if not isinstance(record["text"], str):
        return _Line(number, post_id=post_id, error="field 'text' must be a string")
    return _Line(number, post_id=post_id, text=record["text"])


def _post_line(number: int, post_id: Any, record: dict[str, Any], base: Path) -> _Line:
    """A line with images (paths relative to the JSONL file) or links besides its text."""
    from smpolicy.screening.posts import Post

    text, images, links = record.get("text", ""), record.get("images", []), record.get("links", [])
    if not isinstance(text, str):
        return _Line(number, post_id=post_id, error="field 'text' must be a string")
    for key, value in (("images", images), ("links", links)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return _Line(number, post_id=post_id, error=f"field '{key}' must be a list of strings")
    post = Post.of(text, [base / path for path in images], links)
    return _Line(number, post_id=post_id, text=text, post=post)


def _screen_texts(screener: Screener, lines: list[_Line]) -> dict[int, Result | PostResult | str]:
    outcomes = screener.check_each([line.text or "" for line in lines])
    return {
        line.number: str(outcome) if isinstance(outcome, InputError) else outcome
        for line, outcome in zip(lines, outcomes, strict=True)
    }


def _dumps(obj: dict[str, Any]) -> str:
    return _ENCODE(obj) + "\n"


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(obj, ensure_ascii=False), made once
_STRING = encode_basestring  # a str as JSON, as the encoder above writes it (in C)


def result_line(result: Result | PostResult, post_id: Any) -> str:
    """``json.dumps(result.to_dict(post_id), ensure_ascii=False)`` and a newline, byte for byte.

    Written directly for the usual result (text findings with str fields and a float score):
    half the cost of building the dicts and encoding them, for every post of a stream.
    Anything else (images, links given apart, unusual types) takes the general route.
    """
    if type(result) is not Result:
        return _dumps(result.to_dict(post_id))
    parts = []
    for finding in result.findings:
        part = _finding_json(finding)
        if part is None:
            return _dumps(result.to_dict(post_id))
        parts.append(part)
    if type(post_id) is str:
        ident = _STRING(post_id)
    elif type(post_id) is int:
        ident = int.__repr__(post_id)
    else:
        ident = _ENCODE(post_id)
    return f'{{"id": {ident}, "verdict": {_STRING(str(result.verdict))}, "findings": [{", ".join(parts)}]}}\n'


def _finding_json(finding: Finding) -> str | None:
    """``finding.to_dict()`` as JSON, or None when it is not a plain text finding.

    A detector writes the same category, clause, explanation, detector and target on many
    findings: their JSON (all but the score, span and evidence) is made once per combination
    and kept (``_PARTS``), which halves the cost of a finding's line.
    """
    key = (finding.category, finding.clause, finding.explanation, finding.detector, finding.target)
    parts = _PARTS.get(key)
    if parts is None:
        parts = _parts(key)
        if parts is None:
            return None
    evidence, start, end = finding.evidence, finding.start, finding.end
    score = round(finding.score, 3)
    if (finding.image is not None or finding.link is not None or type(score) is not float
            or not isfinite(score) or type(start) is not int or type(end) is not int
            or type(evidence) is not str):
        return None
    head, tail = parts
    return f'{head}{float.__repr__(score)}, "span": [{start}, {end}], "evidence": {_STRING(evidence)}{tail}'


_Key = tuple[Any, Any, Any, Any, Any]
_PARTS: dict[_Key, tuple[str, str]] = {}  # (category, clause, explanation, detector, target) -> JSON
MAX_PARTS = 4096  # distinct combinations kept (explanations may quote a post's words)


def _parts(key: _Key) -> tuple[str, str] | None:
    """The JSON before a finding's score and after its evidence; None unless every part is a
    plain string (then the general route writes the finding)."""
    category, clause, explanation, detector, target = key
    if (not isinstance(category, Category) or any(type(text) is not str for text in key[1:4])
            or (target and type(target) is not str)):
        return None
    extra = f', "target": {_STRING(target)}' if target else ""
    parts = (f'{{"category": {_STRING(str(category))}, "clause": {_STRING(clause)}, "score": ',
             f', "explanation": {_STRING(explanation)}, "detector": {_STRING(detector)}{extra}}}')
    if len(_PARTS) >= MAX_PARTS:
        _PARTS.clear()
    _PARTS[key] = parts
    return parts
