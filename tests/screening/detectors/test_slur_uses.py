"""How a slur is used decides whether it is a 6.4(c) finding: aimed at a person or a group
it is abuse in any frame; reported of others it is still abuse; used by one of the group of
themselves, or in its everyday sense, it is not.

Every post here was written for these tests. CONTENT WARNING: slurs.
"""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import identity_mentions, lexicon_signals
from smpolicy.screening.normalise import normalise

# Common British slurs, one or two per characteristic, each in another frame.
BRITISH_SLURS = [
    ("race", "Bloody krauts have booked every pitch at the campsite"),
    ("race", "Some slant-eyed driver blocked the bin lorry on Church Street"),
    ("race", "Nig nogs hanging round the bus station again"),
    ("race", "Typical bog trotter, turned up to the site meeting half cut"),
    ("race", "Gippos have had the copper pipe off the pavilion"),
    ("religion_or_belief", "The taigs at the social club want their flag on the pole"),
    ("sexual_orientation", "Are you a bender or what, mate?"),
    ("sexual_orientation", "Lezzers have taken over the women's five-a-side"),
    ("sexual_orientation", "Nancy boy from comms wants more emojis in the newsletter"),
    ("sexual_orientation", "Bum bandits running the Pride stall at the fete"),
    ("disability", "The spazzes on the minibus screamed the whole trip"),
    ("sex", "Slapper from the chip shop was all over the new driver"),
    ("sex", "Bints from the salon keep parking in the loading bay"),
    ("age", "Old farts on the parish council blocked the skate park again"),
    ("age", "That old biddy from number 9 wants another bin collection"),
]


@pytest.mark.parametrize(("target", "text"), BRITISH_SLURS)
def test_common_british_slurs_are_discrimination(screener, target, text):
    findings = [f for f in screener.check(text).findings if f.category.value == "discrimination"]
    assert findings and findings[0].target == target


@pytest.mark.parametrize("text", [
    "You're nothing but a dirty little paki, get out of my office",
    "Don't be such a fag, it's only a bit of rain",
    "Stop being a retard and read the email",
    "Do we have another faggot on the bin crew now?",
    "Noticed our new lad is a spastic",
])
def test_a_slur_is_not_negated_by_words_that_only_look_like_negators(flagged, text):
    """"nothing but a X", "another X" and "noticed" hold no negation, and "don't be such a
    X" calls the person addressed one."""
    assert "discrimination" in flagged(text)


def test_a_negation_before_but_does_not_reach_the_slur_after_it(flagged):
    assert "discrimination" in flagged("I'm not gay but the faggots in comms do my head in")


def test_denying_a_slur_is_still_read_as_negated(flagged):
    assert "discrimination" not in flagged("I would never call anyone a faggot")


@pytest.mark.parametrize("text", [
    "Never trust a paki with the float at the car boot sale",
    "Wouldn't hire a spastic to run the reception desk",
    "Don't give the gippos another pitch on the rec",
    "You can't let the poofs coach the under-12s",
])
def test_a_negated_act_refused_to_people_named_by_a_slur_does_not_deny_the_slur(flagged, text):
    """The negator refuses the people something; the slur is still how the post names them."""
    assert "discrimination" in flagged(text)


@pytest.mark.parametrize("text", [
    "Don't let anyone call you a poof, report it to your manager",
    "I would never let the lads say paki at training",
])
def test_a_negated_act_that_does_not_reach_the_slur_still_negates_it(flagged, text):
    assert "discrimination" not in flagged(text)


@pytest.mark.parametrize("text", [
    "I'm told queers run the council now",
    "I'm not gay but the poofs in accounts are doing my head in",
    "I'm sure dykes get all the promotions round here",
    "As an ally to gay staff I think the queers in comms are a menace",
])
def test_a_slur_reported_of_others_is_not_read_as_reclaimed(text):
    """"I'm told", "I'm not gay", "I'm sure" say nothing of who the writer is, so the slur
    is not the writer's own word for themselves and the classifier's reading still counts."""
    signals = lexicon_signals(normalise(text))
    assert not signals.self_identified and not signals.reclaimed


@pytest.mark.parametrize("text", [
    "Us poofs in the choir are singing at the town hall on Friday",
    "I'm an old poof and proud of it",
    "Us old codgers still turn up to every litter pick",
    "I'm a grumpy old fart about the new phone system, I admit it",
])
def test_a_slur_used_of_oneself_and_ones_own_group_is_not_discrimination(flagged, text):
    assert "discrimination" not in flagged(text)


@pytest.mark.parametrize("text", [
    "Can I cadge a fag off you before the committee?",
    "Who's got a spare fag?",
    "I've cut down to five fags a day",
    "The dyke behind the allotments needs clearing before winter",
])
def test_cigarettes_and_ditches_are_not_discrimination(flagged, text):
    assert "discrimination" not in flagged(text)


def test_a_slur_in_its_everyday_sense_names_no_group():
    """"cripple" is also a group word; as a verb it refers to no one, so the classifier's
    6.4(c) reading has no characteristic to count for (``features.target_gate``)."""
    assert identity_mentions(normalise("Cuts like these will cripple the voluntary sector")) == ()
    assert identity_mentions(normalise("The cripple at number 4 wants a dropped kerb"))


def test_only_a_slur_would_is_said_of_others_not_of_oneself(flagged):
    """A bio's "Just a fat dyke who ..." describes the writer; "Only a poof would ..." sneers."""
    assert "discrimination" in flagged("Only a poof would bring quiche to the depot barbecue")
    assert "discrimination" not in flagged("Just a fat dyke who cycles to work")


def test_a_couple_describing_themselves_reclaims_the_word(flagged):
    assert "discrimination" not in flagged("My wife and I are both dykes and we love it here")
    assert "discrimination" in flagged("Those two on reception are both dykes")
