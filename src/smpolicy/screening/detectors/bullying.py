"""6.4(c) bullying and harassment of an individual: threats, name-calling, mocking a colleague.

6.1.v: "disparaging comments against a colleague made to all friends on Facebook could be viewed
as bullying/harassment". Criticism without name-calling is left to the disrepute detector.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from smpolicy.screening.cues import cues_for
from smpolicy.screening.detectors.base import BaseDetector, keep_strongest
from smpolicy.screening.detectors.threats import find_threats
from smpolicy.screening.findings import Category, Finding
from smpolicy.screening.lexicon import load_lexicon, words_regex, words_trie
from smpolicy.screening.normalise import NormalisedText
from smpolicy.screening.prefilter import MIN_USEFUL, GatedAlternation, GatedList, GatedPattern, open_gates
from smpolicy.screening.registry import DetectorContext
from smpolicy.screening.scan import registers_words

CLAUSE = "6.4(c)"


@dataclass(frozen=True, slots=True)
class _Patterns:
    direct_insult: GatedPattern
    colleague_insult: GatedPattern
    mocking: GatedList  # of (pattern, score)
    insult_bits: int = 0  # the two insults' gate bits; 0 when one has no gate (always run)


@registers_words
@cache
def _patterns() -> _Patterns:
    data = load_lexicon("harassment")
    # Each regex twice: with plain word lists, read for its gates, and with factored ones, run.
    (direct, colleague), (direct_fast, colleague_fast) = (
        _sources(data, words_regex, gates=True), _sources(data, words_trie))
    direct_insult = GatedPattern(direct, fast=direct_fast)
    # Only the spans of its matches are read: each alternative may be gated on its own.
    colleague_insult = GatedAlternation(colleague, fast=colleague_fast)
    return _Patterns(
        direct_insult=direct_insult,
        colleague_insult=colleague_insult,
        mocking=GatedList([
            (GatedPattern(rf"(?<![a-z]){regex}(?![a-z])"), float(score))
            for regex, score in data["mocking"]
        ]),
        insult_bits=(direct_insult.bit | colleague_insult.bit
                     if direct_insult.bit and colleague_insult.bit else 0),
    )


def _sources(data: dict[str, Any], words: Callable[[list[str]], str], gates: bool = False) -> tuple[str, str]:
    """The direct-insult and colleague-insult regexes, with word lists written by ``words``.

    ``gates``: the form read only for its gates (``GatedPattern``): the same matches, spelt so
    that each holds a literal long enough to gate on (``_in_unit``). Work units include "it" and
    "hr", so the plain form was gated by the insult words alone and ran on a third of the
    benchmark posts.
    """
    insult = words(data["insults"])
    adjective = words(data["insulting_adjectives"])
    intensifier = words(data["intensifiers"])
    second = words(data["second_person"])
    colleague = (
        f"{words(data['colleague_refs'])}"
        rf"|[a-z]+ {_in_unit(['in', 'from', 'at', 'on'], data['work_units'], words, gates)}"
        rf"|(?:this|that|the) (?:[a-z]+ )?{_in_unit(['from', 'in', 'at'], data['work_units'], words, gates)}"
    )
    direct = rf"(?<![a-z])(?:{second})(?: (?:{intensifier}))* (?:(?:{insult})|(?:{adjective}))(?![a-z])"
    colleague_insult = (
        rf"(?<![a-z])(?P<who>{colleague})(?:,)?(?: [a-z]+){{0,3}}?(?: is| was|'s| has always been"
        rf"| = | are| were)(?: (?:{intensifier}))* (?:(?:{insult})|(?:{adjective}))(?![a-z])"
        rf"|(?<![a-z])(?:{insult}) (?:of an? |that is |otherwise known as )?(?P<who2>{colleague})(?![a-z])"
        rf"|(?<![a-z])(?P<who3>{colleague})(?: [a-z]+){{0,4}}?,? (?:is )?(?:fat|ugly|thick)(?: and| as)"
    )
    return direct, colleague_insult


def _in_unit(prepositions: list[str], units: list[str], words: Callable[[list[str]], str], gates: bool) -> str:
    """ "{preposition} (the )?{unit}". For ``gates``, units too short to gate on ("it", "hr")
    are spelt out with each preposition ("in it", "in the it"), which every such match holds."""
    short = [unit for unit in units if len(unit) < MIN_USEFUL]
    if not gates or not short:
        return rf"(?:{'|'.join(prepositions)}) (?:the )?(?:{words(units)})"
    long = [unit for unit in units if len(unit) >= MIN_USEFUL]
    return f"(?:(?:{'|'.join(prepositions)}) (?:the )?(?:{words(long)})|" + "|".join(
        f"{preposition} {the}{re.escape(unit)}"
        for preposition in prepositions for the in ("", "the ") for unit in short
    ) + ")"


class BullyingDetector(BaseDetector):
    name = "bullying"
    categories = frozenset({Category.DISCRIMINATION})

    def detect(self, post: NormalisedText) -> list[Finding]:
        findings = [
            self._finding(post, t.start, t.end, t.score, "threat",
                          "Threatens a person with harm; clause 6.4(c) forbids bullying or "
                          "harassment of any individual.")
            for t in find_threats(post)
        ]
        patterns = _patterns()
        text = post.text
        gates = open_gates(text)
        if patterns.insult_bits and not (gates & patterns.insult_bits or patterns.mocking.open_for(text)):
            return keep_strongest(findings)  # no insult word, no mocking phrase: most posts
        for match in patterns.colleague_insult.finditer(text):
            findings.append(self._weighed(
                post, match, 0.82, "colleague",
                "Calls a colleague names in public; 6.1.v says disparaging comments against a "
                "colleague can be bullying or harassment, which clause 6.4(c) forbids."))
        for match in patterns.direct_insult.finditer(text):
            findings.append(self._weighed(
                post, match, 0.72, "individual",
                "Insults the person addressed; clause 6.4(c) forbids bullying or harassment of "
                "any individual."))
        for pattern, score in patterns.mocking.open_for(text):
            for match in pattern.regex.finditer(text):
                findings.append(self._weighed(
                    post, match, score, "individual",
                    "Mocks or encourages others to gang up on a person; clause 6.4(c) forbids "
                    "bullying."))
        return keep_strongest(findings)

    def _weighed(self, post: NormalisedText, match: re.Match[str], score: float, target: str,
                 explanation: str) -> Finding:
        cues = cues_for(post.text, match.start(), match.end())
        if cues.counter_speech:
            score *= 0.4
        elif cues.negated:
            score *= 0.35
        return self._finding(post, match.start(), match.end(), score, target, explanation)

    def _finding(self, post: NormalisedText, start: int, end: int, score: float, target: str,
                 explanation: str) -> Finding:
        o_start, o_end, evidence = post.evidence(start, end)
        return Finding(self.name, Category.DISCRIMINATION, CLAUSE, score, o_start, o_end,
                       evidence, explanation, target)



def build(context: DetectorContext) -> BullyingDetector:
    return BullyingDetector()
