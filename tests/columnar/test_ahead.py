"""The columnar engine reads the next batch in a thread while the caller writes the last one
(:func:`khuyencong.datasets.columnar_batch._ahead`): the same items in the same order, errors
raised to the caller, one handover ahead at most, and nothing left running when the caller
stops early."""

from __future__ import annotations

import contextvars
import decimal
import threading
from collections.abc import Iterator

import pytest

from khuyencong.datasets import columnar_batch, validate
from khuyencong.datasets.columnar_batch import _ahead

from .test_check_engines import _bench_plan


class Block:
    """An item that ends a handover (as a batch of rows does)."""

    def __init__(self, n: int) -> None:
        self.n = n


def _ahead_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "khuyencong-ahead"]


def test_the_same_items_in_the_same_order() -> None:
    items: list[object] = [*range(600), Block(0), 7, Block(1), Block(2), *range(3)]
    assert list(_ahead(iter(items), int)) == items
    assert list(_ahead(iter([]), int)) == []
    assert not _ahead_threads()


def test_an_error_reaches_the_caller_after_the_items_before_it() -> None:
    def rows() -> Iterator[object]:
        yield Block(0)
        yield 1
        raise ValueError("the engine's error")

    got: list[object] = []

    def take_all() -> None:
        for item in _ahead(rows(), int):
            got.append(item)

    with pytest.raises(ValueError, match="the engine's error"):
        take_all()
    assert len(got) == 2
    assert isinstance(got[0], Block)
    assert got[1] == 1
    assert not _ahead_threads()


def test_one_handover_ahead_at_most() -> None:
    made: list[int] = []

    def rows() -> Iterator[Block]:
        for n in range(20):
            made.append(n)
            yield Block(n)

    taken = 0
    for block in _ahead(rows(), int):
        taken += 1
        assert block.n == taken - 1
        # The thread may be making the next block, not the one after.
        assert len(made) <= taken + 1
    assert taken == 20


def test_a_caller_that_stops_early_stops_the_thread_and_closes_the_rows() -> None:
    closed = threading.Event()

    def rows() -> Iterator[Block]:
        try:
            for n in range(1_000):
                yield Block(n)
        finally:
            closed.set()

    stream = _ahead(rows(), int)
    assert next(stream).n == 0
    stream.close()
    assert closed.is_set()
    assert not _ahead_threads()


_WHO: contextvars.ContextVar[str] = contextvars.ContextVar("who", default="nobody")


def test_the_rows_run_in_the_callers_context() -> None:
    def rows() -> Iterator[object]:
        yield _WHO.get()
        yield decimal.getcontext().prec
        yield threading.current_thread().name

    token = _WHO.set("the caller")
    try:
        with decimal.localcontext() as context:
            context.prec = 40
            got = list(_ahead(rows(), str))
    finally:
        _WHO.reset(token)
    assert got == ["the caller", 40, "khuyencong-ahead"]


def test_a_check_stopped_early_leaves_no_thread_and_gives_the_same_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(columnar_batch, "AHEAD_ITEMS", 3)
    plan = _bench_plan(400)
    whole = [(r.row, r.proposal_code, r.allowed) for r in validate(plan)]
    assert whole == [(r.row, r.proposal_code, r.allowed) for r in validate(plan, engine="rows")]
    rows = iter(validate(plan))
    first = [(r.row, r.proposal_code, r.allowed) for _, r in zip(range(5), rows, strict=False)]
    assert first == whole[:5]
    assert _ahead_threads()  # the columnar engine, in its thread
    rows.close()  # type: ignore[attr-defined]
    assert not _ahead_threads()


def test_without_a_thread_the_rows_come_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", refuse)
    items: list[object] = [1, Block(0), 2]
    assert list(_ahead(iter(items), int)) == items
