"""The private self-audit report: JSON (stable), plain text and a standalone HTML page.

JSON format::

    {"platform": "facebook", "account": "...",
     "summary": {"posts": 120, "posts_screened": 120, "posts_flagged": 3, "posts_unscreened": 0,
                 "connections": 412, "connections_checked": true, "connections_matched": 1},
     "points": [{"clause": "5.2", "severity": "change|consider|info", "title": "...",
                 "detail": "...", "evidence": "..." | null, "when": "ISO date" | null,
                 "link": "..." | null, "steps": ["...", ...]}, ...]}

Points come most urgent first; flagged posts newest first within their severity.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from smpolicy.selfaudit.checks import Point, PostTally, Severity
from smpolicy.selfaudit.model import Platform

HEADINGS = {
    Severity.CHANGE: "Change these",
    Severity.CONSIDER: "Think about these",
    Severity.INFO: "Good to know",
}


@dataclass(frozen=True, slots=True)
class AuditReport:
    """Everything the person is told; holds only what it shows, nothing else from the export."""

    platform: Platform
    account: str | None
    points: tuple[Point, ...]
    posts: PostTally
    connections: int
    connections_checked: bool
    connections_matched: int

    def by_severity(self, severity: Severity) -> list[Point]:
        return [p for p in self.points if p.severity is severity]

    def to_dict(self) -> dict[str, Any]:
        return {
            "platform": str(self.platform),
            "account": self.account,
            "summary": {
                "posts": self.posts.posts,
                "posts_screened": self.posts.screened,
                "posts_flagged": self.posts.flagged,
                "posts_unscreened": self.posts.unscreened,
                "connections": self.connections,
                "connections_checked": self.connections_checked,
                "connections_matched": self.connections_matched,
            },
            "points": [_point_dict(p) for p in self.points],
        }


def _point_dict(point: Point) -> dict[str, Any]:
    return {
        "clause": point.clause,
        "severity": str(point.severity),
        "title": point.title,
        "detail": point.detail,
        "evidence": point.evidence,
        "when": point.when.isoformat() if point.when else None,
        "link": point.link,
        "steps": list(point.steps),
    }


def summary_line(report: AuditReport) -> str:
    checked = (
        f"{report.connections_matched} may be service users"
        if report.connections_checked
        else "not checked against a register"
    )
    return (
        f"{report.platform.label} export{f' of {report.account}' if report.account else ''}: "
        f"{report.posts.screened} of {report.posts.posts} posts screened, "
        f"{report.posts.flagged} to look at; {report.connections} connections, {checked}."
    )


def render_text(report: AuditReport, style: Callable[[str, Severity], str] | None = None) -> str:
    """Plain text; ``style`` may colour headings (the CLI passes click.style)."""
    paint = style or (lambda text, _severity: text)
    lines = [summary_line(report), "This report is private to you and nothing was kept.", ""]
    for severity in Severity:
        points = report.by_severity(severity)
        if not points:
            continue
        lines.append(paint(f"{HEADINGS[severity]} ({len(points)})", severity))
        for point in points:
            lines.append(f"  [{point.clause}] {point.title}")
            if point.evidence:
                lines.append(f"      “{point.evidence}”")
            lines.append(f"      {point.detail}")
            lines.extend(f"      - {step}" for step in point.steps)
            if point.link:
                lines.append(f"      {point.link}")
        lines.append("")
    return "\n".join(lines)


def render_html(report: AuditReport) -> str:
    """A standalone page (no scripts, no external files) the person can open and then delete."""
    e = html.escape
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='robots' content='noindex'><title>Your social media self-audit</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;"
        "line-height:1.5;color:#0b0c0c}h2{border-bottom:2px solid #b1b4b6}"
        ".clause{font-weight:bold;background:#f3f2f1;padding:0 .3rem}"
        "blockquote{border-left:4px solid #b1b4b6;margin:.5rem 0;padding-left:.8rem}"
        ".change h2{color:#d4351c}.consider h2{color:#594d00}</style></head><body>",
        "<h1>Your social media self-audit</h1>",
        f"<p>{e(summary_line(report))}</p>",
        "<p>This report is private to you. Nothing from your export was kept; delete this file "
        "when you have finished with it.</p>",
    ]
    for severity in Severity:
        points = report.by_severity(severity)
        if not points:
            continue
        parts.append(f"<section class='{severity}'><h2>{e(HEADINGS[severity])}</h2>")
        for point in points:
            parts.append(f"<h3><span class='clause'>{e(point.clause)}</span> {e(point.title)}</h3>")
            if point.evidence:
                parts.append(f"<blockquote>{e(point.evidence)}</blockquote>")
            parts.append(f"<p>{e(point.detail)}</p><ol>")
            parts.extend(f"<li>{e(step)}</li>" for step in point.steps)
            parts.append("</ol>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)
