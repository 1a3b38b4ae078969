"""The one protocol every detector implements, and helpers most detectors are built from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from smpolicy.screening.cues import cues_for
from smpolicy.screening.findings import Category, Finding
from smpolicy.screening.normalise import NormalisedText
from smpolicy.screening.prefilter import GatedList, GatedPattern


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
    parallel_safe = True  # False for detectors whose native threads must not be forked (models)

    def detect(self, post: NormalisedText) -> list[Finding]:
        raise NotImplementedError

    def detect_batch(self, posts: Sequence[NormalisedText]) -> list[list[Finding]]:
        return [self.detect(post) for post in posts]


def keep_strongest(findings: list[Finding]) -> list[Finding]:
    """Report each passage once: drop a finding that overlaps a stronger one of the same detector."""
    if len(findings) < 2:  # most posts: nothing to compare
        return list(findings)
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: -f.score):
        if all(finding.end <= k.start or finding.start >= k.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A regular expression over the normalised text, the score a match earns, and why."""

    regex: GatedPattern
    score: float
    explanation: str


class PatternDetector(BaseDetector):
    """A detector made only of patterns; negation in the sentence lowers a match's score."""

    negation_factor = 0.35

    def __init__(self, name: str, category: Category, clause: str,
                 patterns: Sequence[Pattern]) -> None:
        self.name = name
        self.categories = frozenset({category})
        self.category = category
        self.clause = clause
        self.patterns = tuple(patterns)
        self._gated = GatedList([(pattern.regex, pattern) for pattern in self.patterns])

    @classmethod
    def from_lexicon(cls, name: str, category: Category, clause: str, lexicon: str) -> PatternDetector:
        """Patterns from ``lexicons/<lexicon>.yaml``: a ``patterns`` list of {regex, score, why}."""
        from smpolicy.screening.lexicon import load_lexicon

        return cls(name, category, clause, [
            Pattern(GatedPattern(rf"(?<![a-z])(?:{item['regex']})(?![a-z])"), float(item["score"]),
                    item["why"])
            for item in load_lexicon(lexicon)["patterns"]
        ])

    def detect(self, post: NormalisedText) -> list[Finding]:
        findings = []
        for _, pattern in self._gated.open_for(post.text):
            for match in pattern.regex.regex.finditer(post.text):
                score = pattern.score
                if cues_for(post.text, match.start(), match.end()).negated:
                    score *= self.negation_factor
                start, end, evidence = post.evidence(match.start(), match.end())
                findings.append(Finding(self.name, self.category, self.clause, score, start, end,
                                        evidence, pattern.explanation))
        return keep_strongest(findings)
