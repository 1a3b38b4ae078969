"""p50/p95 server time of the casework pages with 10,000 cases (in-process, one client).

Builds a throwaway SQLite database (or uses DATABASE_URL), a 40-person demo council and
``--cases`` cases spread over every stage, clause and outcome, then times each page
``--requests`` times through Django's test client as the Town Clerk (who sees every case).
The case page is one at the meeting stage, so it computes comparable cases.

    .venv/bin/python benchmarks/bench_cases.py [--cases 10000] [--requests 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("SMPOLICY_DATA_DIR", tempfile.mkdtemp(prefix="smpolicy-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smpolicy.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from smpolicy.web.cases.models import Case, Outcome, Severity, Stage
    from smpolicy.web.people.demo import load_demo
    from smpolicy.web.people.models import Person, Role

    call_command("migrate", interactive=False, verbosity=0)
    load_demo("bench-password-1", people=40)
    people = list(Person.objects.all())
    clerk = Person.objects.get(role=Role.TOWN_CLERK)
    rng = random.Random(6)
    now = timezone.now()
    clauses = ["6.4(a)", "6.4(b)", "6.4(c)", "6.4(d)", "6.4(e)"]
    categories = ["disrepute", "confidentiality", "discrimination", "incompatible_conduct"]
    rows = []
    for _ in range(args.cases):
        stage = rng.choice(Stage.values)
        decided = stage in (Stage.OUTCOME, Stage.APPEALED, Stage.CLOSED)
        opened = now - dt.timedelta(days=rng.randint(1, 900))
        rows.append(Case(
            subject=rng.choice(people), clause=rng.choice(clauses), allegation="x",
            severity=rng.choice(Severity.values), stage=stage, opened_at=opened,
            stage_since=opened, categories=rng.sample(categories, rng.randint(1, 2)),
            outcome=rng.choice(Outcome.values) if decided else "",
            decided_at=opened + dt.timedelta(days=20) if decided else None))
    Case.objects.bulk_create(rows, batch_size=1000)
    meeting = Case.objects.filter(stage=Stage.MEETING).first()
    client = Client()
    client.force_login(clerk.user)
    pages = ["/cases/", "/cases/dashboard/", f"/cases/{meeting.pk}/", "/api/cases"]
    print(f"{Case.objects.count()} cases; {args.requests} requests per page")
    for page in pages:
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(page)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, (page, response.status_code)
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(f"{page:24} p50 {statistics.median(times) * 1000:7.1f} ms   "
              f"p95 {p95 * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
