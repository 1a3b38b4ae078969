"""Links in posts: find URLs in text, reduce them to a host and a registered domain, and look
the domain up in the UT1 category lists that ship in ``smpolicy/data/ut1/`` (CC BY-SA 4.0).

Everything here is offline on purpose: registered domains come from the public-suffix snapshot
bundled in tldextract's wheel, looked up as tldextract would (``suffixes``; no suffix-list
download, no cache directory), and the category lists are read from the package once, on first
use. Nothing ever resolves or fetches a link: a shortened link is
reported as hiding its target instead of being followed.
"""

from __future__ import annotations

import ipaddress
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from smpolicy.screening.buildcache import cached
from smpolicy.screening.suffixes import split_host

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

# The package's data folder, as ``lexicon.LEXICON_DIR`` finds its own (importlib.resources, and
# the zipfile module its readers import, cost ~0.002 s of every run's start-up).
DATA_DIR = Path(__file__).parent.parent / "data"

# The UT1 content categories this package ships (see data/ut1/LICENSE.txt). A deployment with
# the full UT1 lists (including the large ``adult`` list) points ``DomainCategories`` at them.
SHIPPED_CATEGORIES: tuple[str, ...] = (
    "agressif",
    "mixed_adult",
    "lingerie",
    "drogue",
    "gambling",
    "dangerous_material",
    "warez",
    "shortener",
)

