"""One post's 6.4(c) reading: the model's score, the statement it embeds, the lexicon's score,
whether the post is clear praise (``appraisal``), and how they join. The classifier detector and the evaluation scripts
(``scripts/compare_dev_split.py``, ``scripts/train_classifier.py``) decide through
``read_posts`` alone, so what the scripts measure is what the engine does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from smpolicy.screening.model import appraisal, features, stance
from smpolicy.screening.model.artefact import rescale
from smpolicy.screening.model.negation import apply_edits
from smpolicy.screening.model.scorer import Score, Scorer
from smpolicy.screening.normalise import NormalisedText


@dataclass(frozen=True, slots=True)
class Reading:
    """The numbers behind one post's 6.4(c) decision, and the statement it embeds, if any."""

    score: Score
    model: float  # the model's 6.4(c) score for the post, on the review scale
    counterpart: stance.Counterpart | None
    counterpart_probability: float  # the model's 6.4(c) probability for the counterpart
    composed: float  # the model's part once the counterpart is weighed (``stance.compose``)
    lexicon: float  # ``features.lexicon_part``: below the lexicon's own score where read as quoted
    gate: float  # ``features.model_gate``
    combined: float  # ``features.combine`` of lexicon and gated, composed, damped model part
    praise: float = 1.0  # ``appraisal.damping``: below 1 where clear praise damped the part

    def stance_note(self) -> str:
        """One plain-English sentence on what the embedded statement did to the model's
        reading ('' when the post embeds none, or the model's part does not count)."""
        cp = self.counterpart
        if cp is None or not self.gate:
            return ""
        said = f"'{cp.statement}'"
        compared = (f"{self.counterpart_probability:.2f} against "
                    f"{self.score.discrimination:.2f} for the post")
        if cp.kind in (stance.PRESUPPOSED, stance.ENDORSED):
            if self.composed <= self.model + 0.005:
                return ""
            how = (f"asks '{cp.cue} ...?' in a way that takes {said} for granted"
                   if cp.kind == stance.PRESUPPOSED else f"reports or quotes {said} and takes it up")
            return (
                f"It {how}; the classifier reads that statement as hostile (probability "
                f"{self.counterpart_probability:.2f}), so the post is read as saying it."
            )
        if cp.kind == stance.ASKED:
            if abs(self.composed - self.model) <= 0.005:
                return ""
            if self.composed > self.model:
                return (
                    f"It asks '{cp.cue} ...?' in a way that takes {said} for granted (a "
                    f"negative question asks agreement, its negator denies nothing); the "
                    f"classifier reads that statement as hostile ({compared}), so the post is "
                    f"read as saying it ({self.model:.2f} -> {self.composed:.2f})."
                )
            return (
                f"It asks '{cp.cue} ...?', which asks agreement with {said} (its negator "
                f"denies nothing); the classifier reads that statement as less hostile than "
                f"the question ({compared}), so the post is read as saying it "
                f"({self.model:.2f} -> {self.composed:.2f})."
            )
        if cp.kind == stance.REPORTED:
            if self.composed < self.model - 0.005:
                return (
                    f"It reports a statement the classifier reads as more hostile than the "
                    f"post ({said}: {compared}) and condemns it ('{cp.cue}'); reporting hate "
                    f"to condemn it is not hate, so the classifier's reading of the post is "
                    f"lowered from {self.model:.2f} to {self.composed:.2f}."
                )
            return (
                f"It reports a statement ({said}) and condemns it ('{cp.cue}'), but the "
                f"classifier reads the statement as no more hostile than the post "
                f"({compared}); condemning a harmless statement can itself be hostile, so "
                f"the classifier's reading of the post ({self.model:.2f}) stands."
            )
        if cp.kind == stance.NEGATION and cp.denies == stance.AFFIRMS:
            if self.composed > self.model + 0.005:
                return (
                    f"With '{cp.cue}' one negation cancels the other, so it says {said}; "
                    f"the classifier reads that as hostile (probability "
                    f"{self.counterpart_probability:.2f}), so the post is read as saying it."
                )
            return ""
        if cp.kind == stance.NEGATION and cp.denies == stance.FAVOURABLE:
            if self.composed > self.model + 0.005:
                return (
                    f"With '{cp.cue}' it denies them something favourable, which says {said}; "
                    f"the classifier reads that as hostile (probability "
                    f"{self.counterpart_probability:.2f}), so the post is read as saying it."
                )
            return (
                f"With '{cp.cue}' it denies them something favourable; the negation of a "
                f"compliment can itself be hostile, so the classifier's reading of the post "
                f"({self.model:.2f}) stands."
            )
        if cp.kind == stance.NEGATION and cp.denies == stance.HOSTILE:
            return (
                f"With '{cp.cue}' it denies something hostile ({said}: the classifier reads "
                f"that as hostile with probability {self.counterpart_probability:.2f}); the "
                f"negation of a hateful statement is not hateful, so the classifier's reading "
                f"of the post is lowered from {self.model:.2f} to {self.composed:.2f}."
            )
        if cp.kind == stance.NEGATION:
            if self.composed < self.model - 0.005:
                return (
                    f"With '{cp.cue}' it denies a statement the classifier reads as more "
                    f"hostile than the post ({said}: {compared}); the negation of a hateful "
                    f"statement is not hateful, so the classifier's reading of the post is "
                    f"lowered from {self.model:.2f} to {self.composed:.2f}."
                )
            return (
                f"With '{cp.cue}' it negates a statement the classifier reads as no more "
                f"hostile than the post ({said}: {compared}); the negation of a harmless "
                f"statement can itself be hostile, so the classifier's reading of the post "
                f"({self.model:.2f}) stands."
            )
        return ""


