"""A concern is screened as a starting point and must be acknowledged promptly (8.2)."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from smpolicy.exceptions import InvalidTransition
from smpolicy.web.audit.models import AuditEvent
from smpolicy.web.concerns.models import Concern, ConcernSource, ConcernStatus, escalate_overdue
from smpolicy.web.screening.engine import screen

RAISED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def concern(personas):
    with mock.patch("django.utils.timezone.now", return_value=RAISED):
        return Concern.raise_concern(post_text="My manager is a useless idiot and a liar",
                                     subject=personas.report, source=ConcernSource.STAFF,
                                     raised_by=personas.outsider)


def test_the_engine_findings_are_attached_but_decide_nothing(concern, personas):
    assert concern.screening == screen(concern.post_text)
    assert concern.status == ConcernStatus.OPEN
    assert concern.manager == personas.manager


def test_the_deadline_is_the_configured_number_of_hours(personas, settings):
    settings.CONCERN_ACK_HOURS = 4
    with mock.patch("django.utils.timezone.now", return_value=RAISED):
        concern = Concern.raise_concern(post_text="hello", subject=personas.report,
                                        source=ConcernSource.STAFF)
    assert concern.due_by == RAISED + dt.timedelta(hours=4)


def test_an_unacknowledged_concern_escalates_to_the_town_clerk_once(concern, personas, settings):
    just_before = RAISED + dt.timedelta(hours=settings.CONCERN_ACK_HOURS, minutes=-1)
    assert escalate_overdue(just_before) == []
    late = RAISED + dt.timedelta(hours=settings.CONCERN_ACK_HOURS, minutes=1)
    assert escalate_overdue(late) == [concern]
    assert escalate_overdue(late + dt.timedelta(hours=1)) == []
    concern.refresh_from_db()
    assert concern.escalated_to == personas.clerk
    assert AuditEvent.objects.filter(action="concern.escalate", target=concern.ref).count() == 1
    assert personas.clerk.pk in [c.escalated_to_id for c in Concern.objects.visible_to(
        personas.clerk)]


def test_an_acknowledged_concern_never_escalates(concern, personas):
    concern.acknowledge(personas.manager)
    assert escalate_overdue(RAISED + dt.timedelta(days=30)) == []


def test_the_command_escalates_overdue_concerns(concern, capsys):
    call_command("escalate_concerns")  # the real clock: years after RAISED
    assert "escalated 1 concern(s): " + str(concern.pk) in capsys.readouterr().out


def test_another_manager_cannot_acknowledge(concern, personas):
    with pytest.raises(InvalidTransition):
        concern.acknowledge(personas.other_manager)


def test_a_member_of_the_public_can_raise_a_concern_without_signing_in(personas):
    response = Client().post("/concerns/public/", {
        "subject_name": "  REPORT ", "post_text": "Disgraceful post about a resident",
        "raiser_name": "A Resident", "raiser_contact": "a@example.com"})
    assert response.status_code == 200 and b"Concern received" in response.content
    concern = Concern.objects.get()
    assert (concern.subject, concern.source, concern.manager) == (
        personas.report, ConcernSource.PUBLIC, personas.manager)


def test_an_unknown_name_goes_to_the_town_clerk_for_triage(personas):
    Client().post("/concerns/public/", {"subject_name": "Nobody Known",
                                        "post_text": "Some post"})
    concern = Concern.objects.get()
    assert concern.subject is None and concern.manager == personas.clerk


def test_an_empty_post_is_refused_with_a_message_and_nothing_is_stored(personas):
    response = Client().post("/concerns/public/", {"subject_name": "Report", "post_text": ""})
    assert response.status_code == 200 and b"There is a problem" in response.content
    assert not Concern.objects.exists()


def test_the_dashboard_escalates_and_lists_overdue_concerns(concern, personas, login):
    page = login(personas.clerk).get("/cases/dashboard/").content.decode()
    assert f"Concern {concern.pk}" in page and personas.clerk.name in page
    assert timezone.now() > concern.due_by
