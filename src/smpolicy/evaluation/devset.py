"""Score the screener on a labelled set of posts (``data/devset/``).

A post counts as flagged for a category when the screener's result is ``review`` or ``breach``
and carries a finding of that category: the result already holds only findings that reached a
threshold, so this is exactly what a manager would be shown. Per category we report precision,
recall, F1 and support; over the whole file, the share of violations flagged at all (whatever
category) and the share of fine posts flagged, the two numbers the policy owner cares about.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from smpolicy.exceptions import InputError
from smpolicy.screening import Category, Result, Verdict

# Always reported, even at zero support; 6.4(e) "other policies" appears only when used.
LABELLED_CATEGORIES = frozenset(Category) - {Category.OTHER_POLICIES}


class BatchScreener(Protocol):
    """What evaluation needs from a screener: ``Screener`` fits, and so does a test double."""

    @property
    def batch_size(self) -> int: ...

    def check_batch(self, texts: Sequence[str]) -> Sequence[Result]: ...


@dataclass(frozen=True, slots=True)
class LabelledPost:
    """A post and the categories a good screener should flag on it (none: the post is fine)."""

    id: str
    text: str
    labels: frozenset[Category]
    note: str = ""


@dataclass(frozen=True, slots=True)
class PostOutcome:
    """What the screener said about one labelled post."""

    post: LabelledPost
    verdict: Verdict
    flagged: frozenset[Category]
    evidence: tuple[str, ...] = ()

    @property
    def missed(self) -> frozenset[Category]:
        return self.post.labels - self.flagged

    @property
    def false_alarms(self) -> frozenset[Category]:
        return self.flagged - self.post.labels

    @property
    def is_error(self) -> bool:
        return bool(self.missed or self.false_alarms)


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """Counts for one category; the ratios are None where they divide by zero."""

    category: Category
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def support(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def precision(self) -> float | None:
        return _ratio(self.true_positives, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float | None:
        return _ratio(self.true_positives, self.support)

    @property
    def f1(self) -> float | None:
        """2PR/(P+R) written in counts, so it is 0, not undefined, when nothing was flagged."""
        tp = self.true_positives
        return _ratio(2 * tp, 2 * tp + self.false_positives + self.false_negatives)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "support": self.support,
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
        }


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The screener's scores on one labelled file."""

    outcomes: tuple[PostOutcome, ...]
    categories: tuple[CategoryScore, ...]

    @property
    def violations(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.post.labels)

    @property
    def ok_posts(self) -> int:
        return len(self.outcomes) - self.violations

    @property
    def violations_flagged(self) -> int:
        return sum(1 for o in self.outcomes if o.post.labels and o.verdict is not Verdict.OK)

    @property
    def ok_flagged(self) -> int:
        return sum(1 for o in self.outcomes if not o.post.labels and o.verdict is not Verdict.OK)

    @property
    def violation_recall(self) -> float | None:
        """Posts with any label that got ``review`` or ``breach``, whatever the category."""
        return _ratio(self.violations_flagged, self.violations)

    @property
    def ok_flagged_share(self) -> float | None:
        """Fine posts that a manager would be asked to look at for nothing."""
        return _ratio(self.ok_flagged, self.ok_posts)

    @property
    def errors(self) -> tuple[PostOutcome, ...]:
        return tuple(outcome for outcome in self.outcomes if outcome.is_error)

    def to_dict(self) -> dict[str, Any]:
        return {
            "posts": len(self.outcomes),
            "violations": self.violations,
            "ok_posts": self.ok_posts,
            "violation_recall": self.violation_recall,
            "ok_flagged_share": self.ok_flagged_share,
            "categories": {str(score.category): score.to_dict() for score in self.categories},
            "errors": [_outcome_dict(outcome) for outcome in self.errors],
        }


def load_labelled(path: str | Path) -> list[LabelledPost]:
    """Read a labelled JSONL file; any bad line stops the load with its line number and why.

    Unlike ``check --jsonl``, a bad line is fatal here: scores over a silently shortened file
    would mislead.
    """
    path = Path(path)
    try:
        raw_lines = path.read_bytes().splitlines()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    posts: list[LabelledPost] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            continue
        post = _parse_line(raw, f"{path}:{number}")
        if post.id in seen:
            raise InputError(f"{path}:{number}: duplicate id {post.id!r}")
        seen.add(post.id)
        posts.append(post)
    if not posts:
        raise InputError(f"{path}: no labelled posts")
    return posts


def evaluate(screener: BatchScreener, posts: Iterable[LabelledPost]) -> Evaluation:
    """Screen every post in batches and score the results against the labels."""
    posts = list(posts)
    outcomes: list[PostOutcome] = []
    size = screener.batch_size  # the engine's own choice (larger when the classifier is on)
    for start in range(0, len(posts), size):
        batch = posts[start : start + size]
        results = screener.check_batch([post.text for post in batch])
        outcomes.extend(_outcome(post, result) for post, result in zip(batch, results, strict=True))
    return score(outcomes)


def score(outcomes: Iterable[PostOutcome]) -> Evaluation:
    """Per-category counts over outcomes: every labelled category, plus any the screener used."""
    outcomes = tuple(outcomes)
    used = {c for o in outcomes for c in o.post.labels | o.flagged}
    categories = [c for c in Category if c in LABELLED_CATEGORIES or c in used]
    scores = tuple(
        CategoryScore(
            category=category,
            true_positives=sum(1 for o in outcomes if category in o.post.labels & o.flagged),
            false_positives=sum(1 for o in outcomes if category in o.false_alarms),
            false_negatives=sum(1 for o in outcomes if category in o.missed),
        )
        for category in categories
    )
    return Evaluation(outcomes=outcomes, categories=scores)


def _outcome(post: LabelledPost, result: Result) -> PostOutcome:
    flagged = (
        frozenset()
        if result.verdict is Verdict.OK
        else frozenset(finding.category for finding in result.findings)
    )
    evidence = tuple(f"{finding.category}: {finding.evidence}" for finding in result.findings)
    return PostOutcome(post=post, verdict=result.verdict, flagged=flagged, evidence=evidence)


def _parse_line(raw: bytes, where: str) -> LabelledPost:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InputError(f"{where}: not valid UTF-8 (at byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: each line must be a JSON object")
    for field in ("id", "text", "labels"):
        if field not in record:
            raise InputError(f"{where}: missing field {field!r}")
    post_id, text, labels = record["id"], record["text"], record["labels"]
    if not isinstance(post_id, str) or not post_id:
        raise InputError(f"{where}: field 'id' must be a non-empty string")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: field 'text' must be a non-empty string")
    if not isinstance(labels, list):
        raise InputError(f"{where}: field 'labels' must be a list (empty for a fine post)")
    categories: set[Category] = set()
    for label in labels:
        try:
            categories.add(Category(label))
        except ValueError:
            known = ", ".join(c.value for c in Category)
            raise InputError(f"{where}: unknown label {label!r} (one of {known})") from None
    note = record.get("note", "")
    return LabelledPost(id=post_id, text=text, labels=frozenset(categories), note=str(note))


def _outcome_dict(outcome: PostOutcome) -> dict[str, Any]:
    return {
        "id": outcome.post.id,
        "verdict": str(outcome.verdict),
        "expected": sorted(str(c) for c in outcome.post.labels),
        "flagged": sorted(str(c) for c in outcome.flagged),
        "missed": sorted(str(c) for c in outcome.missed),
        "false_alarms": sorted(str(c) for c in outcome.false_alarms),
        "text": outcome.post.text,
        "evidence": list(outcome.evidence),
    }


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None
