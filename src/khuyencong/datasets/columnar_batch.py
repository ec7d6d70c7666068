"""One batch of lines of the columnar engine of ``check`` (:mod:`.columnar_check`): the values
of its fields as columns (:class:`_Batch`, each field's list built when first asked for) and
what the grouping needs of each line (:class:`_Row`)."""

from __future__ import annotations

import contextvars
import gc
import queue
import threading
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any, Final, TypeVar

if TYPE_CHECKING:
    import polars as pl

    from .rows import _Parsed

__all__: list[str] = []

_T = TypeVar("_T")

TEXT: Final = 0
"""A field read as stripped text (its column in the frame has the field's name)."""
AMOUNT: Final = 1
"""An amount in whole đồng (column ``_v_<field>``)."""
CONVERTED: Final = 2
"""A field converted once per distinct text (column ``_i_<field>``: the id of its outcome)."""

AHEAD_ITEMS: Final = 256
"""Items (rows, or blocks of rows) :func:`_ahead` hands over at once."""


class _Batch:
    """The values of the fields of a batch's lines read by columns: per field a list (``None``
    where blank), taken from the batch's frame when first asked for; per tuple of fields one
    dict per line (what a proposal read from a profile needs), built in bulk.  A field the
    frame does not hold (not mapped) has no list."""

    __slots__ = ("_dicts", "_fields", "frame", "kinds", "lists", "outcomes")

    def __init__(
        self,
        frame: pl.DataFrame,
        kinds: dict[str, int],
        outcomes: dict[str, list[Any]],
    ) -> None:
        self.frame = frame
        self.kinds = kinds
        self.outcomes = outcomes
        self.lists: dict[str, list[Any]] = {}
        self._fields: tuple[str, ...] | None = None
        self._dicts: list[dict[str, Any]] = []

    def column(self, field: str) -> list[Any] | None:
        """The value of ``field`` on each line of the batch (``None`` when blank), or ``None``
        when the batch has no such field."""
        got = self.lists.get(field)
        if got is not None:
            return got
        kind = self.kinds.get(field)
        if kind is None:
            return None
        if kind == TEXT:
            got = self.frame.get_column(field).to_list()
        elif kind == AMOUNT:
            got = self.frame.get_column(f"_v_{field}").to_list()
        else:
            outcomes = self.outcomes[field]
            # Ids: 0 blank (outcome None), -1 refused (such a line is not read by columns),
            # None on a line not read by columns.
            got = [
                None if i is None or i < 0 else outcomes[i]
                for i in self.frame.get_column(f"_i_{field}").to_list()
            ]
        self.lists[field] = got
        return got

    def fields(self) -> tuple[str, ...]:
        """Every field of the batch."""
        return tuple(dict.fromkeys((*self.kinds, *self.lists)))

    def dicts(self, fields: tuple[str, ...]) -> list[dict[str, Any]]:
        """Per line, the values of ``fields`` (every one a field of the batch)."""
        if self._fields != fields:
            columns = []
            for field in fields:
                column = self.column(field)
                if column is None:
                    raise KeyError(field)
                columns.append(column)
            # Every column has a value per line (zip's strict check costs more than the dicts).
            self._dicts = [
                dict(zip(fields, values, strict=False)) for values in zip(*columns, strict=False)
            ]
            self._fields = fields
        return self._dicts


