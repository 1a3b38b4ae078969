"""A report or quotation of hate that the post takes up says the hate (clause 6.4(c)): the
classifier reads the statement it pretends to report, and keeps the higher reading. A report
that condemns is read the other way (``test_reported_hate.py``). Posts written for these tests."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import identity_spans
from smpolicy.screening.model import stance
from smpolicy.screening.normalise import normalise


def embedded(text: str) -> stance.Counterpart | None:
    post = normalise(text)
    return stance.counterpart(post, identity_spans(post))


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Somebody wrote 'immigrants out' on the recycling bins. Fair play to them.", "immigrants out"),
        ("My brother-in-law says Muslims are taking over the town, and he's got a point.",
         "muslims are taking over the town"),
        ("People say disabled tenants are a nuisance. Spot on.", "disabled tenants are a nuisance"),
    ],
)
def test_a_report_the_post_agrees_with_is_read_as_its_statement(text, statement):
    found = embedded(text)
    assert found is not None and found.kind == stance.ENDORSED
    assert found.statement == statement
    assert stance.raises(found)


@pytest.mark.parametrize(
    "text",
    [
        "Somebody wrote 'immigrants out' on the recycling bins. It's been reported and cleaned off.",
        "My brother-in-law says Muslims are taking over the town. I don't agree with him at all.",
    ],
)
def test_a_report_nobody_takes_up_is_not_read_as_endorsed(text):
    found = embedded(text)
    assert found is None or found.kind != stance.ENDORSED


def test_an_endorsed_report_only_ever_raises_the_models_part():
    found = stance.Counterpart(stance.ENDORSED, ((0, 0, ""),), "x are y", "x are y")
    assert stance.compose(found, 0.2, 0.1, 0.9, 0.8) == 0.8
    assert stance.compose(found, 0.7, 0.6, 0.1, 0.05) == 0.7


def test_agreeing_with_reported_hate_is_discrimination_with_the_model(discrimination):
    assert discrimination("Heard a lad at the leisure centre say Muslims are taking over. "
                          "Couldn't have put it better.")
