"""6.4(c) written with spelling changes on the rules-only path: slurs and group words run into
the words around them, slurs cut in three, common typos of hostile words; and the guard that
ordinary words, places, names and user names never become slurs or group words on the way
(posts written for these tests)."""

from __future__ import annotations

import pytest

from smpolicy.screening.normalise import normalise
from smpolicy.screening.spelling import glued_parts, prepared


def _discrimination(screener, text: str) -> list:
    return [f for f in screener.check(text).findings if f.category.value == "discrimination"]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("bunch of thickpakis running the car wash now", "pakis"),
        ("Sack the stupidretard on the front desk", "retard"),
        ("the new lad on the bins is a proper thickspastic lol", "spastic"),
        ("get the wogsout of our estate", "wogs"),
    ],
)
def test_a_slur_run_into_the_words_around_it_is_discrimination(screener, text, evidence):
    findings = _discrimination(screener, text)
    assert findings
    assert any(evidence in f.evidence for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "somalisarevermin and the council keeps housing them",
        "honestly pensionersarescum, free bus passes for nothing",
        "lesbiansshouldbebanned from coaching the under 11s",
    ],
)
def test_a_group_word_run_into_what_is_said_of_it_is_discrimination(screener, text):
    assert _discrimination(screener, text)


@pytest.mark.parametrize(("text", "words"), [
    ("typicalwomen drivers in the depot car park", "typical women"),
    ("the dirtypolish lads on the bins", "dirty polish"),
])
def test_a_hostile_word_run_into_a_group_word_is_read_apart(text, words):
    assert words in prepared(text).text


def test_the_split_words_point_back_to_the_token_as_written():
    text = "honestly somalisarevermin"
    post = prepared(text)
    assert post.text == "honestly somalis are vermin"
    start = post.text.index("vermin")
    assert post.evidence(start, start + len("vermin"))[2] == "vermin"
    assert post.evidence(post.text.index("somalis"), len(post.text))[2] == "somalisarevermin"


@pytest.mark.parametrize(("text", "word", "written"), [
    ("I hatemuslims so much", "muslims", "muslims"),  # a joined form of the repair table
    ("Kill alltrans people", "trans people", "trans people"),
    ("ihatejews, always have", "jews", "jews"),
    ("ihatejews, always have", "i hate jews", "ihatejews"),
    ("those mslims are vile", "muslims", "mslims"),  # a letter put back: the word as written
    ("those muslmis are vile", "muslims", "muslmis"),  # two letters swapped
])
def test_each_word_of_a_repair_points_at_its_own_letters_as_written(text, word, written):
    post = prepared(text)
    start = post.text.index(word)
    assert post.evidence(start, start + len(word))[2] == written


def test_a_slur_cut_in_three_by_spaces_is_read_whole(screener):
    assert prepared("fa gg ots at the rugby club").text == "faggots at the rugby club"
    assert _discrimination(screener, "fa gg ots at the rugby club")


@pytest.mark.parametrize("text", ["Romanians are theives, lock the depot",
                                  "Disabled people are usless at this job"])
def test_a_common_typo_of_a_hostile_word_about_a_group_is_discrimination(screener, text):
    assert _discrimination(screener, text)


def test_a_typo_of_a_hostile_word_alone_names_no_group(screener):
    assert not _discrimination(screener, "The theives took the lead off the church roof again")


@pytest.mark.parametrize(
    "text",
    [
        "The Coonamble twinning letter arrived from Australia",  # "coon" + "amble"
        "Davy Crockett coonskin hats at the history fair",
        "Blackout blinds for the community hall are on order",
        "Polishing the mayor's chain before the parade",
        "Our occupational therapist is in on Wednesdays",
        "Traffic to Scunthorpe is awful this morning",
        "Classic cars and a risk assessment for the carnival",
        "Womenswear rail at the charity shop needs sorting",
        "Gayton Road is closed for resurfacing",
        "Transition plan for the new bin rounds is out",
        "thanks @spicergardens for the hanging baskets",
        "#ShaftesburyGoldHill photos please for the calendar",
        "the lgbtstaff network meets in room 4 at lunchtime",  # not "lgbts taff"
    ],
)
def test_ordinary_words_places_and_user_names_are_not_split_into_slurs(screener, text):
    assert prepared(text).text == normalise(text).text
    assert not _discrimination(screener, text)


@pytest.mark.parametrize(
    "text",
    [
        "the sikhsarehosting langar at the gurdwara on Sunday, all welcome",
        "thanks to the disabledstaff network for the access audit",
        "the womensinstitute cake stall was a hit at the fete",
    ],
)
def test_a_friendly_post_with_identity_words_run_together_is_not_discrimination(screener, text):
    assert not _discrimination(screener, text)


def test_a_user_name_is_left_whole_even_when_it_spells_a_group_word():
    assert prepared("@somalisarebrilliant thanks for the cakes").text == \
        "@somalisarebrilliant thanks for the cakes"


@pytest.mark.parametrize(("token", "parts"), [
    ("stupidwomen", ["stupid", "women"]),
    ("lesbianson", ["lesbians", "on"]),  # as few words, the longest first: not "lesbian son"
    ("cripplesshouldstayhome", ["cripples", "should", "stay", "home"]),
    ("coonamble", None),  # "amble" is no word of the lexicons or the joining words
    ("blackout", None),  # an English word (lexicons/not_glued.txt)
    ("shaftesburytc", None),
])
def test_a_token_is_split_only_into_lexicon_and_joining_words(token, parts):
    assert glued_parts(token) == parts
