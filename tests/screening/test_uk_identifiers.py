from __future__ import annotations

import pytest

from smpolicy.screening.uk_identifiers import nhs_number_is_valid, nhs_numbers, ni_numbers, postcodes


@pytest.mark.parametrize(("number", "valid"), [("9434765919", True), ("9434765918", False), ("4010232137", True),
                                               ("1234567890", False), ("943476591", False)])
def test_nhs_numbers_pass_the_modulus_11_check(number, valid):
    assert nhs_number_is_valid(number) is valid


def test_nhs_numbers_are_found_with_spaces_or_hyphens():
    text = "NHS 943 476 5919, also 401-023-2137, not 943 476 5918"
    assert [text[s:e] for s, e in nhs_numbers(text)] == ["943 476 5919", "401-023-2137"]


@pytest.mark.parametrize(("text", "found"), [("NI AB 12 34 56 C", ["AB 12 34 56 C"]), ("ab123456d", ["ab123456d"]),
                                             ("GB123456A", []), ("DA123456A", []), ("AO123456A", []),
                                             ("AB123456E", [])])
def test_ni_numbers_follow_the_hmrc_prefix_rules(text, found):
    assert [text[s:e] for s, e in ni_numbers(text)] == found


def test_postcodes_in_any_case_and_spacing():
    text = "SP7 8AB, sp78jb, EC1A 1BB, GIR 0AA but not SP7 8CI"
    assert [text[s:e] for s, e in postcodes(text)] == ["SP7 8AB", "sp78jb", "EC1A 1BB", "GIR 0AA"]
