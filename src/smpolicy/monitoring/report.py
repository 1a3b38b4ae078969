"""Report formats: terminal table, JSON (stable, README.md), CSV and HTML with charts.

Rows arrive with real person ids from the analysis; ``label_rows`` swaps them for pseudonyms
unless a logged reveal allows otherwise. The HTML report draws its charts as inline SVG, so it
opens offline and loads nothing from anywhere.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from smpolicy.monitoring.analysis import Analysis, DayRow

FORMATS = ("table", "json", "csv", "html")
DEFAULT_PURPOSE = (
    "Enforce clause 6.3 of the acceptable use of social media policy: no personal social media "
    "in working time, and none left running in the background. Aggregate minutes only; no "
    "content of any page is read. Business users (6.2) and time outside working periods, "
    "breaks and bank holidays are excluded."
)
DEFAULT_RETENTION = (
    "Delete this report 6 months after it is made unless a case (section 7) needs it."
)


@dataclass(frozen=True)
class Header:
    purpose: str = DEFAULT_PURPOSE
    retention: str = DEFAULT_RETENTION
    revealed: bool = False


def label_rows(rows: tuple[DayRow, ...], label: Callable[[str], str]) -> tuple[DayRow, ...]:
    return tuple(replace(row, person_id=label(row.person_id)) for row in rows)


def to_dict(analysis: Analysis) -> dict[str, Any]:
    return {
        "summary": {"lines_read": analysis.lines_read, "lines_matched": analysis.lines_matched,
                    "malformed": dict(sorted(analysis.malformed.items()))},
        "rows": [{"person": r.person_id, "date": r.date, "personal_minutes": r.personal_minutes,
                  "background_minutes": r.background_minutes, "sessions": r.sessions,
                  "services": list(r.services)} for r in analysis.rows],
    }


def render_json(analysis: Analysis, header: Header) -> str:
    return json.dumps(to_dict(analysis), ensure_ascii=False)


def render_csv(analysis: Analysis, header: Header) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["person", "date", "personal_minutes", "background_minutes", "sessions",
                     "services"])
    for r in analysis.rows:
        writer.writerow([r.person_id, r.date, r.personal_minutes, r.background_minutes,
                         r.sessions, ";".join(r.services)])
    return out.getvalue()


def render_table(analysis: Analysis, header: Header) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Personal social media in working time (policy 6.3)")
    for name in ("person", "date", "personal min", "background min", "sessions", "services"):
        table.add_column(name, justify="right" if "min" in name or name == "sessions" else "left")
    for r in analysis.rows:
        table.add_row(r.person_id, r.date, str(r.personal_minutes), str(r.background_minutes),
                      str(r.sessions), ", ".join(r.services))
    console = Console(file=io.StringIO(), width=120, force_terminal=False)
    console.print(table)
    malformed = ", ".join(f"{k} {v}" for k, v in sorted(analysis.malformed.items())) or "none"
    console.print(f"lines read {analysis.lines_read}, social-media lines "
                  f"{analysis.lines_matched}, malformed: {malformed}")
    return console.file.getvalue()  # type: ignore[attr-defined]


def _bars(analysis: Analysis) -> str:
    per_day: dict[str, tuple[int, int]] = {}
    for r in analysis.rows:
        p, b = per_day.get(r.date, (0, 0))
        per_day[r.date] = (p + r.personal_minutes, b + r.background_minutes)
    if not per_day:
        return "<p>No personal social-media use in working time.</p>"
    top = max(p + b for p, b in per_day.values()) or 1
    width, height, bar = 40 * len(per_day) + 60, 220, 28
    parts = [f'<svg role="img" aria-label="Minutes per day" width="{width}" height="{height + 60}"'
             f' xmlns="http://www.w3.org/2000/svg">']
    for i, (day, (p, b)) in enumerate(sorted(per_day.items())):
        x = 50 + i * 40
        hp, hb = height * p / top, height * b / top
        parts.append(f'<rect x="{x}" y="{height - hp:.1f}" width="{bar}" height="{hp:.1f}" '
                     f'fill="#1d70b8"><title>{day}: {p} personal min</title></rect>')
        parts.append(f'<rect x="{x}" y="{height - hp - hb:.1f}" width="{bar}" height="{hb:.1f}" '
                     f'fill="#f47738"><title>{day}: {b} background min</title></rect>')
        parts.append(f'<text x="{x + bar / 2}" y="{height + 14}" font-size="10" '
                     f'text-anchor="end" transform="rotate(-45 {x + bar / 2} {height + 14})">'
                     f'{day}</text>')
    parts.append(f'<text x="0" y="12" font-size="11">{top} min</text></svg>')
    return "".join(parts)


def _heatmap(analysis: Analysis) -> str:
    top = max(analysis.heatmap.values(), default=0) or 1
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    parts = ['<svg role="img" aria-label="Personal minutes by weekday and hour" width="560" '
             'height="190" xmlns="http://www.w3.org/2000/svg">']
    for hour in range(24):
        parts.append(f'<text x="{40 + hour * 21 + 10}" y="12" font-size="9" '
                     f'text-anchor="middle">{hour:02d}</text>')
    for weekday, name in enumerate(days):
        parts.append(f'<text x="0" y="{30 + weekday * 22 + 14}" font-size="11">{name}</text>')
        for hour in range(24):
            n = analysis.heatmap.get((weekday, hour), 0)
            shade = 1 - 0.85 * n / top
            red, green, blue = (int(29 + 226 * shade), int(112 + 143 * shade),
                                int(184 + 71 * shade))
            colour = f"rgb({red},{green},{blue})"
            parts.append(f'<rect x="{40 + hour * 21}" y="{30 + weekday * 22}" width="20" '
                         f'height="21" fill="{colour}"><title>{name} {hour:02d}:00 - {n} min'
                         f'</title></rect>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(analysis: Analysis, header: Header) -> str:
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(r.person_id)}</td><td>{r.date}</td><td>{r.personal_minutes}</td>"
        f"<td>{r.background_minutes}</td><td>{r.sessions}</td><td>{e(', '.join(r.services))}</td>"
        "</tr>" for r in analysis.rows)
    malformed = ", ".join(f"{e(k)}: {v}" for k, v in sorted(analysis.malformed.items())) or "none"
    identity = ("Real identities shown: this reveal was logged with its reason."
                if header.revealed else "People are shown by pseudonym (keyed HMAC).")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Working-time social-media use (policy 6.3)</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;color:#0b0c0c}}
table{{border-collapse:collapse}}td,th{{border:1px solid #b1b4b6;padding:4px 8px}}
.dpia{{border-left:6px solid #1d70b8;padding:0.5em 1em;background:#f3f2f1}}</style></head>
<body><h1>Personal social media in working time</h1>
<section class="dpia"><h2>Data protection (DPIA)</h2>
<p><strong>Purpose:</strong> {e(header.purpose)}</p>
<p><strong>Retention:</strong> {e(header.retention)}</p>
<p>{identity}</p></section>
<h2>Minutes per day (all people)</h2>
<p>Blue: personal use; orange: left running in the background.</p>{_bars(analysis)}
<h2>Time of day</h2>{_heatmap(analysis)}
<h2>Per person and day</h2>
<table><thead><tr><th>person</th><th>date</th><th>personal minutes</th>
<th>background minutes</th><th>sessions</th><th>services</th></tr></thead>
<tbody>{rows}</tbody></table>
<p>Lines read: {analysis.lines_read}; social-media lines: {analysis.lines_matched};
malformed: {malformed}.</p></body></html>
"""


RENDERERS: dict[str, Callable[[Analysis, Header], str]] = {
    "table": render_table, "json": render_json, "csv": render_csv, "html": render_html,
}
