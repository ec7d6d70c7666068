"""Raw rows, tables and header detection, shared by the readers (moved from ``readers.py``).

See :mod:`khuyencong.datasets.readers` for how the header is found."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from .columns import ColumnMapping
from .findings import RowFinding, finding
from .values import clean_cell

__all__ = ["HEADER_SCAN", "RawRow", "Table"]

HEADER_SCAN: Final = 20


@attrs.define(slots=True, eq=False)
class RawRow:
    """A row as read: its number, its cells (aligned with ``headers``), reader problems.

    ``headers`` is set only when a row has its own headers (JSON Lines, records); ``model`` holds
    an object that already has the shape of a :class:`~khuyencong.Proposal`.  ``text`` says that
    the cells are strings as a CSV file holds them, not yet passed through
    :func:`~.values.clean_cell` (the pipeline cleans them once per distinct value); other
    readers give cleaned cells.  Not frozen (a frozen attrs class costs about a microsecond more
    per row to build), but never changed once built.
    """

    number: int
    cells: tuple[Any, ...]
    problems: tuple[RowFinding, ...] = ()
    headers: tuple[str, ...] | None = None
    model: Mapping[str, Any] | None = None
    text: bool = False
    damaged: bool = False

    def cleaned(self) -> tuple[Any, ...]:
        """The cells passed through :func:`~.values.clean_cell` (blank ones are ``None``)."""
        if self.text:
            return tuple(clean_cell(c) for c in self.cells)
        return self.cells


@attrs.define(slots=True)
class Table:
    """An opened source: its headers, file-level notes, and the rows still to read."""

    headers: tuple[str, ...]
    rows: Iterator[RawRow]
    notes: list[RowFinding]
    name: str
    keyed: bool = False
    """Whether each row names its own fields (JSON Lines, records) instead of a header row."""
    preamble: tuple[tuple[int, tuple[Any, ...]], ...] = ()
    """Title rows above the header: their numbers and cleaned cells (blank ones left out)."""
    header_lines: tuple[int, ...] = ()
    """The row numbers of the header (two when it spans two rows)."""
    title_lines: tuple[int, ...] = ()
    """The row numbers above the header (title rows and blank lines)."""
    origin: tuple[Any, str, str, str] | None = None
    """For a CSV source: the path or bytes, encoding, decoding errors and delimiter (the
    columnar engine reads its body again as columns)."""
    plain: bool | None = None
    """For a CSV source decoded strictly: whether it holds no NUL and no bare carriage return,
    told in the pass that checked its encoding (the columnar engine reads such a file only);
    ``None`` when not told."""


# ----------------------------------------------------------------------------- header detection


def _header_candidates(
    child: tuple[Any, ...], parent: tuple[Any, ...] | None, mapping: ColumnMapping
) -> tuple[tuple[str, ...], int]:
    """Names for the columns of ``child`` (combined with ``parent``) and how many are known."""
    names: list[str] = []
    score = 0
    last_parent: str | None = None
    width = max(len(child), len(parent) if parent else 0)
    for position in range(width):
        c = child[position] if position < len(child) else None
        p = parent[position] if parent is not None and position < len(parent) else None
        c_text = str(c) if c is not None else None
        p_text = str(p) if p is not None else None
        if p_text is not None:
            last_parent = p_text
        candidates: list[str] = []
        if c_text is not None:
            around = p_text or last_parent
            if around is not None:
                candidates += [f"{around} {c_text}", f"{c_text} {around}"]
            candidates.append(c_text)
        elif p_text is not None:
            candidates.append(p_text)
        chosen = next((x for x in candidates if mapping.field_for(x) is not None), None)
        if chosen is not None:
            score += 1
            names.append(chosen)
        else:
            names.append(c_text or p_text or "")
    return tuple(names), score


def _is_blank(cells: tuple[Any, ...]) -> bool:
    return all(c is None for c in cells)


def _has_error(row: RawRow) -> bool:
    return any(p.severity == "error" for p in row.problems)


def _find_header(
    rows: Iterator[RawRow], mapping: ColumnMapping
) -> tuple[tuple[str, ...], list[RowFinding], list[RawRow], _HeaderPlace]:
    """Read up to :data:`HEADER_SCAN` rows, pick the header, return the rows after it.

    A layout with ``header_rows`` fixes whether the header spans one row or two."""
    buffer: list[RawRow] = []
    for row in rows:
        buffer.append(row)
        if len(buffer) >= HEADER_SCAN:
            break
    cells = [row.cleaned() for row in buffer]
    header_rows = mapping.layout.header_rows
    best: tuple[int, int, tuple[str, ...], bool] | None = None  # score, index, names, parent
    for index, row in enumerate(buffer):
        if _is_blank(cells[index]) or row.damaged or _has_error(row):
            continue
        names, score = _header_candidates(cells[index], None, mapping)
        used_parent = False
        if header_rows == 2:
            if index == 0 or _is_blank(cells[index - 1]):
                continue
            names, score = _header_candidates(cells[index], cells[index - 1], mapping)
            used_parent = True
        elif header_rows is None and index > 0 and not _is_blank(cells[index - 1]):
            combined, combined_score = _header_candidates(cells[index], cells[index - 1], mapping)
            if combined_score > score:
                names, score, used_parent = combined, combined_score, True
        if best is None or score > best[0]:
            best = (score, index, names, used_parent)
    notes: list[RowFinding] = []
    if best is None:
        # Nothing but blank or broken rows: no header; every row is reported as read.
        return (), notes, buffer, _HeaderPlace((), ())
    _, index, names, used_parent = best
    first_title = index - 1 if used_parent else index
    for row in buffer[first_title : index + 1]:
        notes.extend(row.problems)  # a warning on a header line (undecodable bytes) is kept
    preamble: list[tuple[int, tuple[Any, ...]]] = []
    for row, row_cells in zip(buffer[:first_title], cells, strict=False):
        # A damaged line above the header is still reported; a title cell that runs over two
        # lines (Alt+Enter in Excel) is a warning and still a title row.
        notes.extend(row.problems)
        if not _is_blank(row_cells) and not any(p.code == "unreadable_line" for p in row.problems):
            notes.append(finding("preamble_row", row.number))
            preamble.append((row.number, row_cells))
    header_lines = tuple(row.number for row in buffer[first_title : index + 1])
    title_lines = tuple(row.number for row in buffer[:first_title])
    place = _HeaderPlace(tuple(preamble), header_lines, title_lines)
    return names, notes, buffer[index + 1 :], place


@attrs.frozen(slots=True)
class _HeaderPlace:
    """Where the header was found: the title rows above it (number and cells, blank ones left
    out), the lines of the header itself and every line above it."""

    preamble: tuple[tuple[int, tuple[Any, ...]], ...]
    header_lines: tuple[int, ...]
    title_lines: tuple[int, ...] = ()


def _with_header(
    source_rows: Iterator[RawRow], mapping: ColumnMapping, name: str, notes: list[RowFinding]
) -> Table:
    headers, header_notes, rest, place = _find_header(source_rows, mapping)

    def rows() -> Iterator[RawRow]:
        yield from rest
        yield from source_rows

    return Table(
        headers=headers,
        rows=rows(),
        notes=notes + header_notes,
        name=name,
        preamble=place.preamble,
        header_lines=place.header_lines,
        title_lines=place.title_lines,
    )


# ----------------------------------------------------------------------------------------- CSV
