"""Throughput and memory of ``smpolicy monitor report`` on a large Squid log, as ratios.

Builds a Squid native log of ``--lines`` lines: a generated scenario with known truth (people,
working hours, social-media sessions, background polling, malformed lines) padded with ordinary
browsing. Then, in one run on the same file, each in its own process so peak RSS is its own:

- ``wc``: Python counting lines (the floor any reader pays);
- ``raw scan``: DuckDB reading every line with the same reader the analysis uses (count and
  total length, so each line's text is read, not skipped);
- ``goaccess``: GoAccess (Debian package) parsing the file as a Squid log into a JSON report;
- ``smpolicy``: the whole analysis (parse, catalogue, people, working time, background, report)
  on DuckDB, at ``--lines`` and at a tenth of it, to show whether memory grows with the log.

The machine is shared: only ratios measured in the same run mean anything. The goals are
wall-clock lines/s; each line also gives CPU seconds (user + system, all threads, same span),
and their ratio, which moves less when other jobs share the cores, is printed beside.

    .venv/bin/python benchmarks/bench_monitor.py [--lines 5000000] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from smpolicy.monitoring.generate import NOISE_HOSTS, Scenario, Truth, generate, write_register

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from zoneinfo import ZoneInfo
kind, log, people, hours, threads = sys.argv[1:6]
from smpolicy.monitoring import analyse, connect, detect, load_catalogue, load_register
from smpolicy.monitoring.engines import DuckDBEngine
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
start, cpu_start = time.perf_counter(), cpu()
if kind == "wc":
    with open(log, "rb") as f:
        n = sum(1 for _ in f)
elif kind == "raw":
    engine = DuckDBEngine(threads=int(threads))
    lines = engine.lines([Path(log)])
    got = engine.con.execute(lines.aggregate(n=lines.count(), chars=lines.line.length().sum()))
    n = int(got.n[0])
else:
    register = load_register(Path(people), Path(hours), ZoneInfo("Europe/London"))
    engine = connect("duckdb", threads=int(threads))
    result = analyse(engine, [(Path(log), detect(Path(log)))], load_catalogue(), register)
    n = result.lines_read
print(json.dumps({"lines": n, "seconds": time.perf_counter() - start, "cpu": cpu() - cpu_start}))
"""


def write_log(path: Path, lines: int, seed: int = 3) -> tuple[Path, Path, Truth]:
    people, hours, requests, truth = generate(Scenario(people=30, days=10, noise_per_hour=5))
    people_path, hours_path = write_register(path.parent, people, hours)
    rng = random.Random(seed)
    ips = [p["client_ip"] for p in people]
    base = requests[0].ts
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for r in requests:
            out.write(f"{r.ts:.3f} {rng.randrange(1, 5000):6d} {r.ip} TCP_MISS/200 "
                      f"{rng.randrange(200, 90000)} {r.method} https://{r.host}/x {r.username} "
                      "HIER_DIRECT/93.184.216.34 text/html\n")
            written += 1
        chunk = []
        while written < lines:
            ts = base + rng.uniform(0, 10 * 86400)
            chunk.append(f"{ts:.3f} {rng.randrange(1, 5000):6d} {rng.choice(ips)} TCP_MISS/200 "
                         f"{rng.randrange(200, 90000)} GET https://{rng.choice(NOISE_HOSTS)}/"
                         f"{rng.randrange(99999)} - HIER_DIRECT/93.184.216.34 text/html\n")
            written += 1
            if len(chunk) == 10000:
                out.write("".join(chunk))
                chunk = []
        out.write("".join(chunk))
    return people_path, hours_path, truth


def measured(command: list[str]) -> tuple[str, float, float, float]:
    """Output, wall seconds, peak RSS (MiB) and CPU seconds of this one child process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {command[:3]}")
        out.seek(0)
        return out.read(), seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def child(kind: str, log: Path, people: Path, hours: Path, threads: int) -> dict:
    """Seconds are timed inside the child, after imports: start-up is not log throughput."""
    text, _, rss, _ = measured([sys.executable, "-c", CHILD, kind, str(log), str(people),
                                str(hours), str(threads)])
    return {**json.loads(text.strip().splitlines()[-1]), "rss_mb": rss}


def goaccess(log: Path, workdir: Path) -> dict | None:
    binary = shutil.which("goaccess")
    if binary is None:
        return None
    # GoAccess 1.7's predefined SQUID format rejects absolute URLs; this is the same format
    # spelled out, with the epoch date and time specifiers.
    _, seconds, rss, cpu = measured([
        binary, str(log), "--log-format=%x.%^ %~%L %h %^/%s %b %m %U", "--date-format=%s",
        "--time-format=%s", "--no-progress", "-o", str(workdir / "goaccess.json")])
    return {"seconds": seconds, "rss_mb": rss, "cpu": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=5_000_000)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        small, big = workdir / "small.log", workdir / "access.log"
        t = time.perf_counter()
        people, hours, _ = write_log(big, args.lines)
        write_log(small, args.lines // 10)
        print(f"generated {args.lines} lines ({big.stat().st_size / 2**20:.0f} MiB) "
              f"in {time.perf_counter() - t:.0f} s")
        results = {name: child(kind, big, people, hours, args.threads)
                   for name, kind in (("wc", "wc"), ("raw scan", "raw"), ("smpolicy", "report"))}
        small_run = child("report", small, people, hours, args.threads)
        ga = goaccess(big, workdir)
    rate = {name: args.lines / r["seconds"] for name, r in results.items()}
    for name, r in results.items():
        print(f"{name:<10} {rate[name]:>12,.0f} lines/s  {r['seconds']:7.2f} s  "
              f"cpu {r['cpu']:6.2f} s  peak RSS {r['rss_mb']:.0f} MiB")
    if ga:
        rate["goaccess"] = args.lines / ga["seconds"]
        print(f"{'goaccess':<10} {rate['goaccess']:>12,.0f} lines/s  {ga['seconds']:7.2f} s  "
              f"cpu {ga['cpu']:6.2f} s  peak RSS {ga['rss_mb']:.0f} MiB")

    def cpu_ratio(other: dict) -> float:
        return other["cpu"] / results["smpolicy"]["cpu"]

    print(f"smpolicy / raw DuckDB scan: {rate['smpolicy'] / rate['raw scan']:.2f}  "
          f"(by CPU seconds {cpu_ratio(results['raw scan']):.2f})")
    if ga:
        print(f"smpolicy / GoAccess:        {rate['smpolicy'] / rate['goaccess']:.2f}  "
              f"(by CPU seconds {cpu_ratio(ga):.2f})")
    print(f"peak RSS at {args.lines // 10} lines {small_run['rss_mb']:.0f} MiB, at {args.lines} "
          f"lines {results['smpolicy']['rss_mb']:.0f} MiB "
          f"(ratio {results['smpolicy']['rss_mb'] / small_run['rss_mb']:.2f})")


if __name__ == "__main__":
    main()
