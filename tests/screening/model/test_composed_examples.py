"""The composed training posts: every kind for every characteristic, and an honest dev split."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from smpolicy.screening.model import datasets, features, training

ROOT = Path(__file__).resolve().parents[3]
COMPOSED = ROOT / "data/training/own_composed.jsonl"


@pytest.fixture(scope="module")
def composer():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        spec = importlib.util.spec_from_file_location(
            "compose_own_examples", ROOT / "scripts/compose_own_examples.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(ROOT / "scripts"))


@pytest.fixture(scope="module")
def composed():
    return list(datasets.own_examples(COMPOSED, source="composed"))


def test_the_committed_file_is_what_the_composer_writes(composer):
    written = [json.loads(line) for line in COMPOSED.read_text(encoding="utf-8").splitlines()]
    assert written == composer.all_rows()


def test_every_hateful_kind_names_every_protected_characteristic(composer, composed):
    for kind in composer.own_frames.HATE:
        targets = {e.target for e in composed if e.kind == kind and e.label == "hate"}
        assert targets == set(features.PROTECTED), kind


def test_no_composed_post_keeps_an_unfilled_slot(composed):
    assert not [e.text for e in composed if "{" in e.text or "}" in e.text]


def test_a_frame_aimed_at_a_group_that_is_not_protected_is_abuse(composed):
    twins = [e for e in composed if e.kind == "nonprotected_group"]
    assert len(twins) > 300
    assert {e.label for e in twins} == {"abuse"}
    assert {e.target for e in twins} == {None}


def test_a_frame_and_its_abuse_twins_fall_on_one_side_of_the_split(composed):
    train, dev = training.split(composed, training.TrainingConfig())
    side = defaultdict(set)
    for name, rows in (("train", train), ("dev", dev)):
        for e in rows:
            side[e.group].add(name)
    assert all(len(sides) == 1 for sides in side.values())
    # every hateful kind keeps at least one unseen frame for the dev split, twins included
    held_out = {e.kind for e in dev}
    assert {"threat_direct", "pronoun_hate", "nonprotected_group", "counter_speech"} <= held_out


def test_adding_posts_never_moves_an_old_one_across_the_split(composed):
    """The dev split is hashed per template or text, so before/after runs compare like for like."""
    config = training.TrainingConfig()
    _, dev = training.split(composed, config)
    added = [
        datasets.Example(f"A new negated post number {n}.", "none", "race", "composed",
                         f"composed:negation/new{n}", "negation")
        for n in range(200)
    ] + [datasets.Example(f"A new loose post {n}", "none", None, "own") for n in range(200)]
    _, dev_after = training.split([*added[:100], *composed, *added[100:]], config)
    assert [e for e in dev_after if e in set(composed)] == dev
    assert 0 < len([e for e in dev_after if e in set(added)]) < 100  # about 15% of the new


def test_a_new_frame_changes_no_other_frames_posts(composer, monkeypatch):
    before = composer.all_rows()
    negation = composer.own_frames.NOT_HATE["negation"]
    monkeypatch.setitem(
        composer.own_frames.NOT_HATE, "negation", ["Nobody here minds {G} at all.", *negation]
    )
    after = composer.all_rows()
    new = [r for r in after if r["template"] == composer.frame_key(
        "negation", "Nobody here minds {G} at all.")]
    assert len(new) == composer.PER_FRAME
    assert [r for r in after if r not in new] == before
