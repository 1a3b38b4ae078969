"""6.4(c) about a group whose name is disguised to dodge a filter: the target gate must still
see the group, or the classifier's reading never counts (posts written for these tests)."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import identity_mentions
from smpolicy.screening.model import features
from smpolicy.screening.spelling import prepared


@pytest.mark.parametrize(
    ("text", "target", "words"),
    [
        # spaces deleted: the group word run into the next or the last word
        ("The Somalisin the tower block", "race", "Somalis"),
        ("Our Lithuaniansin the flats above the chippy", "race", "Lithuanians"),
        ("thementally ill on the ward", "disability", "thementally ill"),
        ("Transwomen at the swimming club", "gender_reassignment", "Transwomen"),
        # one letter dropped or two swapped, also in an identity reference
        ("Wome on the grounds team", "sex", "Wome"),
        ("The new synagogu on Bell Street", "religion_or_belief", "synagogu"),
        # a misspelt word that is a rare word on its own, before "people"
        ("Tarns people in the staff changing rooms", "gender_reassignment", "Tarns people"),
        # leetspeak in a three-letter group word
        ("G4y people at the primary school", "sexual_orientation", "G4y people"),
    ],
)
def test_a_disguised_group_word_still_names_the_group(text, target, words):
    mentions = identity_mentions(prepared(text))
    assert [(m.target, text[m.start:m.end]) for m in mentions][:1] == [(target, words)]


@pytest.mark.parametrize(
    "text",
    [
        "Dave from highways is a uselesswaste of space and a lazy idiot.",
        "Kevin in the depot is a lazysod and a waste of oxygen.",
        "The transport plan is a joke and so is the bloke who wrote it.",
        "Blackpool fans wrecked the services on the way home, animals.",
    ],
)
def test_words_run_together_in_an_insult_of_a_person_name_no_group(text):
    signals = features.signals_for([prepared(text)])[0]
    assert signals.referred == ()
    assert features.target_gate(signals) == 0.0


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Somalisin the tower block are animals, the lifts stink because of them.", "race"),
        ("Tarns people are sick and should not be allowed in the staff changing rooms.",
         "gender_reassignment"),
        ("Wome are too weak to work on the grounds team, send them home.", "sex"),
        ("G4y people should be kept away from the primary school reading scheme.",
         "sexual_orientation"),
    ],
)
def test_slur_free_hate_about_a_disguised_group_is_discrimination(discrimination, text, target):
    findings = [f for f in discrimination(text) if f.detector == "classifier"]
    assert [f.target for f in findings] == [target]


def test_an_insult_of_a_named_person_with_a_word_run_together_is_not_discrimination(
    discrimination,
):
    assert not discrimination("Dave from highways is a uselesswaste of space and a lazy idiot.")


@pytest.mark.parametrize(
    "text",
    [
        "im a proud muslimwoman and I work at the council.",
        "Lovely to see so many gaycouples at the summer fair this year.",
        "Our transwomen colleagues deserve the same respect as everyone else.",
    ],
)
def test_a_proud_or_friendly_post_with_words_run_together_is_not_flagged(discrimination, text):
    assert not discrimination(text)
