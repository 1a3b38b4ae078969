"""Questions and opinions about a group, with the model (posts written for these tests).

A plain enquiry ("Are there any gay staff networks at the council?"), a question that praises
("Isn't it great that ...?") and a supportive claim ("In my opinion deaf people should have an
interpreter ...") are not offensive comments relating to a protected characteristic, whatever
group they name; a question that presupposes a derogatory claim, and hate about an age group
named by a threshold, are. The rules read text only, so the first tests run without the model.
"""

from __future__ import annotations

import pytest

from smpolicy.screening.model.appraisal import PRAISE_DAMPING, appraise, damping, enquiry, support
from smpolicy.screening.model.features import NO_SIGNALS, Signals

ENQUIRIES = [
    "Are there any gay staff networks at the council?",
    "Why are so few women in senior roles here?",
    "Should the leisure centre run a Muslim women's swim session?",
    "Who is organising the Windrush Day exhibition at the museum?",
    "Are Jewish staff able to finish early on Fridays in winter?",
]
RHETORICAL = [
    "Should Muslims even be allowed to teach in our schools?",
    "Why are all Romanians such thieves?",
    "Aren't pensioners just a drain on the council?",
    "Are there any jobs left that those people haven't taken?",
    "Should we ban the Travellers from the rec?",
]


@pytest.mark.parametrize("text", ENQUIRIES)
def test_a_plain_enquiry_about_a_group_is_read_as_one(text):
    assert enquiry(text)
    assert damping(text, NO_SIGNALS) == PRAISE_DAMPING


@pytest.mark.parametrize("text", RHETORICAL)
def test_a_rhetorical_or_hostile_question_is_no_enquiry(text):
    assert not enquiry(text)


def test_a_lexicon_hit_is_never_damped_however_plain_the_question():
    hit = Signals(derogatory=0.8, read=True)
    assert damping("Are there any Poles on the bins who aren't lazy?", hit) == 1.0


def test_a_question_that_praises_is_praise():
    assert appraise("Isn't it great that three women were elected to the council this year?").praise


def test_who_would_trust_them_is_not_praise():
    # "trust" is a warm word; the question's answer is "nobody"
    assert not appraise("Who would trust a Jew with the council's money?").praise


@pytest.mark.parametrize(
    "text",
    [
        "In my opinion gay people should feel safe in every council building.",
        "I reckon teenagers deserve a proper youth centre.",
        "I reckon the council should fly the trans flag for awareness week.",
    ],
)
def test_a_supportive_claim_about_a_group_is_read_as_one(text):
    assert support(text)


@pytest.mark.parametrize(
    "text",
    [
        "In my opinion women should stay at home with the kids.",
        "Immigrants should be able to go back where they came from.",
        "I reckon refugees deserve a proper kicking.",
        "Foreigners should get help last, after us.",
    ],
)
def test_hate_phrased_as_an_opinion_is_no_supportive_claim(text):
    assert not support(text)


# With the model.

@pytest.mark.parametrize(
    "text",
    [
        "Are there any gay staff networks at the council?",
        "Should the leisure centre run a Muslim women's swim session?",
        "Isn't it great that three women were elected to the council this year?",
        "In my opinion gay people should feel safe in every council building.",
    ],
)
def test_neutral_and_supportive_questions_and_opinions_are_not_discrimination(discrimination, text):
    assert not discrimination(text), text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Who would trust a Jew with the council's money?", "race"),  # as the lexicon files "jew"
        ("Who would hire someone over 60?", "age"),
        ("Anyone over 60 is useless at the depot.", "age"),
        ("I'm not racist but the Poles should go back to their own country.", "race"),
    ],
)
def test_indirect_hate_is_discrimination_with_the_model(discrimination, text, target):
    findings = discrimination(text)
    assert findings and findings[0].target == target
