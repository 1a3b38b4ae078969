from __future__ import annotations

import json
import re
from pathlib import Path

from smpolicy.screening import normalise
from smpolicy.screening.cues import _patterns, _self_identified, cues_for
from smpolicy.screening.lexicon import compile_template, load_lexicon

DEV = Path(__file__).resolve().parents[2] / "data" / "devset" / "dev.jsonl"


def _dev_texts() -> list[str]:
    lines = DEV.read_text(encoding="utf-8").splitlines()
    return [normalise(json.loads(line)["text"]).text for line in lines if line.strip()]


def test_counter_speech_word_by_word_finds_what_the_whole_alternation_finds():
    whole = compile_template("{cue}", {"cue": load_lexicon("context")["counter_speech"]}).regex
    patterns = _patterns()
    texts = [*_dev_texts(), "that is not ok.", "racist-ish", "a slur", "hate   speech", "not okay!"]
    found = 0
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            by_word = any(p.regex.search(sentence) for p, _ in patterns.counter.open_for(text))
            assert by_word == bool(whole.search(sentence)), sentence
            found += by_word
    assert found > 10


def test_a_quoted_slur_reported_to_a_manager_is_counter_speech():
    text = normalise("Someone wrote 'paki' on the van. That is racist and I have reported it.").text
    start = text.index("paki")
    assert cues_for(text, start, start + 4).counter_speech


def test_a_negated_judgement_is_negated_and_an_unrelated_one_is_not():
    text = normalise("I would never call the manager useless. The parks team are useless.").text
    first = text.index("useless")
    second = text.index("useless", first + 1)
    assert cues_for(text, first, first + 7).negated
    assert not cues_for(text, second, second + 7).negated


def test_the_writer_saying_who_they_are_is_self_identification_in_each_spelling():
    for text in ("i'm a proud lesbian", "im bi and happy", "i am openly gay", "we're queers",
                 "were dykes, all of us", "we are trans"):
        assert _self_identified(text), text
    for text in ("him a gay icon", "they were bitter", "i am busy"):
        assert not _self_identified(text), text


def test_self_identification_is_not_run_on_a_post_without_any_of_its_openings():
    # "i'm", "were" or "as a" and so on: a post with none of them cannot self-identify.
    assert not _patterns().self_identification.may_match("the new policy is a gay old muddle")
    assert _patterns().self_identification.may_match("i'm gay")


def test_the_cues_of_a_hit_still_say_whether_the_writer_self_identifies():
    text = "i'm a proud lesbian. that word again"
    assert cues_for(text, text.index("word"), text.index("word") + 4).self_identified
    other = "that word again"
    assert not cues_for(other, 5, 9).self_identified
