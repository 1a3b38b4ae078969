"""Which hashes a register stores for a person, and which a query computes for a candidate.

Fuzzy matching has to survive hashing: edit distance cannot be computed between digests. So
the tolerance is built into *what* is hashed, on both sides, before hashing:

- ``name``: first and last name after normalisation, once for every full form of a nickname
  (Bill Smith and William Smith share a hash);
- ``sounds``: Metaphone codes of first and last name (Jon Smyth ~ John Smith), from
  ``jellyfish``, a maintained library;
- ``spelling``: every one-letter deletion of the surname with the first name exact, and of the
  first name with the surname exact (a deletion neighbourhood, as in SymSpell). Two names one
  typo apart (a letter missing, added, changed or two swapped) share such a variant, so an
  intersection of hashed sets finds them;
- ``surname``: the last name alone, used only after a title ("Mrs Jones") and as a prefilter;
- ``given``: the first name alone (and its Metaphone code), a prefilter so that running text is
  only turned into candidate names around words that are first names on the register.

Every message is prefixed by its family, so hashes of different families never collide.
Changing anything here changes the hashes: bump ``SCHEME_VERSION`` and re-hash registers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import StrEnum

import jellyfish

from smpolicy.registers.keys import RegisterKey
from smpolicy.registers.names import NameParts, given_name_forms

SCHEME_VERSION = 1
MIN_TYPO_LENGTH = 4  # shorter names are one letter from too many others ("Li", "Lu", "Le")
MIN_CODE_LENGTH = 2  # Metaphone drops vowels: "Li", "Lu" and "Leo" are all "L"


class MatchKind(StrEnum):
    """How closely a candidate matched a register entry, strongest first."""

    NAME = "name"  # same name, or a nickname of it
    SPELLING = "spelling"  # one letter apart
    SOUNDS_LIKE = "sounds_like"  # same Metaphone codes
    TITLE_SURNAME = "title_surname"  # "Mrs Jones": a title and a registered surname

    @property
    def rank(self) -> int:
        return list(MatchKind).index(self)


def deletions(token: str) -> set[str]:
    """The token and every string one deletion away, when the token is long enough."""
    if len(token) < MIN_TYPO_LENGTH:
        return {token}
    return {token} | {token[:i] + token[i + 1 :] for i in range(len(token))}


def phonetic(token: str) -> str:
    """The Metaphone code, or "" when it is too short to tell names apart."""
    code = jellyfish.metaphone(token) if token else ""
    return code if len(code) >= MIN_CODE_LENGTH else ""


def entry_messages(parts: NameParts) -> Iterator[str]:
    """Every message hashed into the register for one person."""
    forms = given_name_forms(parts.first)
    last_code = phonetic(parts.last)
    for form in forms:
        yield f"name:{form} {parts.last}"
        yield f"given:{form}"
        code = phonetic(form)
        if code:
            yield f"given~:{code}"
        if code and last_code:
            yield f"sounds:{code} {last_code}"
        for variant in deletions(parts.last):
            yield f"typo-last:{form} {variant}"
    for variant in deletions(parts.first):
        yield f"typo-first:{variant} {parts.last}"
    yield f"surname:{parts.last}"


def query_messages(
    first: str, last: str, *, given: bool = True, surname: bool = True, sound: bool = True
) -> Iterator[tuple[MatchKind, str]]:
    """The messages to look up for a candidate, strongest kind first, with what a hit means.

    ``given``, ``surname`` and ``sound`` say whether the first name, the surname and the first
    name's sound are on the register at all; families that need an absent one are skipped.
    """
    forms = given_name_forms(first)
    if given:
        for form in forms:
            yield MatchKind.NAME, f"name:{form} {last}"
        for form in forms:
            for variant in deletions(last):
                yield MatchKind.SPELLING, f"typo-last:{form} {variant}"
    if surname:
        for variant in deletions(first):
            yield MatchKind.SPELLING, f"typo-first:{variant} {last}"
    last_code = phonetic(last)
    if sound and last_code:
        for form in forms:
            if code := phonetic(form):
                yield MatchKind.SOUNDS_LIKE, f"sounds:{code} {last_code}"


def given_messages(token: str) -> Iterator[str]:
    for form in given_name_forms(token):
        yield f"given:{form}"
        if code := phonetic(form):
            yield f"given~:{code}"


def exact_given_messages(token: str) -> Iterator[str]:
    return (f"given:{form}" for form in given_name_forms(token))


def sound_given_messages(token: str) -> Iterator[str]:
    codes = (phonetic(form) for form in given_name_forms(token))
    return (f"given~:{code}" for code in codes if code)


def surname_message(token: str) -> str:
    return f"surname:{token}"


def hash_all(key: RegisterKey, messages: Iterable[str]) -> set[str]:
    return {key.digest(message) for message in messages}
