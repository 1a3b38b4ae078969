"""One Aho-Corasick pass over a post's normalised text for every lexicon and every regex gate.

Each rule detector used to scan a post itself: one automaton per lexicon (``TermIndex``) and one
more for the literals that gate the regular expressions (``prefilter``), eight or nine passes and
as many Python loops over their hits per post. Here every lexicon term variant and every gate
literal live in one automaton (pyahocorasick); ``scan(text)`` walks it once and returns

- ``gates``: one integer whose set bits are the gates the text opens, and
- ``terms``: for each lexicon (by the id it registered under), its whole-word hits in order.

The result is cached per text, because every detector asks about the same posts in turn. A
lexicon or gate added later (detectors build theirs on first use, at start-up in practice)
adds its words to the same trie, whose links are remade before the next scan: not the whole
automaton again for each detector. Builders that add words are marked ``@registers_words``; the
first scan runs every marked builder first, so warming up makes the automaton once, not once
per detector as each built its words on first use (7 rebuilds, ~0.012 s of start-up).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

import ahocorasick


class TermHit(NamedTuple):
    """A lexicon term found in a text: its span, the term as written in the lexicon, its data.

    A named tuple rather than a frozen dataclass: it is made for every hit of every post, and a
    frozen dataclass's ``__init__`` costs four ``object.__setattr__`` calls.
    """

    start: int
    end: int
    term: str
    data: Any


@dataclass(frozen=True, slots=True)
class Scan:
    """What one pass found in a text."""

    gates: int
    terms: dict[int, list[TermHit]]


_NO_TERMS: dict[int, list[TermHit]] = {}


class _Edged(NamedTuple):
    """An automaton value's third part for a word that opens gates only at word edges: those
    gates, ``((1 left | 2 right, mask), ...)``, and the word's lexicon entries. Kept in the entries'
    place, so that the scan's loop tests nothing more for the other words."""

    edges: tuple[tuple[int, int], ...]
    entries: tuple[tuple[int, str, Any], ...]


LEFT, RIGHT = "\x02", "\x03"  # word-edge marks on a gate literal (see ``_Shared.add_gate``)
INSIDE = "\x04"  # a gate literal's mark: counted only with a letter next to it (``add_gate``)

_Builder = TypeVar("_Builder", bound=Callable[[], object])
_BUILDERS: list[Callable[[], object]] = []


def registers_words(builder: _Builder) -> _Builder:
    """Marks a cached, argument-free builder that registers words here (lexicons, gates).

    Before the automaton is next made, every marked builder not yet run is run, so the words
    of detectors that have not screened anything yet are in it too. Put it above ``@cache``.
    """
    _BUILDERS.append(builder)
    return builder


