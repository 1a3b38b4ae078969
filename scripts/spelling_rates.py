"""6.4(c) flag rates on posts written with spelling changes, per kind of change, on both paths.

Why: people write hate with a letter dropped ("muslms", "vermn"), words run together
("muslimsarefilthy", "stupidwomen", "fuckingpakis"), spaced out ("mus lims are ver min") or
swapped ("Msulims"), and ordinary words, places and names must not turn into slurs or group
words on the way ("Scunthorpe", "therapist", "muslin"). ``data/devset/spelling_heldout.jsonl``
(measure only) and ``spelling_build.jsonl`` (develop on) hold such posts, each with ``kind``
(``hate``, ``neutral_identity``, ``guard``) and ``obfuscation`` (the kind of change). This
prints, for the rules-only path (``--no-model``) and the engine with the model, the share of
each kind and change that gets a 6.4(c) finding (verdict ``review`` or ``breach``);
``--errors`` lists the posts decided wrongly.

    .venv/bin/python scripts/spelling_rates.py data/devset/spelling_heldout.jsonl [--errors]
"""

from __future__ import annotations

import argparse
import json
import os
from collections import defaultdict
from pathlib import Path


def flags(texts: list[str], use_model: bool) -> list[bool]:
    """Whether each post gets a 6.4(c) finding from the engine so configured."""
    from smpolicy.screening import Screener, ScreeningConfig
    from smpolicy.screening.findings import Category

    screener = Screener(config=ScreeningConfig(use_model=use_model))
    return [any(f.category is Category.DISCRIMINATION for f in result.findings)
            for result in screener.check_batch(texts)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--errors", action="store_true", help="list the posts decided wrongly")
    parser.add_argument("--no-model", action="store_true", help="the rules-only path alone")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    texts = [row["text"] for row in rows]
    paths = {"rules": flags(texts, use_model=False)}
    if not args.no_model:
        paths["model"] = flags(texts, use_model=True)
    table: dict[str, dict[str, dict[str, list[bool]]]] = {}
    for name, flagged in paths.items():
        cells: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
        for row, flag in zip(rows, flagged, strict=True):
            cells[row["kind"]][row["obfuscation"]].append(flag)
            cells[row["kind"]]["all"].append(flag)
        table[name] = cells
    summary = {
        name: {kind: {obf: f"{sum(v)}/{len(v)}" for obf, v in sorted(by_obf.items())}
               for kind, by_obf in sorted(cells.items())}
        for name, cells in table.items()
    }
    print(json.dumps(summary, indent=2))
    if args.errors:
        for name, flagged in paths.items():
            for row, flag in zip(rows, flagged, strict=True):
                if flag != ("discrimination" in row["labels"]):
                    print(f"{name}\t{'missed' if not flag else 'flagged'}\t{row['id']}\t"
                          f"{row['obfuscation']}\t{row['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
