"""Who is behind a log line, and when they are working (policy 6.2, 6.3).

Two CSV files, stable formats documented in README.md:

* people: ``person_id,name,role,client_ip,username,business_use`` (optional ``valid_from``,
  ``valid_to``: ISO dates or date-times, for addresses handed out by DHCP). One person may have
  several rows (several devices, or an address that changed).
* hours: ``person_id,weekday,start,end``, one row per working period, weekday 0 = Monday, times
  ``HH:MM`` local. A lunch break is the gap between two rows.

Bad rows are refused with the file, line and field named: a monitoring report built on a
half-read register would be unfair to the people it leaves out or misattributes.
"""

from __future__ import annotations

import csv
import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays

from smpolicy.exceptions import RegisterError

PEOPLE_FIELDS = ("person_id", "name", "role", "client_ip", "username", "business_use")
HOURS_FIELDS = ("person_id", "weekday", "start", "end")
TRUE_WORDS = {"true", "yes", "y", "1"}
FALSE_WORDS = {"false", "no", "n", "0", ""}
FOREVER = 2**62


@dataclass(frozen=True, slots=True)
class Identity:
    """One way a person shows up in the log, valid for [valid_from, valid_to) in UTC seconds."""

    person_id: str
    client_ip: str | None
    username: str | None
    valid_from: int = 0
    valid_to: int = FOREVER


@dataclass(frozen=True, slots=True)
class Person:
    person_id: str
    name: str
    role: str
    business_use: bool


@dataclass(frozen=True, slots=True)
class WorkingPeriod:
    """A contracted stretch of work: minutes since local midnight, [start, end)."""

    person_id: str
    weekday: int
    start: int
    end: int


@dataclass(frozen=True)
class Register:
    """People, their log identities and working periods; exemptions applied by role too."""

    people: dict[str, Person]
    identities: tuple[Identity, ...]
    periods: tuple[WorkingPeriod, ...]
    exempt_roles: frozenset[str] = frozenset()

    def is_exempt(self, person_id: str) -> bool:
        """6.2: people who post for the council are not monitored for personal use."""
        person = self.people[person_id]
        return person.business_use or person.role.casefold() in self.exempt_roles

    def monitored_identities(self) -> list[Identity]:
        return [i for i in self.identities if not self.is_exempt(i.person_id)]


def _rows(path: Path, required: Iterable[str]) -> Iterable[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise RegisterError(f"file not found: {path}")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = set(required) - set(reader.fieldnames or ())
        if missing:
            raise RegisterError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        for number, row in enumerate(reader, start=2):
            if None in row:
                raise RegisterError(f"{path}:{number}: more fields than the header has")
            yield number, {k: (v or "").strip() for k, v in row.items()}


def _instant(text: str, zone: ZoneInfo, where: str) -> int | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise RegisterError(f"{where}: {text!r} is not an ISO date or date-time") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return int(value.timestamp())


def load_people(path: Path, zone: ZoneInfo) -> tuple[dict[str, Person], list[Identity]]:
    people: dict[str, Person] = {}
    identities: list[Identity] = []
    for number, row in _rows(path, PEOPLE_FIELDS):
        where = f"{path}:{number}"
        person_id = row["person_id"]
        if not person_id:
            raise RegisterError(f"{where}: person_id is empty")
        flag = row["business_use"].casefold()
        if flag not in TRUE_WORDS | FALSE_WORDS:
            raise RegisterError(f"{where}: business_use must be true or false, not {flag!r}")
        person = Person(person_id, row["name"], row["role"], flag in TRUE_WORDS)
        if people.setdefault(person_id, person) != person:
            raise RegisterError(f"{where}: {person_id} has a different name, role or business_use")
        ip, username = row["client_ip"] or None, row["username"] or None
        if ip is None and username is None:
            raise RegisterError(f"{where}: give client_ip or username for {person_id}")
        if ip is not None:
            try:
                ip = str(ipaddress.ip_address(ip))
            except ValueError:
                raise RegisterError(f"{where}: {ip!r} is not an IP address") from None
        start = _instant(row.get("valid_from", ""), zone, where)
        end = _instant(row.get("valid_to", ""), zone, where)
        identities.append(Identity(person_id, ip, username, start or 0, end or FOREVER))
    _refuse_overlaps(identities, path)
    return people, identities


def _refuse_overlaps(identities: list[Identity], path: Path) -> None:
    """One address or username must mean one person at any instant."""
    for key in ("client_ip", "username"):
        spans: dict[str, list[Identity]] = {}
        for identity in identities:
            value = getattr(identity, key)
            if value is not None:
                spans.setdefault(value, []).append(identity)
        for value, group in spans.items():
            group.sort(key=lambda i: i.valid_from)
            for before, after in pairwise(group):
                if after.valid_from < before.valid_to and after.person_id != before.person_id:
                    raise RegisterError(
                        f"{path}: {key} {value} belongs to both {before.person_id} and "
                        f"{after.person_id} at the same time; give valid_from/valid_to"
                    )


def _clock(text: str, where: str) -> int:
    try:
        parsed = time.fromisoformat(text)
    except ValueError:
        if text == "24:00":
            return 24 * 60
        raise RegisterError(f"{where}: {text!r} is not a time HH:MM") from None
    return parsed.hour * 60 + parsed.minute


def load_hours(path: Path, people: dict[str, Person]) -> list[WorkingPeriod]:
    periods: list[WorkingPeriod] = []
    for number, row in _rows(path, HOURS_FIELDS):
        where = f"{path}:{number}"
        if row["person_id"] not in people:
            raise RegisterError(f"{where}: {row['person_id']!r} is not in the people file")
        if row["weekday"] not in {str(d) for d in range(7)}:
            raise RegisterError(f"{where}: weekday must be 0 (Monday) to 6, not {row['weekday']!r}")
        start, end = _clock(row["start"], where), _clock(row["end"], where)
        if end <= start:
            raise RegisterError(f"{where}: end {row['end']} is not after start {row['start']}")
        periods.append(WorkingPeriod(row["person_id"], int(row["weekday"]), start, end))
    return periods


def load_register(people_path: Path, hours_path: Path, zone: ZoneInfo,
                  exempt_roles: Iterable[str] = ()) -> Register:
    people, identities = load_people(people_path, zone)
    periods = load_hours(hours_path, people)
    return Register(people, tuple(identities), tuple(periods),
                    frozenset(r.casefold() for r in exempt_roles))


def bank_holidays(first_year: int, last_year: int) -> dict[date, str]:
    """England and Wales bank holidays, from the ``holidays`` package (shipped, offline)."""
    years = range(first_year, last_year + 1)
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=years).items())
