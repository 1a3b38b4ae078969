"""A 6.4(c) finding must cite a protected characteristic the post refers to (posts written
for these tests)."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import identity_mentions
from smpolicy.screening.model import features
from smpolicy.screening.normalise import normalise


@pytest.mark.parametrize(
    ("text", "target", "words"),
    [
        ("The Bulgarian lads at the car wash", "race", "Bulgarian"),
        ("A stall for the mosque at the summer fair", "religion_or_belief", "mosque"),
        ("Our pansexual members' night at the bowls club", "sexual_orientation", "pansexual"),
        ("The talk on transitioning at work", "gender_reassignment", "transitioning"),
        ("Ramps for wheelchair users at the town hall", "disability", "wheelchair users"),
        ("Single mums' coffee morning on Thursday", "sex", "Single mums"),
        ("Bingo for the over-seventies is back", "age", "over-seventies"),
        # obfuscated and spaced-out forms are read through the normaliser
        ("Those m u s l i m s from the new estate", "religion_or_belief", "m u s l i m s"),
        ("Some g4ys from the flats above the bakery", "sexual_orientation", "g4ys"),
    ],
)
def test_words_that_name_a_characteristic_are_found_in_every_group(text, target, words):
    post = normalise(text)
    mentions = identity_mentions(post)
    assert [(m.target, text[m.start:m.end]) for m in mentions][:1] == [(target, words)]


def test_the_longest_identity_words_are_cited_once():
    text = "Black people and gay men at the carnival"
    cited = [text[m.start:m.end] for m in identity_mentions(normalise(text))]
    assert cited == ["Black people", "gay men"]


@pytest.mark.parametrize(
    "text",
    [
        "You're a useless waste of space, Dave, and everyone at the depot knows it.",
        "The bloke who runs the chip shop is a lowlife parasite.",
        "Slag the council off all you like, the bins still go out on Tuesday.",  # a homonym
    ],
)
def test_insults_of_a_person_name_no_characteristic(text):
    signals = features.signals_for([normalise(text)])[0]
    assert signals.referred == ()
    assert features.target_gate(signals) == 0.0


def test_the_gate_stays_open_when_the_lexicon_could_not_read_the_post():
    assert features.target_gate(features.NO_SIGNALS) == 1.0
    read_nothing = features.Signals(read=True)
    assert features.model_gate(read_nothing) == 0.0
    assert features.model_gate(features.Signals(read=True, mentions=(("age", (0, 4)),))) == 1.0


def test_a_lexicon_hit_counts_as_a_reference():
    assert features.target_gate(features.Signals(read=True, targets=("race",))) == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Mike, you are a pathetic excuse for a human being.",
        "You're a useless waste of space, Dave, and everyone at the depot knows it.",
        "Our new caretaker is vermin, pure and simple.",
    ],
)
def test_insulting_a_person_is_not_discrimination_on_a_guessed_ground(discrimination, text):
    assert not [f for f in discrimination(text) if f.detector == "classifier"]


@pytest.mark.parametrize(
    ("text", "target", "words"),
    [
        ("Lithuanians are thieves, the lot of them, lock your sheds.", "race", "Lithuanians"),
        ("People with dementia are a waste of a hospital bed.", "disability", "dementia"),
        ("Women are too emotional to ever run a council properly.", "sex", "Women"),
        ("Those g4ys from the new flats are filthy degenerates.", "sexual_orientation", "g4ys"),
    ],
)
def test_the_finding_cites_the_words_that_name_the_group(discrimination, text, target, words):
    findings = [f for f in discrimination(text) if f.detector == "classifier"]
    assert findings, text
    assert findings[0].target == target
    assert f"refers to '{words}'" in findings[0].explanation
