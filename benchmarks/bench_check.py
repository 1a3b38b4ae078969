"""Throughput of rules-only screening, against a baseline measured in the same run.

Posts are made by recombining the sentences of ``data/devset/dev.jsonl`` with a fixed seed, so
they read like council staff posts and every run screens the same text. Timed, best of
``--repeat`` runs each:

- ``smpolicy check --jsonl FILE --no-model`` as a subprocess, end to end (start-up, JSON in and
  out), with ``--workers 1`` and with one worker per CPU, on ``--posts`` posts (10,000: the
  figure the target is set on) and on ``--steady-posts`` posts (50,000), where start-up weighs
  less; the steady rate ``(50,000 - 10,000) / (t50k - t10k)`` leaves start-up out altogether;
- the start-up itself: ``check --jsonl`` on one post;
- ``Screener.check_many`` in this process (rules only);
- the baseline, ``alt-profanity-check``'s ``predict_prob`` on the same posts.

The package's modules are byte-compiled first (``compile_sources``), as in an installed copy.

Each subprocess line also gives its CPU seconds (the command and its workers), which a busy
machine changes much less than the wall clock; the load average is printed before and after.
``--compare-src DIR`` times the same subprocess runs with ``PYTHONPATH=DIR`` (for example an
older checkout's ``src``), interleaved with these, and prints the ratio: a before/after
measured in one run. ``--per-detector`` times normalisation and each detector on its own.

The machine is shared, so only the ratios to the baseline mean anything across runs.

    .venv/bin/python benchmarks/bench_check.py [--posts 10000] [--steady-posts 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smpolicy.screening import Screener

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "data" / "devset" / "dev.jsonl"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def make_posts(count: int, seed: int) -> list[str]:
    """``count`` distinct posts of one to four dev-set sentences each, drawn with ``seed``.

    Distinct, because the engine caches its scan and cues per text (for the detectors of one
    post): a repeated post would be served from those caches and flatter the rate. Drawn with
    repeats, 21% of 10,000 posts were repeats, and they took 104 µs per post against 121 µs for
    the distinct ones alone.
    """
    sentences = [
        sentence
        for line in DEV.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for sentence in SENTENCE_END.split(json.loads(line)["text"])
        if sentence.strip()
    ]
    rng = random.Random(seed)
    posts: dict[str, None] = {}
    while len(posts) < count:
        posts.setdefault(" ".join(rng.choices(sentences, k=rng.randint(1, 4))), None)
    return list(posts)


def best_of(repeat: int, run: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return min(timings)


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds, best of the repeats
    cpu: float  # CPU seconds of that best run: the command and the workers it forked


def run_cli(path: Path, extra: list[str], expected: int, src: str | None = None) -> Timing:
    command = [sys.executable, "-m", "smpolicy", "check", "--jsonl", str(path), "--no-model"]
    # The other tree gets a build cache of its own: sharing one, each run would evict the other
    # tree's compiled patterns, and the tree with more patterns would pay start-up again.
    env = dict(os.environ, PYTHONPATH=src,
               SMPOLICY_CACHE_DIR=str(Path(tempfile.gettempdir()) / "smpolicy-bench-compare-cache")
               ) if src else None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command + extra, capture_output=True, check=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = done.stdout.count(b"\n")
    if lines != expected:
        raise SystemExit(f"check --jsonl wrote {lines} lines for {expected} posts")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def best_runs(repeat: int, runs: dict[str, Callable[[], Timing]]) -> dict[str, Timing]:
    """Each run ``repeat`` times, interleaved (so a burst of load hits all alike); the fastest of each."""
    timings: dict[str, list[Timing]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            timings[name].append(run())
    return {name: min(found, key=lambda t: t.wall) for name, found in timings.items()}


def cli_has_workers() -> bool:
    from smpolicy.commands.check import check

    return any(param.name == "workers" for param in check.params)


def compile_sources(folders: list[Path]) -> None:
    """Byte-compile the package as an installed wheel has it, even where ``PYTHONDONTWRITEBYTECODE``
    is set (this project's development machines set it): otherwise every timed run compiles the
    package's modules from source first (~0.04 s of start-up that no installed copy pays)."""
    import compileall

    for folder in folders:
        compileall.compile_dir(folder, quiet=1)


def write_posts(path: Path, posts: list[str]) -> None:
    path.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(posts)), encoding="utf-8"
    )


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--steady-posts", type=int, default=50_000,
                        help="a larger run, where start-up weighs less (0: skip)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--compare-src", metavar="DIR",
                        help="also time the subprocess runs with PYTHONPATH=DIR (e.g. an older src/)")
    parser.add_argument("--per-detector", action="store_true",
                        help="also time normalisation and each detector alone")
    args = parser.parse_args()

    from profanity_check import predict_prob

    from smpolicy.screening import Screener, ScreeningConfig

    print(f"load average before: {load()}")
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
    baseline = next(iter(rates.values()))
    cpus = os.cpu_count() or 1
    worker_counts = [1, cpus] if cli_has_workers() else [0]
    sources = {"": None, " [compare]": args.compare_src} if args.compare_src else {"": None}
    compile_sources([ROOT / "src", *([Path(args.compare_src)] if args.compare_src else [])])

    with tempfile.TemporaryDirectory() as folder:
        sizes = {n: Path(folder) / "posts.jsonl"}
        write_posts(sizes[n], posts)
        if args.steady_posts > n:
            sizes[args.steady_posts] = Path(folder) / "steady.jsonl"
            write_posts(sizes[args.steady_posts], make_posts(args.steady_posts, args.seed))
        one = Path(folder) / "one.jsonl"
        write_posts(one, posts[:1])
        runs: dict[str, Callable[[], Timing]] = {}
        for tag, src in sources.items():
            runs[f"start-up: check --jsonl on 1 post{tag}"] = (
                lambda src=src: run_cli(one, ["--workers", "1"] if worker_counts != [0] else [], 1, src))
            for size, path in sizes.items():
                for workers in worker_counts:
                    extra = ["--workers", str(workers)] if workers else []
                    runs[_cli_name(size, workers, tag)] = (
                        lambda path=path, extra=extra, size=size, src=src: run_cli(path, extra, size, src))
        timings = best_runs(args.repeat, runs)

    print(f"{n:,} posts from {DEV.relative_to(ROOT)} (seed {args.seed}), best of {args.repeat}; "
          f"os.cpu_count() = {cpus}")
    print(f"{'':64}{'posts/s':>10}{'x baseline':>12}{'wall s':>9}{'cpu s':>8}")
    for name, rate in rates.items():
        print(f"{name:<64}{rate:>10,.0f}{rate / baseline:>12.2f}")
    for name, timing in timings.items():
        size = int(name.split(" posts")[0].replace(",", "")) if " posts" in name else 1
        rate = f"{size / timing.wall:>10,.0f}{size / timing.wall / baseline:>12.2f}" if size > 1 else " " * 22
        print(f"{name:<64}{rate}{timing.wall:>9.2f}{timing.cpu:>8.2f}")
    for tag in sources:
        for workers in worker_counts:
            if args.steady_posts > n:
                big = timings[_cli_name(args.steady_posts, workers, tag)]
                small = timings[_cli_name(n, workers, tag)]
                extra = args.steady_posts - n
                print(f"steady rate, workers={workers}{tag}: ({extra:,} posts) / "
                      f"({big.wall:.2f} s - {small.wall:.2f} s) = {extra / (big.wall - small.wall):,.0f} posts/s")
    if args.compare_src:
        for name, timing in timings.items():
            if name.endswith(" [compare]"):
                ours = timings[name.removesuffix(" [compare]")]
                print(f"{name.removesuffix(' [compare]'):<64} now/compare: wall x{timing.wall / ours.wall:.2f} "
                      f"faster, cpu x{timing.cpu / ours.cpu:.2f} less")
    if worker_counts == [0]:
        print("check has no --workers option yet: single-process figures only")
    print(f"load average after: {load()}")
    if args.per_detector:
        print_per_detector(screener, posts, args.repeat)


