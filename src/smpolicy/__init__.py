"""smpolicy: operate an acceptable-use-of-social-media policy.

The public API is deliberately small: load a policy, screen a post, read the findings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smpolicy.exceptions import SmpolicyError
from smpolicy.screening import Category, Finding, Result, Screener, Verdict

if TYPE_CHECKING:
    from smpolicy.policy import Policy, load_policy

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The policy model is imported on first use: it pulls in pydantic, which ``smpolicy check``
    # does not need (PEP 562 module ``__getattr__``).
    if name in ("Policy", "load_policy"):
        from smpolicy import policy

        return getattr(policy, name)
    raise AttributeError(f"module 'smpolicy' has no attribute {name!r}")

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
