"""Self-audit speed on a generated Facebook export, against a baseline measured in the same run.

Baseline: open the same zip and ``json.loads`` every JSON member (what any reader must do).
Measured: ``audit_export`` on it, with a 2,000-person service-user register, so every friend is
matched and every post screened by the engine's default detectors.

    .venv/bin/python benchmarks/bench_selfaudit.py            # 50 MB of export JSON
    .venv/bin/python benchmarks/bench_selfaudit.py --mb 5     # a quick run
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
import zipfile
from pathlib import Path

from smpolicy.registers import HashedRegister, RegisterKey
from smpolicy.screening import Screener, ScreeningConfig
from smpolicy.selfaudit import audit_export

ROOT = "facebook-benchuser-2025-01-01-Xy12/"
FIRST = [
    "Alice", "Ben", "Chloe", "David", "Emma", "Frank", "Grace", "Harry",
    "Isla", "Jack", "Katie", "Liam", "Mia", "Noah", "Olivia", "Paul",
]
LAST = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Evans",
    "Thomas",
    "Roberts",
    "Walker",
]
PHRASES = [
    "Lovely walk along Gold Hill this morning",
    "Bins still not collected on our road",
    "Great turnout at the leisure centre gala",
    "Anyone know a good plumber in town?",
    "The planning meeting ran late again",
    "So proud of the under-11s today",
    "Coffee at the market, then back to work",
    "Can't believe the weather this week",
    "Volunteering at the food bank on Saturday",
    "New swimming timetable is out",
]


def generate(path: Path, megabytes: float, seed: int = 7) -> dict[str, int]:
    """A Facebook-layout export whose JSON members add up to about ``megabytes``."""
    rng = random.Random(seed)
    friends = [
        {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "timestamp": 1500000000 + i}
        for i in range(3000)
    ]
    profile = {
        "profile_v2": {
            "name": {"full_name": "Bench User"},
            "work_experiences": [{"employer": "Shaftesbury Town Council", "title": "Sports Coach"}],
        }
    }
    target = int(megabytes * 1024 * 1024)
    counts = {"posts": 0, "friends": len(friends)}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr(
            ROOT + "personal_information/profile_information/profile_information.json",
            json.dumps(profile),
        )
        written = len(json.dumps(profile))
        friends_json = json.dumps({"friends_v2": friends})
        archive.writestr(ROOT + "connections/friends/your_friends.json", friends_json)
        written += len(friends_json)
        part = 1
        while written < target:
            posts = []
            for _ in range(5000):
                words = " ".join(rng.choice(PHRASES) for _ in range(rng.randint(1, 3)))
                if rng.random() < 0.01:
                    words += f" with {rng.choice(FIRST)} {rng.choice(LAST)}"
                posts.append(
                    {
                        "timestamp": rng.randint(1262304000, 1735689600),
                        "data": [{"post": words}],
                        "title": "Bench User updated status.",
                    }
                )
            body = json.dumps(posts)
            archive.writestr(ROOT + f"your_facebook_activity/posts/your_posts_{part}.json", body)
            written += len(body)
            counts["posts"] += len(posts)
            part += 1
    counts["json_bytes"] = written
    counts["zip_bytes"] = path.stat().st_size
    return counts


def baseline(path: Path) -> float:
    start = time.perf_counter()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".json"):
                json.loads(archive.read(name))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="MB of export JSON (default 50)")
    args = parser.parse_args()
    key = "bench-register-key-0123456789"
    rng = random.Random(11)
    syllables = ["ka", "lo", "mi", "ren", "tor", "sa", "vin", "del", "ari", "bo"]
    made_up = [
        " ".join("".join(rng.choice(syllables) for _ in range(3)).title() for _ in range(2))
        for _ in range(2000 - len(FIRST) * len(LAST))
    ]
    # Register first names overlap the posts' and friends', so the prefilter lets them through.
    register = HashedRegister.from_names(
        [f"{f} {last}son" for f in FIRST for last in LAST] + made_up, RegisterKey(key.encode())
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.zip"
        counts = generate(path, args.mb)
        register_path = Path(folder) / "users.json"
        register.save(register_path)
        screener = Screener(
            config=ScreeningConfig(service_users_register=register_path, register_salt=key, use_model=False)
        )
        detectors = ", ".join(screener.registry.names()) or "none"
        base = baseline(path)
        start = time.perf_counter()
        report = audit_export(path, service_users=register, screener=screener)
        audit = time.perf_counter() - start
    print(
        f"export: {counts['json_bytes'] / 2**20:.1f} MiB JSON in a "
        f"{counts['zip_bytes'] / 2**20:.1f} MiB zip; "
        f"{counts['posts']:,} posts, {counts['friends']:,} friends"
    )
    print(f"detectors: {detectors}")
    print(f"baseline (unzip + json.loads every member): {base:.2f} s")
    print(
        f"selfaudit (read, match friends, screen every post, report): {audit:.2f} s "
        f"({report.posts.screened / audit:,.0f} posts/s)"
    )
    print(f"ratio selfaudit/baseline: {audit / base:.1f}x; {len(report.points)} points reported")


if __name__ == "__main__":
    main()
