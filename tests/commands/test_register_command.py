from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from smpolicy.cli import cli
from smpolicy.registers import ENV_VAR


@pytest.fixture
def runner(monkeypatch) -> CliRunner:
    monkeypatch.setenv(ENV_VAR, "council-secret-for-tests")
    return CliRunner()


def test_hashing_a_csv_writes_a_register_with_no_plain_names(runner, tmp_path):
    csv_path = tmp_path / "users.csv"
    csv_path.write_text("name\nWilliam Smith\nAnn Lee\n", encoding="utf-8")
    out = tmp_path / "users.json"
    result = runner.invoke(cli, ["register", "hash", str(csv_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "hashed 2 people" in result.output
    assert "smith" not in out.read_text().lower()
    assert json.loads(out.read_text())["people"] == 2


def test_bad_rows_stop_the_write_and_are_listed_by_line(runner, tmp_path):
    csv_path = tmp_path / "users.csv"
    csv_path.write_text("name\nWilliam Smith\nCher\n", encoding="utf-8")
    out = tmp_path / "users.json"
    result = runner.invoke(cli, ["register", "hash", str(csv_path), "--out", str(out)])
    assert result.exit_code == 1
    assert "line 3: needs a first and a last name" in result.output
    assert "Cher" not in result.output
    assert not out.exists()
    forced = runner.invoke(
        cli, ["register", "hash", str(csv_path), "--out", str(out), "--skip-bad-rows"]
    )
    assert forced.exit_code == 0 and json.loads(out.read_text())["people"] == 1


def test_hashing_without_a_key_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    csv_path = tmp_path / "users.csv"
    csv_path.write_text("name\nAnn Lee\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["register", "hash", str(csv_path), "--out", str(tmp_path / "x.json")]
    )
    assert result.exit_code == 1 and ENV_VAR in result.output


def test_check_with_a_hashed_register_finds_the_service_user(runner, tmp_path):
    csv_path = tmp_path / "users.csv"
    csv_path.write_text("name\nWilliam Smith\n", encoding="utf-8")
    out = tmp_path / "users.json"
    runner.invoke(cli, ["register", "hash", str(csv_path), "--out", str(out)])
    result = runner.invoke(
        cli, ["check", "--json", "--service-users", str(out), "Billy Smith was in again"]
    )
    assert json.loads(result.output)["verdict"] == "breach"
