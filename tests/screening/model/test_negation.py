"""Negation by composition: the negation of a hateful statement is not hateful, the negation of
a compliment can be (posts written for these tests, across all seven characteristics)."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import identity_spans
from smpolicy.screening.model import stance
from smpolicy.screening.normalise import normalise


def affirmative(text: str) -> str | None:
    post = normalise(text)
    found = stance.counterpart(post, identity_spans(post))
    return found.statement if found and found.kind == stance.NEGATION else None


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Polish workers are not thieves.", "polish workers are thieves."),
        ("I don't think Sikhs are a danger to our children.",
         "i do think sikhs are a danger to our children."),
        ("Lesbian couples won't ruin the adoption panel.",
         "lesbian couples will ruin the adoption panel."),
        ("Trans women can't be a threat at the pool.", "trans women can be a threat at the pool."),
        ("Disabled tenants are never a burden.", "disabled tenants are a burden."),
        ("Nobody in the office thinks women are hopeless managers.",
         "everyone in the office thinks women are hopeless managers."),
        ("No pensioner should lose the vote.", "pensioner should lose the vote."),
        ("Not all immigrants are criminals.", "all immigrants are criminals."),
    ],
)
def test_the_affirmative_drops_only_the_negators(text, statement):
    assert affirmative(text) == statement


@pytest.mark.parametrize(
    "text",
    [
        "The bins weren't emptied on Tuesday.",  # no group in the clause
        "Aren't Muslims just a nuisance?",  # a question: rhetorical as often as not
        "I'm not racist but immigrants are ruining this town.",  # a disclaimer
        "Immigrants aren't people, they're vermin.",  # a contrast says something else of them
        "Gay men are not just lazy but dishonest.",
        "I can't stand Hindus.",  # an idiom: no negation of a statement
        "Let's give the Romanians a welcome they'll never forget.",
        "Nobody should have to work alongside Arabs.",  # no affirmative says the same
        "Lesbians are no longer welcome in this pub.",
        "The Somali family moved in, not that anyone asked.",  # a comma between: another clause
    ],
)
def test_negations_that_do_not_turn_a_statement_about_a_group_round_are_left_alone(text):
    assert affirmative(text) is None


def test_composition_lowers_the_post_by_the_rise_the_negator_hides():
    negation = stance.Counterpart(stance.NEGATION, ((0, 3, ""),), "x", "not")
    assert stance.compose(negation, 0.6, 0.3, 0.9) == pytest.approx(0.6 * 0.4)
    # a negated compliment reads as more hostile than the compliment: it stands
    assert stance.compose(negation, 0.9, 0.95, 0.2) == pytest.approx(0.9)
    assert stance.compose(None, 0.7, 0.8, 0.99) == pytest.approx(0.7)


def reading(screener, text):
    detector = screener.registry.get("classifier")
    return detector.readings([normalise(text)], every=True)[0]


NEGATED_HATE = [
    "Polish workers are not thieves who rob the town blind.",
    "I don't think Sikhs are a danger to our children.",
    "Lesbian couples don't make terrible foster parents.",
    "Trans women are not a threat in the changing rooms at the leisure centre.",
    "Disabled tenants aren't a burden on the housing budget.",
    "Women are not hopeless managers.",
    "Pensioners aren't a drain on the parish precept.",
]

NEGATED_COMPLIMENTS = [
    "Romanian families are not welcome on our estate.",
    "Muslim councillors can't be trusted with the budget.",
    "Gay teachers don't belong in our schools.",
    "Trans residents shouldn't get a vote on the parish council.",
    "Deaf people should not be allowed to serve on the committee.",
    "Women don't make good councillors.",
    "Pensioners are not wanted in this town.",
]


@pytest.mark.parametrize("text", NEGATED_HATE)
def test_denying_a_hateful_statement_is_not_discrimination(screener, text, discrimination):
    assert not discrimination(text)
    note = reading(screener, text).stance_note()
    assert "the negation of a hateful statement is not hateful" in note


@pytest.mark.parametrize("text", NEGATED_COMPLIMENTS)
def test_negating_a_compliment_is_discrimination(screener, text, discrimination):
    assert discrimination(text), text
    # the affirmative reads as harmless or at least no more hostile: the reading stands
    assert "can itself be hostile" in reading(screener, text).stance_note()


def test_a_finding_resting_on_the_model_says_the_negation_was_weighed(discrimination):
    findings = discrimination("Romanian families are not welcome on our estate.")
    assert "With 'not' it negates a statement" in findings[0].explanation


def test_the_note_quotes_the_denied_statement_and_the_negator(screener):
    note = reading(screener, "Women are not hopeless managers.").stance_note()
    assert "'women are hopeless managers.'" in note
    assert "With 'not'" in note
