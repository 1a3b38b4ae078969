"""`python -m smpolicy` runs the same command as `smpolicy`."""

from smpolicy.cli import cli

cli()
