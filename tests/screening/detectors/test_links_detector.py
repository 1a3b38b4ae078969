"""Links to inappropriate content: 6.4(a), 6.4(c) and Appendix 1.7 copyright."""

from __future__ import annotations

from dataclasses import replace

import pytest

from smpolicy.policy import load_policy
from smpolicy.screening import Category, Screener, ScreeningConfig, Verdict
from smpolicy.screening.detectors.links import LinksDetector, build
from smpolicy.screening.normalise import normalise
from smpolicy.screening.registry import (
    DEFAULT_DETECTORS,
    DetectorContext,
    default_registry,
    load_factory,
)


def links_only(**config: object) -> Screener:
    settings = replace(ScreeningConfig(), **config)  # type: ignore[arg-type]
    policy = load_policy()
    only_links = default_registry(DetectorContext(policy, settings), only={"links"})
    return Screener(policy=policy, config=settings, registry=only_links)


@pytest.fixture(scope="module")
def screener() -> Screener:
    return links_only()


@pytest.mark.parametrize(
    ("text", "category", "clause", "verdict"),
    [
        ("Proud of these lads http://14words.com/join", Category.DISCRIMINATION, "6.4(c)",
         Verdict.BREACH),
        ("Best tips for the weekend: https://www.bet365.com/offers", Category.DISREPUTE, "6.4(a)",
         Verdict.REVIEW),
        ("Copy of the new film here: thepiratebay.org/x", Category.OTHER_POLICIES, "App1.7",
         Verdict.REVIEW),
        ("Bargain: 10putes.com", Category.DISREPUTE, "6.4(a)", Verdict.REVIEW),
    ],
)
def test_linking_to_a_listed_site_cites_the_clause_for_its_category(
    screener: Screener, text: str, category: Category, clause: str, verdict: Verdict
) -> None:
    result = screener.check(text)
    assert result.verdict is verdict
    finding = result.findings[0]
    assert (finding.category, finding.clause, finding.detector) == (category, clause, "links")
    assert text[finding.start : finding.end] == finding.evidence
    assert "link" in finding.explanation


def test_a_shortened_link_asks_for_review_because_its_target_is_hidden(screener: Screener) -> None:
    result = screener.check("Look what the council is up to now bit.ly/3xYzAb")
    assert result.verdict is Verdict.REVIEW
    assert result.findings[0].evidence == "bit.ly/3xYzAb"
    assert "hidden" in result.findings[0].explanation


@pytest.mark.parametrize(
    "text",
    [
        "Planning committee papers: https://www.dorsetcouncil.gov.uk/planning",
        "Bin collection times are on www.shaftesbury-tc.gov.uk/bins.",
        "Email bets@bet365.com is not a link to the site",
        "Leisure centre reopens Monday. Swimming lessons from 9am.",
    ],
)
def test_ordinary_council_links_and_plain_text_are_ok(screener: Screener, text: str) -> None:
    assert screener.check(text).verdict is Verdict.OK


def test_the_council_allow_list_overrides_the_categories() -> None:
    allowed = links_only(link_allow=("bet365.com",))
    assert allowed.check("Sponsor of the 10k: https://www.bet365.com").verdict is Verdict.OK


def test_the_council_deny_list_flags_a_domain_in_no_category() -> None:
    denying = links_only(link_deny=("rival-gossip.co.uk",))
    result = denying.check("All the dirt on the clerk at news.rival-gossip.co.uk/clerk")
    assert result.verdict is Verdict.BREACH
    assert result.findings[0].clause == "6.4(a)"
    assert "blocked" in result.findings[0].explanation


def test_a_domain_in_two_categories_gives_one_finding_per_clause() -> None:
    findings = LinksDetector().detect(normalise("lol https://newgrounds.com/portal"))
    assert sorted(f.clause for f in findings) == ["6.4(a)", "6.4(c)"]


def test_every_occurrence_of_a_link_is_reported_at_its_own_place() -> None:
    findings = LinksDetector().detect(normalise("bet365.com then bet365.com"))
    assert [(f.start, f.end) for f in findings] == [(0, 10), (16, 26)]


def test_the_links_detector_is_a_built_in() -> None:
    assert load_factory(DEFAULT_DETECTORS["links"]) is build
