"""6.4(b): confidential information about an individual or the council."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Mrs Jones at 4 Bell Street is on our safeguarding list", "4 Bell Street"),
        ("Service user John Smith kicked off again today", "John Smith"),
        ("Her NHS number is 943 476 5919 if anyone needs it", "943 476 5919"),
        ("His NI number is AB 12 34 56 C", "AB 12 34 56 C"),
        ("Client dob 12/03/1961, lives in flat 2", "dob 12/03/1961"),
        ("Between you and me the leisure centre is closing next year", "Between you and me"),
        ("Dave from the depot has been suspended pending a disciplinary hearing", "has been suspended"),
        ("Re complaint ref CMP-22817 the family say the case worker never came", "ref CMP-22817"),
    ],
)
def test_confidential_information_is_a_breach(screener, text, evidence):
    result = screener.check(text)
    assert result.verdict == "breach"
    assert any(f.clause == "6.4(b)" and evidence in f.evidence for f in result.findings), result


def test_an_invalid_nhs_number_is_not_reported_as_one(screener):
    findings = screener.check("Order number 943 476 5918 arrived").findings
    assert not [f for f in findings if f.target == "uk_nhs"]


def test_personal_data_without_context_asks_for_a_review(screener):
    result = screener.check("Ring me on 07912 345678 about the five-a-side")
    assert result.verdict == "review"


@pytest.mark.parametrize(
    "text",
    [
        "The council agreed the budget at Tuesday's public meeting",
        "Bins will be collected on Saturday instead of Friday next week",
        "Great to see Bell Street decorated for the carnival",
    ],
)
def test_public_council_news_is_not_confidential(flagged, text):
    assert "confidentiality" not in flagged(text)


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("RE COMPLAINT REF CMP-22817, the family are upset", "COMPLAINT REF CMP-22817"),
        ("Case No. 4471-B was closed too early", "Case No. 4471-B"),
        ("Caſe 44712 is the one I meant", "Caſe 44712"),  # a long s: case-blind re reads it as an s
    ],
)
def test_a_case_reference_is_found_in_any_case(screener, text, reference):
    findings = screener.check(text).findings
    assert any(f.target == "reference" and f.evidence == reference for f in findings), findings


def test_the_case_reference_gate_is_lower_case_and_ascii_only():
    from smpolicy.screening.detectors.confidentiality import _case_blind_gate, _first_of

    assert _case_blind_gate(frozenset({"Case", "REF"})) == frozenset({"case", "ref"})
    assert _case_blind_gate(frozenset({"\u212aey"})) is None  # the Kelvin sign matches "k" case-blind
    assert _first_of("my CASE 1234", frozenset({"case"})) == 3
    assert _first_of("ref 9, case 1234", frozenset({"case", "ref"})) == 0
    assert _first_of("nothing to see 1234", frozenset({"case"})) == -1
    assert _first_of("caſe 1234", frozenset({"case"})) == 0  # not ASCII: the regex searches it all


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("her Case no. 2024/117 again", "Case no. 2024/117"),
        ("xcase 12345 then case 55123", "case 55123"),  # the search starts at "case" inside a word
    ],
)
def test_a_reference_after_the_first_keyword_is_found(screener, text, reference):
    findings = screener.check(text).findings
    assert [f.evidence for f in findings if f.target == "reference"] == [reference], findings


def _texts_with_addresses_and_names() -> list[str]:
    """The dev and test sets, plus addresses and names written in the ways the patterns know."""
    devset = Path(__file__).resolve().parents[3] / "data" / "devset"
    texts = [
        json.loads(line)["text"]
        for name in ("dev.jsonl", "test.jsonl")
        for line in (devset / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for street in ("Road", "Rd", "St", "Gdns", "Estate", "Park"):
        texts += [
            f"Mrs Jones at 14a, Bell Tower {street}, again",
            f"he lives on Old Mill {street}.",
            f"she lives in flat 12b by the {street}",
            f"unit 7 or apartment 3 on x{street}",
            f"Dr. Who and Mr Ben Smith-Jones at 2 Hill {street}",
            f"O'Neil Mc'Kay visited 9 {street}",
        ]
    return texts


def test_the_street_gate_is_open_wherever_an_address_is_found():
    from smpolicy.screening.detectors.confidentiality import _patterns

    patterns = _patterns()
    for text in _texts_with_addresses_and_names():
        if patterns.street.search(text):
            assert any(w in text for w in patterns.street_plain) or patterns.street_gate.search(text), text


def test_the_name_pattern_finds_what_a_word_boundary_led_one_finds():
    from smpolicy.screening.detectors.confidentiality import _patterns

    plain = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][a-z'\-]+|\b[A-Z][a-z'\-]{2,} [A-Z][a-z'\-]{2,}\b")
    person = _patterns().person
    texts = _texts_with_addresses_and_names()
    assert sum(1 for text in texts if plain.search(text)) > 100
    for text in texts:
        assert [m.span() for m in person.finditer(text)] == [m.span() for m in plain.finditer(text)], text
