"""``smpolicy eval``: the default subcommand, the table, JSON, errors, and bad files."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest
from click.testing import CliRunner

from smpolicy.cli import cli
from smpolicy.commands import evaluate as evaluate_module
from smpolicy.screening import Category, Finding, Result, Verdict


class WordScreener:
    """Flags a category whenever its trigger word is in the text; a stand-in for the engine."""

    batch_size = 256

    TRIGGERS: ClassVar[dict[str, Category]] = {
        "useless": Category.DISREPUTE,
        "postcode": Category.CONFIDENTIALITY,
    }

    def __init__(self, **options: Any) -> None:
        self.options = options

    def check_batch(self, texts: Sequence[str]) -> list[Result]:
        results = []
        for text in texts:
            findings = tuple(
                Finding(detector="word", category=category, clause="x", score=0.9,
                        start=text.index(word), end=text.index(word) + len(word),
                        evidence=word, explanation="trigger word")
                for word, category in self.TRIGGERS.items()
                if word in text
            )
            results.append(Result(verdict=Verdict.BREACH if findings else Verdict.OK,
                                  findings=findings))
        return results


@pytest.fixture
def screeners(monkeypatch: pytest.MonkeyPatch) -> list[WordScreener]:
    built: list[WordScreener] = []

    def build(**options: Any) -> WordScreener:
        built.append(WordScreener(**options))
        return built[-1]

    monkeypatch.setattr(evaluate_module, "build_screener", build)
    return built


POSTS = [
    {"id": "p1", "text": "My manager is useless", "labels": ["disrepute", "work_matters"]},
    {"id": "p2", "text": "Mr Fowler, postcode SP7 8QT", "labels": ["confidentiality"]},
    {"id": "p3", "text": "Lovely sunset tonight", "labels": []},
    {"id": "p4", "text": "I'm useless at darts", "labels": []},
]


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    path = tmp_path / "dev.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in POSTS), encoding="utf-8")
    return path


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def test_eval_file_means_eval_devset_file(screeners: list[WordScreener], labelled: Path) -> None:
    short = run("eval", str(labelled))
    long = run("eval", "devset", str(labelled))
    assert short.exit_code == 0, short.output
    assert short.output == long.output


def test_the_table_gives_per_category_scores_and_the_headline_shares(
    screeners: list[WordScreener], labelled: Path
) -> None:
    output = run("eval", str(labelled)).output
    lines = {line.split()[0]: line.split()[1:] for line in output.splitlines() if line.strip()}
    assert lines["disrepute"] == ["0.50", "1.00", "0.67", "1"]
    assert lines["confidentiality"] == ["1.00", "1.00", "1.00", "1"]
    assert lines["work_matters"] == ["-", "0.00", "0.00", "1"]
    assert "violations flagged (review or breach): 2/2 = 1.00" in output
    assert "ok posts flagged:                      1/2 = 0.50" in output


def test_show_errors_lists_the_missed_and_the_false_alarms(
    screeners: list[WordScreener], labelled: Path
) -> None:
    output = run("eval", "--show-errors", str(labelled)).output
    assert "2 post(s) with a miss or a false alarm" in output
    assert "p1  [breach]  missed work_matters" in output
    assert "p4  [breach]  false alarm disrepute" in output
    assert "I'm useless at darts" in output
    assert "p3  [" not in output


def test_json_output_options_before_the_file(screeners: list[WordScreener], labelled: Path) -> None:
    result = run("eval", "--json", str(labelled))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["posts"] == 4 and data["violation_recall"] == 1.0
    assert data["ok_flagged_share"] == 0.5
    assert data["categories"]["disrepute"]["precision"] == 0.5
    assert [error["id"] for error in data["errors"]] == ["p1", "p4"]


def test_screening_options_reach_the_screener(
    screeners: list[WordScreener], labelled: Path
) -> None:
    assert run("eval", "devset", "--no-model", str(labelled)).exit_code == 0
    assert screeners[-1].options["use_model"] is False
    assert screeners[-1].options["policy_path"] is None


def test_a_malformed_file_fails_naming_the_line(
    screeners: list[WordScreener], tmp_path: Path
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "x", "labels": []}\n{"id": "b", "text": "y"}\n')
    result = run("eval", str(path))
    assert result.exit_code == 1
    assert "bad.jsonl:2: missing field 'labels'" in result.output
    assert not screeners  # nothing screened from a file that would give misleading scores


def test_a_missing_file_is_a_usage_error(screeners: list[WordScreener], tmp_path: Path) -> None:
    result = run("eval", str(tmp_path / "absent.jsonl"))
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_eval_without_arguments_shows_help() -> None:
    result = run("eval")
    assert "devset" in result.output and "Example" in result.output


def test_eval_runs_the_real_engine_on_the_shipped_dev_set() -> None:
    dev = Path(__file__).resolve().parents[2] / "data" / "devset" / "dev.jsonl"
    result = run("eval", "--json", "--no-model", str(dev))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["posts"] >= 200
    assert set(data["categories"]) >= {c.value for c in Category} - {"other_policies"}
