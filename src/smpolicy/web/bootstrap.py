"""Start Django from a command-line tool: the one way CLI commands reach the web app's data."""

from __future__ import annotations

import os
from pathlib import Path


def setup_django() -> None:
    """Configure and set up Django once (settings from the environment, as the site uses)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smpolicy.web.settings")
    import django
    from django.conf import settings

    django.setup()
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        Path(settings.DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
