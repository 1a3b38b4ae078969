"""6.4(a): criticising, arguing with customers, colleagues or managers; defamation."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The council is a bunch of clowns, absolutely useless",
        "Residents round here are morons who moan about everything",
        "Our councillors don't have a clue what they're doing",
        "Councillor Smith is a liar and a fraud",
        "Everyone knows the clerk fiddles his expenses",
        "Acme Waste Services Ltd are crooks, they rig every tender",
    ],
)
def test_criticism_and_defamation_are_a_breach(screener, text):
    result = screener.check(text)
    assert result.verdict == "breach"
    assert any(f.clause == "6.4(a)" for f in result.findings)


@pytest.mark.parametrize(
    "text",
    [
        "@Dave123 you're wrong, get your facts straight before you comment",
        "I completely disagree with the council's decision on the car park",
        "Residents complaining about the bins again, honestly so fed up with it",
    ],
)
def test_arguing_and_disagreeing_ask_for_a_review(screener, text):
    result = screener.check(text)
    assert result.verdict in {"review", "breach"}
    assert any(f.category == "disrepute" for f in result.findings)


@pytest.mark.parametrize(
    "text",
    [
        "Huge thanks to the council's parks team, the gardens look amazing",
        "The government's new housing policy is a mess",
        "Our residents raised £2,000 for the food bank, well done everyone",
    ],
)
def test_praise_and_national_politics_are_not_disrepute(flagged, text):
    assert "disrepute" not in flagged(text)
