"""Condemning people who harmed a group is not hostile to the group (6.4(c)): "the lad who
spat at the Sikh driver is a disgrace" names the group as the victim and insults the one who
harmed them; the encoder reads the group word beside the insult as hate, so the model's part is
damped as for clear praise. The group as the subject ("Sikhs who ... are vile") is not
(posts written for these tests)."""

from __future__ import annotations

import pytest

from smpolicy.screening.model.appraisal import condemns_harm
from smpolicy.screening.model.features import signals_for
from smpolicy.screening.spelling import prepared


def condemns(text: str) -> bool:
    return condemns_harm(text, signals_for([prepared(text)])[0])


@pytest.mark.parametrize(
    "text",
    [
        "The lad who spat at the Sikh bus driver on Monday is a disgrace.",
        "Whoever sprayed that graffiti about Jewish families on the underpass is pathetic.",
        "Anyone who bullies disabled kids at the skate park should be ashamed of themselves.",
        "The idiots who heckled the women's team from the stand are cowards.",
    ],
)
def test_a_hostile_verdict_on_people_who_harmed_a_group_condemns_the_harm(text):
    assert condemns(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sikhs who wear turbans at work are a disgrace.",  # the group is the subject
        "The lad who spat at the Sikh bus driver is a hero.",  # no hostile verdict
        "The lad who spat at the Sikh bus driver is a disgrace, but Sikhs are vile anyway.",
        "People who say Jewish families run the council are idiots.",  # no act of harm: a report
    ],
)
def test_not_a_condemnation_of_harm(text):
    assert not condemns(text)


def test_a_condemnation_of_harm_to_a_group_is_not_discrimination(discrimination):
    text = "The woman who shouted at the Muslim girls on the bus is disgusting."
    assert not discrimination(text), text
