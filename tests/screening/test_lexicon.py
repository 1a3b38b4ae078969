"""Whole-word lexicon look-up: what a term does and does not match."""

from __future__ import annotations

import pytest

from smpolicy.screening.lexicon import TermIndex
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
