from __future__ import annotations

import pytest

from smpolicy.registers import MatchKind, TextMatcher


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bill Smith was at the pool again", [("Bill Smith", MatchKind.NAME)]),
        ("saw bill smith at the tip today", [("bill smith", MatchKind.NAME)]),
        ("Coached Dr. Siân O'Connor", [("Siân O'Connor", MatchKind.NAME)]),
        ("Mrs Jones was in tears", [("Mrs Jones", MatchKind.TITLE_SURNAME)]),
        ("Mary Fletcher-Brown came in", [("Mary Fletcher-Brown", MatchKind.NAME)]),
        ("Kathrine Jones called", [("Kathrine Jones", MatchKind.SPELLING)]),
        ("I will smith the gate", []),
        ("Bill. Smith is a surname", []),
        ("Jane Doe and Robert Smith", []),
        ("A long day at the depot", []),
    ],
)
def test_registered_people_are_found_in_running_text(register, text, expected):
    found = [(text[m.start : m.end], m.kind) for m in TextMatcher(register).find(text)]
    assert found == expected


def test_two_people_in_one_post_are_both_found(register):
    text = "Alex Turner and Kate Jones both came"
    spans = [text[m.start : m.end] for m in TextMatcher(register).find(text)]
    assert spans == ["Alex Turner", "Kate Jones"]
