"""``smpolicy eval hatecheck`` and ``smpolicy eval classifier-dev``: how well the engine finds hate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from smpolicy.commands.options import build_screener, screening_options
from smpolicy.exceptions import SmpolicyError


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=True, path_type=Path))
@screening_options
def hatecheck(path: Path, **options: Any) -> None:
    """Accuracy on HateCheck, per functionality and target group, beside Perspective's.

    PATH is HateCheck's test_suite_cases.csv or the folder holding it. Evaluation only: the
    classifier was never trained or tuned on it.

    Example:

        smpolicy eval hatecheck ../shared/data/hatecheck/
    """
    from smpolicy.evaluation import hatecheck as suite

    if path.is_dir():
        path = path / "test_suite_cases.csv"
    try:
        outcomes = suite.run(suite.load_cases(path), build_screener(**options))
    except SmpolicyError as error:
        raise click.ClickException(str(error)) from None
    click.echo(suite.report(outcomes))


@click.command(name="classifier-dev")
@click.argument("shared_data", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--own",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("data/training/own_examples.jsonl"),
    show_default=True,
)
@screening_options
def classifier_dev(shared_data: Path, own: Path, **options: Any) -> None:
    """The engine on the classifier's held-out dev split (rebuilt from SHARED_DATA).

    Example:

        smpolicy eval classifier-dev ../shared/data
    """
    from smpolicy.evaluation.devsplit import evaluate_dev

    try:
        click.echo(evaluate_dev(shared_data, own, build_screener(**options)))
    except SmpolicyError as error:
        raise click.ClickException(str(error)) from None
