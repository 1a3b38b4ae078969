"""Score the engine on the classifier's own dev split, rebuilt from the training sets.

The split is not stored (ETHOS rows may not go into a file under another licence); it is
rebuilt with the seed recorded in the artefact, so it is exactly the rows training held out.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from smpolicy.evaluation.hatecheck import flags_hate
from smpolicy.screening.engine import Screener
from smpolicy.screening.model import training
from smpolicy.screening.model.metrics import binary_metrics


def evaluate_dev(shared_data: Path, own: Path, screener: Screener) -> str:
    config = training.TrainingConfig()
    _, dev = training.split(training.collect(shared_data, own, config), config)
    protected = frozenset(pc.id for pc in screener.policy.protected_characteristics)
    flagged = np.array([flags_hate(r, protected) for r in screener.check_many(e.text for e in dev)])
    truth, _ = training.labels_for(dev)
    lines = [f"Dev split (seed {config.seed}): {len(dev)} posts, 6.4(c) hate vs not"]
    overall = binary_metrics(flagged, truth)
    lines.append(f"  all      {_fmt(overall)}")
    for source in sorted({e.source for e in dev}):
        rows = [i for i, e in enumerate(dev) if e.source == source]
        lines.append(f"  {source:<8} {_fmt(binary_metrics(flagged[rows], truth[rows]))}")
    return "\n".join(lines)


def _fmt(m: dict[str, float]) -> str:
    return (
        f"n={m['n']:<5} accuracy {100 * m['accuracy']:.1f}%  precision {100 * m['precision']:.1f}%"
        f"  recall {100 * m['recall']:.1f}%  F1 {100 * m['f1']:.1f}%"
    )
