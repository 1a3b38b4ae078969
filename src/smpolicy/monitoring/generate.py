"""Synthetic proxy logs with known ground truth, for tests and benchmarks.

N people over D days: working periods with a lunch break, part-timers, communications staff
with business use (6.2), interactive social-media sessions (some in breaks or out of hours),
background polling left running, ordinary browsing as noise, and malformed lines. The truth is
computed from the generated requests with the definitions in README.md, independently of the
Ibis analysis it checks.
"""

from __future__ import annotations

import csv
import gzip
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo

from smpolicy.monitoring.people import bank_holidays

ZONE = ZoneInfo("Europe/London")
INTERACTIVE_HOSTS = {
    "Facebook": ("www.facebook.com", "static.xx.fbcdn.net", "scontent.fbcdn.net"),
    "X (Twitter)": ("x.com", "pbs.twimg.com", "abs.twimg.com"),
    "Instagram": ("www.instagram.com", "scontent.cdninstagram.com"),
    "LinkedIn": ("www.linkedin.com", "media.licdn.com"),
    "YouTube": ("www.youtube.com", "i.ytimg.com"),
}
POLLING_HOSTS = {"Facebook": "edge-chat.facebook.com", "X (Twitter)": "api.x.com",
                 "LinkedIn": "realtime.www.linkedin.com"}
NOISE_HOSTS = ("www.gov.uk", "www.bbc.co.uk", "intranet.council.example", "outlook.office365.com",
               "www.google.com", "fonts.gstatic.com", "www.dorsetcouncil.gov.uk")
MALFORMED = {
    "too_few_fields": "1711357200.123 12 10.9.9.9 TCP_MISS/200",
    "bad_timestamp": "yesterday 12 10.9.9.9 TCP_MISS/200 512 GET http://x.example/ - HIER_NONE/- -",
    "no_host": "1711357200.123 0 10.9.9.9 NONE/400 0 NONE error:transaction-end-before-headers - "
               "HIER_NONE/- -",
}


@dataclass(frozen=True)
class Request:
    ts: float
    ip: str
    username: str
    host: str
    method: str = "GET"


@dataclass
class Truth:
    """Expected report values per (person_id, date)."""

    personal: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    background: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    runs: list[tuple[str, float, float]] = field(default_factory=list)  # person, start, end
    malformed: dict[str, int] = field(default_factory=dict)
    lines: int = 0


@dataclass(frozen=True)
class Scenario:
    people: int = 12
    days: int = 10
    start: date = date(2024, 3, 25)  # a Monday: Good Friday, Easter Monday and the clock change
    seed: int = 7
    malformed_rate: float = 0.002
    noise_per_hour: int = 40


def _people(n: int) -> list[dict[str, str]]:
    rows = []
    for i in range(n):
        comms = i % 5 == 4
        rows.append({
            "person_id": f"E{i + 1:03d}", "name": f"Person {i + 1}",
            "role": "communications" if comms else ("clerk" if i % 2 else "officer"),
            "client_ip": f"10.0.0.{i + 10}", "username": f"user{i + 1}" if i % 3 == 0 else "",
            "business_use": "true" if comms else "false",
        })
    return rows


def _periods(i: int) -> dict[int, list[tuple[int, int]]]:
    if i % 4 == 3:  # part-time: three mornings
        return {d: [(9 * 60, 13 * 60)] for d in (0, 1, 2)}
    return {d: [(9 * 60, 12 * 60 + 30), (13 * 60 + 30, 17 * 60)] for d in range(5)}


def _epoch(day: date, seconds: float) -> float:
    local = datetime(day.year, day.month, day.day, tzinfo=ZONE) + timedelta(seconds=seconds)
    return local.timestamp()


def _local_minute(ts: float) -> tuple[str, int]:
    local = datetime.fromtimestamp(int(ts), UTC).astimezone(ZONE)
    return local.date().isoformat(), local.hour * 60 + local.minute


