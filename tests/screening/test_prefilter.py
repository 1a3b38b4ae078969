"""The regex prefilter may only ever skip posts a pattern cannot match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from smpolicy.screening.detectors import (
    bullying,
    conduct,
    confidentiality,
    discrimination_lexicon,
    disrepute,
    profile_details,
    threats,
)
from smpolicy.screening.normalise import normalise
from smpolicy.screening.prefilter import (
    GatedAlternation,
    GatedList,
    GatedPattern,
    letter_first,
    required_conjunctions,
    required_literals,
    split_alternatives,
)


@pytest.mark.parametrize(
    ("pattern", "matches"),
    [
        (r"(?:pulled|pulling) (?:a )?sick(?:ie|y)", ["pulled a sickie", "pulling sicky"]),
        (r"\bconfidential\b|off the record", ["strictly confidential", "this is off the record"]),
        (r"foo(?:bar)?baz", ["foobaz", "foobarbaz"]),
    ],
)
def test_every_match_holds_one_of_the_required_literals(pattern, matches):
    literals = required_literals(pattern)
    assert literals
    for text in matches:
        assert re.search(pattern, text)
        assert any(literal in text for literal in literals)


@pytest.mark.parametrize("pattern", [r"a|bc", r"(?:x)?yz", r"\d+", r"[a-z]+"])
def test_patterns_without_a_useful_literal_are_never_gated(pattern):
    assert GatedPattern(pattern).literals is None


def _all_patterns():
    patterns = [t.pattern for _, t in discrimination_lexicon.compiled().templates]
    patterns += [bullying._patterns().direct_insult, bullying._patterns().colleague_insult]
    patterns += [p for p, _ in bullying._patterns().mocking]
    lexicon = disrepute._lexicon()
    patterns += [lexicon.arguing, lexicon.disagreeing, lexicon.entity_roles]
    conf = confidentiality._patterns()
    patterns += [conf.markers, conf.hr, conf.sensitive, conf.date_of_birth]
    patterns += [p for p, _ in threats._patterns()] + [threats._TRIGGERS]
    for build in (conduct.build, profile_details.build):
        patterns += [p.regex for p in build(None).patterns]
    return patterns


def test_gated_patterns_find_exactly_what_the_plain_regex_finds():
    path = Path(__file__).parents[2] / "data" / "devset" / "dev.jsonl"
    texts = [normalise(json.loads(line)["text"]).text for line in path.read_text(encoding="utf-8").splitlines()]
    gated = [p for p in _all_patterns() if p.literals is not None or p.needs]
    assert len(gated) > 10
    for pattern in gated:
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in re.finditer(pattern.regex, text)
            ]


def test_a_gated_list_offers_in_order_exactly_the_patterns_that_may_match():
    items = [
        (GatedPattern(r"pulled a sickie"), "sickie"),
        (GatedPattern(r"\d+"), "digits, never gated"),
        (GatedPattern(r"off the record"), "record"),
        (GatedPattern(r"hungover"), "hungover"),
    ]
    gated = GatedList(items)
    assert [value for _, value in gated.open_for("hungover and off the record")] == [
        "digits, never gated", "record", "hungover"]
    assert [value for _, value in gated.open_for("nothing here")] == ["digits, never gated"]
    for text in ("pulled a sickie at 4", "hungover", "quiet day"):
        offered = {value for _, value in gated.open_for(text)}
        assert {value for pattern, value in items if pattern.regex.search(text)} <= offered


def test_every_gated_list_offers_exactly_the_items_each_dev_post_opens():
    from smpolicy.screening.scan import scan

    path = Path(__file__).parents[2] / "data" / "devset" / "dev.jsonl"
    texts = [normalise(json.loads(line)["text"]).text for line in path.read_text(encoding="utf-8").splitlines()]
    lists = [threats._patterns(), bullying._patterns().mocking, discrimination_lexicon.compiled().templates]
    lists += [build(None)._gated for build in (conduct.build, profile_details.build)]
    for gated in lists:
        for text in texts:
            gates = scan(text).gates
            assert list(gated.open_for(text)) == [item for item in gated if item[0].open_in(gates)]


def test_a_phrase_needs_one_word_from_each_required_part():
    regex = r"(?<![a-z])(?:my|our) (?:manager|supervisor) is (?:a )?(?:clown|joke)"
    assert required_conjunctions(regex) == (
        (frozenset({" manager", " supervisor"}), frozenset({" is "}), frozenset({"clown", "joke"})),
    )  # "my|our" is too short to be worth a test; the space before the choice joins its words
    pattern = GatedPattern(regex)
    assert pattern.may_match("my manager is a clown")
    assert not pattern.may_match("the manager was lovely")
    assert not pattern.may_match("what a joke of a day it is ")


def test_alternatives_keep_each_branch_s_own_conjunction():
    assert required_conjunctions(r"foo(?:bar)?baz|quux") == (
        (frozenset({"foo"}), frozenset({"baz"})), (frozenset({"quux"}),))
    pattern = GatedPattern(r"foo(?:bar)?baz|quux")
    assert pattern.may_match("foo and baz") and pattern.may_match("quux")
    assert not pattern.may_match("foo alone") and not pattern.may_match("baz alone")


def test_case_insensitive_groups_give_no_condition():
    assert required_conjunctions(r"(?i:council)") is None


def test_alternatives_are_cut_only_at_the_top_level():
    assert split_alternatives(r"(?:a|b)c|[|x]y|\|z|(?P<n>q(?:r|s))") == [
        "(?:a|b)c", "[|x]y", "\\|z", "(?P<n>q(?:r|s))"]
    assert split_alternatives(r"[]|]abc|def") == ["[]|]abc", "def"]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?:\bsacked\b)|(?:sacked on the spot)|(?:off the record)", "he was sacked on the spot, off the record"),
        (r"(?:abcd)|(?:bcde)|(?:cdef)", "abcdef bcdef cdefabcd"),  # overlaps: leftmost wins
        (r"(?:first one)|(?:first one and more)", "the first one and more"),  # a tie: first alternative
        (r"(?<![a-z])(?:stupid manager)(?![a-z])|(?:manager is useless)", "xstupid manager is useless"),
        (r"(?:sacked on the spot)|(?:off the record)", "off the record, and off the record again"),  # one part open
    ],
)
def test_a_gated_alternation_finds_what_the_whole_regex_finds(pattern, text):
    alternation = GatedAlternation(pattern)
    assert alternation._parts is not None
    assert [m.span() for m in alternation.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]


def test_an_alternation_whose_parts_cannot_stand_alone_is_run_whole():
    pattern = r"(?P<x>abc)def|ghi(?P=x)"
    alternation = GatedAlternation(pattern)
    assert alternation._parts is None
    assert [m.span() for m in alternation.finditer("abcdef ghiabc")] == [
        m.span() for m in re.finditer(pattern, "abcdef ghiabc")]


def test_the_same_pattern_twice_in_a_gated_list_is_offered_twice():
    twice = GatedPattern(r"off the record")
    gated = GatedList([(twice, 1), (twice, 2)])
    assert [value for _, value in gated.open_for("strictly off the record")] == [1, 2]


@pytest.mark.parametrize(
    ("pattern", "moved"),
    [
        (r"(?<![a-z])(?P<cue>racist)(?![a-z])", r"(?P<cue>r(?<![a-z].)acist)(?![a-z])"),
        (r"(?<![a-z])(?:i (?:coach|run) the)", r"(?:i(?<![a-z].) (?:coach|run) the)"),
        (r"(?<![a-z])see it", r"s(?<![a-z].)ee it"),
        (r"(?<![a-z])(?:racist|sexist)", None),  # a choice of first letters
        (r"(?<![a-z])(?:the )?clerk", None),  # an optional first word
        (r"(?<![a-z])a?b", None),  # an optional first letter
        (r"(?<![a-z])\d+ days", None),  # not a letter
        (r"(?<![a-z])racist|sexist", None),  # the test belongs to one alternative only
        (r"\bracist", None),
    ],
)
def test_a_leading_not_after_a_letter_test_moves_behind_a_sure_first_letter(pattern, moved):
    assert letter_first(pattern) == (moved or pattern)


def test_moving_the_leading_test_changes_no_match():
    texts = ["racist", "aracist", " racist!", "Xracist", "i coach the", "hi coach the", "see it, see it",
             "'see it", "_racist", "\u00e9racist", "\nracist"]
    for pattern in [r"(?<![a-z])(?P<cue>racist)(?![a-z])", r"(?<![a-z])(?:i (?:coach|run) the)",
                    r"(?<![a-z])see it"]:
        plain, moved = re.compile(pattern), re.compile(letter_first(pattern))
        for text in texts:
            assert [(m.span(), m.groupdict()) for m in moved.finditer(text)] == [
                (m.span(), m.groupdict()) for m in plain.finditer(text)], (pattern, text)


def test_a_phrase_of_equally_long_words_is_gated_on_its_last_word():
    assert required_literals(r"the[\s\-]+new[\s\-]+guy") == {"guy"}


def test_the_gate_form_of_the_colleague_insult_finds_what_the_run_form_finds():
    # The gates are read from a form in which "in it", "at the hr" are spelt out: it must
    # describe the same matches as the regex that runs.
    path = Path(__file__).parents[2] / "data" / "devset" / "dev.jsonl"
    texts = [normalise(json.loads(line)["text"]).text for line in path.read_text(encoding="utf-8").splitlines()]
    texts += ["that idiot in it again", "the lad from the hr is a total moron", "moron of a bloke at work"]
    pattern = bullying._patterns().colleague_insult
    spelt_out = re.compile(pattern.source)
    for text in texts:
        assert [m.span() for m in spelt_out.finditer(text)] == [m.span() for m in pattern.regex.finditer(text)]


def test_a_phrase_is_not_gated_on_a_word_nearly_every_post_holds():
    assert required_literals(r"gas[\s\-]+the") == {"gas"}
    assert required_literals(r"ban[\s\-]+all") == {"ban"}


def test_a_choice_whose_common_start_re_factors_out_still_gates_on_whole_words():
    # re's parser reads "wfh|working from home" as "w(?:fh|orking from home)"
    assert frozenset({"wfh", "working from home"}) in required_conjunctions(r"(?:wfh|working from home) at the pub")[0]


def test_a_word_inside_a_longer_word_does_not_open_a_whole_word_gate():
    word = GatedPattern(r"(?<![a-z])(?:rat|cow)(?![a-z])")
    for text in ("rat", "2rat", "_cow_", "(rat)", "rat's", "hey rat"):
        assert word.may_match(text) and word.search(text), text
    for text in ("separate", "rats", "coward", "scow"):
        assert not word.may_match(text) and not word.search(text), text


def test_a_word_edge_gate_does_not_hide_a_match_at_an_end_position():
    word = GatedPattern(r"(?<![a-z])rat(?![a-z])")
    assert word.search("rates", 0, 3) is not None  # the regex sees "rat" end the text there
    assert word.search("rates") is None


def test_a_pattern_run_on_slices_gates_on_plain_substrings():
    sliced = GatedPattern(r"(?<![a-z])rat(?![a-z])", whole_text=False)
    assert sliced.may_match("separate")  # "sepa|rate": a slice may end a word where the text does not


def test_an_at_sign_gates_a_work_email_pattern_however_short():
    email = GatedPattern(r"(?<![a-z])(?:@[a-z0-9.\-]*(?:gov\.uk|council|-tc\.))(?![a-z])")
    assert email.literals == frozenset({"@"})
    assert not email.may_match("the council meets on monday")
    text = "dm @shaftesbury-tc.gov.uk, not jo@council"
    assert [m.group() for m in email.finditer(text)] == ["@shaftesbury-tc.gov.uk"]
    assert [m.span() for m in email.finditer(text)] == [m.span() for m in re.finditer(email.source, text)]
    assert letter_first(r"(?<![a-z])@x") == r"@(?<![a-z].)x"


def test_a_letter_in_a_case_blind_group_is_not_read_as_a_word_edge():
    # "(?i:X)" matches the "x" of "xrat", so "rat" has no sure word edge on its left there
    for pattern in (r"(?i:X)rat(?![a-z])", r"(?<![a-z])(?i:Q)?cow(?![a-z])"):
        gated = GatedPattern(pattern)
        text = "xrat" if "rat" in pattern else "qcow"
        assert re.search(pattern, text) and gated.search(text), pattern
