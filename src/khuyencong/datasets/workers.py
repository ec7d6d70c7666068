"""Checking a dataset with several processes.

The reading, cell conversion and grouping of rows stay in the calling process, which also
builds the report; batches of grouped rows go to worker processes that build, validate and
assess the proposals and send back the row results, in order.  At most two batches per worker
are in flight, so memory stays flat whatever the file size.

Workers are started with the ``forkserver`` method where the platform has it, else ``spawn``:
never by forking the caller, which may run threads (a notebook does).  So what a worker needs —
the assessor, and the rulebooks it holds — is pickled; :func:`check_picklable` says early when it
cannot be.
"""

from __future__ import annotations

import itertools
import multiprocessing
import pickle
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Final

from ..errors import DatasetError

if TYPE_CHECKING:
    from .build import _Builder
    from .rows import RowResult, _Parsed

__all__ = ["check_picklable", "in_workers"]

BATCH_ROWS: Final = 1024
"""Rows per batch sent to a worker: large enough that sending costs little per row."""

_IN_FLIGHT_PER_WORKER: Final = 2
"""Batches per worker sent and not yet read back: one being worked on, one waiting."""

_builder: _Builder | None = None
"""The builder of this worker process, set when it starts."""


def check_picklable(assessor: Any) -> None:
    """Raise :class:`DatasetError` when ``assessor`` cannot be sent to a worker process."""
    try:
        pickle.dumps(assessor)
    except Exception as exc:
        raise DatasetError(
            "workers > 1 sends the assessor to other processes, but it cannot be pickled "
            f"({type(exc).__name__}: {exc}); give a function defined at module level, or "
            "workers=1"
        ) from None


def _start(builder: _Builder) -> None:
    global _builder
    _builder = builder


def _run(batch: list[list[_Parsed]]) -> list[RowResult]:
    builder = _builder
    if builder is None:  # pragma: no cover - _start runs first in every worker
        raise RuntimeError("worker started without its builder")
    return [result for group in batch for result in builder.results(group)]


def _batches(groups: Iterator[list[_Parsed]]) -> Iterator[list[list[_Parsed]]]:
    batch: list[list[_Parsed]] = []
    rows = 0
    for group in groups:
        batch.append(group)
        rows += len(group)
        if rows >= BATCH_ROWS:
            yield batch
            batch, rows = [], 0
    if batch:
        yield batch


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def in_workers(
    groups: Iterator[list[_Parsed]], builder: _Builder, workers: int
) -> Iterator[RowResult]:
    """The results of ``builder`` on every group, computed by ``workers`` processes, in order.

    Input that fits in one batch is done here: starting workers would cost more than it saves.
    """
    batches = _batches(groups)
    first = next(batches, None)
    second = next(batches, None)
    if first is None or second is None:
        for group in first or ():
            yield from builder.results(group)
        return
    pending: deque[Future[list[RowResult]]] = deque()
    pool = ProcessPoolExecutor(
        workers, mp_context=_context(), initializer=_start, initargs=(builder,)
    )
    try:
        for batch in itertools.chain((first, second), batches):
            pending.append(pool.submit(_run, batch))
            if len(pending) >= _IN_FLIGHT_PER_WORKER * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool as exc:
        raise DatasetError(f"a worker process stopped unexpectedly: {exc}") from None
    finally:
        # Also when the caller stops reading early: drop what has not started, then wait.
        pool.shutdown(wait=True, cancel_futures=True)
