"""Plain binary classification metrics, shared by training and evaluation."""

from __future__ import annotations

from typing import Any

import numpy as np


def binary_metrics(predicted: np.ndarray, truth: np.ndarray) -> dict[str, Any]:
    predicted = np.asarray(predicted, dtype=bool)
    truth = np.asarray(truth, dtype=bool)
    tp = int((predicted & truth).sum())
    fp = int((predicted & ~truth).sum())
    fn = int((~predicted & truth).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": len(truth),
        "positives": int(truth.sum()),
        "accuracy": round(float((predicted == truth).mean()) if len(truth) else 0.0, 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }
