"""Appendix 1 (4): work-related issues discussed online (advice, never a breach on its own).

A post raises a work issue when it names one (service users, complaints, management, colleagues,
HR or case work), or when it mentions the council's business together with a complaint or a
judgement. Public council news ("the agenda is online") names neither and is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from smpolicy.screening.detectors.base import BaseDetector
from smpolicy.screening.findings import Category, Finding
from smpolicy.screening.lexicon import TermHit, TermIndex, load_lexicon
from smpolicy.screening.normalise import NormalisedText
from smpolicy.screening.registry import DetectorContext
from smpolicy.screening.scan import registers_words

CLAUSE = "App1.4"
SCORE = 0.5
EXPLANATION = (
    "Discusses a work-related issue online ({what}); Appendix 1 (4) advises staff not to discuss "
    "service users, complaints, management or colleagues online, even anonymously."
)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    issues: TermIndex
    weak: TermIndex
    judgements: TermIndex


@registers_words
@cache
def _lexicon() -> _Lexicon:
    data = load_lexicon("work_matters")
    return _Lexicon(
        issues=TermIndex({w: True for w in data["issues"]}),
        weak=TermIndex({w: True for w in data["weak_topics"]}),
        judgements=TermIndex({w: True for w in data["judgements"]}),
    )


class WorkMattersDetector(BaseDetector):
    name = "work_matters"
    categories = frozenset({Category.WORK_MATTERS})

    def detect(self, post: NormalisedText) -> list[Finding]:
        lexicon = _lexicon()
        hit: TermHit | None = lexicon.issues.first(post)
        if hit is None:
            weak = lexicon.weak.first(post)
            if weak is None or lexicon.judgements.first(post) is None:
                return []
            hit = weak
        start, end, evidence = post.evidence(hit.start, hit.end)
        return [Finding(self.name, Category.WORK_MATTERS, CLAUSE, SCORE, start, end, evidence,
                        EXPLANATION.format(what=hit.term))]


def build(context: DetectorContext) -> WorkMattersDetector:
    return WorkMattersDetector()
