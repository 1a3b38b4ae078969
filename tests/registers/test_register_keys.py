from __future__ import annotations

import pytest

from smpolicy.exceptions import RegisterError
from smpolicy.registers import ENV_VAR, RegisterKey, resolve_key


def test_a_missing_key_is_refused_rather_than_replaced_by_a_built_in_one(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    with pytest.raises(RegisterError, match=ENV_VAR):
        resolve_key(None)


def test_a_short_key_is_refused(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    with pytest.raises(RegisterError, match="at least 16"):
        resolve_key("short")


def test_the_configured_key_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "environment-key-123456")
    assert resolve_key("configured-key-123456") == RegisterKey(b"configured-key-123456")
    assert resolve_key(None) == RegisterKey(b"environment-key-123456")


def test_different_keys_give_different_hashes_of_the_same_name():
    one, two = RegisterKey(b"first-key-abcdefgh"), RegisterKey(b"second-key-abcdefgh")
    assert one.digest("name:john smith") != two.digest("name:john smith")
    assert one.check != two.check


def test_the_key_is_not_shown_in_its_repr():
    assert "secret-value" not in repr(RegisterKey(b"secret-value-123456"))
