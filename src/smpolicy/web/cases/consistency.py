"""Comparable prior cases (7.2: deal with complaints consistently and fairly).

A case is comparable when it was decided on the same clause; it ranks higher when its engine
finding categories overlap more and its severity matches. People and cases are shown under
keyed pseudonyms; revealing who one was (``reidentify``) is itself an audit event.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter
from dataclasses import dataclass

from django.conf import settings

from smpolicy.web.audit.models import record
from smpolicy.web.cases.models import Case, Outcome
from smpolicy.web.people.models import Person

LIMIT = 10


@dataclass(frozen=True, slots=True)
class Comparable:
    pseudonym: str
    clause: str
    severity: str
    categories: tuple[str, ...]
    similarity: float
    outcome: str
    outcome_label: str
    year: int


def pseudonym(case_id: int) -> str:
    digest = hmac.new(settings.AUDIT_KEY.encode(), f"case:{case_id}".encode(), hashlib.sha256)
    return "C-" + digest.hexdigest()[:8].upper()


def _similarity(case: Case, other: Case) -> float:
    mine, theirs = set(case.categories), set(other.categories)
    overlap = len(mine & theirs) / len(mine | theirs) if mine | theirs else 1.0
    return round(0.7 * overlap + 0.3 * (case.severity == other.severity), 2)


def comparables(case: Case, limit: int = LIMIT) -> list[Comparable]:
    """The most similar decided cases on the same clause, most similar first."""
    decided = (Case.objects.filter(clause=case.clause, decided_at__isnull=False)
               .exclude(pk=case.pk).exclude(outcome="")
               .only("id", "clause", "severity", "categories", "outcome", "decided_at")
               .order_by("-decided_at")[:500])
    ranked = sorted(decided, key=lambda other: (-_similarity(case, other), -other.pk))[:limit]
    return [
        Comparable(pseudonym(other.pk), other.clause, other.severity, tuple(other.categories),
                   _similarity(case, other), other.outcome, Outcome(other.outcome).label,
                   other.decided_at.year if other.decided_at else 0)
        for other in ranked
    ]


def usual_outcome(found: list[Comparable]) -> str:
    """The most common outcome among the comparable cases ('' when there are none)."""
    if not found:
        return ""
    counts = Counter(c.outcome for c in found)
    best = max(counts.values())
    # Ties go to the outcome of the most similar case, so the answer never depends on order.
    return next(c.outcome for c in found if counts[c.outcome] == best)


def reidentify(actor: Person, pseudonym_text: str, reason: str) -> Case | None:
    """The case behind a pseudonym, for HR or the Town Clerk, with the reason on the audit log."""
    for candidate in Case.objects.exclude(decided_at__isnull=True).only("id").iterator():
        if pseudonym(candidate.pk) == pseudonym_text.strip().upper():
            record(actor.user, "case.reidentify", candidate.ref, pseudonym=pseudonym_text,
                   reason=reason)
            return Case.objects.get(pk=candidate.pk)
    return None
