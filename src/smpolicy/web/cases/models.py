"""Disciplinary cases following the ACAS Code of Practice, one model method per step.

    investigating ─decide_to_proceed─▶ proceeding ─notify─▶ notified ─schedule_meeting─▶ meeting
         │ (no case to answer)                                                            │
         ▼                                                                      decide_outcome
       closed ◀─close (appeal window over)── outcome ─appeal (the accused)─▶ appealed      │
         ▲                                      ▲                              │          │
         └──────────────decide_appeal───────────┼──────────────────────────────┘          │
                                                └─────────────────────────────────────────┘
    any open stage ─exclude─▶ excluded (handled under another procedure, 3.1)

Each step checks the current state and the actor's role, raises ``InvalidTransition`` when
either is wrong, and writes an audit event.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from smpolicy.exceptions import InvalidTransition
from smpolicy.web.audit.models import record
from smpolicy.web.casework import HANDLERS, READERS, manages, sha256
from smpolicy.web.people.models import Person, Role

MAX_EVIDENCE = 10 * 1024 * 1024


class Stage(models.TextChoices):
    INVESTIGATING = "investigating", "Establishing the facts"
    PROCEEDING = "proceeding", "Decided to proceed"
    NOTIFIED = "notified", "Written notification sent"
    MEETING = "meeting", "Meeting arranged"
    OUTCOME = "outcome", "Outcome decided"
    APPEALED = "appealed", "Appeal lodged"
    CLOSED = "closed", "Closed"
    EXCLUDED = "excluded", "Handled under another procedure"


OPEN_STAGES = (Stage.INVESTIGATING, Stage.PROCEEDING, Stage.NOTIFIED, Stage.MEETING,
               Stage.OUTCOME, Stage.APPEALED)
# From written notification on, the accused sees letters and the evidence disclosed to them.
DISCLOSED_STAGES = (Stage.NOTIFIED, Stage.MEETING, Stage.OUTCOME, Stage.APPEALED, Stage.CLOSED)


class Outcome(models.TextChoices):
    NO_ACTION = "no_action", "No action"
    INFORMAL = "informal", "Informal action"
    FIRST_WRITTEN = "first_written_warning", "First written warning"
    FINAL_WRITTEN = "final_written_warning", "Final written warning"
    DISMISSAL = "dismissal", "Dismissal for gross misconduct"


class Severity(models.TextChoices):
    CONDUCT = "conduct", "Possible misconduct"
    GROSS = "gross", "Possible gross misconduct"


class AppealResult(models.TextChoices):
    UPHELD = "upheld", "Appeal upheld: outcome replaced"
    REJECTED = "rejected", "Appeal rejected: outcome stands"


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, person: Person | None) -> CaseQuerySet:
        if person is None:
            return self.none()
        if person.role in READERS:
            return self
        mine = models.Q(subject=person, stage__in=DISCLOSED_STAGES)
        if person.role == Role.MANAGER:
            mine |= models.Q(subject__line_manager=person)
        return self.filter(mine)

    def open(self) -> CaseQuerySet:
        return self.filter(stage__in=OPEN_STAGES)


class Case(models.Model):
    subject = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cases_about")
    concern = models.ForeignKey("concerns.Concern", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="cases")
    clause = models.CharField(max_length=20, help_text="The policy clause alleged, e.g. 6.4(a).")
    severity = models.CharField(max_length=10, choices=Severity.choices, default=Severity.CONDUCT)
    categories = models.JSONField(default=list, blank=True,
                                  help_text="Finding categories from the engine, for comparisons.")
    allegation = models.TextField()
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.INVESTIGATING)
    opened_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    stage_since = models.DateTimeField(default=timezone.now)
    proceed_reason = models.TextField(blank=True)
    meeting_at = models.DateTimeField(null=True, blank=True)
    meeting_place = models.CharField(max_length=200, blank=True)
    companion_right_given = models.BooleanField(default=False)
    companion_name = models.CharField(max_length=200, blank=True)
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    outcome_reason = models.TextField(blank=True)
    consistency_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    appeal_grounds = models.TextField(blank=True)
    appealed_at = models.DateTimeField(null=True, blank=True)
    appeal_result = models.CharField(max_length=10, choices=AppealResult.choices, blank=True)
    appeal_reason = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    other_procedure = models.CharField(max_length=200, blank=True)
    other_procedure_link = models.URLField(max_length=2000, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [
            # Dashboard: open cases by stage and age.
            models.Index(fields=["stage", "stage_since"]),
            # Comparable prior cases: decided cases with the same clause.
            models.Index(fields=["clause", "decided_at"]),
        ]

    def __str__(self) -> str:
        return f"Case {self.pk}"

    @property
    def ref(self) -> str:
        return f"case:{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES

    # Who may do what -------------------------------------------------------------------------

    def can_handle(self, person: Person | None) -> bool:
        return person is not None and (person.role in HANDLERS or manages(person, self.subject))

    def is_accused(self, person: Person | None) -> bool:
        return person is not None and person.pk == self.subject_id

    def _require(self, actor: Person, stages: tuple[str, ...], *, accused: bool = False,
                 roles: frozenset[str] | None = None) -> None:
        allowed = (self.is_accused(actor) if accused
                   else (actor.role in roles if roles else self.can_handle(actor))
                   and not self.is_accused(actor))
        if not allowed:
            raise InvalidTransition(f"{actor.get_role_display()} may not do this on case "
                                    f"{self.pk}")
        if self.stage not in stages:
            allowed_names = ", ".join(Stage(s).label.lower() for s in stages)
            raise InvalidTransition(f"case {self.pk} is at '{self.get_stage_display()}'; this "
                                    f"step needs: {allowed_names}")

    def _move(self, actor: Person, stage: str, action: str, **details: Any) -> None:
        self.stage, self.stage_since = stage, timezone.now()
        self.save()
        record(actor.user, f"case.{action}", self.ref, stage=stage, **details)

    # Opening --------------------------------------------------------------------------------

    @classmethod
    def open_case(cls, actor: Person, *, subject: Person, clause: str, allegation: str,
                  severity: str = Severity.CONDUCT, concern: Any = None) -> Case:
        if actor.pk == subject.pk or not (actor.role in HANDLERS or manages(actor, subject)):
            raise InvalidTransition("only the subject's manager, the Town Clerk or HR may open "
                                    "a case")
        categories = sorted({f["category"] for f in (concern.screening.get("findings", [])
                                                      if concern else [])})
        with transaction.atomic():
            case = cls.objects.create(subject=subject, clause=clause, allegation=allegation,
                                      severity=severity, concern=concern, opened_by=actor,
                                      categories=categories)
            if concern is not None:
                from smpolicy.web.concerns.models import ConcernStatus

                if concern.status == ConcernStatus.OPEN:
                    concern.acknowledge(actor)
                concern.status, concern.closed_at = ConcernStatus.CASE_OPENED, timezone.now()
                concern.save(update_fields=["status", "closed_at"])
            record(actor.user, "case.create", case.ref, subject=subject.pk, clause=clause,
                   concern=concern.pk if concern else None)
        return case

    # Establishing the facts -----------------------------------------------------------------

    def add_note(self, actor: Person, text: str) -> CaseNote:
        self._require(actor, OPEN_STAGES)
        if not text.strip():
            raise InvalidTransition("a note needs some text")
        note = self.notes.create(author=actor, text=text)
        record(actor.user, "case.note", self.ref, note=note.pk)
        return note

    def add_evidence(self, actor: Person, *, description: str, content: bytes,
                     filename: str = "") -> Evidence:
        self._require(actor, (Stage.INVESTIGATING, Stage.PROCEEDING))
        if not content or len(content) > MAX_EVIDENCE:
            raise InvalidTransition("evidence must be between 1 byte and 10 MB")
        item = self.evidence.create(description=description, content=content,
                                    filename=filename[:200], sha256=sha256(content),
                                    added_by=actor)
        record(actor.user, "case.evidence", self.ref, evidence=item.pk, sha256=item.sha256)
        return item

    def decide_to_proceed(self, actor: Person, proceed: bool, reason: str) -> None:
        self._require(actor, (Stage.INVESTIGATING,))
        if not reason.strip():
            raise InvalidTransition("record the reason for the decision")
        self.proceed_reason = reason
        if proceed:
            self._move(actor, Stage.PROCEEDING, "proceed", reason=reason)
        else:
            self.closed_at = timezone.now()
            self._move(actor, Stage.CLOSED, "no_case_to_answer", reason=reason)

    # Notification, meeting, outcome ---------------------------------------------------------

    def notify(self, actor: Person) -> Letter:
        """Written notification with copies of the evidence (ACAS Code para 9)."""
        self._require(actor, (Stage.PROCEEDING,))
        if not self.evidence.exists():
            raise InvalidTransition("add the evidence before notifying: it goes with the letter")
        from smpolicy.web.cases.letters import write_letter

        self.evidence.update(disclosed=True)
        self._move(actor, Stage.NOTIFIED, "notify")
        return write_letter(self, "notification", actor)

    def schedule_meeting(self, actor: Person, *, at: dt.datetime, place: str,
                         companion_right_given: bool, companion_name: str = "") -> Letter:
        self._require(actor, (Stage.NOTIFIED, Stage.MEETING))
        if not companion_right_given:
            raise InvalidTransition("tell the employee of their right to be accompanied "
                                    "(ACAS Code para 13) before arranging the meeting")
        if at <= timezone.now():
            raise InvalidTransition("the meeting must be in the future")
        self.meeting_at, self.meeting_place = at, place
        self.companion_right_given, self.companion_name = True, companion_name
        self._move(actor, Stage.MEETING, "meeting", at=at, companion=companion_name)
        from smpolicy.web.cases.letters import write_letter

        return write_letter(self, "meeting", actor)

    def decide_outcome(self, actor: Person, outcome: str, reason: str,
                       consistency_reason: str = "") -> Letter:
        """The written outcome; differing from comparable cases needs a recorded reason (7.2)."""
        self._require(actor, (Stage.MEETING,))
        if outcome not in Outcome.values:
            raise InvalidTransition(f"unknown outcome {outcome!r}")
        if not reason.strip():
            raise InvalidTransition("record the reasons for the outcome")
        if outcome == Outcome.DISMISSAL and self.severity != Severity.GROSS:
            raise InvalidTransition("dismissal needs an allegation of gross misconduct")
        from smpolicy.web.cases.consistency import comparables, usual_outcome

        usual = usual_outcome(comparables(self))
        if usual and usual != outcome and not consistency_reason.strip():
            raise InvalidTransition(
                f"comparable cases usually ended in '{Outcome(usual).label}': record why this "
                "case differs")
        self.outcome, self.outcome_reason = outcome, reason
        self.consistency_reason = consistency_reason
        self.decided_by, self.decided_at = actor, timezone.now()
        self._move(actor, Stage.OUTCOME, "outcome", outcome=outcome, usual=usual,
                   differs=bool(usual and usual != outcome))
        from smpolicy.web.cases.letters import write_letter

        return write_letter(self, "outcome", actor)

    # Appeal and closing ---------------------------------------------------------------------

    @property
    def appeal_deadline(self) -> dt.datetime | None:
        if self.decided_at is None:
            return None
        return self.decided_at + dt.timedelta(days=settings.APPEAL_DAYS)

    def appeal(self, actor: Person, grounds: str) -> None:
        self._require(actor, (Stage.OUTCOME,), accused=True)
        if not grounds.strip():
            raise InvalidTransition("give the grounds of the appeal")
        if self.appeal_deadline and timezone.now() > self.appeal_deadline:
            raise InvalidTransition("the time to appeal has passed")
        self.appeal_grounds, self.appealed_at = grounds, timezone.now()
        self._move(actor, Stage.APPEALED, "appeal")

    def decide_appeal(self, actor: Person, result: str, reason: str,
                      new_outcome: str = "") -> Letter:
        """Heard by the Town Clerk or HR, and never by whoever decided the outcome."""
        self._require(actor, (Stage.APPEALED,), roles=HANDLERS)
        if actor.pk == self.decided_by_id:
            raise InvalidTransition("the appeal must be heard by someone who did not decide "
                                    "the outcome")
        if result not in AppealResult.values or not reason.strip():
            raise InvalidTransition("give the appeal result and its reasons")
        if result == AppealResult.UPHELD:
            if new_outcome not in Outcome.values:
                raise InvalidTransition("an upheld appeal needs the replacement outcome")
            self.outcome = new_outcome
        self.appeal_result, self.appeal_reason = result, reason
        self.closed_at = timezone.now()
        self._move(actor, Stage.CLOSED, "appeal_outcome", result=result, outcome=self.outcome)
        from smpolicy.web.cases.letters import write_letter

        return write_letter(self, "appeal_outcome", actor)

    def close(self, actor: Person) -> None:
        self._require(actor, (Stage.OUTCOME,))
        if self.appeal_deadline and timezone.now() <= self.appeal_deadline:
            raise InvalidTransition("the time to appeal has not passed yet")
        self.closed_at = timezone.now()
        self._move(actor, Stage.CLOSED, "close")

    def exclude(self, actor: Person, procedure: str, link: str = "") -> None:
        """3.1: handled under another procedure (e.g. harassment and bullying); leaves here."""
        self._require(actor, OPEN_STAGES)
        if not procedure.strip():
            raise InvalidTransition("name the procedure the case moves to")
        self.other_procedure, self.other_procedure_link = procedure, link
        self.closed_at = timezone.now()
        self._move(actor, Stage.EXCLUDED, "exclude", procedure=procedure, link=link)


class CaseNote(models.Model):
    """An investigation note: for the case handlers, not disclosed to the accused."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]


class Evidence(models.Model):
    """A document or screenshot, hashed when added so that any later change shows."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    description = models.CharField(max_length=300)
    filename = models.CharField(max_length=200, blank=True)
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    added_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)
    disclosed = models.BooleanField(default=False)

    class Meta:
        ordering = ["added_at", "id"]

    @property
    def intact(self) -> bool:
        return sha256(bytes(self.content)) == self.sha256


class Letter(models.Model):
    """A letter as sent (HTML), with its hash; the accused may read every letter."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(max_length=20)
    html = models.TextField()
    sha256 = models.CharField(max_length=64)
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["written_at", "id"]