class _Row:
    """What the grouping needs of a line: its number, code, and whether it is read by columns
    (``fast``); the row path's parse of a line that is not."""

    __slots__ = (
        "batch",
        "cells",
        "code",
        "fast",
        "fresh",
        "i",
        "key",
        "label",
        "line",
        "number",
        "parsed",
    )

    def __init__(
        self,
        number: int,
        line: str,
        fast: bool,
        code: str | None,
        batch: _Batch | None = None,
        i: int = 0,
        key: str = "",
        label: bool = False,
        fresh: bool = True,
        parsed: _Parsed | None = None,
        cells: tuple[str, ...] = (),
    ) -> None:
        self.number = number
        self.line = line
        """The line as read, with its line end."""
        self.fast = fast
        self.code = code
        self.batch = batch
        """The values of the batch the line is in (its own at ``i``), for a fast line."""
        self.i = i
        self.key = key
        """The part of a proposal's profile this line gives."""
        self.label = label
        """Whether the line is a section, subtotal, total or footer row (the row path's)."""
        self.fresh = fresh
        """Whether the line may give a free text (code, title, ...) other than the lines above
        it in its proposal (``False``: each free text it gives is the last one given above it
        in the batch)."""
        self.parsed = parsed
        """The row path's parse of a line not read by columns."""
        self.cells = cells
        """The cells of a line read by the row path (``parsed``)."""

    @property
    def text(self) -> str:
        """The line without its line end."""
        return self.line.removesuffix("\n").removesuffix("\r")

    def value(self, field: str) -> Any:
        """The value of ``field`` in this (fast) line, ``None`` when blank."""
        assert self.batch is not None
        column = self.batch.column(field)
        return None if column is None else column[self.i]

    def some_values(self, fields: tuple[str, ...]) -> dict[str, Any]:
        """The values of ``fields`` (mapped ones) in this (fast) line: one dict per line,
        built for the whole batch at once and shared, not to be changed."""
        assert self.batch is not None
        return self.batch.dicts(fields)[self.i]

    def all_values(self) -> dict[str, Any]:
        """The values of every field of this (fast) line (``None`` when blank)."""
        batch = self.batch
        assert batch is not None
        i = self.i
        out: dict[str, Any] = {}
        for field in batch.fields():
            column = batch.column(field)
            assert column is not None
            out[field] = column[i]
        return out


def _frozen(rows: Iterator[_T]) -> Generator[_T]:
    """``rows``, with the objects alive when they start (the modules, classes and functions
    the check loaded: most of the heap) left out of the garbage collector's full passes until
    they end: a full pass over them costs tens of milliseconds, and the engine's objects per
    row (one per line, the results) set such passes off every ten thousand rows or so.
    Nothing is kept alive longer than the iteration (``gc.unfreeze`` at the end).  A program
    that froze its heap itself (a server before it forks its workers) is left as it is: no
    freeze, and so no ``gc.unfreeze`` that would undo its own."""
    if gc.get_freeze_count():
        yield from rows
        return
    gc.freeze()
    try:
        yield from rows
    finally:
        gc.unfreeze()


def _ahead(rows: Iterator[_T], small: type[Any]) -> Generator[_T]:
    """``rows``, each handover of them made in a thread of its own while the caller handles the
    one before: reading and evaluating a batch (mostly polars, which lets other threads run)
    then overlaps writing the last one.

    A handover is one item, or up to :data:`AHEAD_ITEMS` items of type ``small`` in a row (a
    row each: handed over one by one, they would cost more than they take).  At most one
    handover is made ahead: the memory of two batches, not more.  ``rows`` runs in a copy of
    the caller's context (its ``decimal`` context, its context variables).  What it raises is
    raised here, to the caller; a caller that stops early (an error, ``close()``) stops the
    thread and closes ``rows`` before this generator ends."""
    handed: queue.SimpleQueue[tuple[list[_T], BaseException | None, bool]] = queue.SimpleQueue()
    room = threading.Semaphore(1)
    """Released when the caller takes a handover: the thread may make the next."""
    stop = threading.Event()

    def work() -> None:
        items: list[_T] = []
        try:
            while True:
                room.acquire()
                if stop.is_set():
                    break
                for item in rows:
                    items.append(item)
                    if len(items) >= AHEAD_ITEMS or type(item) is not small or stop.is_set():
                        break
                else:
                    handed.put((items, None, True))
                    return
                handed.put((items, None, False))
                items = []
        except BaseException as exc:  # handed to the caller (with the items before it)
            handed.put((items, exc, True))
            return
        # The caller stopped early.
        close = getattr(rows, "close", None)
        if close is not None:
            close()

    thread = threading.Thread(
        target=contextvars.copy_context().run, args=(work,), name="khuyencong-ahead", daemon=True
    )
    try:
        thread.start()
    except RuntimeError:  # no thread to be had here: one at a time, in this one
        yield from rows
        return
    try:
        while True:
            items, error, last = handed.get()
            room.release()
            yield from items
            del items
            if error is not None:
                raise error
            if last:
                return
    finally:
        stop.set()
        room.release()
        thread.join()
