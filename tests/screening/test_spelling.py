"""A dropped or swapped letter must not hide abuse (6.4(c)), nor turn a real word into a slur."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from smpolicy.screening.lexicon import load_lexicon
from smpolicy.screening.normalise import normalise
from smpolicy.screening.spelling import _variants, prepared, repair_spelling


@pytest.mark.parametrize(
    "text",
    [
        "those mslims are vermin",
        "those muslims are vermn",
        "I hate imigrants",
        "wmen should stay in the kitchen",
        "you retrad",
        "you faggt",
    ],
)
def test_a_letter_dropped_or_swapped_does_not_hide_discrimination(flagged, text):
    assert "discrimination" in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The midge season at the reservoir has started early",
        "Flooding on the River Niger was on the news tonight",
        "My eczema makes my arms itch all day",
        "Hte bins go out on Tuesday",
    ],
)
def test_real_words_one_letter_from_a_slur_are_left_alone(flagged, text):
    assert "discrimination" not in flagged(text)


def test_the_evidence_is_the_word_as_written(screener):
    result = screener.check("you faggt")
    assert [f.evidence for f in result.findings] == ["faggt"]


def test_offsets_survive_other_normalisation_first():
    text = "Thоse mslims are v3rmin"  # a Cyrillic о and leetspeak before the repair
    post = prepared(text)
    assert post.text == "those muslims are vermin"
    start = post.text.index("muslims")
    assert post.evidence(start, start + len("muslims"))[2] == "mslims"
    assert post.evidence(0, len(post.text))[2] == text


def test_a_post_with_nothing_to_repair_is_returned_as_is():
    post = normalise("Bin collections move to Tuesday next week")
    assert repair_spelling(post) is post


def test_every_variant_is_one_letter_from_a_lexicon_word_and_not_a_lexicon_word():
    table = _variants()
    assert len(table) > 1000
    lexicon_text = " ".join(str(load_lexicon(n)) for n in ("discrimination", "harassment")).lower()
    words = set(re.findall(r"[a-z]+", lexicon_text))
    for variant, word in table.items():
        assert word in words and variant not in words
        assert variant[0] == word[0] and len(variant) >= 4
        one_dropped = len(variant) == len(word) - 1 and any(
            word[:i] + word[i + 1:] == variant for i in range(len(word)))
        swapped = len(variant) == len(word) and sorted(variant) == sorted(word) and sum(
            a != b for a, b in zip(variant, word, strict=True)) == 2
        assert one_dropped or swapped, (variant, word)


def test_the_first_post_a_fresh_process_screens_is_repaired_too():
    """The misspellings join the shared scan on first use; that first scan must include them."""
    code = (
        "from smpolicy.screening.config import ScreeningConfig\n"
        "from smpolicy.screening.engine import Screener\n"
        "print(Screener(config=ScreeningConfig(use_model=False))"
        ".check('those mslims are vermin').verdict.value)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "breach"
