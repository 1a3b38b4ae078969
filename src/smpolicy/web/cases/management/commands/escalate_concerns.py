"""Escalate concerns not acknowledged in time to the Town Clerk; run it from cron or a timer."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from smpolicy.web.concerns.models import escalate_overdue


class Command(BaseCommand):
    help = "Escalate overdue concerns (8.2 prompt action) to the Town Clerk."

    def handle(self, *args: Any, **options: Any) -> None:
        escalated = escalate_overdue()
        self.stdout.write(f"escalated {len(escalated)} concern(s)"
                          + (": " + ", ".join(str(c.pk) for c in escalated) if escalated else ""))
