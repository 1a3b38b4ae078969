"""Coverage per scope category and per team, with reminders due (8.2)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from smpolicy.web.acknowledgements.coverage import coverage
from smpolicy.web.acknowledgements.services import acknowledge
from smpolicy.web.people.models import Person
from smpolicy.web.policies.services import scope_choices


def test_coverage_counts_each_scope_category_and_team(personas, published):
    acknowledge(personas.report)
    acknowledge(personas.clerk)
    report = coverage(Person.objects.all(), published, dict(scope_choices()))
    by_category = {row.key: (row.total, row.acknowledged) for row in report.by_category}
    assert by_category["employee"] == (5, 1)
    assert by_category["volunteer"] == (1, 1)
    assert by_category["apprentice"] == (1, 0)
    assert by_category["student"] == (0, 0)  # every category of the policy is listed
    by_team = {row.key: row.pending for row in report.by_team}
    assert by_team == {"Management": 2, "Communications": 1, "Finance": 1, "Operations": 2}
    assert (report.overall.total, report.overall.acknowledged) == (8, 2)


def test_people_who_have_left_are_not_counted(personas, published):
    personas.outsider.active_until = timezone.localdate() - dt.timedelta(days=1)
    personas.outsider.save()
    report = coverage(Person.objects.all(), published, dict(scope_choices()))
    assert report.overall.total == 7
    assert personas.outsider.pk not in [p.person_id for p in report.pending]


def test_reminders_fall_due_fourteen_days_after_publication(personas, published):
    report = coverage(Person.objects.all(), published, dict(scope_choices()))
    assert all(p.reminder_due for p in report.pending)
    published.published_at = timezone.now() - dt.timedelta(days=3)
    published.save()
    report = coverage(Person.objects.all(), published, dict(scope_choices()))
    assert not any(p.reminder_due for p in report.pending)


def test_a_manager_sees_coverage_of_their_own_team_only(personas, published, login):
    body = login(personas.manager).get("/coverage/").content.decode()
    assert personas.report.name in body
    assert personas.outsider.name not in body
    assert "0 of 1</strong>" in body


def test_an_employee_acknowledges_from_the_start_page(personas, published, login):
    client = login(personas.report)
    response = client.post("/acknowledge/", follow=True)
    assert "You acknowledged" in response.content.decode()
    assert personas.report.acknowledgements.get().version == published
