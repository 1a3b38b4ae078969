"""The policy in force: the latest published version, or the shipped policy before any is."""

from __future__ import annotations

from functools import lru_cache

from smpolicy.policy import Policy, load_policy
from smpolicy.web.policies.models import PolicyVersion


@lru_cache(maxsize=1)
def shipped_policy() -> Policy:
    return load_policy()


def policy_in_force() -> tuple[PolicyVersion | None, Policy]:
    version = PolicyVersion.current()
    return version, (version.policy if version else shipped_policy())


def scope_choices() -> list[tuple[str, str]]:
    """The people categories of the policy in force (2.1-2.2)."""
    return [(category.id, category.label) for category in policy_in_force()[1].scope]