def generate(scenario: Scenario) -> tuple[list[dict[str, str]], list[dict[str, str]],
                                            list[Request], Truth]:
    """People rows, hours rows, requests (time-sorted) and the truth."""
    rng = random.Random(scenario.seed)
    people = _people(scenario.people)
    hours = [
        {"person_id": p["person_id"], "weekday": str(d), "start": f"{s // 60:02d}:{s % 60:02d}",
         "end": f"{e // 60:02d}:{e % 60:02d}"}
        for i, p in enumerate(people) for d, spans in _periods(i).items() for s, e in spans
    ]
    days = [scenario.start + timedelta(days=k) for k in range(scenario.days)]
    holidays = set(bank_holidays(days[0].year, days[-1].year))
    requests: list[Request] = []
    truth = Truth()
    for i, person in enumerate(people):
        pid, ip, user = person["person_id"], person["client_ip"], person["username"] or "-"
        monitored = person["business_use"] == "false"
        periods = _periods(i)
        for day in days:
            working = [] if day in holidays else periods.get(day.weekday(), [])
            key = (pid, day.isoformat())

            def at_work(minute: int, working: list[tuple[int, int]] = working) -> bool:
                return any(s <= minute < e for s, e in working)

            for _ in range(scenario.noise_per_hour * 10):
                ts = _epoch(day, rng.uniform(8 * 3600, 18 * 3600))
                requests.append(Request(ts, ip, user, rng.choice(NOISE_HOSTS)))
            interactive_minutes: set[int] = set()
            for _ in range(rng.randint(0, 4)):
                service = rng.choice(list(INTERACTIVE_HOSTS))
                t = rng.uniform(7 * 3600, 19 * 3600)
                end = t + rng.uniform(60, 15 * 60)
                while t < end:
                    ts = _epoch(day, t)
                    requests.append(Request(ts, ip, user, rng.choice(INTERACTIVE_HOSTS[service])))
                    _, minute = _local_minute(ts)
                    if monitored and at_work(minute):
                        interactive_minutes.add(minute)
                    t += rng.uniform(1, 20)
            if interactive_minutes:
                truth.personal[key] = interactive_minutes
            if rng.random() < 0.5:
                service = rng.choice(list(POLLING_HOSTS))
                period = rng.choice((30, 60, 120))
                t = rng.uniform(8 * 3600, 15 * 3600)
                end = t + rng.uniform(20 * 60, 120 * 60)
                first = _epoch(day, t)
                last = first
                while t < end:
                    last = _epoch(day, t)
                    requests.append(Request(last, ip, user, POLLING_HOSTS[service], "POST"))
                    t += period + rng.uniform(-1, 1)
                _, a = _local_minute(first)
                _, b = _local_minute(last)
                covered = {m for m in range(a, b + 1) if at_work(m)} - interactive_minutes
                if monitored and covered:
                    truth.runs.append((pid, first, last))
                    truth.background.setdefault(key, set()).update(covered)
    requests.sort(key=lambda r: r.ts)
    return people, hours, requests, truth


def squid_line(r: Request, rng: random.Random) -> str:
    url = f"{r.host}:443" if r.method == "CONNECT" else f"https://{r.host}/{rng.randrange(9999)}"
    return (f"{r.ts:.3f} {rng.randrange(1, 5000):6d} {r.ip} TCP_MISS/200 "
            f"{rng.randrange(200, 90000)} {r.method} {url} {r.username} "
            "HIER_DIRECT/93.184.216.34 text/html")


def combined_line(r: Request, rng: random.Random) -> str:
    stamp = datetime.fromtimestamp(r.ts, UTC).astimezone(ZONE).strftime("%d/%b/%Y:%H:%M:%S %z")
    return (f'{r.ip} - {r.username} [{stamp}] "{r.method} https://{r.host}/p HTTP/1.1" 200 '
            f'{rng.randrange(200, 9000)} "-" "Mozilla/5.0 (X11)" TCP_MISS:HIER_DIRECT')


W3C_FIELDS = "date time time-taken c-ip cs-username cs-method cs-host cs-uri-stem sc-status"


def w3c_line(r: Request, rng: random.Random) -> str:
    moment = datetime.fromtimestamp(r.ts, UTC)
    return (f"{moment:%Y-%m-%d %H:%M:%S} {rng.randrange(1, 900)} {r.ip} {r.username} {r.method} "
            f"{r.host} /{rng.randrange(999)} 200")


def _lines(fmt: str, requests: list[Request], truth: Truth, rate: float,
           rng: random.Random) -> Iterator[str]:
    render = {"squid": squid_line, "combined": combined_line, "w3c": w3c_line}[fmt]
    for request in requests:
        if rate and rng.random() < rate and fmt == "squid":
            reason = rng.choice(sorted(MALFORMED))
            truth.malformed[reason] = truth.malformed.get(reason, 0) + 1
            truth.lines += 1
            yield MALFORMED[reason]
        truth.lines += 1
        yield render(request, rng)


def write_log(path: Path, fmt: str, requests: list[Request], truth: Truth,
              malformed_rate: float = 0.0, seed: int = 1) -> None:
    """Write ``squid``, ``combined``, ``w3c`` or ``csv``; gzip when the name ends in .gz."""
    rng = random.Random(seed)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as out:  # type: ignore[operator]
        if fmt == "csv":
            _write_csv(out, requests, truth)
            return
        if fmt == "w3c":
            out.write(f"#Software: smpolicy generator\n#Version: 1.0\n#Fields: {W3C_FIELDS}\n")
        for line in _lines(fmt, requests, truth, malformed_rate, rng):
            out.write(line + "\n")


def _write_csv(out: IO[str], requests: list[Request], truth: Truth) -> None:
    writer = csv.writer(out)
    writer.writerow(["Time", "Source IP", "User", "URL", "Action"])
    for r in requests:
        stamp = datetime.fromtimestamp(int(r.ts), UTC).astimezone(ZONE).isoformat()
        writer.writerow([stamp, r.ip, r.username if r.username != "-" else "",
                         f"https://{r.host}/a,b", "allowed"])
        truth.lines += 1


def write_register(directory: Path, people: list[dict[str, str]],
                   hours: list[dict[str, str]]) -> tuple[Path, Path]:
    people_path, hours_path = directory / "people.csv", directory / "hours.csv"
    for path, rows in ((people_path, people), (hours_path, hours)):
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return people_path, hours_path
