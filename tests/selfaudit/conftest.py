"""Fixtures for the self-audit tests; the exports themselves are built in fixture_exports."""

from __future__ import annotations

import pytest
from fixture_exports import KEY

from smpolicy.registers import HashedRegister


@pytest.fixture
def service_users() -> HashedRegister:
    return HashedRegister.from_names(["William Smith", "Katherine Jones", "Sian O'Connor"], KEY)
