"""Counter-speech in the shapes staff use when they report, quote or push back against hate
(clause 6.4(c) forbids offensive comments; section 7 asks staff to report abuse), and reports
that only pretend to condemn. Fresh posts in council settings, across the characteristics.

Each counter-speech post is paired with the hateful statement it quotes or reports: said on its
own, that statement is discrimination, so each test shows that the reading around it decides.
"""

from __future__ import annotations

import pytest

from smpolicy.screening import Category
from smpolicy.screening.cues import endorsed
from smpolicy.screening.normalise import normalise

COUNTER_SPEECH = [
    # a quotation, condemned or dealt with later in the sentence
    ("Someone chalked 'Romanians are thieves' on the skate ramp and the youth worker washed it off.",
     "Romanians are thieves"),  # race
    ("'Gay men are perverts' was scratched into the changing room door at the pavilion. Painted over "
     "this morning.", "Gay men are perverts"),  # sexual orientation
    # what was done about it, said of the post
    ("Comments claiming Muslims are terrorists will be removed from the parish page.",
     "Muslims are terrorists"),  # religion
    ("Every post that calls disabled people parasites gets reported.",
     "disabled people are parasites"),  # disability
    ("The councillor who suggested pensioners are a burden should apologise.",
     "pensioners are a burden"),  # age
    ("Whoever keeps claiming trans women are predators in the ward group: the admins have "
     "screenshots.", "trans women are predators"),  # gender reassignment
    # telling people to stop, and turning the claim back on them
    ("Please stop sharing posts that say women are too stupid to run a depot.",
     "women are too stupid to run a depot"),  # sex
    ("If you reckon Black lads are all criminals, meet the under-16s who cleared the canal path.",
     "Black lads are all criminals"),  # race
    ("My uncle keeps saying Jews are greedy. I told him he's talking rubbish.",
     "Jews are greedy"),  # religion
]

PRETENDED_REPORTS = [
    "Someone chalked 'Romanians are thieves' on the skate ramp. Can't argue with that.",
    "My neighbour says Muslims are terrorists and honestly he's got a point.",
    "People keep saying pensioners are a burden. Spot on.",
    "A bloke on the bus said trans women are predators. I couldn't agree more.",
    "'Gay men are perverts' was on the pavilion door. Fair enough, I say.",
]


def _discrimination(screener, text: str) -> list:
    return [f for f in screener.check(text).findings if f.category is Category.DISCRIMINATION]


@pytest.mark.parametrize(("text", "statement"), COUNTER_SPEECH)
def test_reporting_or_challenging_hate_is_not_discrimination(screener, text, statement):
    assert _discrimination(screener, statement), "said on its own, the statement is hate"
    assert not _discrimination(screener, text)


@pytest.mark.parametrize("text", PRETENDED_REPORTS)
def test_a_report_that_agrees_with_the_hate_is_discrimination(screener, text):
    assert _discrimination(screener, text)


def test_agreement_a_negator_denies_is_no_endorsement():
    post = normalise("My neighbour says Muslims are terrorists. I don't agree with him.").text
    assert not endorsed(post, 0, len(post))
    post = normalise("My neighbour says Muslims are terrorists. I agree with him.").text
    assert endorsed(post, 0, len(post))


def test_the_quoted_words_themselves_are_no_endorsement():
    """'Fair play' inside the quotation is what was quoted, not the writer agreeing with it."""
    post = normalise("The sign said 'fair play for locals, Poles out'. Reported to the council.").text
    start = post.index("fair play")
    assert not endorsed(post, 0, len(post), start, post.index("out'") + 3)
