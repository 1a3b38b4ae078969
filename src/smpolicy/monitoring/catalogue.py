"""The social-media catalogue: which hosts belong to which service (policy 4.1, 6.3).

The seed is UT1's ``social_networks`` list (CC BY-SA 4.0, ``data/ut1/``) plus the project's own
additions (``data/social_media/additions.csv``, same licence): CDN, API and short-link hosts of
the same services, and services UT1 files elsewhere (YouTube) or lacks (Threads, Bluesky).

An entry matches its domain and every subdomain; the most specific entry wins, so a council
can carve out ``news.example.com`` from ``example.com``. The public suffix list comes from
tldextract's bundled snapshot and is never fetched (``screening.suffixes``, the engine's own
lookup, so a host has one registered domain everywhere): an entry that is itself a public
suffix (``co.uk``) would match half the web, so it is refused.
"""

from __future__ import annotations

import csv
import ipaddress
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from smpolicy.exceptions import ConfigError
from smpolicy.screening.suffixes import split_host

DEFAULT_CATEGORIES = ("social_networks", "video_sharing")
CATALOGUE_FIELDS = ("domain", "service", "category", "source")


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalogue line: a host suffix and the service it belongs to."""

    domain: str
    service: str
    category: str
    source: str


def registered_domain(host: str) -> str:
    """``www.news.bbc.co.uk`` -> ``bbc.co.uk``; the host itself for IPs and bare suffixes."""
    host = normalise_host(host)
    name, suffix = split_host(host)
    return f"{name}.{suffix}" if name and suffix else host


def normalise_host(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    if host.startswith("*."):
        host = host[2:]
    return host.encode("idna").decode("ascii") if not host.isascii() else host


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class Catalogue:
    """Host -> service lookup; ``pattern()`` is the same rule for the engine's scan."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        by_domain: dict[str, Entry] = {}
        for entry in entries:
            by_domain[entry.domain] = entry  # later sources (additions) override the seed
        self._entries = by_domain

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(sorted(self._entries.values(), key=lambda e: e.domain))

    def match(self, host: str) -> Entry | None:
        """The most specific entry covering ``host``, or None."""
        labels = normalise_host(host).split(".")
        for start in range(len(labels)):
            entry = self._entries.get(".".join(labels[start:]))
            if entry is not None:
                return entry
        return None

    def domains(self) -> str:
        """A regular expression of the entries' domains, one alternation (no anchors)."""
        names = "|".join(re.escape(domain) for domain in sorted(self._entries))
        return f"(?:{names})" if names else r"[^\s\S]"

    def pattern(self) -> str:
        """A regular expression matching exactly the hosts some entry covers (itself or a
        subdomain); plain enough for RE2 (DuckDB) and Java (Spark) alike."""
        return rf"(?:^|\.){self.domains()}$" if self._entries else r"[^\s\S]"

    def write_csv(self, path: Path) -> None:
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(CATALOGUE_FIELDS)
            for entry in self:
                writer.writerow([entry.domain, entry.service, entry.category, entry.source])


def _checked(domain: str, service: str, category: str, source: str, where: str) -> Entry:
    host = normalise_host(domain)
    if not host or " " in host or "/" in host:
        raise ConfigError(f"{where}: {domain!r} is not a host name")
    if not _is_ip(host) and not all(split_host(host)):
        raise ConfigError(
            f"{where}: {domain!r} is a public suffix and would match every site under it")
    return Entry(host, service or registered_domain(host), category, source)


def read_domain_list(path: Path, category: str, source: str) -> Iterator[Entry]:
    """A UT1-style list: one domain per line; blank lines and ``#`` comments skipped."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            text = line.strip()
            if text and not text.startswith("#"):
                yield _checked(text, "", category, source, f"{path.name}:{number}")


def read_catalogue_csv(path: Path, default_source: str | None = None) -> Iterator[Entry]:
    """A catalogue or additions CSV with at least ``domain,service,category`` columns."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {"domain", "service", "category"} - set(reader.fieldnames or ())
        if missing:
            raise ConfigError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        for number, row in enumerate(reader, start=2):
            source = row.get("source") or default_source or path.name
            yield _checked(row["domain"] or "", (row["service"] or "").strip(),
                           (row["category"] or "").strip(), source, f"{path.name}:{number}")


def default_catalogue(categories: Iterable[str] = DEFAULT_CATEGORIES) -> Catalogue:
    """UT1 social_networks plus the project additions, limited to ``categories``."""
    data = resources.files("smpolicy") / "data"
    with resources.as_file(data / "ut1" / "social_networks_domains.txt") as ut1, \
            resources.as_file(data / "social_media" / "additions.csv") as additions:
        entries = [*read_domain_list(ut1, "social_networks", "ut1"),
                   *read_catalogue_csv(additions, "smpolicy")]
    wanted = set(categories)
    return Catalogue(e for e in entries if e.category in wanted)


def load_catalogue(path: str | Path | None = None,
                   categories: Iterable[str] = DEFAULT_CATEGORIES) -> Catalogue:
    """The shipped catalogue, or a CSV written by ``smpolicy monitor catalogue update``."""
    if path is None:
        return default_catalogue(categories)
    file = Path(path)
    if not file.is_file():
        raise ConfigError(f"catalogue file not found: {file}")
    wanted = set(categories)
    return Catalogue(e for e in read_catalogue_csv(file) if e.category in wanted)


def updated_catalogue(ut1_domains: Path, additions: Path | None = None) -> Catalogue:
    """A newer UT1 ``social_networks/domains`` file merged with the project's additions."""
    if not ut1_domains.is_file():
        raise ConfigError(f"UT1 domains file not found: {ut1_domains}")
    entries = list(read_domain_list(ut1_domains, "social_networks", "ut1"))
    if additions is None:
        with resources.as_file(
            resources.files("smpolicy") / "data" / "social_media" / "additions.csv"
        ) as shipped:
            entries.extend(read_catalogue_csv(shipped, "smpolicy"))
    else:
        entries.extend(read_catalogue_csv(additions, "local"))
    return Catalogue(entries)
