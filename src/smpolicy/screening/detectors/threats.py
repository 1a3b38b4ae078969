"""Threats of violence against a person: shared by the bullying detector and ``lexicon_signals``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from smpolicy.screening.cues import cues_for
from smpolicy.screening.lexicon import load_lexicon, words_regex, words_trie
from smpolicy.screening.normalise import NormalisedText
from smpolicy.screening.prefilter import GatedList, GatedPattern
from smpolicy.screening.scan import registers_words

# A plain alternation of words, so its gate (the shared literal scan) holds exactly when the
# regex would match: the test costs nothing beyond the scan every detector already shares.
_TRIGGERS = GatedPattern(
    r"kill|murder|stab|shoot|hurt|batter|beat|smash|punch|knife|burn|hang|rape|strangle|deck|glass"
    r"|slap|kick|regret|pay for|sorry|coming|back|know where|die|cancer|hit|rot|run over|deserve"
    r"|ought|kys|house|home|place|end|get|run|knock"
)


@dataclass(frozen=True, slots=True)
class Threat:
    start: int
    end: int
    score: float


@registers_words
@cache
def _patterns() -> GatedList:
    """(pattern, score) for every threat template."""
    data = load_lexicon("harassment")
    you, you_fast = f"(?:{words_regex(data['you'])})", f"(?:{words_trie(data['you'])})"
    return GatedList([
        (GatedPattern(rf"(?<![a-z]){regex.replace('{you}', you)}(?![a-z])",
                      fast=rf"(?<![a-z]){regex.replace('{you}', you_fast)}(?![a-z])"), float(score))
        for regex, score in data["threats"]
    ])


def find_threats(post: NormalisedText) -> list[Threat]:
    """Threats in the normalised text, lowered when negated or reported ("he said he'd ...")."""
    text = post.text
    if not _TRIGGERS.may_match(text):
        return []
    threats = []
    for pattern, score in _patterns().open_for(text):
        for match in pattern.regex.finditer(text):
            cues = cues_for(text, match.start(), match.end())
            factor = 0.35 if cues.counter_speech else 0.3 if cues.negated else 1.0
            threats.append(Threat(match.start(), match.end(), score * factor))
    return threats
