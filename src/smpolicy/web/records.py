"""Retention (purge closed records after their period) and subject-access exports (zip).

Audit events are never purged: removing them would break the chain, and they hold references
(``case:12``) rather than the content of the records.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from typing import Any

from django.conf import settings
from django.core import serializers
from django.db.models import Q
from django.utils import timezone

from smpolicy.web.audit.models import AuditEvent, record
from smpolicy.web.cases.models import Case, Stage
from smpolicy.web.concerns.models import Concern, ConcernStatus
from smpolicy.web.people.models import Person
from smpolicy.web.reports.models import AbuseReport, ReportStatus
from smpolicy.web.screening.models import SavedCheck


def expired(now: dt.datetime | None = None) -> dict[str, Any]:
    """The querysets of closed records older than their retention period, by record type."""
    now = now or timezone.now()
    days = settings.RETENTION_DAYS

    def before(kind: str) -> dt.datetime | None:
        return now - dt.timedelta(days=days[kind]) if days.get(kind) else None

    found: dict[str, Any] = {}
    if cutoff := before("abuse_report"):
        found["abuse_report"] = AbuseReport.objects.filter(status=ReportStatus.CLOSED,
                                                           closed_at__lt=cutoff)
    if cutoff := before("concern"):
        found["concern"] = Concern.objects.filter(
            status__in=[ConcernStatus.NO_FURTHER_ACTION, ConcernStatus.CASE_OPENED],
            closed_at__lt=cutoff).exclude(cases__stage__in=[s for s in Stage.values
                                                             if s not in ("closed", "excluded")])
    if cutoff := before("case"):
        found["case"] = Case.objects.filter(stage__in=[Stage.CLOSED, Stage.EXCLUDED],
                                            closed_at__lt=cutoff)
    if cutoff := before("saved_check"):
        found["saved_check"] = SavedCheck.objects.filter(saved_at__lt=cutoff)
    return found


def purge(now: dt.datetime | None = None, *, dry_run: bool = False) -> dict[str, list[int]]:
    """Delete expired records; returns the ids removed per type (and audits the purge)."""
    removed: dict[str, list[int]] = {}
    for kind, queryset in expired(now).items():
        ids = sorted(queryset.values_list("id", flat=True))
        if ids and not dry_run:
            queryset.model.objects.filter(pk__in=ids).delete()
        removed[kind] = ids
    if not dry_run and any(removed.values()):
        record(None, "retention.purge", "", removed=removed)
    return removed


def _dump(objects: Any) -> str:
    return serializers.serialize("json", objects, indent=2)


def subject_access_zip(person: Person, actor: Any = None) -> bytes:
    """Everything held about ``person`` as a zip of JSON files plus evidence and letters."""
    buffer = io.BytesIO()
    reports = AbuseReport.objects.filter(reporter=person)
    concerns = Concern.objects.filter(Q(subject=person) | Q(raised_by=person))
    cases = Case.objects.filter(subject=person)
    targets = ([f"person:{person.pk}"] + [r.ref for r in reports] + [c.ref for c in concerns]
               + [c.ref for c in cases])
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("person.json", _dump([person]))
        archive.writestr("acknowledgements.json", _dump(person.acknowledgements.all()))
        archive.writestr("saved_checks.json", _dump(person.saved_checks.all()))
        archive.writestr("abuse_reports.json", _dump(reports))
        for report in reports:
            archive.writestr(f"abuse_reports/{report.pk}/items.json",
                             _dump(report.items.all().defer("screenshot")))
            archive.writestr(f"abuse_reports/{report.pk}/support.json",
                             _dump(report.support_actions.all()))
            for item in report.items.exclude(screenshot=None):
                archive.writestr(f"abuse_reports/{report.pk}/screenshot-{item.pk}",
                                 bytes(item.screenshot))
        archive.writestr("concerns.json", _dump(concerns))
        archive.writestr("cases.json", _dump(cases))
        for case in cases:
            archive.writestr(f"cases/{case.pk}/notes.json", _dump(case.notes.all()))
            for item in case.evidence.all():
                archive.writestr(f"cases/{case.pk}/evidence-{item.pk}-{item.sha256[:12]}",
                                 bytes(item.content))
            for letter in case.letters.all():
                archive.writestr(f"cases/{case.pk}/letter-{letter.pk}-{letter.kind}.html",
                                 letter.html)
        events = AuditEvent.objects.filter(Q(target__in=targets) | Q(actor=person.user_id)
                                           if person.user_id else Q(target__in=targets))
        archive.writestr("audit_events.json", json.dumps(
            [{"seq": e.seq, "at": e.at.isoformat(), "actor": e.actor_name, "action": e.action,
              "target": e.target} for e in events], indent=2))
    record(actor, "person.subject_access_export", f"person:{person.pk}")
    return buffer.getvalue()
