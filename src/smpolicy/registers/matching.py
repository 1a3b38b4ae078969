"""Find people on a register in running text: "saw Bill O'Brien today", "Mrs Jones again".

Candidates are two or three adjacent words (first, optional middle, last) and a title followed
by one or two words. Only the words around a registered first name or surname (checked by hash)
become candidates, so a post costs a few hashes per distinct word; per-word answers are cached.

Names are recognised when capitalised, or anywhere in a post written all in one case
("saw bill obrien"), so that "I will smith the horseshoe" is not William Smith.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from smpolicy.registers.hashing import MatchKind
from smpolicy.registers.names import TITLES, Word, words
from smpolicy.registers.register import HashedRegister

CACHE_LIMIT = 100_000
# Between the words of one name: spaces, or a hyphen in a double-barrelled surname.
_JOINER = re.compile(r"^[ \t\u00a0]{1,3}$|^-$")
_NOT_NAMES = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "him",
        "his",
        "i",
        "if",
        "in",
        "is",
        "it",
        "its",
        "me",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "they",
        "this",
        "to",
        "too",
        "up",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "who",
        "will",
        "with",
        "you",
        "your",
    ]
)


@dataclass(frozen=True, slots=True)
class NameMatch:
    """Where a registered person is named in the text, and how closely."""

    start: int
    end: int
    kind: MatchKind


class TextMatcher:
    """Finds a register's people in texts; build once per register, reuse for many texts."""

    def __init__(self, register: HashedRegister) -> None:
        self.register = register
        self._given: dict[str, bool] = {}
        self._surname: dict[str, bool] = {}

    def find(self, text: str) -> list[NameMatch]:
        one_case = text.islower() or text.isupper()
        # Outside one-case posts only capitalised words can be names; the gap check below
        # still rejects two capitalised words with a lower-case word between them.
        found = [
            w
            for w in words(text, capitalised_only=not one_case)
            if w.token not in _NOT_NAMES or w.token in TITLES
        ]
        matches: list[NameMatch] = []
        for i, word in enumerate(found):
            if word.token in TITLES:
                matches.extend(self._after_title(text, found, i, one_case))
                continue
            if not (one_case or _capitalised(text, word)):
                continue
            for j in (i + 1, i + 2):
                if j >= len(found) or not _adjacent(text, found[i : j + 1]):
                    break
                last = found[j]
                if last.token in TITLES or not (one_case or _capitalised(text, last)):
                    break
                if not (self._is_given(word.token) or self._is_surname(last.token)):
                    continue
                kind = self.register.match_parts(word.token, last.token)
                if kind is not None:
                    matches.append(NameMatch(word.start, last.end, kind))
        return _strongest_without_overlap(matches)

    def _after_title(self, text: str, found: list[Word], i: int, one_case: bool) -> list[NameMatch]:
        """A title and a registered surname: "Mrs Jones" (full names are found anyway)."""
        j = i + 1
        if j >= len(found) or not _adjacent(text, found[i : j + 1], after_title=True):
            return []
        surname = found[j]
        if (one_case or _capitalised(text, surname)) and self._is_surname(surname.token):
            return [NameMatch(found[i].start, surname.end, MatchKind.TITLE_SURNAME)]
        return []

    def _is_given(self, token: str) -> bool:
        return _cached(self._given, token, self.register.has_given_name)

    def _is_surname(self, token: str) -> bool:
        return _cached(self._surname, token, self.register.has_surname)


def _cached(cache: dict[str, bool], token: str, compute: object) -> bool:
    answer = cache.get(token)
    if answer is None:
        if len(cache) >= CACHE_LIMIT:
            cache.clear()
        answer = cache[token] = compute(token)  # type: ignore[operator]
    return answer


def _capitalised(text: str, word: Word) -> bool:
    return text[word.start].isupper()


def _adjacent(text: str, run: list[Word], *, after_title: bool = False) -> bool:
    for left, right in pairwise(run):
        gap = text[left.end : right.start]
        if after_title and gap in (". ", "."):
            continue
        if not _JOINER.match(gap):
            return False
        after_title = False
    return True


def _strongest_without_overlap(matches: list[NameMatch]) -> list[NameMatch]:
    chosen: list[NameMatch] = []
    for match in sorted(matches, key=lambda m: (m.kind.rank, -(m.end - m.start), m.start)):
        if all(match.end <= c.start or match.start >= c.end for c in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)
