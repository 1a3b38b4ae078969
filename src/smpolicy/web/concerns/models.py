"""Concerns about a staff member's post (7, 8.2): screened, acknowledged promptly, or escalated."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from smpolicy.exceptions import InvalidTransition
from smpolicy.web.audit.models import record
from smpolicy.web.casework import HANDLERS, READERS, manages, town_clerk
from smpolicy.web.people.models import Person


class ConcernStatus(models.TextChoices):
    OPEN = "open", "Waiting for the manager"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    CASE_OPENED = "case_opened", "Case opened"
    NO_FURTHER_ACTION = "no_further_action", "No further action"


class ConcernSource(models.TextChoices):
    STAFF = "staff", "Member of staff"
    PUBLIC = "public", "Member of the public"


class ConcernQuerySet(models.QuerySet["Concern"]):
    def visible_to(self, person: Person | None) -> ConcernQuerySet:
        if person is None:
            return self.none()
        if person.role in READERS:
            return self
        return self.filter(models.Q(manager=person) | models.Q(escalated_to=person))

    def overdue(self, now: dt.datetime | None = None) -> ConcernQuerySet:
        return self.filter(status=ConcernStatus.OPEN, due_by__lt=now or timezone.now())


class Concern(models.Model):
    subject = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="concerns_about")
    subject_name = models.CharField(max_length=200, blank=True,
                                    help_text="As the raiser gave it, when not on the register.")
    manager = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+",
                                help_text="Who must take prompt action: the subject's manager.")
    source = models.CharField(max_length=10, choices=ConcernSource.choices)
    raised_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="concerns_raised")
    raiser_name = models.CharField(max_length=200, blank=True)
    raiser_contact = models.CharField(max_length=200, blank=True)
    post_text = models.TextField()
    link = models.URLField(max_length=2000, blank=True)
    details = models.TextField(blank=True)
    # The engine's findings: a starting point for the manager, never a decision.
    screening = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=20, choices=ConcernStatus.choices,
                              default=ConcernStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    due_by = models.DateTimeField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(Person, null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="+")
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalated_to = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ConcernQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # escalate_overdue and the dashboard: open concerns past their deadline.
            models.Index(fields=["status", "due_by"]),
        ]

    def __str__(self) -> str:
        return f"Concern {self.pk}"

    @property
    def ref(self) -> str:
        return f"concern:{self.pk}"

    @property
    def verdict(self) -> str:
        return str(self.screening.get("verdict", ""))

    @property
    def is_overdue(self) -> bool:
        return self.status == ConcernStatus.OPEN and self.due_by < timezone.now()

    @classmethod
    def raise_concern(cls, *, post_text: str, source: str, subject: Person | None,
                      raised_by: Person | None = None, **fields: Any) -> Concern:
        """Screen the post, start the prompt-action clock and tell the subject's manager."""
        from smpolicy.web.screening.engine import screen

        now = timezone.now()
        manager = (subject.line_manager if subject else None) or town_clerk()
        concern = cls.objects.create(
            post_text=post_text, source=source, subject=subject, raised_by=raised_by,
            manager=manager, screening=screen(post_text), created_at=now,
            due_by=now + dt.timedelta(hours=settings.CONCERN_ACK_HOURS), **fields,
        )
        record(raised_by.user if raised_by else None, "concern.create", concern.ref,
               source=source, subject=subject.pk if subject else None,
               manager=manager.pk if manager else None, verdict=concern.verdict)
        return concern

    def can_handle(self, person: Person | None) -> bool:
        return person is not None and (
            person.role in HANDLERS or person.pk in (self.manager_id, self.escalated_to_id)
            or manages(person, self.subject)
        )

    def acknowledge(self, actor: Person) -> None:
        if not self.can_handle(actor):
            raise InvalidTransition("only the subject's manager, the Town Clerk or HR may "
                                    "acknowledge a concern")
        if self.status != ConcernStatus.OPEN:
            raise InvalidTransition(f"this concern is already {self.get_status_display().lower()}")
        self.status, self.acknowledged_at, self.acknowledged_by = (
            ConcernStatus.ACKNOWLEDGED, timezone.now(), actor)
        self.save(update_fields=["status", "acknowledged_at", "acknowledged_by"])
        record(actor.user, "concern.acknowledge", self.ref,
               late=self.acknowledged_at > self.due_by)

    def close_without_case(self, actor: Person, reason: str) -> None:
        if not self.can_handle(actor):
            raise InvalidTransition("your role does not allow closing this concern")
        if self.status not in (ConcernStatus.OPEN, ConcernStatus.ACKNOWLEDGED):
            raise InvalidTransition("this concern is already closed")
        if not reason.strip():
            raise InvalidTransition("record why no further action is needed")
        self.status, self.closed_at = ConcernStatus.NO_FURTHER_ACTION, timezone.now()
        self.save(update_fields=["status", "closed_at"])
        record(actor.user, "concern.close", self.ref, reason=reason)


def escalate_overdue(now: dt.datetime | None = None) -> list[Concern]:
    """Concerns not acknowledged in time go to the Town Clerk (8.2 prompt action), once each."""
    now = now or timezone.now()
    clerk = town_clerk()
    escalated = []
    for concern in Concern.objects.overdue(now).filter(escalated_at__isnull=True):
        concern.escalated_at, concern.escalated_to = now, clerk
        concern.save(update_fields=["escalated_at", "escalated_to"])
        record(None, "concern.escalate", concern.ref, to=clerk.pk if clerk else None,
               due_by=concern.due_by)
        escalated.append(concern)
    return escalated
