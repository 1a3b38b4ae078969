"""Lexicons as data, and the matching helpers the rule detectors share.

A lexicon is a YAML file under ``screening/lexicons/``. Terms are matched on whole words of the
normalised text (so "Scunthorpe" never matches), through a dictionary rather than a big regex
alternation: one pass over the words, whatever the size of the lexicon. Phrases and templates
that need word order are regular expressions, compiled once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).parent / "lexicons"
WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
SENTENCE_END = re.compile(r"[.!?\n]+(?=\s|$)|\n")
_RUN = re.compile(r"(.)\1+")
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


def squeeze(word: str) -> str:
    """Collapse every run of a repeated letter: "stuupid" -> "stupid"."""
    return _RUN.sub(r"\1", word)


@dataclass(frozen=True, slots=True)
class TermHit:
    start: int
    end: int
    term: str
    data: Any


class TermIndex:
    """Whole-word lookup of single- and multi-word terms.

    Keys are normalised words. A word with a repeated letter is also tried squeezed, so that
    "stuupid" finds "stupid" while "con" never finds "coon". A trailing plural "s"/"es" is
    tried off as well.
    """

    def __init__(self, terms: dict[str, Any]) -> None:
        self._single: dict[str, tuple[str, Any]] = {}
        self._multi: dict[str, list[tuple[tuple[str, ...], str, Any]]] = {}
        for term, data in terms.items():
            words = tuple(WORD.findall(term.lower()))
            if not words:
                continue
            if len(words) == 1:
                self._single[words[0]] = (term, data)
                self._single.setdefault(squeeze(words[0]), (term, data))
            else:
                self._multi.setdefault(words[0], []).append((words, term, data))

    def _lookup(self, word: str) -> tuple[str, Any] | None:
        found = self._single.get(word)
        if found is None and _RUN.search(word):
            found = self._single.get(squeeze(word))
        if found is None and len(word) > 3 and word.endswith("s"):
            found = self._single.get(word[:-1]) or (
                self._single.get(word[:-2]) if word.endswith("es") else None
            )
        return found

    def find(self, text: str) -> Iterator[TermHit]:
        words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
        for position, (start, end, word) in enumerate(words):
            for sequence, term, data in self._multi.get(word, ()):
                tail = words[position : position + len(sequence)]
                if len(tail) == len(sequence) and all(
                    w[2] == s or squeeze(w[2]) == s or w[2] == s + "s"
                    for w, s in zip(tail, sequence, strict=True)
                ):
                    yield TermHit(start, tail[-1][1], term, data)
            found = self._lookup(word)
            if found is not None:
                yield TermHit(start, end, found[0], found[1])


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


def compile_template(template: str, groups: dict[str, Iterable[str]]) -> re.Pattern[str]:
    """Compile a template such as ``{group} (?:are|is) {insult}`` with word lists filled in."""
    filled = template
    for name, words in groups.items():
        filled = filled.replace("{" + name + "}", f"(?P<{name}>{words_regex(words)})", 1)
        filled = filled.replace("{" + name + "}", f"(?:{words_regex(words)})")
    return re.compile(rf"(?<![a-z]){filled}(?![a-z])")


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The [start, end) of the sentence holding ``position``."""
    start = 0
    for match in SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    following = SENTENCE_END.search(text, position)
    return start, following.start() if following else len(text)
