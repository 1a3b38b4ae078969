"""Whole-word lexicon look-up: what a term does and does not match."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from smpolicy.screening.lexicon import SENTENCE_END, TermIndex, load_lexicon, sentence_bounds, words_regex, words_trie
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


def _every_word_list() -> list[list[str]]:
    lists: list[list[str]] = []

    def walk(value: object) -> None:
        if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            lists.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for name in ("harassment", "discrimination", "disrepute", "context", "confidentiality", "work_matters"):
        walk(load_lexicon(name))
    return lists


def test_a_factored_word_list_matches_what_the_plain_one_does():
    rng = random.Random(3)
    for words in _every_word_list():
        plain = re.compile(rf"(?<![a-z])(?:{words_regex(words)})(?![a-z])")
        factored = re.compile(rf"(?<![a-z])(?:{words_trie(words)})(?![a-z])")
        lowered = [w.lower() for w in words]
        texts = [" ".join(rng.choice([*lowered, "x", "-", "  ", "a"]) for _ in range(rng.randint(1, 6)))
                 for _ in range(200)]
        texts += [text.replace(" ", rng.choice(["-", "  ", " - ", "\t"])) for text in texts[:50]]
        texts += [word[:cut] for word in lowered for cut in (len(word) - 1, len(word))]
        for text in texts:
            assert [m.span() for m in factored.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_word_list_is_factored_by_its_beginnings_longest_first():
    assert words_trie(["scum", "scumbag", "scrounger", "idiot"]) == "(?:sc(?:rounger|um(?:bag)?)|idiot)"
    assert words_trie(["waste of space"]) == r"waste[\s\-]+of[\s\-]+space"


@pytest.mark.parametrize(
    "words",
    [
        ["co-worker", "co worker"],  # a gap and a hyphen both take "-": the order would matter
        ["a - b"],  # a gap followed by a hyphen: how much the gap takes would matter
        ["", "x"],  # an empty word
    ],
)
def test_a_word_list_that_cannot_be_factored_safely_stays_plain(words):
    assert words_trie(words) == words_regex(words)
