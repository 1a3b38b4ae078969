"""smpolicy: operate an acceptable-use-of-social-media policy.

The public API is deliberately small: load a policy, screen a post, read the findings.
"""

from __future__ import annotations

from smpolicy.exceptions import SmpolicyError
from smpolicy.policy import Policy, load_policy
from smpolicy.screening import Category, Finding, Result, Screener, Verdict

__version__ = "0.1.0"

__all__ = [
    "Category",
    "Finding",
    "Policy",
    "Result",
    "Screener",
    "SmpolicyError",
    "Verdict",
    "__version__",
    "load_policy",
]
