"""Acknowledging the policy in force (8.1)."""

from __future__ import annotations

from smpolicy.exceptions import WorkflowError
from smpolicy.web.acknowledgements.models import Acknowledgement
from smpolicy.web.audit.models import record
from smpolicy.web.people.models import Person
from smpolicy.web.policies.models import PolicyVersion


def acknowledge(person: Person, version: PolicyVersion | None = None) -> Acknowledgement:
    """Record that ``person`` has read the published ``version`` (default: the one in force)."""
    version = version or PolicyVersion.current()
    if version is None or version.published_at is None:
        raise WorkflowError("no policy version has been published yet")
    ack, created = Acknowledgement.objects.get_or_create(person=person, version=version)
    if created:
        record(person.user, "policy.acknowledge", str(version), person=person.pk)
    return ack


def has_acknowledged(person: Person, version: PolicyVersion | None) -> bool:
    return bool(version) and Acknowledgement.objects.filter(person=person, version=version).exists()
