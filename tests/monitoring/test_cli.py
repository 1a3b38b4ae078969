"""``smpolicy monitor``: the stable JSON, pseudonyms, logged reveals and Squid rules."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from smpolicy.cli import cli
from smpolicy.monitoring import pseudonym, verify_reveal_log
from smpolicy.monitoring.generate import Truth, write_log

KEY = "test-key-0123456789abcdef"


@pytest.fixture(scope="module")
def log(world) -> Path:
    path = world.directory / "cli.log.gz"
    write_log(path, "squid", world.requests, Truth(), malformed_rate=0.002)
    return path


def report(world, log: Path, *extra: str):
    args = ["monitor", "report", str(log), "--people", str(world.people),
            "--hours", str(world.hours), *extra]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_json_report_follows_the_documented_shape(world, log) -> None:
    result = report(world, log, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"summary", "rows"}
    assert set(data["summary"]) == {"lines_read", "lines_matched", "malformed"}
    row = data["rows"][0]
    assert set(row) == {"person", "date", "personal_minutes", "background_minutes", "sessions",
                        "services"}
    assert all(r["person"].startswith("p-") for r in data["rows"])
    people = {pseudonym(KEY.encode(), p) for p in world.register.people}
    assert {r["person"] for r in data["rows"]} <= people


def test_no_pseudonym_key_means_no_report(world, log, monkeypatch) -> None:
    monkeypatch.delenv("SMPOLICY_PSEUDONYM_KEY")
    result = report(world, log, "--format", "json")
    assert result.exit_code != 0 and "no pseudonym key" in result.output


def test_revealing_needs_a_reason_and_is_logged(world, log, tmp_path) -> None:
    refused = report(world, log, "--reveal")
    assert refused.exit_code != 0 and "--reason" in refused.output
    journal = tmp_path / "reveals.jsonl"
    shown = report(world, log, "--format", "json", "--reveal", "--reason",
                   "Case 2024/17: manager's concern about E001", "--reveal-log", str(journal))
    assert shown.exit_code == 0
    people = {r["person"] for r in json.loads(shown.output)["rows"]}
    assert people <= set(world.register.people)
    entry = json.loads(journal.read_text().splitlines()[-1])
    assert entry["reason"].startswith("Case 2024/17") and set(entry["people"]) == people
    assert verify_reveal_log(journal) == 1


def test_a_tampered_reveal_log_is_detected(tmp_path) -> None:
    from smpolicy.exceptions import ConfigError
    from smpolicy.monitoring import log_reveal

    journal = tmp_path / "r.jsonl"
    log_reveal(journal, "first reason here", ["E1"], ["a.log"])
    log_reveal(journal, "second reason here", ["E2"], ["a.log"])
    lines = journal.read_text().splitlines()
    journal.write_text(lines[1] + "\n")
    with pytest.raises(ConfigError, match="altered"):
        verify_reveal_log(journal)


def test_csv_and_html_reports(world, log) -> None:
    as_csv = report(world, log, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert rows and int(rows[0]["personal_minutes"]) >= 0
    page = report(world, log, "--format", "html", "--retention", "Keep for 30 days.").output
    assert "<svg" in page and "Keep for 30 days." in page and "Purpose:" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_a_missing_log_is_a_clear_error(world) -> None:
    result = report(world, Path("/nonexistent/access.log"))
    assert result.exit_code != 0 and "log file not found" in result.output


def test_squid_rules_name_each_monitored_person_and_exempt_business_users(world, tmp_path) -> None:
    out = tmp_path / "squid"
    result = CliRunner().invoke(cli, ["monitor", "rules", "--people", str(world.people),
                                      "--hours", str(world.hours), "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    conf = (out / "smpolicy-6.3.conf").read_text()
    assert "acl smp_work_E001 time MTWHF 09:00-12:30" in conf
    assert "acl smp_work_E004 time MTW 09:00-13:00" in conf  # part-time
    assert "smp_src_E005" not in conf and "acl smp_business_use src 10.0.0.14" in conf
    assert ".facebook.com" in (out / "smpolicy-social-media.domains").read_text().split()


@pytest.mark.skipif(shutil.which("squid") is None, reason="Debian package squid not installed")
def test_real_squid_accepts_the_generated_rules(world, tmp_path) -> None:
    out = tmp_path / "squid"
    CliRunner().invoke(cli, ["monitor", "squid-acl", "--people", str(world.people),
                             "--hours", str(world.hours), "--out-dir", str(out)])
    conf = tmp_path / "squid.conf"
    conf.write_text(f"http_port 3999\ninclude {out / 'smpolicy-6.3.conf'}\n"
                    "http_access deny all\npid_filename none\ncache_log /dev/null\n")
    parsed = subprocess.run(["squid", "-k", "parse", "-f", str(conf)], capture_output=True,
                            text=True, timeout=60)
    assert parsed.returncode == 0, parsed.stderr
    assert "ERROR" not in parsed.stderr and "WARNING" not in parsed.stderr


def test_every_monitor_command_has_help_with_an_example() -> None:
    for path in (["monitor"], ["monitor", "report"], ["monitor", "rules"],
                 ["monitor", "catalogue", "update"]):
        result = CliRunner().invoke(cli, [*path, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output
