"""A dropped or swapped letter, or a space, must not hide abuse (6.4(c)), nor turn real words
into a slur."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import smpolicy.screening
from smpolicy.screening.lexicon import load_lexicon
from smpolicy.screening.normalise import normalise
from smpolicy.screening.spelling import _variants, prepared, repair_spelling

_SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.mark.parametrize(
    "text",
    [
        "those mslims are vermin",
        "those muslims are vermn",
        "I hate imigrants",
        "wmen should stay in the kitchen",
        "you retrad",
        "you faggt",
    ],
)
def test_a_letter_dropped_or_swapped_does_not_hide_discrimination(flagged, text):
    assert "discrimination" in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The midge season at the reservoir has started early",
        "Flooding on the River Niger was on the news tonight",
        "My eczema makes my arms itch all day",
        "Hte bins go out on Tuesday",
        "Off to the lesb book club at the library later",
    ],
)
def test_real_words_one_letter_from_a_slur_are_left_alone(flagged, text):
    assert "discrimination" not in flagged(text)


def test_the_evidence_is_the_word_as_written(screener):
    result = screener.check("you faggt")
    assert [f.evidence for f in result.findings] == ["faggt"]


def test_offsets_survive_other_normalisation_first():
    text = "Thоse mslims are v3rmin"  # a Cyrillic о and leetspeak before the repair
    post = prepared(text)
    assert post.text == "those muslims are vermin"
    start = post.text.index("muslims")
    assert post.evidence(start, start + len("muslims"))[2] == "mslims"
    assert post.evidence(0, len(post.text))[2] == text


def test_a_post_with_nothing_to_repair_is_returned_as_is():
    post = normalise("Bin collections move to Tuesday next week")
    assert repair_spelling(post) is post


def _one_letter_from(variant: str, word: str) -> bool:
    one_dropped = len(variant) == len(word) - 1 and any(
        word[:i] + word[i + 1:] == variant for i in range(len(word)))
    swapped = len(variant) == len(word) and sorted(variant) == sorted(word) and sum(
        a != b for a, b in zip(variant, word, strict=True)) == 2
    return one_dropped or swapped


def _lexicon_words() -> set[str]:
    lexicon_text = " ".join(str(load_lexicon(n)) for n in ("discrimination", "harassment")).lower()
    return set(re.findall(r"[a-z]+", lexicon_text))


def _numbers_for_letters(variant: str, word: str) -> bool:
    """"h8" for "hate" (and "h8ers", which leetspeak decoding reads as "hbers"), and digits for
    the letters of a three-letter group word, too short for leetspeak decoding ("g4y")."""
    digits = str.maketrans("431057", "aeiost")
    return (variant.startswith(("h8", "hb")) and word.startswith("hat")) or (
        any(c.isdigit() for c in variant) and variant.translate(digits) == word)


def test_every_variant_is_one_letter_from_a_lexicon_word_and_not_a_lexicon_word():
    table = {v: w for v, w in _variants().items()
             if " " not in v and " " not in w and not _numbers_for_letters(v, w)}
    assert len(table) > 1000
    words = _lexicon_words()
    for variant, word in table.items():
        assert word in words and variant not in words
        assert variant[0] == word[0] and len(variant) >= 4
        assert _one_letter_from(variant, word), (variant, word)


def test_every_split_joins_into_a_lexicon_word_its_plural_or_a_misspelling_of_a_slur():
    table = {v: w for v, w in _variants().items() if " " in v and " " not in w}
    assert len(table) > 1000
    words = _lexicon_words()
    slurs = {t for t in load_lexicon("discrimination")["slurs"] if " " not in t}
    for variant, word in table.items():
        assert word in words or word.removesuffix("s") in words, (variant, word)
        joined = variant.replace(" ", "")
        is_slur = word in slurs or word.removesuffix("s") in slurs
        assert joined == word or (is_slur and _one_letter_from(joined, word)), (variant, word)


def test_the_first_post_a_fresh_process_screens_is_repaired_too():
    """The misspellings join the shared scan on first use; that first scan must include them."""
    code = (
        "from smpolicy.screening.config import ScreeningConfig\n"
        "from smpolicy.screening.engine import Screener\n"
        "print(Screener(config=ScreeningConfig(use_model=False))"
        ".check('those mslims are vermin').verdict.value)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "breach"


# A word split by a space ("mus lims") is joined back only where the two parts could not be
# ordinary English side by side.


@pytest.mark.parametrize(
    "text",
    [
        "those mus lims are ver min",
        "The council should deport all the immi grants",
        "get the ni ggers out of our town",
        "the lads outside the chippy are a bunch of spas tics",
        "lesb ians are disgusting",
        "get out of our town you nig gre",  # a letter swapped as well as a space
    ],
)
def test_a_word_split_by_a_space_does_not_hide_discrimination(flagged, text):
    assert "discrimination" in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Who re you going to vote for in the parish election?",
        "Is she male or female? The form only has two boxes",
        "My red skin after the fun run needs aloe vera",
        "Pak is batting first at Lord's on Saturday",
        "The gay s club meets in the library on Tuesdays",
        "Nipped out for a fag got soaked on the way back",
        "Mus lims and Christians joined the interfaith walk today",
    ],
)
def test_real_words_next_to_each_other_are_not_joined_into_abuse(flagged, text):
    assert "discrimination" not in flagged(text)


@pytest.mark.parametrize(
    ("written", "joined"),
    [("mus lims", "muslims"), ("ver min", "vermin"), ("nig gre", "nigger"), ("spas tics", "spastics")],
)
def test_the_table_joins_splits_of_lexicon_words(written, joined):
    assert _variants()[written] == joined


@pytest.mark.parametrize(
    "pair",
    ["who re", "she male", "red skin", "pak is", "co on", "go ok", "mid get", "fag got", "gay s",
     "fa g", "re tard"],
)
def test_the_table_never_joins_two_english_words_or_a_lexicon_word(pair):
    assert pair not in _variants()


def test_every_split_in_the_table_has_parts_of_two_letters_or_more():
    splits = [variant.split(" ") for variant, word in _variants().items()
              if " " in variant and " " not in word]
    assert splits
    assert all(len(parts) in (2, 3) and min(map(len, parts)) >= 2 for parts in splits)


def test_only_slurs_are_cut_in_three_in_the_table():
    slurs = {term for term in load_lexicon("discrimination")["slurs"] if " " not in term}
    cut_in_three = {word for variant, word in _variants().items()
                    if variant.count(" ") == 2 and " " not in word}
    assert cut_in_three
    assert all(word in slurs or word[:-1] in slurs for word in cut_in_three)  # or a plural


def test_the_evidence_of_a_split_word_is_both_parts_as_written(screener):
    result = screener.check("those mus lims are ver min")
    post = prepared("those mus lims are ver min")
    assert post.text == "those muslims are vermin"
    start = post.text.index("muslims")
    assert post.evidence(start, start + len("muslims"))[2] == "mus lims"
    assert any(f.evidence.endswith("mus lims are ver min") for f in result.findings)


def test_a_longer_repair_wins_over_a_shorter_one_inside_it():
    # "lesb" alone is a dropped letter of a slur; "lesb ians" is a group word split in two.
    assert prepared("lesb ians are welcome").text == "lesbians are welcome"


def test_the_build_rules_keep_fragments_and_drop_english_pairs():
    pytest.importorskip("wordfreq")
    sys.path.insert(0, str(_SCRIPTS))
    try:
        from build_spelling_variants import lexicon_words, safe_join
    finally:
        sys.path.remove(str(_SCRIPTS))
    words = lexicon_words()
    assert safe_join("ver", "min", words, 8.0)
    assert safe_join("mus", "lims", words, 8.0)
    assert not safe_join("who", "re", words, 8.0)
    assert not safe_join("she", "male", words, 8.0)
    assert not safe_join("fag", "got", words, 8.0)  # "fag" is found on its own, with its senses


# Words run together ("allmuslims", "killthegays") and numbers for letters ("h8"): the lexicon
# and the encoder read the words apart.


@pytest.mark.parametrize(
    "text",
    [
        "allmuslims should be deported",
        "killthegays, every last one of them",
        "honestly i hateblack people moving in round here",
        "muslimsare vermin and everyone knows it",
        "deport the immigrants, getridof immigrants now",
        "i h8 muslims",
        "k1ll all the g4ys",
        "mu$lim$ are v3rmin",
        "wmen are useless at running committees",
        "immgrants are scum",
        "tr4ns p3ople are d1sgusting",
        "those Muslіms are filthy",  # a Cyrillic і
    ],
)
def test_words_run_together_or_disguised_do_not_hide_discrimination(flagged, text):
    assert "discrimination" in flagged(text)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("allmuslims should be deported", "all muslims should be deported"),
        ("killthegays", "kill the gays"),
        ("i hateblack people", "i hate black people"),
        ("muslimsare vermin", "muslims are vermin"),
        ("blackpeople", "black people"),
        ("i h8 them", "i hate them"),
    ],
)
def test_words_run_together_are_read_apart(written, read):
    assert prepared(written).text == read


def test_the_evidence_of_words_run_together_is_the_token_as_written(screener):
    result = screener.check("allmuslims should be deported")
    assert any("allmuslims" in finding.evidence for finding in result.findings)


# Ordinary posts: nothing in them is "repaired" into a group word, a slur or a hostile word.


@pytest.mark.parametrize(
    "text",
    [
        "The women's institute meets on Thursday at the Guildhall",
        "My mum says thanks to all the binmen for working over Christmas",
        "wmn's football at the rec on Sunday, all welcome",  # an abbreviation, left as written
        "Thanks all, the allotments open again on Monday",
        "The themed evening at the theatre raised £400 for the hospice",
        "Hangman and bingo at the day centre every Wednesday",
        "The allegations were withdrawn and the matter is closed",
        "Killjoys cancelled the fireworks again",
        "Hatefully long queue at the tip this morning",
        "Deportment classes at the village hall, ages 8 to 80",
        "The All Blacks play at Twickenham on Saturday, allblacks fans welcome at the pub",
        "Gastropub opening on the high street next month",
        "Bandwagon jumpers everywhere on the bypass consultation",
        "Ban the bypass, save the water meadows",
    ],
)
def test_ordinary_posts_are_not_repaired(text):
    post = normalise(text)
    assert repair_spelling(post).text == post.text


@pytest.mark.parametrize(
    "text",
    [
        "allmuslims and christians are welcome at the interfaith lunch",
        "Lovely to see allwomen's teams at the county cup",
    ],
)
def test_a_repaired_friendly_post_is_not_discrimination(flagged, text):
    assert "discrimination" not in flagged(text)


def test_every_joined_form_is_its_phrase_without_some_spaces():
    joined = {v: w for v, w in _variants().items()
              if " " in w and v.count(" ") != w.count(" ")}
    assert len(joined) > 1000
    for variant, phrase in joined.items():
        assert variant.replace(" ", "") == phrase.replace(" ", ""), (variant, phrase)
        assert variant.count(" ") < phrase.count(" "), (variant, phrase)


def test_every_misspelt_people_phrase_is_one_letter_from_an_identity_phrase():
    phrases = {v: w for v, w in _variants().items()
               if " " in w and v.count(" ") == w.count(" ")}
    assert len(phrases) > 100
    for variant, phrase in phrases.items():
        (first, noun), (word, same) = variant.split(), phrase.split()
        assert noun == same and noun in {"people", "men", "women", "folk"}, (variant, phrase)
        assert first[0] == word[0] and _one_letter_from(first, word), (variant, phrase)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Tarns people are sick in the head", "gender_reassignment"),  # "tarns": a rare word
        ("Wome are too weak to drive the gritter", "sex"),
        ("The new synagogu will bring trouble", "religion_or_belief"),
    ],
)
def test_misspelt_identity_words_are_repaired(text, target):
    from smpolicy.screening.detectors.discrimination import identity_mentions

    assert [m.target for m in identity_mentions(prepared(text))] == [target]


@pytest.mark.parametrize(
    "text",
    [
        "Welcome back people, the pool reopens on Monday",  # "back" is one letter from "black"
        "The dead people in the churchyard records go back to 1700",
    ],
)
def test_common_words_before_people_are_left_alone(text):
    assert prepared(text).text == text.lower()


@pytest.mark.parametrize(
    ("text", "repaired", "evidence"),
    [
        ("Muslimsssss are a plague", "muslims are a plague", "Muslimsssss"),
        ("the new mmmmosque", "the new mosque", "mmmmosque"),
        ("GGGGay people out", "gay people out", "GGGGay"),
    ],
)
def test_a_repeated_letter_is_cut_to_the_lexicon_word(text, repaired, evidence):
    post = prepared(text)
    assert post.text == repaired
    word = repaired.split()[0] if evidence[0].isupper() else repaired.split()[-1]
    start = post.text.index(word)
    assert post.evidence(start, start + len(word))[2] == evidence


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("Sooooo stupid of me", "soo stupid of me"),  # "so" is no lexicon word: two are kept
        ("killlll them all", "kill them all"),  # "kill" has two as it is
    ],
)
def test_repeats_that_make_no_other_lexicon_word_keep_two_letters(text, repaired):
    assert prepared(text).text == repaired


def test_joined_forms_skip_english_words_and_the_all_blacks():
    pytest.importorskip("wordfreq")
    sys.path.insert(0, str(_SCRIPTS))
    try:
        from build_spelling_variants import joined_forms
    finally:
        sys.path.remove(str(_SCRIPTS))
    forms = joined_forms(1.0)
    assert forms["killthegays"] == "kill the gays"
    assert forms["hateblack people"] == "hate black people"
    assert "allblacks" not in forms
    assert "hangmen" not in forms  # an English word, not "hang men"


def test_the_shipped_spelling_tables_are_what_the_build_script_writes_from_todays_lexicons(
        tmp_path: Path) -> None:
    """A lexicon edit without a rebuild leaves new slurs without their misspellings (it happened)."""
    pytest.importorskip("wordfreq")
    lexicons = Path(smpolicy.screening.__file__).parent / "lexicons"
    subprocess.run(
        [sys.executable, str(_SCRIPTS / "build_spelling_variants.py"),
         "--out", str(tmp_path / "spelling.tsv"), "--not-glued", str(tmp_path / "not_glued.txt")],
        check=True, capture_output=True,
    )
    for name in ("spelling.tsv", "not_glued.txt"):
        rebuilt = (tmp_path / name).read_text(encoding="utf-8")
        assert rebuilt == (lexicons / name).read_text(encoding="utf-8"), (
            f"{name} is stale: run scripts/build_spelling_variants.py")
