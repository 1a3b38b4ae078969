"""Harm denied (6.4(c)): "I don't want X deported", "I don't think X should be treated like
dirt" deny a harmful norm, so the stance rules read them as denials of the hostile affirmative
and the engine does not flag them; a right denied ("I don't think X should be allowed to ...")
and a refusal of the group ("I don't want X here") still are (posts written for these tests)."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import identity_spans
from smpolicy.screening.model import negation, stance
from smpolicy.screening.normalise import normalise


def reading(text: str) -> stance.Counterpart | None:
    post = normalise(text)
    found = stance.counterpart(post, identity_spans(post))
    return found if found and found.kind == stance.NEGATION else None


@pytest.mark.parametrize(
    "text",
    [
        "I don't think Hindu staff should be treated like dirt by the contractors.",
        "I don't want the Eritrean lads at the car wash deported, that's heartless.",
        "We don't want the Afghan interpreters sent back, they've only just arrived.",
        "I don't think deaf callers should be laughed at by the switchboard.",
        "I don't think pensioners should be paid less for the same hours.",
    ],
)
def test_a_harm_denied_is_read_as_denying_its_affirmative(text):
    found = reading(text)
    assert found is not None and found.denies == stance.HOSTILE, found


@pytest.mark.parametrize(
    ("words", "polarity"),
    [
        (" like muslims", negation.FAVOURABLE),  # "don't like": the verb
        (" should be treated like dirt", negation.HOSTILE),  # "like": a comparison
        (" should be spat at", negation.HOSTILE),
    ],
)
def test_like_is_a_verb_of_liking_only_as_the_predicate_s_first_word(words, polarity):
    assert negation.predicate_polarity(words)[0] == polarity


def test_a_verdict_aside_after_a_harm_denied_is_no_contrast_but_hate_after_it_is():
    assert reading("I don't want Polish carers sacked, that would be cruel.").denies == stance.HOSTILE
    found = reading("I don't want Polish carers sacked, that would be cruel. Polish carers are scum.")
    assert found is None or found.denies != stance.HOSTILE


DENIALS = [
    "I don't want the Bangladeshi families on the estate evicted.",
    "I don't think Muslim cabbies should be spat at on the rank.",
    "We don't want lesbian couples harassed in the park.",
]

HATE = [
    "I don't want Bangladeshi families on the estate.",
    "I don't think lesbian couples should be allowed to foster.",
]


@pytest.mark.parametrize("text", DENIALS)
def test_a_harm_denied_is_not_discrimination(discrimination, text):
    assert not discrimination(text), text


@pytest.mark.parametrize("text", HATE)
def test_a_refusal_or_a_right_denied_is_discrimination(discrimination, text):
    assert discrimination(text), text
