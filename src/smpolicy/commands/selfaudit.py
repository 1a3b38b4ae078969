"""``smpolicy selfaudit``: a private check of your own profile from a data export (section 5)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from smpolicy.commands.options import build_screener, screening_options
from smpolicy.exceptions import SmpolicyError
from smpolicy.registers import load_register, resolve_key
from smpolicy.selfaudit import ArchiveLimits, Severity, audit_export, render_html, render_text
from smpolicy.selfaudit.archive import MIB

COLOURS = {Severity.CHANGE: "red", Severity.CONSIDER: "yellow", Severity.INFO: "cyan"}
_DEFAULTS = ArchiveLimits()


@click.command()
@click.argument("export", type=click.Path(dir_okay=False, exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the report as a standalone HTML page (it names your friends: "
    "delete it when done).",
)
@click.option(
    "--max-archive-mb",
    type=click.IntRange(1),
    default=_DEFAULTS.max_archive_bytes // MIB,
    show_default=True,
    help="Refuse larger zip files.",
)
@click.option(
    "--max-entries",
    type=click.IntRange(1),
    default=_DEFAULTS.max_entries,
    show_default=True,
    help="Refuse zips with more entries.",
)
@click.option(
    "--max-entry-mb",
    type=click.IntRange(1),
    default=_DEFAULTS.max_entry_bytes // MIB,
    show_default=True,
    help="Refuse a profile, friends or posts file larger than this.",
)
@click.option(
    "--max-total-mb",
    type=click.IntRange(1),
    default=_DEFAULTS.max_total_bytes // MIB,
    show_default=True,
    help="Refuse zips that unpack to more than this.",
)
@click.option(
    "--max-ratio",
    type=click.IntRange(2),
    default=_DEFAULTS.max_ratio,
    show_default=True,
    help="Refuse entries that expand more than this many times.",
)
@screening_options
def selfaudit(
    export: str,
    as_json: bool,
    html_path: str | None,
    max_archive_mb: int,
    max_entries: int,
    max_entry_mb: int,
    max_total_mb: int,
    max_ratio: int,
    **options: Any,
) -> None:
    """Check your own Facebook, X or LinkedIn data export against section 5 of the policy.

    Reads the zip in memory (nothing is extracted or kept), then reports profile details that
    identify your employer or workplace (5.2), friends who may be service users (5.3-5.4,
    with --service-users), past posts that may breach 6.4 or Appendix 1 (newest first), and
    how friends' settings expose you (5.6), each with the steps to fix it on that platform.

    Example:

        smpolicy selfaudit facebook-janedoe.zip

        smpolicy selfaudit twitter-2024.zip --json --service-users service-users.json
    """
    # An export holds thousands of past posts: rules only unless --model is given (the
    # classifier reads about a hundred posts a second on two cores).
    if options["use_model"] is None:
        options["use_model"] = False
    screener = build_screener(**options)
    limits = ArchiveLimits(
        max_archive_bytes=max_archive_mb * MIB,
        max_entries=max_entries,
        max_entry_bytes=max_entry_mb * MIB,
        max_total_bytes=max_total_mb * MIB,
        max_ratio=max_ratio,
        max_read_bytes=max(max_entry_mb * MIB, _DEFAULTS.max_read_bytes),
    )
    try:
        register = None
        if options.get("service_users"):
            key = resolve_key(screener.config.register_salt)
            register = load_register(options["service_users"], key)
        report = audit_export(
            Path(export), service_users=register, screener=screener, limits=limits
        )
    except SmpolicyError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(
            render_text(
                report, lambda text, severity: click.style(text, fg=COLOURS[severity], bold=True)
            )
        )
    if html_path:
        try:
            Path(html_path).write_text(render_html(report), encoding="utf-8")
        except OSError as error:
            raise click.ClickException(f"cannot write {html_path}: {error.strerror}") from None
        click.echo(f"report written to {html_path}; delete it when you have finished", err=True)
