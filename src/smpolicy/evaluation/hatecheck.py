"""Score the engine on the HateCheck functional tests (Röttger et al. 2021). EVALUATION ONLY.

A case counts as flagged hateful when the engine returns a 6.4(c) finding about a protected
characteristic at review level or above: HateCheck tests hate against protected groups, so a
6.4(c) bullying finding about an individual, or a 6.4(a) finding, is not a "hateful" call.
Nothing here feeds back into training or thresholds.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from smpolicy.exceptions import InputError
from smpolicy.screening.engine import Screener
from smpolicy.screening.findings import Category, Result

# Published figure for Google's Perspective API (HateCheck paper, and issue 4). Per-functionality
# figures from the paper's Table 2 are not transcribed here yet; the report leaves them blank.
PERSPECTIVE_OVERALL = 76.6
PERSPECTIVE_BY_FUNCTIONALITY: dict[str, float] = {}
NEUTRAL_IDENTITY = ("ident_neutral_nh", "ident_pos_nh")


@dataclass(frozen=True, slots=True)
class Case:
    functionality: str
    text: str
    hateful: bool
    target: str


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    flagged: bool

    @property
    def correct(self) -> bool:
        return self.flagged == self.case.hateful


def load_cases(path: Path) -> list[Case]:
    """The test cases of ``test_suite_cases.csv``; texts are kept exactly, trailing spaces too."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        return [
            Case(
                r["functionality"],
                r["test_case"],
                r["label_gold"] == "hateful",
                r["target_ident"] or "-",
            )
            for r in rows
        ]
    except (OSError, KeyError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(f"cannot read HateCheck cases from {path}: {error}") from None


def flags_hate(result: Result, protected: frozenset[str]) -> bool:
    return any(
        f.category is Category.DISCRIMINATION and f.target in protected for f in result.findings
    )


def run(cases: Sequence[Case], screener: Screener) -> list[Outcome]:
    protected = frozenset(pc.id for pc in screener.policy.protected_characteristics)
    results = screener.check_many(case.text for case in cases)
    return [
        Outcome(case, flags_hate(result, protected))
        for case, result in zip(cases, results, strict=True)
    ]


def accuracy(outcomes: Iterable[Outcome]) -> float:
    items = list(outcomes)
    return 100.0 * sum(o.correct for o in items) / len(items) if items else 0.0


def by(outcomes: Sequence[Outcome], key: str) -> dict[str, list[Outcome]]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[getattr(outcome.case, key)].append(outcome)
    return dict(sorted(groups.items()))


def neutral_flag_rates(outcomes: Sequence[Outcome]) -> dict[str, float]:
    """Share flagged per target group among the neutral and positive identity statements."""
    rates = {}
    for target, items in by(
        [o for o in outcomes if o.case.functionality in NEUTRAL_IDENTITY], "target"
    ).items():
        rates[target] = 100.0 * sum(o.flagged for o in items) / len(items)
    return rates


def report(outcomes: Sequence[Outcome]) -> str:
    lines = [
        f"HateCheck: {len(outcomes)} cases, overall accuracy {accuracy(outcomes):.1f}% "
        f"(Perspective, published: {PERSPECTIVE_OVERALL:.1f}%)",
        "",
        f"{'functionality':<22} {'n':>4} {'ours':>6} {'Persp.':>7}",
    ]
    for name, items in by(outcomes, "functionality").items():
        published = PERSPECTIVE_BY_FUNCTIONALITY.get(name)
        shown = f"{published:.1f}" if published is not None else "-"
        lines.append(f"{name:<22} {len(items):>4} {accuracy(items):>6.1f} {shown:>7}")
    lines += ["", f"{'target group':<22} {'n':>4} {'ours':>6}"]
    for name, items in by(outcomes, "target").items():
        lines.append(f"{name:<22} {len(items):>4} {accuracy(items):>6.1f}")
    rates = neutral_flag_rates(outcomes)
    if rates:
        lines += [
            "",
            "Neutral/positive identity statements flagged (ident_neutral_nh, ident_pos_nh):",
        ]
        lines += [f"  {name:<20} {rate:5.1f}%" for name, rate in rates.items()]
        lines.append(
            f"  spread (max - min): {max(rates.values()) - min(rates.values()):.1f} points"
        )
    return "\n".join(lines)
