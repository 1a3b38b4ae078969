"""6.4(c) flag rates on a labelled file of identity posts, per kind and per target group.

Why: issue 4 asks that neutral and positive statements about protected groups be flagged
rarely and at similar rates across groups, that counter-speech (posts that report, condemn or
challenge hate) and denials ("I've got no problem with gay couples") not be flagged, and that
hateful posts about the same groups still are. ``data/devset/neutral_heldout.jsonl`` (measure
only) and ``data/devset/neutral_build.jsonl`` (develop on) hold such posts, each with its
``kind`` and ``group``. A post counts as flagged when it has a 6.4(c) finding (review or
above) that cites a protected characteristic. This prints the share flagged per kind and, for
the benign kinds, per group with the spread (largest minus smallest group rate, in points);
``--errors`` lists wrong decisions with the findings behind them.

    .venv/bin/python scripts/neutral_rates.py data/devset/neutral_heldout.jsonl [--no-model] [--errors]
"""

from __future__ import annotations

import argparse
import json
import os
from collections import defaultdict
from pathlib import Path

BENIGN = ("neutral", "positive", "question")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--no-model", action="store_true", help="rules only")
    parser.add_argument("--errors", action="store_true", help="print wrong decisions")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from smpolicy.screening import Screener, ScreeningConfig

    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    screener = Screener(config=ScreeningConfig(use_model=not args.no_model))
    results = screener.check_batch([r["text"] for r in rows])
    flagged = [any(_about_a_characteristic(f) for f in result.findings) for result in results]

    by_kind: dict[str, list[bool]] = defaultdict(list)
    benign_by_group: dict[str, list[bool]] = defaultdict(list)
    for row, flag in zip(rows, flagged, strict=True):
        by_kind[row["kind"]].append(flag)
        if row["kind"] in BENIGN:
            benign_by_group[row["group"]].append(flag)
    pct = {g: 100 * sum(v) / len(v) for g, v in benign_by_group.items()}
    summary = {
        "flagged_by_kind": {k: f"{sum(v)}/{len(v)}" for k, v in sorted(by_kind.items())},
        "benign_flagged_by_group": {g: f"{sum(v)}/{len(v)} ({pct[g]:.0f}%)"
                                    for g, v in sorted(benign_by_group.items())},
        "benign_spread_points": round(max(pct.values()) - min(pct.values()), 1) if pct else 0.0,
    }
    print(json.dumps(summary, indent=2))
    if args.errors:
        for row, flag, result in zip(rows, flagged, results, strict=True):
            if flag == bool(row["labels"]):
                continue
            why = " | ".join(f"{f.detector} {f.score:.2f}: {f.explanation[:200]}"
                             for f in result.findings if _about_a_characteristic(f))
            print(f"{'FLAG' if flag else 'miss'} [{row['kind']}/{row['group']}] {row['text']}"
                  + (f"\n      {why}" if why else ""))
    return 0


def _about_a_characteristic(finding) -> bool:
    """A 6.4(c) finding that cites a protected characteristic (not bullying of one person)."""
    from smpolicy.screening.findings import Category
    from smpolicy.screening.model.features import PROTECTED

    return finding.category is Category.DISCRIMINATION and finding.target in PROTECTED


if __name__ == "__main__":
    raise SystemExit(main())
