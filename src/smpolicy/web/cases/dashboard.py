"""Dashboards: open cases by stage and age, overdue prompt actions, outcomes by clause.

Opening the page also escalates overdue concerns, so escalation happens even where no
scheduler runs ``escalate_concerns``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from smpolicy.web import access
from smpolicy.web.cases.models import OPEN_STAGES, Case, Outcome, Stage
from smpolicy.web.casework import READERS
from smpolicy.web.concerns.models import Concern, escalate_overdue

AGE_BANDS = ((7, "under a week"), (28, "1-4 weeks"), (90, "1-3 months"), (None, "over 3 months"))


def summary(now: dt.datetime | None = None) -> dict[str, Any]:
    now = now or timezone.now()
    open_cases = Case.objects.filter(stage__in=OPEN_STAGES)
    by_stage = []
    for stage in OPEN_STAGES:
        at_stage = open_cases.filter(stage=stage)
        bands, lower = [], 0
        for upper, label in AGE_BANDS:
            band = at_stage.filter(stage_since__lte=now - dt.timedelta(days=lower))
            if upper is not None:
                band = band.filter(stage_since__gt=now - dt.timedelta(days=upper))
            bands.append((label, band.count()))
            lower = upper or lower
        oldest = at_stage.aggregate(oldest=Min("stage_since"))["oldest"]
        by_stage.append({"stage": Stage(stage).label, "bands": bands,
                         "total": sum(n for _, n in bands),
                         "oldest_days": (now - oldest).days if oldest else None})
    outcomes: dict[str, dict[str, int]] = {}
    rows = (Case.objects.exclude(outcome="").values("clause", "outcome")
            .annotate(n=Count("id")).order_by("clause"))
    for row in rows:
        outcomes.setdefault(row["clause"], {})[row["outcome"]] = row["n"]
    return {
        "by_stage": by_stage,
        "overdue": list(Concern.objects.overdue(now).select_related("manager", "escalated_to")
                        .order_by("due_by")[:100]),
        "outcome_labels": Outcome.choices,
        "outcomes": [(clause, [counts.get(value, 0) for value, _ in Outcome.choices])
                     for clause, counts in sorted(outcomes.items())],
    }


@access.role_required(READERS)
def dashboard(request: HttpRequest) -> HttpResponse:
    escalate_overdue()
    return render(request, "cases/dashboard.html", summary())
