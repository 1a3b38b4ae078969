"""The artefact around a fine-tuned encoder: target head, stackers and thresholds.

The fine-tuned harm head (``finetune``) is the artefact's harm head. The encoder has seen the
fine-tuning rows, so their margins are overconfident and out-of-fold scores on them would set
thresholds too high; the stackers and their thresholds are therefore fitted on a calibration
split of the training data that fine-tuning never saw (``TrainingConfig.calib_fraction``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from smpolicy.screening.model import datasets, features, training
from smpolicy.screening.model.datasets import Example


def fit_tuned(
    ft: Sequence[Example],
    x_ft: np.ndarray,
    calib: Sequence[Example],
    x_calib: np.ndarray,
    calib_signals: Sequence[features.Signals],
    harm: tuple[np.ndarray, np.ndarray],
    config: training.TrainingConfig,
) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Arrays and head metadata, as ``training.fit`` writes them."""
    weights = np.array([config.weight(e) for e in ft])
    rows = training._target_rows(ft, config)
    target_w, target_b = training._fit_head(
        x_ft[rows],
        [training._target_label(ft[i]) for i in rows],
        weights[rows],
        list(training.TARGETS),
        config,
    )
    margins = features.margins(training._logits(x_calib, *harm), datasets.LABELS)
    targets = training._softmax(training._logits(x_calib, target_w, target_b))
    disc_x, disr_x = training.stack_inputs(margins, targets, calib_signals)
    disc_y, disr_y = training.labels_for(calib)
    criteria = {**training.CRITERIA, "discrimination": config.criterion}
    arrays: dict[str, np.ndarray] = {}
    stackers: dict[str, Any] = {}
    for name, sx, sy, names in (
        ("discrimination", disc_x, disc_y, features.DISCRIMINATION_FEATURES),
        ("disrepute", disr_x, disr_y, features.DISREPUTE_FEATURES),
    ):
        if len(set(sy.tolist())) < 2:  # tiny runs: nothing to learn, never fires
            coef, intercept, threshold = np.zeros(sx.shape[1]), -10.0, 0.5
        else:
            model = training._logreg(config).fit(sx, sy)
            coef, intercept = model.coef_[0], float(model.intercept_[0])
            threshold = training.best_threshold(model.predict_proba(sx)[:, 1], sy, criteria[name])
        arrays[f"{name}_coef"] = coef
        stackers[name] = {
            "features": list(names),
            "coef": [round(float(c), 4) for c in coef],
            "intercept": intercept,
            "threshold": threshold,
            "criterion": f"{criteria[name]} on the calibration split",
            "positives": int(sy.sum()),
        }
    arrays.update(harm_w=harm[0], harm_b=harm[1], target_w=target_w, target_b=target_b)
    head = {
        "harm": {"classes": list(datasets.LABELS)},
        "target": {"classes": list(training.TARGETS)},
        "stackers": stackers,
        "lexicon_features": features.lexicon_available(),
    }
    return arrays, head
