"""6.4(d) incompatible conduct, Appendix 1 (4) work matters and 5.2 profile details."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Pulled a sickie today, beach here I come",
        "Called in sick, still hungover from Saturday lol",
        "Still drunk at work from last night haha",
        "Fiddled my timesheet again, easy money",
    ],
)
def test_conduct_incompatible_with_the_post_is_a_breach(screener, text):
    result = screener.check(text)
    assert result.verdict == "breach"
    assert any(f.clause == "6.4(d)" for f in result.findings)


def test_discussing_service_users_online_asks_for_a_review_only(screener):
    result = screener.check("One of our service users came in again today asking about his claim")
    assert result.verdict == "review"
    assert {f.clause for f in result.findings} == {"App1.4"}


def test_revealing_employer_and_work_location_asks_for_a_review_only(screener):
    result = screener.check("I work at the leisure centre as a lifeguard, come say hi")
    assert result.verdict == "review"
    assert {f.clause for f in result.findings} == {"5.2"}


@pytest.mark.parametrize(
    "text",
    ["Lovely walk on Gold Hill this morning", "I'm not drunk at work, I'm just tired", "Sick of the rain already"],
)
def test_ordinary_posts_are_ok(screener, text):
    assert screener.check(text).verdict == "ok"
