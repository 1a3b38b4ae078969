"""A negative interrogative asks the hearer to agree with the positive statement, so its "n't"
or "not" denies nothing; a rhetorical wh-question takes its answer ("nobody", "no good") for
granted (posts written for these tests, in the council's settings; ``screening/questions.py``)."""

from __future__ import annotations

import pytest

from smpolicy.screening.cues import cues_for
from smpolicy.screening.detectors.discrimination import identity_spans
from smpolicy.screening.model import stance
from smpolicy.screening.normalise import normalise
from smpolicy.screening.questions import interrogative_negator


def counterpart(text: str) -> stance.Counterpart | None:
    post = normalise(text)
    return stance.counterpart(post, identity_spans(post))


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Isn't it time we stopped hiring Poles at the depot?",
         "it is time we stopped hiring poles at the depot."),
        ("How are Muslims not a danger to the rest of us?", "muslims are a danger to the rest of us."),
        ("Don't you agree that women can't run a budget?", "women can't run a budget."),
        ("Why shouldn't we turn the travellers away from the fete?",
         "we should turn the travellers away from the fete."),
        ("Is it not obvious the gays are behind this?", "it is obvious the gays are behind this."),
        ("Wouldn't the pool be nicer without the disabled kids?",
         "would the pool be nicer without the disabled kids."),
    ],
)
def test_a_negative_question_is_read_as_the_statement_it_asks_agreement_with(text, statement):
    found = counterpart(text)
    assert found is not None and found.kind == stance.ASKED
    assert found.statement == statement


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Who actually wants Romanians on the parish council?",
         "nobody wants romanians on the parish council."),
        ("What good are pensioners on a planning committee?",
         "pensioners are no good on a planning committee."),
        ("What's the point of hiring deaf staff?", "hiring deaf staff is pointless."),
        ("Am I the only one who thinks trans people are confused?", "trans people are confused."),
        ("Who wouldn't want the gays gone?", "everyone would want the gays gone."),
    ],
)
def test_a_rhetorical_question_takes_its_answer_for_granted(text, statement):
    found = counterpart(text)
    assert found is not None and found.kind == stance.PRESUPPOSED
    assert found.statement == statement


@pytest.mark.parametrize(
    "text",
    [
        "Who is organising the Eid lunch at the community centre?",
        "Who wants to help at the Pride stall on Saturday?",  # the verb takes no group
        "What's the point of contact for disabled residents who need a ramp?",
        "'Wouldn't the town be better without immigrants?' No, it wouldn't.",  # quoted
        "Why are the Jewish graves by the gate overgrown?",
    ],
)
def test_a_genuine_or_quoted_question_is_read_as_it_stands(text):
    assert counterpart(text) is None


def test_the_statement_replaces_the_question_up_or_down():
    asked = stance.Counterpart(stance.ASKED, ((0, 5, "x"),), "x", "isn't")
    assert stance.compose(asked, 0.3, 0.5, 0.99, 0.98) == pytest.approx(0.98)
    assert stance.compose(asked, 0.9, 0.95, 0.1, 0.06) == pytest.approx(0.06)
    assert stance.both_ways(asked) and not stance.raises(asked)


def test_the_questions_own_negator_is_no_negation_for_the_rules():
    text = "wouldn't the estate be better without the muslims?"
    start = text.index("better")
    assert interrogative_negator(text, 0, len(text)) == (5, 8)
    assert not cues_for(text, start, len(text) - 1).negated
    denial = "the muslims on the estate wouldn't be better off anywhere else."
    assert interrogative_negator(denial, 0, len(denial)) is None


def test_a_denial_inside_a_question_still_negates():
    text = "why do people say the muslims here aren't better neighbours?"
    assert interrogative_negator(text, 0, len(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Wouldn't the village hall be better without all the Muslims?",
        "How are gay men not a risk to the lads in the youth club?",
        "Who actually needs pensioners clogging up the library?",
    ],
)
def test_a_hateful_rhetorical_question_is_discrimination(discrimination, text):
    assert discrimination(text)


@pytest.mark.parametrize(
    "text",
    [
        "Doesn't the synagogue open its car park for the Christmas market?",
        "Can't the Sikh volunteers use the church hall kitchen on Sunday?",
    ],
)
def test_a_genuine_negative_question_is_not(discrimination, text):
    assert not discrimination(text)
