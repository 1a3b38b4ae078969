"""A question that takes a hateful statement for granted says it (posts written for these
tests); a plain question about a group does not."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import identity_spans
from smpolicy.screening.findings import Category
from smpolicy.screening.model import stance
from smpolicy.screening.normalise import normalise


def presupposed(text: str) -> str | None:
    post = normalise(text)
    found = stance.counterpart(post, identity_spans(post))
    # a negative one ("aren't X just P?") asks agreement with the same statement (ASKED)
    return found.statement if found and found.kind in (stance.PRESUPPOSED, stance.ASKED) else None


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Why are Poles always so lazy?", "poles are always so lazy."),
        ("Aren't Muslims just a nuisance?", "muslims are just a nuisance."),
        ("Why do gay men always have to shove it in our faces?",
         "gay men always have to shove it in our faces."),
        ("Seriously, why are pensioners so slow at the tills?",
         "pensioners are so slow at the tills."),
        ("Don't women ever stop moaning?", "women ever stop moaning."),
    ],
)
def test_the_presupposed_statement_replaces_the_question(text, statement):
    assert presupposed(text) == statement


@pytest.mark.parametrize(
    "text",
    [
        "Are Sikhs allowed to vote in council elections?",  # a plain yes/no question
        "Why are the Romanian families not at the fair this year?",  # nothing generalised
        "Why is the bin outside the mosque never emptied?",  # the group is not the subject
        "Are trans people always welcome at the leisure centre?",
    ],
)
def test_plain_questions_presuppose_nothing(text):
    assert presupposed(text) is None


def test_a_presupposition_can_only_raise_the_models_part():
    question = stance.Counterpart(stance.PRESUPPOSED, ((0, 5, "x"),), "x", "why are")
    assert stance.compose(question, 0.3, 0.5, 0.99, 0.98) == pytest.approx(0.98)
    assert stance.compose(question, 0.7, 0.9, 0.1, 0.06) == pytest.approx(0.7)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # words the lexicon's question template does not know: the model's reading decides
        ("Aren't disabled people just a pain for the council?", "disability"),
        ("Aren't Muslims always causing trouble?", "religion_or_belief"),
    ],
)
def test_a_rhetorical_question_about_a_group_is_discrimination(screener, text, target):
    findings = [f for f in screener.check(text).findings
                if f.category is Category.DISCRIMINATION]
    assert findings and findings[0].target == target
    assert "takes '" in findings[0].explanation and "for granted" in findings[0].explanation


def test_a_warm_question_stays_unflagged(screener):
    text = "Why are the Irish always so good at music?"
    assert not [f for f in screener.check(text).findings if f.category is Category.DISCRIMINATION]
