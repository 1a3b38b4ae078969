"""Any edit to the audit log in the database is found by ``smpolicy audit verify``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from smpolicy.cli import cli
from smpolicy.exceptions import WorkflowError
from smpolicy.web.audit.models import AuditEvent, AuditHead, record, verify


@pytest.fixture
def chain(personas):
    return [record(personas.hr.user, "case.read", f"case:{n}", n=n) for n in range(1, 6)]


def run_verify(*args: str):
    return CliRunner().invoke(cli, ["audit", "verify", *args])


def test_an_untouched_log_verifies(chain):
    result = run_verify()
    assert result.exit_code == 0, result.output
    assert "5 events verified" in result.output


@pytest.mark.parametrize("position", range(5))
@pytest.mark.parametrize(("field", "value"), [
    ("target", "case:999"), ("action", "case.delete"), ("actor_name", "someone_else"),
    ("details", {"n": 42}),
])
def test_editing_any_field_of_any_event_names_that_event(chain, position, field, value):
    victim = chain[position]
    AuditEvent.objects.filter(pk=victim.pk).update(**{field: value})
    result = run_verify("--json")
    assert result.exit_code == 1
    report = json.loads(result.output.splitlines()[0])
    assert (report["ok"], report["bad_seq"], report["bad_id"]) == (False, victim.seq, victim.pk)


def test_editing_the_time_of_an_event_is_detected(chain):
    AuditEvent.objects.filter(pk=chain[2].pk).update(at=chain[2].at.replace(year=2001))
    assert verify().bad_seq == chain[2].seq


@pytest.mark.parametrize("position", range(5))
def test_removing_any_event_is_detected(chain, position):
    AuditEvent.objects.filter(pk=chain[position].pk).delete()
    report = verify()
    assert not report.ok
    assert report.bad_seq == chain[position].seq
    assert "removed" in report.reason


def rewrite_from_second_event(key: str, settings) -> None:
    """What a database editor would do: change event 2, then recompute every hash after it."""
    real_key = settings.AUDIT_KEY
    settings.AUDIT_KEY = key
    AuditEvent.objects.filter(seq=2).update(target="case:0")
    previous = AuditEvent.objects.get(seq=1).hash
    for event in AuditEvent.objects.filter(seq__gte=2).order_by("seq"):
        event.prev_hash = previous
        previous = event.compute_hash()
        AuditEvent.objects.filter(pk=event.pk).update(prev_hash=event.prev_hash, hash=previous)
    AuditHead.objects.update(hash=previous)
    settings.AUDIT_KEY = real_key


def test_rewriting_the_chain_without_the_key_is_detected(chain, settings):
    rewrite_from_second_event("a-guessed-key", settings)
    assert verify().bad_seq == 2


def test_the_key_is_what_protects_a_rewritten_chain(chain, settings):
    """The design's limit: whoever holds the key can reseal a chain; keep it off the DB host."""
    rewrite_from_second_event(settings.AUDIT_KEY, settings)
    assert verify().ok


def test_the_command_names_the_bad_row(chain):
    AuditEvent.objects.filter(pk=chain[3].pk).update(target="case:0")
    result = run_verify()
    assert result.exit_code == 1
    assert f"event #{chain[3].seq} (id {chain[3].pk}) was edited" in result.output


def test_events_refuse_to_be_changed_or_deleted_through_the_model(chain):
    event = AuditEvent.objects.get(pk=chain[0].pk)
    event.target = "case:0"
    with pytest.raises(WorkflowError):
        event.save()
    with pytest.raises(WorkflowError):
        event.delete()
    assert verify().ok


def test_an_empty_log_verifies(db):
    assert verify().ok


def test_an_unreadable_database_is_a_clear_error_not_a_traceback(db, monkeypatch):
    from django.db import DatabaseError

    import smpolicy.web.audit.models as audit_models

    def broken():
        raise DatabaseError("no such table: audit_auditevent")

    monkeypatch.setattr(audit_models, "verify", broken)
    result = run_verify()
    assert result.exit_code == 1
    assert "no such table" in result.output and "migrate" in result.output
