"""6.4(d) online activity incompatible with the position: patterns in ``lexicons/conduct.yaml``."""

from __future__ import annotations

from smpolicy.screening.detectors.base import PatternDetector
from smpolicy.screening.findings import Category
from smpolicy.screening.registry import DetectorContext


def build(context: DetectorContext) -> PatternDetector:
    return PatternDetector.from_lexicon(
        "incompatible_conduct",
        Category.INCOMPATIBLE_CONDUCT, "6.4(d)", "conduct"
    )
