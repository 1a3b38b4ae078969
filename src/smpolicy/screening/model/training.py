"""Fit the classifier: encoder heads, then stackers over their out-of-fold scores and the lexicon.

Steps, all seeded (``TrainingConfig.seed``) so that a rerun reproduces the artefact:

1. Gather examples (``datasets``), drop duplicates across sets, cap Davidson's large
   "offensive" class, and hold out ``dev_fraction`` of them as the dev split (never fitted on),
   chosen by a hash of each row's text or template so that it is stable (``split``).
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
from smpolicy.screening.spelling import prepared

TARGETS = ("none", *features.PROTECTED, *features.WORKPLACE)


@dataclass(frozen=True, slots=True)
class TrainingConfig:
    seed: int = 20240601
    dev_fraction: float = 0.15
    folds: int = 5
    davidson_abuse_cap: int = 6000  # of 19,190 "offensive" tweets, for balance and speed
    davidson_target_none: int = 1000  # Davidson "neither" tweets used as target "none"
    own_weight: float = 3.0  # the policy's own cases count more than tweets
    composed_weight: float = 2.0  # hand-written stance contrasts (chosen on the dev split)
    toxigen_weight: float = 2.0  # human-written implicit hate and neutral mentions of groups
    davidson_hate: str = "abuse"  # Davidson class 0: "hate", "abuse" or "drop" (label bias)
    c: float = 1.0  # inverse L2 strength for every logistic regression
    criterion: str = "f1"  # how the 6.4(c) threshold is chosen on out-of-fold predictions
    calib_fraction: float = 0.2  # of the training split: never fine-tuned on, sets thresholds
    finetune_davidson: int = 2500  # Davidson tweets the encoder is fine-tuned on (CPU time)

    def weight(self, example: Example) -> float:
        return {
            "own": self.own_weight,
            "composed": self.composed_weight,
            "toxigen": self.toxigen_weight,
        }.get(example.source, 1.0)


def collect(
    shared_data: Path | None,
    own_path: Path,
    config: TrainingConfig,
    composed_path: Path | None = None,
) -> list[Example]:
    """Examples from every allowed set (those present), de-duplicated, Davidson capped."""
    sources: list[Example] = list(datasets.own_examples(own_path))
    if composed_path is not None:
        sources += list(datasets.own_examples(composed_path, source="composed"))
    if shared_data is not None:
        sources += list(datasets.toxigen(shared_data / "toxigen"))
        sources += list(datasets.ethos(shared_data / "ethos"))
        tweets = list(
            datasets.davidson(
                shared_data / "davidson" / "labeled_data.csv", hate_as=config.davidson_hate
            )
        )
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


def held_out(key: str, seed: int, fraction: float) -> bool:
    """Whether ``key`` falls on the held-out side: a hash of seed and key, not a shuffle.

    Why a hash: a shuffled split reshuffles every row when one example is added, so a
    before/after comparison on the dev split compares different rows. Hashed, a row or a
    template keeps its side whatever else is added or removed.
    """
    digest = hashlib.sha256(f"{seed}\x00{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") < fraction * 2**64


def split(
    examples: Sequence[Example], config: TrainingConfig
) -> tuple[list[Example], list[Example]]:
    """Train and dev, each row by a seeded hash (``held_out``) so that the split is stable.

    Loose rows go by their normalised text (``datasets.dedupe_key``). Composed posts go by
    template (``Example.group``): a template's posts differ only in the group named, so
    splitting them row by row would put near-copies on both sides; and a hateful frame's
    abuse twins (the same frame aimed at a group that is not protected) share its key and so
    its side. Adding templates or rows never moves an old one between the sides.
    """
    in_dev = [
        held_out(e.group or datasets.dedupe_key(e.text), config.seed, config.dev_fraction)
        for e in examples
    ]
    train = [e for e, dev in zip(examples, in_dev, strict=True) if not dev]
    dev = [e for e, dev in zip(examples, in_dev, strict=True) if dev]
    return train, dev


def embed_cached(
    texts: Sequence[str], cache_dir: Path | None, model: Any = None, tag: str = ""
) -> np.ndarray:
    """Embeddings of ``texts``, reusing those cached per text, so adding examples is cheap.

    The cache (``<cache_dir>/vectors.npz``) maps the SHA-256 of encoder name and text to the
    vector; only texts not in it are embedded.
    """
    from smpolicy.screening.model.encoder import DIMENSIONS, ENCODER_NAME, embed

    name = f"{ENCODER_NAME}{tag}"  # tag: the adapter's digest when ``model`` is fine-tuned
    keys = [hashlib.sha256(f"{name}\x00{t}".encode()).hexdigest() for t in texts]
    path = cache_dir / "vectors.npz" if cache_dir else None
    known: dict[str, np.ndarray] = {}
    if path and path.exists():
        with np.load(path, allow_pickle=False) as stored:
            known = dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    if missing:
        vectors = embed([t for _, t in missing], model=model)
        known.update(zip([k for k, _ in missing], vectors, strict=True))
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            names = sorted(known)
            np.savez(path, keys=np.array(names), vectors=np.stack([known[k] for k in names]))
    if not keys:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.stack([known[k] for k in keys]).astype(np.float32)


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
    return [i for i, e in enumerate(examples) if e.target or e.source in ("own", "composed") or i in chosen]


def _target_label(example: Example) -> str:
    return example.target or "none"


class Heads:
    """The two encoder heads fitted on some rows."""

    def __init__(self, x: np.ndarray, examples: Sequence[Example], config: TrainingConfig) -> None:
        weights = np.array([config.weight(e) for e in examples])
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

    ``f1`` weighs false alarms against misses at the training mix's prevalence (about 1 in 5
    posts hateful, far more than in a council's traffic, so it still leans towards recall);
    ``balanced_accuracy`` ignores prevalence altogether and flagged many ordinary posts.
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


CRITERIA = {"discrimination": "f1", "disrepute": "f1"}


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
    criteria = {**CRITERIA, "discrimination": config.criterion}
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
            "threshold": best_threshold(probabilities, sy, criteria[name]),
            "criterion": criteria[name],
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
    return features.signals_for([prepared(e.text) for e in examples])


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def data_hashes(
    shared_data: Path | None, own_path: Path, composed_path: Path | None = None
) -> dict[str, str]:
    paths = [own_path]
    if composed_path is not None:
        paths.append(composed_path)
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
