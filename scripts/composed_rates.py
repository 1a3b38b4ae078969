"""6.4(c) flag rates per kind on the composed training posts (``data/training/own_composed.jsonl``),
on one side of the training split.

Why: the composed posts hold many rows of each kind (counter-speech, denials, hateful frames),
and the shipped classifier was trained on their train side, so with the model that side says
little; rules only, it shows what a change to the lexicon or its cues does to hundreds of posts
of each kind. Develop on the train side (``--side train``, the default); the dev side is what
``scripts/compare_dev_split.py`` measures and is not to be tuned on. A post counts as flagged
when it has a 6.4(c) finding that cites a protected characteristic (as ``neutral_rates.py``).

    .venv/bin/python scripts/composed_rates.py [--side train|dev] [--model] [--kinds counter_speech,negation] [--errors]
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=ROOT / "data/training/own_composed.jsonl")
    parser.add_argument("--side", choices=("train", "dev"), default="train")
    parser.add_argument("--model", action="store_true", help="with the classifier (default: rules only)")
    parser.add_argument("--kinds", default="", help="comma-separated kinds (default: all)")
    parser.add_argument("--errors", action="store_true", help="print wrong decisions")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from smpolicy.screening import Screener, ScreeningConfig
    from smpolicy.screening.findings import Category
    from smpolicy.screening.model.features import PROTECTED
    from smpolicy.screening.model.training import TrainingConfig, held_out

    config = TrainingConfig()
    kinds = set(filter(None, args.kinds.split(",")))
    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if (not kinds or r.get("kind") in kinds)
            and held_out(f"composed:{r['template']}", config.seed, config.dev_fraction) == (args.side == "dev")]
    results = Screener(config=ScreeningConfig(use_model=args.model)).check_batch([r["text"] for r in rows])
    total: Counter[tuple[str, str]] = Counter()
    flagged: Counter[tuple[str, str]] = Counter()
    for row, result in zip(rows, results, strict=True):
        flag = any(f.category is Category.DISCRIMINATION and f.target in PROTECTED for f in result.findings)
        key = (row["kind"], row["label"])
        total[key] += 1
        flagged[key] += flag
        if args.errors and flag != (row["label"] == "hate"):
            print(f"{'FLAG' if flag else 'miss'} [{row['kind']}] {row['text']}")
    print(json.dumps({f"{kind}/{label}": f"{flagged[kind, label]}/{n}"
                      for (kind, label), n in sorted(total.items())}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
