"""6.4(b): confidential information about an individual or the council."""

from __future__ import annotations

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
    from smpolicy.screening.detectors.confidentiality import _case_blind_gate, _may_hold

    assert _case_blind_gate(frozenset({"Case", "REF"})) == frozenset({"case", "ref"})
    assert _case_blind_gate(frozenset({"\u212aey"})) is None  # the Kelvin sign matches "k" case-blind
    assert _may_hold("CASE 1234", frozenset({"case"}))
    assert not _may_hold("nothing to see 1234", frozenset({"case"}))
    assert _may_hold("caſe 1234", frozenset({"case"}))  # not ASCII: always asked of the regex
