"""Working-time personal social-media use per person and day (policy 6.3), in Ibis.

Two stages, both plain Ibis expressions so DuckDB and Spark compute the same thing:

1. One scan of the logs groups every line by malformed reason, and keeps only lines whose
   host is covered by a catalogue entry. Everything else collapses into one count per reason,
   so memory follows the amount of social-media traffic, not the log size.
2. On that small table: exact catalogue match (most specific entry, named in Python for each
   distinct host), attribution to a person (username first, then client address within its
   validity period), local time, working periods minus bank holidays, background polling
   runs, sessions and minutes.

Definitions (README.md): ``personal_minutes`` counts distinct clock minutes inside the person's
working periods with at least one interactive request; ``background_minutes`` counts working
minutes covered by a background run and holding no interactive request. A background run is a
stretch of requests from one person to one host at a steady period (say every 30 s +- 10 %)
for a long time: a tab or app left open, which 6.3(i) names separately.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import ibis
import ibis.expr.types as ir
import pandas as pd

from smpolicy.monitoring.catalogue import Catalogue
from smpolicy.monitoring.engines import Engine
from smpolicy.monitoring.formats import OK, FileFormat, LogFormat, parse
from smpolicy.monitoring.localtime import utc_offset
from smpolicy.monitoring.people import Register, bank_holidays

DAY = 86400
Small = Callable[[pd.DataFrame], ir.Table]


@dataclass(frozen=True)
class Settings:
    """Thresholds of the analysis; defaults are documented in README.md."""

    idle_gap: int = 300          # seconds without a request that end a session
    poll_min: int = 10           # background: shortest polling period, seconds
    poll_max: int = 900          # background: longest polling period, seconds
    poll_tolerance: float = 0.1  # background: allowed change between gaps, share of the gap
    poll_slack: int = 2          # background: ... or this many seconds, whichever is larger
    poll_steps: int = 6          # background: at least this many steady gaps in a row
    poll_span: int = 600         # background: lasting at least this many seconds
    timezone: str = "Europe/London"


@dataclass(frozen=True)
class DayRow:
    person_id: str
    date: str
    personal_minutes: int
    background_minutes: int
    sessions: int
    services: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    """What a report needs; the person ids are real here, pseudonymised when reported."""

    lines_read: int
    lines_matched: int
    malformed: dict[str, int]
    rows: tuple[DayRow, ...]
    heatmap: dict[tuple[int, int], int] = field(default_factory=dict)  # (weekday, hour) -> minutes


def scan(engine: Engine, files: list[tuple[Path, FileFormat]], catalogue: Catalogue) -> ir.Table:
    """Stage 1: one pass over every file; returns an expression to cache."""
    groups: dict[FileFormat, list[Path]] = {}
    for path, fmt in files:
        groups.setdefault(fmt, []).append(path)
    parsed = [
        parse(engine.csv(paths) if fmt.kind is LogFormat.CSV else engine.lines(paths), fmt,
              wanted=catalogue.domains())
        for fmt, paths in groups.items()
    ]
    table = parsed[0] if len(parsed) == 1 else ibis.union(*parsed)
    # Exact: the same rule as the catalogue (an entry covers itself and its subdomains), so
    # only social-media rows are kept (www.bbc.co.uk is not, though friendsreunited.co.uk is
    # listed). One regular expression of all entries compiles to one automaton: 0.4 s on 5M
    # hosts, where an IN list of 700 names inside a CASE took 8.9 s and a join was slower.
    keep = (table.reason == OK) & table.host.re_search(catalogue.pattern())
    flagged = table.mutate(keep=keep)  # worked out once per line, not once per column

    def kept(value: ir.Value, kind: str) -> ir.Value:
        return ibis.ifelse(flagged.keep, value, ibis.null().cast(kind))

    narrowed = flagged.select(
        reason=flagged.reason, ts=kept(flagged.ts, "int64"),
        client_ip=kept(flagged.client_ip, "string"),
        username=kept(flagged.username, "string"), host=kept(flagged.host, "string"),
    )
    return narrowed.group_by(["reason", "ts", "client_ip", "username", "host"]).aggregate(
        n=lambda t: t.count()
    )


def _match(events: ir.Table, catalogue: Catalogue, small: Small,
           run: Callable[[ir.Expr], pd.DataFrame]) -> ir.Table | None:
    """The service of each social-media row, by the most specific catalogue entry; None when
    the logs hold no social-media request.

    Only rows the scan kept reach here, so their distinct hosts are few: ``Catalogue.match``,
    the rule itself, names each one in Python, and one join carries the service back. (The
    engine-side version, one join per label count, took about twice as long.)
    """
    table = events.filter(events.host.notnull())
    hosts = run(table.select("host").distinct()).host
    named = [(str(h), entry.service) for h in hosts if (entry := catalogue.match(str(h)))]
    if not named:
        return None  # an empty lookup table would have no column types
    lookup = small(pd.DataFrame(named, columns=["m_host", "service"]))
    joined = table.join(lookup, table.host == lookup.m_host)
    return joined.select("ts", "client_ip", "username", "host", "n", "service")


def _attribute(social: ir.Table, register: Register, small: Small) -> ir.Table:
    """Username first (a proxy login is the stronger evidence), then the client address."""
    rows = [(i.person_id, i.client_ip, i.username, i.valid_from, i.valid_to,
             register.is_exempt(i.person_id)) for i in register.identities]
    ids = small(pd.DataFrame(
        rows, columns=["pid", "ip", "user", "vfrom", "vto", "exempt"]
    ).astype({"vfrom": "int64", "vto": "int64", "exempt": "bool"}))
    by_user = ids.filter(ids.user.notnull()).select(
        u_pid="pid", u_user="user", u_from="vfrom", u_to="vto", u_exempt="exempt")
    by_ip = ids.filter(ids.ip.notnull()).select(
        i_pid="pid", i_ip="ip", i_from="vfrom", i_to="vto", i_exempt="exempt")
    joined = social.left_join(
        by_user, [social.username == by_user.u_user, social.ts >= by_user.u_from,
                  social.ts < by_user.u_to]
    )
    joined = joined.left_join(
        by_ip, [joined.client_ip == by_ip.i_ip, joined.ts >= by_ip.i_from, joined.ts < by_ip.i_to]
    )
    person = ibis.coalesce(joined.u_pid, joined.i_pid)
    exempt = ibis.ifelse(joined.u_pid.notnull(), joined.u_exempt, joined.i_exempt)
    out = joined.select("ts", "host", "service", person=person, exempt=exempt)
    return out.filter(out.person.notnull() & ~out.exempt).drop("exempt")


def _local(table: ir.Table, column: str, zone: ZoneInfo, first: int, last: int,
           prefix: str = "") -> ir.Table:
    local = table[column] + utc_offset(table[column], zone, first, last)
    return table.mutate(**{
        f"{prefix}lts": local,
        f"{prefix}day": local // DAY,
        f"{prefix}minute": (local % DAY) // 60,
    })


def _working(table: ir.Table, periods: ir.Table, holidays: ir.Table,
             day: str = "day", minute: str = "minute") -> ir.Table:
    weekday = (table[day] + 3) % 7  # 1970-01-01 was a Thursday; 0 = Monday
    with_weekday = table.mutate(weekday=weekday)
    inside = with_weekday.join(periods, [
        with_weekday.person == periods.p_person, with_weekday.weekday == periods.p_weekday,
        with_weekday[minute] >= periods.p_start, with_weekday[minute] < periods.p_end,
    ])
    return inside.anti_join(holidays, inside[day] == holidays.h_day).drop(
        "p_person", "p_weekday", "p_start", "p_end")


def _background_runs(requests: ir.Table, s: Settings) -> ir.Table:
    """Runs of steady polling per person, host and day."""
    w = ibis.window(group_by=["person", "host", "day"], order_by="ts")
    stepped = requests.mutate(gap=requests.ts - requests.ts.lag().over(w),
                              start2=requests.ts.lag(2).over(w))
    stepped = stepped.mutate(prev_gap=stepped.gap.lag().over(w))
    relative = (stepped.gap * s.poll_tolerance).cast("int64")
    slack = ibis.greatest(ibis.literal(s.poll_slack), relative)
    steady = (
        stepped.gap.between(s.poll_min, s.poll_max)
        & stepped.prev_gap.between(s.poll_min, s.poll_max)
        & ((stepped.gap - stepped.prev_gap).abs() <= slack)
    ).fill_null(False)
    flagged = stepped.mutate(steady=steady)
    running = ibis.window(group_by=["person", "host", "day"], order_by="ts", rows=(None, 0))
    flagged = flagged.mutate(run=(~flagged.steady).cast("int64").sum().over(running))
    runs = flagged.filter(flagged.steady).group_by(["person", "host", "day", "run"]).aggregate(
        start=lambda t: t.start2.min(), end=lambda t: t.ts.max(), steps=lambda t: t.count())
    return runs.filter((runs.steps >= s.poll_steps) & (runs.end - runs.start >= s.poll_span))


def analyse(engine: Engine, files: list[tuple[Path, FileFormat]], catalogue: Catalogue,
            register: Register, settings: Settings = Settings(),
            progress: Callable[[str], None] = lambda _: None) -> Analysis:
    progress("scanning logs")
    events = scan(engine, files, catalogue).cache()
    progress("analysing social-media requests")
    undecodable = engine.undecodable()
    totals = engine.con.execute(events.group_by("reason").aggregate(n=events.n.sum()))
    malformed = {str(r): int(n) for r, n in zip(totals.reason, totals.n, strict=True) if r != OK}
    if undecodable:
        malformed["undecodable"] = malformed.get("undecodable", 0) + undecodable
    lines_read = int(totals.n.sum()) + undecodable

    small = engine.small
    social = _match(events, catalogue, small, engine.con.execute)
    if social is None:
        return Analysis(lines_read, 0, malformed, ())
    span = engine.con.execute(social.aggregate(lo=social.ts.min(), hi=social.ts.max(),
                                               n=social.n.sum()))
    lines_matched = int(span.n[0])
    first, last = int(span.lo[0]) - 2 * DAY, int(span.hi[0]) + 2 * DAY
    zone = ZoneInfo(settings.timezone)

    requests = _local(_attribute(social, register, small), "ts", zone, first, last).cache()
    periods = small(pd.DataFrame(
        [(p.person_id, p.weekday, p.start, p.end) for p in register.periods],
        columns=["p_person", "p_weekday", "p_start", "p_end"]).astype(
        {"p_weekday": "int64", "p_start": "int64", "p_end": "int64"}))
    years = range(datetime.fromtimestamp(first, UTC).year,
                  datetime.fromtimestamp(last, UTC).year + 1)
    holidays = small(pd.DataFrame(
        {"h_day": [d.toordinal() - 719163 for d in bank_holidays(years.start, years.stop - 1)]},
        dtype="int64"))

    runs = _background_runs(requests, settings).cache()
    in_run = runs.select(b_person="person", b_host="host", b_day="day", b_start="start",
                         b_end="end")
    marked = requests.left_join(in_run, [
        requests.person == in_run.b_person, requests.host == in_run.b_host,
        requests.day == in_run.b_day, requests.ts >= in_run.b_start, requests.ts <= in_run.b_end,
    ])
    interactive = marked.filter(marked.b_person.isnull()).select(
        "person", "ts", "day", "minute", "service")
    interactive = _working(interactive, periods, holidays).cache()

    personal = interactive.select("person", "day", "minute").distinct()
    sessions_w = ibis.window(group_by=["person", "day"], order_by="ts")
    gaps = interactive.mutate(gap=interactive.ts - interactive.ts.lag().over(sessions_w))
    new = (gaps.gap.isnull() | (gaps.gap > settings.idle_gap)).cast("int64")
    sessions = gaps.mutate(new=new).group_by(["person", "day"]).aggregate(
        sessions=lambda t: t.new.sum())

    minutes = small(pd.DataFrame({"g_minute": range(0, DAY // 60)}, dtype="int64"))
    bounds = _local(_local(runs, "start", zone, first, last, "s_"), "end", zone, first, last, "e_")
    # runs are grouped by local day, so a run starts and ends on the same day
    covered = bounds.join(minutes, [minutes.g_minute >= bounds.s_minute,
                                    minutes.g_minute <= bounds.e_minute])
    covered = covered.select("person", "host", day="s_day", minute="g_minute")
    covered = _working(covered, periods, holidays)
    background = covered.select("person", "day", "minute").distinct().anti_join(
        personal, ["person", "day", "minute"])
    services_bg = covered.join(
        background, ["person", "day", "minute"]).select("person", "day", "host").distinct()
    host_service = social.select("host", "service").distinct()
    services = ibis.union(
        interactive.select("person", "day", "service").distinct(),
        services_bg.join(host_service, "host").select("person", "day", "service"),
        distinct=True,
    )

    run = engine.con.execute
    personal_df = run(personal.group_by(["person", "day"]).aggregate(n=lambda t: t.count()))
    background_df = run(background.group_by(["person", "day"]).aggregate(n=lambda t: t.count()))
    sessions_df = run(sessions)
    services_df = run(services)
    heat_df = run(personal.mutate(weekday=(personal.day + 3) % 7, hour=personal.minute // 60)
                  .group_by(["weekday", "hour"]).aggregate(n=lambda t: t.count()))
    return Analysis(
        lines_read, lines_matched, malformed,
        _rows(personal_df, background_df, sessions_df, services_df),
        {(int(w), int(h)): int(n) for w, h, n in zip(heat_df.weekday, heat_df.hour, heat_df.n,
                                                      strict=True)},
    )


def _rows(personal: pd.DataFrame, background: pd.DataFrame, sessions: pd.DataFrame,
          services: pd.DataFrame) -> tuple[DayRow, ...]:
    keys = {(str(p), int(d)) for p, d in zip(personal.person, personal.day, strict=True)}
    keys |= {(str(p), int(d)) for p, d in zip(background.person, background.day, strict=True)}

    def counts(frame: pd.DataFrame, column: str) -> dict[tuple[str, int], int]:
        return {(str(p), int(d)): int(v) for p, d, v in
                zip(frame.person, frame.day, frame[column], strict=True)}

    pm, bm, ss = counts(personal, "n"), counts(background, "n"), counts(sessions, "sessions")
    named: dict[tuple[str, int], set[str]] = {}
    for p, d, s in zip(services.person, services.day, services.service, strict=True):
        named.setdefault((str(p), int(d)), set()).add(str(s))
    return tuple(
        DayRow(person, _date(day), pm.get((person, day), 0), bm.get((person, day), 0),
               ss.get((person, day), 0), tuple(sorted(named.get((person, day), ()))))
        for person, day in sorted(keys)
    )


def _date(day: int) -> str:
    return datetime.fromtimestamp(day * DAY, UTC).date().isoformat()
