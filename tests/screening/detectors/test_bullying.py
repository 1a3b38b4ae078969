"""6.4(c) bullying and harassment of an individual; 6.1.v disparaging comments about colleagues."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "My manager Dave is a useless idiot",
        "The new girl in finance is such a fat cow",
        "I'll kill you if you park in my space again",
        "I know where you live, watch your back",
        "Hope she gets run over on the way to the depot",
        "Go kill yourself",
        "Blocking the high street again, someone should run them over",
        "I'll knock him down if he parks across my drive again",
    ],
)
def test_threats_and_name_calling_of_a_person_are_a_breach(screener, text):
    result = screener.check(text)
    assert result.verdict == "breach"
    assert any(f.clause == "6.4(c)" and f.detector == "bullying" for f in result.findings)


@pytest.mark.parametrize(
    "text",
    [
        "This traffic is killing me",
        "I'll run you over to the depot in the van after lunch",
        "Someone should run him down to the station, he's missed the bus",
        "I could kill for a coffee right now",
        "My manager is brilliant, best boss I've had",
        "I would never hurt you, you know that",
        "Our new colleague is a great addition to the team",
    ],
)
def test_figures_of_speech_and_praise_are_not_bullying(screener, text):
    assert not [f for f in screener.check(text).findings if f.detector == "bullying"]


def test_an_insult_without_any_colleague_or_work_unit_is_not_searched_for_one():
    from smpolicy.screening.detectors.bullying import _patterns

    parts = _patterns().colleague_insult._parts
    assert parts.open_for("what an idiot i was yesterday") == ()
    # "it" and "hr" are too short to gate on alone: "in it" is not.
    assert len(parts.open_for("the lad in it is an idiot")) == 2
    assert _patterns().colleague_insult.search("the lad in it is an idiot")
