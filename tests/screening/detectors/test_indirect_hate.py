"""6.4(c) without a slur: hate about a group phrased as a question, an opinion or a normative
claim is still an offensive or derogatory comment relating to a protected characteristic;
neutral and supportive questions and statements about the same groups are not (posts written
for these tests; the lexicon alone, no model)."""

from __future__ import annotations

import pytest

from smpolicy.screening.findings import Category


def discrimination_about(screener, text: str) -> list:
    """The post's 6.4(c) findings that cite a protected characteristic, at review or above."""
    return [f for f in screener.check(text).findings
            if f.category is Category.DISCRIMINATION and f.target]


INDIRECT_HATE = [
    # a question that takes a derogatory statement for granted
    ("race", "Why are all the Bulgarians on the parks team so lazy?"),
    ("disability", "Aren't disabled tenants just a drain on the council?"),
    ("sexual_orientation", "Why are gay men always so dramatic in meetings?"),
    ("religion_or_belief", "Should Muslims even be allowed to run the youth club?"),
    ("sex", "Should women even be allowed to drive the gritters?"),
    ("race", "Who would trust a Romanian with the petty cash?"),
    ("disability", "Who in their right mind would employ someone with autism on reception?"),
    ("sex", "Isn't it obvious that women can't manage a budget?"),
    # an opinion or a hedge before it
    ("race", "I'm not racist but the Poles should go back to their own country."),
    ("age", "I'm not ageist but old people should stay at home."),
    ("sexual_orientation", "I'm not homophobic but gay people shouldn't be allowed to foster."),
    ("gender_reassignment", "In my opinion trans people don't belong in our schools."),
    # a right or ability denied, a derogatory act, a place a group is sent, a wish to be rid
    ("sexual_orientation", "Lesbians don't deserve to be parents."),
    ("religion_or_belief", "Catholics breed like rabbits and the council houses them all."),
    ("gender_reassignment", "Transgender people belong in a psychiatric ward, not the parish council."),
    ("race", "The estate would be better off without the Somalis."),
    ("disability", "Deaf people slow the whole meeting down."),
    # an age group named by a threshold, not a noun
    ("age", "Anyone over 60 is useless at the depot."),
    ("age", "Everyone over 65 should be forced to retire from the council."),
]


@pytest.mark.parametrize(("target", "text"), INDIRECT_HATE)
def test_indirect_hate_about_a_group_is_discrimination(screener, target, text):
    findings = discrimination_about(screener, text)
    assert findings, text
    assert findings[0].clause == "6.4(c)" and findings[0].target == target


@pytest.mark.parametrize(
    "text",
    [
        "Are there any gay staff networks at the council?",
        "Why are so few women in senior roles here?",
        "Should the leisure centre run a Muslim women's swim session?",
        "Isn't it great that the Pride stall raised £400?",
        "Are pensioners entitled to the council tax discount?",
        "Who would like a Polish speaker on the housing helpline rota?",
        "Disabled people don't belong in institutions, they belong in the community.",
        "Disabled residents shouldn't have to wait six months for a ramp.",
        "Refugees don't deserve the abuse they got outside the hotel.",
        "In my opinion older workers bring experience we can't buy.",
        "Anyone over 60 can get a free bus pass from the council office.",
        "I'm not an expert but the new trans policy reads well to me.",
        "Why are the mosque's parking permits taking so long?",
    ],
)
def test_neutral_and_supportive_posts_about_groups_are_not_discrimination(screener, text):
    assert not discrimination_about(screener, text), text


def test_a_disclaimers_not_does_not_negate_the_hate_after_it(screener):
    hedged = discrimination_about(screener, "I'm not racist but Pakistanis don't belong here.")
    assert hedged and "negated" not in hedged[0].explanation


def test_a_denial_is_still_read_as_a_denial(screener):
    # the "not" before the statement is no disclaimer: the statement is denied
    assert not discrimination_about(screener, "It's not true that Muslims breed like rabbits.")
