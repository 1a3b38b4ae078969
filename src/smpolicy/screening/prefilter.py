"""A cheap necessary condition for a regular expression: literals one of which every match holds.

Most posts match none of a detector's patterns, and Python's ``re`` pays for every alternative
at every position to find that out. Reading the pattern's parse tree once gives a set of literal
strings such that any match must contain one of them (the idea behind RE2's prefilters); a few
``in`` tests on the text then skip the regex for most posts. The condition is only ever
necessary, never sufficient: when it holds, the regex still decides.

All gates share one Aho-Corasick automaton with the lexicons (``scan``), so a post's text is
scanned once, in C, for every literal of every pattern; each gate is then one bit of an integer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

from smpolicy.screening.scan import SHARED, scan

MIN_USEFUL = 3  # a literal shorter than this would let nearly every post through


@lru_cache(maxsize=4)
def _parse(pattern: str) -> list | None:
    """The parse tree of ``pattern`` (both conditions read it: parsed once)."""
    try:
        return list(_parser.parse(pattern, 0))
    except re.error:
        return None


def required_literals(pattern: str) -> frozenset[str] | None:
    """Literals one of which every match must contain; None when no useful set exists."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    found = _sequence(parsed)
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
    # Of equally good sets, the last: in a phrase that is the word that says most.
    for candidate in candidates:
        if best is None or _quality(candidate) >= _quality(best):
            best = candidate
    return best


# Words nearly every post holds: a set that needs one is worse than one as long that does not
# ("gas the" is gated on "gas", "the new guy" on "guy"; gated on "the", a pattern runs on
# nearly every post).
_COMMON = frozenset({"the", "and", "all", "for", "are", "but", "not", "you", "was", "his", "her", "its",
                     "our", "who", "new", "one", "can", "has", "had"})


def _quality(literals: set[str]) -> tuple[int, bool, int]:
    return (min(len(x.strip()) for x in literals), not any(x.strip() in _COMMON for x in literals),
            -len(literals))


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


# A conjunction is a tuple of literal sets, each of which a match must hit; a pattern's condition
# is a few such conjunctions, one of which holds ("disjunctive normal form").
Conjunction = tuple[frozenset[str], ...]
MAX_ALTERNATIVES = 16  # past this many alternatives an element's condition is its literal union


def required_conjunctions(pattern: str) -> tuple[Conjunction, ...] | None:
    """Alternatives of literal-set conjunctions, one of which every match satisfies.

    Sharper than ``required_literals``: for "{colleague} is a {insult}" the single set can only
    be the colleague words (or the insults), while every match holds one of each. Literal sets
    shorter than ``MIN_USEFUL`` are left out of a conjunction (which only weakens it); None when
    some alternative keeps no set at all.
    """
    parsed = _parse(pattern)
    if parsed is None:
        return None
    alternatives = []
    for conjunction in _dnf(parsed):
        useful = tuple(dict.fromkeys(
            frozenset(literals) for literals in conjunction
            if min(len(literal) for literal in literals) >= MIN_USEFUL
        ))
        if not useful:
            return None
        alternatives.append(useful)
    return tuple(dict.fromkeys(alternatives)) or None


_TRUE: list[list[set[str]]] = [[]]  # no condition: one alternative, nothing required


def _dnf(items: list) -> list[list[set[str]]]:
    """The condition on a sequence: each element's alternatives, crossed."""
    result: list[list[set[str]]] = [[]]
    run = ""
    for op, av in items:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if run:
            result = [[*conjunction, {run}] for conjunction in result]
            run = ""
        element = _dnf_element(op, av)
        if element is _TRUE:
            continue
        if len(result) * len(element) > MAX_ALTERNATIVES:
            union = _element(op, av)
            if not union:
                continue
            element = [[union]]
        result = [left + right for left in result for right in element]
    if run:
        result = [[*conjunction, {run}] for conjunction in result]
    return result


