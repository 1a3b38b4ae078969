"""A case follows the ACAS Code step by step; no step skipped or taken by the wrong person."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from smpolicy.exceptions import InvalidTransition
from smpolicy.web.audit.models import AuditEvent, verify
from smpolicy.web.cases.models import AppealResult, Outcome, Severity, Stage

from .conftest import decided, new_case, to_meeting


def test_a_full_case_runs_from_facts_to_appeal_outcome(personas, accused):
    case = to_meeting(new_case(personas, accused), personas.manager)
    assert case.stage == Stage.MEETING
    case.decide_outcome(personas.manager, Outcome.FIRST_WRITTEN, "Admitted posting it.")
    case.appeal(accused, "The post was private.")
    case.decide_appeal(personas.clerk, AppealResult.UPHELD, "Private group.", Outcome.INFORMAL)
    case.refresh_from_db()
    assert (case.stage, case.outcome) == (Stage.CLOSED, Outcome.INFORMAL)
    assert [letter.kind for letter in case.letters.all()] == [
        "notification", "meeting", "outcome", "appeal_outcome"]
    actions = list(AuditEvent.objects.filter(target=case.ref).values_list("action", flat=True))
    assert actions[:3] == ["case.create", "case.evidence", "case.proceed"]
    assert "case.appeal_outcome" in actions
    assert verify().ok


def test_the_notification_letter_lists_the_evidence_with_its_hash(personas, accused):
    case = to_meeting(new_case(personas, accused), personas.hr)
    letter = case.letters.get(kind="notification")
    evidence = case.evidence.get()
    assert evidence.sha256 in letter.html and evidence.disclosed and evidence.intact
    assert "right to be accompanied" in letter.html


@pytest.mark.parametrize("step", [
    lambda c, p, a: c.notify(p.hr),
    lambda c, p, a: c.schedule_meeting(p.hr, at=timezone.now() + dt.timedelta(days=1),
                                       place="x", companion_right_given=True),
    lambda c, p, a: c.decide_outcome(p.hr, Outcome.NO_ACTION, "r"),
    lambda c, p, a: c.appeal(a, "grounds"),
    lambda c, p, a: c.decide_appeal(p.clerk, AppealResult.REJECTED, "r"),
    lambda c, p, a: c.close(p.hr),
])
def test_no_step_can_be_taken_out_of_order(personas, accused, step):
    case = new_case(personas, accused)
    with pytest.raises(InvalidTransition):
        step(case, personas, accused)
    case.refresh_from_db()
    assert case.stage == Stage.INVESTIGATING


@pytest.mark.parametrize("who", ["other_manager", "auditor", "comms", "outsider", "report"])
def test_only_handlers_may_move_a_case(personas, accused, who):
    case = new_case(personas, accused)
    with pytest.raises(InvalidTransition):
        case.decide_to_proceed(getattr(personas, who), True, "reason")


def test_the_accused_cannot_handle_their_own_case(personas, accused):
    case = new_case(personas, accused)
    with pytest.raises(InvalidTransition):
        case.add_note(accused, "I did nothing wrong")


def test_only_the_accused_may_appeal(personas, accused):
    case = decided(personas, accused)
    with pytest.raises(InvalidTransition):
        case.appeal(personas.manager, "on their behalf")
    case.appeal(accused, "Too harsh")
    assert case.stage == Stage.APPEALED


def test_the_appeal_is_not_heard_by_whoever_decided(personas, accused):
    case = decided(personas, accused)
    case.appeal(accused, "Too harsh")
    with pytest.raises(InvalidTransition, match="did not decide"):
        case.decide_appeal(personas.hr, AppealResult.REJECTED, "Fair")


def test_a_meeting_needs_the_right_to_be_accompanied(personas, accused):
    case = new_case(personas, accused)
    case.add_evidence(personas.hr, description="Post", content=b"x")
    case.decide_to_proceed(personas.hr, True, "r")
    case.notify(personas.hr)
    with pytest.raises(InvalidTransition, match="accompanied"):
        case.schedule_meeting(personas.hr, at=timezone.now() + dt.timedelta(days=2), place="x",
                              companion_right_given=False)


def test_notifying_needs_evidence(personas, accused):
    case = new_case(personas, accused)
    case.decide_to_proceed(personas.hr, True, "r")
    with pytest.raises(InvalidTransition, match="evidence"):
        case.notify(personas.hr)


def test_dismissal_needs_an_allegation_of_gross_misconduct(personas, accused):
    case = to_meeting(new_case(personas, accused, severity=Severity.CONDUCT), personas.hr)
    with pytest.raises(InvalidTransition, match="gross"):
        case.decide_outcome(personas.hr, Outcome.DISMISSAL, "Serious")


def test_no_case_to_answer_closes_the_case(personas, accused):
    case = new_case(personas, accused)
    case.decide_to_proceed(personas.manager, False, "The post was not by them.")
    assert case.stage == Stage.CLOSED and case.closed_at


def test_a_case_handled_under_another_procedure_leaves_this_workflow(personas, accused):
    case = new_case(personas, accused)
    case.exclude(personas.hr, "Harassment and bullying procedure", "https://intranet/hb/12")
    assert case.stage == Stage.EXCLUDED and not case.is_open
    with pytest.raises(InvalidTransition):
        case.add_note(personas.hr, "more")


def test_closing_waits_for_the_appeal_window(personas, accused, settings):
    case = decided(personas, accused)
    with pytest.raises(InvalidTransition, match="not passed"):
        case.close(personas.hr)
    case.decided_at = timezone.now() - dt.timedelta(days=settings.APPEAL_DAYS + 1)
    case.close(personas.hr)
    assert case.stage == Stage.CLOSED
    late = decided(personas, accused)
    late.decided_at = timezone.now() - dt.timedelta(days=settings.APPEAL_DAYS + 1)
    with pytest.raises(InvalidTransition, match="passed"):
        late.appeal(accused, "late")
