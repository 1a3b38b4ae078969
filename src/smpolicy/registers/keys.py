"""The secret key that salts every register hash, and the keyed hash itself.

Registers are stored as HMAC-SHA256 digests keyed with a council secret, so the file alone
says nothing about who is on it: without the key nobody can test a guessed name against it.
With the key anyone can, so the key is kept like a password (environment or config file, never
in the repository) and the code has no built-in fallback: a missing key is an error.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass, field

from smpolicy.exceptions import RegisterError

ENV_VAR = "SMPOLICY_REGISTER_SALT"
MIN_KEY_CHARS = 16
DIGEST_BYTES = 16  # 128 bits of the SHA-256 HMAC: collisions are out of reach, files stay small
_KEY_CHECK = b"smpolicy:register-key-check"


@dataclass(frozen=True, slots=True)
class RegisterKey:
    """A register key; ``digest`` is the keyed hash every register entry and query goes through."""

    secret: bytes = field(repr=False)

    def digest(self, message: str) -> str:
        mac = hmac.digest(self.secret, message.encode("utf-8"), hashlib.sha256)
        return mac[:DIGEST_BYTES].hex()

    @property
    def check(self) -> str:
        """A fingerprint stored with a register so that a wrong key is caught at load time."""
        return hmac.digest(self.secret, _KEY_CHECK, hashlib.sha256)[:DIGEST_BYTES].hex()


def resolve_key(configured: str | None = None) -> RegisterKey:
    """The key from configuration (``register_salt``) or ``$SMPOLICY_REGISTER_SALT``.

    Refuses to run without one rather than fall back to a key everyone could read in the code.
    """
    secret = configured or os.environ.get(ENV_VAR)
    if not secret:
        raise RegisterError(
            f"no register key: set {ENV_VAR} (or register_salt in the configuration) to the "
            "council's secret; the same key must be used to hash a register and to match it"
        )
    if len(secret) < MIN_KEY_CHARS:
        raise RegisterError(
            f"the register key is {len(secret)} characters; use at least {MIN_KEY_CHARS} "
            "(a short key lets anyone holding the hashed file guess names)"
        )
    return RegisterKey(secret.encode("utf-8"))