def _dnf_element(op, av) -> list[list[set[str]]]:
    if op is c.BRANCH:
        alternatives: list[list[set[str]]] = []
        for branch in av[1]:
            found = _dnf(list(branch))
            if any(not conjunction for conjunction in found):
                return _TRUE  # a branch without any condition: the whole choice has none
            alternatives.extend(found)
        if all(len(conjunction) == 1 for conjunction in alternatives):
            # Plain words or phrases: one set, any of which will do ("idiot|moron").
            return [[set().union(*(conjunction[0] for conjunction in alternatives))]]
        if len(alternatives) <= MAX_ALTERNATIVES:
            return alternatives
        union = _element(op, av)  # too many: each branch's best set, joined
        return [[union]] if union else _TRUE
    if op is c.SUBPATTERN:
        _, add_flags, _, sub = av
        if add_flags & re.IGNORECASE:  # "(?i:...)": its literals may appear in any case
            return _TRUE
        return _dnf(list(sub))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        minimum, _, item = av
        return _dnf(list(item)) if minimum >= 1 else _TRUE
    return _TRUE


_SET_BITS: dict[frozenset[str], int] = {}


def _set_bit(literals: frozenset[str]) -> int:
    """The gate bit of one literal set, shared by every pattern that requires the same set."""
    if literals not in _SET_BITS:
        _SET_BITS[literals] = SHARED.add_gate(literals)
    return _SET_BITS[literals]


def open_gates(text: str) -> int:
    """The bits of every gate whose literals occur in ``text`` (one shared, cached scan)."""
    return scan(text).gates


_NOTHING: Iterator[re.Match[str]] = iter(())  # no matches (an exhausted iterator stays so)

# Gate answers remembered per pattern or list, keyed by the gate bits they read (posts share a
# few such values); forgotten all at once past this many.
MAX_KNOWN = 4096


class GatedPattern:
    """A compiled regex that first checks its required literals (on lower-case text).

    ``bit`` is the gate's bit in ``open_gates`` (0 for a pattern without a gate, which always
    runs); a detector with many patterns can test them all against one ``open_gates`` value.
    ``needs`` sharpens the gate: masks of literal sets of which, for one mask, all must occur
    (``required_conjunctions``); empty when there is nothing sharper to test.
    """

    __slots__ = ("_known", "_read", "bit", "literals", "needs", "regex", "source")

    def __init__(self, pattern: str | re.Pattern[str], fast: str | None = None) -> None:
        """``fast``: an equivalent form of ``pattern`` that re runs faster but whose literals are
        hidden (``lexicon.words_trie``); the gates are read from ``pattern``, ``fast`` is run."""
        self.regex = pattern if isinstance(pattern, re.Pattern) else re.compile(letter_first(fast or pattern))
        self.source = pattern if isinstance(pattern, str) else pattern.pattern
        literals = required_literals(self.source)
        if literals is not None and (self.regex.flags & re.IGNORECASE or any(x != x.lower() for x in literals)):
            literals = None  # the gate tests lower-case text only
        self.literals = literals
        self.bit = SHARED.add_gate(literals) if literals is not None else 0
        self.needs = self._needs()
        self._read = 0
        for need in self.needs:
            self._read |= need
        self._known: dict[int, bool] = {}

    def _needs(self) -> tuple[int, ...]:
        if self.regex.flags & re.IGNORECASE:
            return ()
        alternatives = required_conjunctions(self.source)
        if alternatives is None or any(
            literal != literal.lower()
            for conjunction in alternatives for literals in conjunction for literal in literals
        ):
            return ()
        if self.literals is not None and alternatives == ((self.literals,),):
            return ()  # no sharper than the single set
        needs = []
        for conjunction in alternatives:
            need = 0
            for literals in conjunction:
                need |= _set_bit(literals)
            needs.append(need)
        return tuple(needs)

    def may_match(self, text: str) -> bool:
        gates = scan(text).gates  # open_gates, inlined: asked a dozen times a post
        if self.bit and not self.bit & gates:
            return False
        return not self.needs or self.open_in(gates)

    def open_in(self, gates: int) -> bool:
        """Whether this pattern may match a text whose ``open_gates`` value is ``gates``."""
        if self.bit and not self.bit & gates:
            return False
        if not self.needs:
            return True
        # Remembered per value of the bits the needs read: testing each need costs more.
        read = gates & self._read
        known = self._known.get(read)
        if known is None:
            if len(self._known) >= MAX_KNOWN:
                self._known.clear()
            known = self._known[read] = any(read & need == need for need in self.needs)
        return known

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, *args) if self.may_match(text) else _NOTHING

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.regex.search(text, *args) if self.may_match(text) else None