def _cli_name(size: int, workers: int, tag: str) -> str:
    where = f"--workers {workers}" if workers else "1 process"
    return f"{size:,} posts: check --jsonl --no-model {where}{tag}"


def print_per_detector(screener: Screener, posts: list[str], repeat: int) -> None:
    """Seconds per stage over all posts, batch by batch as the engine runs: where the time goes.

    The shared scan of each post (every lexicon and regex gate in one pass) is its own stage;
    detectors then find it cached, as they do in the engine.
    """
    from smpolicy.screening import normalise
    from smpolicy.screening.scan import scan

    best: dict[str, float] = {}
    for _ in range(repeat):
        _clear_per_text_caches()  # earlier runs over the same posts would fill them
        stages: dict[str, float] = {}
        for first in range(0, len(posts), 256):
            batch = posts[first : first + 256]
            start = time.process_time()
            prepared = [normalise(text) for text in batch]
            stages["normalise"] = stages.get("normalise", 0.0) + time.process_time() - start
            start = time.process_time()
            for post in prepared:
                scan(post.text)
            stages["shared scan"] = stages.get("shared scan", 0.0) + time.process_time() - start
            for detector in screener.registry:
                start = time.process_time()
                detector.detect_batch(prepared)
                name = f"detector {detector.name}"
                stages[name] = stages.get(name, 0.0) + time.process_time() - start
        best = {name: min(seconds, best.get(name, seconds)) for name, seconds in stages.items()}
    total = sum(best.values())
    print(f"{'stage (CPU seconds, ' + format(len(posts), ',') + ' posts)':<40}{'seconds':>10}{'share':>8}")
    for name, seconds in sorted(best.items(), key=lambda item: -item[1]):
        print(f"{name:<40}{seconds:>10.3f}{seconds / total:>8.0%}")


def _clear_per_text_caches() -> None:
    from smpolicy.screening import cues, lexicon, scan

    for cached in (scan.scan, cues.cues_for, cues._self_identified, lexicon._sentence_ends):
        cached.cache_clear()


if __name__ == "__main__":
    main()
