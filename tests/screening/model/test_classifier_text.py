"""The encoder reads the words an obfuscated post hides, an ordinary post as written, and not
the letters of a slur the lexicon read in an everyday sense."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.classifier import model_text
from smpolicy.screening.findings import Category
from smpolicy.screening.spelling import prepared


def discriminatory(screener, text):
    return [f for f in screener.check(text).findings if f.category is Category.DISCRIMINATION]


def test_an_ordinary_post_reaches_the_encoder_as_written():
    text = "Bin collections move to Tuesday next week, Thanks All"
    assert model_text(prepared(text)) == text


@pytest.mark.parametrize(
    "text",
    [
        "Great turnout at the litter pick \U0001f5a4 thanks all",  # "black heart": no word hidden
        "The new play area cost £8k and the café is open till 4",
        "Bin collection moved to SP7 8QT on Thursday",
    ],
)
def test_normalising_that_reveals_no_lexicon_word_leaves_the_post_as_written(text):
    assert prepared(text).text != text.lower()
    assert model_text(prepared(text)) == text


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Those mus lims should all go home", "those muslims should all go home"),
        ("g4ys shouldn't be allowed near the school", "gays shouldn't be allowed near the school"),
        ("m u s l i m s are ruining this town", "muslims are ruining this town"),
        ("allmuslims should be deported", "all muslims should be deported"),
        ("i h8 the lot of them", "i hate the lot of them"),
        ("klil them all", "kill them all"),
    ],
)
def test_an_obfuscated_post_reaches_the_encoder_repaired(text, read):
    assert model_text(prepared(text)) == read


@pytest.mark.parametrize(
    "text",
    [
        "those mus lims should all go home",
        "m u s l i m s are ruining this town",
        "the immi grants round here are thieving scum",
        "ver min the lot of them, those trav ellers on the rec",
    ],
)
def test_hostility_hidden_by_spacing_is_discrimination(screener, text):
    assert discriminatory(screener, text)


@pytest.mark.parametrize(
    "text",
    [
        "mus lims and christians joined the interfaith walk today",
        "lovely to see the immi grants support group at the fair",
        "the c o u n c i l meeting is at 7pm",
    ],
)
def test_a_repaired_friendly_post_stays_ok(screener, text):
    assert not discriminatory(screener, text)


def test_a_slur_read_in_an_everyday_sense_is_left_out_of_what_the_encoder_reads():
    text = "People slag the council off but the bins always get collected"
    assert model_text(prepared(text)) == "People  the council off but the bins always get collected"


def test_an_everyday_sense_is_not_flagged_by_the_classifier(screener):
    assert not discriminatory(screener, "People slag the council off but the bins always get collected")


@pytest.mark.parametrize("text", [
    "Had a bit of a bender at the rugby club Saturday, never again",
    "Had a right bender after the darts final",
])
def test_a_night_of_drinking_called_a_bender_is_not_flagged_by_the_classifier(screener, text):
    """The lexicon reads the drinking sense, so the classifier's 6.4(c) reading is not counted."""
    assert not discriminatory(screener, text)


def test_an_everyday_sense_does_not_hide_hostility_elsewhere_in_the_post(screener):
    text = "Nipped out for a fag break and the immigrants in the queue are ruining this town"
    assert model_text(prepared(text)).startswith("Nipped out for a  break")
    assert discriminatory(screener, text)
