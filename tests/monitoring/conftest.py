"""Shared fixtures: one generated scenario (people, hours, requests, truth) per test session."""

from __future__ import annotations

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
