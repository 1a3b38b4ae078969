"""Fit the classifier: encoder heads, then stackers over their out-of-fold scores and the lexicon.

Steps, all seeded (``TrainingConfig.seed``) so that a rerun reproduces the artefact:

1. Gather examples (``datasets``), drop duplicates across sets, cap Davidson's large
   "offensive" class, and hold out ``dev_fraction`` of them as the dev split (never fitted on).
2. Embed with the packaged encoder (cached on disk by text hash).
3. Harm head (none/hate/abuse) and target head: multinomial logistic regression.
4. Stackers for 6.4(c) and 6.4(a): logistic regression over out-of-fold head margins and the
   lexicon's signals, so the weight given to each is learned, not chosen by hand. Each decision
   threshold maximises balanced accuracy on those out-of-fold scores: training data only.
5. Report metrics on the dev split and write the artefact and its model card.

scikit-learn is needed here only; inference is numpy (``artefact.py``).
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from smpolicy.screening.model import datasets, features
from smpolicy.screening.model.datasets import Example
from smpolicy.screening.normalise import normalise

TARGETS = ("none", *features.PROTECTED, *features.WORKPLACE)


@dataclass(frozen=True, slots=True)
class TrainingConfig:
    seed: int = 20240601
    dev_fraction: float = 0.15
    folds: int = 5
    davidson_abuse_cap: int = 6000  # of 19,190 "offensive" tweets, for balance and speed
    davidson_target_none: int = 1000  # Davidson "neither" tweets used as target "none"
    own_weight: float = 3.0  # the policy's own cases count more than tweets
    c: float = 1.0  # inverse L2 strength for every logistic regression


def collect(shared_data: Path | None, own_path: Path, config: TrainingConfig) -> list[Example]:
    """Examples from every allowed set (those present), de-duplicated, Davidson capped."""
    sources: list[Example] = list(datasets.own_examples(own_path))
    if shared_data is not None:
        sources += list(datasets.toxigen(shared_data / "toxigen"))
        sources += list(datasets.ethos(shared_data / "ethos"))
        tweets = list(datasets.davidson(shared_data / "davidson" / "labeled_data.csv"))
        rng = random.Random(config.seed)
        abuse = [t for t in tweets if t.label == "abuse"]
        rng.shuffle(abuse)
        sources += [t for t in tweets if t.label != "abuse"] + abuse[: config.davidson_abuse_cap]
    seen: set[str] = set()
    kept = []
    for example in sources:
        key = datasets.dedupe_key(example.text)
        if key and key not in seen:
            seen.add(key)
            kept.append(example)
    return kept


def split(
    examples: Sequence[Example], config: TrainingConfig
) -> tuple[list[Example], list[Example]]:
    """Train and dev, by a seeded shuffle (ToxiGen is already one row per distinct statement)."""
    order = list(range(len(examples)))
    random.Random(config.seed).shuffle(order)
    cut = int(len(order) * config.dev_fraction)
    dev = sorted(order[:cut])
    train = sorted(order[cut:])
    return [examples[i] for i in train], [examples[i] for i in dev]


def embed_cached(texts: Sequence[str], cache_dir: Path | None) -> np.ndarray:
    from smpolicy.screening.model.encoder import ENCODER_NAME, embed

    digest = hashlib.sha256("\x00".join([ENCODER_NAME, *texts]).encode()).hexdigest()[:20]
    path = cache_dir / f"{digest}.npy" if cache_dir else None
    if path and path.exists():
        return np.load(path, allow_pickle=False)
    vectors = embed(texts)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors, allow_pickle=False)
    return vectors


def _logreg(config: TrainingConfig) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=config.c, max_iter=2000, class_weight="balanced")


def _fit_head(
    x: np.ndarray, y: Sequence[str], w: np.ndarray, classes: Sequence[str], config: TrainingConfig
) -> tuple[np.ndarray, np.ndarray]:
    """(weights, bias) for ``classes`` in that order; a class absent from ``y`` never wins."""
    model = _logreg(config).fit(x, list(y), sample_weight=w)
    coef, intercept = model.coef_, model.intercept_
    if len(model.classes_) == 2:  # sklearn keeps one row: softmax([0, z]) is sigmoid(z)
        coef = np.vstack([np.zeros_like(coef[0]), coef[0]])
        intercept = np.array([0.0, intercept[0]])
    weights = np.zeros((len(classes), x.shape[1]))
    bias = np.full(len(classes), -30.0)
    for row, name in enumerate(model.classes_):
        weights[list(classes).index(name)] = coef[row]
        bias[list(classes).index(name)] = intercept[row]
    return weights, bias


def _logits(x: np.ndarray, weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    return x @ weights.T + bias


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def _target_rows(examples: Sequence[Example], config: TrainingConfig) -> list[int]:
    """Rows the target head learns from: a known target, or known to have none."""
    rng = random.Random(config.seed + 1)
    plain = [i for i, e in enumerate(examples) if e.source == "davidson" and e.label == "none"]
    rng.shuffle(plain)
    chosen = set(plain[: config.davidson_target_none])
    return [i for i, e in enumerate(examples) if e.target or (e.source == "own") or i in chosen]


def _target_label(example: Example) -> str:
    return example.target or "none"


class Heads:
    """The two encoder heads fitted on some rows."""

    def __init__(self, x: np.ndarray, examples: Sequence[Example], config: TrainingConfig) -> None:
        weights = np.array([config.own_weight if e.source == "own" else 1.0 for e in examples])
        self.harm = _fit_head(
            x, [e.label for e in examples], weights, list(datasets.LABELS), config
        )
        rows = _target_rows(examples, config)
        self.target = _fit_head(
            x[rows],
            [_target_label(examples[i]) for i in rows],
            weights[rows],
            list(TARGETS),
            config,
        )

    def outputs(self, x: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
        harm = _logits(x, *self.harm)
        return features.margins(harm, datasets.LABELS), _softmax(_logits(x, *self.target))


def stack_inputs(
    margins: dict[str, np.ndarray], target_probs: np.ndarray, signals: Sequence[features.Signals]
) -> tuple[np.ndarray, np.ndarray]:
    return (
        features.discrimination_matrix(margins["hate"], target_probs, TARGETS, signals),
        features.disrepute_matrix(
            margins["abuse"], margins["hate"], target_probs, TARGETS, signals
        ),
    )


def labels_for(examples: Sequence[Example]) -> tuple[np.ndarray, np.ndarray]:
    discrimination = np.array([e.label == "hate" for e in examples], dtype=int)
    disrepute = np.array(
        [e.label == "abuse" and e.target in features.WORKPLACE for e in examples], dtype=int
    )
    return discrimination, disrepute


def best_threshold(probabilities: np.ndarray, truth: np.ndarray, criterion: str) -> float:
    """The probability cut that maximises ``criterion`` on these (out-of-fold) predictions.

    ``balanced_accuracy`` ignores prevalence, which in our training mix is an artefact of
    sampling (6.4(c)); ``f1`` suits a class we have only a few dozen examples of (6.4(a)).
    """
    positives = truth == 1
    best, best_score = 0.5, -1.0
    for cut in np.linspace(0.05, 0.95, 91):
        predicted = probabilities >= cut
        tp = (predicted & positives).sum()
        if criterion == "f1":
            score = 2 * tp / max(predicted.sum() + positives.sum(), 1)
        else:
            tnr = (~predicted & ~positives).sum() / max((~positives).sum(), 1)
            score = (tp / max(positives.sum(), 1) + tnr) / 2
        if score > best_score:
            best, best_score = float(cut), score
    return round(best, 2)


CRITERIA = {"discrimination": "balanced_accuracy", "disrepute": "f1"}


def fit(
    examples: Sequence[Example],
    x: np.ndarray,
    signals: Sequence[features.Signals],
    config: TrainingConfig,
) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Arrays and head metadata of a fitted artefact."""
    from sklearn.model_selection import StratifiedKFold

    harm_labels = [e.label for e in examples]
    oof_margins = {name: np.zeros(len(examples)) for name in ("hate", "abuse")}
    oof_targets = np.zeros((len(examples), len(TARGETS)))
    folds = StratifiedKFold(n_splits=config.folds, shuffle=True, random_state=config.seed)
    for fit_rows, held_rows in folds.split(x, harm_labels):
        heads = Heads(x[fit_rows], [examples[i] for i in fit_rows], config)
        margins, targets = heads.outputs(x[held_rows])
        for name in oof_margins:
            oof_margins[name][held_rows] = margins[name]
        oof_targets[held_rows] = targets
    disc_x, disr_x = stack_inputs(oof_margins, oof_targets, signals)
    disc_y, disr_y = labels_for(examples)
    arrays: dict[str, np.ndarray] = {}
    stackers: dict[str, Any] = {}
    for name, sx, sy, names in (
        ("discrimination", disc_x, disc_y, features.DISCRIMINATION_FEATURES),
        ("disrepute", disr_x, disr_y, features.DISREPUTE_FEATURES),
    ):
        model = _logreg(config).fit(sx, sy)
        probabilities = model.predict_proba(sx)[:, 1]
        arrays[f"{name}_coef"] = model.coef_[0]
        stackers[name] = {
            "features": list(names),
            "coef": [round(float(c), 4) for c in model.coef_[0]],
            "intercept": float(model.intercept_[0]),
            "threshold": best_threshold(probabilities, sy, CRITERIA[name]),
            "criterion": CRITERIA[name],
            "positives": int(sy.sum()),
        }
    heads = Heads(x, examples, config)
    arrays.update(
        harm_w=heads.harm[0],
        harm_b=heads.harm[1],
        target_w=heads.target[0],
        target_b=heads.target[1],
    )
    head = {
        "harm": {"classes": list(datasets.LABELS)},
        "target": {"classes": list(TARGETS)},
        "stackers": stackers,
        "lexicon_features": features.lexicon_available(),
    }
    return arrays, head


