"""Clause 6.4(b): a post names someone on the council's registers of service users or staff.

The registers are held as keyed hashes (``smpolicy.registers``); names in the post are hashed
the same way and compared, so the detector never holds a plain-text register. A service user
named online is a confidentiality breach in itself: it discloses that they use a council
service. A colleague named is ordinary until the post also speaks of HR or complaint matters.
Explanations cite the clause and the reason, never the register entry or its file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from smpolicy.registers import MatchKind, TextMatcher, load_register, resolve_key
from smpolicy.screening.detectors.base import BaseDetector
from smpolicy.screening.findings import Category, Finding
from smpolicy.screening.normalise import NormalisedText

if TYPE_CHECKING:
    from smpolicy.screening.registry import DetectorContext

CLAUSE = "6.4(b)"

SERVICE_USER_SCORES = {
    MatchKind.NAME: 0.85,
    MatchKind.SPELLING: 0.65,
    MatchKind.SOUNDS_LIKE: 0.55,
    MatchKind.TITLE_SURNAME: 0.45,
}
# Staff: a review on its own at most; with HR or complaint context, a breach for a full name.
STAFF_SCORES = {
    MatchKind.NAME: (0.5, 0.8),
    MatchKind.SPELLING: (0.3, 0.6),
    MatchKind.SOUNDS_LIKE: (0.25, 0.55),
    MatchKind.TITLE_SURNAME: (0.2, 0.5),
}
HR_CONTEXT = re.compile(
    r"\b(disciplin\w*|grievance\w*|complain\w*|investigat\w*|suspen\w*|sacked|fired|dismiss\w*|"
    r"sick (?:leave|note)|off sick|tribunal\w*|hearings?|written warning|final warning|"
    r"capability|misconduct|performance (?:review|plan)|redundan\w*|hr|human resources|"
    r"appraisal\w*|payroll|salary|pay cut)\b"
)

SERVICE_USER_WHY = {
    MatchKind.NAME: "names someone the council knows as a service user",
    MatchKind.SPELLING: "names someone spelt one letter away from a service user of the council",
    MatchKind.SOUNDS_LIKE: "names someone whose name sounds like a service user's",
    MatchKind.TITLE_SURNAME: "refers by title and surname to someone who may be a service user",
}


class RegisterMatchDetector(BaseDetector):
    """Names in a post matched against hashed registers of service users and staff."""

    name = "register_match"
    categories = frozenset({Category.CONFIDENTIALITY})

    def __init__(self, service_users: TextMatcher | None, staff: TextMatcher | None) -> None:
        self.service_users = service_users
        self.staff = staff

    def detect(self, post: NormalisedText) -> list[Finding]:
        findings: list[Finding] = []
        claimed: list[tuple[int, int]] = []
        if self.service_users is not None:
            for match in self.service_users.find(post.original):
                claimed.append((match.start, match.end))
                findings.append(
                    self._finding(
                        post,
                        match.start,
                        match.end,
                        SERVICE_USER_SCORES[match.kind],
                        f"This {SERVICE_USER_WHY[match.kind]}: clause "
                        f"{CLAUSE} forbids referring to confidential "
                        "information about a service user, and that they "
                        "use a council service is itself confidential.",
                    )
                )
        if self.staff is not None:
            hr_context = HR_CONTEXT.search(post.text) is not None
            for match in self.staff.find(post.original):
                if any(match.start < end and start < match.end for start, end in claimed):
                    continue
                plain, with_context = STAFF_SCORES[match.kind]
                if hr_context:
                    why = (
                        f"This names a colleague alongside HR or complaint matters: clause "
                        f"{CLAUSE} forbids referring to confidential information about a "
                        "colleague."
                    )
                else:
                    why = (
                        f"This names a colleague: check it shares nothing confidential about "
                        f"them (clause {CLAUSE})."
                    )
                findings.append(
                    self._finding(
                        post, match.start, match.end, with_context if hr_context else plain, why
                    )
                )
        return findings

    def _finding(
        self, post: NormalisedText, start: int, end: int, score: float, explanation: str
    ) -> Finding:
        return Finding(
            detector=self.name,
            category=Category.CONFIDENTIALITY,
            clause=CLAUSE,
            score=score,
            start=start,
            end=end,
            evidence=post.original[start:end],
            explanation=explanation,
        )


def build(context: DetectorContext) -> RegisterMatchDetector | None:
    """The detector for the configured registers, or None when no register is configured."""
    config = context.config
    if config.service_users_register is None and config.staff_register is None:
        return None
    key = resolve_key(config.register_salt)
    matchers = [
        TextMatcher(load_register(path, key)) if path is not None else None
        for path in (config.service_users_register, config.staff_register)
    ]
    return RegisterMatchDetector(service_users=matchers[0], staff=matchers[1])
