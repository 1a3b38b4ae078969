"""Shared fixtures: one generated scenario (people, hours, requests, truth) per test session."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from smpolicy.monitoring import Register, load_register
from smpolicy.monitoring.generate import Request, Scenario, Truth, generate, write_register

KEY = "test-key-0123456789abcdef"


@dataclass
class World:
    directory: Path
    people: Path
    hours: Path
    register: Register
    requests: list[Request]
    truth: Truth


def make_world(directory: Path, scenario: Scenario) -> World:
    people, hours, requests, truth = generate(scenario)
    people_path, hours_path = write_register(directory, people, hours)
    register = load_register(people_path, hours_path, ZoneInfo("Europe/London"))
    return World(directory, people_path, hours_path, register, requests, truth)


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return make_world(tmp_path_factory.mktemp("world"), Scenario())


@pytest.fixture(autouse=True)
def pseudonym_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SMPOLICY_PSEUDONYM_KEY", KEY)
    monkeypatch.setenv("SMPOLICY_REVEAL_LOG", str(tmp_path / "reveals.jsonl"))


@pytest.fixture
def new_world(tmp_path: Path):
    """Build a smaller or different scenario inside one test."""
    return lambda scenario: make_world(tmp_path, scenario)


# Squid lines mixing well-formed and malformed parts: odd schemes, users, ports, hosts, times,
# tabs and padding, too few fields. For checking that a shortcut in parsing changes nothing.
TIMES = ["1711357200.123", "1711357200", "  1711357200.5", "0001711357200", "1.7113572e9",
         "1711357200.", "-", "12a", "٣٣٣", "-5", "999999999", "0999999999", "9999999999",
         "99999999999999999999", "171135720000000000"]
SCHEMES = ["", "http://", "HTTPS://", "a.b://", "x+y-z.://", "1http://", "http:/"]
USERS = ["", "u@", "u:p@", "@", "a.com:80@"]
HOSTS = ["www.facebook.com", "WWW.FaceBook.COM", "facebook.com.evil.org", "xfacebook.com",
         "www.bbc.co.uk", "bbc", "a..b", "-.-", "a_b.c-d", "10.0.0.1", "bücher.de", "fb.me", "",
         "www.google.com", "plus.google.com", "K.example", ".bbc.co.uk", "www.bbc.co.uk."]
PORTS = ["", ":443", ":", ":x", ":443:80"]
PATHS = ["", "/", "/x", "/a@b", "?q=1", "?x@www.facebook.com/", "#f", "//", "/x://y"]
GAPS = [" ", "   ", "\t", " \t "]


def _odd_squid_line(rng: random.Random) -> str:
    url = (rng.choice(SCHEMES) + rng.choice(USERS) + rng.choice(HOSTS) + rng.choice(PORTS)
           + rng.choice(PATHS))
    fields = [rng.choice(TIMES), "5", "10.0.0.1", "TCP_MISS/200", "10", "GET", url,
              rng.choice(["-", "alice", ""]), "HIER_NONE/-", "text/html"]
    fields = fields[: rng.choice([5, 6, 7, 7, 8, 10, 10, 10])]
    gaps = [rng.choice(GAPS) for _ in fields[1:]] + [rng.choice(["", *GAPS])]
    return rng.choice(["", " ", "\t"]) + "".join(f + g for f, g in zip(fields, gaps, strict=True))


@pytest.fixture(scope="session")
def odd_squid_lines() -> Callable[[int], list[str]]:
    return lambda count: [_odd_squid_line(random.Random(seed)) for seed in range(count)]
