"""6.4(c) by the rules alone: the wish that harm not be done to a group ("I don't want X
deported") is not a refusal of the group, and a right denied through a verb of thinking ("I
don't think X should be allowed to adopt") is still a right denied (posts written for these
tests, not in the dev sets)."""

from __future__ import annotations

import pytest

NEGATED_HARM = [
    "I don't want the Kurdish families deported, they run the best cafe in town.",
    "We don't want the Lithuanian pickers at the farm sacked over a pay dispute.",
    "I don't want Sikh lads attacked on the way home from the gurdwara.",
    "I don't want the old boys at the bowls club kicked out when the lease ends.",
    "I don't want deaf tenants evicted because they missed a phone call.",
    "I don't want Muslim families to be harassed outside the school.",
    "I don't want all refugees sent back, that's cruel.",
]

REFUSALS = [
    "I don't want refugees on my road.",
    "I don't want Muslims in the town council.",
    "We don't want Romanians here.",
    "I don't want the Syrian families deported, I want them locked up for good.",
    # a right denied through "I don't think ... should"
    "I don't think Muslims should be allowed to open a school here.",
    "I don't think gay men should adopt.",
    "I honestly don't think disabled people should be employed in the office.",
]


@pytest.mark.parametrize("text", NEGATED_HARM)
def test_not_wanting_a_group_harmed_is_not_discrimination(flagged, text):
    assert "discrimination" not in flagged(text), text


@pytest.mark.parametrize("text", REFUSALS)
def test_refusing_a_group_or_denying_it_a_right_is_discrimination(flagged, text):
    assert "discrimination" in flagged(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Women should be allowed to vote.",  # a right affirmed
        "I don't think older tenants should be let down by the lift repairs again.",
        "I don't think trans kids should be allowed to be bullied at school.",
    ],
)
def test_a_right_affirmed_or_a_harm_denied_is_not_discrimination(flagged, text):
    assert "discrimination" not in flagged(text), text


def test_a_slur_is_still_a_slur_when_the_writer_wishes_no_harm_on_the_people_it_names(flagged):
    # the wish that harm not be done to a group undoes the refusal template, not a slur
    assert "discrimination" in flagged("I don't want the poofs in accounts sacked.")
