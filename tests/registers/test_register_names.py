from __future__ import annotations

import pytest

from smpolicy.registers.names import given_name_forms, name_tokens, split_name, words


@pytest.mark.parametrize(
    ("written", "tokens"),
    [
        ("Dr. Siân O'Connor-Smith", ("sian", "oconnor", "smith")),
        ("sian  oconnor smith", ("sian", "oconnor", "smith")),
        ("O’CONNOR-SMITH, Sian", ("sian", "oconnor", "smith")),
        ("Mr John Smith Jnr", ("john", "smith")),
        ("Councillor  Zoë Ávila MBE", ("zoe", "avila")),
        ("Cllr. Ann\tLee", ("ann", "lee")),
    ],
)
def test_the_same_name_written_differently_folds_to_the_same_tokens(written, tokens):
    assert name_tokens(written) == tokens


@pytest.mark.parametrize("written", ["", "Mrs", "Madonna", "Dr Jones", "  , "])
def test_a_name_without_first_and_last_name_is_not_split(written):
    assert split_name(written) is None


def test_middle_names_sit_between_first_and_last():
    parts = split_name("Mary Anne Louise Fletcher")
    assert (parts.first, parts.middle, parts.last) == ("mary", ("anne", "louise"), "fletcher")


@pytest.mark.parametrize(
    ("nickname", "full"),
    [
        ("bill", "william"),
        ("bob", "robert"),
        ("liz", "elizabeth"),
        ("kate", "katherine"),
        ("kate", "catherine"),
        ("alex", "alexander"),
        ("alex", "alexandra"),
    ],
)
def test_a_nickname_stands_for_its_full_names(nickname, full):
    assert full in given_name_forms(nickname)


def test_a_full_name_is_not_widened_to_other_names():
    assert given_name_forms("william") == frozenset({"william"})


def test_words_keep_their_offsets_in_the_text():
    text = "Saw Bill O'Brien-Smith at 10"
    found = [(w.token, text[w.start : w.end]) for w in words(text)]
    assert found == [
        ("saw", "Saw"),
        ("bill", "Bill"),
        ("obrien", "O'Brien"),
        ("smith", "Smith"),
        ("at", "at"),
    ]
