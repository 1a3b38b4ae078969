"""Shared fixtures: one screener per test session (detectors load once), rules only."""

from __future__ import annotations

import pytest

from smpolicy.screening import Screener, ScreeningConfig


@pytest.fixture(scope="session")
def screener() -> Screener:
    return Screener(config=ScreeningConfig(use_model=False))


@pytest.fixture(scope="session")
def flagged(screener: Screener):
    """Categories a post is flagged for (review or breach), as a set of strings."""

    def categories(text: str) -> set[str]:
        return {finding.category.value for finding in screener.check(text).findings}

    return categories
