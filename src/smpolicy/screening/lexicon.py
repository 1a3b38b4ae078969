"""Lexicons as data, and the matching helpers the rule detectors share.

A lexicon is a YAML file under ``screening/lexicons/``. Terms are matched as whole words of the
normalised text (so "Scunthorpe" never matches) by an Aho-Corasick automaton: one pass over the
post for every lexicon and every regex gate together (``scan``). Templates that need word order
are regular expressions, compiled once and gated by ``prefilter``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from smpolicy.screening.buildcache import cached
from smpolicy.screening.normalise import NormalisedText
from smpolicy.screening.prefilter import GatedPattern
from smpolicy.screening.scan import SHARED, TermHit, scan

LEXICON_DIR = Path(__file__).parent / "lexicons"
# Stops before a space or the end, or a line break: "[.!?\n]+(?=\s|$)|\n", written with its
# first character outside the choice so that re skips straight to stops (3.8x faster).
SENTENCE_END = re.compile(r"[.!?\n](?:[.!?\n]*(?=\s|$)|(?<=\n))")


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed lexicon ``lexicons/<name>.yaml`` (read once per process; parsed once per
    version of the file while a command's build cache is open)."""
    text = (LEXICON_DIR / f"{name}.yaml").read_bytes()
    document = cached("yaml", text, lambda: _parse_yaml(text.decode("utf-8")))
    if not isinstance(document, dict):
        raise ValueError(f"lexicon {name} must be a mapping")
    return document


def _parse_yaml(text: str) -> Any:
    # Imported here: with every lexicon in the build cache a run never needs PyYAML (~0.01 s).
    import yaml

    # libyaml's safe loader when PyYAML was built with it (its wheels are): the same documents,
    # read ten times faster than the pure-Python one, which cost ~0.1 s of every ``check`` run.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class TermIndex:
    """Whole-word lookup of single- and multi-word terms, in the one shared scan of a post.

    Each term is stored with its spelling variants: a plural "s"/"es", a hyphen or a curly
    apostrophe for a space or a straight one, and each of its letters doubled once (so the
    normaliser's "stuupid", cut down from "stuuuupid", still finds "stupid"; "con" never finds
    "coon"). A match counts only at word boundaries; "'s" after it is allowed. Words are
    separated by single spaces, as in the normalised text of most posts. Every index's
    variants live in one automaton with the regex gates (``scan``): a post is read once for all.
    """

    def __init__(self, terms: dict[str, Any], *, ies_plurals: bool = False) -> None:
        """``ies_plurals``: a term ending in a consonant and "y" also matches its "ies" plural
        ("wrinklies", "jungle bunnies"): for words for people, not for every lexicon ("party",
        "parties" may mean different things to a detector)."""
        variants: dict[str, tuple[str, Any]] = {}
        for term, data in terms.items():
            words = _TERM_WORD.findall(term.lower())
            if not words:
                continue
            for variant in _variants(words, ies_plurals):
                variants.setdefault(variant, (term, data))
        self._ident = SHARED.add_lexicon(variants) if variants else None

    def find(self, post: NormalisedText) -> list[TermHit]:
        """Every occurrence of a term, in text order."""
        if self._ident is None:
            return []
        return list(scan(post.text).terms.get(self._ident, ()))

    def first(self, post: NormalisedText) -> TermHit | None:
        if self._ident is None:
            return None
        hits = scan(post.text).terms.get(self._ident)
        return hits[0] if hits else None


_TERM_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")  # terms may hold digits: "u9s", "under 10s"


def _variants(words: list[str], ies_plurals: bool = False) -> set[str]:
    *head, last = words
    lasts = {last, last + "s", last + "es"}
    if ies_plurals and len(last) >= 4 and last[-1] == "y" and last[-2] not in "aeiou":
        lasts.add(last[:-1] + "ies")  # "wrinklies", "jungle bunnies"
    if len(words) == 1 and len(last) >= 4:
        lasts |= {last[: i + 1] + last[i] + last[i + 1 :] for i in range(len(last)) if last[i].isalpha()}
    phrases = {" ".join([*head, ending]) for ending in lasts}
    if head:
        phrases |= {phrase.replace(" ", "-") for phrase in phrases}
    return phrases | {phrase.replace("'", "’") for phrase in phrases if "'" in phrase}


_GAP = r"[\s\-]+"  # what a space in a word or phrase matches


def _ordered(words: Iterable[str]) -> list[str]:
    """Longest first; words of one length in alphabetical order, so the same words give the same
    pattern in every process (a set's order changes with the string hash seed) and the build
    cache finds it."""
    return sorted({w.lower() for w in words}, key=lambda word: (-len(word), word))


