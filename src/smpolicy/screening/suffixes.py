"""The registered domain of a host by the Public Suffix List, as tldextract finds it, without
importing tldextract.

``import tldextract`` costs ~0.05 s (it imports requests, urllib3 and filelock to download the
list, which this project never does) and building its extractor ~0.02 s more: together a third
of a rules-only ``check`` run's start-up, paid by every run whose posts hold a link. Here the
same list is read (the snapshot bundled in the pinned tldextract wheel, found without importing
the package) and looked up the way tldextract does for public (ICANN) suffixes, private ones
excluded: wildcard rules (``*.ck``), their exceptions (``!www.ck``), punycode labels decoded to
match the list's own spelling. The tests compare this lookup with tldextract's on every domain
of the shipped category lists and on the rules themselves.
"""

from __future__ import annotations

import re
import zlib
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import scheme_chars

from smpolicy.screening.buildcache import cached

# tldextract's own reading of the list (tldextract/suffix_list.py)
_SUFFIX_RE = re.compile(r"^(?P<suffix>[.*!]*\w[\S]*)", re.UNICODE | re.MULTILINE)
_PRIVATE_SEPARATOR = "// ===BEGIN PRIVATE DOMAINS==="
SNAPSHOT = ".tld_set_snapshot"  # the list inside the tldextract wheel
_SCHEME_CHARS = frozenset(scheme_chars)
_IPV4 = re.compile(r"(?:(?:[0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\.){3}"
                   r"(?:[0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])", re.ASCII)


# A node of the rules' trie, from the right-most label: [whether a rule ends here, {label: node}].
# Plain data, so the build cache can keep it.
_Node = list[Any]


def split_host(host: str) -> tuple[str, str]:
    """``(domain label, public suffix)`` of a host name, as tldextract's ``domain`` and ``suffix``.

    ``"m.bet365.co.uk"`` -> ``("bet365", "co.uk")``; ``"co.uk"`` -> ``("", "co.uk")``;
    ``"intranet"`` -> ``("intranet", "")``: an empty suffix when no rule of the list matches.
    """
    netloc = _lenient_netloc(host).replace("\u3002", ".").replace("\uff0e", ".").replace("\uff61", ".")
    if len(netloc) >= 4 and netloc[0] == "[" and netloc[-1] == "]":
        return netloc, ""  # an IPv6 literal (tldextract checks it is one; no suffix either way)
    labels = netloc.split(".")
    index = _suffix_index(labels)
    if index is None:  # no rule matches: the whole address, or the last label, is the "domain"
        return (netloc if len(labels) == 4 and _IPV4.fullmatch(netloc) else labels[-1]), ""
    return (labels[index - 1] if index > 0 else ""), ".".join(labels[index:])


def _lenient_netloc(url: str) -> str:
    """The host part of a URL-like string, case kept (tldextract's ``lenient_netloc``)."""
    start = url.find("//")
    if start == 0:
        url = url[2:]
    elif start >= 2 and url[start - 1] == ":" and not set(url[: start - 1]) - _SCHEME_CHARS:
        url = url[start + 2 :]
    authority = url.partition("/")[0].partition("?")[0].partition("#")[0]
    after_userinfo = authority.rpartition("@")[-1]
    if after_userinfo and after_userinfo[0] == "[":
        address, bracket, _ = after_userinfo.partition("]")
        if bracket:
            return f"{address}]"
    return after_userinfo.partition(":")[0].strip().rstrip(".\u3002\uff0e\uff61")


def _suffix_index(labels: list[str]) -> int | None:
    """Where the public suffix starts in ``labels`` (tldextract's ``suffix_index``)."""
    node = _trie()
    suffix_index = label_index = len(labels)
    for label in reversed(labels):
        decoded = _decode_punycode(label)
        matches = node[1]
        child = matches.get(decoded)
        if child is not None:
            label_index -= 1
            node = child
            if node[0]:
                suffix_index = label_index
            continue
        if "*" in matches:
            return label_index if "!" + decoded in matches else label_index - 1
        break
    return None if suffix_index == len(labels) else suffix_index


def _decode_punycode(label: str) -> str:
    lowered = label.lower()
    if lowered.startswith("xn--"):
        import idna  # only for an internationalised label: most hosts hold none

        try:
            return str(idna.decode(lowered))
        except (UnicodeError, IndexError):
            pass
    return lowered


@cache
def _trie() -> _Node:
    """The rules' trie; while a command's build cache is open, read from it (~0.002 s against
    ~0.015 s to parse the list and build it), keyed by the list's size and CRC-32."""
    data = snapshot_path().read_bytes()
    return cached("public_suffix_trie", (len(data), zlib.crc32(data)),
                  lambda: _build_trie(public_suffixes(data)))


def _build_trie(suffixes: frozenset[str]) -> _Node:
    root: _Node = [False, {}]
    for suffix in sorted(suffixes):
        node = root
        for label in reversed(suffix.split(".")):
            child = node[1].get(label)
            if child is None:
                child = node[1][label] = [False, {}]
            node = child
        node[0] = True
    return root


def public_suffixes(data: bytes | None = None) -> frozenset[str]:
    """The ICANN section's rules of the list bundled with tldextract (``data``: its bytes)."""
    text = (snapshot_path().read_bytes() if data is None else data).decode("utf-8")
    public, _, _ = text.partition(_PRIVATE_SEPARATOR)
    return frozenset(match.group("suffix") for match in _SUFFIX_RE.finditer(public))


def snapshot_path() -> Path:
    spec = find_spec("tldextract")  # locates the package without running it
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("tldextract is not installed: its public suffix list is needed")
    return Path(spec.origin).parent / SNAPSHOT
