"""Retention periods per record type, the purge report, and the subject-access export."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

from django.core.management import call_command
from django.utils import timezone

from smpolicy.web.audit.models import verify
from smpolicy.web.cases.models import Case
from smpolicy.web.records import purge, subject_access_zip
from smpolicy.web.reports.models import AbuseReport

from .conftest import decided, new_case


def test_purge_removes_only_closed_records_past_their_period(personas, accused, settings):
    old = new_case(personas, accused)
    old.exclude(personas.hr, "Grievance procedure")
    Case.objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - dt.timedelta(days=settings.RETENTION_DAYS["case"] + 1))
    recent = new_case(personas, accused)
    recent.exclude(personas.hr, "Grievance procedure")
    still_open = new_case(personas, accused)
    report = AbuseReport.submit(personas.report, personas.manager, where="X", description="Y")
    report.close(personas.report)
    removed = purge()
    assert removed["case"] == [old.pk]
    assert removed["abuse_report"] == []
    assert set(Case.objects.values_list("pk", flat=True)) == {recent.pk, still_open.pk}
    assert verify().ok  # the purge is itself audited and the chain still holds


def test_the_purge_command_reports_what_it_would_remove(personas, accused, capsys):
    case = new_case(personas, accused)
    case.exclude(personas.hr, "Grievance procedure")
    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - dt.timedelta(days=10_000))
    call_command("purge_records", "--dry-run")
    assert f"case: would remove 1 ({case.pk})" in capsys.readouterr().out
    assert Case.objects.filter(pk=case.pk).exists()


def test_a_subject_access_export_holds_everything_about_the_person(personas, accused):
    case = decided(personas, accused)
    archive = zipfile.ZipFile(io.BytesIO(subject_access_zip(accused)))
    names = archive.namelist()
    assert "person.json" in names and "cases.json" in names
    assert any(n.startswith(f"cases/{case.pk}/evidence-") for n in names)
    assert any(n.endswith("-outcome.html") for n in names)
    cases = json.loads(archive.read("cases.json"))
    assert [c["pk"] for c in cases] == [case.pk]
    events = json.loads(archive.read("audit_events.json"))
    assert any(e["action"] == "case.outcome" for e in events)


def test_the_export_of_someone_else_holds_none_of_this_case(personas, accused):
    decided(personas, accused)
    archive = zipfile.ZipFile(io.BytesIO(subject_access_zip(personas.outsider)))
    assert json.loads(archive.read("cases.json")) == []
