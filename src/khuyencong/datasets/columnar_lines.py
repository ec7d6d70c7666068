"""The physical lines of a CSV file for the columnar engine of ``check``
(:mod:`.columnar_check`): whether the engine reads the file at all, its lines with their line
ends, the head above the body, and a line holding quotes split as the row path's reader splits
it."""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Generator
from typing import Any, Final

from .csvread import csv_rows

__all__: list[str] = []

_CHUNK: Final = 1 << 20

_LINE: Final = re.compile(r"[^\n]*\n")
"""A line with its line end."""


def _decoded(source: Any, encoding: str) -> Generator[str]:
    """The text of the file, chunk by chunk."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    handle: Any
    if isinstance(source, bytes | bytearray):
        import io

        handle = io.BytesIO(bytes(source))
    else:
        handle = open(source, "rb")  # noqa: SIM115 - closed below
    with handle:
        while True:
            chunk = handle.read(_CHUNK)
            text = decoder.decode(chunk, final=not chunk)
            if text:
                yield text
            if not chunk:
                return


def _lines(source: Any, encoding: str) -> Generator[str]:
    r"""The physical lines of the file, with their line ends (``\n`` or ``\r\n``: the file has
    no bare carriage return), as a text stream opened with ``newline=""`` gives them."""
    pending = ""
    for text in _decoded(source, encoding):
        block = pending + text
        end = block.rfind("\n") + 1
        pending = block[end:]
        if end:
            yield from _LINE.findall(block, 0, end)
    if pending:
        yield pending


def _head(lines: list[str], delimiter: str) -> int | None:
    """The widest record of the lines above the body (as :func:`.csvread.csv_rows` counts
    it), or ``None`` when one of them is not a record of its own (a quoted cell running over
    several lines, a damaged line): the engine then leaves the file to the row path."""
    widest = 0
    count = 0
    for _, cells, problems, damaged in csv_rows(
        iter(lines), delimiter, replaced=False, encoding="UTF-8"
    ):
        count += 1
        if damaged or problems:
            return None
        widest = max(widest, len(cells))
    return widest if count == len(lines) else None


class _OneLine:
    """Feeds one line at a time to a persistent :func:`csv.reader` (building a reader per
    line costs more than the line)."""

    __slots__ = ("line",)

    def __init__(self) -> None:
        self.line: str | None = None

    def __iter__(self) -> _OneLine:
        return self

    def __next__(self) -> str:
        line = self.line
        if line is None:
            raise StopIteration
        self.line = None
        return line


class _Quoted:
    """The cells of a physical line holding a quote, read as the row path's reader reads a
    record (RFC 4180, strict): ``None`` when the record is not closed on the line or the
    quoting is damaged — what the row path then reads (a cell over several lines, a damaged
    line and the lines after it read again) is left to it."""

    __slots__ = ("feed", "reader")

    def __init__(self, delimiter: str) -> None:
        self.feed = _OneLine()
        self.reader = csv.reader(self.feed, delimiter=delimiter, strict=True)

    def cells(self, line: str) -> list[str] | None:
        self.feed.line = line
        try:
            return next(self.reader)
        except (csv.Error, StopIteration):
            return None


_SEP: Final = "\x1f"
"""Joins the cells of a batch holding quoted lines (a line holding it is not read by columns:
it is a control character)."""
