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
from collections.abc import Iterator, Sequence
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
    """Every gate's literals in one automaton, rebuilt when a new pattern adds literals.

    Each gate owns one bit; the automaton maps a literal to the bits of the gates it opens, so
    one scan of a post gives, as one integer, every gate that post opens.
    """

    def __init__(self) -> None:
        self.masks: dict[str, int] = {}
        self.gates = 0
        self.automaton: ahocorasick.Automaton | None = None

    def add(self, literals: frozenset[str]) -> int:
        """A new gate for ``literals``; returns its bit."""
        bit = 1 << self.gates
        self.gates += 1
        for literal in literals:
            self.masks[literal] = self.masks.get(literal, 0) | bit
        self.automaton = None
        open_gates.cache_clear()
        return bit

    def scan(self, text: str) -> int:
        if self.automaton is None:
            automaton = ahocorasick.Automaton()
            for word, mask in self.masks.items():
                automaton.add_word(word, mask)
            automaton.make_automaton()
            self.automaton = automaton
        opened = 0
        if self.masks:
            for _, mask in self.automaton.iter(text):
                opened |= mask
        return opened


_LITERALS = _Literals()


@lru_cache(maxsize=4096)
def open_gates(text: str) -> int:
    """The bits of every gate whose literals occur in ``text`` (cached: every detector asks)."""
    return _LITERALS.scan(text)


class GatedPattern:
    """A compiled regex that first checks its required literals (on lower-case text).

    ``bit`` is the gate's bit in ``open_gates`` (0 for a pattern without a gate, which always
    runs); a detector with many patterns can test them all against one ``open_gates`` value.
    """

    __slots__ = ("bit", "literals", "regex")

    def __init__(self, pattern: str | re.Pattern[str]) -> None:
        self.regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
        literals = required_literals(self.regex.pattern)
        if literals is not None and (self.regex.flags & re.IGNORECASE or any(x != x.lower() for x in literals)):
            literals = None  # the gate tests lower-case text only
        self.literals = literals
        self.bit = _LITERALS.add(literals) if literals is not None else 0

    def may_match(self, text: str) -> bool:
        return not self.bit or bool(self.bit & open_gates(text))

    def open_in(self, gates: int) -> bool:
        """Whether this pattern may match a text whose ``open_gates`` value is ``gates``."""
        return not self.bit or bool(self.bit & gates)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, *args) if self.may_match(text) else iter(())

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.regex.search(text, *args) if self.may_match(text) else None


class GatedList:
    """Items keyed by gated patterns, of which ``open_for`` gives, in order, those that may match.

    A detector with dozens of patterns would otherwise test each gate in Python for every post;
    here the post's ``open_gates`` value is masked once and only its set bits are visited.
    """

    __slots__ = ("_always", "_by_bit", "_items", "_mask")

    def __init__(self, items: Sequence[tuple[GatedPattern, object]]) -> None:
        self._items = tuple(items)
        self._by_bit = {pattern.bit: i for i, (pattern, _) in enumerate(self._items) if pattern.bit}
        self._always = tuple(i for i, (pattern, _) in enumerate(self._items) if not pattern.bit)
        self._mask = 0
        for bit in self._by_bit:
            self._mask |= bit

    def __iter__(self) -> Iterator[tuple[GatedPattern, object]]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def open_for(self, text: str) -> list:
        """The ``(pattern, value)`` items whose gates ``text`` opens, in their given order."""
        gates = open_gates(text) & self._mask
        if not gates and not self._always:
            return []
        chosen = list(self._always)
        by_bit = self._by_bit
        while gates:
            low = gates & -gates
            chosen.append(by_bit[low])
            gates ^= low
        chosen.sort()
        items = self._items
        return [items[i] for i in chosen]
