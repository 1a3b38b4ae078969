"""The model loads once per test session, and only when a test asks for it."""

from __future__ import annotations

import os

import pytest

from smpolicy.screening.model.encoder import model_stack_available


@pytest.fixture(scope="session")
def screener():
    if not model_stack_available():
        pytest.skip("the model stack (torch, sentence-transformers, weights) is not installed")
    os.environ["HF_HUB_OFFLINE"] = "1"
    from smpolicy.screening import Screener, ScreeningConfig

    return Screener(config=ScreeningConfig(use_model=True))


@pytest.fixture(scope="session")
def discrimination(screener):
    """A function giving a post's 6.4(c) findings as the engine, with the model, reports them."""
    from smpolicy.screening.findings import Category

    def findings(text: str) -> list:
        return [f for f in screener.check(text).findings if f.category is Category.DISCRIMINATION]

    return findings
