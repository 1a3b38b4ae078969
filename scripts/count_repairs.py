"""Count the posts whose text the spelling repair changes, to catch false repairs.

``spelling.repair_spelling`` should change only obfuscated words ("mslims", "allmuslims",
"h8"): an ordinary word turned into a group word, a slur or a hostile word would put words in
a post that its writer never wrote. This prints, for each corpus, how many posts the repair
changed and (with ``--show``) each change, normalised text before and after:

- the benchmark's 10,000 posts (``benchmarks/bench_check.make_posts(10000, 2025)``), which are
  ordinary council posts and should never change;
- Davidson 2017 tweets, ToxiGen seed statements and ETHOS comments from ``SHARED_DATA``
  (training sets: see its README), where deliberate misspellings are expected.

    .venv/bin/python scripts/count_repairs.py ../shared/data [--show 20]
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gzip
import sys
from collections.abc import Iterator
from pathlib import Path

from smpolicy.screening.normalise import normalise
from smpolicy.screening.spelling import repair_spelling

ROOT = Path(__file__).resolve().parents[1]


def corpora(shared: Path) -> Iterator[tuple[str, list[str]]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_check import make_posts

    yield "benchmark posts", make_posts(10_000, 2025)
    with (shared / "davidson" / "labeled_data.csv").open(newline="", encoding="utf-8") as file:
        yield "davidson", [row["tweet"] for row in csv.DictReader(file)]
    statements: set[str] = set()
    for path in sorted((shared / "toxigen").glob("prompts/*.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as file:
            statements.update(line.strip().lstrip("-").strip() for line in file)
    for path in sorted((shared / "toxigen").glob("demonstrations/*/*.txt")):
        statements.update(line.strip().lstrip("-").strip()
                          for line in path.read_text(encoding="utf-8").splitlines())
    yield "toxigen", sorted(s for s in statements if s)
    ethos = shared / "ethos" / "Ethos_Dataset_Binary.csv"
    with ethos.open(newline="", encoding="utf-8") as file:
        yield "ethos", [row["comment"] for row in csv.DictReader(file, delimiter=";")]


def changes(before: str, after: str) -> list[str]:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [f"{before[max(0, i1 - 15):i2 + 15]!r} -> {after[max(0, j1 - 15):j2 + 15]!r}"
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared_data", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print up to N changes per corpus")
    args = parser.parse_args()
    for name, texts in corpora(args.shared_data):
        changed = []
        for text in texts:
            post = normalise(text)
            repaired = repair_spelling(post)
            if repaired.text != post.text:
                changed.append(changes(post.text, repaired.text))
        print(f"{name}: {len(changed)}/{len(texts)} posts repaired")
        for change in changed[: args.show]:
            print("   ", " | ".join(change))


if __name__ == "__main__":
    main()
