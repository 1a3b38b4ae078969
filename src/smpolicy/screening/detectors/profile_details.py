"""5.2 profile details (employer, occupation, work location; advice): ``lexicons/profile_details.yaml``."""

from __future__ import annotations

from smpolicy.screening.detectors.base import PatternDetector
from smpolicy.screening.findings import Category
from smpolicy.screening.registry import DetectorContext


def build(context: DetectorContext) -> PatternDetector:
    return PatternDetector.from_lexicon(
        "profile_details",
        Category.PROFILE_DETAILS, "5.2", "profile_details"
    )
