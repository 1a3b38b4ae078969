"""What the engine reports: findings, verdicts and the result for one post."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    """``breach`` is clear, ``review`` needs a human, ``ok`` needs nothing. Ordered by severity."""

    OK = "ok"
    REVIEW = "review"
    BREACH = "breach"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Verdict.OK: 0, Verdict.REVIEW: 1, Verdict.BREACH: 2}


class Category(StrEnum):
    """The kinds of misuse 6.4 lists, plus the advice-only checks of 5.2 and Appendix 1."""

    DISREPUTE = "disrepute"  # 6.4(a)
    CONFIDENTIALITY = "confidentiality"  # 6.4(b)
    DISCRIMINATION = "discrimination"  # 6.4(c): discrimination, bullying, harassment
    INCOMPATIBLE_CONDUCT = "incompatible_conduct"  # 6.4(d)
    OTHER_POLICIES = "other_policies"  # 6.4(e), Appendix 1 copyright
    WORK_MATTERS = "work_matters"  # Appendix 1.4
    PROFILE_DETAILS = "profile_details"  # 5.2


@dataclass(frozen=True, slots=True)
class Finding:
    """One reason a post may break the policy.

    ``start``/``end`` index the caller's original text, whatever normalisation the detector
    matched on, so a page can highlight exactly the words cited in ``evidence``. A finding on an
    image of a post (``image`` is its index) has a ``box`` in pixels instead of a text span; one on
    a link given apart from the text (``link`` is its index) has neither.
    """

    detector: str
    category: Category
    clause: str
    score: float
    start: int
    end: int
    evidence: str
    explanation: str
    target: str | None = None
    image: int | None = None
    box: tuple[int, int, int, int] | None = None  # left, top, right, bottom
    link: int | None = None

    @property
    def in_text(self) -> bool:
        return self.image is None and self.link is None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "category": str(self.category),
            "clause": self.clause,
            "score": round(self.score, 3),
            "span": [self.start, self.end] if self.in_text else None,
            "evidence": self.evidence,
            "explanation": self.explanation,
            "detector": self.detector,
        }
        if self.target:
            data["target"] = self.target
        if self.image is not None:
            data["image"] = self.image
            data["box"] = list(self.box) if self.box else None
        if self.link is not None:
            data["link"] = self.link
        return data


@dataclass(frozen=True, slots=True)
class Result:
    """The verdict on one post and the findings that support it, most severe first."""

    verdict: Verdict
    findings: tuple[Finding, ...] = field(default=())

    def to_dict(self, post_id: Any = None) -> dict[str, Any]:
        return {
            "id": post_id,
            "verdict": str(self.verdict),
            "findings": [finding.to_dict() for finding in self.findings],
        }
