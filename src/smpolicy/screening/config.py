"""Screening configuration: verdict thresholds per category and input limits.

Defaults live here; a council overrides them in a YAML file passed as ``--config`` or named by
``SMPOLICY_CONFIG``. Advice-only categories (5.2 profile details, Appendix 1.4 work matters)
have no breach threshold: on their own they can only ever ask for a review.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from smpolicy.exceptions import ConfigError
from smpolicy.screening.findings import Category, Verdict

NEVER = 2.0  # above any score: the threshold is never reached


@dataclass(frozen=True, slots=True)
class Thresholds:
    review: float
    breach: float

    def verdict_for(self, score: float) -> Verdict | None:
        if score >= self.breach:
            return Verdict.BREACH
        if score >= self.review:
            return Verdict.REVIEW
        return None


DEFAULT_THRESHOLDS: dict[Category, Thresholds] = {
    Category.DISCRIMINATION: Thresholds(review=0.45, breach=0.75),
    Category.CONFIDENTIALITY: Thresholds(review=0.4, breach=0.75),
    Category.DISREPUTE: Thresholds(review=0.4, breach=0.75),
    Category.INCOMPATIBLE_CONDUCT: Thresholds(review=0.4, breach=0.8),
    Category.OTHER_POLICIES: Thresholds(review=0.4, breach=0.8),
    Category.WORK_MATTERS: Thresholds(review=0.4, breach=NEVER),
    Category.PROFILE_DETAILS: Thresholds(review=0.4, breach=NEVER),
}


@dataclass(frozen=True, slots=True)
class Workplace:
    """A council site: a photo taken within ``radius_m`` of it gives away a work location (5.2)."""

    name: str
    lat: float
    lon: float
    radius_m: float = 300.0


@dataclass(frozen=True, slots=True)
class ScreeningConfig:
    """Everything the engine reads from configuration."""

    thresholds: dict[Category, Thresholds] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    max_chars: int = 1_000_000
    # The learned 6.4(c) classifier, on where its stack is installed: on data/devset/dev.jsonl it
    # catches as many violations as the rules and flags 6% of fine posts (models/classifier).
    use_model: bool = True
    service_users_register: Path | None = None
    staff_register: Path | None = None
    register_salt: str | None = None
    link_allow: tuple[str, ...] = ()
    link_deny: tuple[str, ...] = ()
    workplaces: tuple[Workplace, ...] = ()
    max_image_pixels: int = 40_000_000
    max_image_bytes: int = 25_000_000

    def thresholds_for(self, category: Category) -> Thresholds:
        return self.thresholds[category]


def load_config(path: str | Path | None = None) -> ScreeningConfig:
    """The configuration at ``path`` (or ``$SMPOLICY_CONFIG``), over the defaults."""
    path = path or os.environ.get("SMPOLICY_CONFIG")
    if not path:
        return ScreeningConfig()
    import yaml  # only for a configuration file: a run without one need not import it

    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read configuration {path}: {error}") from None
    return config_from_mapping(document.get("screening", document), source=str(path))


def config_from_mapping(data: dict[str, Any], *, source: str = "<config>") -> ScreeningConfig:
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: screening configuration must be a mapping")
    config = ScreeningConfig()
    thresholds = dict(config.thresholds)
    for name, values in (data.get("thresholds") or {}).items():
        try:
            category = Category(name)
        except ValueError:
            known = ", ".join(c.value for c in Category)
            raise ConfigError(f"{source}: thresholds.{name}: unknown category (one of {known})") from None
        current = thresholds[category]
        review = float(values.get("review", current.review))
        breach = values.get("breach", current.breach)
        breach = NEVER if breach in (None, "never") else float(breach)
        if not 0.0 <= review <= 1.0 or review > breach:
            raise ConfigError(f"{source}: thresholds.{name}: need 0 <= review <= breach")
        thresholds[category] = Thresholds(review=review, breach=breach)
    updates: dict[str, Any] = {"thresholds": thresholds}
    if "max_chars" in data:
        updates["max_chars"] = int(data["max_chars"])
    if "use_model" in data:
        updates["use_model"] = bool(data["use_model"])
    for key in ("service_users_register", "staff_register"):
        if data.get(key):
            updates[key] = Path(data[key])
    if data.get("register_salt"):
        updates["register_salt"] = str(data["register_salt"])
    for key in ("link_allow", "link_deny"):
        if data.get(key):
            updates[key] = tuple(str(d).lower() for d in data[key])
    if data.get("workplaces"):
        updates["workplaces"] = _workplaces(data["workplaces"], source)
    for key in ("max_image_pixels", "max_image_bytes"):
        if key in data:
            updates[key] = int(data[key])
    return replace(config, **updates)


def _workplaces(entries: Any, source: str) -> tuple[Workplace, ...]:
    places = []
    for number, entry in enumerate(entries if isinstance(entries, list) else [entries]):
        try:
            place = Workplace(str(entry["name"]), float(entry["lat"]), float(entry["lon"]),
                              float(entry.get("radius_m", 300.0)))
        except (TypeError, KeyError, ValueError):
            raise ConfigError(
                f"{source}: workplaces[{number}]: need name, lat and lon (radius_m optional)"
            ) from None
        if not (-90 <= place.lat <= 90 and -180 <= place.lon <= 180):
            raise ConfigError(f"{source}: workplaces[{number}]: lat/lon out of range")
        places.append(place)
    return tuple(places)
