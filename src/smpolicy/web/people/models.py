"""The people register (2.1-2.2): who the policy covers, their role, manager and working pattern."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


class Role(models.TextChoices):
    """What a person may see and do on the site (the permission matrix is in access.py)."""

    EMPLOYEE = "employee", "Employee"
    MANAGER = "manager", "Manager"
    TOWN_CLERK = "town_clerk", "Town Clerk"
    HR = "hr", "HR / case officer"
    COMMUNICATIONS = "communications", "Communications"
    AUDITOR = "auditor", "Auditor"


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class PersonQuerySet(models.QuerySet["Person"]):
    def active(self, on: dt.date | None = None) -> PersonQuerySet:
        on = on or timezone.localdate()
        return self.filter(active_from__lte=on).filter(
            models.Q(active_until__isnull=True) | models.Q(active_until__gte=on)
        )


class Person(models.Model):
    """Anyone the policy applies to; ``scope_category`` is one of the policy's scope ids."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="person",
    )
    name = models.CharField(max_length=200)
    email = models.EmailField(unique=True)
    scope_category = models.CharField(max_length=50)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.EMPLOYEE)
    job_title = models.CharField(max_length=200, blank=True)
    team = models.CharField(max_length=100, blank=True)
    line_manager = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    # Working pattern (6.3): weekdays as digits, Monday = 0, e.g. "01234".
    working_days = models.CharField(max_length=7, default="01234")
    start_time = models.TimeField(default=dt.time(9, 0))
    end_time = models.TimeField(default=dt.time(17, 0))
    break_minutes = models.PositiveSmallIntegerField(default=30)
    active_from = models.DateField(default=dt.date.today)
    active_until = models.DateField(null=True, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            # Coverage per scope category: active people grouped by category.
            models.Index(fields=["scope_category", "active_from"]),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def working_days_label(self) -> str:
        return ", ".join(WEEKDAYS[int(d)] for d in self.working_days)

    def is_active_on(self, day: dt.date) -> bool:
        return self.active_from <= day and (self.active_until is None or self.active_until >= day)


class ServiceUser(models.Model):
    """One person the council serves (6.4(b)), held only as the hashes ``smpolicy.registers`` makes.

    ``hashes`` is the person's set from ``registers.person_hashes`` (name and nickname forms,
    one-typo variants, sound codes, surname, given name), so the engine's ``register_match``
    detector finds them in posts exactly as with a register file. ``entry`` (a SHA-256 of the
    sorted set) identifies the person without a name, so adding them twice keeps one row.
    ``key_check`` and ``scheme`` say which key and hashing scheme made the row: rows made with
    another are not used (see ``people/register.py``).
    """

    entry = models.CharField(max_length=64, unique=True)
    hashes = models.JSONField()
    scheme = models.PositiveSmallIntegerField()
    key_check = models.CharField(max_length=32)
    added_at = models.DateTimeField(auto_now_add=True)


class ApiToken(models.Model):
    """A bearer token for the JSON API; only its SHA-256 is stored, the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    label = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    @staticmethod
    def digest(token: str) -> str:
        return hashlib.sha256(token.encode("utf-8")).hexdigest()

    @classmethod
    def issue(cls, user: models.Model, label: str = "") -> str:
        """Create a token for ``user`` and return it; it cannot be read back later."""
        token = "smp_" + secrets.token_urlsafe(32)
        cls.objects.create(user=user, key_hash=cls.digest(token), label=label)
        return token
