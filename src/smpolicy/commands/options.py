"""Options shared by the commands that screen posts."""

from __future__ import annotations

import atexit
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
        with build_cache(), _collector_paused():  # most of building is compiling regexes: cached on disk
            screener = Screener(policy=policy, config=replace(config, **updates))
            if screener.parallel_safe:  # no learned model: cheap to warm up
                screener.warm_up()
        return screener
    except SmpolicyError as error:
        raise click.ClickException(str(error)) from None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while a screener is built.

    Building allocates long-lived objects by the hundred thousand (lexicons, regexes, indexes)
    and frees almost none: the collector's passes over them found nothing and cost ~0.006 s of
    every run's start-up. What was built is then frozen out of later collections (a command
    builds one screener and keeps it to the end), or the first collection after would pass
    over all of it at once.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()
        _freeze_at_exit()


_FREEZING_AT_EXIT: list[bool] = []


def _freeze_at_exit() -> None:
    """Freeze every object when the process exits, once registered.

    The interpreter's last collections, after the command, walk every object still alive
    (the screener is, to the end) to find garbage that exiting frees anyway: ~0.05 s of a
    ``check --jsonl`` run. Frozen objects are left out of them; exit handlers registered
    later (run earlier) and the teardown itself are unchanged.
    """
    if not _FREEZING_AT_EXIT:
        _FREEZING_AT_EXIT.append(True)
        atexit.register(gc.freeze)
