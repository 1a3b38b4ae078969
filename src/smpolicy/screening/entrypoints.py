"""The ``smpolicy.detectors`` entry points of installed packages, without importing
``importlib.metadata`` when there surely are none.

Importing ``importlib.metadata`` (it pulls in ``email``, ``zipfile``, ``inspect``...) and asking it
for a group costs ~0.03 s of every ``check`` run's start-up: 3% of screening 10,000 posts. Almost
always no package declares a detector, and that can be seen for less: an entry point lives in a
distribution's ``entry_points.txt``, and ``importlib.metadata`` finds distributions only through
``sys.meta_path`` finders that have ``find_distributions``, which for the standard ``PathFinder``
means ``*.dist-info`` / ``*.egg-info`` folders directly in the ``sys.path`` folders. So when no such
file even mentions the group, there is none. Anything this check does not read as simply (another
finder with distributions, a zip or egg on the path) is left to ``importlib.metadata`` itself.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import PathFinder
from typing import Any

GROUP = "smpolicy.detectors"


def detector_entry_points() -> list[Any]:
    """``importlib.metadata.entry_points(group=GROUP)``, or [] when no distribution can declare one."""
    if not may_declare(GROUP):
        return []
    from importlib.metadata import entry_points

    return list(entry_points(group=GROUP))


def may_declare(group: str) -> bool:
    """False only when no distribution ``importlib.metadata`` would find names ``group``."""
    if any(finder is not PathFinder and hasattr(finder, "find_distributions") for finder in sys.meta_path):
        return True
    needle = group.encode()
    for entry in sys.path:
        if not isinstance(entry, str) or entry.lower().endswith(".egg"):
            return True
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except NotADirectoryError:  # a zip file: importlib.metadata reads those
            return True
        except OSError:  # missing or unreadable: importlib.metadata finds nothing there either
            continue
        for name in names:
            if name.lower().endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(folder, name, "entry_points.txt"), "rb") as file:
                        if needle in file.read():
                            return True
                except OSError:
                    continue
    return False
