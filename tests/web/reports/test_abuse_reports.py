"""An employee reports abuse received online (8.1) and tracks the takedown (Appendix 1)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from smpolicy.exceptions import InputError, InvalidTransition
from smpolicy.web.reports.models import AbuseReport, TakedownOutcome


def test_an_employee_reports_abuse_to_their_manager_with_a_screenshot(personas, login):
    response = login(personas.report).post("/reports/new/", {
        "where": "Facebook group 'Town chat'", "abuser": "Anon123",
        "description": "Called me useless in a thread", "effect_on_work": "Anxious at work",
        "recipient": personas.manager.pk,
        "screenshot": SimpleUploadedFile("shot.png", b"\x89PNG fake"),
    })
    report = AbuseReport.objects.get()
    assert response.status_code == 302
    assert (report.reporter, report.recipient) == (personas.report, personas.manager)
    item = report.items.get()
    assert len(item.screenshot_sha256) == 64 and bytes(item.screenshot) == b"\x89PNG fake"


def test_an_employee_cannot_send_a_report_to_a_colleague_without_a_management_role(personas):
    with pytest.raises(InputError):
        AbuseReport.submit(personas.report, personas.outsider, where="X", description="Y")


def test_takedown_is_tracked_per_item(personas, bearer):
    report = AbuseReport.submit(personas.report, personas.manager, where="X", description="Y")
    item = report.add_item(personas.report, link="https://example.com/post/1")
    response = Client().patch(
        f"/api/reports/{report.pk}/items/{item.pk}",
        {"reported_to_platform": True, "platform_mechanism": "Report post form",
         "platform_reported_on": "2026-03-01", "platform_reference": "FB-123",
         "asked_poster": True, "outcome": "removed"},
        content_type="application/json", headers=bearer(personas.manager))
    assert response.status_code == 200, response.content
    item.refresh_from_db()
    assert (item.platform_reference, item.platform_reported_on, item.outcome) == (
        "FB-123", dt.date(2026, 3, 1), TakedownOutcome.REMOVED)


def test_support_is_recorded_by_the_chosen_manager(personas, login):
    report = AbuseReport.submit(personas.report, personas.manager, where="X", description="Y")
    login(personas.manager).post(f"/reports/{report.pk}/support/",
                                 {"action": "Referred to employee assistance"})
    assert report.support_actions.get().action == "Referred to employee assistance"


def test_a_closed_report_takes_no_more_changes(personas):
    report = AbuseReport.submit(personas.report, personas.manager, where="X", description="Y")
    report.close(personas.report)
    with pytest.raises(InvalidTransition):
        report.add_support(personas.manager, "late")


@pytest.mark.parametrize("payload", [
    {}, {"recipient_id": "x"}, {"recipient_id": 0, "where": "X", "description": "Y"},
    {"recipient_id": 1, "where": "", "description": "Y"},
    {"recipient_id": 1, "where": "X", "description": "Y", "links": ["not a url"]},
    {"recipient_id": 2**70, "where": "X", "description": "Y"},
])
def test_bad_report_payloads_get_4xx_with_a_message(personas, bearer, payload):
    response = Client().post("/api/reports", payload, content_type="application/json",
                             headers=bearer(personas.report))
    assert 400 <= response.status_code < 500 and response.json()["detail"]
    assert not AbuseReport.objects.exists()


def test_reporting_to_oneself_is_refused_by_the_api(personas, bearer):
    response = Client().post("/api/reports", {"recipient_id": personas.manager.pk, "where": "X",
                                              "description": "Y"},
                             content_type="application/json", headers=bearer(personas.manager))
    assert response.status_code == 400 and "choose a manager" in response.json()["detail"]
