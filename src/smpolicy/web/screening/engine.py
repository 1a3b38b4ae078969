"""One Screener per process, built on first use: detectors load once, not per request."""

from __future__ import annotations

import threading
from typing import Any

from smpolicy.screening import Screener

_lock = threading.Lock()
_screener: Screener | None = None


def get_screener() -> Screener:
    global _screener
    if _screener is None:
        with _lock:
            if _screener is None:
                _screener = Screener()
    return _screener


def screen(text: str) -> dict[str, Any]:
    """The same object as ``smpolicy check --json``; raises InputError for unusable text."""
    return get_screener().check(text).to_dict()
