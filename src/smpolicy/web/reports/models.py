"""Abuse an employee received online (8.1, Appendix 1), whom they chose to tell, and takedowns."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone

from smpolicy.exceptions import InputError, InvalidTransition, WorkflowError
from smpolicy.web.audit.models import record
from smpolicy.web.casework import RECIPIENT_ROLES, sha256
from smpolicy.web.people.models import Person

MAX_SCREENSHOT = 10 * 1024 * 1024


class ReportStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class AbuseReportQuerySet(models.QuerySet["AbuseReport"]):
    def visible_to(self, person: Person | None) -> AbuseReportQuerySet:
        """Only the reporter and the manager they chose: no role sees every report."""
        if person is None:
            return self.none()
        return self.filter(models.Q(reporter=person) | models.Q(recipient=person))


class AbuseReport(models.Model):
    reporter = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="abuse_reports")
    recipient = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+",
                                  help_text="The manager the reporter chose to see this report.")
    where = models.CharField(max_length=200)
    abuser = models.CharField(max_length=200, blank=True)
    description = models.TextField()
    effect_on_work = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=ReportStatus.choices,
                              default=ReportStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = AbuseReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Abuse report {self.pk} ({self.where})"

    @property
    def ref(self) -> str:
        return f"report:{self.pk}"

    @classmethod
    def submit(cls, reporter: Person, recipient: Person, **fields: Any) -> AbuseReport:
        if recipient.pk == reporter.pk or recipient.role not in RECIPIENT_ROLES:
            raise InputError("choose a manager, the Town Clerk or HR to see the report")
        report = cls.objects.create(reporter=reporter, recipient=recipient, **fields)
        record(reporter.user, "report.create", report.ref, recipient=recipient.pk)
        return report

    def is_party(self, person: Person | None) -> bool:
        return person is not None and person.pk in (self.reporter_id, self.recipient_id)

    def _check_open(self, actor: Person) -> None:
        if not self.is_party(actor):
            raise InvalidTransition("only the reporter and the chosen manager may change this")
        if self.status != ReportStatus.OPEN:
            raise InvalidTransition("this report is closed")

    def add_item(self, actor: Person, *, link: str = "", description: str = "",
                 screenshot: bytes | None = None, screenshot_name: str = "") -> AbuseItem:
        self._check_open(actor)
        if screenshot is not None and len(screenshot) > MAX_SCREENSHOT:
            raise WorkflowError("a screenshot may be at most 10 MB")
        if not (link or description or screenshot):
            raise WorkflowError("give a link, a description or a screenshot of the item")
        item = self.items.create(
            link=link, description=description, screenshot=screenshot,
            screenshot_name=screenshot_name[:200],
            screenshot_sha256=sha256(screenshot) if screenshot else "",
        )
        record(actor.user, "report.item_add", self.ref, item=item.pk,
               sha256=item.screenshot_sha256)
        return item

    def add_support(self, actor: Person, action: str) -> SupportAction:
        self._check_open(actor)
        if not action.strip():
            raise WorkflowError("describe the support given")
        support = self.support_actions.create(by=actor, action=action)
        record(actor.user, "report.support", self.ref, support=support.pk)
        return support

    def close(self, actor: Person) -> None:
        self._check_open(actor)
        self.status, self.closed_at = ReportStatus.CLOSED, timezone.now()
        self.save(update_fields=["status", "closed_at"])
        record(actor.user, "report.close", self.ref)


class TakedownOutcome(models.TextChoices):
    PENDING = "pending", "Waiting for an answer"
    REMOVED = "removed", "Removed"
    REFUSED = "refused", "Refused"
    NO_RESPONSE = "no_response", "No response"


class AbuseItem(models.Model):
    """One abusive post or message, and what was done to have it taken down (Appendix 1)."""

    report = models.ForeignKey(AbuseReport, on_delete=models.CASCADE, related_name="items")
    link = models.URLField(max_length=2000, blank=True)
    description = models.TextField(blank=True)
    screenshot = models.BinaryField(null=True, blank=True)
    screenshot_name = models.CharField(max_length=200, blank=True)
    screenshot_sha256 = models.CharField(max_length=64, blank=True)
    reported_to_platform = models.BooleanField(default=False)
    platform_mechanism = models.CharField(max_length=200, blank=True,
                                          help_text="For example: the site's 'report post' form.")
    platform_reported_on = models.DateField(null=True, blank=True)
    platform_reference = models.CharField(max_length=200, blank=True)
    asked_poster = models.BooleanField(default=False)
    asked_poster_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=TakedownOutcome.choices,
                               default=TakedownOutcome.PENDING)

    class Meta:
        ordering = ["id"]

    TAKEDOWN_FIELDS = ("reported_to_platform", "platform_mechanism", "platform_reported_on",
                       "platform_reference", "asked_poster", "asked_poster_on", "outcome")

    def update_takedown(self, actor: Person, **changes: Any) -> None:
        self.report._check_open(actor)
        unknown = set(changes) - set(self.TAKEDOWN_FIELDS)
        if unknown:
            raise WorkflowError(f"unknown takedown fields: {', '.join(sorted(unknown))}")
        for name, value in changes.items():
            setattr(self, name, value)
        self.save(update_fields=list(changes))
        record(actor.user, "report.takedown", self.report.ref, item=self.pk,
               **{k: str(v) for k, v in changes.items()})


class SupportAction(models.Model):
    """Support the manager gave (8.2: support employees who are the subject of abuse)."""

    report = models.ForeignKey(AbuseReport, on_delete=models.CASCADE,
                               related_name="support_actions")
    by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.TextField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
