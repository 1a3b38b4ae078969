"""Every command has help text with an example, and the public API is pinned."""

from __future__ import annotations

import click
import pytest

import smpolicy
from smpolicy.cli import cli


def _commands(group: click.Group, prefix: str = ""):
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix}{name} ")


@pytest.mark.parametrize(("name", "command"), list(_commands(cli)))
def test_every_command_has_help_with_an_example(name, command):
    assert command.help, f"{name} has no help"
    assert "Example" in command.help, f"{name} help has no Example block"


def test_public_api_is_pinned():
    assert set(smpolicy.__all__) == {
        "Category", "Finding", "Policy", "Result", "Screener", "SmpolicyError", "Verdict",
        "__version__", "load_policy",
    }
