"""A JSONL result line is exactly ``json.dumps`` of the result's dict, however it is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smpolicy.screening import Finding, Result, Verdict
from smpolicy.screening.findings import Category
from smpolicy.screening.jsonl import result_line

DEVSET = Path(__file__).parents[2] / "data" / "devset"


def expected(result: Result, post_id: object) -> str:
    return json.dumps(result.to_dict(post_id), ensure_ascii=False) + "\n"


def finding(**changes: object) -> Finding:
    values: dict = dict(detector="disrepute", category=Category.DISREPUTE, clause="6.4(a)", score=0.8512,
                        start=0, end=16, evidence="Councillor Smith", explanation="Names a councillor.")
    values.update(changes)
    return Finding(**values)


def test_every_dev_and_test_set_result_is_written_as_json_dumps_writes_it(screener):
    texts = [json.loads(line)["text"] for name in ("dev.jsonl", "test.jsonl")
             for line in (DEVSET / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    results = screener.check_batch(texts)
    assert sum(len(result.findings) for result in results) > 100  # findings of every kind are written
    for number, result in enumerate(results):
        assert result_line(result, number) == expected(result, number)


@pytest.mark.parametrize("post_id", [None, 7, "post-7", "pöst \"7\"\n", 7.5, True, -0.0, float("nan"),
                                     10**30, [1, "a"], {"thread": 3, "ü": None}])
def test_any_post_id_from_the_input_is_written_as_json_dumps_writes_it(post_id):
    result = Result(Verdict.BREACH, (finding(),))
    assert result_line(result, post_id) == expected(result, post_id)


@pytest.mark.parametrize("changes", [
    {},
    {"score": 1},  # an int score stays an int
    {"score": 0.1 + 0.2},
    {"score": float("inf")},
    {"evidence": "“smart quotes”, a \\ back-slash,\ta tab and \u2028 and \x00", "explanation": "Ça\nva"},
    {"target": "Mrs Jones"},
    {"target": ""},
    {"image": 0, "box": (1, 2, 3, 4)},
    {"image": 1},
    {"link": 2},
    {"category": "disrepute"},
    {"clause": None},
    {"start": True},
])
def test_unusual_findings_are_written_as_json_dumps_writes_them(changes):
    result = Result(Verdict.REVIEW, (finding(), finding(**changes)))
    assert result_line(result, 1) == expected(result, 1)


def test_a_result_without_findings_is_written_as_json_dumps_writes_it():
    assert result_line(Result(Verdict.OK), "a") == expected(Result(Verdict.OK), "a")
