"""Who sees what: reporter, their manager, another manager, Town Clerk, HR, auditor, the accused.

Each record is checked through its page and its API operation alike.
"""

from __future__ import annotations

import pytest
from django.test import Client

from smpolicy.web.cases.models import Case, Outcome
from smpolicy.web.concerns.models import Concern, ConcernSource
from smpolicy.web.reports.models import AbuseReport

from .conftest import decided, new_case

PEOPLE = ("report", "manager", "other_manager", "clerk", "hr", "auditor", "accused", "comms")


def who(personas, accused, name):
    return accused if name == "accused" else getattr(personas, name)


@pytest.fixture
def abuse_report(personas):
    return AbuseReport.submit(personas.report, personas.manager, where="Facebook",
                              description="Abusive comments about my work.")


@pytest.fixture
def concern(personas, accused):
    return Concern.raise_concern(post_text="The Town Clerk is a liar and a fraud",
                                 subject=accused, source=ConcernSource.STAFF,
                                 raised_by=personas.report)


def status(personas, accused, login, bearer, name, page, api):
    person = who(personas, accused, name)
    return (login(person).get(page).status_code,
            Client().get(api, headers=bearer(person)).status_code)


ABUSE_REPORT_READERS = {"report", "manager"}  # the reporter and the manager they chose


@pytest.mark.parametrize("name", PEOPLE)
def test_an_abuse_report_is_seen_only_by_reporter_and_chosen_manager(
        personas, accused, login, bearer, abuse_report, name):
    expected = 200 if name in ABUSE_REPORT_READERS else 404
    got = status(personas, accused, login, bearer, name, f"/reports/{abuse_report.pk}/",
                 f"/api/reports/{abuse_report.pk}")
    assert got == (expected, expected)


def test_a_report_about_ones_manager_goes_to_another_manager(personas, login, bearer):
    report = AbuseReport.submit(personas.report, personas.other_manager, where="X",
                                description="My manager posts about me.")
    assert status(personas, None, login, bearer, "manager", f"/reports/{report.pk}/",
                  f"/api/reports/{report.pk}") == (404, 404)
    assert status(personas, None, login, bearer, "other_manager", f"/reports/{report.pk}/",
                  f"/api/reports/{report.pk}") == (200, 200)


CONCERN_READERS = {"manager", "clerk", "hr", "auditor"}


@pytest.mark.parametrize("name", PEOPLE)
def test_a_concern_is_seen_by_the_subjects_manager_and_casework_roles(
        personas, accused, login, bearer, concern, name):
    expected = 200 if name in CONCERN_READERS else 404
    got = status(personas, accused, login, bearer, name, f"/concerns/{concern.pk}/",
                 f"/api/concerns/{concern.pk}")
    assert got == (expected, expected)


CASE_READERS = {"manager", "clerk", "hr", "auditor"}


@pytest.mark.parametrize("name", PEOPLE)
def test_a_case_under_investigation_is_hidden_from_the_accused(
        personas, accused, login, bearer, name):
    case = new_case(personas, accused)
    expected = 200 if name in CASE_READERS else 404
    assert status(personas, accused, login, bearer, name, f"/cases/{case.pk}/",
                  f"/api/cases/{case.pk}") == (expected, expected)


def test_after_notification_the_accused_sees_letters_and_evidence_but_not_notes(
        personas, accused, login, bearer):
    case = decided(personas, accused)
    case.add_note(personas.hr, "Witness W says the account is theirs.")
    page = login(accused).get(f"/cases/{case.pk}/").content.decode()
    assert "Witness W" not in page and "Screenshot of the post" in page
    assert "Lodge appeal" in page
    api = Client().get(f"/api/cases/{case.pk}", headers=bearer(accused)).json()
    assert api["notes"] is None and len(api["letters"]) == 3 and api["evidence"]
    hr = Client().get(f"/api/cases/{case.pk}", headers=bearer(personas.hr)).json()
    assert hr["notes"] == ["Witness W says the account is theirs."]
    letter = case.letters.first()
    assert login(accused).get(f"/cases/{case.pk}/letters/{letter.pk}/").status_code == 200


@pytest.mark.parametrize(("name", "allowed"), [
    ("auditor", False), ("other_manager", False), ("accused", False), ("report", False),
    ("manager", True), ("hr", True), ("clerk", True),
])
def test_only_handlers_move_a_case_through_the_api(personas, accused, bearer, name, allowed):
    case = new_case(personas, accused)
    response = Client().post(f"/api/cases/{case.pk}/steps/proceed",
                             {"proceed": "yes", "reason": "Public post"},
                             content_type="application/json",
                             headers=bearer(who(personas, accused, name)))
    if name in ("other_manager", "report", "accused"):  # cannot see the case at all
        assert response.status_code == 404
    else:
        assert response.status_code == (200 if allowed else 409), response.content
    case.refresh_from_db()
    assert (case.stage == "proceeding") == allowed


@pytest.mark.parametrize("name", PEOPLE)
def test_the_dashboard_is_for_the_town_clerk_hr_and_auditor(personas, accused, login, bearer,
                                                            name):
    expected = 200 if name in {"clerk", "hr", "auditor"} else 403
    assert status(personas, accused, login, bearer, name, "/cases/dashboard/",
                  "/api/dashboard") == (expected, expected)


def test_case_lists_show_each_person_only_their_cases(personas, accused, bearer):
    decided(personas, accused, Outcome.INFORMAL)
    new_case(personas, accused)
    counts = {name: len(Client().get("/api/cases", headers=bearer(
        who(personas, accused, name))).json()) for name in PEOPLE}
    assert counts == {"report": 0, "manager": 2, "other_manager": 0, "clerk": 2, "hr": 2,
                      "auditor": 2, "accused": 1, "comms": 0}
    assert Case.objects.count() == 2
