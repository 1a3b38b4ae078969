"""One Screener per process, built on first use: detectors load once, not per request.

The site's service-user register (``people.ServiceUser``) is given to the engine's own
``register_match`` detector, so a post naming a service user gets the same 6.4(b) finding as
``smpolicy check --service-users``. The register is read again only when it has changed (one
aggregate query per check); the other detectors are shared, never rebuilt.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from django.conf import settings

from smpolicy.registers import HashedRegister, TextMatcher
from smpolicy.screening import Screener, ScreeningConfig
from smpolicy.screening.config import load_config
from smpolicy.screening.detectors.register_match import RegisterMatchDetector
from smpolicy.screening.registry import DetectorRegistry

_lock = threading.Lock()
_base: Screener | None = None  # detectors as configured (registers from files, if any)
_screener: Screener | None = None  # the base with the site's register; rebuilt when it changes
_version: object = None


@cache
def web_config() -> ScreeningConfig:
    """The engine's configuration (``$SMPOLICY_CONFIG`` or the defaults), as the CLI reads it,
    with the site's register key unless the configuration names one: one key for both."""
    config = load_config()
    return replace(config, register_salt=config.register_salt or settings.REGISTER_SALT)


@cache
def rules_screener() -> Screener:
    """The rules without the classifier, for the self-audit of a whole export (thousands of posts)."""
    return Screener(config=replace(web_config(), use_model=False))


def get_screener() -> Screener:
    """The shared screener, with the service-user register as it is now."""
    from smpolicy.web.people.register import register_version, service_user_register

    global _base, _screener, _version
    version = register_version()
    if _screener is None or version != _version:
        with _lock:
            if _base is None:
                _base = Screener(config=web_config())
            if _screener is None or version != _version:
                _screener = with_service_users(_base, service_user_register())
                _version = version
    return _screener


def with_service_users(base: Screener, register: HashedRegister | None) -> Screener:
    """``base``'s detectors, with ``register`` added to its ``register_match`` service users.

    A service-user register file named in the configuration is kept: both are hashed under the
    same key, so their hash sets simply join.
    """
    names = base.registry.names()
    current = base.registry.get("register_match") if "register_match" in names else None
    if register is None:
        return base
    files = current.service_users if isinstance(current, RegisterMatchDetector) else None
    if files is not None:
        register = HashedRegister(register.key, register.hashes | files.register.hashes,
                                  register.people + files.register.people)
    detector = RegisterMatchDetector(
        service_users=TextMatcher(register),
        staff=current.staff if isinstance(current, RegisterMatchDetector) else None,
    )
    registry = DetectorRegistry()
    for existing in base.registry:
        if existing.name == "links" and current is None:
            registry.add(detector)  # where the default order puts it
        registry.add(detector if existing is current else existing)
    if "register_match" not in registry.names():
        registry.add(detector)
    return Screener(base.policy, base.config, registry)


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
