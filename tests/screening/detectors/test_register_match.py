from __future__ import annotations

from pathlib import Path

import pytest

from smpolicy.exceptions import RegisterError
from smpolicy.policy import load_policy
from smpolicy.registers import ENV_VAR
from smpolicy.screening import Category, DetectorContext, Screener, ScreeningConfig, Verdict
from smpolicy.screening.detectors.register_match import build

KEY = "council-secret-for-tests"


@pytest.fixture
def registers(tmp_path: Path) -> ScreeningConfig:
    users = tmp_path / "service-users.csv"
    users.write_text("name\nWilliam Smith\nKatherine Jones\n", encoding="utf-8")
    staff = tmp_path / "staff.csv"
    staff.write_text("name\nPriya Patel\nTom Hughes\n", encoding="utf-8")
    return ScreeningConfig(service_users_register=users, staff_register=staff, register_salt=KEY)


def screen(config: ScreeningConfig, text: str):
    return Screener(config=config).check(text)


def test_naming_a_service_user_breaches_confidentiality(registers):
    result = screen(registers, "Bill Smith was at the leisure centre again, bless him")
    assert result.verdict is Verdict.BREACH
    finding = result.findings[0]
    assert (finding.category, finding.clause, finding.evidence) == (
        Category.CONFIDENTIALITY,
        "6.4(b)",
        "Bill Smith",
    )
    assert (finding.start, finding.end) == (0, 10)
    assert "6.4(b)" in finding.explanation and "service user" in finding.explanation


def test_the_explanation_never_names_the_register(registers):
    finding = screen(registers, "Katherine Jones came in").findings[0]
    assert "service-users.csv" not in finding.explanation
    assert "register" not in finding.explanation.lower()


def test_a_misspelt_service_user_asks_for_review(registers):
    assert screen(registers, "Kathrine Jones came in").verdict is Verdict.REVIEW


def test_naming_a_colleague_is_only_a_review(registers):
    result = screen(registers, "Great five-a-side with Tom Hughes tonight")
    assert result.verdict is Verdict.REVIEW
    assert result.findings[0].score == pytest.approx(0.5)


def test_naming_a_colleague_with_a_disciplinary_matter_is_a_breach(registers):
    result = screen(registers, "Priya Patel has a disciplinary hearing on Monday, not surprised")
    assert result.verdict is Verdict.BREACH


def test_a_post_naming_nobody_on_the_registers_is_ok(registers):
    assert screen(registers, "Jane Doe won the raffle at the fete").verdict is Verdict.OK


def test_without_registers_the_detector_is_left_out():
    context = DetectorContext(load_policy(), ScreeningConfig())
    assert build(context) is None


def test_a_register_without_a_key_is_refused(registers, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    config = ScreeningConfig(service_users_register=registers.service_users_register)
    with pytest.raises(RegisterError, match=ENV_VAR):
        build(DetectorContext(load_policy(), config))
