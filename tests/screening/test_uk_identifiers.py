from __future__ import annotations

import random
import re

import pytest

from smpolicy.screening.uk_identifiers import (
    _NHS,
    _NINO,
    _POSTCODE,
    nhs_number_is_valid,
    nhs_numbers,
    ni_numbers,
    postcodes,
)


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


def _identifier_like_texts(count: int) -> list[str]:
    """Random runs of letters, digits, spaces and hyphens: the edges the patterns test."""
    rng = random.Random(11)
    pieces = ["AB", "bg", "GB", "nk", "ZZ", "K", "x", "SP7 8AA", "gir 0aa", "-", " ", "_", "é", "٣", "12", "3"]
    return [
        "".join(rng.choice(pieces) if rng.random() < 0.4 else rng.choice("0123456789 -")
                for _ in range(rng.randint(1, 30)))
        for _ in range(count)
    ]


def test_the_identifier_patterns_find_what_their_plain_forms_find():
    # The patterns are written for speed (a class first, the boundary as a look-behind after it);
    # these are the forms they were rewritten from, which read as the rules say.
    plain_nhs = re.compile(r"(?<![\d\-])(\d{3})[ \-]?(\d{3})[ \-]?(\d{4})(?![\d\-])")
    plain_nino = re.compile(
        r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])\b",
        re.IGNORECASE,
    )
    for text in [*_identifier_like_texts(3000), "9434765919", "AB123456C", "x AB 12 34 56 C", "ab123456d-"]:
        assert [(m.span(), m.groups()) for m in _NHS.finditer(text)] == [
            (m.span(), m.groups()) for m in plain_nhs.finditer(text)], text
        assert [(m.span(), m.groups()) for m in _NINO.finditer(text)] == [
            (m.span(), m.groups()) for m in plain_nino.finditer(text)], text


def test_asking_how_a_match_ends_first_loses_no_postcode_or_ni_number():
    # ni_numbers and postcodes skip texts without the ending every match has: the same spans
    # as the patterns alone, on texts that hold identifiers and texts that nearly do.
    texts = [*_identifier_like_texts(3000), "AB123456C", "x AB 12 34 56 C", "SP7 8AB", "gir 0aa", "1st 2nd",
             "sp7 8ci", "the 3rd of may"]
    for text in texts:
        assert list(ni_numbers(text)) == [m.span() for m in _NINO.finditer(text)], text
        assert list(postcodes(text)) == [m.span() for m in _POSTCODE.finditer(text)], text
