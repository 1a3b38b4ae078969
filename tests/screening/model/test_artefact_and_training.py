"""The shipped artefact loads offline, and the training script runs end to end."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import numpy as np
import pytest

from smpolicy.exceptions import DetectorError, InputError
from smpolicy.screening.model import datasets
from smpolicy.screening.model.artefact import ARTEFACT_DIR, load_artefact

ROOT = Path(__file__).resolve().parents[3]


def test_the_shipped_artefact_loads_without_a_network(screener):
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    artefact = load_artefact()
    assert artefact.harm.weights.shape == (3, 384)
    assert 0 < artefact.discrimination.threshold < 1
    assert "classifier" in screener.registry.names()
    assert "discrimination" not in screener.registry.names()  # superseded, never doubled


def test_the_engine_encoder_carries_the_fine_tuned_adapter(screener):
    from smpolicy.screening.model.encoder import base_encoder, embed

    text = ["Nobody on the estate thinks deaf people are a burden."]
    tuned, base = embed(text), embed(text, model=base_encoder())
    assert tuned.shape == base.shape == (1, 384)
    assert float((tuned @ base.T)[0, 0]) < 0.9999  # the merge moved the weights


def test_a_damaged_artefact_is_a_clear_error(tmp_path):
    (tmp_path / "head.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DetectorError, match="cannot load the classifier artefact"):
        load_artefact(tmp_path)


def test_a_bad_own_example_names_its_line(tmp_path):
    path = tmp_path / "own.jsonl"
    path.write_text('{"text": "fine", "label": "none"}\n{"text": "x", "label": "nasty"}\n')
    with pytest.raises(InputError, match=r"own\.jsonl:2"):
        list(datasets.own_examples(path))


TINY = [
    ("Disabled residents are a drain and should be kept out of sight", "hate", "disability"),
    ("Muslims are all liars and thieves", "hate", "religion_or_belief"),
    ("Trans people are freaks", "hate", "gender_reassignment"),
    ("Women are too stupid to run anything", "hate", "sex"),
    ("Black families ruin every street they move into", "hate", "race"),
    ("Gay men are perverts", "hate", "sexual_orientation"),
    ("My manager is a brainless clown", "abuse", "manager"),
    ("The residents on Park Lane are moaning idiots", "abuse", "customer"),
    ("My colleague is a lazy slob", "abuse", "colleague"),
    ("Councillors are all crooks", "abuse", "council"),
    ("The library opens at nine on Saturdays", "none", None),
    ("Thanks to the parks team for the flowers", "none", "colleague"),
    ("As a deaf woman I love the new captions", "none", "disability"),
    ("Happy Eid to all our Muslim neighbours", "none", "religion_or_belief"),
    ("The budget meeting is on Thursday", "none", "council"),
    ("Great weather for the carnival", "none", None),
]


@pytest.mark.slow
def test_training_on_a_handful_of_examples_writes_a_loadable_artefact(screener, tmp_path):
    own = tmp_path / "own.jsonl"
    own.write_text(
        "".join(
            json.dumps({"text": t, "label": label, "target": target}) + "\n"
            for t, label, target in TINY * 2
        ),
        encoding="utf-8",
    )
    spec = importlib.util.spec_from_file_location("train", ROOT / "scripts/train_classifier.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    out = tmp_path / "model"
    assert (
        train.main(
            [
                "--no-shared-data",
                "--no-composed",
                "--own",
                str(own),
                "--out",
                str(out),
                "--cache",
                str(tmp_path / "cache"),
                "--folds",
                "2",
            ]
        )
        == 0
    )
    artefact = load_artefact(out)
    assert artefact.target.weights.shape[1] == 384
    assert (out / "MODEL_CARD.md").read_text(encoding="utf-8").startswith("# Model card")
    assert np.isfinite(artefact.discrimination.coef).all()
    assert out != ARTEFACT_DIR
    from smpolicy.screening.model import adapter

    factors = adapter.load(out / adapter.ADAPTER_FILE)  # the fine-tuned part was written too
    assert factors["a0"].dtype == np.float16
    assert json.loads((out / "head.json").read_text())["encoder_adapter"]["sha256"]
