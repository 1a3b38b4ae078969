"""Measuring the screener against labelled posts. Pure Python: no click, no web framework."""

from __future__ import annotations

from smpolicy.evaluation.devset import (
    BatchScreener,
    CategoryScore,
    Evaluation,
    LabelledPost,
    PostOutcome,
    evaluate,
    load_labelled,
    score,
)

__all__ = [
    "BatchScreener",
    "CategoryScore",
    "Evaluation",
    "LabelledPost",
    "PostOutcome",
    "evaluate",
    "load_labelled",
    "score",
]
