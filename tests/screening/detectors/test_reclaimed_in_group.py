"""Clause 6.4(c) and reclaimed words: staff who use a reclaimed term of themselves and their
own group ("As dykes, we ...", "us crips", "Queer Film Night") are not making an offensive
comment about a protected characteristic, and flagging them would itself treat them unfairly;
the same words aimed at others ("As dykes are ...", "you queers", "those crips") remain 6.4(c).

Every post here was written for these tests. CONTENT WARNING: slurs.
"""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import lexicon_signals
from smpolicy.screening.normalise import normalise

IN_GROUP = [
    # "as" naming the writer's own group, then the writer speaking in the first person
    "As dykes, we have marched through this town every summer since 1995.",
    "As crips from the access forum, we walked the new cycle path on Friday.",
    "As queers who remember Section 28, we're glad the library stocks these books.",
    # the writer and their own group, in the first person plural
    "We crips from the disability forum are touring the market square on Friday.",
    "My fellow dykes and I are running the tombola at the summer fete.",
    "We're a family of queers and proud of it, see you at the Pride picnic.",
    # the name of a group or an event
    "Dykes on Bikes are leading the carnival parade down the high street.",
    "Queers of Dorset picnic in the park on Sunday, bring a cake.",
    # the writer describing themselves
    "I've been an out queer on the council's payroll for twenty years.",
    "Being a cripple myself, I'd say the new bus stop kerbs are a big improvement.",
    "Ten years as the token crip on the leisure centre user panel and still loving it.",
    # reclaimed words beyond sexual orientation and disability
    "As a paddy born in Cork, I'll be at the ceili in the Guildhall on Saturday.",
    "As a proud bible basher, I'm collecting for the Christmas toy appeal.",
]

AIMED = [
    # "as" meaning "because": a statement about the group, not the writer's role
    "As dykes are always angry, nobody wants them on the interview panel.",
    "As queers can't be trusted, we should keep them away from the youth club.",
    "As dykes in this town keep moaning, I've stopped going to the football.",
    # "as" naming others' role
    "As crips, they get a free ride on everything.",
    # the plural noun and the singular noun said of others
    "The queers at the arts centre have taken over the whole programme.",
    "The manager in leisure services is a queer, that explains a lot.",
    "The crips at the day centre are always moaning about the bus.",
    "There's a queer in the payroll office, watch yourselves.",
    # the word as the subject of a statement, after a cue that could describe the writer
    "Being a queer is a sickness, not something to celebrate.",
    # refusing people by the word is not denying it
    "Can't stand crips who park in the disabled bays all day.",
    "As a dad I won't have dykes coaching my daughter.",
    # a name written in title case throughout is no name
    "Dykes On Bikes Are A Disgrace To This Town.",
    # the reclaimable words of other characteristics, aimed
    "That paddy in the parks team is drunk again.",
]


@pytest.mark.parametrize("text", IN_GROUP)
def test_a_reclaimed_word_used_of_the_writers_own_group_is_not_discrimination(flagged, text):
    assert "discrimination" not in flagged(text)


@pytest.mark.parametrize("text", AIMED)
def test_the_same_words_aimed_at_others_are_discrimination(flagged, text):
    assert "discrimination" in flagged(text)


def test_queers_scores_as_a_slur_aimed_and_as_reclaimed_in_group():
    """The plural noun is a slur when said of others, and is lowered only by in-group use."""
    aimed = lexicon_signals(normalise("Those queers in housing should be sacked."))
    own = lexicon_signals(normalise("Us queers in housing are baking for Macmillan."))
    assert aimed.slur >= 0.7 and not aimed.self_identified
    assert own.slur < 0.45 and own.self_identified


def test_the_adjective_of_the_groups_own_name_keeps_its_low_score():
    """"queer" describing people or a thing is the group's neutral name, not a slur noun."""
    signals = lexicon_signals(normalise("Our queer and trans staff are planning the Pride stall."))
    assert signals.slur < 0.45


def test_an_in_group_name_closes_the_classifier_gate_only_for_its_own_characteristic():
    """A name read as the group's own shuts the model's reading of that characteristic, as
    other reclaimed words do (``cue_gate``)."""
    signals = lexicon_signals(normalise("Dykes on Bikes are leading the parade this year."))
    assert signals.self_identified
    assert [mention.target for mention in signals.reclaimed] == ["sexual_orientation"]


def test_a_slur_inside_a_single_quoted_phrase_that_the_writer_condemns_is_counter_speech(flagged):
    assert "discrimination" not in flagged(
        "Heard a lad call the swim team 'a bunch of queers'. Not on, I reported it.")


# A name is the group's own, but it does not excuse abusing the people it names (posts written
# for these tests).
@pytest.mark.parametrize(
    "text",
    [
        "Queer Book Club at the library is a meeting place for perverts.",
        "Dykes on Bikes are nothing but degenerates on motorbikes.",
        "Crip Camp night at the arts centre, packed with spongers as usual.",
    ],
)
def test_a_name_does_not_excuse_derogating_the_people_it_names(flagged, text):
    assert "discrimination" in flagged(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Queer Book Club meets on Thursday in the library's community room.",
        "Queer Film Night's poster was torn down by some bigoted weirdos, shameful.",
        "Dykes on Bikes raised £600 for the hospice, thanks to everyone who came.",
        "Queer Film Night this month is a monster double bill, twisted fun for all.",
    ],
)
def test_a_name_with_no_derogation_of_its_people_is_still_the_group_s_own(flagged, text):
    assert "discrimination" not in flagged(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Never thought I'd see the park full of queers, makes me sick.",
        "Didn't expect to see so many dykes at the bowls club, vile.",
    ],
)
def test_surprise_is_no_negation(flagged, text):
    assert "discrimination" in flagged(text), text


def test_a_denial_with_never_is_still_a_negation(flagged):
    assert "discrimination" not in flagged("I never said the queers at work are perverts.")