class _Shared:
    """The registered gate literals and lexicon variants, and the automaton built from them."""

    def __init__(self, builders: list[Callable[[], object]] | None = None) -> None:
        self._builders = builders if builders is not None else []  # run before the next build
        self.gate_masks: dict[str, int] = {}
        # word -> ((edges, mask), ...): gates it opens only at a word edge (1: left, 2: right, 3: both)
        self.edge_masks: dict[str, tuple[tuple[int, int], ...]] = {}
        self.gates = 0
        # variant -> ((lexicon, term, data), ...) in lexicon order: the automaton's value as is
        self.entries: dict[str, tuple[tuple[int, str, Any], ...]] = {}
        self.lexicons = 0
        self.automaton: ahocorasick.Automaton | None = None  # ready to scan; None after a change
        self._trie: ahocorasick.Automaton | None = None  # every word so far, with its value
        self._built = 0  # marked builders run so far (``registers_words``)

    def add_gate(self, literals: frozenset[str]) -> int:
        """A new gate opened by any of ``literals``; returns its bit.

        A literal marked with ``LEFT`` (first) or ``RIGHT`` (last) opens the gate only where no
        letter a-z comes right before or after it (``prefilter.bounded_literals``). One marked
        ``INSIDE`` opens it only as part of a longer word: first, where a letter a-z comes
        right before it ("pakis" in "dirtypakis"); last, right after it ("wogsout"); both,
        either ("dirtypakis", "pakisout", not "the pakis").
        """
        bit = 1 << self.gates
        self.gates += 1
        words = []
        for literal in literals:
            word = literal.strip(LEFT + RIGHT + INSIDE)
            words.append(word)
            edges = (literal[0] == LEFT) | (literal[-1] == RIGHT) << 1 | (
                literal[0] == INSIDE) << 2 | (literal[-1] == INSIDE) << 3
            if not edges:
                self.gate_masks[word] = self.gate_masks.get(word, 0) | bit
                continue
            masks = dict(self.edge_masks.get(word, ()))
            masks[edges] = masks.get(edges, 0) | bit
            self.edge_masks[word] = tuple(sorted(masks.items()))
        self._changed(words)
        return bit

    def add_lexicon(self, variants: dict[str, tuple[str, Any]]) -> int:
        """A new lexicon of ``variant -> (term, data)``; returns its id."""
        ident = self.lexicons
        self.lexicons += 1
        entries = self.entries
        for variant, (term, data) in variants.items():
            entries[variant] = (*entries.get(variant, ()), (ident, term, data))
        self._changed(variants)
        return ident

    def _changed(self, words: Iterable[str]) -> None:
        if self._trie is not None:  # (re)store the changed words' values; the rest stand
            for word in words:
                self._trie.add_word(word, self._value(word))
        self.automaton = None
        scan.cache_clear()

    def _value(self, word: str) -> tuple[int, int, tuple]:
        entries = self.entries.get(word, ())
        if word in self.edge_masks:
            entries = _Edged(self.edge_masks[word], entries)
        return self.gate_masks.get(word, 0), len(word), entries

    def build(self) -> ahocorasick.Automaton | None:
        """The automaton of every word registered so far (the trie's links remade after a change)."""
        while self._built < len(self._builders):  # counted first: a builder may scan
            self._built += 1
            self._builders[self._built - 1]()
        if self._trie is None:
            words = self.gate_masks.keys() | self.entries.keys() | self.edge_masks.keys()
            if not words:
                return None
            self._trie = ahocorasick.Automaton()
            for word in words:
                self._trie.add_word(word, self._value(word))
        self._trie.make_automaton()
        return self._trie


SHARED = _Shared(_BUILDERS)


@lru_cache(maxsize=4096)
def scan(text: str) -> Scan:
    """Gates opened and whole-word lexicon hits in ``text`` (normalised, lower case).

    A term counts only at word boundaries: not after a letter, digit or apostrophe, not before
    a letter or digit ("'s" after it is allowed). Each lexicon reports each span once, in text
    order.
    """
    automaton = SHARED.automaton
    if automaton is None:
        automaton = SHARED.automaton = SHARED.build()
        if automaton is None:
            return Scan(0, _NO_TERMS)
    gates = 0
    found: dict[int, dict[tuple[int, int], TermHit]] = {}
    size = len(text)
    for last, (mask, length, entries) in automaton.iter(text):
        gates |= mask
        if not entries:
            continue
        start = last - length + 1
        if entries.__class__ is _Edged:  # gates this word opens only with no letter a-z next to it
            edge = (not start or not "a" <= text[start - 1] <= "z") | (
                last + 1 == size or not "a" <= text[last + 1] <= "z") << 1
            for needed, bits in entries.edges:
                # needed 1-3: those edges free of letters; 4, 8, 12: a letter at one of them
                if needed & edge == needed if needed < 4 else ~edge & needed >> 2:
                    gates |= bits
            entries = entries.entries
            if not entries:
                continue
        if start:
            before = text[start - 1]
            if before.isalnum() or before in "'’":
                continue
        end = last + 1
        if end < size and text[end].isalnum():
            continue
        span = (start, end)
        for ident, term, data in entries:
            hits = found.get(ident)
            if hits is None:
                found[ident] = {span: TermHit(start, end, term, data)}
            elif span not in hits:
                hits[span] = TermHit(start, end, term, data)
    if not found:
        return Scan(gates, _NO_TERMS)
    return Scan(gates, {
        ident: [hits[span] for span in sorted(hits)] if len(hits) > 1 else list(hits.values())
        for ident, hits in found.items()
    })
