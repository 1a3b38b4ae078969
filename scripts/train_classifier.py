"""Train the 6.4(a)/6.4(c) classifier and write ``models/classifier/``.

Example:

    .venv/bin/python scripts/train_classifier.py            # finds ../shared/data
    .venv/bin/python scripts/train_classifier.py --shared-data /path/to/shared/data

Reads only the sets that ``shared/data/README.md`` allows for training (Davidson, ToxiGen seeds,
ETHOS) and ``data/training/own_examples.jsonl``; never HateCheck. Same data, seed and package
versions give the same artefact.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def find_shared_data(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        candidate = folder / "shared" / "data"
        if (candidate / "davidson").is_dir():
            return candidate
    return None


def main(argv: list[str] | None = None) -> int:
    from smpolicy.screening.model import training
    from smpolicy.screening.model.artefact import load_artefact, save_artefact
    from smpolicy.screening.model.card import write_card
    from smpolicy.screening.model.metrics import binary_metrics

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-data", type=Path, default=None)
    parser.add_argument("--no-shared-data", action="store_true", help="own examples only (tests)")
    parser.add_argument("--own", type=Path, default=ROOT / "data/training/own_examples.jsonl")
    parser.add_argument("--out", type=Path, default=ROOT / "models/classifier")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache/embeddings")
    parser.add_argument("--seed", type=int, default=training.TrainingConfig().seed)
    parser.add_argument("--folds", type=int, default=training.TrainingConfig().folds)
    args = parser.parse_args(argv)

    shared = None if args.no_shared_data else (args.shared_data or find_shared_data(ROOT))
    if shared is None and not args.no_shared_data:
        parser.error("cannot find shared/data; pass --shared-data")
    config = training.TrainingConfig(seed=args.seed, folds=args.folds)
    examples = training.collect(shared, args.own, config)
    train, dev = training.split(examples, config)
    print(f"{len(train)} training and {len(dev)} dev examples", file=sys.stderr)
    x_train = training.embed_cached([e.text for e in train], args.cache)
    x_dev = training.embed_cached([e.text for e in dev], args.cache)
    arrays, head = training.fit(train, x_train, training.signals_of(train), config)
    head["training"] = training.describe(config, train, dev, training.data_hashes(shared, args.own))
    save_artefact(args.out, arrays, head)

    from smpolicy.screening.model.scorer import Scorer
    from smpolicy.screening.normalise import normalise

    scores = Scorer(load_artefact(args.out)).score([normalise(e.text) for e in dev], x_dev)
    truth_disc, truth_disr = training.labels_for(dev)
    art = load_artefact(args.out)
    dev_metrics = {
        "discrimination": binary_metrics(
            np.array([s.discrimination for s in scores]) >= art.discrimination.threshold, truth_disc
        ),
        "disrepute": binary_metrics(
            np.array([s.disrepute for s in scores]) >= art.disrepute.threshold, truth_disr
        ),
        "by_source": {
            source: binary_metrics(
                np.array(
                    [
                        s.discrimination >= art.discrimination.threshold
                        for s, e in zip(scores, dev, strict=True)
                        if e.source == source
                    ]
                ),
                np.array([t for t, e in zip(truth_disc, dev, strict=True) if e.source == source]),
            )
            for source in sorted({e.source for e in dev})
        },
    }
    head["dev_metrics"] = dev_metrics
    save_artefact(args.out, arrays, head)
    write_card(args.out, head)
    print(json.dumps(dev_metrics, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
