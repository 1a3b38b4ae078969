from __future__ import annotations

import pytest

from smpolicy.registers import HashedRegister, RegisterKey

SERVICE_USERS = [
    "William Smith",
    "Dr Siân O'Connor",
    "JONES, Katherine",
    "Mrs Mary-Anne Fletcher-Brown",
    "Alex Turner",
    "Li Wu",
]


@pytest.fixture
def key() -> RegisterKey:
    return RegisterKey(b"test-key-not-for-production")


@pytest.fixture
def register(key: RegisterKey) -> HashedRegister:
    return HashedRegister.from_names(SERVICE_USERS, key)
