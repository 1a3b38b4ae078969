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

from smpolicy.screening.scan import LEFT, RIGHT, SHARED, scan

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
    return _literals(pattern, False)


def bounded_literals(pattern: str) -> frozenset[str] | None:
    """``required_literals``, each marked where every match has it at a word edge.

    A literal the pattern puts after "(?<![a-z])" (or after a space, a hyphen ...) starts with
    ``LEFT`` and may only be counted where no letter a-z comes before it; one before
    "(?![a-z])" ends with ``RIGHT`` likewise. "rat" in "(?<![a-z])(?:rat|cow)(?![a-z])" is not
    opened by "separate". Only for regexes run on the very text that was scanned: a regex run
    on a slice, or with an end position, may see an edge the text does not have.
    """
    return _literals(pattern, True)




def bare(literal: str) -> str:
    """A literal without its word-edge marks."""
    return literal.strip(LEFT + RIGHT)


def _literals(pattern: str, edges: bool) -> frozenset[str] | None:
    parsed = _parse(pattern)
    if parsed is None:
        return None
    found = _sequence(parsed, edges and _Edges(), False, False)
    if not found or not _useful(found):
        return None
    return frozenset(found)


RARE = "@"  # a character few posts hold: a literal with it is worth a gate however short


def _useful(literals: set[str] | frozenset[str]) -> bool:
    """Whether a gate on ``literals`` would keep most posts out."""
    return all(len(bare(literal)) >= MIN_USEFUL or RARE in literal for literal in literals)


class _Edges:
    """Reads, in a parse tree, where a match is sure to have no letter a-z before or after."""

    @staticmethod
    def marked(run: str, left: bool, right: bool) -> str:
        """``run`` marked at each edge where no letter can touch it in a match and where it has a
        letter itself (next to a space or a hyphen, a letter cannot make it part of a longer word)."""
        if not run.isalpha() or run in _COMMON:  # a phrase, or a word nearly every post holds:
            return run  # ... a mark would cost the scan a test at each of its many occurrences
        left = left and "a" <= run[0] <= "z"
        right = right and "a" <= run[-1] <= "z"
        return (LEFT if left else "") + run + (RIGHT if right else "")

    @staticmethod
    def after(op, av, before: bool) -> bool:
        """Whether no letter comes right before what follows the element ``(op, av)``, given
        ``before``: whether none came right before the element."""
        if op is c.ASSERT_NOT and av[0] == -1 and _covers_letters(list(av[1])):
            return True
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            return before  # zero width (a look-ahead or "$" consumes nothing)
        if op in _REPEATS:
            minimum, _, item = av
            ends = _Edges.ends_unlettered(list(item))
            return ends and (before or minimum >= 1)
        return _Edges.ends_unlettered([(op, av)])

    @staticmethod
    def ends_unlettered(items: list) -> bool:
        """Whether every match of ``items`` ends with a character that is not a-z (and has one)."""
        if not items:
            return False
        op, av = items[-1]
        if op is c.LITERAL:
            return not 97 <= av <= 122
        if op is c.IN:
            return _no_letters(av)
        if op is c.SUBPATTERN:
            return not _case_blind(op, av) and _Edges.ends_unlettered(list(av[3]))
        if op is c.BRANCH:
            return all(_Edges.ends_unlettered(list(branch)) for branch in av[1])
        if op in _REPEATS and av[0] >= 1:
            return _Edges.ends_unlettered(list(av[2]))
        return False

    @staticmethod
    def starts_unlettered(items: list, start: int, right: bool) -> bool:
        """Whether no letter a-z follows a match of ``items[:start]``: ``right`` says so at the end."""
        if start >= len(items):
            return right
        op, av = items[start]
        if op is c.LITERAL:
            return not 97 <= av <= 122
        if op is c.IN:
            return _no_letters(av)
        if op is c.ASSERT_NOT and av[0] == 1 and _covers_letters(list(av[1])):
            return True
        if op is c.SUBPATTERN:
            return not _case_blind(op, av) and _Edges.starts_unlettered(list(av[3]) + items[start + 1:], 0, right)
        if op is c.BRANCH:
            rest = items[start + 1:]
            return all(_Edges.starts_unlettered(list(branch) + rest, 0, right) for branch in av[1])
        if op in _REPEATS:
            minimum, _, item = av
            first = _Edges.starts_unlettered(list(item), 0, False)
            return first and (minimum >= 1 or _Edges.starts_unlettered(items, start + 1, right))
        return False


