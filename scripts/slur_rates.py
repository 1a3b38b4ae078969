"""6.4(c) decisions on a labelled file of slur uses, per kind and characteristic.

Why: a slur's letters carry three readings that trade against each other: abuse (flag it,
in any frame), an everyday sense ("faggots and peas", "bum a fag", "the dyke burst") and a
reclaimed or self-descriptive use ("us dykes", "as a queer woman"); a slur reported of
others ("I'm told queers run the council") is abuse, not reclaiming.
``data/devset/slurs_heldout.jsonl`` (measure only) and ``slurs_build.jsonl`` (develop on)
hold such posts, each with ``kind`` (``hateful``, ``reported``: should be flagged;
``homonym``, ``reclaimed``, ``counter``: should not) and ``target``. This prints, for the
engine with and without the model, how many posts of each kind are decided right;
``--errors`` lists the wrong ones.

    .venv/bin/python scripts/slur_rates.py data/devset/slurs_build.jsonl [--errors] [--no-model]
"""

from __future__ import annotations

import argparse
import json
import os
from collections import defaultdict
from pathlib import Path

SHOULD_FLAG = frozenset({"hateful", "reported"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every wrong decision")
    parser.add_argument("--no-model", action="store_true", help="rules only")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from smpolicy.screening import Screener, ScreeningConfig
    from smpolicy.screening.findings import Category

    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    modes = [False] if args.no_model else [True, False]
    report: dict[str, dict[str, str]] = {}
    for use_model in modes:
        name = "model" if use_model else "rules"
        screener = Screener(config=ScreeningConfig(use_model=use_model))
        results = screener.check_batch([row["text"] for row in rows])
        by_kind: dict[str, list[bool]] = defaultdict(list)
        wrong = []
        for row, result in zip(rows, results, strict=True):
            scores = [f.score for f in result.findings if f.category is Category.DISCRIMINATION]
            right = bool(scores) == (row["kind"] in SHOULD_FLAG)
            by_kind[row["kind"]].append(right)
            by_kind[f"{row['kind']}/{row['target']}"].append(right)
            if not right:
                wrong.append((row["id"], row["kind"], max(scores, default=0.0), row["text"]))
        total = [r for kind, rs in by_kind.items() if "/" not in kind for r in rs]
        report[name] = {"all": f"{sum(total)}/{len(total)}"} | {
            kind: f"{sum(rs)}/{len(rs)}" for kind, rs in sorted(by_kind.items())}
        if args.errors:
            for row_id, kind, score, text in wrong:
                print(f"[{name}] {row_id} {kind} {score:.2f} {text}")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
