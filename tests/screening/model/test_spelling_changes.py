"""6.4(c) written with spelling changes, with the model: a slur or hostile word run into the
words around it is read as if spaced, and a friendly post so written stays unflagged (posts
written for these tests)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("thickpakis running the car wash, rip you off every time", "race"),
        ("the new lad in parks is a proper lazyspastic", "disability"),
        ("honestly romaniansarethieves, lock the depot", "race"),
    ],
)
def test_a_slur_or_statement_run_together_is_discrimination_with_the_model(
        discrimination, text, target):
    assert [f.target for f in discrimination(text)][:1] == [target]


@pytest.mark.parametrize(
    "text",
    [
        "the sikhsarehosting langar at the gurdwara on Sunday, all welcome",
        "big thanks to the disabledstaff network for the access audit",
        "Davy Crockett coonskin hats at the history fair this weekend",
    ],
)
def test_a_friendly_or_ordinary_post_run_together_is_not_discrimination_with_the_model(
        discrimination, text):
    assert not discrimination(text)
