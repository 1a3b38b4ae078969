"""Identity words hidden in words run together are found; real words that contain one are not
(posts written for these tests)."""

from __future__ import annotations

import pytest

from smpolicy.screening.glued import glued_terms

TERMS = {"muslims": "religion", "muslim": "religion", "woman": "sex", "women": "sex",
         "gay couple": "orientation", "mentally ill": "disability", "trans": "gender",
         "transwomen": "gender", "immigrants": "race"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("muslimsare vermin", ["muslims"]),
        ("alltheimmigrants should go", ["immigrants"]),
        ("im a proud muslimwoman", ["muslim", "woman"]),
        ("thegaycouple at number 12", ["gaycouple"]),
        ("the mentallyill should be locked up", ["mentallyill"]),
        ("thementally ill should be locked up", ["mentally ill"]),  # the phrase goes on
        ("transwomen are welcome", ["transwomen"]),  # a phrase written as one word
    ],
)
def test_words_run_together_are_split_back(text, found):
    assert [text[start:end] for start, end, _ in glued_terms(text, TERMS)] == found


@pytest.mark.parametrize(
    "text",
    [
        "the transport plan for the high street",
        "we walked the prom at blackpool and ordered from the menus",
        "polishing the mayor's chain before the parade",
        "amen to that",
        "the new mentoring scheme for apprentices",
        "gemene trollen",  # not English: a stray letter, not words run together
    ],
)
def test_real_words_that_contain_an_identity_word_name_no_one(text):
    assert glued_terms(text, TERMS) == []
