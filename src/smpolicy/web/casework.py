"""Shared rules of the casework apps (reports, concerns, cases): who handles, hashes, audit reads.

| record       | sees it                                                 | changes it              |
| ------------ | ------------------------------------------------------- | ----------------------- |
| abuse report | the reporter and the manager they chose                 | the same two            |
| concern      | its manager, Town Clerk, HR, auditor                    | manager, Town Clerk, HR |
| case         | subject's manager, Town Clerk, HR, auditor; the accused | manager, Town Clerk, HR |
|              | from notification on (letters, disclosed evidence)      | accused: appeal only    |

Another manager sees none of these. The auditor reads cases and concerns but never changes them
and never reads an abuse report: it belongs to the employee who made it (8.1).
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.http import HttpRequest

from smpolicy.web.audit.models import record
from smpolicy.web.people.models import Person, Role

HANDLERS = frozenset({Role.TOWN_CLERK, Role.HR})
READERS = HANDLERS | {Role.AUDITOR}
RECIPIENT_ROLES = frozenset({Role.MANAGER, Role.TOWN_CLERK, Role.HR})


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def manages(person: Person, subject: Person | None) -> bool:
    return bool(subject and person.role == Role.MANAGER and subject.line_manager_id == person.pk)


def town_clerk() -> Person | None:
    """Who overdue items escalate to: the active Town Clerk (the first, if there are several)."""
    return Person.objects.active().filter(role=Role.TOWN_CLERK).order_by("id").first()


def audit_read(request: HttpRequest, target: str, **details: Any) -> None:
    """Every page or API read of a report, concern or case is itself recorded."""
    record(request.user, target.split(":", 1)[0] + ".read", target, **details)
