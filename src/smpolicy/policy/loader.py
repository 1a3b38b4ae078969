"""Load a policy document from YAML, reporting the first bad field by its path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from smpolicy.exceptions import InvalidPolicy, PolicyNotFound
from smpolicy.policy.model import Policy

DEFAULT_POLICY_PATH = Path(__file__).parent / "data" / "shaftesbury-2017.yaml"


def parse_policy(document: Any, *, source: str = "<policy>") -> Policy:
    """Validate an already-parsed YAML document."""
    if not isinstance(document, dict):
        raise InvalidPolicy(f"{source}: a policy is a mapping with id, title, clauses, ...")
    try:
        return Policy.model_validate(document)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in issue['loc']) or '(document)'}: {issue['msg']}"
            for issue in error.errors()
        )
        raise InvalidPolicy(f"{source}: {problems}") from None


def load_policy(path: str | Path | None = None) -> Policy:
    """The policy at ``path``, or the shipped Shaftesbury policy."""
    path = Path(path) if path else DEFAULT_POLICY_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyNotFound(f"no policy file at {path}") from None
    except UnicodeDecodeError as error:
        raise InvalidPolicy(f"{path}: not UTF-8 ({error.reason} at byte {error.start})") from None
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise InvalidPolicy(f"{path}: not valid YAML: {error}") from None
    return parse_policy(document, source=str(path))
