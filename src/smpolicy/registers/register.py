"""A register of people held only as keyed hashes, and its JSON file format.

File format (``smpolicy register hash`` writes it; stable, version in ``scheme``)::

    {"format": "smpolicy.hashed-register", "scheme": 1, "algorithm": "HMAC-SHA256-128",
     "key_check": "<32 hex>", "people": 120, "hashes": ["<32 hex>", ...]}

``hashes`` is one sorted set over every family in ``hashing``: the file does not say which
hash belongs to whom, in what order the people were listed, or which family a hash is from.
``key_check`` catches a register opened with another key, which would otherwise silently
match nothing.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from smpolicy.exceptions import RegisterError
from smpolicy.registers.hashing import (
    SCHEME_VERSION,
    MatchKind,
    entry_messages,
    exact_given_messages,
    given_messages,
    hash_all,
    query_messages,
    sound_given_messages,
    surname_message,
)
from smpolicy.registers.keys import RegisterKey
from smpolicy.registers.names import split_name

FORMAT = "smpolicy.hashed-register"
ALGORITHM = "HMAC-SHA256-128"
_HEX = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True, slots=True)
class HashedRegister:
    """People on a register, as hashes only; ``match_*`` hash the query the same way."""

    key: RegisterKey
    hashes: frozenset[str]
    people: int

    @classmethod
    def from_names(cls, names: Iterable[str], key: RegisterKey) -> HashedRegister:
        """Hash names that ``split_name`` accepts; callers report the others (see csvimport)."""
        hashes: set[str] = set()
        people = 0
        for name in names:
            entry = person_hashes(name, key)
            if entry is None:
                continue
            people += 1
            hashes |= entry
        return cls(key=key, hashes=frozenset(hashes), people=people)

    @classmethod
    def from_entries(cls, entries: Iterable[Iterable[str]], key: RegisterKey) -> HashedRegister:
        """A register from people's hash sets kept one by one (e.g. one database row each)."""
        hashes: set[str] = set()
        people = 0
        for entry in entries:
            people += 1
            hashes.update(entry)
        return cls(key=key, hashes=frozenset(hashes), people=people)

    def match_parts(self, first: str, last: str) -> MatchKind | None:
        """The strongest way folded first and last names match someone, or None.

        Every kind of match needs the first name (or its sound) or the surname to be on the
        register, so two cheap lookups rule out most names before the full set is hashed.
        """
        given = self._any(exact_given_messages(first))
        sound = self._any(sound_given_messages(first))
        surname = self.has_surname(last)
        if not (given or sound or surname):
            return None
        messages = query_messages(first, last, given=given, surname=surname, sound=sound)
        return next((kind for kind, m in messages if self.key.digest(m) in self.hashes), None)

    def _any(self, messages: Iterable[str]) -> bool:
        return any(self.key.digest(m) in self.hashes for m in messages)

    def match_name(self, name: str) -> MatchKind | None:
        """Match a whole name as written ("Bill O'Brien"), e.g. a friend in a data export."""
        parts = split_name(name)
        return None if parts is None else self.match_parts(parts.first, parts.last)

    def has_given_name(self, token: str) -> bool:
        return any(self.key.digest(m) in self.hashes for m in given_messages(token))

    def has_surname(self, token: str) -> bool:
        return self.key.digest(surname_message(token)) in self.hashes

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "scheme": SCHEME_VERSION,
            "algorithm": ALGORITHM,
            "key_check": self.key.check,
            "people": self.people,
            "hashes": sorted(self.hashes),
        }

    def save(self, path: str | Path) -> None:
        """Write atomically: a crash leaves the old file or the new one, never half of one."""
        target = Path(path)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(self.to_json(), stream, separators=(",", ":"))
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def person_hashes(name: str, key: RegisterKey) -> frozenset[str] | None:
    """Every hash one person adds to a register (all families), or None without two name words.

    For callers that keep people apart, such as the web app's one row per service user: the
    union of these sets over everyone is exactly ``HashedRegister.from_names``'s set.
    """
    parts = split_name(name)
    return None if parts is None else frozenset(hash_all(key, entry_messages(parts)))


def register_from_json(
    document: Any, key: RegisterKey, *, source: str = "register"
) -> HashedRegister:
    """Validate a parsed hashed-register document against the format and the key."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise RegisterError(f"{source}: not a hashed register (format must be {FORMAT!r})")
    if document.get("scheme") != SCHEME_VERSION:
        raise RegisterError(
            f"{source}: hashed with scheme {document.get('scheme')!r}, this version uses "
            f"{SCHEME_VERSION}; hash the CSV again with `smpolicy register hash`"
        )
    if document.get("algorithm") != ALGORITHM:
        raise RegisterError(f"{source}: algorithm must be {ALGORITHM!r}")
    if document.get("key_check") != key.check:
        raise RegisterError(
            f"{source}: this register was hashed with a different key "
            "(check SMPOLICY_REGISTER_SALT or register_salt)"
        )
    hashes = document.get("hashes")
    if not isinstance(hashes, list) or not all(
        isinstance(h, str) and _HEX.match(h) for h in hashes
    ):
        raise RegisterError(f"{source}: 'hashes' must be a list of 32-character hex strings")
    people = document.get("people")
    if not isinstance(people, int) or people < 0:
        raise RegisterError(f"{source}: 'people' must be a non-negative whole number")
    return HashedRegister(key=key, hashes=frozenset(hashes), people=people)


def load_register(source: str | Path | bytes | IO[bytes], key: RegisterKey) -> HashedRegister:
    """A register from a hashed JSON file or a CSV with a ``name`` column (hashed on load).

    A CSV with bad rows is refused as a whole, naming the rows, so nobody is silently left off.
    """
    from smpolicy.registers.csvimport import import_csv  # csvimport imports this module

    label, data = _read(source)
    if data.lstrip()[:1] == b"{":
        try:
            document = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise RegisterError(f"{label}: not valid JSON: {error}") from None
        return register_from_json(document, key, source=label)
    result = import_csv(data, key, source=label)
    if result.errors:
        raise RegisterError(result.describe_errors())
    return result.register


def _read(source: str | Path | bytes | IO[bytes]) -> tuple[str, bytes]:
    if isinstance(source, bytes):
        return "register", source
    if isinstance(source, str | Path):
        try:
            return str(source), Path(source).read_bytes()
        except OSError as error:
            raise RegisterError(f"cannot read register {source}: {error.strerror}") from None
    return getattr(source, "name", "register"), source.read()
