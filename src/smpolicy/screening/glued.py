"""Lexicon words hidden in tokens written without their spaces ("muslimsare", "thegaycouple").

Deleting the spaces around a word is the cheapest way past a whole-word filter, and the
spelling table (``spelling.py``) can list only the joins it can foresee ("allmuslims",
"muslimsare"). Here a token is split back into words by wordninja (unigram costs from
English Wikipedia, shipped in the package: nothing is fetched), and lexicon terms of one to
three words are looked up among its parts.

A token is read only if it is not an English word itself (wordninja's list of 126,000
words), so "transport", "blackpool", "menus" or "polishing" never name anyone; the terms
looked for are the caller's (``discrimination.identity_spans``: the words that open the
6.4(c) target gate). Splitting is a few tens of microseconds per unknown token and is done
only for the classifier's readings, never on the rules-only path.

``cover`` is the cheap closed-vocabulary counterpart that ``spelling.split_glued`` uses on
both paths: a token is spelt only from the lexicons' own words, not from wordninja's list.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_TOKEN = re.compile(r"(?<![a-z'’])[a-z]{5,}(?![a-z'’])")
_WORD_BEFORE = re.compile(r"(?<![a-z'’])([a-z]+) $")
_WORD_AFTER = re.compile(r" ([a-z]+)(?![a-z'’])")
MAX_WORDS = 3  # the longest term looked for, in words ("people of colour")


@cache
def _english() -> frozenset[str]:
    """wordninja's word list: tokens in it are words, not words run together."""
    import wordninja

    path = Path(wordninja.__file__).parent / "wordninja" / "wordninja_words.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(handle.read().split())


def _split(token: str) -> list[str]:
    import wordninja

    return list(wordninja.split(token))


@dataclass(frozen=True, slots=True)
class Glued:
    """A token of words run together that holds terms: its span, its words, and the terms'
    (start, end, value) in the text."""

    start: int
    end: int
    words: tuple[str, ...]
    terms: tuple[tuple[int, int, Any], ...]


def glued_tokens(text: str, terms: Mapping[str, T]) -> list[Glued]:
    """Each token of ``text`` that is no English word and holds a term of ``terms`` once split
    into words ("muslimsare": "muslims", "thegaycouple": "gay couple"), or that is a phrase's
    joined form ("transwomen"). Terms are lower case, words separated by single spaces."""
    found: list[Glued] = []
    english = None
    for match in _TOKEN.finditer(text):
        token = match.group()
        whole = terms.get(token)
        if whole is not None:  # a phrase's joined form ("transwomen"), or a term itself
            found.append(Glued(match.start(), match.end(), (token,),
                               ((match.start(), match.end(), whole),)))
            continue
        if english is None:
            english = _english()
        if token in english:
            continue
        parts = _split(token)
        if len(parts) < 2 or any(len(part) == 1 and part not in "ai" for part in parts):
            continue  # a stray letter: no words run together ("gemene": "ge men e")
        words = []  # (word, start, end): the parts, and the words either side of the token
        before = _WORD_BEFORE.search(text, 0, match.start())
        if before is not None:
            words.append((before.group(1), before.start(1), before.end(1)))
        position = match.start()
        for part in parts:
            words.append((part, position, position + len(part)))
            position += len(part)
        after = _WORD_AFTER.match(text, match.end())
        if after is not None:
            words.append((after.group(1), after.start(1), after.end(1)))
        held = _terms_in(words, terms, match.start(), match.end())
        if held:
            found.append(Glued(match.start(), match.end(), tuple(parts), tuple(held)))
    return found


def glued_terms(text: str, terms: Mapping[str, T]) -> list[tuple[int, int, T]]:
    """(start, end, value) of each term of ``terms`` in ``glued_tokens``."""
    return [term for token in glued_tokens(text, terms) for term in token.terms]


def _terms_in(words: list[tuple[str, int, int]], terms: Mapping[str, T], start: int,
              end: int) -> list[tuple[int, int, T]]:
    """Terms among ``words``, longest first from left to right, that take in at least one
    part of the token at [start, end) ("the|mentally" + "ill": "mentally ill")."""
    found: list[tuple[int, int, T]] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            first, last = words[i], words[i + n - 1]
            if last[2] <= start or first[1] >= end:
                continue  # only the words beside the token: found by the scan already
            value = terms.get(" ".join(word for word, _, _ in words[i : i + n]))
            if value is not None:
                found.append((first[1], last[2], value))
                i += n
                break
        else:
            i += 1
    return found


def cover(token: str, words: Collection[str], longest: int) -> list[str] | None:
    """``token`` spelt as the fewest words of ``words`` (none longer than ``longest``), or None
    when they cannot spell it ("muslimsarefilthy": "muslims are filthy"). Of covers with as
    few words, the one whose words are longest from the left ("lesbianson": "lesbians on",
    not "lesbian son"). A closed word list, not wordninja's 126,000 words: cheap enough for
    the rules-only path, and no fragment of a place name or surname can stand in for a word
    ("coonamble": "amble" is no word of it)."""
    size = len(token)
    fewest: list[int | None] = [None] * (size + 1)  # words needed to spell token[start:]
    fewest[size] = 0
    first: list[int] = [0] * (size + 1)  # where the first of them ends
    for begin in range(size - 1, -1, -1):
        for end in range(min(size, begin + longest), begin, -1):  # longest word first
            after = fewest[end]
            if after is not None and token[begin:end] in words:
                current = fewest[begin]
                if current is None or after + 1 < current:
                    fewest[begin], first[begin] = after + 1, end
    if fewest[0] is None:
        return None
    parts, begin = [], 0
    while begin < size:
        parts.append(token[begin:first[begin]])
        begin = first[begin]
    return parts
