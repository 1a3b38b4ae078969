"""6.4(c) and 6.4(a) by a learned classifier over sentence embeddings, stacked with the lexicon.

One forward pass of the encoder per batch of posts (``detect_batch``); the artefact
(``models/classifier/``) holds linear heads over the embeddings and two stackers, logistic
regressions fitted on held-out training data over [encoder margins, lexicon signals]. So the
lexicon's slurs, negation and counter-speech cues weigh in by learned weights, not by a max.

Because it reads the lexicon's evidence itself, this detector ``supersedes`` the lexicon-only
``discrimination`` detector: the registry drops that one while this one is active, so a post is
not reported twice for the same words. Without the model stack (or with ``use_model: false``)
``build`` returns None and the lexicon detector works alone.

Scores: the stacker's probability is mapped so that the threshold chosen on training data
lands on the council's configured review threshold; above it, breach follows the configuration.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from smpolicy.screening.detectors.base import BaseDetector
from smpolicy.screening.findings import Category, Finding
from smpolicy.screening.model.artefact import ARTEFACT_DIR, load_artefact, rescale
from smpolicy.screening.model.scorer import Score, Scorer
from smpolicy.screening.normalise import NormalisedText
from smpolicy.screening.registry import DetectorContext

WORKPLACE_LABELS = {
    "colleague": "a colleague",
    "customer": "a customer or resident",
    "manager": "a manager",
    "council": "the council or its councillors",
}


class ClassifierDetector(BaseDetector):
    name = "classifier"
    categories = frozenset({Category.DISCRIMINATION, Category.DISREPUTE})
    supersedes = frozenset({"discrimination"})

    def __init__(self, context: DetectorContext, artefact_dir: Path = ARTEFACT_DIR) -> None:
        self.scorer = Scorer(load_artefact(artefact_dir))
        self.labels = {pc.id: pc.label for pc in context.policy.protected_characteristics}
        self.review = {
            category: context.config.thresholds_for(category).review for category in self.categories
        }

    def detect(self, post: NormalisedText) -> list[Finding]:
        return self.detect_batch([post])[0]

    def detect_batch(self, posts: Sequence[NormalisedText]) -> list[list[Finding]]:
        from smpolicy.screening.model.encoder import embed

        return self.findings(posts, embed([post.original for post in posts]))

    def findings(self, posts: Sequence[NormalisedText], vectors: np.ndarray) -> list[list[Finding]]:
        """Findings for posts already embedded (the benchmark times the encoder apart)."""
        art = self.scorer.artefact
        out = []
        for post, score in zip(posts, self.scorer.score(posts, vectors), strict=True):
            found = []
            disc = _rescaled(
                score.discrimination,
                art.discrimination.threshold,
                self.review[Category.DISCRIMINATION],
            )
            if disc >= self.review[Category.DISCRIMINATION]:
                found.append(self._discrimination(post, score, disc))
            disr = _rescaled(
                score.disrepute, art.disrepute.threshold, self.review[Category.DISREPUTE]
            )
            if disr >= self.review[Category.DISREPUTE] and score.workplace_target:
                found.append(self._disrepute(post, score, disr))
            out.append(found)
        return out

    def _discrimination(self, post: NormalisedText, score: Score, value: float) -> Finding:
        start, end = _span(post, score)
        target = score.protected_target
        label = self.labels.get(
            target or "", (target or "a protected characteristic").replace("_", " ")
        )
        return Finding(
            detector=self.name,
            category=Category.DISCRIMINATION,
            clause="6.4(c)",
            score=value,
            start=start,
            end=end,
            evidence=post.original[start:end],
            explanation=(
                f"The classifier reads this post as hostile to people on grounds of {label} "
                f"(probability {score.discrimination:.2f}); clause 6.4(c) forbids offensive or "
                f"derogatory comments relating to {label}."
            ),
            target=target,
        )

    def _disrepute(self, post: NormalisedText, score: Score, value: float) -> Finding:
        start, end = _span(post, score)
        who = WORKPLACE_LABELS.get(score.workplace_target or "", "someone at work")
        return Finding(
            detector=self.name,
            category=Category.DISREPUTE,
            clause="6.4(a)",
            score=value,
            start=start,
            end=end,
            evidence=post.original[start:end],
            explanation=(
                f"The classifier reads this post as abusive criticism of {who} "
                f"(probability {score.disrepute:.2f}); clause 6.4(a) forbids criticising or "
                f"arguing with customers, colleagues or managers in a way that brings the "
                f"council into disrepute."
            ),
            target=score.workplace_target,
        )


def _rescaled(probability: float, threshold: float, review: float) -> float:
    return float(rescale(np.array([probability]), threshold, review)[0])


def _span(post: NormalisedText, score: Score) -> tuple[int, int]:
    """The lexicon's first cited words when it has any, else the whole post."""
    if score.signals.spans:
        return min(score.signals.spans, key=lambda span: span[0])
    return 0, len(post.original)


def build(context: DetectorContext) -> ClassifierDetector | None:
    """None when the model is off or not installed: the lexicon detector then works alone."""
    from smpolicy.screening.model.encoder import model_stack_available

    if not context.config.use_model or not model_stack_available():
        return None
    return ClassifierDetector(context)
