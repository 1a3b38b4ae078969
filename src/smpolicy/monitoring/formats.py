"""Proxy-log formats: detection in Python, parsing as Ibis expressions the engine runs.

The engine reads each file as a column of raw lines (streaming, gzip included), and the
expressions here turn a line into ``reason, ts, client_ip, username, host``. Parsing inside
the engine keeps multi-gigabyte logs out of Python and makes DuckDB and Spark parse alike.

``reason`` is ``ok`` or why the line was unusable (``too_few_fields``, ``bad_timestamp``,
``bad_request``, ``no_host``): malformed lines are counted, never fatal.

Most lines of a real log are ordinary browsing that the analysis only counts. Given the hosts it
wants (``wanted``, a regular expression of domains), a Squid line that one regular expression
shows to be well-formed, with a plain host none of them can cover, skips the field split: it
comes out ``ok`` with no values. Every other line is parsed in full, so the result is the same.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import ibis
import ibis.expr.types as ir

from smpolicy.exceptions import InputError

OK = "ok"
SNIFF_LINES = 50
URL_PREFIX = r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*://)?(?:[^@/]*@)?"  # scheme and user, if any
URL_HOST = r"^[^/:?#\s]+"
VALID_HOST = r"^[a-z0-9_-]+(\.[a-z0-9_-]+)+$"
# Times outside 2001-09-09 .. 2286-11-20 (Unix seconds with exactly ten digits) are
# ``bad_timestamp``: a proxy log's clock is never there, and a wild value (``-5``, twenty digits)
# would otherwise overflow a cast or stretch the span that clock changes are worked out for.
EARLIEST_TS = 1_000_000_000
LATEST_TS = 10_000_000_000
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class LogFormat(StrEnum):
    SQUID = "squid"
    COMBINED = "combined"
    W3C = "w3c"
    CSV = "csv"


@dataclass(frozen=True)
class CsvMapping:
    """Which CSV columns hold what; ``ts_format`` is ``epoch`` (seconds) or ``iso``."""

    ts: str
    client_ip: str
    host: str | None = None
    url: str | None = None
    username: str | None = None
    ts_format: str = "iso"

    @classmethod
    def parse(cls, text: str) -> CsvMapping:
        """``ts=Time,client_ip=Source IP,url=URL,username=User,ts_format=iso``."""
        pairs: dict[str, str] = {}
        for part in text.split(","):
            key, sep, value = part.partition("=")
            if not sep or not value.strip():
                raise InputError(f"CSV mapping part {part!r} is not KEY=COLUMN")
            pairs[key.strip()] = value.strip()
        unknown = set(pairs) - {"ts", "client_ip", "host", "url", "username", "ts_format"}
        if unknown:
            raise InputError(f"CSV mapping: unknown key(s) {', '.join(sorted(unknown))}")
        if "ts" not in pairs or "client_ip" not in pairs or not {"host", "url"} & set(pairs):
            raise InputError("CSV mapping needs ts=, client_ip= and host= or url=")
        if pairs.get("ts_format", "iso") not in {"iso", "epoch"}:
            raise InputError("CSV mapping: ts_format must be iso or epoch")
        return cls(**pairs)


@dataclass(frozen=True)
class FileFormat:
    """What one log file holds; ``fields`` is the W3C ``#Fields:`` list."""

    kind: LogFormat
    fields: tuple[str, ...] = ()
    csv: CsvMapping | None = field(default=None)


def open_text(path: Path) -> Iterator[str]:
    """Lines of a plain or gzip file, decoded leniently (sniffing must not fail on one byte)."""
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    opener = gzip.open if gzipped else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as lines:  # type: ignore[operator]
        yield from lines


SQUID_LINE = re.compile(r"^\s*\d{9,11}(\.\d+)?\s+-?\d+\s+\S+\s+\S+/\d{3}\s+\S+\s+\S+\s+\S+")
COMBINED_LINE = re.compile(r'^\S+ \S+ \S+ \[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] "')