class GatedList:
    """Items keyed by gated patterns, of which ``open_for`` gives, in order, those that may match.

    A detector with dozens of patterns would otherwise test each gate in Python for every post.
    The answer depends only on the post's gates that some item reads (its own bit and those of
    its ``needs``): posts that agree on those bits get the same answer, which is remembered.
    """

    __slots__ = ("_always", "_by_bit", "_items", "_known", "_mask")

    def __init__(self, items: Sequence[tuple[GatedPattern, object]]) -> None:
        self._items = tuple(items)
        self._by_bit: dict[int, list[int]] = {}
        for i, (pattern, _) in enumerate(self._items):
            if pattern.bit:
                self._by_bit.setdefault(pattern.bit, []).append(i)
        self._always = tuple(i for i, (pattern, _) in enumerate(self._items) if not pattern.bit)
        self._mask = 0
        for bit in self._by_bit:
            self._mask |= bit
        self._known: dict[int, tuple[tuple, int, dict[int, tuple]]] = {}

    def __iter__(self) -> Iterator[tuple[GatedPattern, object]]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def open_for(self, text: str) -> tuple:
        """The ``(pattern, value)`` items whose gates ``text`` opens, in their given order.

        Remembered in two steps. The items' own bits come first: few posts open any (most
        lists stay shut on 50-90% of the benchmark posts) and posts share few such values, so
        that answer is nearly always known. Only when some open item has ``needs`` is the
        answer looked up again, by the bits those items' needs read.
        """
        gates = scan(text).gates
        known = self._known.get(gates & self._mask)
        if known is None:
            known = self._candidates(gates & self._mask)
        items, read, answers = known
        if not read:
            return items
        key = gates & read
        found = answers.get(key)
        if found is None:
            if len(answers) >= MAX_KNOWN:
                answers.clear()
            found = answers[key] = tuple(item for item in items if item[0].open_in(gates))
        return found

    def _candidates(self, bits: int) -> tuple[tuple, int, dict[int, tuple]]:
        """The items ``bits`` (of ``_mask``) opens, in order; the bits their needs read; and a
        memo of the answers by those bits."""
        if len(self._known) >= MAX_KNOWN:
            self._known.clear()
        chosen = list(self._always)
        by_bit = self._by_bit
        gates = bits
        while gates:
            low = gates & -gates
            chosen.extend(by_bit[low])
            gates ^= low
        chosen.sort()
        items = tuple(self._items[i] for i in chosen)
        read = 0
        for pattern, _ in items:
            for need in pattern.needs:
                read |= need
        known = self._known[bits] = (items, read, {})
        return known


def split_alternatives(pattern: str) -> list[str]:
    """``pattern`` cut at its top-level ``|`` (outside groups, classes and escapes)."""
    pieces, start = [], 0
    for i, char, depth in _structure(pattern):
        if char == "|" and depth == 0:
            pieces.append(pattern[start:i])
            start = i + 1
    pieces.append(pattern[start:])
    return pieces


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, character, group depth before it)`` for each character of ``pattern`` from
    ``start`` that is not escaped or inside a character class: where its structure is."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":  # a "]" right after "[" or "[^" is a literal
                i += 1
        else:
            yield i, char, depth
            depth += (char == "(") - (char == ")")
        i += 1


_GUARD = "(?<![a-z])"