# A URL with a scheme, a www. host, or a bare host name such as "bet365.com/offers". Bare
# hosts are kept only when their suffix is a real public suffix (checked after matching).
# The look-behind keeps e-mail addresses ("bob@example.com") and longer words out.
_URL = re.compile(
    r"""(?<![\w@.\-/])
    (?:
        (?:https?|ftp)://[^\s<>"'`]+
      | www\d{0,3}\.[^\s<>"'`]+
      | (?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9\-]{0,62}[a-z0-9]
        (?:[/:?\#][^\s<>"'`]*)?
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Cheap test run first: without "://" or a dot between two word characters there is no link.
# Written dot first ("\w\.\w" with the first "\w" as a look-behind): re then skips straight to
# the dots and colons instead of trying "\w" at every position (5x faster on our posts).
_HINT = re.compile(r"\.(?<=\w\.)\w|://")
_TRAILING = ".,;:!?'\"*_~"
_CLOSERS = {")": "(", "]": "[", "}": "{"}


@dataclass(frozen=True, slots=True)
class Link:
    """A link as written in a post and the names it resolves to (without any network)."""

    url: str
    host: str  # lower case, no port, no trailing dot: "www.bet365.com"
    domain: str  # registered domain: "bet365.com"; the address itself for an IP
    start: int = 0  # [start, end) in the text it was found in
    end: int = 0


def find_links(text: str) -> list[Link]:
    """Every link in ``text``, in order, with its span; words that merely contain a dot are not."""
    if not _HINT.search(text):
        return []
    found = []
    for match in _URL.finditer(text):
        url = _trim(match.group())
        link = parse_link(url, start=match.start())
        if link is not None:
            found.append(link)
    return found


def parse_link(url: str, *, start: int = 0) -> Link | None:
    """A ``Link`` for one URL or bare host name, or None if it names no real host."""
    url = url.strip()
    has_scheme = "://" in url
    try:
        host = urlsplit(url if has_scheme else f"//{url}").hostname
    except ValueError:  # e.g. a malformed IPv6 literal
        return None
    if not host:
        return None
    host = _ascii_host(host.rstrip("."))
    if host is None:
        return None
    if _is_ip(host):
        return Link(url=url, host=host, domain=host, start=start, end=start + len(url))
    name, suffix = split_host(host)
    if not suffix or not name:
        return None
    domain = f"{name}.{suffix}"
    return Link(url=url, host=host, domain=domain, start=start, end=start + len(url))


def registered_domain(url_or_host: str) -> str | None:
    """``"https://m.bet365.co.uk/x"`` -> ``"bet365.co.uk"``; None when no real host is named."""
    link = parse_link(url_or_host)
    return link.domain if link else None


def host_and_parents(host: str) -> Iterator[str]:
    """``a.b.example.com`` -> ``a.b.example.com``, ``b.example.com``, ``example.com``, ``com``."""
    yield host
    if _is_ip(host):
        return
    position = host.find(".")
    while position != -1:
        yield host[position + 1 :]
        position = host.find(".", position + 1)


class DomainCategories:
    """UT1 category look-up: a host belongs to a category when it or any parent is listed.

    The lists load on the first look-up, not at import or construction, so a screener that never
    meets a link never reads them.
    """

    def __init__(
        self,
        directory: Traversable | None = None,
        categories: Iterable[str] = SHIPPED_CATEGORIES,
    ) -> None:
        self._directory = directory
        self._categories = tuple(categories)
        self._index: dict[str, tuple[str, ...]] | None = None

    @property
    def categories(self) -> tuple[str, ...]:
        return self._categories

    def categories_of(self, host: str) -> tuple[str, ...]:
        """The categories of ``host`` (a host name, not a URL), most specific listing first."""
        index = self._load()
        found: list[str] = []
        for name in host_and_parents(host.lower().rstrip(".")):
            for category in index.get(name, ()):
                if category not in found:
                    found.append(category)
        return tuple(found)

    def _load(self) -> dict[str, tuple[str, ...]]:
        if self._index is None:
            if self._directory is None:
                self._index = _shipped_index(self._categories)
            else:
                self._index = _build_index(self._directory, self._categories)
        return self._index


class DomainList:
    """A council's own list of domains (allow or deny): an entry covers its subdomains too.

    Entries may be written as domains, hosts, ``*.domain`` or whole URLs.
    """

    def __init__(self, entries: Iterable[str]) -> None:
        self._entries = frozenset(filter(None, (_entry_host(entry) for entry in entries)))

    def __bool__(self) -> bool:
        return bool(self._entries)

    def match(self, host: str) -> str | None:
        """The entry ``host`` falls under, if any."""
        if not self._entries:
            return None
        for name in host_and_parents(host):
            if name in self._entries:
                return name
        return None


@cache
def _shipped_index(categories: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The bundled lists, read once per process however many screeners are built.

    While a command's build cache is open the index comes from it (~0.005 s against ~0.01 s to
    build, in every run whose posts hold a link, and in every warmed-up one), keyed by each
    list's name, size and CRC-32: a changed list is read again.
    """
    directory = DATA_DIR / "ut1"
    key = []
    for category in categories:
        source = directory / f"{category}_domains.txt"
        data = source.read_bytes() if source.is_file() else b""
        key.append((category, len(data), zlib.crc32(data)))
    return cached("ut1_index", tuple(key), lambda: _build_index(directory, categories))


def _build_index(directory: Traversable, categories: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Host -> its categories; ~40,000 names read on the first link of every run, so kept lean."""
    index: dict[str, tuple[str, ...]] = {}
    for category in categories:
        source = directory.joinpath(f"{category}_domains.txt")
        if not source.is_file():
            continue
        alone = (category,)
        for name in map(str.strip, source.read_text(encoding="utf-8").lower().splitlines()):
            if name and name[0] != "#":
                known = index.get(name)
                index[name] = alone if known is None else (*known, category)
    return index


def _trim(url: str) -> str:
    """Drop sentence punctuation after a link and a closing bracket that opened before it."""
    while url:
        last = url[-1]
        unbalanced = last in _CLOSERS and url.count(_CLOSERS[last]) < url.count(last)
        if last in _TRAILING or unbalanced:
            url = url[:-1]
        else:
            break
    return url


def _ascii_host(host: str) -> str | None:
    if host.isascii():
        return host.lower()
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None


def _is_ip(host: str) -> bool:
    # An IPv4 address ends with a digit, an IPv6 one holds a ":": most hosts are neither, and
    # ipaddress would raise (twice) to say so.
    if ":" not in host and not host[-1:].isdigit():
        return False
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _entry_host(entry: str) -> str:
    entry = entry.strip().lower()
    if "/" in entry or ":" in entry:
        link = parse_link(entry)
        if link is not None:
            return link.host
    return entry.removeprefix("*.").rstrip(".")
