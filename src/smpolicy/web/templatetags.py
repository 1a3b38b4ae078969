"""Template filters available in every template (registered as a builtin in settings)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    """``labels|get_item:person.scope_category``: the label, or the key when it has none."""
    return mapping.get(key, key)
