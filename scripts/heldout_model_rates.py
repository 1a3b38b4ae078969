"""The classifier's own 6.4(c) reading of a labelled held-out file, beside the engine's.

Why: the engine's gates (target gate, negation, praise damping) hide many of the model's false
alarms on neutral identity posts, so a retrain that fixes the model itself barely moves the
engine's figures. This prints, per artefact and per ``kind``, how many posts the model alone
flags (probability at or above the artefact's threshold), the engine's decision (combined at
the review cut, as ``read_posts`` decides) and the mean model probability, so two artefacts can
be compared on the same rows.

    .venv/bin/python scripts/heldout_model_rates.py data/devset/identity2_heldout.jsonl \
        /tmp/before models/classifier [--rows]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="held-out JSONL with text, labels, kind")
    parser.add_argument("models", nargs="+", type=Path, help="artefact directories")
    parser.add_argument("--rows", action="store_true", help="print every post's probability")
    args = parser.parse_args(argv)

    from smpolicy.screening.config import ScreeningConfig
    from smpolicy.screening.detectors.classifier import model_text
    from smpolicy.screening.findings import Category
    from smpolicy.screening.model import encoder, training
    from smpolicy.screening.model.adapter import ADAPTER_FILE
    from smpolicy.screening.model.artefact import load_artefact
    from smpolicy.screening.model.reading import read_posts
    from smpolicy.screening.model.scorer import Scorer
    from smpolicy.screening.normalise import normalise

    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    review = ScreeningConfig().thresholds_for(Category.DISCRIMINATION).review
    posts = [normalise(r["text"]) for r in rows]
    for model_dir in args.models:
        art = load_artefact(model_dir)
        model = encoder.base_encoder()
        if (model_dir / ADAPTER_FILE).exists():
            encoder._apply_adapter(model, model_dir / ADAPTER_FILE)
        readings = read_posts(Scorer(art), posts,
                              lambda texts, m=model: training.embed_cached(texts, None, m),
                              model_text, review)
        by_kind: dict[str, list[tuple[float, bool, bool]]] = defaultdict(list)
        for row, reading in zip(rows, readings, strict=True):
            p = reading.score.discrimination
            by_kind[row["kind"]].append(
                (p, p >= art.discrimination.threshold, reading.combined >= review))
            if args.rows:
                print(f"{p:.3f} {reading.combined:.3f} [{row['kind']}] {row['text']}")
        summary = {
            kind: {"model_alone": f"{sum(v[1] for v in vals)}/{len(vals)}",
                   "engine": f"{sum(v[2] for v in vals)}/{len(vals)}",
                   "mean_probability": round(sum(v[0] for v in vals) / len(vals), 3)}
            for kind, vals in sorted(by_kind.items())
        }
        print(json.dumps({"model": str(model_dir), "threshold": art.discrimination.threshold,
                          "by_kind": summary}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
