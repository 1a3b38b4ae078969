"""``smpolicy monitor``: working-time social-media reports and proxy rules (policy 6.2, 6.3)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from smpolicy.exceptions import SmpolicyError
from smpolicy.monitoring import (
    FORMATS,
    Analysis,
    CsvMapping,
    Header,
    LogFormat,
    Settings,
    analyse,
    connect,
    default_reveal_log,
    detect,
    label_rows,
    load_catalogue,
    load_key,
    load_register,
    log_reveal,
    pseudonym,
    squid_rules,
    updated_catalogue,
    write_rules,
)
from smpolicy.monitoring.report import RENDERERS

PATH = click.Path(dir_okay=False, exists=False, path_type=Path)


@click.group()
def monitor() -> None:
    """Personal social media in working time, from web-proxy logs (6.3), and proxy rules.

    Example:

        smpolicy monitor report access.log.gz --people people.csv --hours hours.csv
    """


def _register(people: Path, hours: Path, timezone: str, exempt_role: tuple[str, ...]):
    return load_register(people, hours, ZoneInfo(timezone), exempt_role)


@monitor.command()
@click.argument("logs", nargs=-1, required=True, type=PATH)
@click.option("--people", required=True, type=PATH, help="people CSV (see README).")
@click.option("--hours", required=True, type=PATH, help="working periods CSV (see README).")
@click.option("--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb",
              show_default=True, help="Where the analysis runs.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="table",
              show_default=True)
@click.option("-o", "--output", type=PATH, default=None, help="Write here instead of stdout.")
@click.option("--log-format", type=click.Choice([f.value for f in LogFormat]), default=None,
              help="Skip detection.")
@click.option("--csv-map", default=None,
              help="CSV column mapping, e.g. 'ts=Time,client_ip=Source IP,url=URL,username=User'.")
@click.option("--catalogue", type=PATH, default=None, help="Catalogue CSV (default: shipped).")
@click.option("--exempt-role", multiple=True, help="Role exempt as business use (6.2); repeat.")
@click.option("--key-file", type=PATH, default=None, envvar="SMPOLICY_PSEUDONYM_KEY_FILE",
              help="Pseudonym key file (or set SMPOLICY_PSEUDONYM_KEY).")
@click.option("--reveal", is_flag=True, help="Show real person ids (needs --reason; logged).")
@click.option("--reason", default=None, help="Why re-identification is needed.")
@click.option("--reveal-log", type=PATH, default=None, help="Append-only reveal log.")
@click.option("--idle-gap", type=int, default=Settings.idle_gap, show_default=True,
              help="Seconds without a request that end a session.")
@click.option("--timezone", default=Settings.timezone, show_default=True)
@click.option("--purpose", default=None, help="DPIA purpose shown in the HTML report.")
@click.option("--retention", default=None, help="DPIA retention shown in the HTML report.")
def report(logs: tuple[Path, ...], people: Path, hours: Path, engine: str, output_format: str,
           output: Path | None, log_format: str | None, csv_map: str | None,
           catalogue: Path | None, exempt_role: tuple[str, ...], key_file: Path | None,
           reveal: bool, reason: str | None, reveal_log: Path | None, idle_gap: int,
           timezone: str, purpose: str | None, retention: str | None) -> None:
    """Minutes of personal social media in working time, per person and day.

    Pseudonyms by default; real ids only with --reveal --reason, and each reveal is logged.
    Malformed log lines are counted in the summary, never fatal.

    Example:

        smpolicy monitor report access.log --people people.csv --hours hours.csv --format json

        smpolicy monitor report day1.log.gz day2.log.gz --people p.csv --hours h.csv \\
            --format html -o report.html
    """
    if reveal and not reason:
        raise click.UsageError("--reveal needs --reason TEXT")
    try:
        key = None if reveal else load_key(key_file)
        register = _register(people, hours, timezone, exempt_role)
        mapping = CsvMapping.parse(csv_map) if csv_map else None
        forced = LogFormat(log_format) if log_format else None
        files = [(path, detect(path, mapping, forced)) for path in logs]
        cat = load_catalogue(catalogue)
        settings = Settings(idle_gap=idle_gap, timezone=timezone)
        backend = connect(engine)

        def progress(stage: str) -> None:
            if sys.stderr.isatty():
                click.echo(f"{stage} ...", err=True)

        try:
            analysis = analyse(backend, files, cat, register, settings, progress)
        finally:
            backend.close()
        if reveal:
            assert reason is not None
            log_reveal(reveal_log or default_reveal_log(), reason,
                       {r.person_id for r in analysis.rows}, [str(p) for p in logs])
        else:
            assert key is not None
            analysis = _pseudonymised(analysis, key)
    except SmpolicyError as error:
        raise click.ClickException(str(error)) from None
    header = Header(**{k: v for k, v in (("purpose", purpose), ("retention", retention)) if v},
                    revealed=reveal)
    text = RENDERERS[output_format](analysis, header)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        output.write_text(text, encoding="utf-8")


def _pseudonymised(analysis: Analysis, key: bytes) -> Analysis:
    from dataclasses import replace

    rows = label_rows(analysis.rows, lambda person_id: pseudonym(key, person_id))
    return replace(analysis, rows=tuple(sorted(rows, key=lambda r: (r.person_id, r.date))))


@monitor.command()
@click.option("--people", required=True, type=PATH)
@click.option("--hours", required=True, type=PATH)
@click.option("--catalogue", type=PATH, default=None)
@click.option("--exempt-role", multiple=True)
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Where to write the .conf fragment and the domains file.")
@click.option("--squid-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the files will live on the proxy (default: --out-dir).")
@click.option("--at", "at", type=click.DateTime(), default=None,
              help="Use the addresses valid at this time (default: now).")
@click.option("--timezone", default=Settings.timezone, show_default=True)
def rules(people: Path, hours: Path, catalogue: Path | None, exempt_role: tuple[str, ...],
          out_dir: Path, squid_dir: Path | None, at: datetime | None, timezone: str) -> None:
    """Write a Squid fragment that enforces 6.3: time ACLs, dstdomain file, 6.2 exemption.

    Example:

        smpolicy monitor rules --people people.csv --hours hours.csv --out-dir /etc/squid/smpolicy

    then add ``include /etc/squid/smpolicy/smpolicy-6.3.conf`` to squid.conf and run
    ``squid -k parse``.
    """
    try:
        register = _register(people, hours, timezone, exempt_role)
        when = at.replace(tzinfo=ZoneInfo(timezone)) if at else None
        built = squid_rules(load_catalogue(catalogue), register, squid_dir or out_dir.resolve(),
                            when)
        conf, domains = write_rules(built, out_dir)
    except SmpolicyError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"wrote {conf} and {domains}")


monitor.add_command(rules, name="squid-acl")


@monitor.group()
def catalogue() -> None:
    """The social-media domain catalogue (UT1 social_networks + project additions, CC BY-SA).

    Example:

        smpolicy monitor catalogue update social_networks/domains --out catalogue.csv
    """


@catalogue.command()
@click.argument("ut1_domains", type=PATH)
@click.option("--out", required=True, type=PATH, help="Catalogue CSV to write.")
@click.option("--additions", type=PATH, default=None,
              help="Your own additions CSV (domain,service,category); default: the shipped one.")
def update(ut1_domains: Path, out: Path, additions: Path | None) -> None:
    """Build a catalogue from a newer UT1 social_networks/domains file.

    Use the result with ``--catalogue``. Keep UT1's CC BY-SA 4.0 attribution with it.

    Example:

        smpolicy monitor catalogue update blacklists/social_networks/domains --out catalogue.csv
    """
    try:
        new = updated_catalogue(ut1_domains, additions)
        old = {e.domain for e in load_catalogue()}
        new.write_csv(out)
    except SmpolicyError as error:
        raise click.ClickException(str(error)) from None
    fresh = {e.domain for e in new}
    click.echo(f"wrote {len(new)} entries to {out}: {len(fresh - old)} added, "
               f"{len(old - fresh)} removed compared with the shipped catalogue")
