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


def evaluate_dev(
    shared_data: Path, own: Path, screener: Screener, composed: Path | None = None
) -> str:
    config = trained_config()
    _, dev = training.split(training.collect(shared_data, own, config, composed), config)
    protected = frozenset(pc.id for pc in screener.policy.protected_characteristics)
    flagged = np.array([flags_hate(r, protected) for r in screener.check_many(e.text for e in dev)])
    truth, _ = training.labels_for(dev)
    lines = [f"Dev split (seed {config.seed}): {len(dev)} posts, 6.4(c) hate vs not"]
    overall = binary_metrics(flagged, truth)
    lines.append(f"  all      {_fmt(overall)}")
    for source in sorted({e.source for e in dev}):
        rows = [i for i, e in enumerate(dev) if e.source == source]
        lines.append(f"  {source:<8} {_fmt(binary_metrics(flagged[rows], truth[rows]))}")
    lines.append("Flagged, by kind (own and composed posts; held-out templates):")
    kinds = sorted({(e.source, e.kind, e.label) for e in dev if e.kind})
    for source, kind, label in kinds:
        rows = [i for i, e in enumerate(dev) if (e.source, e.kind, e.label) == (source, kind, label)]
        lines.append(f"  {source}/{kind} ({label}): {int(flagged[rows].sum())}/{len(rows)}")
    identity = ("neutral_identity", "positive_identity", "self_identified")
    groups = sorted({e.target for e in dev if e.kind in identity and e.target})
    lines.append("Neutral, positive and self-identifying posts flagged, by characteristic:")
    for group in groups:
        rows = [i for i, e in enumerate(dev) if e.kind in identity and e.target == group]
        lines.append(f"  {group}: {int(flagged[rows].sum())}/{len(rows)}")
    return "\n".join(lines)


def trained_config() -> training.TrainingConfig:
    """The configuration the shipped artefact was trained with (its model card), so the split
    rebuilt here is the one training held out."""
    from dataclasses import fields

    from smpolicy.screening.model.artefact import load_artefact

    recorded = load_artefact().card.get("training", {}).get("config", {})
    names = {f.name for f in fields(training.TrainingConfig)}
    return training.TrainingConfig(**{k: v for k, v in recorded.items() if k in names})


def _fmt(m: dict[str, float]) -> str:
    return (
        f"n={m['n']:<5} accuracy {100 * m['accuracy']:.1f}%  precision {100 * m['precision']:.1f}%"
        f"  recall {100 * m['recall']:.1f}%  F1 {100 * m['f1']:.1f}%"
    )
