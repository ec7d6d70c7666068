"""The physical lines of a CSV file for the columnar engine of ``check``
(:mod:`.columnar_check`): whether the engine reads the file at all, its lines with their line
ends, the head above the body, and a line holding quotes split as the row path's reader splits
it."""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Generator, Iterator
from typing import Any, Final

import polars as pl

from .csvread import MAX_FIELD, csv_rows

__all__: list[str] = []

_CHUNK: Final = 1 << 20

_LINE: Final = re.compile(r"[^\n]*\n")
"""A line with its line end."""


def _utf8(source: Any, encoding: str) -> Generator[bytes]:
    """The file in UTF-8, chunk by chunk: a UTF-8 file's own bytes (less its byte-order mark
    for ``utf-8-sig``: the scan that told the encoding decoded the whole file strictly), another
    encoding's text encoded in UTF-8."""
    handle: Any
    if isinstance(source, bytes | bytearray):
        import io

        handle = io.BytesIO(bytes(source))
    else:
        handle = open(source, "rb")  # noqa: SIM115 - closed below
    with handle:
        if encoding in ("utf-8", "utf-8-sig"):
            first = handle.read(_CHUNK)
            if encoding == "utf-8-sig":
                first = first.removeprefix(codecs.BOM_UTF8)
            chunk = first
            while chunk:
                yield chunk
                chunk = handle.read(_CHUNK)
            return
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        while True:
            chunk = handle.read(_CHUNK)
            text = decoder.decode(chunk, final=not chunk)
            if text:
                yield text.encode("utf-8")
            if not chunk:
                return


class _Source:
    r"""The physical lines of the file, with their line ends (``\n`` or ``\r\n``: the file has
    no bare carriage return), as a text stream opened with ``newline=""`` gives them: one by
    one (an iterator), a number of them (:meth:`take`), or a block of whole lines in UTF-8
    (:meth:`block`, for the vector lane, which splits it as columns)."""

    __slots__ = ("_buffer", "_chunks", "_done", "_start")

    def __init__(self, source: Any, encoding: str) -> None:
        self._chunks = _utf8(source, encoding)
        self._buffer = b""
        self._start = 0
        """Where the part not yet given starts in ``_buffer``."""
        self._done = False

    def _more(self) -> bool:
        """Read a further chunk into the buffer (``False`` at the end of the file)."""
        if self._done:
            return False
        chunk = next(self._chunks, None)
        if chunk is None:
            self._done = True
            return False
        self._buffer = self._buffer[self._start :] + chunk
        self._start = 0
        return True

    def take(self, count: int) -> list[str]:
        """The next ``count`` lines (fewer at the end of the file)."""
        lines: list[str] = []
        while len(lines) < count:
            buffer, start = self._buffer, self._start
            end = start
            for _ in range(count - len(lines)):
                found = buffer.find(b"\n", end)
                if found < 0:
                    break
                end = found + 1
            if end > start:
                lines += _LINE.findall(buffer[start:end].decode("utf-8"))
                self._start = end
            if len(lines) < count and not self._more():
                if self._start < len(self._buffer):
                    lines.append(self._buffer[self._start :].decode("utf-8"))
                    self._start = len(self._buffer)
                break
        return lines

    def block(self, size: int) -> bytes:
        """Whole lines of about ``size`` bytes in UTF-8 (at least one line; the rest of the
        file at its end)."""
        parts = [self._buffer[self._start :]]
        have = len(parts[0])
        while have < size and not self._done:
            chunk = next(self._chunks, None)
            if chunk is None:
                self._done = True
                break
            parts.append(chunk)
            have += len(chunk)
        buffer = b"".join(parts) if len(parts) > 1 else parts[0]
        end = buffer.rfind(b"\n", 0, size) + 1
        while not end:
            end = buffer.find(b"\n") + 1
            if end or self._done:
                end = end or len(buffer)
                break
            chunk = next(self._chunks, None)
            if chunk is None:
                self._done = True
            else:
                buffer += chunk
        self._buffer = buffer
        self._start = end
        return buffer[:end]

    def __iter__(self) -> Iterator[str]:
        while True:
            lines = self.take(_ITER_LINES)
            if not lines:
                return
            yield from lines

    def close(self) -> None:
        self._chunks.close()


_ITER_LINES: Final = 1024


def _lines(source: Any, encoding: str) -> _Source:
    r"""The physical lines of the file (:class:`_Source`)."""
    return _Source(source, encoding)


def lines_of(text: str) -> list[str]:
    """The lines of a block of text (:meth:`_Source.block`), each with its line end."""
    lines: list[str] = _LINE.findall(text)
    end = text.rfind("\n") + 1
    if end < len(text):
        lines.append(text[end:])
    return lines


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


def _cells(frame: pl.DataFrame, width: int, delimiter: str, source: str) -> pl.DataFrame:
    """The cells of each line of ``frame`` (column ``source``: its text, or its cells joined
    by :data:`_SEP`) as the columns ``_c0``..., and ``_fast``: whether the line is read by
    columns — as many cells as the plan, no control character but a tab, not blank, no cell
    longer than the row path's reader takes."""
    text = pl.col("_t")
    cells = pl.col(source)
    # Split into the plan's cells, and each test of a line read by columns, side by side
    # (polars runs the expressions of one select in parallel).
    if width > 1:
        cut = (
            cells.str.splitn(delimiter, width)
            .struct.rename_fields([f"_c{i}" for i in range(width)])
            .alias("_s")
        )
    else:
        cut = cells.alias("_c0")
    tests = [
        cut,
        # No control character (a tab aside).
        text.str.contains(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]").alias("_ctl"),
        # Not blank: a character other than white space and the delimiter (what
        # str.strip_chars strips is Unicode White_Space, as the regex's \s).
        cells.str.contains(f"[^\\s\\x{{{ord(delimiter):x}}}]").alias("_full"),
    ]
    # No cell longer than the row path's reader takes (a line that short has none).
    long = bool(frame.select(text.str.len_bytes().max() > MAX_FIELD).item())
    if long:
        tests.append((text.str.len_chars() <= MAX_FIELD).alias("_short"))
    split = frame.select(*tests)
    if width > 1:
        split = split.unnest("_s")
    last = pl.col(f"_c{width - 1}")
    # As many cells as the plan: the last one given, holding no further delimiter.
    fast = (
        ~pl.col("_ctl")
        & pl.col("_full")
        & last.is_not_null()
        & ~last.str.contains(delimiter, literal=True)
    )
    if long:
        fast = fast & pl.col("_short")
    return split.with_columns(_fast=fast).drop("_ctl", "_full", *(["_short"] if long else []))
