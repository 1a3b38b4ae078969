"""Throughput of the engine with the classifier, and its overhead over the bare encoder.

Example:

    nice -n 10 .venv/bin/python benchmarks/bench_model.py --posts 10000

Posts are the team's own examples repeated with a counter (no third-party text needed). Both
timings run in the same process on the same texts, so the ratio holds on any machine; the
absolute posts/s depend on the cores (run with 2 to compare with the target).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import torch

from smpolicy.screening.config import ScreeningConfig
from smpolicy.screening.engine import Screener
from smpolicy.screening.model.encoder import embed, load_encoder

OWN = Path(__file__).resolve().parents[1] / "data/training/own_examples.jsonl"


def posts(n: int) -> list[str]:
    texts = [json.loads(line)["text"] for line in OWN.open(encoding="utf-8")]
    return [f"{texts[i % len(texts)]} #{i}" for i in range(n)]


def _seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    texts = posts(args.posts)
    with_model = Screener(config=ScreeningConfig(use_model=True))
    rules = Screener(config=ScreeningConfig(use_model=False))
    load_encoder()
    with_model.check_batch(texts[:64])  # warm up every path
    rules.check_batch(texts[:64])

    encoder_s = engine_s = rules_s = float("inf")
    verdicts: list[str] = []
    # Interleaved, best of each: on a shared machine a busy spell slows one timing, not all.
    for _ in range(args.repeats):
        encoder_s = min(encoder_s, _seconds(lambda: embed(texts)))
        engine_s = min(engine_s, _seconds(lambda: verdicts.extend(
            r.verdict for r in with_model.check_many(texts, batch_size=256)
        )))
        rules_s = min(rules_s, _seconds(lambda: list(rules.check_many(texts, batch_size=256))))

    print(f"posts: {len(texts)}, threads: {args.threads}, repeats: {args.repeats}")
    print(f"detectors with the model: {with_model.registry.names()}")
    print(f"encoder forward pass alone: {encoder_s:.1f} s ({len(texts) / encoder_s:.0f} posts/s)")
    print(f"engine with the classifier: {engine_s:.1f} s ({len(texts) / engine_s:.0f} posts/s)")
    print(f"engine, rules only:         {rules_s:.1f} s ({len(texts) / rules_s:.0f} posts/s)")
    print(f"engine overhead over the encoder: {100 * (engine_s / encoder_s - 1):.1f}%")
    print(f"flagged with the model: {sum(v != 'ok' for v in verdicts[: len(texts)])}")


if __name__ == "__main__":
    main()
