"""Praise of a protected group is read as praise; backhanded praise is not (posts written for
these tests). The rule reads text only, so most of these run without the model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smpolicy.screening.model.appraisal import PRAISE_DAMPING, appraise, damping
from smpolicy.screening.model.features import NO_SIGNALS, Signals, combine

FIXTURE = Path(__file__).parent / "fixtures" / "identity_statements.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        "Our Sikh neighbours ran a brilliant langar for the whole street, thank you",
        "Disabled people make brilliant employees",
        "So proud of our town's first Pride picnic, what a lovely day",
        "Warm welcome to the Ukrainian families joining St Mary's primary this term",
        "Huge thanks to the pensioners who knit hats for the neonatal unit",
        "The Hindu temple volunteers run the winter shelter rota, we couldn't manage without them",
    ],
)
def test_warm_words_about_a_group_are_clear_praise(text):
    assert appraise(text).praise, appraise(text).reason


@pytest.mark.parametrize(
    "text",
    [
        "Women are lovely when they keep quiet",
        "Some of them are alright I suppose",
        "For a disabled lad he's quite bright",
        "Muslims are lovely people but they should go back where they came from",
        "Polish builders are great, as long as they stay in their own part of town",
        "Gay people are wonderful, yeah right",
        "Women are naturally better at caring, it's what they were born to do",
        "Trans people are 'brave' and 'stunning' apparently 🙄",
        "Immigrants are wonderful at breeding, that's for sure",
        "Lovely to see the Travellers finally leave the rec",
        "She's one of the good ones, lovely for a Muslim",
        "Old people are great, much better than the young lot",
        "So funny watching the lads park in the disabled bays again",
        "Women are happiest in their rightful place, the kitchen",
        "Travellers are happier with their own kind, lovely for everyone",
        "All Romanians are wonderful pickpockets",
    ],
)
def test_backhanded_conditional_or_sarcastic_praise_is_not_clear_praise(text):
    assert not appraise(text).praise, text


def test_negated_praise_is_not_praise():
    assert not appraise("Gay people are not wonderful neighbours, whatever the council says").praise
    assert not appraise("We'd manage fine without the Romanians, lovely as they are").praise
    assert not appraise("Nobody is grateful to have more migrants here").praise


def test_praise_with_a_hostile_word_is_not_praise():
    reading = appraise("Great work clearing out the vermin from the migrant camp, love it")
    assert not reading.praise
    assert "vermin" in reading.reason


def test_clear_praise_damps_the_models_part_but_a_near_certain_model_still_flags():
    assert damping("Disabled people make brilliant employees", NO_SIGNALS) == PRAISE_DAMPING
    review = 0.45  # the default 6.4(c) review threshold
    assert combine(0.0, 0.7, PRAISE_DAMPING) < review  # a middling model score no longer flags
    assert combine(0.0, 0.95, PRAISE_DAMPING) >= review


@pytest.mark.parametrize("hit", [{"slur": 0.9}, {"derogatory": 0.6}, {"threat": 0.8}])
def test_a_lexicon_hit_is_never_damped_whatever_the_praise(hit):
    text = "Great to see the lovely lads putting the [slur] in their place, brilliant work"
    assert damping(text, Signals(**hit)) == 1.0


def test_fixture_has_twenty_statements_for_each_protected_characteristic():
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["target"]] = counts.get(row["target"], 0) + 1
    assert counts == dict.fromkeys(
        ("sex", "gender_reassignment", "race", "disability", "sexual_orientation",
         "religion_or_belief", "age"), 20)


# With the model: the engine's decisions.


def test_thanking_a_group_for_what_it_did_is_not_discrimination(discrimination):
    # the first two were flagged by the model before the appraisal rule damped its part
    for text in (
        "Why is it always the pensioners who turn up first to help? Legends, the lot of them.",
        "Trans people in this town are some of the kindest folk you'll meet",
        "Our Muslim neighbours brought round food for Eid, such kind people",
        "As a trans woman I love running the Saturday parkrun with this lovely crowd",
    ):
        assert not discrimination(text), text


def test_praise_wrapped_round_hostility_is_still_discrimination(discrimination):
    for text in (
        "Muslims are lovely people but they should all be deported",
        "Lovely sunny day, shame about the immigrants flooding in and ruining the town",
    ):
        assert discrimination(text), text


def test_neutral_and_positive_identity_posts_are_rarely_flagged_for_any_group(discrimination):
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    flagged: dict[str, int] = {}
    for row in rows:
        flagged.setdefault(row["target"], 0)
        flagged[row["target"]] += bool(discrimination(row["text"]))
    # 20 posts a group: at most one flagged in any group, so the spread is at most 5 points
    assert max(flagged.values()) <= 1, flagged


def test_a_finding_that_survives_the_praise_rule_says_its_reading_counted_for_less(screener):
    from smpolicy.screening.model.reading import Reading
    from smpolicy.screening.model.scorer import Score
    from smpolicy.screening.normalise import normalise

    detector = next(d for d in screener.registry if d.name == "classifier")
    text = "Romanian lads are brilliant workers"
    start = text.index("Romanian")
    signals = Signals(mentions=(("race", (start, start + len("Romanian"))),), read=True)
    score = Score(discrimination=0.99, disrepute=0.0, protected_target="race",
                  workplace_target=None, signals=signals)

    def reading(praise: float) -> Reading:
        return Reading(score, 0.98, None, 0.0, 0.98, 0.0, 1.0,
                       combine(0.0, 0.98, praise), praise)

    damped = detector._discrimination(normalise(text), reading(PRAISE_DAMPING)).explanation
    plain = detector._discrimination(normalise(text), reading(1.0)).explanation
    assert "reads as praise" in damped and "counts for less" in damped
    assert "praise" not in plain
    assert "'Romanian'" in damped
