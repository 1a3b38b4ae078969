"""Throughput of rules-only screening, against a baseline measured in the same run.

Posts are made by recombining the sentences of ``data/devset/dev.jsonl`` with a fixed seed, so
they read like council staff posts and every run screens the same text. Timed, best of
``--repeat`` runs each:

- ``smpolicy check --jsonl FILE --no-model`` as a subprocess, end to end (start-up, JSON in and
  out), also with ``--workers N`` when the command offers it;
- ``Screener.check_many`` in this process (rules only);
- the baseline, ``alt-profanity-check``'s ``predict_prob`` on the same posts.

``--per-detector`` also times normalisation and each registered detector on its own, to show
where the time goes.

The machine is shared, so only the ratios to the baseline mean anything across runs.

    .venv/bin/python benchmarks/bench_check.py [--posts 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smpolicy.screening import Screener

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "data" / "devset" / "dev.jsonl"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def make_posts(count: int, seed: int) -> list[str]:
    """``count`` posts of one to four dev-set sentences each, drawn with ``seed``."""
    sentences = [
        sentence
        for line in DEV.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for sentence in SENTENCE_END.split(json.loads(line)["text"])
        if sentence.strip()
    ]
    rng = random.Random(seed)
    return [" ".join(rng.choices(sentences, k=rng.randint(1, 4))) for _ in range(count)]


def best_of(repeat: int, run: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return min(timings)


def run_cli(path: Path, extra: list[str], expected: int) -> None:
    command = [sys.executable, "-m", "smpolicy", "check", "--jsonl", str(path), "--no-model"]
    done = subprocess.run(command + extra, capture_output=True, check=True)
    lines = done.stdout.count(b"\n")
    if lines != expected:
        raise SystemExit(f"check --jsonl wrote {lines} lines for {expected} posts")


def cli_has_workers() -> bool:
    from smpolicy.commands.check import check

    return any(param.name == "workers" for param in check.params)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--per-detector", action="store_true",
                        help="also time normalisation and each detector alone")
    args = parser.parse_args()

    from profanity_check import predict_prob

    from smpolicy.screening import Screener, ScreeningConfig

    posts = make_posts(args.posts, args.seed)
    n = len(posts)
    rates: dict[str, float] = {}

    predict_prob(posts[:10])  # load the model outside the timing
    rates["baseline: alt-profanity-check predict_prob"] = n / best_of(
        args.repeat, lambda: predict_prob(posts)
    )

    screener = Screener(config=ScreeningConfig(use_model=False))
    screener.check_batch(posts[:10])  # load detectors and lexicons outside the timing
    rates["Screener.check_many, in process, 1 process"] = n / best_of(
        args.repeat, lambda: sum(1 for _ in screener.check_many(posts))
    )

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "posts.jsonl"
        path.write_text(
            "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(posts)),
            encoding="utf-8",
        )
        one = Path(folder) / "one.jsonl"
        one.write_text(json.dumps({"id": 0, "text": posts[0]}) + "\n", encoding="utf-8")
        startup = best_of(args.repeat, lambda: run_cli(one, [], 1))
        cpus = os.cpu_count() or 1
        workers = cli_has_workers()
        single = ["--workers", "1"] if workers else []  # the default is one worker per CPU
        rates["smpolicy check --jsonl --no-model, subprocess, 1 process"] = n / best_of(
            args.repeat, lambda: run_cli(path, single, n)
        )
        if workers:
            rates[f"smpolicy check --jsonl --no-model --workers {cpus}, subprocess"] = n / best_of(
                args.repeat, lambda: run_cli(path, ["--workers", str(cpus)], n)
            )

    baseline = next(iter(rates.values()))
    print(f"{n:,} posts from {DEV.relative_to(ROOT)} (seed {args.seed}), best of {args.repeat}")
    print(f"os.cpu_count() = {os.cpu_count()}; start-up of one check --jsonl run: {startup:.2f} s")
    print(f"{'':62}{'posts/s':>10}{'x baseline':>12}")
    for name, rate in rates.items():
        print(f"{name:<62}{rate:>10,.0f}{rate / baseline:>12.2f}")
    if not workers:
        print("check has no --workers option yet: single-process figures only")
    if args.per_detector:
        print_per_detector(screener, posts, args.repeat)


def print_per_detector(screener: Screener, posts: list[str], repeat: int) -> None:
    """Seconds per stage over all posts: where a slow run spends its time."""
    from smpolicy.screening import normalise

    prepared = [normalise(text) for text in posts]
    stages: dict[str, float] = {"normalise": best_of(repeat, lambda: [normalise(t) for t in posts])}
    for detector in screener.registry:
        stages[f"detector {detector.name}"] = best_of(
            repeat, lambda d=detector: d.detect_batch(prepared)
        )
    total = sum(stages.values())
    print(f"{'stage':<40}{'seconds':>10}{'share':>8}")
    for name, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        print(f"{name:<40}{seconds:>10.3f}{seconds / total:>8.0%}")


if __name__ == "__main__":
    main()
