"""6.4(c) by the rules alone: a post that denies a hateful idea about a group is not a breach;
hate phrased through a negation still is (posts written for these tests, not in the dev sets)."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import lexicon_signals
from smpolicy.screening.normalise import normalise

DENIALS = [
    # a denying frame before the statement
    "It's false that Bulgarians are thieves, the depot has never lost a tool to them.",
    "There is no truth at all in the rumour that Muslim cabbies are crooks.",
    "I was wrong when I used to think immigrants are scroungers.",
    "Nothing I've seen on the estate suggests Roma families are scroungers.",
    # neither ... nor
    "The Lithuanian bin crew are neither lazy nor scroungers, they start at six.",
    # no more ... than anyone else
    "Gay lads at the boxing club are no more useless than anyone else.",
    # the wish not to lose a group
    "I don't want the Polish families to leave when the factory shuts.",
    # "rubbish" after a cue that negates nothing still calls the claim rubbish
    "The idea that wheelchair users are a drain on the NHS is offensive rubbish.",
]

NEGATED_HATE = [
    "I won't hire Muslims, never have and never will.",
    "I don't want Pakistani families moving onto my road.",
    "I don't want the Romanians to leave, I want them deported.",
    "Disabled people are no less a burden than they ever were.",
    # "no better than", "no more than": they are that, and nothing better
    "Travellers are no better than animals.",
    "Those migrants are no more than vermin.",
    "Muslims are nothing more than parasites.",
    # a denied denial affirms: "not a myth", "isn't a lie"
    "It's not a myth that Romanians are thieves.",
    "It isn't a lie that Polish builders are thieves.",
]


@pytest.mark.parametrize("text", DENIALS)
def test_denying_a_hateful_idea_about_a_group_is_not_discrimination(flagged, text):
    assert "discrimination" not in flagged(text), text


@pytest.mark.parametrize("text", NEGATED_HATE)
def test_hate_phrased_through_a_negation_is_still_discrimination(flagged, text):
    assert "discrimination" in flagged(text), text


@pytest.mark.parametrize(
    "text",
    [
        "It's a lie that Polish workers are thieves.",
        "There's no truth in the claim that Muslims are terrorists.",
        "I was wrong to think asylum seekers are parasites.",
        "Polish workers are neither thieves nor scroungers.",
        "Foreigners are no more stupid than anyone else.",
    ],
)
def test_the_lexicon_reads_the_statement_as_denied(text):
    assert lexicon_signals(normalise(text)).negated, text


@pytest.mark.parametrize(
    "text",
    [
        "Polish workers are thieves.",  # no frame at all
        "Gypsies are no more than vermin.",  # "no more than": no comparison with anyone
        "It's a lie that Polish workers pay their way, they are thieves.",  # the frame denies
        # something else; the statement after the comma stands
    ],
)
def test_the_lexicon_reads_no_denial_where_none_is_made(text):
    assert not lexicon_signals(normalise(text)).negated, text


def test_a_denying_frame_does_not_unsay_a_slur(flagged):
    # the frame denies the predicate; the slur is used all the same
    assert "discrimination" in flagged("No way are trannies real women.")
