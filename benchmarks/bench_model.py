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
from pathlib import Path

import torch

from smpolicy.screening.engine import Screener
from smpolicy.screening.model.encoder import embed, load_encoder

OWN = Path(__file__).resolve().parents[1] / "data/training/own_examples.jsonl"


def posts(n: int) -> list[str]:
    texts = [json.loads(line)["text"] for line in OWN.open(encoding="utf-8")]
    return [f"{texts[i % len(texts)]} #{i}" for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    texts = posts(args.posts)
    screener = Screener()
    load_encoder()
    screener.check_batch(texts[:64])  # warm up both paths

    start = time.perf_counter()
    embed(texts)
    encoder_s = time.perf_counter() - start

    start = time.perf_counter()
    verdicts = [r.verdict for r in screener.check_many(texts, batch_size=256)]
    engine_s = time.perf_counter() - start

    print(
        f"posts: {len(texts)}, threads: {args.threads}, detectors: {screener.registry.names()}"
    )
    print(f"encoder forward pass alone: {encoder_s:.1f} s ({len(texts) / encoder_s:.0f} posts/s)")
    print(f"engine with the classifier: {engine_s:.1f} s ({len(texts) / engine_s:.0f} posts/s)")
    print(f"engine overhead over the encoder: {100 * (engine_s / encoder_s - 1):.1f}%")
    print(f"flagged: {sum(v != 'ok' for v in verdicts)}")


if __name__ == "__main__":
    main()
