"""The :class:`Report` of a dataset check: lazy rows, a summary, and exports."""

from __future__ import annotations

import codecs
import contextlib
import io
import json
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, cast, overload

from ..errors import DatasetError
from ..l10n import label
from ..l10n.catalog import render
from .columnar_blocks import RowBlock, as_row_block
from .columns import ColumnMapping
from .csvrows import (
    CODE_COLUMNS,
    COLUMNS,
    _block_cells,
    _cells,
    _findings_text,
    columns,
    write_csv,
)
from .findings import RowFinding, finding, worst
from .jsonrows import write_rows
from .pipeline import PASSING_STATUSES, Assessor, Engine, Grouping, RowResult, process
from .readers import Table
from .safe import FORMULA_STARTS, neutralise, xlsx_text
from .summary import DIMENSIONS, Accumulator, Summary, allowed_shown, dimension_label, key_label
from .whole import whole_file

if TYPE_CHECKING:
    from .columnar_frame import FrameBlock

__all__ = ["CODE_COLUMNS", "COLUMNS", "Report", "columns"]

_HTML_PROBLEM_ROWS: Final = 1000
_AMOUNTS: Final = range(COLUMNS.index("cost"), COLUMNS.index("allowed_if_eligible") + 1)
"""Where the amounts are in a row of :data:`COLUMNS` (whole đồng as ``int`` in a block's)."""


def record(result: RowResult, lang: str = "vi") -> dict[str, Any]:
    """One row as a flat dict with :data:`COLUMNS` (amounts stay ``Decimal``)."""
    allowed, if_eligible = allowed_shown(result)
    return {
        "row": result.row,
        "proposal_code": result.proposal_code,
        "title": result.title,
        "status": result.status,
        "funding": result.funding,
        "province": result.province,
        "year": result.year,
        "content": result.content,
        "item": result.item,
        "cost": result.cost,
        "requested": result.requested,
        "counterpart": result.counterpart,
        "allowed": allowed,
        "allowed_if_eligible": if_eligible,
        "as_of": result.as_of,
        "severity": worst(result.findings),
        "findings": _findings_text(result.findings, lang),
    }


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


Destination = str | Path | IO[str] | None
"""Where an export goes: a path, an open text stream, or ``None`` for the returned text."""


def _export_bytes(
    destination: Destination | IO[bytes],
    write: Callable[[Callable[[bytes], object], str], None],
    bom: bytes = b"",
    *,
    source: Path | None = None,
) -> str | None:
    """Run ``write(sink, errors)``, which passes a report's UTF-8 to ``sink`` as it is made
    (``errors`` as for :meth:`str.encode`), for ``destination``: a file of its own (``bom``
    first), byte for byte what a text file (UTF-8, ``newline=""``, strict) would hold; an open
    binary stream, the same without ``bom``; an open text stream, or the returned text when
    ``destination`` is ``None``, each block decoded ("surrogatepass" both ways, so that the text
    is the text made, whatever it holds)."""
    if isinstance(destination, str | Path):
        with whole_file(destination, "wb", source=source) as raw:
            if bom:
                raw.write(bom)
            write(raw.write, "strict")
        return None
    if isinstance(destination, io.RawIOBase | io.BufferedIOBase):
        write(destination.write, "strict")
        return None

    def decoded(handle: IO[str]) -> None:
        write(lambda data: handle.write(data.decode("utf-8", "surrogatepass")), "surrogatepass")

    if destination is None:
        buffer = io.StringIO()
        decoded(buffer)
        return buffer.getvalue()
    decoded(cast("IO[str]", destination))
    return None


