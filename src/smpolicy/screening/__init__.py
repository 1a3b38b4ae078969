"""The screening engine: pure Python, no web framework. ``Screener().check(text)``."""

from __future__ import annotations

from smpolicy.screening.config import ScreeningConfig, Thresholds, load_config
from smpolicy.screening.detectors.base import BaseDetector, Detector
from smpolicy.screening.engine import Screener
from smpolicy.screening.findings import Category, Finding, Result, Verdict
from smpolicy.screening.normalise import NormalisedText, normalise
from smpolicy.screening.registry import DetectorContext, DetectorRegistry, default_registry

__all__ = [
    "BaseDetector",
    "Category",
    "Detector",
    "DetectorContext",
    "DetectorRegistry",
    "Finding",
    "NormalisedText",
    "Result",
    "Screener",
    "ScreeningConfig",
    "Thresholds",
    "Verdict",
    "default_registry",
    "load_config",
    "normalise",
]
