"""Score one or more trained artefacts on the same held-out dev split, side by side.

Why: a retrain is only worth committing if it is better on held-out data, and that comparison
must be like for like. The dev split is hashed per text or template (``training.split``), so
the current data's dev split is held out from any artefact trained with the same seed and
fraction on an older or newer version of the data: rows are added, never moved between sides.

    .venv/bin/python scripts/compare_dev_split.py /tmp/before models/classifier

Prints, per artefact, JSON with the model alone at its threshold and as the engine decides
(noisy-OR with the lexicon): F1 overall and by source, flag rates by kind, and flag rates of
neutral and positive identity posts by protected characteristic with their spread.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_classifier  # beside this script

ROOT = train_classifier.ROOT
IDENTITY = ("neutral_identity", "positive_identity", "self_identified")


def identity_spread(flagged: np.ndarray, dev: Sequence[Any]) -> dict[str, Any]:
    """Flag rate of identity posts per characteristic, and max minus min, in points."""
    rates: dict[str, float] = {}
    counts: dict[str, str] = {}
    for target in sorted({e.target for e in dev if e.kind in IDENTITY and e.target}):
        rows = [i for i, e in enumerate(dev) if e.kind in IDENTITY and e.target == target]
        rates[target] = round(100 * float(flagged[rows].mean()), 1)
        counts[target] = f"{int(flagged[rows].sum())}/{len(rows)}"
    rows = [i for i, e in enumerate(dev) if e.kind in IDENTITY]
    return {
        "flagged": f"{int(flagged[rows].sum())}/{len(rows)}",
        "by_group": counts,
        "spread_points": round(max(rates.values()) - min(rates.values()), 1) if rates else 0.0,
    }


def evaluate(model_dir: Path, dev: Sequence[Any]) -> dict[str, Any]:
    from smpolicy.screening.config import ScreeningConfig
    from smpolicy.screening.findings import Category
    from smpolicy.screening.model import appraisal, encoder, features, training
    from smpolicy.screening.model.adapter import ADAPTER_FILE
    from smpolicy.screening.model.artefact import load_artefact, rescale
    from smpolicy.screening.model.metrics import binary_metrics
    from smpolicy.screening.model.scorer import Scorer
    from smpolicy.screening.normalise import normalise

    art = load_artefact(model_dir)
    model = encoder.base_encoder()
    if (model_dir / ADAPTER_FILE).exists():
        encoder._apply_adapter(model, model_dir / ADAPTER_FILE)  # as training evaluates it
    vectors = training.embed_cached([e.text for e in dev], None, model)
    scores = Scorer(art).score([normalise(e.text) for e in dev], vectors)
    truth, _ = training.labels_for(dev)
    alone = np.array([s.discrimination for s in scores]) >= art.discrimination.threshold
    review = ScreeningConfig().thresholds_for(Category.DISCRIMINATION).review
    rescaled = rescale(np.array([s.discrimination for s in scores]),
                       art.discrimination.threshold, review)
    engine = np.array([
        features.combine(
            features.lexicon_score(s.signals),
            m,
            features.cue_gate(s.signals) * appraisal.damping(e.text, s.signals),
        )
        >= review
        for e, s, m in zip(dev, scores, rescaled, strict=True)
    ])
    out: dict[str, Any] = {"model": str(model_dir)}
    for name, flagged in (("model_alone", alone), ("with_lexicon", engine)):
        by_source = {}
        for source in sorted({e.source for e in dev}):
            rows = [i for i, e in enumerate(dev) if e.source == source]
            by_source[source] = binary_metrics(flagged[rows], truth[rows])
        out[name] = {
            "all": binary_metrics(flagged, truth),
            "by_source": by_source,
            "flagged_by_kind": train_classifier.kind_rates(flagged, dev),
            "identity": identity_spread(flagged, dev),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    from smpolicy.screening.model import training

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+", type=Path, help="artefact directories")
    parser.add_argument("--shared-data", type=Path, default=None)
    parser.add_argument("--own", type=Path, default=ROOT / "data/training/own_examples.jsonl")
    parser.add_argument(
        "--composed", type=Path, default=ROOT / "data/training/own_composed.jsonl"
    )
    parser.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    args = parser.parse_args(argv)
    shared = args.shared_data or train_classifier.find_shared_data(ROOT)
    if shared is None:
        parser.error("cannot find shared/data; pass --shared-data")
    config = training.TrainingConfig()
    examples = training.collect(shared, args.own, config, args.composed)
    _, dev = training.split(examples, config)
    print(f"{len(dev)} dev examples", file=sys.stderr)
    results = [evaluate(directory, dev) for directory in args.models]
    text = json.dumps(results, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
