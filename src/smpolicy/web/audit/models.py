"""Append-only audit log, hash-chained so that an edited, inserted or deleted event is detectable.

Each event carries a contiguous sequence number and an HMAC-SHA256 over its own fields and the
previous event's hash. The key (``AUDIT_KEY``) lives outside the database, so someone who can
write to the database cannot recompute a consistent chain after editing it. A one-row
``AuditHead`` records the sequence number and hash of the newest event, which catches the one
edit a chain alone cannot: removing events from the end.

``verify`` walks the chain in order and names the first bad event (``smpolicy audit verify``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from smpolicy.exceptions import WorkflowError

GENESIS = "0" * 64


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=100)
    target = models.CharField(max_length=200, blank=True)
    details = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        indexes = [
            # Subject-access export and case pages: the events about one record.
            models.Index(fields=["target"]),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.target}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise WorkflowError("audit events are append-only: an event cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise WorkflowError("audit events are append-only: an event cannot be deleted")

    def compute_hash(self) -> str:
        payload = json.dumps(
            {
                "seq": self.seq,
                "at": self.at.isoformat(),
                "actor": self.actor_name,
                "action": self.action,
                "target": self.target,
                "details": self.details,
                "prev": self.prev_hash,
            },
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
            cls=DjangoJSONEncoder,
        )
        key = settings.AUDIT_KEY.encode("utf-8")
        return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()


class AuditHead(models.Model):
    """The newest event's sequence number and hash (one row, id 1), updated with every event."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS)


def _jsonable(details: dict[str, Any]) -> dict[str, Any]:
    # Stored exactly as it will be read back, so the hash recomputes the same on every database.
    result: dict[str, Any] = json.loads(json.dumps(details, cls=DjangoJSONEncoder))
    return result


def record(actor: Any, action: str, target: str = "", **details: Any) -> AuditEvent:
    """Append one event to the chain; the head row's lock serialises concurrent writers."""
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
        event = AuditEvent(
            seq=head.seq + 1,
            at=timezone.now().replace(microsecond=0),
            actor=actor if getattr(actor, "pk", None) else None,
            actor_name=getattr(actor, "get_username", lambda: "system")(),
            action=action,
            target=target[:200],
            details=_jsonable(details),
            prev_hash=head.hash,
        )
        event.hash = event.compute_hash()
        event.save()
        AuditHead.objects.filter(pk=1).update(seq=event.seq, hash=event.hash)
        return event


@dataclass(frozen=True, slots=True)
class ChainReport:
    """What ``verify`` found: ``ok``, how many events it checked, and the first problem."""

    ok: bool
    checked: int
    bad_seq: int | None = None
    bad_id: int | None = None
    reason: str = ""


def verify() -> ChainReport:
    """Recompute every link in order; stop at the first event that does not hold."""
    previous_hash, expected_seq, checked = GENESIS, 1, 0
    for event in AuditEvent.objects.order_by("seq", "id").iterator():
        if event.seq != expected_seq:
            missing = "removed" if event.seq > expected_seq else "altered"
            return ChainReport(False, checked, expected_seq, event.pk,
                               f"event #{expected_seq} {missing} (next row is id {event.pk}, "
                               f"seq {event.seq})")
        if event.prev_hash != previous_hash:
            return ChainReport(False, checked, event.seq, event.pk,
                               f"event #{event.seq} (id {event.pk}) does not link to the event "
                               "before it: an event was removed or altered")
        if not hmac.compare_digest(event.compute_hash(), event.hash):
            return ChainReport(False, checked, event.seq, event.pk,
                               f"event #{event.seq} (id {event.pk}) was edited after it was "
                               "written: its hash does not match its contents")
        previous_hash, expected_seq, checked = event.hash, expected_seq + 1, checked + 1
    head = AuditHead.objects.filter(pk=1).first()
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq != checked or head_hash != previous_hash:
        return ChainReport(False, checked, checked + 1, None,
                           f"the log ends at event #{checked} but the head records "
                           f"#{head_seq}: events from #{checked + 1} were removed")
    return ChainReport(True, checked)


def verify_chain() -> AuditEvent | None:
    """The first event whose hash or link does not hold, or None when the chain is intact."""
    report = verify()
    if report.ok or report.bad_id is None:
        return None
    return AuditEvent.objects.get(pk=report.bad_id)


def events_about(target: str) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(target=target)