class Report:
    """The result of :func:`khuyencong.datasets.validate`.

    Iterating a report streams one :class:`RowResult` per input row (rows in = rows out), in
    file order, without keeping them: a million-row file checks in constant memory.  Each full
    pass also computes the :class:`Summary`; :meth:`summary` runs a pass if none has finished.
    Each export is one pass.  A report over a path or bytes can be iterated again (the source is
    read again); one over a one-shot iterator cannot.
    """

    def __init__(
        self,
        opener: Callable[[], Table],
        first: Table,
        mapping: ColumnMapping,
        *,
        assessor: Assessor | None,
        as_of: date | None,
        grouping: Grouping,
        reopenable: bool = True,
        engine: Engine = "auto",
    ) -> None:
        self._opener = opener
        self._first: Table | None = first
        self._mapping = mapping
        self._assessor = assessor
        self._as_of = as_of
        self._grouping = grouping
        self._engine: Engine = engine
        self._reopenable = reopenable
        self._summary: Summary | None = None
        self.source: str = first.name
        """A name for the source (its path, or ``<stream>``)."""
        self.source_path: Path | None = None
        """The file the report is made from, when it was given as a path: never replaced by
        the report (:func:`.whole.whole_file`)."""

    @property
    def assessed(self) -> bool:
        """Whether proposals are assessed by the rule engine (else validated only)."""
        return self._assessor is not None

    def __iter__(self) -> Iterator[RowResult]:
        return self._pass()

    def _pass(self) -> Iterator[RowResult]:
        for item in self._items():
            if type(item) is RowResult:
                yield item
            else:
                assert not isinstance(item, RowResult)
                yield from item.results()

    def _items(self) -> Iterator[RowResult | RowBlock | FrameBlock]:
        """One pass: the rows, those the columnar engine reads from templates as blocks."""
        if self._first is not None:
            table, self._first = self._first, None
        elif self._reopenable:
            table = self._opener()
        else:
            raise DatasetError("this report's source was a one-shot iterator and is consumed")
        notes: list[RowFinding] = []
        if self._assessor is None:
            notes.append(finding("not_assessed", None))
        accumulator = Accumulator(self.source, self.assessed)
        for item in process(
            table,
            self._mapping,
            assessor=self._assessor,
            as_of=self._as_of,
            grouping=self._grouping,
            notes=notes,
            engine=self._engine,
            blocks=True,
        ):
            if type(item) is RowResult:
                accumulator.add(item)
            else:
                assert not isinstance(item, RowResult)
                accumulator.add_block(item)
            yield item
        self._summary = accumulator.finish(notes)

    def summary(self) -> Summary:
        """Counts and sums by status, funding source, content, province and year."""
        if self._summary is None:
            for _ in self._items():
                pass
        if self._summary is None:  # pragma: no cover - set by the pass above
            raise DatasetError("the summary could not be computed")
        return self._summary

    @property
    def ok(self) -> bool:
        """Whether every row is valid or eligible with no error or warning (runs a pass)."""
        return self.summary().ok

    # -- exports ----------------------------------------------------------------------------

    def records(self, lang: str = "vi") -> Iterator[dict[str, Any]]:
        """Stream the rows as flat dicts with :data:`COLUMNS`."""
        for result in self._pass():
            yield record(result, lang)

    def to_pandas(self, lang: str = "vi") -> Any:
        """The rows as a pandas DataFrame (needs ``khuyencong[pandas]``).

        Amount columns hold ``Decimal`` objects (dtype ``object``), never floats.
        """
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - depends on the environment
            raise DatasetError("to_pandas needs pandas: pip install 'khuyencong[pandas]'") from None
        return pd.DataFrame.from_records(list(self.records(lang)), columns=list(COLUMNS))

    @overload
    def to_csv(self, path: None = None, *, lang: str = "vi") -> str: ...
    @overload
    def to_csv(self, path: str | Path | IO[str] | IO[bytes], *, lang: str = "vi") -> None: ...
    def to_csv(self, path: Destination | IO[bytes] = None, *, lang: str = "vi") -> str | None:
        """Write the row table as CSV (UTF-8 with BOM in a file, so Excel reads Vietnamese
        correctly) to ``path``, an open text stream or an open binary stream (UTF-8, no BOM),
        row by row (flat memory).  Text cells that a spreadsheet would take for a formula get a
        leading ``'`` (:mod:`.safe`).

        Returns the text when no ``path`` is given.
        """
        return _export_bytes(
            path,
            lambda sink, errors: write_csv(sink, self._items(), lang, errors),
            codecs.BOM_UTF8,
            source=self.source_path,
        )

    @overload
    def to_json(self, path: None = None, *, lang: str = "vi") -> str: ...
    @overload
    def to_json(self, path: str | Path | IO[str] | IO[bytes], *, lang: str = "vi") -> None: ...
    def to_json(self, path: Destination | IO[bytes] = None, *, lang: str = "vi") -> str | None:
        """Write ``{"rows": [...], "summary": {...}}`` as JSON to ``path``, an open text stream
        or an open binary stream (UTF-8), row by row (flat memory); amounts are strings of whole
        đồng (exact), dates ISO.  Returns the text when no ``path`` is given."""
        return _export_bytes(
            path,
            lambda sink, errors: self._write_json(sink, lang, errors),
            source=self.source_path,
        )

    def _write_json(self, write: Callable[[bytes], object], lang: str, errors: str) -> None:
        # Each row as json.dumps(record) writes it (keys in the order of COLUMNS, ", " and
        # ": " between them), put together from its values; rows written in blocks.
        write(b'{"rows": [\n')
        write_rows(write, self._items(), lang, errors)
        summary = self.summary()
        write(b'\n],\n"summary": ')
        write(json.dumps(summary.to_dict(), ensure_ascii=False, indent=1).encode("utf-8", errors))
        write(b"}\n")

    def to_excel(self, path: str | Path | IO[bytes], *, lang: str = "vi") -> None:
        """Write a workbook with the rows, the summary tables and the file notes (needs
        ``khuyencong[excel]``) to ``path`` or a binary stream, in openpyxl's write-only mode
        (flat memory).  Amounts are numbers with a thousands format when they fit a
        spreadsheet number exactly (≤ 2⁵³), else text.  Text cells are string cells, never
        formulas, and those that start like a formula get a leading ``'`` (:mod:`.safe`).
        A file is written whole or not at all (:func:`.whole.whole_file`), made before the
        rows are read: a folder that does not exist is said at once, not after the check."""
        if isinstance(path, str | Path):
            with whole_file(path, "wb", source=self.source_path) as handle:
                self._excel(handle, lang)
        else:
            self._excel(path, lang)

    def _excel(self, destination: IO[bytes], lang: str) -> None:
        """The workbook of :meth:`to_excel`, saved to ``destination``."""
        try:
            from openpyxl import Workbook
        except ImportError:  # pragma: no cover - depends on the environment
            raise DatasetError("to_excel needs openpyxl: pip install 'khuyencong[excel]'") from None
        book = Workbook(write_only=True)
        try:
            self._sheets(book, lang)
            book.save(destination)
        except BaseException:
            # Stopped half-way (Ctrl+C, a source that breaks): each sheet's writer is closed
            # now, while its file is open, rather than collected later printing an error.
            for sheet in book.worksheets:
                with contextlib.suppress(Exception):
                    sheet.close()
            raise

    def _sheets(self, book: Any, lang: str) -> None:
        """The sheets of :meth:`to_excel`: the rows, the summary tables, the file notes."""
        from openpyxl.cell import WriteOnlyCell

        rows_sheet = book.create_sheet(label("sheet", "rows", lang))
        rows_sheet.append(columns(lang))

        def amount(value: int) -> Any:
            if abs(value) <= 2**53:
                c = WriteOnlyCell(rows_sheet, value=value)
                c.number_format = "#,##0"
                return c
            return str(value)

        def cell(value: Any) -> Any:
            if isinstance(value, Decimal):
                return amount(int(value)) if abs(value) <= 2**53 else str(value)
            if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                return xlsx_text(rows_sheet, value)
            return value

        for item in self._items():
            if type(item) is RowResult:
                row = record(item, lang)
                rows_sheet.append([cell(v) for v in _cells([row[c] for c in COLUMNS], lang)])
                continue
            assert not isinstance(item, RowResult)
            # A row of a block from the CSV writer's cells (no RowResult made): its texts
            # already neutralised (a leading ', as xlsx_text writes them), amounts whole đồng.
            for values in _block_cells(as_row_block(item), lang):
                for k in _AMOUNTS:
                    v = values[k]
                    if v is not None:
                        values[k] = amount(v)
                rows_sheet.append(values)
        summary = self.summary()
        sheet = book.create_sheet(label("sheet", "summary", lang))
        for dimension in DIMENSIONS:
            sheet.append(
                [dimension_label(dimension, lang)]
                + [
                    label("column", c, lang)
                    for c in (
                        "proposals",
                        "rows",
                        "cost",
                        "requested",
                        "allowed",
                        "allowed_not_known_lines",
                    )
                ]
            )
            for r in summary.tables[dimension]:
                sheet.append(
                    [
                        cell(key_label(dimension, r.key, lang)),
                        r.proposals,
                        r.rows,
                        cell(r.cost),
                        cell(r.requested),
                        cell(r.allowed),
                        r.allowed_unknown,
                    ]
                )
            sheet.append([])
        if summary.values_left_out:
            sheet.append(
                [
                    render("report.values_left_out", None, lang),
                    summary.values_left_out,
                ]
            )
        notes = book.create_sheet(label("sheet", "notes", lang))
        notes.append(
            [label("column", c, lang) for c in ("row", "column", "severity", "code", "message")]
            + (["severity_code"] if lang == "vi" else [])
        )
        for n in summary.notes:
            notes.append(
                [
                    n.row,
                    cell(n.column),
                    label("severity", n.severity, lang),
                    n.code,
                    cell(n.message(lang)),
                ]
                + ([n.severity] if lang == "vi" else [])
            )

    def to_html(self, path: str | Path | IO[str] | None = None, *, lang: str = "vi") -> str:
        """A self-contained HTML report (summary tables, SVG charts, rows with findings: the
        first 1,000 of them, then a count of the others — so the page, and the memory that
        builds it, stay small whatever the size of the file).  Written to ``path`` (or an open
        text stream) if given; the HTML is returned either way.  A file is written whole or
        not at all, and made before the rows are read (as :meth:`to_excel`)."""
        if isinstance(path, str | Path):
            with whole_file(path, "w", encoding="utf-8", source=self.source_path) as handle:
                text = self._html(lang)
                handle.write(text)
            return text
        text = self._html(lang)
        if path is not None:
            path.write(text)
        return text

    def _html(self, lang: str) -> str:
        from .html import render_html

        problems, more = self._problem_rows()
        return render_html(self.summary(), problems, more, lang=lang)

    def _problems(
        self,
        track: Callable[
            [Iterator[RowResult | RowBlock | FrameBlock]],
            Iterator[RowResult | RowBlock | FrameBlock],
        ]
        | None = None,
    ) -> Iterator[RowResult | tuple[RowBlock | FrameBlock, int]]:
        """One pass (the summary computed as by every pass), giving only the rows with a
        finding or a status that does not pass, in file order: a :class:`RowResult`, or a row
        of a block as ``(block, i)``, whose result ``block.result(i)`` is made only when the
        caller shows it (its status and findings' count are its template line's,
        ``block.line_at(i).result``).  ``track`` sees every item of the pass (a progress
        bar)."""
        items = self._items()
        for item in items if track is None else track(items):
            if type(item) is RowResult:
                if item.findings or item.status not in PASSING_STATUSES:
                    yield item
                continue
            assert not isinstance(item, RowResult)
            for i in item.problems(PASSING_STATUSES):
                yield item, i

    def _problem_rows(self, limit: int = _HTML_PROBLEM_ROWS) -> tuple[list[RowResult], int]:
        problems: list[RowResult] = []
        more = 0
        for problem in self._problems():
            if len(problems) >= limit:
                more += 1
            elif type(problem) is RowResult:
                problems.append(problem)
            else:
                assert isinstance(problem, tuple)
                block, i = problem
                problems.append(block.result(i))  # a row of a block is made only to be shown
        return problems, more

    def _repr_html_(self) -> str:
        from .html import render_html

        problems, more = self._problem_rows(limit=50)
        return render_html(self.summary(), problems, more, lang="vi", fragment=True)

    def __repr__(self) -> str:
        if self._summary is None:
            return f"<Report of {self.source} (not yet read)>"
        s = self._summary
        return f"<Report of {s.source}: {s.rows} rows, {s.proposals} proposals, ok={s.ok}>"
