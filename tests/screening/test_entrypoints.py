"""Third-party detectors are found through entry points, and their absence is seen cheaply."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from smpolicy.screening import Screener
from smpolicy.screening.config import ScreeningConfig
from smpolicy.screening.entrypoints import GROUP, detector_entry_points, may_declare

PLUGIN = '''
from smpolicy.screening.detectors.base import BaseDetector


class GossipDetector(BaseDetector):
    name = "gossip_plugin"

    def detect(self, post):
        return []


def build(context):
    return GossipDetector()
'''


def _install(folder: Path, entry_points: str) -> None:
    """A distribution as pip leaves it: a module and a dist-info folder with entry_points.txt."""
    (folder / "gossip_plugin.py").write_text(PLUGIN, encoding="utf-8")
    info = folder / "gossip_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: gossip-plugin\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


@pytest.fixture
def path_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """sys.path reduced to the standard library and an empty folder (no installed packages)."""
    stdlib = [entry for entry in sys.path if entry and "site-packages" not in entry and Path(entry).is_dir()
              and (Path(entry) / "os.py").exists()]
    monkeypatch.setattr(sys, "path", [*stdlib, str(tmp_path)])
    return tmp_path


def test_an_installed_detector_plugin_joins_the_screening(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _install(tmp_path, f"[{GROUP}]\ngossip_plugin = gossip_plugin:build\n")
    monkeypatch.setattr(sys, "path", [*sys.path, str(tmp_path)])
    assert may_declare(GROUP)
    assert "gossip_plugin" in [entry.name for entry in detector_entry_points()]
    assert "gossip_plugin" in Screener(config=ScreeningConfig(use_model=False)).registry.names()
    sys.modules.pop("gossip_plugin", None)


def test_a_package_with_other_entry_points_is_not_a_detector(path_only: Path) -> None:
    _install(path_only, "[console_scripts]\ngossip = gossip_plugin:build\n")
    assert not may_declare(GROUP)
    assert detector_entry_points() == []


def test_nothing_installed_means_no_plugins(path_only: Path) -> None:
    assert not may_declare(GROUP)
    assert detector_entry_points() == []


def test_a_zip_on_the_path_is_left_to_importlib_metadata(path_only: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = path_only / "bundle.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip archive
    monkeypatch.setattr(sys, "path", [*sys.path, str(archive)])
    assert may_declare(GROUP)
    assert detector_entry_points() == []


def test_what_the_check_skips_agrees_with_importlib_metadata_here() -> None:
    from importlib.metadata import entry_points

    assert [entry.name for entry in detector_entry_points()] == [
        entry.name for entry in entry_points(group=GROUP)]
    assert Screener().check("Our manager is a useless idiot.").findings
