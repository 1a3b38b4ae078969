"""Counter-speech the lexicon's cue lists miss: a hostile statement about a group quoted,
reported or denied in words of its own ("Pasting this so you can see ...: 'X are P.'
Shameful."). The encoder reads the whole post and finds it plainly not hateful; then the
lexicon's phrase counts as quoted, as its cue lists would have counted it. Said outright, the
same statement is discrimination (posts written for these tests)."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import COUNTER_SPEECH_FACTOR
from smpolicy.screening.model.features import Signals, lexicon_part, lexicon_score

REVIEW = 0.45


QUOTED = "pasting what got sent: 'romanians are thieves.' shameful."


@pytest.mark.parametrize(
    "text",
    [QUOTED, "whoever wrote that women are useless drivers, grow up.",
     "if your joke is that deaf people are thick, it's not a joke."],
)
def test_a_derogatory_phrase_kept_at_a_distance_in_a_post_the_model_reads_as_benign_counts_as_quoted(text):
    signals = Signals(derogatory=0.85, read=True)
    assert lexicon_part(signals, 0.1, REVIEW, text) == pytest.approx(0.85 * COUNTER_SPEECH_FACTOR)


@pytest.mark.parametrize(
    ("signals", "model", "text"),
    [
        (Signals(derogatory=0.85, read=True), 0.3, QUOTED),  # the model is not sure it is benign
        (Signals(slur=0.9, derogatory=0.85, read=True), 0.05, QUOTED),  # slurs: it has seen few
        (Signals(derogatory=0.255, counter_speech=True, read=True), 0.05, QUOTED),  # cues did it
        (Signals(derogatory=0.34, negated=True, read=True), 0.05, QUOTED),
        # nothing quoted, reported or negated: the post says it, whatever the model reads
        (Signals(derogatory=0.85, read=True), 0.05, "lovely day, shame about the migrants ruining it"),
    ],
)
def test_the_lexicon_score_stands_otherwise(signals, model, text):
    assert lexicon_part(signals, model, REVIEW, text) == lexicon_score(signals)


@pytest.mark.parametrize(
    "text",
    [
        "Pasting this so you can see what the councillor got sent: 'Romanians are thieves.' Shameful.",
        "Whoever wrote that women are useless drivers on the staff noticeboard, grow up.",
    ],
)
def test_quoting_hate_to_show_it_up_is_not_discrimination(discrimination, text):
    assert discrimination(text) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Romanians are thieves.", "race"),
        ("Women are useless drivers.", "sex"),
    ],
)
def test_the_same_statement_said_outright_is_discrimination(discrimination, text, target):
    assert [f.target for f in discrimination(text)] == [target]
