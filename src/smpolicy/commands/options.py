"""Options shared by the commands that screen posts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from smpolicy.exceptions import SmpolicyError
from smpolicy.screening import Screener, load_config
from smpolicy.screening.buildcache import build_cache

F = TypeVar("F", bound=Callable[..., Any])


def screening_options(function: F) -> F:
    """--policy, --config, --model/--no-model, --service-users, --staff."""
    decorators = [
        click.option("--policy", "policy_path", type=click.Path(dir_okay=False), default=None,
                     help="Policy YAML (default: the shipped Shaftesbury 2017 policy)."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                     envvar="SMPOLICY_CONFIG", help="Screening configuration YAML (thresholds, limits)."),
        click.option("--model/--no-model", "use_model", default=None,
                     help="Use the learned classifier, or rules and lexicons only (default: the config's use_model)."),
        click.option("--service-users", type=click.Path(dir_okay=False), default=None,
                     help="Service-user register (CSV with a name column, or a hashed register)."),
        click.option("--staff", type=click.Path(dir_okay=False), default=None,
                     help="Staff register (CSV with a name column, or a hashed register)."),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


def build_screener(
    policy_path: str | None,
    config_path: str | None,
    use_model: bool | None,
    service_users: str | None,
    staff: str | None,
) -> Screener:
    """A screener from the command-line options, ready; configuration errors become click errors.

    It is built inside the build cache (``screening.buildcache``): most of building is
    compiling regexes, which then come from the disk. A rules-only screener is also warmed up
    there (what its detectors build on first use, built now from the cache): 0.19 s of CPU for a
    one-post ``check`` against 0.25 s building lazily, uncached; and forked workers share it all.
    """
    try:
        config = load_config(config_path)
        updates: dict[str, Any] = {}
        if use_model is not None:
            updates["use_model"] = use_model
        if service_users:
            updates["service_users_register"] = Path(service_users)
        if staff:
            updates["staff_register"] = Path(staff)
        policy = None
        if policy_path:  # the shipped policy is loaded only if a detector reads it
            from smpolicy.policy import load_policy

            policy = load_policy(policy_path)
        with build_cache():  # most of building is compiling regexes: cached on disk
            screener = Screener(policy=policy, config=replace(config, **updates))
            if screener.parallel_safe:  # no learned model: cheap to warm up
                screener.warm_up()
        return screener
    except SmpolicyError as error:
        raise click.ClickException(str(error)) from None
