"""Refuse a source with nothing to check (an empty file, no header, a header without data).

A report of "0 rows" reads as a pass; a file with nothing in it is not one.  :func:`require_rows`
peeks at the first rows of an opened :class:`~.readers.Table` and raises
:class:`~khuyencong.errors.NothingToCheckError` (exit code 2 on the command line) saying which.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Final

from ..errors import NothingToCheckError
from .columns import ColumnMapping
from .readers import RawRow, Table

__all__ = ["require_rows"]

PEEK_MAX: Final = 100_000
"""Blank rows read ahead at most; after that many the source is taken to have data."""


def _blank(row: RawRow) -> bool:
    if row.problems or row.model is not None:
        return False
    if row.text:
        return not any(cell.strip() for cell in row.cells)
    return all(cell is None for cell in row.cells)


def require_rows(table: Table, mapping: ColumnMapping) -> Table:
    """``table`` with its rows intact, or :class:`NothingToCheckError` when it has nothing to
    check (see the module)."""
    known = (
        table.keyed
        or any(mapping.field_for(h) is not None for h in table.headers)
        # A DataFrame whose header cannot be found already carries its one finding saying so.
        or any(n.code == "dataframe_header" for n in table.notes)
    )
    peeked: list[RawRow] = []
    data = False
    for row in table.rows:
        peeked.append(row)
        if not _blank(row) or len(peeked) >= PEEK_MAX:
            data = True
            break
    if not known:
        if data or table.headers or any(n.code == "preamble_row" for n in table.notes):
            raise NothingToCheckError("no_header", table.name)
        raise NothingToCheckError("empty", table.name)
    if not data:
        raise NothingToCheckError("no_data" if table.headers else "empty", table.name)
    rest: Iterator[RawRow] = chain(peeked, table.rows)
    table.rows = rest
    return table
