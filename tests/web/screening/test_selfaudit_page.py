"""Section 5 and Appendix 1 in the web app: a private self-audit of one's own data export."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.selfaudit.fixture_exports import facebook_files, make_zip


def _upload(client, data: bytes, name: str = "facebook-export.zip"):
    return client.post("/screen/selfaudit/", {"export": SimpleUploadedFile(name, data, "application/zip")})


def _files_under(folder: Path) -> set[str]:
    return {str(p) for p in folder.rglob("*")}


def test_an_employee_sees_their_profile_points_with_clauses(personas, login):
    page = _upload(login(personas.report), make_zip(facebook_files()))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Clause 5.2" in body and "Your facebook export" in body


def test_nothing_from_the_export_is_written_or_kept(personas, login, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    before, cwd_before = _files_under(tmp_path), set(os.listdir("."))
    client = login(personas.report)
    _upload(client, make_zip(facebook_files()) + b"")
    assert _files_under(tmp_path) == before and set(os.listdir(".")) == cwd_before
    assert "Clause 5.2" not in client.get("/screen/selfaudit/").content.decode()  # shown once only


def test_a_file_that_is_not_a_zip_gets_a_clear_error(personas, login):
    page = _upload(login(personas.report), b"this is not a zip file at all")
    assert page.status_code == 400 and "zip" in page.content.decode().lower()


def test_an_oversize_export_is_refused_before_it_is_read(personas, login, settings):
    settings.SELFAUDIT_MAX_BYTES = 1000
    page = _upload(login(personas.report), io.BytesIO(b"x" * 5000).getvalue())
    assert page.status_code == 413 and "larger than the limit" in page.content.decode()


def test_no_file_chosen_is_a_clear_error(personas, login):
    page = login(personas.report).post("/screen/selfaudit/", {})
    assert page.status_code == 400 and "Choose the zip file" in page.content.decode()


def test_the_page_needs_a_signed_in_person(client, db):
    page = client.get("/screen/selfaudit/")
    assert page.status_code in (302, 403)