def detect(path: Path, csv_mapping: CsvMapping | None = None,
           forced: LogFormat | None = None) -> FileFormat:
    """Look at the first lines only: cheap on any file size."""
    if not path.is_file():
        raise InputError(f"log file not found: {path}")
    if forced is LogFormat.CSV or (forced is None and csv_mapping is not None):
        if csv_mapping is None:
            raise InputError("--log-format csv needs --csv-map")
        return FileFormat(LogFormat.CSV, csv=csv_mapping)
    votes: Counter[LogFormat] = Counter()
    seen = 0
    try:
        for line in open_text(path):
            if line.startswith("#Fields:"):
                return FileFormat(LogFormat.W3C, tuple(line.split()[1:]))
            if line.startswith("#") or not line.strip():
                continue
            seen += 1
            if SQUID_LINE.match(line):
                votes[LogFormat.SQUID] += 1
            elif COMBINED_LINE.match(line):
                votes[LogFormat.COMBINED] += 1
            if seen >= SNIFF_LINES:
                break
    except (OSError, EOFError) as error:
        raise InputError(f"{path}: cannot read: {error}") from None
    if forced is not None:
        if forced is LogFormat.W3C:
            raise InputError(f"{path}: W3C log without a #Fields: header")
        return FileFormat(forced)
    if not votes:
        raise InputError(f"{path}: cannot tell the log format; pass --log-format")
    return FileFormat(votes.most_common(1)[0][0])


