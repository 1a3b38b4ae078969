"""Who has acknowledged the policy in force (8.1), per scope category and per team (8.2)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from smpolicy.web.acknowledgements.models import Acknowledgement
from smpolicy.web.people.models import PersonQuerySet
from smpolicy.web.policies.models import PolicyVersion


@dataclass(frozen=True, slots=True)
class CoverageRow:
    key: str
    label: str
    total: int
    acknowledged: int

    @property
    def pending(self) -> int:
        return self.total - self.acknowledged

    @property
    def percent(self) -> int:
        return round(100 * self.acknowledged / self.total) if self.total else 100


@dataclass(frozen=True, slots=True)
class Pending:
    person_id: int
    name: str
    team: str
    scope_category: str
    reminder_due: bool


@dataclass(frozen=True, slots=True)
class Coverage:
    version: PolicyVersion
    overall: CoverageRow
    by_category: tuple[CoverageRow, ...]
    by_team: tuple[CoverageRow, ...]
    pending: tuple[Pending, ...]
    reminders_from: dt.date


def reminders_from(version: PolicyVersion) -> dt.date:
    """The day from which a missing acknowledgement is a reminder due."""
    assert version.published_at is not None
    published = timezone.localtime(version.published_at).date()
    return published + dt.timedelta(days=settings.ACK_REMINDER_DAYS)


def coverage(people: PersonQuerySet, version: PolicyVersion,
             scope_labels: dict[str, str]) -> Coverage:
    """Coverage of ``version`` among the active people in ``people``."""
    acked = Acknowledgement.objects.filter(person=OuterRef("pk"), version=version)
    rows = (
        people.active()
        .annotate(acked=Exists(acked))
        .values_list("pk", "name", "team", "scope_category", "acked")
        .order_by("name", "pk")
    )
    due_from = reminders_from(version)
    due = timezone.localdate() >= due_from
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    teams: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pending: list[Pending] = []
    for pk, name, team, category, is_acked in rows:
        for bucket, key in ((totals, category), (teams, team or "")):
            bucket[key][0] += 1
            bucket[key][1] += int(is_acked)
        if not is_acked:
            pending.append(Pending(pk, name, team, category, due))
    by_category = tuple(
        CoverageRow(key, label, *totals.get(key, [0, 0])) for key, label in scope_labels.items()
    ) + tuple(CoverageRow(k, k, *v) for k, v in sorted(totals.items()) if k not in scope_labels)
    by_team = tuple(CoverageRow(k, k or "No team", *v) for k, v in sorted(teams.items()))
    total = sum(v[0] for v in totals.values())
    done = sum(v[1] for v in totals.values())
    return Coverage(version, CoverageRow("all", "Everyone", total, done), by_category, by_team,
                    tuple(pending), due_from)
