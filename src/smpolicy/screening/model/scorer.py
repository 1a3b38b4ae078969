"""Scores posts with the artefact: encoder heads, lexicon signals, then the two stackers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from smpolicy.screening.model import features
from smpolicy.screening.model.artefact import Artefact
from smpolicy.screening.normalise import NormalisedText


@dataclass(frozen=True, slots=True)
class Score:
    """One post's probabilities, and who the post is about."""

    discrimination: float  # P(6.4(c) hate on a protected characteristic)
    disrepute: float  # P(6.4(a) abusive criticism of a colleague, customer, manager, council)
    protected_target: str | None  # the protected characteristic the post refers to, if any
    workplace_target: str | None  # the most likely workplace target
    signals: features.Signals


class Scorer:
    def __init__(self, artefact: Artefact) -> None:
        self.artefact = artefact

    def score(
        self,
        posts: Sequence[NormalisedText],
        vectors: np.ndarray,
        signals: Sequence[features.Signals] | None = None,
    ) -> list[Score]:
        """Scores for ``posts`` given their encoder ``vectors`` (one row each) and, if already
        read, their lexicon ``signals``."""
        if not posts:
            return []
        art = self.artefact
        margins = features.margins(art.harm.logits(vectors), art.harm.classes)
        targets = art.target.probabilities(vectors)
        signals = list(signals) if signals is not None else features.signals_for(posts)
        disc_x = features.discrimination_matrix(
            margins["hate"], targets, art.target.classes, signals
        )
        disr_x = features.disrepute_matrix(
            margins["abuse"], margins["hate"], targets, art.target.classes, signals
        )
        p_disc = art.discrimination.probability(disc_x)
        p_disr = art.disrepute.probability(disr_x)
        return [
            Score(
                discrimination=float(p_disc[i]),
                disrepute=float(p_disr[i]),
                protected_target=_protected(targets[i], art.target.classes, signals[i]),
                workplace_target=_best(targets[i], art.target.classes, features.WORKPLACE, ()),
                signals=signals[i],
            )
            for i in range(len(posts))
        ]


    def discrimination(self, vectors: np.ndarray) -> np.ndarray:
        """The 6.4(c) probability from the encoder alone, one per row of ``vectors``: for
        statements a post embeds (``stance``), which have no lexicon reading of their own."""
        if not len(vectors):
            return np.zeros(0)
        art = self.artefact
        margins = features.margins(art.harm.logits(vectors), art.harm.classes)
        matrix = features.discrimination_matrix(
            margins["hate"], art.target.probabilities(vectors), art.target.classes,
            [features.NO_SIGNALS] * len(vectors),
        )
        return art.discrimination.probability(matrix)


def _protected(probs: np.ndarray, classes: Sequence[str], signals: features.Signals) -> str | None:
    """The characteristic the post refers to (``features.target_gate``), never a bare guess.

    The lexicon's own target first (its hit names it); then, of the characteristics the
    post's identity words name, the one the target head finds likeliest ("Polish women":
    race or sex, as the sentence reads); none when the post names none. Without the lexicon
    installed, the head's best guess, as before.
    """
    if not signals.read:
        return _best(probs, classes, features.PROTECTED, ())
    if signals.targets:
        return signals.targets[0]
    named = [target for target in signals.referred if target in features.PROTECTED]
    return _best(probs, classes, named, ()) if named else None


def _best(
    probs: np.ndarray, classes: Sequence[str], wanted: Sequence[str], lexicon: Sequence[str]
) -> str | None:
    """The lexicon's target when it names one (it saw the words), else the head's best guess."""
    for target in lexicon:
        if target in wanted:
            return target
    index = [i for i, name in enumerate(classes) if name in wanted]
    if not index:
        return None
    return classes[max(index, key=lambda i: probs[i])]
