"""``smpolicy check``: screen posts against clause 6.4 (contract in DESIGN.md, section 2)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import click

from smpolicy.exceptions import InputError
from smpolicy.screening import Result, Screener, Verdict
from smpolicy.commands.options import build_screener, screening_options

VERDICT_COLOURS = {Verdict.OK: "green", Verdict.REVIEW: "yellow", Verdict.BREACH: "red"}
BATCH_SIZE = 256


@click.command()
@click.argument("text", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--jsonl", "jsonl", type=click.File("rb"), default=None,
              help='Screen a JSONL file (or - for stdin) of {"id": ..., "text": ...} lines.')
@screening_options
def check(text: str | None, as_json: bool, jsonl: IO[bytes] | None, **options: Any) -> None:
    """Screen a post and report each finding with its clause, words, score and reason.

    Exit status is 0 whenever the run completes, whatever the verdicts.

    Example:

        smpolicy check "Councillor Smith is a liar and a fraud"

        smpolicy check --json "Mrs Jones at 4 Bell Street is on our safeguarding list"

        smpolicy check --jsonl posts.jsonl > results.jsonl
    """
    if (text is None) == (jsonl is None):
        raise click.UsageError("give either TEXT or --jsonl FILE")
    screener = build_screener(**options)
    if jsonl is not None:
        stats = screen_jsonl(screener, jsonl, sys.stdout)
        click.echo(
            f"screened {stats.screened} posts, {stats.errors} lines with errors", err=True
        )
        return
    assert text is not None
    try:
        result = screener.check(text)
    except InputError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print_report(text, result)


def print_report(text: str, result: Result) -> None:
    colour = VERDICT_COLOURS[result.verdict]
    click.secho(f"{result.verdict.value.upper()}", fg=colour, bold=True, nl=False)
    click.echo(f"  {len(result.findings)} finding(s)")
    for finding in result.findings:
        click.echo(
            "  "
            + click.style(f"{finding.clause:<7}", fg=colour, bold=True)
            + f" {finding.category.value:<20} {finding.score:.2f}  "
            + click.style(repr(finding.evidence), fg="cyan")
            + f" [{finding.start}:{finding.end}]"
        )
        click.echo(f"          {finding.explanation}")


@dataclass
class JsonlStats:
    screened: int = 0
    errors: int = 0


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    post_id: Any = None
    text: str | None = None
    error: str | None = None


def screen_jsonl(screener: Screener, source: IO[bytes], out: IO[str]) -> JsonlStats:
    """Stream a JSONL file: one output object per input line, in order; bad lines reported."""
    stats = JsonlStats()
    batch: list[_Line] = []
    for line in read_jsonl(source):
        batch.append(line)
        if len(batch) >= BATCH_SIZE:
            _flush(screener, batch, out, stats)
            batch = []
    _flush(screener, batch, out, stats)
    out.flush()
    return stats


def read_jsonl(source: IO[bytes]) -> Iterator[_Line]:
    for number, raw in enumerate(source, start=1):
        if not raw.strip():
            continue
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield _Line(number, error=f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at {error.start})")
            continue
        try:
            record = json.loads(decoded)
        except json.JSONDecodeError as error:
            yield _Line(number, error=f"not valid JSON: {error.msg} at column {error.colno}")
            continue
        if not isinstance(record, dict):
            yield _Line(number, error="each line must be a JSON object with a text field")
            continue
        post_id = record.get("id")
        if "text" not in record:
            yield _Line(number, post_id=post_id, error="missing field 'text'")
        elif not isinstance(record["text"], str):
            yield _Line(number, post_id=post_id, error="field 'text' must be a string")
        else:
            yield _Line(number, post_id=post_id, text=record["text"])


def _flush(screener: Screener, batch: list[_Line], out: IO[str], stats: JsonlStats) -> None:
    if not batch:
        return
    results = _screen_each(screener, [line for line in batch if line.error is None])
    for line in batch:
        if line.error is None:
            outcome = results[line.number]
            if isinstance(outcome, Result):
                stats.screened += 1
                _write(out, outcome.to_dict(line.post_id))
                continue
            line = _Line(line.number, post_id=line.post_id, error=outcome)
        stats.errors += 1
        _write(out, {"id": line.post_id, "line": line.number, "error": line.error})


def _screen_each(screener: Screener, lines: list[_Line]) -> dict[int, Result | str]:
    """Screen a batch; if one text is unusable, fall back to one at a time for that batch."""
    texts = [line.text or "" for line in lines]
    try:
        return dict(zip((line.number for line in lines), screener.check_batch(texts), strict=True))
    except InputError:
        outcomes: dict[int, Result | str] = {}
        for line in lines:
            try:
                outcomes[line.number] = screener.check(line.text or "")
            except InputError as error:
                outcomes[line.number] = str(error)
        return outcomes


def _write(out: IO[str], obj: dict[str, Any]) -> None:
    out.write(json.dumps(obj, ensure_ascii=False))
    out.write("\n")