def read_posts(
    scorer: Scorer,
    posts: Sequence[NormalisedText],
    embed: Callable[[list[str]], np.ndarray],
    text_of: Callable[[NormalisedText, Sequence[stance.Edit]], str],
    review: float,
    vectors: np.ndarray | None = None,
    every: bool = False,
) -> list[Reading]:
    """Readings of ``posts``, embedded by ``embed`` unless their ``vectors`` are given.

    A denied or condemned statement can only lower the model's part, so it is scored only
    for posts whose finding rests on that part (the lexicon alone is below ``review``, the
    combination is not); a presupposed one (a rhetorical question's), a negated compliment's
    opposite or an endorsed statement can only raise it, so only for posts not flagged; a
    negative interrogative's (``stance.both_ways``), which replaces the post's reading, for
    every post the lexicon alone does not decide: one further, small ``embed`` call for those
    alone. A question's statement is what the post says, so praise is read in it.
    ``every`` scores them for every post that has one, to explain why a post was or was not flagged. Clear praise
    (``appraisal.damping``) is read last, and only for posts that would be flagged: it can
    only lower the model's part.
    """
    if not posts:
        return []
    signals = features.signals_for(posts)
    if vectors is None:
        vectors = embed([text_of(post, ()) for post in posts])
    scores = scorer.score(posts, vectors, signals)
    threshold = scorer.artefact.discrimination.threshold
    models = rescale(np.array([s.discrimination for s in scores]), threshold, review).tolist()
    counterparts: list[stance.Counterpart | None] = []
    spoken: list[stance.Counterpart | None] = []  # a question's statement, where praise is read
    for post, score, model in zip(posts, scores, models, strict=True):
        lexicon = features.lexicon_part(score.signals, model, review, post.text)
        gate = features.model_gate(score.signals)
        combined = features.combine(lexicon, model, gate)
        found = stance.counterpart(post, _groups(post)) if gate else None
        if found is not None and not found.edits:
            found = None  # a negated compliment with no opposite to read: the part stands
        elif found is not None and not every:
            if stance.both_ways(found):  # raises or lowers: posts the lexicon does not decide
                found = found if lexicon < review else None
            elif stance.raises(found):  # can only raise the part: unflagged posts
                if found.kind == stance.PRESUPPOSED and combined >= review:
                    spoken.append(found)  # not read again, but praise is read in it
                    counterparts.append(None)
                    continue
                found = found if combined < review else None
            elif not lexicon < review <= combined:  # can only lower it: posts it decides
                found = None
        counterparts.append(found)
        spoken.append(found)
    extra = [text_of(post, cp.edits) for post, cp in zip(posts, counterparts, strict=True) if cp]
    extra_probabilities = iter(scorer.discrimination(embed(extra)).tolist() if extra else [])
    out = []
    for post, score, model, cp, said_cp in zip(posts, scores, models, counterparts, spoken,
                                               strict=True):
        cp_probability = next(extra_probabilities) if cp else 0.0
        cp_model = float(rescale(np.array([cp_probability]), threshold, review)[0])
        composed = stance.compose(cp, model, score.discrimination, cp_probability, cp_model)
        lexicon = features.lexicon_part(score.signals, model, review, post.text)
        gate = features.model_gate(score.signals)
        combined = features.combine(lexicon, composed, gate)
        praise = 1.0
        if combined >= review:
            # a question read as a statement says that statement: praise is read in it ("who
            # wouldn't love X?" praises X; "what's the point of X, honestly?" does not)
            said = (apply_edits(post.text, said_cp.edits) if said_cp is not None and said_cp.kind
                    in (stance.ASKED, stance.PRESUPPOSED) else post.original)
            praise = appraisal.damping(said, score.signals)
            if praise < 1.0:
                combined = features.combine(lexicon, composed, gate * praise)
        out.append(Reading(score, model, cp, cp_probability, composed, lexicon, gate,
                           combined, praise))
    return out


def _groups(post: NormalisedText) -> list[tuple[int, int, str]]:
    try:
        from smpolicy.screening.detectors.discrimination import identity_spans
    except ImportError:
        return []
    return identity_spans(post)
