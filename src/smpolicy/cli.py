"""The ``smpolicy`` command. Each subcommand lives in ``smpolicy.commands``; this file composes them.

Subcommands are imported only when used: ``smpolicy check`` should not pay for the monitoring
stack (Ibis, pandas) or the self-audit readers.
"""

from __future__ import annotations

import importlib

import click

from smpolicy import __version__

SUBCOMMANDS = {
    "check": "smpolicy.commands.check:check",
    "policy": "smpolicy.commands.policy:policy",
    "eval": "smpolicy.commands.evaluate:evaluate",
    "register": "smpolicy.commands.register:register",
    "selfaudit": "smpolicy.commands.selfaudit:selfaudit",
    "monitor": "smpolicy.commands.monitor:monitor",
    "web": "smpolicy.commands.web:web",
    "audit": "smpolicy.commands.audit:audit",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported by dotted path on first use."""

    def __init__(self, *args: object, lazy: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy and name not in self.commands:
            module, _, attribute = self.lazy[name].partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, lazy=SUBCOMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="smpolicy")
def cli() -> None:
    """Operate an acceptable-use-of-social-media policy: screen posts, monitor, audit.

    Example:

        smpolicy check "My manager is a useless idiot"
    """
