"""One case end to end in a real browser: concern, acknowledgement, ACAS steps, appeal."""

from __future__ import annotations

import pytest

from smpolicy.web.cases.models import Case, Outcome, Stage
from smpolicy.web.concerns.models import Concern
from smpolicy.web.people.demo import load_demo
from smpolicy.web.people.models import Person, Role

from .test_browser import PASSWORD, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def council(transactional_db):
    return load_demo(PASSWORD)


def as_person(page, live_server, person: Person) -> None:
    page.context.clear_cookies()
    sign_in(page, live_server, person.user.username)
    page.get_by_role("link", name="Home").first.wait_for()


def test_a_case_runs_from_a_concern_to_the_appeal_outcome(page, live_server, council, shot):
    subject = (Person.objects.filter(role=Role.EMPLOYEE, line_manager__role=Role.MANAGER)
               .order_by("name").first())
    manager = subject.line_manager
    colleague = Person.objects.filter(role=Role.EMPLOYEE).exclude(pk=subject.pk).first()
    clerk = Person.objects.filter(role=Role.TOWN_CLERK).first()

    as_person(page, live_server, colleague)
    page.goto(f"{live_server.url}/concerns/new/")
    page.get_by_label("Whose post is it?").select_option(str(subject.pk))
    page.get_by_label("The words of the post").fill(
        "The Town Clerk is a liar and a fraud, everyone knows he fiddles his expenses")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("The concern has gone to").wait_for()
    concern = Concern.objects.get()

    as_person(page, live_server, manager)
    page.goto(f"{live_server.url}/concerns/{concern.pk}/")
    shot("10-concern-with-findings")
    page.get_by_role("button", name="Acknowledge").click()
    page.get_by_role("link", name="Open a case").click()
    page.get_by_label("Policy clause").fill("6.4(a)")
    page.get_by_label("Allegation").fill("Posted that the Town Clerk fiddles his expenses.")
    page.get_by_role("button", name="Open case").click()
    case = Case.objects.get()

    page.get_by_label("Description").fill("Screenshot of the post")
    page.get_by_label("File (up to 10 MB)").set_input_files(
        files=[{"name": "post.png", "mimeType": "image/png", "buffer": b"\x89PNG screenshot"}])
    page.get_by_role("button", name="Add evidence").click()
    page.get_by_label("Reason").fill("The post is public and names a colleague.")
    page.get_by_role("button", name="Record decision").click()
    page.get_by_role("button", name="Send written notification").click()
    page.get_by_label("Date and time").fill("2031-03-04T10:00")
    page.get_by_label("Place").fill("Council offices, room 2")
    page.get_by_label("The employee has been told of their right to be accompanied").check()
    page.get_by_role("button", name="Arrange meeting").click()
    page.get_by_role("heading", name="Comparable decided cases (clause 6.4(a))").wait_for()
    shot("11-case-outcome-with-comparables")
    page.get_by_label("Outcome", exact=True).select_option(Outcome.FIRST_WRITTEN)
    page.get_by_label("Reason").fill("The employee admitted writing the post.")
    page.get_by_role("button", name="Record written outcome").click()
    page.get_by_role("heading", name="Outcome decided").wait_for()

    as_person(page, live_server, subject)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    assert "The post is public" not in page.content()  # a note of the decision, not for them
    page.get_by_label("Grounds").fill("The post was in a private group.")
    shot("12-accused-sees-letters-and-appeals")
    page.get_by_role("button", name="Lodge appeal").click()
    page.get_by_role("heading", name="Appeal lodged").wait_for()

    as_person(page, live_server, clerk)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.get_by_label("Result").select_option("upheld")
    page.get_by_label("New outcome").select_option(Outcome.INFORMAL)
    page.get_by_label("Reason").fill("A private group of friends; informal action is enough.")
    page.get_by_role("button", name="Record appeal outcome").click()
    page.get_by_role("heading", name="Closed").wait_for()
    page.goto(f"{live_server.url}/cases/dashboard/")
    shot("13-casework-dashboard")

    case.refresh_from_db()
    assert (case.stage, case.outcome) == (Stage.CLOSED, Outcome.INFORMAL)
    assert case.letters.count() == 4
