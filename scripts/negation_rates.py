"""6.4(c) flag rates on a labelled file of negation posts, per kind, as the engine decides.

Why: issue 4 asks that a denial of a hateful statement ("It's a myth that Poles are thieves")
not be flagged and that hate phrased through a negation ("Immigrants are not welcome in this
town") be flagged. ``data/devset/negation_heldout.jsonl`` (measure only) and
``data/devset/negation_build.jsonl`` (develop on) hold such posts, each with its kind in
``note`` ("negated hate", "hate through negation", "plain hate", "positive") and the
characteristic in ``target``. This prints, with the model, the share of each kind that gets a
6.4(c) finding, per kind and characteristic; ``--rows`` lists every post with the numbers
behind its decision (the model's probability for the post and for the statement it embeds,
the lexicon's score, the gate, the praise factor). ``--no-model`` measures the rules alone.

    .venv/bin/python scripts/negation_rates.py data/devset/negation_heldout.jsonl [--rows] [--no-model]
"""

from __future__ import annotations

import argparse
import json
import os
from collections import defaultdict
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--rows", action="store_true", help="print every post's reading")
    parser.add_argument("--errors", action="store_true", help="print only wrong decisions")
    parser.add_argument("--no-model", action="store_true",
                        help="rules only (the lexicon detectors; --rows then shows only the text)")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from smpolicy.screening import Screener, ScreeningConfig
    from smpolicy.screening.findings import Category
    from smpolicy.screening.normalise import normalise

    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    screener = Screener(config=ScreeningConfig(use_model=not args.no_model))
    results = screener.check_batch([r["text"] for r in rows])
    flagged = [any(f.category is Category.DISCRIMINATION for f in result.findings)
               for result in results]
    readings = (screener.registry.get("classifier").readings(
        [normalise(r["text"]) for r in rows], every=True) if not args.no_model else None)

    by_kind: dict[str, list[bool]] = defaultdict(list)
    by_cell: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for row, flag in zip(rows, flagged, strict=True):
        by_kind[row["note"]].append(flag)
        by_cell[(row["note"], row.get("target", "-"))].append(flag)
    summary = {
        kind: {
            "flagged": f"{sum(flags)}/{len(flags)}",
            "by_target": {target: f"{sum(v)}/{len(v)}"
                          for (k, target), v in sorted(by_cell.items()) if k == kind},
        }
        for kind, flags in by_kind.items()
    }
    print(json.dumps(summary, indent=2))
    if args.rows or args.errors:
        for i, (row, flag) in enumerate(zip(rows, flagged, strict=True)):
            if args.errors and flag == bool(row["labels"]):
                continue
            if readings is None:
                print(f"{'FLAG' if flag else 'ok  '} [{row['note']}] {row['text']}")
                continue
            r = readings[i]
            cp = r.counterpart
            said = f" | {cp.kind} '{cp.statement}' p={r.counterpart_probability:.2f}" if cp else ""
            print(f"{'FLAG' if flag else 'ok  '} [{row['note']}] p={r.score.discrimination:.2f} "
                  f"model={r.model:.2f} composed={r.composed:.2f} lex={r.lexicon:.2f} "
                  f"gate={r.gate:.0f} praise={r.praise:.1f}{said}\n      {row['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
