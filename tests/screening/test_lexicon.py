"""Whole-word lexicon look-up: what a term does and does not match."""

from __future__ import annotations

import itertools
import re

import pytest

from smpolicy.screening.lexicon import SENTENCE_END, TermIndex, sentence_bounds
from smpolicy.screening.normalise import normalise

INDEX = TermIndex({"stupid": 1, "coon": 2, "the council": 3, "u10s": 4, "co-worker": 5, "don't care": 6})


def terms(text: str) -> list[str]:
    return [hit.term for hit in INDEX.find(normalise(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("so stupid", ["stupid"]),
        ("stuuuupid", ["stupid"]),  # cut to "stuupid" by the normaliser, a one-letter-doubled variant
        ("stupids everywhere", ["stupid"]),
        ("the council's budget", ["the council"]),
        ("The  council", []),  # terms match single spaces only
        ("my co workers and co-workers", ["co-worker", "co-worker"]),
        ("coaching the U10s", ["u10s"]),
        ("I don’t care", ["don't care"]),
    ],
)
def test_terms_match_their_spelling_variants_at_word_boundaries(text, expected):
    assert terms(text) == expected


@pytest.mark.parametrize("text", ["it's a con", "raccoon", "stupidity", "u10", "councillor"])
def test_no_match_inside_words_or_on_squeezed_forms(text):
    assert "coon" not in terms(text) and "stupid" not in terms(text) and "u10s" not in terms(text)


def test_spans_index_the_normalised_text():
    post = normalise("Honestly, the council is so stupid")
    hits = INDEX.find(post)
    assert [post.text[h.start : h.end] for h in hits] == ["the council", "stupid"]


def _sentence_bounds_by_definition(text: str, position: int) -> tuple[int, int]:
    start = 0
    for match in SENTENCE_END.finditer(text, 0, position):  # sentence ends in text[:position]
        start = match.end()
    following = SENTENCE_END.search(text, position)
    return start, following.start() if following else len(text)


def test_sentence_bounds_agree_with_their_definition_at_every_position():
    texts = ["".join(chars) for n in range(1, 6) for chars in itertools.product(".!?\n a", repeat=n)]
    texts += ["He called me X. That is racist!", "Wait... what?\nNo.", "v1.2 is out. ok"]
    for text in texts:
        for position in range(len(text) + 1):
            assert sentence_bounds(text, position) == _sentence_bounds_by_definition(text, position)


def test_sentence_ends_are_what_their_plain_form_finds():
    plain = re.compile(r"[.!?\n]+(?=\s|$)|\n")
    texts = ["".join(chars) for n in range(1, 7) for chars in itertools.product(".!?\n a", repeat=n)]
    for text in texts:
        assert [m.span() for m in SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for position in range(len(text) + 1):
            found, expected = SENTENCE_END.search(text, position), plain.search(text, position)
            assert (found and found.span()) == (expected and expected.span()), (text, position)
