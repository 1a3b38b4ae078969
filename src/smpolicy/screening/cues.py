"""Context cues shared by the rule detectors: counter-speech, negation, disclaimers, self-identification.

They answer one question about a flagged span: does its sentence show that the writer is
quoting, condemning, denying or reclaiming rather than uttering abuse? Reclaiming is asked
of reclaimable words only (``in_group_use``): "us queers", not "you queers".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from smpolicy.screening.lexicon import compile_template, load_lexicon, sentence_bounds, words_regex, words_trie
from smpolicy.screening.prefilter import GatedList, GatedPattern, open_gates
from smpolicy.screening.scan import registers_words

_DOUBLE_QUOTES = "\"“”«»"
_SINGLE_QUOTES = "'‘’"


@dataclass(frozen=True, slots=True)
class Cues:
    counter_speech: bool
    negated: bool
    disclaimer: bool
    text: str = field(repr=False)  # the post's normalised text, for ``self_identified``

    @property
    def self_identified(self) -> bool:
        """Whether the writer says who they are anywhere in the post: worked out when asked
        (no detector asks today), not for every cue of every post."""
        return _self_identified(self.text)


@dataclass(frozen=True, slots=True)
class _Patterns:
    counter: GatedList  # one pattern per counter-speech word: a post opens few of them
    negator: GatedPattern
    denial: GatedPattern
    disclaimer: GatedPattern
    self_identification: GatedPattern
    # Asked only of the rare reclaimable slur a post holds: plain regexes, no gates to scan for.
    in_group_before: re.Pattern[str]
    in_group_after: re.Pattern[str]
    out_group_before: re.Pattern[str]


@registers_words
@cache
def _patterns() -> _Patterns:
    lexicon = load_lexicon("context")
    # Run on sentences and the words before a hit, not on the whole text: no word-edge gates.
    counter = [compile_template("{cue}", {"cue": [word]}, whole_text=False) for word in lexicon["counter_speech"]]
    return _Patterns(
        counter=GatedList([(pattern, None) for pattern in counter]),
        negator=GatedPattern(rf"(?:{words_regex(lexicon['negators'])})\W*(?:\w+\W+){{0,6}}$",
                             fast=rf"(?:{words_trie(lexicon['negators'])})\W*(?:\w+\W+){{0,6}}$",
                             whole_text=False),
        denial=GatedPattern(lexicon["denials"], whole_text=False),
        disclaimer=GatedPattern("|".join(lexicon["disclaimers"]), whole_text=False),
        self_identification=GatedPattern("|".join(lexicon["self_identification"]), whole_text=False),
        in_group_before=re.compile(lexicon["in_group_before"]),
        in_group_after=re.compile(lexicon["in_group_after"]),
        out_group_before=re.compile(lexicon["out_group_before"]),
    )


@lru_cache(maxsize=8192)
def cues_for(text: str, start: int, end: int) -> Cues:
    """Cues in the sentence around ``text[start:end]`` (normalised text).

    The sentence and the words before the hit are parts of the text: a pattern whose gate the
    text's shared scan does not open cannot match them, and is not run at all. Counter-speech
    is one pattern per cue word: "does any match" is the same question as for their alternation.
    """
    patterns = _patterns()
    gates = open_gates(text)
    s_start, s_end = sentence_bounds(text, start)
    before = text[s_start:start]
    counters = patterns.counter.open_for(text)
    if counters or patterns.disclaimer.open_in(gates):
        # Condemnation often follows in the next sentence: "He called me X. That is racist."
        _, next_end = sentence_bounds(text, min(len(text), s_end + 1)) if s_end < len(text) else (0, s_end)
        sentence = text[s_start:next_end]
        disclaimer = _search(patterns.disclaimer, gates, sentence)
        counter = (not disclaimer) and (
            any(pattern.regex.search(sentence) for pattern, _ in counters)
            or _is_quoted(before, text[end:s_end])
        )
    else:  # neither a disclaimer nor a counter-speech word in the post: no next sentence to read
        disclaimer, counter = False, _is_quoted(before, text[end:s_end])
    return Cues(
        counter_speech=counter,
        negated=_search(patterns.negator, gates, before) or _search(patterns.denial, gates, before),
        disclaimer=disclaimer,
        text=text,
    )


@lru_cache(maxsize=1024)
def in_group_use(
    text: str, start: int, end: int, identities: frozenset[str] | None = None
) -> bool:
    """Whether the reclaimable word at ``text[start:end]`` is used by one of the group.

    Its own sentence decides first: an in-group cue right before it ("us", "fellow", "as a")
    or pride right after it ("and proud") says yes; a pointer at others ("you", "those")
    nearer the word says no. Without either, the writer's self-identification anywhere in the
    post ("I'm a lesbian ...") says yes, if it names one of ``identities`` when given (the
    word's own group: "as a straight man" reclaims no "dyke").
    """
    patterns = _patterns()
    s_start, s_end = sentence_bounds(text, start)
    before = text[s_start:start]
    inside = patterns.in_group_before.search(before)
    outside = patterns.out_group_before.search(before)
    if outside is not None and (inside is None or outside.start() > inside.start()):
        return False
    if inside is not None or patterns.in_group_after.match(text, end, s_end) is not None:
        return True
    if identities is None:
        return _self_identified(text)
    return _self_identified(text) and any(
        not identities.isdisjoint(_IDENTITY_WORD.findall(match.group()))
        for match in patterns.self_identification.regex.finditer(text)
    )


_IDENTITY_WORD = re.compile(r"[a-z]+")


def _search(pattern: GatedPattern, gates: int, part: str) -> bool:
    """Whether ``pattern`` matches ``part`` of a text whose ``open_gates`` value is ``gates``."""
    return pattern.open_in(gates) and pattern.regex.search(part) is not None


@lru_cache(maxsize=1024)
def _self_identified(text: str) -> bool:
    """Whether the writer says who they are anywhere in the post (asked once per post)."""
    return _search(_patterns().self_identification, open_gates(text), text)


def _is_quoted(left: str, right: str) -> bool:
    """The words between ``left`` and ``right`` (the rest of their sentence) sit inside quotation marks."""
    if any(q in left for q in _DOUBLE_QUOTES) and any(q in right for q in _DOUBLE_QUOTES):
        return True
    # A single quote counts only hard against the words: 'paki', not the apostrophe in "don't".
    return left[-1:] != "" and left[-1:] in _SINGLE_QUOTES and right[:1] in _SINGLE_QUOTES
