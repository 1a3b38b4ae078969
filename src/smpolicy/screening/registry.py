"""Detectors register by name; built-ins register exactly like third-party ones.

A third-party package adds detectors through the ``smpolicy.detectors`` entry-point group,
each entry point naming a callable ``factory(context) -> Detector``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from smpolicy.exceptions import DetectorError
from smpolicy.screening.config import ScreeningConfig
from smpolicy.screening.detectors.base import Detector
from smpolicy.screening.entrypoints import detector_entry_points

if TYPE_CHECKING:
    from smpolicy.policy import Policy


class DetectorContext:
    """What a detector factory may read to build itself.

    ``policy`` may be given as a loader, called on first read: the rule detectors never read
    it, and loading it imports pydantic (~0.15 s of every rules-only ``check`` run).
    """

    __slots__ = ("_policy", "config")

    def __init__(self, policy: Policy | Callable[[], Policy], config: ScreeningConfig) -> None:
        self._policy = policy
        self.config = config

    @property
    def policy(self) -> Policy:
        if callable(self._policy):
            self._policy = self._policy()
        return self._policy


DetectorFactory = Callable[[DetectorContext], Detector | None]

# Built-in detector factories, loaded lazily by dotted path (datasette's DEFAULT_PLUGINS idea).
DEFAULT_DETECTORS: dict[str, str] = {
    "discrimination": "smpolicy.screening.detectors.discrimination:build",
    "bullying": "smpolicy.screening.detectors.bullying:build",
    "disrepute": "smpolicy.screening.detectors.disrepute:build",
    "confidentiality": "smpolicy.screening.detectors.confidentiality:build",
    "incompatible_conduct": "smpolicy.screening.detectors.conduct:build",
    "work_matters": "smpolicy.screening.detectors.work_matters:build",
    "profile_details": "smpolicy.screening.detectors.profile_details:build",
    "register_match": "smpolicy.screening.detectors.register_match:build",
    "links": "smpolicy.screening.detectors.links:build",
    "classifier": "smpolicy.screening.detectors.classifier:build",
}

# Built-ins that have nothing to do under some configurations; their modules are then not even
# imported (the classifier's pulls in numpy, ~0.15 s of every rules-only ``check`` run; the
# register matcher's the register stack, ~0.04 s, and it builds nothing without a register).
WANTED: dict[str, Callable[[DetectorContext], bool]] = {
    "classifier": lambda context: context.config.use_model,
    "register_match": lambda context: (context.config.service_users_register is not None
                                       or context.config.staff_register is not None),
}


class DetectorRegistry:
    """An ordered set of detectors, by name."""

    def __init__(self) -> None:
        self._detectors: dict[str, Detector] = {}

    def add(self, detector: Detector) -> None:
        if not isinstance(detector, Detector):
            raise DetectorError(f"{detector!r} does not implement the Detector protocol")
        if detector.name in self._detectors:
            raise DetectorError(f"a detector named {detector.name!r} is already registered")
        self._detectors[detector.name] = detector

    def remove(self, name: str) -> None:
        try:
            del self._detectors[name]
        except KeyError:
            raise DetectorError(f"no detector named {name!r}") from None

    def get(self, name: str) -> Detector:
        try:
            return self._detectors[name]
        except KeyError:
            raise DetectorError(f"no detector named {name!r}") from None

    def names(self) -> list[str]:
        return list(self._detectors)

    def __iter__(self) -> Iterator[Detector]:
        return iter(self._detectors.values())

    def __len__(self) -> int:
        return len(self._detectors)


def load_factory(dotted: str) -> DetectorFactory:
    module_name, _, attribute = dotted.partition(":")
    try:
        return getattr(importlib.import_module(module_name), attribute)  # type: ignore[no-any-return]
    except (ImportError, AttributeError) as error:
        raise DetectorError(f"cannot load detector factory {dotted!r}: {error}") from None


def _always(context: DetectorContext) -> bool:
    return True


def default_registry(context: DetectorContext, *, only: set[str] | None = None) -> DetectorRegistry:
    """Built-in detectors, then any installed through entry points; ``only`` picks by name.

    A factory may return None when it has nothing to do under this configuration (the
    register matcher without registers), and is then left out. A detector may declare
    ``supersedes``: names of detectors whose evidence it already combines, which are dropped.
    """
    factories: dict[str, DetectorFactory] = {
        name: load_factory(path)
        for name, path in DEFAULT_DETECTORS.items()
        if (only is None or name in only) and WANTED.get(name, _always)(context)
    }
    for entry_point in detector_entry_points():
        if entry_point.name not in DEFAULT_DETECTORS:  # a built-in name always means the built-in
            factories.setdefault(entry_point.name, entry_point.load())
    registry = DetectorRegistry()
    for name, factory in factories.items():
        if only is not None and name not in only:
            continue
        detector = factory(context)
        if detector is not None:
            registry.add(detector)
    # A detector that reads another's evidence itself (the classifier reads the discrimination
    # lexicon) names it in ``supersedes``, so the same words are not reported twice.
    for detector in list(registry):
        for name in getattr(detector, "supersedes", ()):
            if name in registry.names():
                registry.remove(name)
    return registry
