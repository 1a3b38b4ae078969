"""Hate reported to condemn it, without slurs, is not discrimination (posts written for these
tests, across all seven characteristics)."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import identity_spans
from smpolicy.screening.findings import Category
from smpolicy.screening.model import stance
from smpolicy.screening.normalise import normalise

REVIEW = 0.45  # the default review threshold for discrimination


def embedded(text: str) -> stance.Counterpart | None:
    post = normalise(text)
    return stance.counterpart(post, identity_spans(post))


@pytest.mark.parametrize(
    ("text", "statement", "cue"),
    [
        ("Anyone who says Polish people are thieves should be ashamed of themselves.",
         "polish people are thieves", "ashamed"),
        ("Calling disabled people scroungers is disgusting.", "disabled people scroungers",
         "disgusting"),
        ("I'm sick of people saying Muslims can't be trusted.", "muslims can't be trusted",
         "sick of"),
        ("It's shameful that people still claim gay men are a danger to kids.",
         "gay men are a danger to kids", "shameful"),
        ("The leaflet said autistic children should be kept out of mainstream schools. Appalling.",
         "autistic children should be kept out of mainstream schools", "appalling"),
    ],
)
def test_the_reported_statement_and_the_condemnation_are_found(text, statement, cue):
    found = embedded(text)
    assert found is not None and found.kind == stance.REPORTED
    assert (found.statement, found.cue) == (statement, cue)


@pytest.mark.parametrize(
    "text",
    [
        "My dad always said immigrants are lazy, and he was right.",  # reported, endorsed
        "I think trans women are a menace.",  # the writer's own view
        "Nobody in the office will say it but Somali families leave litter everywhere.",
    ],
)
def test_a_report_nobody_condemns_is_not_counter_speech(text):
    found = embedded(text)
    assert found is None or found.kind != stance.REPORTED


REPORTED_AND_CONDEMNED = [
    "Anyone who says Polish people are thieves should be ashamed of themselves.",
    "It's shameful that people still claim gay men are a danger to kids.",
    "I'm sick of people saying Sikhs can't be trusted with money.",
    "Whoever wrote that trans women are predators needs to take a long hard look at themselves.",
    "Saying wheelchair users are a drain on the council is just wrong.",
    "Heard someone on the bus claim women are too stupid to vote. Shocking.",
    "My nan was told pensioners are a waste of space by a lad in the precinct. Horrible.",
]


@pytest.mark.parametrize("text", REPORTED_AND_CONDEMNED)
def test_condemning_reported_hate_lowers_the_models_part(screener, text):
    detector = screener.registry.get("classifier")
    reading = detector.readings([normalise(text)], every=True)[0]
    assert reading.composed < REVIEW
    if reading.counterpart is None:  # the lexicon's own cues read the report: the model's gate shuts
        assert reading.gate == 0.0
        return
    assert reading.counterpart.kind == stance.REPORTED
    assert "reporting hate to condemn it is not hate" in reading.stance_note()


# The lexicon's counter-speech cues read the same frames (``cues.reports``, one word list):
# statements its templates flag ("trans women are predators") are not flagged when reported
# and condemned.
@pytest.mark.parametrize("text", REPORTED_AND_CONDEMNED)
def test_condemning_reported_hate_is_not_discrimination(screener, text):
    assert not [f for f in screener.check(text).findings if f.category is Category.DISCRIMINATION]