def _case_blind(op, av) -> bool:
    """Whether ``(op, av)`` is a "(?i:...)" group."""
    return op is c.SUBPATTERN and bool(av[1] & re.IGNORECASE)


def _prefixes(op, av) -> bool:
    """Whether ``(op, av)`` is a choice whose branches all start with a literal: ``re``'s parser
    moves a prefix common to all of them out in front, where alone it is too short to gate on."""
    return op is c.BRANCH and all(len(branch) and branch[0][0] is c.LITERAL for branch in av[1])


def _unfactored(av, run: str):
    """A choice's ``av`` with the literal ``run`` before it put back into each branch."""
    prefix = [(c.LITERAL, ord(char)) for char in run]
    return av[0], [prefix + list(branch) for branch in av[1]]


def _no_letters(members: list) -> bool:
    """Whether a character class holds none of a-z."""
    for op, av in members:
        if op is c.LITERAL and 97 <= av <= 122:
            return False
        if op is c.RANGE and av[0] <= 122 and av[1] >= 97:
            return False
        if op is c.NEGATE or (op is c.CATEGORY and av not in (c.CATEGORY_SPACE, c.CATEGORY_DIGIT)):
            return False
        if op not in (c.LITERAL, c.RANGE, c.CATEGORY):
            return False
    return True


def _covers_letters(items: list) -> bool:
    """Whether a one-character look-around's body matches every letter a-z ("[a-z]", "[\\w@]")."""
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is not c.IN or any(member_op is c.NEGATE for member_op, _ in av):
        return False
    return any((member_op is c.RANGE and member[0] <= 97 and member[1] >= 122)
               or (member_op is c.CATEGORY and member in _WORD_CATEGORIES)
               for member_op, member in av)


_WORD_CATEGORIES = (c.CATEGORY_WORD, getattr(c, "CATEGORY_UNI_WORD", c.CATEGORY_WORD))
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))


def _sequence(items: list, edges, left: bool, right: bool) -> set[str] | None:
    """The best literal set of a sequence. ``edges``: an ``_Edges`` to mark literals at word
    edges (or False); ``left``, ``right``: whether no letter comes right before or after it."""
    best: set[str] | None = None
    run = ""
    run_left = False
    before = left
    candidates: list[set[str]] = []
    for i, (op, av) in enumerate(items):
        if op is c.LITERAL:
            if not run:
                run_left = before
            run += chr(av)
            before = not 97 <= av <= 122
            continue
        if run and _prefixes(op, av):  # "w(?:fh|orking from home)": read as "wfh|working from home"
            av, run, before = _unfactored(av, run), "", run_left
        if run:
            candidates.append({edges.marked(run, run_left, edges.starts_unlettered(items, i, right))
                               if edges else run})
            run = ""
        if edges and not _case_blind(op, av):
            found = _element(op, av, edges, before, edges.starts_unlettered(items, i + 1, right))
            before = edges.after(op, av, before)
        else:  # no edges read inside "(?i:...)": "[A-Z]" there matches letters a-z too
            found = _element(op, av)
            before = False
        if found:
            candidates.append(found)
    if run:
        candidates.append({edges.marked(run, run_left, right) if edges else run})
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


def _quality(literals: set[str]) -> tuple[bool, int, bool, int]:
    return (all(RARE in x for x in literals), min(len(bare(x).strip()) for x in literals),
            not any(bare(x).strip() in _COMMON for x in literals), -len(literals))


