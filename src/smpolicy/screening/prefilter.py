"""A cheap necessary condition for a regular expression: literals one of which every match holds.

Most posts match none of a detector's patterns, and Python's ``re`` pays for every alternative
at every position to find that out. Reading the pattern's parse tree once gives a set of literal
strings such that any match must contain one of them (the idea behind RE2's prefilters); a few
``in`` tests on the text then skip the regex for most posts. The condition is only ever
necessary, never sufficient: when it holds, the regex still decides.

All gated patterns share one Aho-Corasick automaton (pyahocorasick), so a post's text is
scanned once, in C, for every literal of every pattern; each gate is then a set test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

import ahocorasick

MIN_USEFUL = 3  # a literal shorter than this would let nearly every post through


def required_literals(pattern: str) -> frozenset[str] | None:
    """Literals one of which every match must contain; None when no useful set exists."""
    try:
        parsed = _parser.parse(pattern, 0)
    except re.error:
        return None
    found = _sequence(list(parsed))
    if not found or min(len(literal) for literal in found) < MIN_USEFUL:
        return None
    return frozenset(found)


def _sequence(items: list) -> set[str] | None:
    best: set[str] | None = None
    run = ""
    candidates: list[set[str]] = []
    for op, av in items:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append({run})
            run = ""
        found = _element(op, av)
        if found:
            candidates.append(found)
    if run:
        candidates.append({run})
    for candidate in candidates:
        if best is None or _quality(candidate) > _quality(best):
            best = candidate
    return best


def _quality(literals: set[str]) -> tuple[int, int]:
    return (min(len(x.strip()) for x in literals), -len(literals))


def _element(op, av) -> set[str] | None:
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(list(branch))
            if not found:
                return None
            union |= found
        return union
    if op is c.SUBPATTERN:
        return _sequence(list(av[3]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        minimum, _, item = av
        return _sequence(list(item)) if minimum >= 1 else None
    return None


class _Literals:
    """Every gate's literals in one automaton, rebuilt when a new pattern adds literals."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.automaton: ahocorasick.Automaton | None = None

    def add(self, literals: frozenset[str]) -> None:
        if not literals <= self.words:
            self.words |= literals
            self.automaton = None
            present_literals.cache_clear()

    def scan(self, text: str) -> frozenset[str]:
        if self.automaton is None:
            automaton = ahocorasick.Automaton()
            for word in self.words:
                automaton.add_word(word, word)
            automaton.make_automaton()
            self.automaton = automaton
        return frozenset(word for _, word in self.automaton.iter(text)) if self.words else frozenset()


_LITERALS = _Literals()


@lru_cache(maxsize=4096)
def present_literals(text: str) -> frozenset[str]:
    """The gate literals found in ``text`` (cached: every detector asks about the same posts)."""
    return _LITERALS.scan(text)


class GatedPattern:
    """A compiled regex that first checks its required literals (on lower-case text)."""

    __slots__ = ("literals", "regex")

    def __init__(self, pattern: str | re.Pattern[str]) -> None:
        self.regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
        literals = required_literals(self.regex.pattern)
        if literals is not None and (self.regex.flags & re.IGNORECASE or any(x != x.lower() for x in literals)):
            literals = None  # the gate tests lower-case text only
        self.literals = literals
        if literals is not None:
            _LITERALS.add(literals)

    def may_match(self, text: str) -> bool:
        return self.literals is None or not self.literals.isdisjoint(present_literals(text))

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, *args) if self.may_match(text) else iter(())

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.regex.search(text, *args) if self.may_match(text) else None
