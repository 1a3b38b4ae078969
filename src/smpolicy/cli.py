"""The ``smpolicy`` command. Each subcommand lives in ``smpolicy.commands``; this file composes them."""

from __future__ import annotations

import click

from smpolicy import __version__
from smpolicy.commands.audit import audit
from smpolicy.commands.check import check
from smpolicy.commands.eval_hatecheck import classifier_dev, hatecheck
from smpolicy.commands.evaluate import evaluate
from smpolicy.commands.monitor import monitor
from smpolicy.commands.policy import policy
from smpolicy.commands.register import register
from smpolicy.commands.selfaudit import selfaudit
from smpolicy.commands.web import web


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="smpolicy")
def cli() -> None:
    """Operate an acceptable-use-of-social-media policy: screen posts, monitor, audit.

    Example:

        smpolicy check "My manager is a useless idiot"
    """


cli.add_command(check)
cli.add_command(policy)
cli.add_command(evaluate)
evaluate.add_command(hatecheck)
evaluate.add_command(classifier_dev)
cli.add_command(register)
cli.add_command(selfaudit)
cli.add_command(monitor)
cli.add_command(web)
cli.add_command(audit)