def signals_of(examples: Sequence[Example]) -> list[features.Signals]:
    return features.signals_for([normalise(e.text) for e in examples])


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def data_hashes(shared_data: Path | None, own_path: Path) -> dict[str, str]:
    paths = [own_path]
    if shared_data is not None:
        paths += [
            shared_data / "davidson" / "labeled_data.csv",
            shared_data / "ethos" / "Ethos_Dataset_Binary.csv",
            shared_data / "ethos" / "Ethos_Dataset_Multi_Label.csv",
        ]
        paths += sorted((shared_data / "toxigen").glob("prompts/*.gz"))
        paths += sorted((shared_data / "toxigen").glob("demonstrations/*/*.txt"))
    hashes = {
        str(
            p.relative_to(shared_data) if shared_data and p.is_relative_to(shared_data) else p.name
        ): file_sha256(p)
        for p in paths
    }
    return hashes


def describe(
    config: TrainingConfig, train: Sequence[Example], dev: Sequence[Example], hashes: dict[str, str]
) -> dict[str, Any]:
    count = Counter((e.source, e.label) for e in train)
    return {
        "date": date.today().isoformat(),
        "config": asdict(config),
        "train_counts": {f"{s}/{label}": n for (s, label), n in sorted(count.items())},
        "train_size": len(train),
        "dev_size": len(dev),
        "data_sha256": hashes,
    }
