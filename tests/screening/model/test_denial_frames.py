"""Denials the stance rules read (6.4(c)): "neither ... nor", "no more ... than anyone else",
"aren't any less ...", "I was wrong when I used to think ...", "there's no truth in the rumour
that ...", "I don't want X to leave, ..." deny a hateful idea and are not hateful; the same
shapes round a compliment, or with hate beside them, still are (posts written for these tests)."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import identity_spans
from smpolicy.screening.model import stance
from smpolicy.screening.normalise import normalise


def reading(text: str) -> stance.Counterpart | None:
    post = normalise(text)
    found = stance.counterpart(post, identity_spans(post))
    return found if found and found.kind == stance.NEGATION else None


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Romanian carers are neither thieves nor liars.", "romanian carers are thieves and liars."),
        ("Deaf lifeguards are no more dangerous than anyone else.",
         "deaf lifeguards are more dangerous than anyone else."),
        ("There is no truth at all in the rumour that Hindu shopkeepers cheat.",
         "hindu shopkeepers cheat."),
        ("I was wrong when I used to think lesbians hate men.", "lesbians hate men."),
        ("Nothing I've seen at the depot suggests refugees are liars.",
         "refugees are liars."),
    ],
)
def test_a_denial_is_read_as_denying_its_affirmative(text, statement):
    found = reading(text)
    assert found is not None and found.denies == stance.HOSTILE, found
    assert found.statement == statement


@pytest.mark.parametrize(
    "text",
    [
        "Older caretakers aren't any less capable than the young ones.",  # less capable: hostile
        "Muslim cabbies are no less honest than anyone else.",
        # a plain aside after the denial says nothing else of the group
        "I don't want our autistic gardener to leave, he's the best we've had.",
        "Polish cleaners are neither lazy nor dishonest, they keep the town hall spotless.",
    ],
)
def test_comparisons_and_asides_do_not_hide_a_denial(text):
    found = reading(text)
    assert found is not None and found.denies == stance.HOSTILE, found


@pytest.mark.parametrize(
    "text",
    [
        "Immigrants are neither welcome nor wanted in this town.",  # negated compliments
        "Gay men are no less a danger to kids than they ever were.",  # "no less": as much
    ],
)
def test_negated_compliments_and_asserted_comparisons_are_no_denials(text):
    found = reading(text)
    assert found is None or found.denies != stance.HOSTILE, found


@pytest.mark.parametrize(
    "text",
    [
        "Women aren't stupid, they belong at home.",  # the aside says something else of them
        "Polish lads aren't lazy, they're just thick.",
    ],
)
def test_an_aside_that_says_something_else_of_the_group_keeps_the_post_as_it_is(text):
    assert reading(text) is None


DENIALS = [
    "Trans women are neither predators nor a danger in the changing rooms.",
    "Wheelchair users are no more likely to be late than anyone else on the team.",
    "I was wrong when I used to think Sikh lads were trouble.",
    "Our Ghanaian nurses aren't any less skilled than the agency staff.",
    "I don't want the Afghan families to leave, they've been great neighbours.",
]

HATE_THROUGH_NEGATION = [
    "Muslims are neither welcome nor wanted on this estate.",
    "Trans women will never be real women, whatever HR says.",
    "I don't want the Romanians to leave, I want them deported.",
    "Travellers are no better than animals.",  # the classifier alone reads this at 0.1
    "Those migrants are no more than vermin.",  # "no more than": not a denied comparison
    "It's not a myth that Romanians are thieves.",  # "not a myth" affirms
]


@pytest.mark.parametrize("text", DENIALS)
def test_a_denial_is_not_discrimination(discrimination, text):
    assert not discrimination(text), text


@pytest.mark.parametrize("text", HATE_THROUGH_NEGATION)
def test_hate_through_a_negation_is_discrimination(discrimination, text):
    assert discrimination(text), text
