"""The cases a fair 6.4(c) classifier must get right (posts written for these tests)."""

from __future__ import annotations

import pytest

from smpolicy.screening.findings import Category


def discrimination(screener, text):
    return [f for f in screener.check(text).findings if f.category is Category.DISCRIMINATION]


def test_dehumanising_a_religious_group_is_discrimination(screener):
    findings = discrimination(screener, "Muslims are vermin and should be driven out of this town")
    assert findings
    assert findings[0].clause == "6.4(c)"
    assert findings[0].target == "religion_or_belief"


def test_a_plain_post_about_the_weekend_is_ok(screener):
    assert not discrimination(screener, "Lovely walk up the hill with the dog this morning")


KNOWN_FAILURES = pytest.mark.xfail(
    strict=True,
    reason="the encoder heads still read identity words as hate (issue 4 note)",
)


@KNOWN_FAILURES
def test_saying_you_are_gay_is_not_discrimination(screener):
    assert not discrimination(screener, "I'm a gay man and I've worked for the council for years")


@KNOWN_FAILURES
def test_condemning_a_dehumanising_remark_is_not_discrimination(screener):
    text = "Someone called Muslims vermin on our page. That is disgusting and I have reported it."
    assert not discrimination(screener, text)


@KNOWN_FAILURES
def test_denying_a_stereotype_is_not_discrimination(screener):
    assert not discrimination(screener, "Disabled people are not a burden on anyone")


def test_abusing_a_manager_is_disrepute_not_discrimination(screener):
    result = screener.check("My manager is a useless idiot and everyone in the office knows it")
    protected = {"sex", "gender_reassignment", "race", "disability", "sexual_orientation", "religion_or_belief", "age"}
    assert not [f for f in result.findings if f.category is Category.DISCRIMINATION and f.target in protected]
    assert any(f.clause == "6.4(a)" and f.target == "manager" for f in result.findings)
