"""People and hours registers: the stable CSV formats, and clear errors that lose nothing."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from smpolicy.exceptions import RegisterError
from smpolicy.monitoring import bank_holidays, load_register

LONDON = ZoneInfo("Europe/London")
PEOPLE = "person_id,name,role,client_ip,username,business_use\n"
HOURS = "person_id,weekday,start,end\n"


def files(tmp_path: Path, people: str, hours: str = HOURS) -> tuple[Path, Path]:
    (tmp_path / "p.csv").write_text(PEOPLE + people)
    (tmp_path / "h.csv").write_text(hours)
    return tmp_path / "p.csv", tmp_path / "h.csv"


def test_a_lunch_break_is_the_gap_between_two_periods(tmp_path: Path) -> None:
    register = load_register(*files(tmp_path, "E1,Ann,clerk,10.0.0.1,,false\n",
                                    HOURS + "E1,0,09:00,12:30\nE1,0,13:30,17:00\n"), LONDON)
    assert [(p.start, p.end) for p in register.periods] == [(540, 750), (810, 1020)]


def test_communications_staff_are_exempt_by_flag_or_by_role(tmp_path: Path) -> None:
    register = load_register(*files(
        tmp_path, "E1,Ann,communications,10.0.0.1,,true\nE2,Bob,press,10.0.0.2,,false\n"),
        LONDON, exempt_roles=["Press"])
    assert register.is_exempt("E1") and register.is_exempt("E2")


@pytest.mark.parametrize(("people", "hours", "message"), [
    ("E1,Ann,clerk,10.0.0.1,,maybe\n", HOURS, "business_use must be true or false"),
    ("E1,Ann,clerk,,,false\n", HOURS, "give client_ip or username"),
    ("E1,Ann,clerk,10.0.0.300,,false\n", HOURS, "not an IP address"),
    ("E1,Ann,clerk,10.0.0.1,,false\nE2,Bob,clerk,10.0.0.1,,false\n", HOURS, "belongs to both"),
    ("E1,Ann,clerk,10.0.0.1,,false\n", HOURS + "E1,7,09:00,17:00\n", "weekday must be 0"),
    ("E1,Ann,clerk,10.0.0.1,,false\n", HOURS + "E1,0,17:00,09:00\n", "not after start"),
    ("E1,Ann,clerk,10.0.0.1,,false\n", HOURS + "E9,0,09:00,17:00\n", "not in the people file"),
])
def test_bad_rows_are_refused_naming_the_line(tmp_path: Path, people: str, hours: str,
                                              message: str) -> None:
    with pytest.raises(RegisterError, match=message) as error:
        load_register(*files(tmp_path, people, hours), LONDON)
    assert ".csv:" in str(error.value)


def test_a_dhcp_address_can_pass_between_people_with_validity_periods(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text(
        PEOPLE.strip() + ",valid_from,valid_to\n"
        "E1,Ann,clerk,10.0.0.1,,false,,2024-03-01\nE2,Bob,clerk,10.0.0.1,,false,2024-03-01,\n")
    (tmp_path / "h.csv").write_text(HOURS)
    register = load_register(tmp_path / "p.csv", tmp_path / "h.csv", LONDON)
    assert len(register.identities) == 2


def test_bank_holidays_are_those_of_england_and_wales() -> None:
    days = {d.isoformat() for d in bank_holidays(2024, 2024)}
    assert {"2024-03-29", "2024-04-01", "2024-08-26", "2024-12-26"} <= days
    assert "2024-08-05" not in days  # Scotland's summer holiday
