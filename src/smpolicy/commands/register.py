"""``smpolicy register``: turn a CSV of names into a hashed register file."""

from __future__ import annotations

from pathlib import Path

import click

from smpolicy.exceptions import SmpolicyError
from smpolicy.registers import ENV_VAR, import_csv, resolve_key
from smpolicy.screening import load_config


@click.group()
def register() -> None:
    """Registers of service users and staff, kept only as keyed hashes.

    Example:

        SMPOLICY_REGISTER_SALT=... smpolicy register hash service-users.csv --out service-users.json
    """


@register.command("hash")
@click.argument("csv_path", metavar="CSV", type=click.Path(dir_okay=False, exists=True))
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    required=True,
    help="Where to write the hashed register (JSON).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    envvar="SMPOLICY_CONFIG",
    help="Configuration YAML holding register_salt.",
)
@click.option(
    "--skip-bad-rows",
    is_flag=True,
    default=False,
    help="Write the register even if some rows are unusable (they are listed).",
)
def hash_command(csv_path: str, out: str, config_path: str | None, skip_bad_rows: bool) -> None:
    """Hash a CSV with a 'name' column into a register file that holds no plain names.

    The key comes from $SMPOLICY_REGISTER_SALT or register_salt in the configuration; the same
    key must be set wherever the register is used. Rows that cannot be used are listed by line
    number, and the file is not written unless --skip-bad-rows is given.

    Example:

        smpolicy register hash service-users.csv --out service-users.json
    """
    if Path(out).resolve() == Path(csv_path).resolve():
        raise click.UsageError("--out must not be the CSV itself")
    try:
        key = resolve_key(load_config(config_path).register_salt)
        result = import_csv(Path(csv_path).read_bytes(), key, source=csv_path)
        if result.errors and not skip_bad_rows:
            raise click.ClickException(
                result.describe_errors() + "; fix them or pass --skip-bad-rows (nothing written)"
            )
        result.register.save(out)
    except SmpolicyError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot write {out}: {error.strerror}") from None
    if result.errors:
        click.echo(result.describe_errors(), err=True)
    click.echo(
        f"hashed {result.register.people} people ({len(result.register.hashes)} hashes) "
        f"into {out}; keep {ENV_VAR} secret and the same wherever the register is used"
    )
