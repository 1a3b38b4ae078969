"""Double negation: two negations that cancel deny nothing. "I can't pretend I don't loathe X"
says "I loathe X", and is as much a 6.4(c) matter as saying it outright; "I don't hate X" and
"nobody thinks X aren't capable" stay fine (posts written for these tests)."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import identity_spans
from smpolicy.screening.model import stance
from smpolicy.screening.normalise import normalise


def negation_of(text: str) -> stance.Counterpart | None:
    post = normalise(text)
    found = stance.counterpart(post, identity_spans(post))
    return found if found and found.kind == stance.NEGATION else None


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("I can't pretend I don't loathe Romanians.", "i can admit i loathe romanians."),
        ("I won't deny that Sikhs disgust me.", "i will admit that sikhs disgust me."),
        ("I'm not denying that lesbians are vile.", "i'm admitting that lesbians are vile."),
    ],
)
def test_two_negations_that_cancel_are_read_as_the_hostile_statement_they_leave(text, statement):
    found = negation_of(text)
    assert found is not None and found.denies == stance.AFFIRMS
    assert found.statement == statement


@pytest.mark.parametrize(
    "text",
    [
        "I don't think trans women aren't welcome here.",
        "Nobody on the bins says Polish lads aren't grafters.",
        "I don't agree that deaf staff will never make good managers.",
    ],
)
def test_a_double_negation_that_leaves_nothing_hostile_is_read_as_the_post_alone(text):
    # no denial to lower the model's reading, and no compliment denied to raise it
    found = negation_of(text)
    assert found is not None and found.denies == stance.AFFIRMS and found.edits == ()


@pytest.mark.parametrize(
    ("text", "denies"),
    [
        ("Poles are not lazy and not thieves.", stance.HOSTILE),  # two denials side by side
        ("I don't hate gay people.", stance.HOSTILE),
        ("Deaf staff aren't lazy and they're never a burden.", stance.HOSTILE),
    ],
)
def test_negations_side_by_side_are_no_double_negation(text, denies):
    found = negation_of(text)
    assert found is not None and found.denies == denies


def test_a_double_negation_can_only_raise_the_model_reading():
    found = negation_of("I can't pretend I don't loathe Romanians.")
    assert stance.raises(found)
    assert stance.compose(found, 0.3, 0.5, 0.98, 0.95) == 0.95
    assert stance.compose(found, 0.3, 0.5, 0.10, 0.05) == 0.3  # never lowered


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I can't pretend I don't loathe gay men.", "sexual_orientation"),
        ("Can't deny that pensioners disgust me.", "age"),
    ],
)
def test_hate_said_through_a_double_negation_is_discrimination(discrimination, text, target):
    found = discrimination(text)
    assert [f.target for f in found] == [target]


@pytest.mark.parametrize(
    "text",
    [
        "I don't hate gay people.",
        "I've got nothing against Polish workers.",
        "No one here thinks disabled staff are a burden.",
        "Nobody on the team thinks Muslim colleagues aren't up to the job.",
    ],
)
def test_saying_you_do_not_hate_a_group_is_not_discrimination(discrimination, text):
    assert discrimination(text) == []
