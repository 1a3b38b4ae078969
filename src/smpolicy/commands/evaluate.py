"""``smpolicy eval``: measure the screener on labelled posts.

``smpolicy eval FILE`` is short for ``smpolicy eval devset FILE``; other evaluations (a fixed
hate-speech test suite, say) join the group as further subcommands.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

import click

from smpolicy.commands.options import build_screener, screening_options
from smpolicy.evaluation import Evaluation, load_labelled
from smpolicy.evaluation import evaluate as screen_and_score
from smpolicy.exceptions import InputError

DEFAULT_SUBCOMMAND = "devset"


class DefaultSubcommandGroup(click.Group):
    """A group that runs ``DEFAULT_SUBCOMMAND`` when the first word names no subcommand.

    Options that belong to the subcommand may come before FILE (``eval --json FILE``): the
    group leaves unknown options and everything after them for the subcommand to parse.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        settings = kwargs.setdefault("context_settings", {})
        settings.setdefault("ignore_unknown_options", True)
        settings.setdefault("allow_interspersed_args", False)
        super().__init__(*args, **kwargs)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] in self.commands:
            return super().resolve_command(ctx, args)
        return DEFAULT_SUBCOMMAND, self.commands[DEFAULT_SUBCOMMAND], args


@click.group(name="eval", cls=DefaultSubcommandGroup)
def evaluate() -> None:
    """Measure the screener against labelled posts.

    Example:

        smpolicy eval data/devset/dev.jsonl

        smpolicy eval devset --json --no-model data/devset/test.jsonl
    """


@evaluate.command(name="devset")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option("--show-errors", is_flag=True, help="List every missed category and false alarm.")
@screening_options
def devset(file: str, as_json: bool, show_errors: bool, **options: Any) -> None:
    """Screen a labelled JSONL file and print precision, recall and F1 per category.

    Each line is {"id": ..., "text": ..., "labels": [...], "note": ...}; labels are the
    categories a good screener should flag (empty for a fine post). Also printed: the share of
    violations flagged at all and the share of fine posts flagged.

    Example:

        smpolicy eval devset --show-errors data/devset/dev.jsonl
    """
    try:
        posts = load_labelled(file)
    except InputError as error:
        raise click.ClickException(str(error)) from None
    screener = build_screener(**options)
    try:
        evaluation = screen_and_score(screener, posts)
    except InputError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=2))
        return
    print_scores(evaluation)
    if show_errors:
        print_errors(evaluation)


def print_scores(evaluation: Evaluation) -> None:
    click.echo(f"{'category':<22}{'precision':>10}{'recall':>8}{'f1':>7}{'support':>9}")
    for score in evaluation.categories:
        click.echo(
            f"{score.category.value:<22}{_num(score.precision):>10}{_num(score.recall):>8}"
            f"{_num(score.f1):>7}{score.support:>9}"
        )
    click.echo()
    click.echo(
        f"violations flagged (review or breach): {evaluation.violations_flagged}"
        f"/{evaluation.violations} = {_num(evaluation.violation_recall)}"
    )
    click.echo(
        f"ok posts flagged:                      {evaluation.ok_flagged}"
        f"/{evaluation.ok_posts} = {_num(evaluation.ok_flagged_share)}"
    )


def print_errors(evaluation: Evaluation) -> None:
    errors = evaluation.errors
    click.echo()
    click.secho(f"{len(errors)} post(s) with a miss or a false alarm", bold=True)
    for outcome in errors:
        parts = []
        if outcome.missed:
            parts.append(click.style("missed " + ", ".join(sorted(outcome.missed)), fg="red"))
        if outcome.false_alarms:
            parts.append(
                click.style("false alarm " + ", ".join(sorted(outcome.false_alarms)), fg="yellow")
            )
        click.echo(f"{outcome.post.id}  [{outcome.verdict}]  " + "; ".join(parts))
        click.echo(textwrap.indent(textwrap.fill(outcome.post.text, 96), "    "))
        for evidence in outcome.evidence:
            click.echo(f"      - {evidence}")


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _attach_model_evaluations() -> None:
    from smpolicy.commands.eval_hatecheck import classifier_dev, hatecheck

    evaluate.add_command(hatecheck)
    evaluate.add_command(classifier_dev)


_attach_model_evaluations()
