from __future__ import annotations

from dataclasses import replace

import pytest

from smpolicy.exceptions import DetectorError, InputError
from smpolicy.policy import load_policy
from smpolicy.screening import (
    BaseDetector,
    Category,
    DetectorRegistry,
    Finding,
    NormalisedText,
    Screener,
    ScreeningConfig,
    Thresholds,
    Verdict,
)


class _Fixed(BaseDetector):
    """A detector that reports one finding of a fixed score wherever it sees 'flag'."""

    name = "fixed"
    categories = frozenset({Category.DISREPUTE})

    def __init__(self, score: float) -> None:
        self.score = score

    def detect(self, post: NormalisedText) -> list[Finding]:
        at = post.text.find("flag")
        if at < 0:
            return []
        return [Finding("fixed", Category.DISREPUTE, "6.4(a)", self.score, at, at + 4, "flag", "test")]


def _screener(score: float, thresholds: Thresholds) -> Screener:
    registry = DetectorRegistry()
    registry.add(_Fixed(score))
    config = ScreeningConfig(use_model=False)
    config = replace(config, thresholds={**config.thresholds, Category.DISREPUTE: thresholds})
    return Screener(policy=load_policy(), config=config, registry=registry)


@pytest.mark.parametrize(
    ("score", "verdict"), [(0.9, Verdict.BREACH), (0.6, Verdict.REVIEW), (0.2, Verdict.OK)]
)
def test_the_verdict_follows_the_configured_thresholds(score, verdict):
    result = _screener(score, Thresholds(review=0.5, breach=0.8)).check("please flag this")
    assert result.verdict == verdict
    assert len(result.findings) == (0 if verdict == Verdict.OK else 1)


def test_advice_only_categories_never_breach_on_their_own(screener):
    result = screener.check("I work at the leisure centre, proud to work for the town council")
    assert result.verdict == Verdict.REVIEW


def test_findings_are_ordered_most_severe_first(screener):
    result = screener.check("I work at the leisure centre. My manager Dave is a useless idiot")
    assert result.findings[0].clause == "6.4(c)"
    assert {f.clause for f in result.findings[-2:]} == {"App1.4", "5.2"}
    assert [f.score for f in result.findings] == sorted((f.score for f in result.findings), reverse=True)


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u3000\u2003\x85"])
def test_empty_text_is_refused_with_a_reason(screener, text):
    with pytest.raises(InputError, match="empty"):
        screener.check(text)


def test_text_over_the_limit_is_refused_with_the_limit_named():
    screener = Screener(config=ScreeningConfig(use_model=False, max_chars=100))
    with pytest.raises(InputError, match="limit is 100"):
        screener.check("x" * 101)


def test_a_one_megabyte_post_is_screened_and_spans_point_into_it(screener):
    text = "Lovely day at the park. " * 41_000 + "Councillor Smith is a liar and a fraud."
    assert 980_000 < len(text) <= 1_000_000
    result = screener.check(text)
    assert result.verdict == Verdict.BREACH
    finding = result.findings[0]
    assert text[finding.start : finding.end] == finding.evidence


def test_text_with_invalid_unicode_is_refused(screener):
    with pytest.raises(InputError, match="not valid UTF-8"):
        screener.check("bad \udcff byte")


def test_check_many_keeps_input_order_across_batches(screener):
    texts = ["ok post"] * 5 + ["Councillor Smith is a liar"] + ["ok post"] * 5
    verdicts = [r.verdict for r in screener.check_many(texts, batch_size=4)]
    assert verdicts.index(Verdict.BREACH) == 5 and verdicts.count(Verdict.BREACH) == 1


def test_every_finding_span_matches_its_evidence(screener):
    text = "Mrs Jones at 4 Bell Street, SP7 8AB is on our safeguarding list. You f a g g 0 t"
    for finding in screener.check(text).findings:
        assert text[finding.start : finding.end] == finding.evidence


def test_every_finding_cites_a_clause_of_the_policy(screener):
    policy = load_policy()
    text = ("Pulled a sickie. My boss is a twat. Councillor Smith is corrupt. "
            "Her NHS number is 943 476 5919. I work at the town hall. Immigrants are vermin.")
    findings = screener.check(text).findings
    assert {f.category for f in findings} >= {"disrepute", "confidentiality", "discrimination",
                                               "incompatible_conduct", "profile_details"}
    for finding in findings:
        assert policy.clause(finding.clause)
        citation = finding.clause.replace("App1.", "Appendix 1 (") + ")" if "App1" in finding.clause else finding.clause
        assert finding.explanation.endswith(".") and citation in finding.explanation


def test_a_detector_is_registered_once_by_name():
    registry = DetectorRegistry()
    registry.add(_Fixed(0.5))
    with pytest.raises(DetectorError, match="already registered"):
        registry.add(_Fixed(0.5))
    registry.remove("fixed")
    assert len(registry) == 0
    with pytest.raises(DetectorError, match="does not implement"):
        registry.add(object())  # type: ignore[arg-type]


def test_the_default_registry_holds_the_built_in_detectors(screener):
    assert {"discrimination", "bullying", "disrepute", "confidentiality", "incompatible_conduct",
            "work_matters", "profile_details"} <= set(screener.registry.names())


def test_check_each_puts_the_error_of_an_unusable_text_in_its_place(screener):
    outcomes = screener.check_each(["Councillor Smith is a liar", "", "Bins on Tuesday"])
    assert [type(o).__name__ for o in outcomes] == ["Result", "InputError", "Result"]
    assert outcomes[0].verdict == Verdict.BREACH and "empty" in str(outcomes[1])


class _Counting(_Fixed):
    """A detector that asks for large batches and records the size of each one it gets."""

    name = "counting"
    batch_size = 10

    def __init__(self) -> None:
        super().__init__(0.9)
        self.sizes: list[int] = []

    def detect_batch(self, posts):
        self.sizes.append(len(posts))
        return super().detect_batch(posts)


def test_a_stream_is_screened_in_the_largest_batches_any_detector_asks_for():
    registry = DetectorRegistry()
    counting = _Counting()
    registry.add(counting)
    screener = Screener(load_policy(), registry=registry)
    assert screener.batch_size == 10
    assert len(list(screener.check_many(["a flag"] * 25))) == 25
    assert counting.sizes == [10, 10, 5]


def test_without_a_request_a_stream_is_screened_256_posts_at_a_time():
    registry = DetectorRegistry()
    registry.add(_Fixed(0.9))
    assert Screener(load_policy(), registry=registry).batch_size == 256
