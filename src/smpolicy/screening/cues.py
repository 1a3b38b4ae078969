"""Context cues shared by the rule detectors: counter-speech, negation, disclaimers, self-identification.

They answer one question about a flagged span: does its sentence show that the writer is
quoting, condemning, denying or reclaiming rather than uttering abuse?
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from smpolicy.screening.lexicon import compile_template, load_lexicon, sentence_bounds, words_regex
from smpolicy.screening.prefilter import open_gates

_DOUBLE_QUOTES = "\"“”«»"
_SINGLE_QUOTES = "'‘’"


@dataclass(frozen=True, slots=True)
class Cues:
    counter_speech: bool
    negated: bool
    self_identified: bool
    disclaimer: bool


@cache
def _patterns() -> dict[str, Any]:
    lexicon = load_lexicon("context")
    return {
        "counter": compile_template("{cue}", {"cue": lexicon["counter_speech"]}),
        "negator": re.compile(rf"(?:{words_regex(lexicon['negators'])})\W*(?:\w+\W+){{0,6}}$"),
        "denial": re.compile(lexicon["denials"]),
        "disclaimer": re.compile("|".join(lexicon["disclaimers"])),
        "self": re.compile("|".join(lexicon["self_identification"])),
    }


@lru_cache(maxsize=8192)
def cues_for(text: str, start: int, end: int) -> Cues:
    """Cues in the sentence around ``text[start:end]`` (normalised text)."""
    patterns = _patterns()
    s_start, s_end = sentence_bounds(text, start)
    # Condemnation often follows in the next sentence: "He called me X. That is racist."
    _, next_end = sentence_bounds(text, min(len(text), s_end + 1)) if s_end < len(text) else (0, s_end)
    sentence = text[s_start:next_end]
    before = text[s_start:start]
    disclaimer = bool(patterns["disclaimer"].search(sentence))
    counter_cue = patterns["counter"]
    # The sentence is part of the text: if the text's shared scan does not open the cue's gate,
    # no sentence of it can match, and the sentence needs no scan of its own.
    counter = (not disclaimer) and (
        bool(counter_cue.open_in(open_gates(text)) and counter_cue.regex.search(sentence))
        or _is_quoted(text[s_start:start], text[end:s_end])
    )
    return Cues(
        counter_speech=counter,
        negated=bool(patterns["negator"].search(before) or patterns["denial"].search(before)),
        self_identified=_self_identified(text),
        disclaimer=disclaimer,
    )


@lru_cache(maxsize=1024)
def _self_identified(text: str) -> bool:
    """Whether the writer says who they are anywhere in the post (asked once per post)."""
    return bool(_patterns()["self"].search(text))


def _is_quoted(left: str, right: str) -> bool:
    """The words between ``left`` and ``right`` (the rest of their sentence) sit inside quotation marks."""
    if any(q in left for q in _DOUBLE_QUOTES) and any(q in right for q in _DOUBLE_QUOTES):
        return True
    # A single quote counts only hard against the words: 'paki', not the apostrophe in "don't".
    return left[-1:] != "" and left[-1:] in _SINGLE_QUOTES and right[:1] in _SINGLE_QUOTES
