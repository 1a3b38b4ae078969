"""7.2: outcomes are compared with similar decided cases, and a departure needs a reason."""

from __future__ import annotations

import pytest
from django.test import Client

from smpolicy.exceptions import InvalidTransition
from smpolicy.web.audit.models import AuditEvent
from smpolicy.web.cases.consistency import comparables, pseudonym, reidentify, usual_outcome
from smpolicy.web.cases.models import Outcome, Stage

from .conftest import decided, new_case, to_meeting


@pytest.fixture
def history(personas, accused):
    """Three decided disrepute cases: two first written warnings, one informal."""
    return [decided(personas, accused, o, categories=["disrepute"]) for o in
            (Outcome.FIRST_WRITTEN, Outcome.FIRST_WRITTEN, Outcome.INFORMAL)]


def test_comparables_share_the_clause_and_hide_who_was_involved(personas, accused, history,
                                                               login):
    decided(personas, accused, Outcome.DISMISSAL, clause="6.4(c)", severity="gross")
    case = to_meeting(new_case(personas, accused, categories=["disrepute"]), personas.hr)
    found = comparables(case)
    assert {c.pseudonym for c in found} == {pseudonym(h.pk) for h in history}
    assert usual_outcome(found) == Outcome.FIRST_WRITTEN
    page = login(personas.hr).get(f"/cases/{case.pk}/").content.decode()
    assert pseudonym(history[0].pk) in page and "First written warning" in page
    assert f"Case {history[0].pk}<" not in page


def test_a_different_outcome_needs_a_recorded_reason(personas, accused, history):
    case = to_meeting(new_case(personas, accused, categories=["disrepute"]), personas.hr)
    with pytest.raises(InvalidTransition, match="First written warning"):
        case.decide_outcome(personas.hr, Outcome.FINAL_WRITTEN, "Repeated")
    case.refresh_from_db()
    assert case.stage == Stage.MEETING
    case.decide_outcome(personas.hr, Outcome.FINAL_WRITTEN, "Repeated",
                        consistency_reason="Second offence within a year")
    assert case.consistency_reason == "Second offence within a year"
    event = AuditEvent.objects.filter(action="case.outcome", target=case.ref).get()
    assert event.details["differs"] is True


def test_the_usual_outcome_needs_no_extra_reason(personas, accused, history):
    case = to_meeting(new_case(personas, accused, categories=["disrepute"]), personas.hr)
    case.decide_outcome(personas.hr, Outcome.FIRST_WRITTEN, "As before")
    assert case.stage == Stage.OUTCOME


def test_the_api_refuses_a_departure_without_a_reason_with_409(personas, accused, history,
                                                               bearer):
    case = to_meeting(new_case(personas, accused, categories=["disrepute"]), personas.hr)
    response = Client().post(f"/api/cases/{case.pk}/steps/outcome",
                             {"outcome": "no_action", "reason": "Minor"},
                             content_type="application/json", headers=bearer(personas.hr))
    assert response.status_code == 409 and "comparable" in response.json()["detail"]


def test_re_identifying_a_comparable_case_is_audited(personas, accused, history):
    found = reidentify(personas.hr, pseudonym(history[1].pk), "Checking the facts were alike")
    assert found == history[1]
    event = AuditEvent.objects.get(action="case.reidentify")
    assert event.details["reason"] == "Checking the facts were alike"


@pytest.mark.parametrize(("step", "payload"), [
    ("outcome", {"outcome": "sacked", "reason": "x"}),
    ("meeting", {"at": "not a date", "place": "x", "companion_right_given": True}),
    ("proceed", {}),
    ("teleport", {"to": "closed"}),
])
def test_bad_step_payloads_get_4xx_with_a_message(personas, accused, bearer, step, payload):
    case = new_case(personas, accused)
    response = Client().post(f"/api/cases/{case.pk}/steps/{step}", payload,
                             content_type="application/json", headers=bearer(personas.hr))
    assert 400 <= response.status_code < 500 and response.json()["detail"]
    case.refresh_from_db()
    assert case.stage == Stage.INVESTIGATING


def test_a_non_object_body_gets_4xx(personas, accused, bearer):
    case = new_case(personas, accused)
    response = Client().post(f"/api/cases/{case.pk}/steps/proceed", "[1, 2]",
                             content_type="application/json", headers=bearer(personas.hr))
    assert 400 <= response.status_code < 500