def words_regex(words: Iterable[str]) -> str:
    """A regex alternation of literal words/phrases, longest first, spaces matching any gap.

    Kept in the build cache by its words, as ``words_trie`` is: escaping ~3,000 words was
    ~0.002 s of every run's start-up.
    """
    ordered = _ordered(words)
    return cached("words_regex", tuple(ordered), lambda: _alternation(ordered))


def _alternation(ordered: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", _GAP) for w in ordered)


def words_trie(words: Iterable[str]) -> str:
    """``words_regex`` with the words' common beginnings factored out ("wa(?:ste of space|nker)").

    re tries every alternative of a choice at every position of the text, one after another: a
    list of sixty insults costs sixty tests a character. Factored, a position is left after one
    test per distinct first letter, and a word is tried only where its beginning is (2.4x faster
    on the insults). It matches what ``words_regex`` does, match for match, when (as checked
    here; otherwise this *is* ``words_regex``) no two branches at one point can start on the
    same character (a gap and a "-" could), every gap is followed by a character no gap takes,
    and a word comes after every longer word it begins (longest first). Then the words that
    match at one position are each other's beginnings, which both forms try longest first.
    Gates are read from ``words_regex`` (see ``GatedPattern``): the factored form hides its
    literals from ``prefilter``. For case-sensitive patterns (case-blind, two letters can take
    one character: "s" and "ſ" both take "S").
    """
    ordered = _ordered(words)  # one order for the same words: the build cache keeps the result
    return cached("words_trie", tuple(ordered), lambda: _factored(ordered))


def _factored(ordered: list[str]) -> str:
    tokens = [tuple(_GAP if char == " " else char for char in word) for word in ordered]
    if not tokens or not all(_trie_safe_word(word) for word in tokens):
        return _alternation(ordered)
    trie = _trie(tokens)
    return trie if trie is not None else _alternation(ordered)


def _trie_safe_word(tokens: tuple[str, ...]) -> bool:
    if not tokens or tokens[0] == _GAP or tokens[-1] == _GAP:
        return False
    return all(
        tokens[i + 1] != _GAP and not tokens[i + 1].isspace() and tokens[i + 1] != "-"
        for i, token in enumerate(tokens) if token == _GAP
    )


def _trie(words: list[tuple[str, ...]]) -> str | None:
    """The factored alternation of ``words`` (token tuples, in priority order); None if unsafe."""
    branches: dict[str, list[tuple[str, ...]]] = {}
    ends = False
    for word in words:
        if not word:
            ends = True
        elif ends:
            return None  # a longer word after one it extends: the flat form tries that one first
        else:
            branches.setdefault(word[0], []).append(word[1:])
    if _GAP in branches and any(t.isspace() or t == "-" for t in branches if t != _GAP):
        return None  # a gap and a "-" (or a space) both take a "-"
    parts = []
    for token, rests in branches.items():
        rest = _trie(rests)
        if rest is None:
            return None
        parts.append((token if token == _GAP else re.escape(token)) + rest)
    if not parts:
        return ""
    if ends:
        return "(?:" + "|".join(parts) + ")?"
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def compile_template(template: str, groups: dict[str, Iterable[str]], whole_text: bool = True) -> GatedPattern:
    """Compile a template such as ``{group} (?:are|is) {insult}`` with word lists filled in.

    The regex runs the factored word lists (``words_trie``); its gates are read from the plain
    ones. ``whole_text``: as for ``GatedPattern`` (False for a pattern run on sentences).
    """
    lists = {name: list(words) for name, words in groups.items()}
    return GatedPattern(_fill(template, lists, words_regex), fast=_fill(template, lists, words_trie),
                        whole_text=whole_text)


def _fill(template: str, groups: dict[str, list[str]], alternation: Callable[[list[str]], str]) -> str:
    filled = template
    for name, words in groups.items():
        filled = filled.replace("{" + name + "}", f"(?P<{name}>{alternation(words)})", 1)
        filled = filled.replace("{" + name + "}", f"(?:{alternation(words)})")
    return rf"(?<![a-z]){filled}(?![a-z])"


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The [start, end) of the sentence holding ``position``.

    The start is where the last sentence end in ``text[:position]`` finishes (0 if none). Read
    as that slice, punctuation right before ``position`` ends a sentence there; otherwise the
    slice ends exactly where the whole text does, so the post's sentence ends (found once per
    post, ``_sentence_ends``) answer without scanning the text again for every hit.
    """
    if position and text[position - 1] in _SENTENCE_CHARS:
        start = position
    else:
        ends = _sentence_ends(text)
        index = bisect_right(ends, position)
        start = ends[index - 1] if index else 0
    following = SENTENCE_END.search(text, position)
    return start, following.start() if following else len(text)


_SENTENCE_CHARS = ".!?\n"


@lru_cache(maxsize=1024)
def _sentence_ends(text: str) -> tuple[int, ...]:
    return tuple(match.end() for match in SENTENCE_END.finditer(text))
