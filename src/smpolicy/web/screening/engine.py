"""One Screener per process, built on first use: detectors load once, not per request."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache
from typing import Any

from smpolicy.screening import Screener, ScreeningConfig
from smpolicy.screening.config import load_config

_lock = threading.Lock()
_screener: Screener | None = None


@cache
def web_config() -> ScreeningConfig:
    """The engine's configuration (``$SMPOLICY_CONFIG`` or the defaults), as the CLI reads it."""
    return load_config()


def get_screener() -> Screener:
    global _screener
    if _screener is None:
        with _lock:
            if _screener is None:
                _screener = Screener(config=web_config())
    return _screener


def screen(text: str) -> dict[str, Any]:
    """The same object as ``smpolicy check --json``; raises InputError for unusable text."""
    return get_screener().check(text).to_dict()


def screen_post(text: str, images: Sequence[tuple[str, bytes]]) -> dict[str, Any]:
    """A post with images (name, bytes), screened in memory; per-image errors are reported.

    The same object as ``smpolicy check --json --image ...``; raises InputError only when
    nothing can be screened (no text and no images).
    """
    from smpolicy.screening.images.loading import ImageSource
    from smpolicy.screening.posts import Post

    post = Post.of(text, [ImageSource.from_bytes(data, name=name) for name, data in images])
    return get_screener().check_post(post).to_dict()
