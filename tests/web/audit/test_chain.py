"""The audit log is hash-chained: any edited event breaks verification."""

from __future__ import annotations

from smpolicy.web.audit.models import AuditEvent, record, verify_chain


def test_an_intact_chain_verifies(personas):
    for n in range(3):
        record(personas.clerk.user, "test.event", f"target {n}", n=n)
    assert verify_chain() is None
    events = list(AuditEvent.objects.all())
    assert events[1].prev_hash == events[0].hash


def test_an_edited_event_is_detected(personas):
    record(personas.clerk.user, "policy.publish", "v1")
    second = record(personas.clerk.user, "policy.publish", "v2")
    record(personas.clerk.user, "policy.publish", "v3")
    AuditEvent.objects.filter(pk=second.pk).update(target="v2-edited")
    assert verify_chain() == AuditEvent.objects.get(pk=second.pk)


def test_a_deleted_event_is_detected(personas):
    first = record(personas.clerk.user, "a")
    record(personas.clerk.user, "b")
    third = record(personas.clerk.user, "c")
    AuditEvent.objects.filter(pk=first.pk + 1).delete()
    assert verify_chain() == AuditEvent.objects.get(pk=third.pk)
