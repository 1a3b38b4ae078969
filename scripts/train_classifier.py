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
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from smpolicy.screening.model.artefact import Artefact
    from smpolicy.screening.model.datasets import Example
    from smpolicy.screening.model.scorer import Score

ROOT = Path(__file__).resolve().parents[1]


def find_shared_data(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        candidate = folder / "shared" / "data"
        if (candidate / "davidson").is_dir():
            return candidate
    return None


def combined_metrics(
    scores: Sequence[Score], art: Artefact, truth: np.ndarray, dev: Sequence[Example]
) -> dict[str, Any]:
    """6.4(c) as the engine decides it: model and lexicon joined, at the default review cut."""
    from smpolicy.screening.config import ScreeningConfig
    from smpolicy.screening.findings import Category
    from smpolicy.screening.model import appraisal, features
    from smpolicy.screening.model.artefact import rescale
    from smpolicy.screening.model.metrics import binary_metrics

    review = ScreeningConfig().thresholds_for(Category.DISCRIMINATION).review
    model = rescale(np.array([s.discrimination for s in scores]), art.discrimination.threshold,
                    review)
    flagged = np.array([
        features.combine(
            features.lexicon_score(s.signals),
            m,
            features.cue_gate(s.signals) * appraisal.damping(e.text, s.signals),
        )
        >= review
        for e, s, m in zip(dev, scores, model, strict=True)
    ])
    out = {"all": binary_metrics(flagged, truth)}
    for source in sorted({e.source for e in dev}):
        rows = [i for i, e in enumerate(dev) if e.source == source]
        out[source] = binary_metrics(flagged[rows], truth[rows])
    return out


def kind_rates(flagged: np.ndarray, dev: Sequence[Example]) -> dict[str, Any]:
    """Flag rates on held-out own and composed rows by kind, and identity kinds by group."""
    out: dict[str, Any] = {}
    for source in ("own", "composed"):
        for kind in sorted({e.kind for e in dev if e.source == source and e.kind}):
            rows = [i for i, e in enumerate(dev) if e.source == source and e.kind == kind]
            out[f"{source}/{kind}"] = f"{int(flagged[rows].sum())}/{len(rows)}"
    identity = ("neutral_identity", "positive_identity", "self_identified")
    groups: dict[str, list[int]] = {}
    for i, e in enumerate(dev):
        if e.kind in identity and e.target:
            groups.setdefault(e.target, []).append(i)
    out["identity_by_group"] = {
        t: f"{int(flagged[rows].sum())}/{len(rows)}" for t, rows in sorted(groups.items())
    }
    return out


def finetune_rows(train: Sequence[Example], config: Any) -> list[Example]:
    """Fine-tuning rows: all but Davidson, plus a seeded sample of it (CPU time)."""
    import random

    tweets = [e for e in train if e.source == "davidson"]
    random.Random(config.seed + 2).shuffle(tweets)
    return [e for e in train if e.source != "davidson"] + tweets[: config.finetune_davidson]


def main(argv: list[str] | None = None) -> int:
    import dataclasses
    import hashlib
    import time

    from smpolicy.screening.model import adapter, encoder, finetune, training, tuned
    from smpolicy.screening.model.artefact import load_artefact, save_artefact
    from smpolicy.screening.model.card import write_card
    from smpolicy.screening.model.datasets import LABELS
    from smpolicy.screening.model.metrics import binary_metrics

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-data", type=Path, default=None)
    parser.add_argument("--no-shared-data", action="store_true", help="own examples only (tests)")
    parser.add_argument("--own", type=Path, default=ROOT / "data/training/own_examples.jsonl")
    parser.add_argument(
        "--composed", type=Path, default=ROOT / "data/training/own_composed.jsonl"
    )
    parser.add_argument("--no-composed", action="store_true", help="leave out composed posts")
    parser.add_argument("--out", type=Path, default=ROOT / "models/classifier")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache/embeddings")
    parser.add_argument("--seed", type=int, default=training.TrainingConfig().seed)
    parser.add_argument("--folds", type=int, default=training.TrainingConfig().folds)
    defaults = training.TrainingConfig()
    parser.add_argument("--davidson-hate", choices=("hate", "abuse", "drop"),
                        default=defaults.davidson_hate)
    parser.add_argument("--criterion", choices=("f1", "balanced_accuracy"),
                        default=defaults.criterion)
    parser.add_argument("--composed-weight", type=float, default=defaults.composed_weight)
    parser.add_argument("--toxigen-weight", type=float, default=defaults.toxigen_weight)
    parser.add_argument("--no-finetune", action="store_true",
                        help="frozen packaged encoder and linear heads (the previous model)")
    ft_defaults = finetune.FinetuneConfig()
    parser.add_argument("--epochs", type=int, default=ft_defaults.epochs)
    parser.add_argument("--rank", type=int, default=ft_defaults.rank)
    parser.add_argument("--finetune-davidson", type=int, default=defaults.finetune_davidson)
    parser.add_argument("--threads", type=int, default=ft_defaults.threads)
    args = parser.parse_args(argv)

    shared = None if args.no_shared_data else (args.shared_data or find_shared_data(ROOT))
    if shared is None and not args.no_shared_data:
        parser.error("cannot find shared/data; pass --shared-data")
    config = training.TrainingConfig(
        seed=args.seed,
        folds=args.folds,
        davidson_hate=args.davidson_hate,
        criterion=args.criterion,
        composed_weight=args.composed_weight,
        toxigen_weight=args.toxigen_weight,
        finetune_davidson=args.finetune_davidson,
    )
    ft_config = dataclasses.replace(
        ft_defaults, epochs=args.epochs, rank=args.rank, threads=args.threads
    )
    import torch

    torch.set_num_threads(args.threads)  # on shared cores one thread each beats contention
    composed = None if args.no_composed else args.composed
    examples = training.collect(shared, args.own, config, composed)
    train, dev = training.split(examples, config)
    print(f"{len(train)} training and {len(dev)} dev examples", file=sys.stderr)
    started = time.monotonic()
    adapter_file = args.out / adapter.ADAPTER_FILE
    if args.no_finetune:
        model = encoder.base_encoder()
        x_train = training.embed_cached([e.text for e in train], args.cache, model)
        x_dev = training.embed_cached([e.text for e in dev], args.cache, model)
        arrays, head = training.fit(train, x_train, training.signals_of(train), config)
        adapter_file.unlink(missing_ok=True)
    else:
        ft, calib = training.split(
            train, dataclasses.replace(config, seed=config.seed + 1,
                                       dev_fraction=config.calib_fraction)
        )
        rows = finetune_rows(ft, config)
        print(f"fine-tuning on {len(rows)} rows, calibrating on {len(calib)}", file=sys.stderr)
        model = encoder.base_encoder()
        factors, harm_w, harm_b = finetune.finetune(
            model, [e.text for e in rows], [LABELS.index(e.label) for e in rows],
            [config.weight(e) for e in rows], len(LABELS), ft_config,
            log=lambda line: print(line, file=sys.stderr),
        )
        adapter.save(adapter_file, factors)
        encoder._apply_adapter(model, adapter_file)  # exactly as the engine loads it
        tag = hashlib.sha256(adapter_file.read_bytes()).hexdigest()[:16]
        x_ft = training.embed_cached([e.text for e in ft], None, model, tag)
        x_calib = training.embed_cached([e.text for e in calib], None, model, tag)
        x_dev = training.embed_cached([e.text for e in dev], None, model, tag)
        arrays, head = tuned.fit_tuned(
            ft, x_ft, calib, x_calib, training.signals_of(calib), (harm_w, harm_b), config
        )
        head["encoder_adapter"] = {
            "file": adapter.ADAPTER_FILE,
            "sha256": training.file_sha256(adapter_file),
            "targets": list(adapter.TARGETS),
            "config": dataclasses.asdict(ft_config),
            "finetune_rows": len(rows),
            "calibration_rows": len(calib),
        }
    head["training"] = training.describe(
        config, train, dev, training.data_hashes(shared, args.own, composed)
    )
    head["training"]["seconds"] = round(time.monotonic() - started)
    save_artefact(args.out, arrays, head)

    from smpolicy.screening.model.scorer import Scorer
    from smpolicy.screening.normalise import normalise

    art = load_artefact(args.out)
    scores = Scorer(art).score([normalise(e.text) for e in dev], x_dev)
    truth_disc, truth_disr = training.labels_for(dev)
    flagged = np.array([s.discrimination for s in scores]) >= art.discrimination.threshold
    dev_metrics = {
        "discrimination": binary_metrics(flagged, truth_disc),
        "disrepute": binary_metrics(
            np.array([s.disrepute for s in scores]) >= art.disrepute.threshold, truth_disr
        ),
        "by_source": {
            source: binary_metrics(
                flagged[[i for i, e in enumerate(dev) if e.source == source]],
                truth_disc[[i for i, e in enumerate(dev) if e.source == source]],
            )
            for source in sorted({e.source for e in dev})
        },
        "flagged_by_kind": kind_rates(flagged, dev),
    }
    dev_metrics["discrimination_with_lexicon"] = combined_metrics(scores, art, truth_disc, dev)
    head["dev_metrics"] = dev_metrics
    save_artefact(args.out, arrays, head)
    write_card(args.out, head)
    print(json.dumps(dev_metrics, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
