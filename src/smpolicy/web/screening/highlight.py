"""Split a post into plain and highlighted pieces so a page can mark each finding's words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    findings: tuple[int, ...] = ()  # 1-based numbers of the findings covering these characters

    @property
    def marked(self) -> bool:
        return bool(self.findings)


def pieces(text: str, findings: Sequence[dict[str, Any]]) -> list[Piece]:
    """Cut ``text`` at every span boundary; overlapping findings share a piece."""
    spans = []
    for number, finding in enumerate(findings, start=1):
        if finding.get("span") is None:  # found in an image or a link, not in the words
            continue
        start, end = finding["span"]
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if start < end:
            spans.append((start, end, number))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for start, end in pairwise(cuts):
        covering = tuple(n for s, e, n in spans if s <= start and end <= e)
        out.append(Piece(text[start:end], covering))
    return out
