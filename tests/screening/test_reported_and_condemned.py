"""Counter-speech the rule detectors read: abuse reported (a reporting verb or a quotation)
and condemned by a word outside the report (``cues.reports``). Clause 6.4(c) forbids offensive
comments, not condemning or quoting them to report them; reporting that endorses stays flagged."""

from __future__ import annotations

import pytest

from smpolicy.screening import Category, Verdict, normalise
from smpolicy.screening.cues import cues_for, reports
from smpolicy.screening.lexicon import sentence_bounds

# Fresh posts, one or more per protected characteristic.
REPORTED_AND_CONDEMNED = [
    ("Anyone who calls Muslims vermin should be ashamed of themselves.", "Muslims vermin"),  # religion
    ("Saying that disabled people are a burden is disgusting.", "disabled people are a burden"),  # disability
    ("I'm sick of hearing people say women are inferior to men.", "women are inferior"),  # sex
    ("My neighbour told me 'gays are a plague' and I reported him.", "gays are a plague"),  # orientation
    ("Posts like 'send them all back' have no place in Shaftesbury.", "send them all back"),  # race
    ("Whoever wrote that trans women are predators on the parish noticeboard should take a long "
     "hard look at themselves.", "trans women are predators"),  # gender reassignment
    ("A man at the bus stop said pensioners are useless parasites. Appalling.",
     "pensioners are useless"),  # age
    ("Someone posted that Pakistanis are animals on the community page. Shameful.",
     "Pakistanis are animals"),  # race
    ("People claiming Jews are vermin are spreading hate, and it's disgraceful.",
     "Jews are vermin"),  # religion and race
    ("Saying wheelchair users are a drain on the town is just wrong.", "wheelchair users are a drain"),
]

REPORTED_AND_ENDORSED_OR_PLAIN_ABUSE = [
    "My dad always said Muslims are vermin, and he was right.",
    "People say Muslims are vermin and they're not wrong.",
    "Everyone says gays are a plague and there's no shame in agreeing.",
    "I think trans women are predators, and it's shameful nobody says so.",
    "Disgusting Muslims, the lot of them.",
    "Disabled people are a burden. Disgusting.",
    "Nobody will say it but Muslims are vermin, and it's shocking.",
    "Pensioners are useless parasites.",
]


def _discrimination(screener, text: str) -> list:
    return [f for f in screener.check(text).findings if f.category is Category.DISCRIMINATION]


@pytest.mark.parametrize(("text", "words"), REPORTED_AND_CONDEMNED)
def test_hate_reported_and_condemned_is_not_discrimination(screener, text, words):
    post = normalise(text).text
    start = post.index(words.lower())
    assert cues_for(post, start, start + len(words)).counter_speech
    assert not _discrimination(screener, text)


@pytest.mark.parametrize("text", REPORTED_AND_ENDORSED_OR_PLAIN_ABUSE)
def test_hate_reported_to_endorse_it_or_merely_near_a_condemnation_is_discrimination(screener, text):
    assert _discrimination(screener, text)


def test_the_same_statement_flips_with_the_verdict_on_it(screener):
    condemned = "A lad in the precinct said Romanians are animals. Sickening."
    endorsed = "A lad in the precinct said Romanians are animals. Spot on."
    assert not _discrimination(screener, condemned)
    assert _discrimination(screener, endorsed)


def test_a_report_ends_where_its_verdict_begins():
    text = normalise("Anyone who says Sikhs can't be trusted should be ashamed.").text
    s_start, s_end = sentence_bounds(text, 0)
    [report] = reports(text, s_start, s_end, s_end)
    assert text[report.start:report.end] == "sikhs can't be trusted"
    assert report.cue == "ashamed"


def test_a_denied_condemnation_condemns_nothing():
    text = normalise("People say Sikhs can't be trusted and they're not wrong.").text
    s_start, s_end = sentence_bounds(text, 0)
    assert list(reports(text, s_start, s_end, s_end)) == []


def test_a_colleague_quoted_to_report_bullying_is_not_bullying_or_disrepute(screener):
    reported = "Someone posted that our clerk is a thick idiot who should be sacked. Vile."
    direct = "Our clerk is a thick idiot who should be sacked."
    assert screener.check(reported).verdict is not Verdict.BREACH
    assert {f.detector for f in screener.check(direct).findings} >= {"bullying", "disrepute"}


def test_condemning_whoever_called_the_clerk_corrupt_is_not_disrepute(screener):
    reported = "Whoever said the town clerk is a corrupt crook should be ashamed."
    direct = "The town clerk is a corrupt crook and should be ashamed."
    assert screener.check(reported).verdict is not Verdict.BREACH
    assert [f for f in screener.check(direct).findings if f.category is Category.DISREPUTE]


def test_a_threat_reported_and_condemned_is_not_a_threat(screener):
    threat = "Someone should hurt the clerk."
    reported = "A resident told me someone should hurt the clerk. Appalling."
    endorsed = "A resident told me someone should hurt the clerk. Good."
    assert screener.check(threat).verdict is Verdict.BREACH
    assert screener.check(reported).verdict is not Verdict.BREACH
    assert screener.check(endorsed).verdict is Verdict.BREACH


@pytest.mark.parametrize("text", [
    "Romanians are vermin and should be ashamed of themselves.",
    "Travellers are scroungers, unacceptable, every one of them.",
    "Deaf people are useless on the phones and should be ashamed to apply.",
])
def test_a_verdict_that_goes_on_condemning_the_group_itself_is_no_counter_speech(flagged, text):
    """"X are Y and should be ashamed": the group is condemned, not anyone's words about it."""
    assert "discrimination" in flagged(text)


@pytest.mark.parametrize("text", [
    "Saying Polish lads are thieves is unacceptable and you should be ashamed.",
    "Polish lads are thieves, says the man on Facebook who should be ashamed.",
    "Anyone who thinks Polish lads are thieves should be ashamed.",
])
def test_a_verdict_on_whoever_said_it_stays_counter_speech(flagged, text):
    assert "discrimination" not in flagged(text)
