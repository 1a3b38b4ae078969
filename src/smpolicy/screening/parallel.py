"""Screening batches in forked worker processes that share the parent's loaded detectors.

Forking after the detectors are loaded (and warmed up: most build their lexicons, regexes and
the shared automaton on first use) means each worker starts with all of it already in memory
(copy-on-write) instead of building it again. Results come back
in input order. A screener whose detectors hold native threads (the learned classifier) is
never forked: ``Screener.parallel_safe`` is False and the batches run in this process.

The workers are a ``ProcessPoolExecutor``, not a ``multiprocessing.Pool``: the Pool's
worker-handler thread wakes whenever a result is waiting in the pipe and spins until the
result thread has read it all, which for batches of JSON lines cost the parent ~10 µs of CPU
per post, on cores the workers need. Only a few batches per worker are in flight, so a stream
is read as it is screened.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING, TypeVar

from smpolicy.screening.engine import Screener

if TYPE_CHECKING:
    from concurrent.futures import Future

B = TypeVar("B")
R = TypeVar("R")

_SCREENER: Screener | None = None
IN_FLIGHT = 3  # batches submitted per worker before the first of them is waited for


def default_workers(screener: Screener) -> int:
    return (os.cpu_count() or 1) if screener.parallel_safe else 1


def map_batches(
    screener: Screener, work: Callable[[Screener, B], R], batches: Iterable[B], workers: int
) -> Iterator[R]:
    """``work(screener, batch)`` for every batch, in order; ``work`` must be a module-level function."""
    batches = iter(batches)
    first = list(islice(batches, 2)) if workers > 1 and screener.parallel_safe else []
    if len(first) < 2:  # one worker, or a single batch: forking would only cost time
        for batch in chain(first, batches):
            yield work(screener, batch)
        return
    # Imported only to fork (~0.012 s): a one-worker run never does.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _SCREENER
    _SCREENER = screener
    screener.warm_up()  # build lexicons and automata once, here, for every worker to share
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: deque[Future[R]] = deque()
        for batch in chain(first, batches):
            pending.append(pool.submit(_in_worker, work, batch))
            if len(pending) >= IN_FLIGHT * workers:  # read a stream only as fast as it is screened
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _in_worker(work: Callable[[Screener, B], R], batch: B) -> R:
    assert _SCREENER is not None, "map_batches forks after setting the screener"
    return work(_SCREENER, batch)
