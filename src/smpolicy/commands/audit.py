"""``smpolicy audit``: prove the web app's audit log has not been edited (section 7, issue 6)."""

from __future__ import annotations

import json

import click


@click.group()
def audit() -> None:
    """Check the hash-chained audit log of reports, concerns and cases.

    Example:

        smpolicy audit verify
    """


@audit.command()
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
def verify(as_json: bool) -> None:
    """Recompute the chain; exit 1 naming the first bad event if any was edited or removed.

    Uses the database and audit key the site uses (DATABASE_URL, SMPOLICY_AUDIT_KEY).

    Example:

        smpolicy audit verify --json
    """
    from smpolicy.web.bootstrap import setup_django

    setup_django()
    from django.db import DatabaseError

    from smpolicy.web.audit.models import verify as verify_log

    try:
        report = verify_log()
    except DatabaseError as error:
        raise click.ClickException(
            f"cannot read the audit log ({error}); is DATABASE_URL right and the database "
            "migrated (smpolicy web manage migrate)?") from error
    if as_json:
        click.echo(json.dumps({"ok": report.ok, "checked": report.checked,
                               "bad_seq": report.bad_seq, "bad_id": report.bad_id,
                               "reason": report.reason}))
    elif report.ok:
        click.echo(f"audit log intact: {report.checked} events verified")
    if not report.ok:
        if not as_json:
            click.echo(f"audit log broken after {report.checked} good events", err=True)
        raise click.ClickException(report.reason)
