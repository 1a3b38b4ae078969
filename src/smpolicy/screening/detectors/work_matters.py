"""Appendix 1 (4) work issues discussed online (advice): patterns in ``lexicons/work_matters.yaml``."""

from __future__ import annotations

from smpolicy.screening.detectors.base import PatternDetector
from smpolicy.screening.findings import Category
from smpolicy.screening.registry import DetectorContext


def build(context: DetectorContext) -> PatternDetector:
    return PatternDetector.from_lexicon(
        "work_matters",
        Category.WORK_MATTERS, "App1.4", "work_matters"
    )
