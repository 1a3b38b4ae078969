from __future__ import annotations

import json
import os
import tempfile

import pytest
from click.testing import CliRunner
from fixture_exports import facebook_files, linkedin_files, make_zip, x_files

from smpolicy.cli import cli
from smpolicy.registers import ENV_VAR


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "facebook-janedoe.zip"
    path.write_bytes(make_zip(facebook_files()))
    return path


@pytest.fixture
def register_csv(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "council-secret-for-tests")
    path = tmp_path / "service-users.csv"
    path.write_text("name\nWilliam Smith\nKatherine Jones\n", encoding="utf-8")
    return path


def test_the_report_cites_clauses_and_gives_steps(export, register_csv):
    result = CliRunner().invoke(
        cli, ["selfaudit", str(export), "--service-users", str(register_csv)]
    )
    assert result.exit_code == 0, result.output
    assert "[5.2] Work: employer names your employer" in result.output
    assert "[5.3] A connection has the name of a service user" in result.output
    assert "“Billy Smith”" in result.output
    assert "[5.6]" in result.output and "nothing was kept" in result.output


@pytest.mark.parametrize("files", [facebook_files, x_files, linkedin_files])
def test_json_output_follows_the_documented_shape_for_every_platform(tmp_path, files):
    path = tmp_path / "export.zip"
    path.write_bytes(make_zip(files()))
    result = CliRunner().invoke(cli, ["selfaudit", "--json", str(path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report) == {"platform", "account", "summary", "points"}
    assert {"clause", "severity", "title", "detail", "evidence", "when", "link", "steps"} == set(
        report["points"][0]
    )


def test_nothing_from_the_export_is_left_on_disk(export, register_csv, tmp_path, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(scratch))
    workdir = tmp_path / "work"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    result = CliRunner().invoke(
        cli, ["selfaudit", str(export), "--service-users", str(register_csv)]
    )
    assert result.exit_code == 0, result.output
    assert os.listdir(workdir) == []
    assert os.listdir(scratch) == []


def test_nothing_is_left_on_disk_when_the_archive_is_refused(tmp_path, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(make_zip({"your_posts_1.json": b"\0" * (4 * 1024 * 1024)}))
    result = CliRunner().invoke(cli, ["selfaudit", str(bomb)])
    assert result.exit_code == 1 and "zip bomb" in result.output
    assert os.listdir(scratch) == []


def test_the_html_report_is_escaped_and_standalone(tmp_path):
    files = facebook_files()
    name = next(n for n in files if n.endswith("profile_information.json"))
    files[name] = files[name].replace("Sports Coach", "<script>alert(1)</script>")
    path = tmp_path / "fb.zip"
    path.write_bytes(make_zip(files))
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["selfaudit", str(path), "--html", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "src=" not in page and "http" not in page.split("</style>")[0]


def test_limits_are_options(export):
    result = CliRunner().invoke(cli, ["selfaudit", str(export), "--max-entries", "2"])
    assert result.exit_code == 1 and "the limit is 2" in result.output


def test_a_file_that_is_not_a_zip_is_a_clear_error(tmp_path):
    path = tmp_path / "export.zip"
    path.write_text("not a zip")
    result = CliRunner().invoke(cli, ["selfaudit", str(path)])
    assert result.exit_code == 1 and "not a zip archive" in result.output
