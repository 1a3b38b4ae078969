"""Flag rates of benign posts about protected groups, per group, with and without appraisal.

Why: issue 4 asks that neutral and positive posts about protected groups be flagged at
similar rates across groups, and the encoder flags praise of some groups more than others
(``screening/model/appraisal.py``). This prints, as the engine decides 6.4(c) (model rescaled,
gates, composition, noisy-OR with the lexicon: ``reading.read_posts``), once without and
once with the praise damping:

- ToxiGen benign statements in the training dev split, flag rate per protected characteristic;
- ToxiGen implicit-hate statements in the same split, recall per characteristic;
- all dev-split rows: F1 and flags by source;
- the fixture of our own neutral and positive posts (tests/.../identity_statements.jsonl).

    .venv/bin/python scripts/identity_rates.py [--damping 0.5] [--show-damped] [--toxigen-all]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_classifier  # beside this script

ROOT = train_classifier.ROOT
FIXTURE = ROOT / "tests/screening/model/fixtures/identity_statements.jsonl"


def rates(flagged: np.ndarray, groups: Sequence[str | None]) -> dict[str, Any]:
    by: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        if g:
            by.setdefault(g, []).append(i)
    pct = {g: 100 * float(flagged[rows].mean()) for g, rows in sorted(by.items())}
    return {
        "all": f"{int(flagged.sum())}/{len(flagged)}",
        "by_group": {g: f"{int(flagged[r].sum())}/{len(r)} ({pct[g]:.1f}%)" for g, r in sorted(by.items())},
        "spread_points": round(max(pct.values()) - min(pct.values()), 1) if pct else 0.0,
    }


def engine_flags(texts: Sequence[str], vectors: np.ndarray, damping: float | None) -> np.ndarray:
    """6.4(c) flags as the engine decides them (``reading.read_posts``), with the praise factor
    replaced by ``damping`` where the rule applies (None: the rule switched off)."""
    from smpolicy.screening.config import ScreeningConfig
    from smpolicy.screening.detectors.classifier import model_text
    from smpolicy.screening.findings import Category
    from smpolicy.screening.model import encoder, features
    from smpolicy.screening.model.artefact import load_artefact
    from smpolicy.screening.model.reading import read_posts
    from smpolicy.screening.model.scorer import Scorer
    from smpolicy.screening.normalise import normalise

    art = load_artefact(ROOT / "models/classifier")
    review = ScreeningConfig().thresholds_for(Category.DISCRIMINATION).review
    readings = read_posts(Scorer(art), [normalise(t) for t in texts], encoder.embed, model_text,
                          review, vectors)
    out = []
    for r in readings:
        factor = 1.0 if damping is None or r.praise == 1.0 else damping
        out.append(features.combine(r.lexicon, r.composed, r.gate * factor) >= review)
    return np.array(out, dtype=bool)


def main(argv: list[str] | None = None) -> int:
    from smpolicy.screening.model import appraisal, encoder, training
    from smpolicy.screening.model.adapter import ADAPTER_FILE
    from smpolicy.screening.model.metrics import binary_metrics

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--damping", type=float, default=appraisal.PRAISE_DAMPING)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/smpolicy-identity-rates"))
    parser.add_argument("--show-damped", action="store_true", help="list rows the rule unflagged")
    parser.add_argument("--toxigen-all", action="store_true",
                        help="also ToxiGen rows of the training side (fitted on: optimistic)")
    args = parser.parse_args(argv)
    shared = train_classifier.find_shared_data(ROOT)
    if shared is None:
        parser.error("cannot find shared/data")
    config = training.TrainingConfig()
    examples = training.collect(shared, ROOT / "data/training/own_examples.jsonl", config,
                                ROOT / "data/training/own_composed.jsonl")
    train, dev = training.split(examples, config)
    seen = [e for e in train if e.source == "toxigen"] if args.toxigen_all else []
    fixture = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    model = encoder.base_encoder()
    adapter = ROOT / "models/classifier" / ADAPTER_FILE
    encoder._apply_adapter(model, adapter)
    # The cache is keyed by the adapter's digest: a retrained model never reads an old one's vectors.
    tag = "adapter" + hashlib.sha256(adapter.read_bytes()).hexdigest()[:16]
    from smpolicy.screening.detectors.classifier import model_text
    from smpolicy.screening.normalise import normalise

    dev_vectors = training.embed_cached([e.text for e in dev], args.cache, model, tag)
    fix_texts = [model_text(normalise(r["text"])) for r in fixture]
    fix_vectors = training.embed_cached(fix_texts, args.cache, model, tag)
    seen_vectors = training.embed_cached([e.text for e in seen], args.cache, model, tag)
    truth, _ = training.labels_for(dev)

    results = {}
    for name, damp in (("before", None), ("after", args.damping)):
        flagged = engine_flags([e.text for e in dev], dev_vectors, damp)
        fixed = engine_flags([r["text"] for r in fixture], fix_vectors, damp)
        benign = [i for i, e in enumerate(dev) if e.source == "toxigen" and e.label == "none"]
        hate = [i for i, e in enumerate(dev) if e.source == "toxigen" and e.label == "hate"]
        results[name] = {
            "dev_split_all": binary_metrics(flagged, truth),
            "dev_split_by_source": {
                src: binary_metrics(flagged[r], truth[r])
                for src in sorted({e.source for e in dev})
                for r in [[i for i, e in enumerate(dev) if e.source == src]]
            },
            "toxigen_benign_flagged": rates(flagged[benign], [dev[i].target for i in benign]),
            "toxigen_hate_recall": rates(flagged[hate], [dev[i].target for i in hate]),
            "own_identity_flagged": rates(fixed, [r["target"] for r in fixture]),
            "own_identity_flagged_by_kind": {
                kind: rates(fixed[r], [fixture[i]["target"] for i in r])["all"]
                for kind in ("neutral", "positive")
                for r in [[i for i, row in enumerate(fixture) if row["kind"] == kind]]
            },
        }
        if seen:
            tox = engine_flags([e.text for e in seen], seen_vectors, damp)
            benign = [i for i, e in enumerate(seen) if e.label == "none"]
            hate = [i for i, e in enumerate(seen) if e.label == "hate"]
            results[name]["toxigen_train_side_benign_flagged"] = rates(
                tox[benign], [seen[i].target for i in benign])
            results[name]["toxigen_train_side_hate_recall"] = rates(
                tox[hate], [seen[i].target for i in hate])
        results[name]["_flags"] = flagged
    if args.show_damped:
        lost = results["before"]["_flags"] & ~results["after"]["_flags"]
        for i in np.flatnonzero(lost):
            print(f"unflagged [{dev[i].source} {dev[i].label}] {dev[i].text}", file=sys.stderr)
    for r in results.values():
        del r["_flags"]
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