def _element(op, av, edges=False, left: bool = False, right: bool = False) -> set[str] | None:
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(list(branch), edges, left, right)
            if not found:
                return None
            union |= found
        return union
    if op is c.SUBPATTERN:
        return _sequence(list(av[3]), edges, left, right)
    if op in _REPEATS:
        minimum, maximum, item = av
        once = maximum == 1  # one pass: its edges are the element's own
        return _sequence(list(item), edges, left and once, right and once) if minimum >= 1 else None
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
    some alternative keeps no set at all. Its words are not marked at word edges: these sets
    hold common words ("work", "out"), and a marked word costs the scan a test wherever it
    occurs (measured: 18 such tests a post, +6 µs, more than the regexes they saved).
    """
    parsed = _parse(pattern)
    if parsed is None:
        return None
    alternatives = []
    for conjunction in _dnf(parsed):
        useful = tuple(dict.fromkeys(frozenset(literals) for literals in conjunction if _useful(literals)))
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
        if run and _prefixes(op, av):  # "w(?:fh|orking from home)": read as "wfh|working from home"
            av, run = _unfactored(av, run), ""
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
    if op in _REPEATS:
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

    __slots__ = ("_known", "_read", "bit", "literals", "needs", "regex", "sharp", "source")

    def __init__(self, pattern: str | re.Pattern[str], fast: str | None = None, whole_text: bool = True) -> None:
        """``fast``: an equivalent form of ``pattern`` that re runs faster but whose literals are
        hidden (``lexicon.words_trie``); the gates are read from ``pattern``, ``fast`` is run.

        ``whole_text``: the regex is only ever run on the whole text that was scanned (or with
        a start position only), so its gates may count literals at word edges alone
        (``bounded_literals``). False for a pattern run on slices of it (a sentence): a slice's
        ends are word edges the text may not have there.
        """
        self.regex = pattern if isinstance(pattern, re.Pattern) else re.compile(letter_first(fast or pattern))
        self.source = pattern if isinstance(pattern, str) else pattern.pattern
        literals = (bounded_literals if whole_text else required_literals)(self.source)
        if literals is not None and (self.regex.flags & re.IGNORECASE or any(x != x.lower() for x in literals)):
            literals = None  # the gate tests lower-case text only
        self.literals = literals
        self.bit = SHARED.add_gate(literals) if literals is not None else 0
        self.needs = self._needs()
        # Whether a gate counts a literal at word edges only: then a run with an end position
        # (which makes an edge there) skips the gates.
        self.sharp = any(literal != bare(literal) for literal in literals or ())
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
        single = self.literals
        if single is not None and alternatives in (((single,),), ((frozenset(map(bare, single)),),)):
            return ()  # no sharper than the single set (which may count its words at word edges only)
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
        return self.regex.finditer(text, *args) if self._may_match(text, args) else _NOTHING

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.regex.search(text, *args) if self._may_match(text, args) else None

    def _may_match(self, text: str, args: tuple[int, ...]) -> bool:
        if len(args) > 1 and self.sharp:  # an end position: the text "ends" there, a word edge
            return True
        return self.may_match(text)


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
    """``pattern`` with a leading "not after a letter" test moved after the first letter (or
    "@"), when every match starts with that one character: "(?<![a-z])(?P<cue>racist)" -> "(?P<cue>r(?<![a-z].)acist)".

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
    if not ("a" <= rest[i : i + 1] <= "z" or rest[i : i + 1] == "@") or rest[i + 1 : i + 2] in ("?", "*", "+", "{"):
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

    def __init__(self, pattern: str, fast: str | None = None, whole_text: bool = True) -> None:
        super().__init__(pattern, fast, whole_text)
        pieces = split_alternatives(pattern)
        fast_pieces = split_alternatives(fast) if fast else pieces
        if len(fast_pieces) != len(pieces):
            fast_pieces = pieces
        try:  # an alternative that cannot stand alone (a back-reference to another) is not split
            parts = ([GatedPattern(piece, fast=quick, whole_text=whole_text)
                      for piece, quick in zip(pieces, fast_pieces, strict=True)]
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
