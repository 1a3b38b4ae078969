"""The trained classifier as plain numbers: linear heads over the encoder, and a stacker.

Stored as ``models/classifier/weights.npz`` (arrays only, loaded with ``allow_pickle=False``)
beside ``models/classifier/head.json`` (class names, feature names, thresholds, provenance), so
loading the artefact never runs code from a file. Inference is a few matrix products in numpy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from smpolicy.exceptions import DetectorError

ARTEFACT_DIR = Path(__file__).resolve().parents[4] / "models" / "classifier"
WEIGHTS_FILE = "weights.npz"
HEAD_FILE = "head.json"


@dataclass(frozen=True)
class LinearHead:
    """Multinomial (or binary, two-class) logistic regression: softmax(X @ W.T + b)."""

    classes: tuple[str, ...]
    weights: np.ndarray  # (classes, features)
    bias: np.ndarray  # (classes,)

    def logits(self, features: np.ndarray) -> np.ndarray:
        return features @ self.weights.T + self.bias

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        logits = self.logits(features)
        logits = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class Stacker:
    """Binary logistic regression over named features, with its decision threshold.

    ``threshold`` is the probability chosen on held-out training data; ``score`` maps it onto
    the engine's review threshold so the council's configuration keeps the last word.
    """

    features: tuple[str, ...]
    coef: np.ndarray
    intercept: float
    threshold: float

    def probability(self, matrix: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(matrix @ self.coef + self.intercept)))


def rescale(probability: np.ndarray, threshold: float, review: float) -> np.ndarray:
    """Piecewise-linear: [0, threshold] onto [0, review], [threshold, 1] onto [review, 1]."""
    low = probability / max(threshold, 1e-9) * review
    high = review + (probability - threshold) / max(1.0 - threshold, 1e-9) * (1.0 - review)
    return np.where(probability < threshold, low, high)


@dataclass(frozen=True)
class Artefact:
    harm: LinearHead
    target: LinearHead
    discrimination: Stacker
    disrepute: Stacker
    card: dict[str, Any]


def _stacker(meta: dict[str, Any], arrays: Any, name: str) -> Stacker:
    return Stacker(
        features=tuple(meta["features"]),
        coef=np.asarray(arrays[f"{name}_coef"], dtype=np.float64),
        intercept=float(meta["intercept"]),
        threshold=float(meta["threshold"]),
    )


def load_artefact(directory: Path = ARTEFACT_DIR) -> Artefact:
    """Read the artefact; a missing or damaged file is a DetectorError naming it."""
    try:
        head = json.loads((directory / HEAD_FILE).read_text(encoding="utf-8"))
        with np.load(directory / WEIGHTS_FILE, allow_pickle=False) as arrays:
            loaded = {key: arrays[key] for key in arrays.files}
        return Artefact(
            harm=LinearHead(tuple(head["harm"]["classes"]), loaded["harm_w"], loaded["harm_b"]),
            target=LinearHead(
                tuple(head["target"]["classes"]), loaded["target_w"], loaded["target_b"]
            ),
            discrimination=_stacker(head["stackers"]["discrimination"], loaded, "discrimination"),
            disrepute=_stacker(head["stackers"]["disrepute"], loaded, "disrepute"),
            card=head,
        )
    except (OSError, KeyError, ValueError, TypeError) as error:
        raise DetectorError(
            f"cannot load the classifier artefact in {directory}: {error}"
        ) from None


def save_artefact(directory: Path, arrays: dict[str, np.ndarray], head: dict[str, Any]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        directory / WEIGHTS_FILE, **{k: v.astype(np.float32) for k, v in arrays.items()}
    )
    (directory / HEAD_FILE).write_text(
        json.dumps(head, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
