"""The one protocol every detector implements, and helpers most detectors are built from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from smpolicy.screening.findings import Category, Finding
from smpolicy.screening.normalise import NormalisedText


@runtime_checkable
class Detector(Protocol):
    """Finds one kind of misuse in a post.

    ``detect_batch`` exists so a learned model can score many posts in one forward pass;
    rule detectors inherit the one-at-a-time default from ``BaseDetector``.
    """

    name: str
    categories: frozenset[Category]

    def detect(self, post: NormalisedText) -> list[Finding]: ...

    def detect_batch(self, posts: Sequence[NormalisedText]) -> list[list[Finding]]: ...


class BaseDetector:
    """Default ``detect_batch`` for detectors that look at one post at a time."""

    name: str = ""
    categories: frozenset[Category] = frozenset()

    def detect(self, post: NormalisedText) -> list[Finding]:
        raise NotImplementedError

    def detect_batch(self, posts: Sequence[NormalisedText]) -> list[list[Finding]]:
        return [self.detect(post) for post in posts]
