"""Lexicons as data, and the matching helpers the rule detectors share.

A lexicon is a YAML file under ``screening/lexicons/``. Terms are matched on whole words of the
normalised text (so "Scunthorpe" never matches), through a dictionary rather than a big regex
alternation: one pass over the words, whatever the size of the lexicon. Phrases and templates
that need word order are regular expressions, compiled once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from smpolicy.screening.normalise import WORD, NormalisedText, squeeze
from smpolicy.screening.prefilter import GatedPattern

LEXICON_DIR = Path(__file__).parent / "lexicons"
SENTENCE_END = re.compile(r"[.!?\n]+(?=\s|$)|\n")
_STOPWORDS = frozenset({"the", "a", "an", "of", "with", "to", "in", "is", "are", "people", "folk",
                        "these", "those", "all", "just", "like", "non", "should", "be"})


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed lexicon ``lexicons/<name>.yaml`` (cached: read once per process)."""
    with (LEXICON_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    if not isinstance(document, dict):
        raise ValueError(f"lexicon {name} must be a mapping")
    return document


@dataclass(frozen=True, slots=True)
class TermHit:
    start: int
    end: int
    term: str
    data: Any


class TermIndex:
    """Whole-word lookup of single- and multi-word terms.

    Keys are normalised words, with plural "s"/"es" variants and squeezed forms (so "stuupid"
    finds "stupid" while "con" never finds "coon"). A post that shares no word with the index
    is rejected by one set operation, which is the common case.
    """

    def __init__(self, terms: dict[str, Any]) -> None:
        self._single: dict[str, tuple[str, Any]] = {}
        self._multi: dict[tuple[str, ...], tuple[str, Any]] = {}
        self._lengths: set[int] = set()
        for term, data in terms.items():
            words = tuple(WORD.findall(term.lower()))
            if not words:
                continue
            *head, last = words
            for variant in (last, last + "s", last + "es", squeeze(last)):
                key = (*head, variant)
                if len(key) == 1:
                    self._single.setdefault(variant, (term, data))
                else:
                    self._multi.setdefault(key, (term, data))
                    self._lengths.add(len(key))
        self._first_words = frozenset(self._single) | frozenset(key[0] for key in self._multi)
        self._multi_first = frozenset(key[0] for key in self._multi)

    def find(self, post: NormalisedText) -> list[TermHit]:
        """Every occurrence of a term, in text order."""
        keys = self._first_words.intersection(post.vocabulary)
        if not keys:
            return []
        words = post.words
        unusual = keys.difference(words)  # keys reached only through a squeezed or "'s" form
        spans = post.word_spans
        hits: dict[tuple[int, int], TermHit] = {}
        for position, word in enumerate(words):
            key = word if word in keys else _variant_in(word, unusual) if unusual else None
            if key is None:
                continue
            start = spans[position][0]
            if key in self._multi_first:
                for length in self._lengths:
                    if position + length > len(words):
                        continue
                    found = self._multi.get(words[position : position + length])
                    if found is not None:
                        end = spans[position + length - 1][1]
                        hits[(start, end)] = TermHit(start, end, found[0], found[1])
            found = self._single.get(key)
            if found is not None:
                end = spans[position][1]
                hits.setdefault((start, end), TermHit(start, end, found[0], found[1]))
        return sorted(hits.values(), key=lambda hit: (hit.start, hit.end))

    def first(self, post: NormalisedText) -> TermHit | None:
        hits = self.find(post)
        return hits[0] if hits else None


def _variant_in(word: str, keys: set[str]) -> str | None:
    squeezed = squeeze(word)
    if squeezed in keys:
        return squeezed
    if word.endswith(("'s", "’s")) and word[:-2] in keys:
        return word[:-2]
    return None


def anchor_words(phrases: Iterable[str]) -> frozenset[str]:
    """Every word of the phrases, with and without a plural "s": a cheap necessary condition."""
    words: set[str] = set()
    for phrase in phrases:
        for word in WORD.findall(phrase.lower()):
            if word in _STOPWORDS:
                continue
            words.update({word, word + "s", word.removesuffix("s")})
    return frozenset(words)


def words_regex(words: Iterable[str]) -> str:
    """A regex alternation of literal words/phrases, longest first, spaces matching any gap."""
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s\-]+") for w in ordered)


def compile_template(template: str, groups: dict[str, Iterable[str]]) -> GatedPattern:
    """Compile a template such as ``{group} (?:are|is) {insult}`` with word lists filled in."""
    filled = template
    for name, words in groups.items():
        filled = filled.replace("{" + name + "}", f"(?P<{name}>{words_regex(words)})", 1)
        filled = filled.replace("{" + name + "}", f"(?:{words_regex(words)})")
    return GatedPattern(rf"(?<![a-z]){filled}(?![a-z])")


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The [start, end) of the sentence holding ``position``."""
    start = 0
    for match in SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    following = SENTENCE_END.search(text, position)
    return start, following.start() if following else len(text)
