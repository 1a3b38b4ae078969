"""Keys the site needs but the repository must never hold.

Each comes from an environment variable; when that is absent (a developer's machine), a random
key is generated once and kept in the user's config folder, outside the repository.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


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
