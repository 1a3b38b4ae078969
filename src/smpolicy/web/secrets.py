"""Keys the site needs but the repository must never hold.

Each comes from an environment variable; when that is absent (a developer's machine), a random
key is generated once and kept in the user's config folder, outside the repository.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from smpolicy.exceptions import RegisterError
from smpolicy.registers import resolve_key


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "smpolicy"


def key_from_env_or_file(env_var: str, filename: str) -> str:
    """The key in ``env_var``, else the one stored in ``filename``, made on first use."""
    value = os.environ.get(env_var)
    if value:
        return value
    path = config_dir() / filename
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key


def register_salt() -> str:
    """The register key: ``$SMPOLICY_REGISTER_SALT``, the one the CLI and engine read, else a
    generated one. The web app's earlier ``SMPOLICY_REGISTER_KEY`` is refused with a pointer,
    so that a deployment does not silently switch to another key (and match nobody)."""
    if os.environ.get("SMPOLICY_REGISTER_KEY") and not os.environ.get("SMPOLICY_REGISTER_SALT"):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "SMPOLICY_REGISTER_KEY was renamed SMPOLICY_REGISTER_SALT (one register key for the "
            "site and the CLI): rename it, then re-import the service-user register"
        )
    key = key_from_env_or_file("SMPOLICY_REGISTER_SALT", "register_key")
    try:  # fail at start-up, not with a 500 on the first screened post
        resolve_key(key)
    except RegisterError as error:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"SMPOLICY_REGISTER_SALT: {error}") from None
    return key
