from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from smpolicy.cli import cli


def test_policy_show_prints_a_clause_verbatim():
    result = CliRunner().invoke(cli, ["policy", "show", "6.3.i"])
    assert result.exit_code == 0
    assert "not allowed to access social media websites for personal use" in result.output


def test_policy_show_lists_clauses():
    result = CliRunner().invoke(cli, ["policy", "show"])
    assert result.exit_code == 0 and "App1.4" in result.output and "6.4(e)" in result.output


def test_policy_show_unknown_clause_fails_clearly():
    result = CliRunner().invoke(cli, ["policy", "show", "99.9"])
    assert result.exit_code == 1 and "no clause '99.9'" in result.output


def test_policy_validate_names_the_bad_field(tmp_path: Path):
    path = tmp_path / "p.yaml"
    path.write_text("id: x\ntitle: t\norganisation: o\nversion: '1'\neffective: 2020-01-01\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["policy", "validate", str(path)])
    assert result.exit_code == 1 and "scope: Field required" in result.output
