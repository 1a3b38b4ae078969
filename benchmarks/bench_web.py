"""p50/p95 latency of the people list and coverage pages: 1,000 people, 50 concurrent clients.

Builds a throwaway SQLite database (or uses DATABASE_URL), loads a 1,000-person demo council,
serves the site with waitress on loopback (as `smpolicy web serve` does), signs 50 clients in as
the Town Clerk (who sees everyone), and has each request the pages in turn.

    .venv/bin/python benchmarks/bench_web.py [--people 1000] [--clients 50] [--requests 20]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie

PAGES = ("/people/", "/coverage/")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=20, help="per client and page")
    parser.add_argument("--port", type=int, default=8931)
    parser.add_argument("--threads", type=int, default=8, help="server worker threads")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="smpolicy-bench-")
    os.environ.setdefault("SMPOLICY_DATA_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smpolicy.web.settings")
    import django

    django.setup()
    import logging

    from django.core.management import call_command
    from waitress.server import create_server

    from smpolicy.web.people.demo import load_demo
    from smpolicy.web.people.models import Person, Role
    from smpolicy.web.wsgi import application

    call_command("migrate", interactive=False, verbosity=0)
    password = "bench-password-1"
    load_demo(password, people=args.people)
    clerk = Person.objects.get(role=Role.TOWN_CLERK).user.get_username()

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # queueing is the point here
    server = create_server(application, host="127.0.0.1", port=args.port, threads=args.threads)
    threading.Thread(target=server.run, daemon=True).start()

    cookies = [sign_in(args.port, clerk, password) for _ in range(args.clients)]
    for page in PAGES:  # warm up: first request builds the screener, caches the policy
        get(args.port, page, cookies[0])

    print(f"{args.people} people, {args.clients} concurrent clients, "
          f"{args.requests} requests per client per page, waitress {args.threads} threads, "
          f"{os.environ.get('DATABASE_URL', 'SQLite').split('@')[-1]}")
    for page in PAGES:
        def client(cookie: str, page: str = page) -> list[float]:
            return [get(args.port, page, cookie) for _ in range(args.requests)]

        started = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            times = [t for batch in pool.map(client, cookies) for t in batch]
        wall = time.perf_counter() - started
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(f"{page:<12} n={len(times)}  p50={statistics.median(times) * 1000:7.1f} ms  "
              f"p95={p95 * 1000:7.1f} ms  throughput={len(times) / wall:6.1f} req/s")
    server.close()


def sign_in(port: int, username: str, password: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/login/")
    response = conn.getresponse()
    body = response.read().decode()
    csrf_cookie = SimpleCookie(response.getheader("Set-Cookie"))["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    form = f"csrfmiddlewaretoken={token}&username={username}&password={password}"
    conn.request("POST", "/login/", body=form, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf_cookie}",
        "Referer": f"http://127.0.0.1:{port}/login/"})
    response = conn.getresponse()
    response.read()
    if response.status != 302:
        sys.exit(f"sign-in failed: HTTP {response.status}")
    session = SimpleCookie(response.getheader("Set-Cookie"))["sessionid"].value
    return f"sessionid={session}"


def get(port: int, path: str, cookie: str) -> float:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", path, headers={"Cookie": cookie})
    response = conn.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}")
    conn.close()
    return elapsed


if __name__ == "__main__":
    main()
