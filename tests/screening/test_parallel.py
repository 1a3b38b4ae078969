"""Worker processes change how fast posts are screened, never what is found or in which order."""

from __future__ import annotations

import json
import os
from pathlib import Path

from smpolicy.screening import Screener
from smpolicy.screening.parallel import IN_FLIGHT, map_batches
from smpolicy.screening.scan import SHARED


def _verdicts_and_pid(screener: Screener, batch: list[str]) -> tuple[list[str], int]:
    return [r.verdict.value for r in screener.check_batch(batch)], os.getpid()


BATCHES = [["fine", "Councillor Smith is a liar and a fraud"], ["I'll kill you"], ["Bins on Tuesday"]] * 4


def test_forked_workers_return_the_same_results_in_order(screener):
    alone = [v for v, _ in map_batches(screener, _verdicts_and_pid, BATCHES, workers=1)]
    forked = list(map_batches(screener, _verdicts_and_pid, BATCHES, workers=2))
    assert [v for v, _ in forked] == alone
    assert alone[:2] == [["ok", "breach"], ["breach"]]
    assert {pid for _, pid in forked} != {os.getpid()}


def test_a_screener_that_holds_threads_is_never_forked(screener, monkeypatch):
    monkeypatch.setattr(type(screener), "parallel_safe", property(lambda self: False))
    pids = {pid for _, pid in map_batches(screener, _verdicts_and_pid, BATCHES, workers=2)}
    assert pids == {os.getpid()}


def test_a_single_batch_is_screened_without_forking(screener):
    results = list(map_batches(screener, _verdicts_and_pid, BATCHES[:1], workers=2))
    assert results == [(["ok", "breach"], os.getpid())]


def test_after_warming_up_screening_builds_nothing_new_for_workers_to_rebuild(screener):
    screener.warm_up()
    built = (SHARED.gates, SHARED.lexicons)
    dev = Path(__file__).parents[2] / "data" / "devset" / "dev.jsonl"
    texts = [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines()]
    screener.check_batch(texts)
    assert (SHARED.gates, SHARED.lexicons) == built


def test_a_stream_is_read_only_a_few_batches_ahead_of_what_has_been_screened(screener):
    taken = []

    def stream():
        for number, batch in enumerate(BATCHES * 10):
            taken.append(number)
            yield batch

    results = map_batches(screener, _verdicts_and_pid, stream(), workers=2)
    next(results)
    assert len(taken) <= 2 * IN_FLIGHT + 1 < len(BATCHES * 10)
    assert len(list(results)) == len(BATCHES * 10) - 1
