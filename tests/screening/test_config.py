from __future__ import annotations

from pathlib import Path

import pytest

from smpolicy.exceptions import ConfigError
from smpolicy.screening import Category, load_config
from smpolicy.screening.config import NEVER


def test_a_council_can_change_thresholds_in_yaml(tmp_path: Path):
    path = tmp_path / "smpolicy.yaml"
    path.write_text(
        "screening:\n  thresholds:\n    disrepute: {review: 0.3, breach: 0.9}\n"
        "    confidentiality: {breach: never}\n  max_chars: 5000\n", encoding="utf-8")
    config = load_config(path)
    assert config.thresholds_for(Category.DISREPUTE).breach == 0.9
    assert config.thresholds_for(Category.CONFIDENTIALITY).breach == NEVER
    assert config.max_chars == 5000


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("screening:\n  thresholds:\n    gossip: {review: 0.1}\n", "unknown category"),
        ("screening:\n  thresholds:\n    disrepute: {review: 0.9, breach: 0.1}\n", "review <= breach"),
        ("screening: [1, 2]\n", "must be a mapping"),
        ("screening: {unclosed\n", "cannot read"),
    ],
)
def test_bad_configuration_is_refused_clearly(tmp_path: Path, content: str, message: str):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)
