"""Letters from HTML templates (templates/letters/), stored as sent with their hash."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from smpolicy.exceptions import PolicyNotFound
from smpolicy.web.audit.models import record
from smpolicy.web.cases.models import Case, Letter
from smpolicy.web.casework import sha256
from smpolicy.web.people.models import Person
from smpolicy.web.policies.services import policy_in_force

KINDS = ("notification", "meeting", "outcome", "appeal_outcome")


def write_letter(case: Case, kind: str, author: Person) -> Letter:
    policy = policy_in_force()[1]
    try:
        clause_text = policy.clause(case.clause).text
    except PolicyNotFound:  # a clause since removed from the policy: the letter still goes out
        clause_text = ""
    html = render_to_string(f"letters/{kind}.html", {
        "case": case, "author": author, "today": timezone.localdate(),
        "organisation": policy.organisation, "clause_text": clause_text,
        "evidence": case.evidence.filter(disclosed=True),
    })
    letter = case.letters.create(kind=kind, html=html, sha256=sha256(html.encode("utf-8")))
    record(author.user, "case.letter", case.ref, letter=letter.pk, kind=kind,
           sha256=letter.sha256)
    return letter