def civil_days(year: ir.IntegerValue, month: ir.IntegerValue,
               day: ir.IntegerValue) -> ir.IntegerValue:
    """Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).

    Plain integer arithmetic, so every engine computes the same number without time-zone
    or date-format functions that differ between SQL dialects.
    """
    y = year - (month <= 2).cast("int64")
    era = y // 400
    yoe = y - era * 400
    shifted = ibis.ifelse(month > 2, month - 3, month + 9)
    doy = (153 * shifted + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _bounded(ts: ir.NumericValue) -> ir.NumericValue:
    """``ts`` when in range, else NULL (which the parsers report as ``bad_timestamp``)."""
    return ibis.ifelse((ts >= EARLIEST_TS) & (ts < LATEST_TS), ts, ibis.null())


def _epoch(text: ir.StringValue) -> ir.IntegerValue:
    """Unix seconds from ``1286536308.779``; NULL when not a number or out of range.

    The range test comes before ``floor`` (an integer in Ibis), so no value can overflow it.
    """
    return _bounded(text.try_cast("float64")).floor().cast("int64")


def _int(value: ir.StringValue) -> ir.IntegerValue:
    return value.try_cast("int64")


def _clock_seconds(hhmmss: ir.StringValue) -> ir.IntegerValue:
    return (_int(hhmmss.substr(0, 2)) * 3600 + _int(hhmmss.substr(3, 2)) * 60
            + _int(hhmmss.substr(6, 2)))


def _fields(line: ir.StringValue) -> ir.ArrayValue:
    """Space-separated fields; runs of spaces (Squid pads the elapsed time) give no empty field.

    A literal split and a filter are about three times faster than a regular-expression split.
    """
    return line.replace("\t", " ").split(" ").filter(lambda part: part != "")


def _host_of(url: ir.StringValue) -> ir.StringValue:
    """Drop the scheme and user, then take the host: two plain matches are about four times
    faster than one with a capture group, which regular-expression engines cannot run as a
    single automaton. A URL with an empty host (``http:///x``) gives '' and so ``no_host``."""
    return url.re_replace(URL_PREFIX, "").re_extract(URL_HOST, 0).lower()


def _no_host(values: ir.Table) -> ir.BooleanValue:
    return ~values.v_host.re_search(VALID_HOST)


def _result(reason: ir.StringValue, ts: ir.IntegerValue, client_ip: ir.StringValue,
            username: ir.StringValue, host: ir.StringValue) -> dict[str, ir.Value]:
    dash = ibis.null().cast("string")
    user = ibis.ifelse((username == "-") | (username == ""), dash, username)
    return {"reason": reason, "ts": ts, "client_ip": client_ip, "username": user, "host": host}


Check = tuple[ir.BooleanValue | Callable[[ir.Table], ir.BooleanValue], str]


def _finish(table: ir.Table, checks: list[Check], columns: Mapping[str, ir.Value]) -> ir.Table:
    """The output columns first, then the checks, which may read them (``lambda v: v.host``).

    Two steps, so the engine works out each column once: checking the host inline repeated
    the host regular expression, the most expensive part of parsing a line.
    """
    staged = table.mutate(**{f"v_{name}": value for name, value in columns.items()})
    reason = ibis.cases(*[(bad(staged) if callable(bad) else bad, name)
                          for bad, name in checks], else_=OK)
    values = {name: staged[f"v_{name}"] for name in columns}
    return staged.select(**_result(reason, **values))  # type: ignore[arg-type]


def plain_squid(wanted: str) -> str:
    """A regular expression whose match, from the start, is shorter than the line only for a
    Squid line that parses ``ok`` and whose host is plain and matches no domain in ``wanted``.

    No capture groups, so RE2 runs it as one automaton over the first ~80 bytes: about half
    the cost of splitting the line into fields, and the host expressions that followed the
    split are skipped too. The first branch takes any host that could be a wanted one (case
    aside) to the end of the line; the second accepts only what ``_fields``, ``_host_of`` and
    the checks of ``parse_squid`` surely find well-formed (a ten-digit time, so in range, at
    least seven fields, a dotted host of letters, digits, ``_`` and ``-`` after an optional scheme, no
    ``@`` in the URL), and stops at the blank after the URL. Anything else is parsed in full.
    """
    gap, field = r"[ \t]+", r"[^ \t]+"
    start = (r"^[ \t]*[1-9][0-9]{9}(?:\.[0-9]{1,9})?" + (gap + field) * 5 + gap
             + r"(?:[a-zA-Z][a-zA-Z0-9+.-]*://)?")
    maybe_wanted = r"(?:[A-Za-z0-9_-]+\.)*(?i:" + wanted + r")[\s\S]*"
    plain = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+(?::[0-9]+)?(?:[/?#][^ \t@]*)?[ \t]"
    return f"{start}(?:{maybe_wanted}|{plain})"


def _flag_plain(lines: ir.Table, pattern: str) -> ir.Table:
    """Adds ``plain``; the match is its own column so that the engine works it out once."""
    matched = lines.mutate(found=lines.line.re_extract(pattern, 0))
    return matched.mutate(plain=(matched.found != "") & (matched.found != matched.line))


def parse_squid(lines: ir.Table, wanted: str | None = None) -> ir.Table:
    """``time elapsed client code/status bytes method URL user hierarchy type``."""
    if wanted is None:
        t = lines.select(plain=ibis.literal(False), f=_fields(lines.line))
    else:
        # A plain line's fields are never looked at: split NULL instead, which costs nothing.
        flagged = _flag_plain(lines, plain_squid(wanted))
        line = ibis.ifelse(flagged.plain, ibis.null().cast("string"), flagged.line)
        t = flagged.select("plain", f=_fields(line))
    f = t.f
    ts = _epoch(f[0])
    host = _host_of(f[6])
    return _finish(t, [
        (t.plain, OK),
        (f.length() < 7, "too_few_fields"),
        (lambda v: v.v_ts.isnull(), "bad_timestamp"),
        (_no_host, "no_host"),
    ], {"ts": ts, "client_ip": f[2], "username": ibis.ifelse(f.length() > 7, f[7], "-"),
        "host": host})


def _month(name: ir.StringValue) -> ir.IntegerValue:
    return ibis.cases(*[(name == m, i) for i, m in enumerate(MONTHS, start=1)], else_=None)


def parse_combined(lines: ir.Table) -> ir.Table:
    """``client ident user [10/Oct/2024:13:55:36 +0100] "GET URL HTTP/1.1" status bytes ...``."""
    t = lines.select(f=_fields(lines.line))
    f = t.f
    stamp, zone = f[3], f[4]
    days = civil_days(_int(stamp.substr(8, 4)), _month(stamp.substr(4, 3)),
                      _int(stamp.substr(1, 2)))
    offset = (_int(zone.substr(1, 2)) * 3600 + _int(zone.substr(3, 2)) * 60)
    signed = ibis.ifelse(zone.startswith("-"), -offset, offset)
    ts = _bounded(days * 86400 + _clock_seconds(stamp.substr(13, 8)) - signed)
    host = _host_of(f[6])
    return _finish(t, [
        (f.length() < 9, "too_few_fields"),
        (~stamp.re_search(r"^\[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2}$")
         | ~zone.re_search(r"^[+-]\d{4}\]$") | ts.isnull(), "bad_timestamp"),
        (~f[5].startswith('"'), "bad_request"),
        (_no_host, "no_host"),
    ], {"ts": ts, "client_ip": f[0], "username": f[2], "host": host})


W3C_HOST_FIELDS = ("cs-host", "cs(Host)", "r-host", "x-cs-host", "s-hostname")
W3C_URL_FIELDS = ("cs-uri", "cs-url", "r-uri", "cs-uri-stem")


def parse_w3c(lines: ir.Table, fields: tuple[str, ...]) -> ir.Table:
    """W3C extended: the ``#Fields:`` header gives each column's position; times are UTC."""
    position = {name: index for index, name in enumerate(fields)}
    missing = [n for n in ("date", "time", "c-ip") if n not in position]
    host_field = next((n for n in W3C_HOST_FIELDS if n in position), None)
    url_field = next((n for n in W3C_URL_FIELDS if n in position), None)
    if missing or (host_field is None and url_field is None):
        wanted = missing or ["cs-host or cs-uri"]
        raise InputError(f"W3C #Fields lacks {', '.join(wanted)}")
    data = lines.filter(~lines.line.startswith("#"))
    t = data.select(f=_fields(data.line))
    f = t.f
    day, clock = f[position["date"]], f[position["time"]]
    ts = _bounded(civil_days(_int(day.substr(0, 4)), _int(day.substr(5, 2)),
                             _int(day.substr(8, 2))) * 86400 + _clock_seconds(clock))
    host = _host_of(f[position[host_field]] if host_field else f[position[url_field]])  # type: ignore[index]
    user = f[position["cs-username"]] if "cs-username" in position else ibis.literal("-")
    return _finish(t, [
        (f.length() < len(fields), "too_few_fields"),
        (~day.re_search(r"^\d{4}-\d{2}-\d{2}$") | ~clock.re_search(r"^\d{2}:\d{2}:\d{2}")
         | ts.isnull(), "bad_timestamp"),
        (_no_host, "no_host"),
    ], {"ts": ts, "client_ip": f[position["c-ip"]], "username": user, "host": host})


def parse_csv(rows: ir.Table, mapping: CsvMapping) -> ir.Table:
    """A cloud proxy's CSV export; all columns read as text, then mapped."""
    for name in (mapping.ts, mapping.client_ip, mapping.host, mapping.url, mapping.username):
        if name is not None and name not in rows.columns:
            raise InputError(f"CSV has no column {name!r} (columns: {', '.join(rows.columns)})")
    raw = rows[mapping.ts].cast("string").strip()
    if mapping.ts_format == "epoch":
        ts = _epoch(raw)
        valid = raw.re_search(r"^\d+(\.\d+)?$")
    else:
        zone = raw.re_extract(r"([+-])(\d{2}):?(\d{2})$", 0)
        offset = _int(zone.substr(1, 2)) * 3600 + _int(zone.right(2)) * 60
        signed = ibis.ifelse(zone == "", 0, ibis.ifelse(zone.startswith("-"), -offset, offset))
        ts = _bounded(civil_days(_int(raw.substr(0, 4)), _int(raw.substr(5, 2)),
                                 _int(raw.substr(8, 2)))
                      * 86400 + _clock_seconds(raw.substr(11, 8)) - signed)
        valid = raw.re_search(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}")
    source = rows[mapping.host] if mapping.host else rows[mapping.url]  # type: ignore[index]
    host = _host_of(source.cast("string").strip())
    user = rows[mapping.username].cast("string") if mapping.username else ibis.literal("-")
    return _finish(rows, [
        (~valid | ts.isnull(), "bad_timestamp"),
        (_no_host, "no_host"),
    ], {"ts": ts, "client_ip": rows[mapping.client_ip].cast("string"),
        "username": user.fill_null("-"), "host": host})


def parse(table: ir.Table, fmt: FileFormat, wanted: str | None = None) -> ir.Table:
    """``wanted``: see the module docstring; only Squid logs have the shortcut so far."""
    if fmt.kind is LogFormat.SQUID:
        return parse_squid(table, wanted)
    if fmt.kind is LogFormat.COMBINED:
        return parse_combined(table)
    if fmt.kind is LogFormat.W3C:
        return parse_w3c(table, fmt.fields)
    assert fmt.csv is not None
    return parse_csv(table, fmt.csv)
