from __future__ import annotations

import pytest

from smpolicy.screening.normalise import normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you f a g g o t", "you faggot"),
        ("n1gg3r", "nigger"),
        ("stuuuuupid", "stuupid"),
        ("\u0440\u0430ki", "paki"),  # Cyrillic r and a
        ("f\u200bag", "fag"),  # zero-width space
        ("f\u00e0ggot", "faggot"),  # accent
        ("\uff46\uff41\uff47", "fag"),  # full-width letters (NFKC)
        ("r e t a r d", "retard"),
        ("go back \U0001f412", "go back  monkey "),
    ],
)
def test_obfuscation_is_undone(text: str, expected: str):
    assert normalise(text).text == expected


@pytest.mark.parametrize(
    "text",
    ["Meet at 10am on the 2nd", "@bob see you at 7", "Call 0 7 7 0 0 9 0 0 1 2 3", "Scunthorpe United 3-1"],
)
def test_ordinary_text_keeps_its_digits_and_mentions(text: str):
    assert normalise(text).text == text.lower()


@pytest.mark.parametrize(
    "text", ["Hello \u200bthere you f a g g 0 t!", "\U0001f412 \u0440\u0430ki out", "x" * 5 + " n1gg3r"]
)
def test_every_normalised_span_maps_back_into_the_original(text: str):
    post = normalise(text)
    for start in range(len(post.text)):
        for end in range(start + 1, len(post.text) + 1):
            o_start, o_end = post.to_original(start, end)
            assert 0 <= o_start < o_end <= len(text)


def test_the_span_of_a_decoded_word_covers_the_obfuscated_original():
    text = "well you f a g g 0 t"
    post = normalise(text)
    start = post.text.index("faggot")
    assert post.evidence(start, start + len("faggot"))[2] == "f a g g 0 t"


def test_plain_ascii_takes_the_identity_fast_path():
    assert normalise("The bins are collected on Tuesday").offsets is None
