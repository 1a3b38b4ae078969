"""How the model's score and the lexicon's are joined (no encoder needed)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from smpolicy.screening.model import datasets, features

ROOT = Path(__file__).resolve().parents[3]
REVIEW = 0.45


def test_the_model_alone_can_flag_implicit_hate_the_lexicon_misses():
    assert features.combine(lexicon=0.0, model=0.6, gate=1.0) >= REVIEW


def test_two_weak_signals_together_reach_review():
    assert features.combine(lexicon=0.3, model=0.3, gate=1.0) >= REVIEW
    assert features.combine(lexicon=0.3, model=0.0, gate=1.0) < REVIEW


def test_the_combined_score_never_drops_below_the_lexicon():
    for lexicon in (0.0, 0.2, 0.5, 0.9):
        assert features.combine(lexicon, 0.0, 1.0) == pytest.approx(lexicon)
        assert features.combine(lexicon, 0.7, 0.3) >= lexicon


def test_quoting_a_slur_to_condemn_it_lowers_the_models_part():
    quoted = features.Signals(slur=0.27, counter_speech=True)
    gate = features.cue_gate(quoted)
    assert gate == 0.0
    # a confident model cannot turn condemned words into a finding on its own
    assert features.combine(features.lexicon_score(quoted), 0.99, gate) < REVIEW


def test_negation_and_reclaiming_leave_the_decision_to_the_lexicon():
    assert features.cue_gate(features.Signals(negated=True)) == 0.0
    assert features.cue_gate(features.Signals(self_identified=True)) == 0.0
    assert features.cue_gate(features.NO_SIGNALS) == 1.0


def test_a_reclaimed_word_leaves_the_model_out_only_for_its_own_characteristic():
    """"As a queer woman I can tell you <group> are ...": the self-description is reclaimed, but
    the model's reading of what the post says about another group still counts."""
    queer = ("sexual_orientation", (5, 10))
    woman = ("sex", (11, 16))  # "a queer woman": the writer, beside the reclaimed word
    alone = features.Signals(self_identified=True, targets=("sexual_orientation",),
                             reclaimed=(queer,), mentions=(queer, woman), read=True)
    assert features.cue_gate(alone) == 0.0
    others = features.Signals(self_identified=True, targets=("sexual_orientation",),
                              reclaimed=(queer,),
                              mentions=(queer, woman, ("religion_or_belief", (40, 47))), read=True)
    assert features.cue_gate(others) == 1.0


def test_identity_words_joined_to_a_reclaimed_word_describe_the_writer():
    """"As a black queer disabled woman ...": one description of the writer, however long."""
    black, queer = ("race", (5, 10)), ("sexual_orientation", (11, 16))
    disabled, woman = ("disability", (17, 25)), ("sex", (26, 31))
    signals = features.Signals(self_identified=True, targets=("sexual_orientation",),
                               reclaimed=(queer,), mentions=(black, queer, disabled, woman),
                               read=True)
    assert features.cue_gate(signals) == 0.0


def _hatecheck_rows() -> list[dict[str, str]]:
    found = [
        folder / "shared/data/hatecheck/test_suite_cases.csv"
        for folder in ROOT.parents
        if (folder / "shared/data/hatecheck/test_suite_cases.csv").exists()
    ]
    if not found:
        pytest.skip("HateCheck is not on this machine")
    with found[0].open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_no_training_post_is_a_hatecheck_case():
    """HateCheck is evaluation only: none of our own posts may repeat one of its cases."""
    cases = {datasets.dedupe_key(row["test_case"]) for row in _hatecheck_rows()}
    own = [
        *datasets.own_examples(ROOT / "data/training/own_examples.jsonl"),
        *datasets.own_examples(ROOT / "data/training/own_composed.jsonl", source="composed"),
    ]
    assert len(own) > 2000
    assert not [e.text for e in own if datasets.dedupe_key(e.text) in cases]


def _template_key(text: str) -> str:
    """A sentence frame, its slots ("[IDENTITY_P]", "{G}") all alike, letters and spaces only."""
    text = re.sub(r"\[[a-z_]+\]|\{[a-z_0-9]+\}", " slot ", text.lower())
    return " ".join(re.sub(r"[^a-z]+", " ", text).split())


def test_no_hand_written_frame_is_a_hatecheck_template():
    """Nor may our sentence frames copy one of its templates, slots aside."""
    templates = {_template_key(row["case_templ"]) for row in _hatecheck_rows()}
    frames = []
    for script in ("own_frames.py", "compose_own_examples.py"):
        source = (ROOT / "scripts" / script).read_text(encoding="utf-8")
        frames += re.findall(r'"((?:[^"\\]|\\.)*\{[A-Za-z_0-9]+\}(?:[^"\\]|\\.)*)"', source)
    assert len(frames) > 500
    assert not [frame for frame in frames if _template_key(frame) in templates]
