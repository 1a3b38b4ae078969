"""``smpolicy policy``: read and validate policy documents."""

from __future__ import annotations

import click

from smpolicy.exceptions import PolicyError
from smpolicy.policy import load_policy

policy_option = click.option(
    "--policy", "policy_path", type=click.Path(dir_okay=False), default=None,
    help="Policy YAML file (default: the shipped Shaftesbury 2017 policy).",
)


@click.group()
def policy() -> None:
    """Show and validate policy documents.

    Example:

        smpolicy policy show 6.4(c)
    """


@policy.command()
@click.argument("clause", required=False)
@policy_option
def show(clause: str | None, policy_path: str | None) -> None:
    """Print one clause, or the list of clauses.

    Example:

        smpolicy policy show 6.4(b)
    """
    try:
        document = load_policy(policy_path)
        if clause is None:
            click.echo(f"{document.organisation}: {document.title} (version {document.version})")
            for item in document.clauses:
                first_line = item.text.splitlines()[0]
                click.echo(f"  {item.id:<9} {first_line[:88]}")
            return
        item = document.clause(clause)
    except PolicyError as error:
        raise click.ClickException(str(error)) from None
    click.secho(f"{item.id}  {item.heading}", bold=True)
    click.echo(item.text)
    if item.enforced_by:
        click.echo(f"\nEnforced by: {', '.join(item.enforced_by)}")


@policy.command()
@click.argument("path", type=click.Path(dir_okay=False))
def validate(path: str) -> None:
    """Check a policy YAML file against the schema; names the first bad field.

    Example:

        smpolicy policy validate my-council-policy.yaml
    """
    try:
        document = load_policy(path)
    except PolicyError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{path}: valid, {len(document.clauses)} clauses, version {document.version}")
