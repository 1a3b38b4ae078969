"""End to end in a real browser, on the demo council: the flows of sections 8.1 and 8.2."""

from __future__ import annotations

import pytest

from smpolicy.web.people.demo import load_demo
from smpolicy.web.people.models import Person, Role

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PASSWORD = "demo-password-for-e2e"


@pytest.fixture
def demo(transactional_db):
    return load_demo(PASSWORD)


def sign_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def unacknowledged_employee() -> Person:
    return (Person.objects.filter(role=Role.EMPLOYEE, acknowledgements__isnull=True)
            .exclude(line_manager=None).order_by("name").first())


def test_an_employee_acknowledges_the_policy_and_screens_a_post(page, live_server, demo, shot):
    employee = unacknowledged_employee()
    page.goto(f"{live_server.url}/")
    shot("01-sign-in")
    sign_in(page, live_server, employee.user.username)
    page.get_by_text("Please read and acknowledge the policy").wait_for()
    shot("02-start-page-acknowledge")

    page.get_by_role("link", name="Read the policy", exact=True).click()
    page.get_by_role("heading", name="Acceptable use of social media policy").wait_for()
    shot("03-policy-clauses")
    page.go_back()

    page.get_by_role("button", name="I have read and understood the policy").click()
    page.get_by_text("You have acknowledged the policy").wait_for()
    assert employee.acknowledgements.count() == 1

    page.get_by_role("link", name="Check a post").first.click()
    page.get_by_label("Your post").fill(
        "Councillor Smith is a liar and a fraud, everyone knows he fiddles his expenses")
    page.get_by_role("button", name="Check").click()
    result = page.locator("#result")
    result.wait_for()
    assert "Result:" in result.inner_text()
    shot("04-screening-result")


def test_an_employee_checks_a_meme_and_sees_where_in_the_image(page, live_server, demo, shot):
    pytest.importorskip("rapidocr")
    from tests.web.screening.pictures import HATEFUL, meme

    employee = unacknowledged_employee()
    sign_in(page, live_server, employee.user.username)
    page.goto(f"{live_server.url}/screen/")
    page.get_by_label("Your post").fill("Friday mood")
    page.get_by_label("Images in the post (optional)").set_input_files(
        [{"name": "meme.png", "mimeType": "image/png", "buffer": meme(HATEFUL)},
         {"name": "holiday.jpg", "mimeType": "image/jpeg", "buffer": b"not a photo"}])
    page.get_by_role("button", name="Check").click()
    result = page.locator("#result")
    result.wait_for()
    text = result.inner_text()
    assert "Clause 6.4(c)" in text and "in image 1 (meme.png)" in text
    assert "Image 2 (holiday.jpg): Not checked" in text
    shot("14-screening-an-image")


def test_a_manager_sees_the_coverage_of_their_team(page, live_server, demo, shot):
    manager = Person.objects.filter(role=Role.MANAGER).order_by("name").first()
    sign_in(page, live_server, manager.user.username)
    page.get_by_role("link", name="Coverage").first.click()
    page.get_by_role("heading", name="Acknowledgement coverage").wait_for()
    team_size = manager.reports.count()
    assert f"of {team_size}" in page.locator("main").inner_text()
    assert "By scope category" in page.content()
    shot("05-manager-team-coverage")
    page.get_by_role("link", name="People").first.click()
    page.get_by_role("heading", name="People who report to you").wait_for()
    shot("06-manager-people")


def test_the_town_clerk_sees_the_whole_register(page, live_server, demo, shot):
    clerk = Person.objects.get(role=Role.TOWN_CLERK)
    sign_in(page, live_server, clerk.user.username)
    page.get_by_role("link", name="Coverage").first.click()
    assert "of 40" in page.locator("main").inner_text()
    shot("07-clerk-coverage")
    page.goto(f"{live_server.url}/people/import/")
    shot("08-people-import")
