"""Policy as data: a versioned YAML document of clauses, loaded into typed, validated objects."""

from __future__ import annotations

from smpolicy.policy.loader import DEFAULT_POLICY_PATH, load_policy, parse_policy
from smpolicy.policy.model import Clause, Policy, ProtectedCharacteristic, ScopeCategory

__all__ = [
    "DEFAULT_POLICY_PATH",
    "Clause",
    "Policy",
    "ProtectedCharacteristic",
    "ScopeCategory",
    "load_policy",
    "parse_policy",
]
