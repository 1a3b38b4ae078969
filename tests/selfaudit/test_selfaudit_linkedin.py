from __future__ import annotations

import pytest
from audit_screeners import screener_for
from fixture_exports import linkedin_files, make_zip

from smpolicy.exceptions import ExportError
from smpolicy.selfaudit import Platform, Severity, audit_export, open_archive, read_export


def audit(service_users, files=None):
    data = make_zip(files or linkedin_files())
    return audit_export(data, service_users=service_users, screener=screener_for(service_users))


def test_on_linkedin_employer_and_job_are_things_to_consider_not_to_remove(service_users):
    report = audit(service_users)
    flagged = {p.evidence: p.severity for p in report.points if p.clause == "5.2"}
    assert flagged["Leisure Services Officer at Shaftesbury Town Council"] is Severity.CONSIDER
    assert flagged["Shaftesbury Town Council"] is Severity.CONSIDER
    assert flagged["Shaftesbury, Dorset"] is Severity.CONSIDER
    assert "Tesco" not in flagged


def test_connections_are_read_below_linkedins_notes_and_matched(service_users):
    report = audit(service_users)
    assert report.connections == 2
    assert [p.evidence for p in report.points if p.clause == "5.3"] == ["Katherine Jones"]


def test_the_photo_is_not_in_the_export_so_the_person_is_told_to_check(service_users):
    report = audit(service_users)
    (photo,) = [p for p in report.points if "photo" in p.title]
    assert photo.severity is Severity.INFO


def test_shares_are_screened_newest_first(service_users):
    export = read_export(open_archive(make_zip(linkedin_files())))
    assert export.platform is Platform.LINKEDIN and len(export.posts) == 2
    report = audit(service_users)
    (flagged,) = [p for p in report.points if p.clause == "6.4(b)"]
    assert flagged.evidence == "Bill Smith" and flagged.when.month == 7


def test_a_connections_file_without_its_header_is_a_clear_error():
    files = linkedin_files() | {"Connections.csv": "Notes:\r\nnothing here\r\n"}
    with pytest.raises(ExportError, match=r"Connections\.csv has no header"):
        read_export(open_archive(make_zip(files)))
