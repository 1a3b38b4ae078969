"""Shared fixtures: one screener per test session (detectors load once), rules only."""

from __future__ import annotations

import pytest

from smpolicy.screening import Screener, ScreeningConfig
from smpolicy.screening.buildcache import ENV_VAR


@pytest.fixture(scope="session", autouse=True)
def _build_cache_in_a_temporary_folder(tmp_path_factory):
    """Commands keep a build cache (``screening.buildcache``); tests keep theirs out of ~/.cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENV_VAR, str(tmp_path_factory.mktemp("build-cache")))
        yield


@pytest.fixture(scope="session")
def screener() -> Screener:
    return Screener(config=ScreeningConfig(use_model=False))


@pytest.fixture(scope="session")
def flagged(screener: Screener):
    """Categories a post is flagged for (review or breach), as a set of strings."""

    def categories(text: str) -> set[str]:
        return {finding.category.value for finding in screener.check(text).findings}

    return categories
