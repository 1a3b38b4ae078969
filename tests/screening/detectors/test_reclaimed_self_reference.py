"""Clause 6.4(c) and reclaimed words the writer uses of themselves: "I'm just a crazy cripple",
"I call myself a tranny", "dykes like me", "we bitches", "crips unite", "this old fag is
retiring" name the writer or their own group, and are no offensive comment about it; the
same words and sentence shapes aimed at others ("you're just a crazy cripple", "fags like
him", "we don't want dykes on the committee") remain 6.4(c), and an in-group "we" excuses no
hostility to another group in the same post.

Every post here was written for these tests. CONTENT WARNING: slurs.
"""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import lexicon_signals
from smpolicy.screening.normalise import normalise

SELF_REFERENCE = [
    # "I'm (just/only/such) a (describing words) X"
    "I'm just a crazy cripple trying to get to work on time.",
    "I'm only a creaky old crip, but I'll still beat you all at the pub quiz.",
    "I'm such a dyke, I've bought the same boots in three colours.",
    "I'm a stubborn bitch about deadlines and the auditors love me for it.",
    # "I call myself a X", "I describe myself as a X"
    "I call myself a tranny sometimes, it's my word to use.",
    "I've described myself as a cripple for years and I'm not changing now.",
    # "Xs like me / us", "X people like me"
    "Queer people like me are everywhere.",
    "Trannies like us just want a quiet swim on a Tuesday night.",
    "Old poofs like me ran the town panto for thirty years.",
    # "we / us (describing words) Xs", "my fellow Xs"
    "We bitches run this office, ha.",
    "We grumpy crips finally got the council to fix the lift.",
    "Us foul-mouthed dykes on the rugby team raised £600 for the hospice.",
    "Thanks to my fellow trannies at the Thursday group for the card.",
    # a rallying call to one's own group
    "Dykes on the allotment committee unite!",
    "Cripples of the county, assemble: the bus consultation closes on Friday.",
    # "this (old) X" announcing the writer's own news
    "This old fag is retiring next week, thanks for the cake.",
    "This crip is off to the wheelchair rugby final, wish me luck!",
    # the word claimed as one's own
    "Dyke is my word to use, and I'll use it about myself at work.",
]

AIMED = [
    "You're just a crazy cripple, get out of the way.",
    "He's only a useless crip, don't put him on the front desk.",
    "We don't want dykes on the committee.",
    "We don't want any trannies in the ladies' changing rooms.",
    "People like me hate queers.",
    "I'm sick of these bitches in the typing pool.",
    "Us locals won't have trannies in our pool.",
    "Fags like him shouldn't be coaching the under-11s.",
    "Crips like them are a drain on the council.",
    "Residents unite against the crips hogging the parking bays!",
    "This old fag next door keeps staring at the kids.",
    "This tranny is lurking in the ladies' again, thanks for the warning Sue.",
    "This dyke is a disgrace, thanks for nothing.",
    "I'm just a normal bloke who thinks cripples should stay at home.",
    "I call him a tranny because that's what he is.",
    # the word as the first part of a compound whose head is someone else
    "I'm just a tranny hater, deal with it.",
    # "this X" with news of someone else, thanks to someone else
    "This old fag just got arrested, thanks for the heads up.",
    # "our word for" others
    "Tranny is our word for blokes in dresses.",
]

# The writer's own group named with one word, another group attacked with another
IN_GROUP_HOSTILE = [
    "Us bitches in finance don't want trannies in our loos.",
    "We queers don't want trannies at our picnic.",
    "Crips like me can't stand poofs.",
]


@pytest.mark.parametrize("text", SELF_REFERENCE)
def test_a_reclaimed_word_the_writer_uses_of_themselves_is_not_discrimination(flagged, text):
    assert "discrimination" not in flagged(text)


@pytest.mark.parametrize("text", AIMED)
def test_the_same_shapes_aimed_at_others_are_discrimination(flagged, text):
    assert "discrimination" in flagged(text)


@pytest.mark.parametrize("text", IN_GROUP_HOSTILE)
def test_an_in_group_we_excuses_no_slur_aimed_at_another_group(flagged, text):
    assert "discrimination" in flagged(text)


def test_bitch_is_reclaimed_only_by_the_writer_naming_themselves_with_it(flagged):
    """Saying who one is elsewhere in the post ("as a woman") reclaims no "bitch" said of
    someone else; only "we bitches", "I'm a bitch" and the like do."""
    assert "discrimination" in flagged("As a woman, I think my manager is a total bitch.")
    assert "discrimination" not in flagged("As women in planning, we bitches stick together.")


def test_not_wanting_people_to_feel_unwelcome_is_no_refusal_of_them(flagged):
    """"don't want Xs in our loos" refuses them; "don't want Xs to feel unwelcome" wishes them
    well, and its negation still lowers the word."""
    refused = lexicon_signals(normalise("We don't want trannies in our loos."))
    wished = lexicon_signals(normalise("We don't want trannies to feel unwelcome in our loos."))
    assert not refused.negated
    assert wished.negated


def test_the_groups_name_followed_by_like_me_is_read_as_reclaimed():
    """"queer people" is the group's own name, left to the model; with "like me" the writer
    is one of them, which shuts the model's reading of that characteristic (``cue_gate``)."""
    signals = lexicon_signals(normalise("Queer people like me are everywhere."))
    assert [mention.target for mention in signals.reclaimed] == ["sexual_orientation"]
    plain = lexicon_signals(normalise("Queer people are everywhere."))
    assert plain.reclaimed == ()
