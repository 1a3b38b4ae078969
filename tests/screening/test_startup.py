"""A rules-only ``check`` loads only what it uses: start-up is most of a short run's time."""

from __future__ import annotations

import json
import subprocess
import sys

from smpolicy.policy import load_policy
from smpolicy.screening import Screener, ScreeningConfig
from smpolicy.screening.registry import DetectorContext

# Each costs 0.04-0.2 s to import and none is needed to screen text with the rules (the register
# stack only with a register).
HEAVY = ("numpy", "torch", "pydantic", "django", "tldextract", "smpolicy.screening.detectors.classifier",
         "smpolicy.registers")

_RUN_CHECK = """
import sys
from smpolicy.cli import cli
try:
    cli(["check", "--no-model", "--workers", "1", "--jsonl", sys.argv[1]])
except SystemExit:
    pass
print("IMPORTED", sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def test_a_rules_only_check_imports_no_model_stack_web_framework_or_policy_validator(tmp_path):
    posts = tmp_path / "posts.jsonl"
    posts.write_text(json.dumps({"id": 1, "text": "My manager is a useless idiot"}) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _RUN_CHECK.format(heavy=HEAVY), str(posts)],
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["verdict"] == "breach"
    assert "IMPORTED []" in done.stderr


def test_a_post_with_a_link_is_judged_without_importing_tldextract_or_requests(tmp_path):
    posts = tmp_path / "posts.jsonl"
    posts.write_text(json.dumps({"id": 1, "text": "Odds tonight at https://www.bet365.com/offers"}) + "\n",
                     encoding="utf-8")
    heavy = (*HEAVY, "requests")
    done = subprocess.run([sys.executable, "-c", _RUN_CHECK.format(heavy=heavy), str(posts)],
                          capture_output=True, text=True, check=True)
    assert "bet365.com, a gambling site" in json.loads(done.stdout)["findings"][0]["explanation"]
    assert "IMPORTED []" in done.stderr


def test_the_shipped_policy_is_loaded_when_first_read():
    screener = Screener(config=ScreeningConfig(use_model=False))
    assert screener.policy.id == load_policy().id


def test_a_detector_context_calls_its_policy_loader_once():
    calls = []

    def loader():
        calls.append(1)
        return load_policy()

    context = DetectorContext(loader, ScreeningConfig(use_model=False))
    assert context.policy is context.policy
    assert calls == [1]
