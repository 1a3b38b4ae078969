"""The `smpolicy check` contract of DESIGN.md section 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from smpolicy.cli import cli


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, ["check", "--no-model", *args], input=input)


def test_human_report_names_the_clause_and_the_words():
    result = run("Councillor Smith is a liar and a fraud")
    assert result.exit_code == 0
    assert "BREACH" in result.output and "6.4(a)" in result.output and "Councillor Smith" in result.output


def test_json_output_is_one_object_in_the_contract_shape():
    result = run("--json", "My manager Dave is a useless idiot")
    assert result.exit_code == 0
    obj = json.loads(result.output)
    assert obj["verdict"] == "breach" and obj["id"] is None
    finding = obj["findings"][0]
    assert {"category", "clause", "score", "span", "evidence", "explanation"} <= finding.keys()
    start, end = finding["span"]
    assert "My manager Dave is a useless idiot"[start:end] == finding["evidence"]


def test_an_ok_post_exits_zero_with_no_findings():
    result = run("--json", "Bins are collected on Tuesday")
    assert result.exit_code == 0 and json.loads(result.output) == {"id": None, "verdict": "ok", "findings": []}


def test_empty_text_fails_with_a_message():
    result = run("")
    assert result.exit_code != 0 and "text is empty" in result.output


def test_text_and_jsonl_together_are_a_usage_error():
    result = run("--jsonl", "-", "text")
    assert result.exit_code == 2


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_jsonl_keeps_order_and_reports_bad_lines_and_carries_on(tmp_path: Path):
    path = tmp_path / "posts.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "Councillor Smith is a liar", "extra": 1}\n'
        b"{not json}\n"
        b'{"id": "c"}\n'
        b'{"id": "d", "text": 42}\n'
        b'["a", "list"]\n'
        b'{"id": "f", "text": "caf\xff"}\n'
        b"\n"
        b'{"id": "g", "text": ""}\n'
        b'{"id": "h", "text": "Lovely sunset over Gold Hill"}\n'
    )
    result = CliRunner().invoke(cli, ["check", "--no-model", "--jsonl", str(path)])
    assert result.exit_code == 0
    out = _lines(result.stdout)
    assert [o.get("line") for o in out] == [None, 2, 3, 4, 5, 6, 8, None]
    assert out[0]["id"] == "a" and out[0]["verdict"] == "breach"
    assert out[1] == {"id": None, "line": 2, "error": out[1]["error"]} and "JSON" in out[1]["error"]
    assert out[2]["id"] == "c" and "missing field 'text'" in out[2]["error"]
    assert "must be a string" in out[3]["error"]
    assert "JSON object" in out[4]["error"]
    assert "UTF-8" in out[5]["error"]
    assert out[6]["id"] == "g" and "empty" in out[6]["error"]
    assert out[7]["id"] == "h" and out[7]["verdict"] == "ok"
    assert "screened 2 posts, 6 lines with errors" in result.stderr


def test_jsonl_reads_standard_input():
    data = b"".join(
        json.dumps({"id": i, "text": t}).encode() + b"\n"
        for i, t in enumerate(["fine", "I'll kill you", "fine again"] * 200)
    )
    result = CliRunner().invoke(cli, ["check", "--no-model", "--jsonl", "-"], input=data)
    out = _lines(result.stdout)
    assert [o["id"] for o in out] == list(range(600))
    assert [o["verdict"] for o in out[:3]] == ["ok", "breach", "ok"]


@pytest.mark.parametrize("missing", ["--policy", "--config"])
def test_a_missing_policy_or_config_file_is_a_clear_error(missing):
    result = run(missing, "/nonexistent.yaml", "text")
    assert result.exit_code == 1 and "/nonexistent.yaml" in result.output


def test_worker_processes_give_the_same_output_in_the_same_order(tmp_path: Path):
    texts = ["fine", "I'll kill you", "Councillor Smith is a liar", "", "Bins on Tuesday"] * 120
    path = tmp_path / "posts.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    outputs = [
        CliRunner().invoke(cli, ["check", "--no-model", "--workers", str(n), "--jsonl", str(path)]).stdout
        for n in (1, 2)
    ]
    assert outputs[0] == outputs[1]
    assert len(_lines(outputs[1])) == len(texts)
