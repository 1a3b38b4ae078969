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