def letter_first(pattern: str) -> str:
    """``pattern`` with a leading "not after a letter" test moved after the first letter, when
    every match starts with that one letter: "(?<![a-z])(?P<cue>racist)" -> "(?P<cue>r(?<![a-z].)acist)".

    The same matches: after the letter, "not a letter and then any character" looks at the same
    character before it. But re searches for a leading literal at C speed, while a pattern that
    opens with an assertion runs its whole matcher at every position (10x slower on our posts).
    Anything less plain (a choice, an optional or repeated first letter) is left as it is.
    """
    if not pattern.startswith(_GUARD):
        return pattern
    rest = pattern[len(_GUARD):]
    if len(split_alternatives(rest)) > 1:
        return pattern
    i = 0
    while rest.startswith(("(?:", "(?P<"), i):
        end = _group_end(rest, i)
        body_start = i + 3 if rest.startswith("(?:", i) else rest.index(">", i) + 1
        if end < 0 or rest[end + 1 : end + 2] in ("?", "*", "+", "{") or len(
            split_alternatives(rest[body_start:end])
        ) > 1:
            return pattern
        i = body_start
    if not "a" <= rest[i : i + 1] <= "z" or rest[i + 1 : i + 2] in ("?", "*", "+", "{"):
        return pattern
    return rest[: i + 1] + "(?<![a-z].)" + rest[i + 1 :]


def _group_end(pattern: str, start: int) -> int:
    """The index of the ")" closing the group opened at ``start``; -1 if none."""
    return next((i for i, char, depth in _structure(pattern, start) if char == ")" and depth == 1), -1)


class GatedAlternation(GatedPattern):
    """A top-level alternation ("a|b|c") whose alternatives are gated one by one.

    ``finditer`` yields exactly the spans the whole regex would (the leftmost match; at one
    position, the first alternative that matches there), but runs only the alternatives whose
    own literals the text holds: a post that opens one of fifteen alternatives pays for one.
    The matches come from the alternatives' own regexes, so read their spans and ``group()``,
    not the pattern's numbered or named groups (which is why this is a separate class).
    """

    __slots__ = ("_parts",)

    def __init__(self, pattern: str, fast: str | None = None) -> None:
        super().__init__(pattern, fast)
        pieces = split_alternatives(pattern)
        fast_pieces = split_alternatives(fast) if fast else pieces
        if len(fast_pieces) != len(pieces):
            fast_pieces = pieces
        try:  # an alternative that cannot stand alone (a back-reference to another) is not split
            parts = ([GatedPattern(piece, fast=quick) for piece, quick in zip(pieces, fast_pieces, strict=True)]
                     if len(pieces) > 1 else [])
        except re.error:
            parts = []
        # Every alternative needs a literal: one that could match the empty string (or that
        # had to run on every post anyway) would gain nothing and complicate the merge.
        usable = not self.regex.flags & ~re.UNICODE and all(part.bit or part.needs for part in parts)
        self._parts = GatedList([(part, None) for part in parts]) if parts and usable else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        if args or self._parts is None:
            return super().finditer(text, *args)
        if not self.may_match(text):
            return _NOTHING
        parts = self._parts.open_for(text)
        if len(parts) < 2:  # one regex's own matches are its leftmost-first ones (none is empty)
            return parts[0][0].regex.finditer(text) if parts else _NOTHING
        return _leftmost_first(text, [part.regex for part, _ in parts])


def _leftmost_first(text: str, regexes: list[re.Pattern[str]]) -> Iterator[re.Match[str]]:
    """The non-overlapping matches ``re.finditer("|".join(regexes), text)`` would give."""
    pending = [regex.search(text) for regex in regexes]
    position = 0
    while True:
        best = -1
        for i, match in enumerate(pending):
            if match is not None and match.start() < position:  # overlapped by the last match
                match = pending[i] = regexes[i].search(text, position)
            if match is not None and (best < 0 or match.start() < pending[best].start()):  # type: ignore[union-attr]
                best = i
        if best < 0:
            return
        found = pending[best]
        assert found is not None
        yield found
        position = found.end()
