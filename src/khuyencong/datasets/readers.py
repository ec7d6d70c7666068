"""Readers: CSV, XLSX, JSON Lines, pandas DataFrames and lists of dicts, as streams of raw rows.

A reader never raises for a bad row: problems become findings attached to the row.  It raises
:class:`~khuyencong.errors.DatasetError` only when the source cannot be read at all (missing file,
not a workbook, unknown format).

Header detection: the header is the row, among the first :data:`HEADER_SCAN` rows, whose cells
name the most known fields.  A header spread over two rows (a merged "Kinh phí" cell above
"Tổng", "KCQG", "Đối ứng") is combined with the row above it.  Rows above the header are reported
as title rows (file-level notes).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final

from ..errors import DatasetError, SourceError
from ..l10n.catalog import Msg
from .columns import ColumnMapping
from .csvread import _detect, csv_rows, detect_encoding, normalised, sniff_delimiter
from .findings import RowFinding, finding
from .table import (
    HEADER_SCAN,
    RawRow,
    Table,
    _with_header,
)
from .values import clean_cell

__all__ = ["HEADER_SCAN", "RawRow", "Table", "open_table"]


def _detect_encoding(
    stream: IO[bytes], name: str = "<stream>"
) -> tuple[str, str, list[RowFinding]]:
    """Return ``(encoding, errors, notes)``; see :func:`.csvread.detect_encoding`."""
    return detect_encoding(stream, name)


def _sniff_delimiter(stream: IO[bytes], encoding: str) -> str:
    return sniff_delimiter(stream, encoding)


def _text_lines(stream: IO[bytes], encoding: str, errors: str) -> Iterator[str]:
    """The physical lines of a binary stream, decoded (NFC for Windows-1258)."""
    text = io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline="")
    return normalised(text) if encoding == "cp1258" else text


def _csv_rows(stream: IO[bytes], encoding: str, errors: str, delimiter: str) -> Iterator[RawRow]:
    """The records of a CSV stream as rows of text cells (uncleaned, see :class:`RawRow`),
    numbered by physical line; damaged lines are rows without cells and with a finding."""
    lines = _text_lines(stream, encoding, errors)
    replaced = errors == "replace"
    for number, cells, problems, damaged in csv_rows(
        lines, delimiter, replaced=replaced, encoding=encoding.upper()
    ):
        yield RawRow(number, cells, problems, text=True, damaged=damaged)


_OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an Excel 97-2003 (.xls) workbook."""
_ZIP: Final = b"PK\x03\x04"
"""The first bytes of a zip file, as an .xlsx workbook is."""


def _workbook(head: bytes) -> str | None:
    """What a file's first bytes say it is: ``"xls"`` (an Excel 97-2003 workbook), ``"xlsx"``
    (a zip, as a workbook is), or ``None`` (text, or anything else)."""
    if head[:8] == _OLE2:
        return "xls"
    return "xlsx" if head[:4] == _ZIP else None


def _not_a_workbook(path: Path, name: str) -> None:
    """Refuse a workbook saved under a text file's name (a .xlsx renamed .csv, an .xls saved
    as .csv by name only): read as text, it would be an encoding that cannot be told."""
    try:
        with open(path, "rb") as handle:
            kind = _workbook(handle.read(8))
    except OSError:
        return  # said when it is opened to be read
    if kind is not None:
        raise SourceError("xls" if kind == "xls" else "xlsx_renamed", name)


def _unopened(name: str, exc: OSError) -> SourceError:
    """The error for a file that could not be opened: missing, or what the system said."""
    if isinstance(exc, FileNotFoundError):
        return SourceError("no_such_file", name)
    return SourceError("cannot_open", name, exc.strerror or str(exc))


def _binary(source: Any, name: str) -> IO[bytes]:
    if isinstance(source, bytes | bytearray):
        return io.BytesIO(bytes(source))
    if isinstance(source, str | Path):
        try:
            return open(source, "rb")
        except OSError as exc:
            raise _unopened(name, exc) from None
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(data, bytes):
            raise DatasetError(f"{name} did not give bytes or text")
        return io.BytesIO(data)
    raise DatasetError(f"cannot read {type(source).__name__} as a file")


def read_csv(source: Any, mapping: ColumnMapping, name: str) -> Table:
    """Open a CSV source (path, bytes or file object), detect its encoding and delimiter."""
    stream = _binary(source, name)
    try:
        encoding, errors, notes, plain = _detect(stream, name)
        delimiter = _sniff_delimiter(stream, encoding)
    except OSError as exc:
        stream.close()
        raise DatasetError(f"cannot read {name}: {exc}") from None

    def rows() -> Iterator[RawRow]:
        try:
            yield from _csv_rows(stream, encoding, errors, delimiter)
        finally:
            stream.close()

    table = _with_header(rows(), mapping, name, notes)
    if isinstance(source, str | Path | bytes | bytearray):
        table.origin = (source, encoding, errors, delimiter)
        table.plain = plain
    return table


# ---------------------------------------------------------------------------------------- XLSX


_SHEET_STATES: Final = {
    "visible": "",
    "hidden": " (ẩn, hidden)",
    "veryHidden": " (ẩn, very hidden)",
}


def read_xlsx(source: Any, mapping: ColumnMapping, name: str, sheet: str | None = None) -> Table:
    """Open a workbook read-only (streaming).  Formula cells without a cached value and Excel
    error values become findings; merged cells read as empty except their top-left cell.

    Without ``sheet``, the first visible sheet with a recognisable header is read (hidden sheets
    are skipped); when none has one, or ``sheet`` is not in the workbook, the error lists the
    sheet names.  openpyxl is imported here, only when a workbook is read."""
    import openpyxl  # a core dependency, imported lazily: `import khuyencong` stays light

    if isinstance(source, str | Path):
        try:
            with open(source, "rb") as handle:
                magic = handle.read(8)
        except OSError as exc:
            raise _unopened(name, exc) from None
        if _workbook(magic) == "xls":
            raise SourceError("xls", name)
    if isinstance(source, bytes | bytearray):
        source = io.BytesIO(bytes(source))
    try:
        values_book = openpyxl.load_workbook(source, read_only=True, data_only=True)
        if hasattr(source, "seek"):
            source.seek(0)
        formula_book = openpyxl.load_workbook(source, read_only=True, data_only=False)
    except FileNotFoundError:
        raise SourceError("no_such_file", name) from None
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise SourceError("not_xlsx", name, str(exc)) from None

    def listing() -> str:
        # in both languages: the list goes into the Vietnamese and the English message
        return ", ".join(
            f"{ws.title!r}" + _SHEET_STATES.get(ws.sheet_state, f" ({ws.sheet_state})")
            for ws in values_book.worksheets
        )

    def close() -> None:
        values_book.close()
        formula_book.close()

    def sheet_rows(title: str) -> Iterator[RawRow]:
        pairs = zip(
            values_book[title].iter_rows(values_only=True),
            formula_book[title].iter_rows(values_only=True),
            strict=False,
        )
        for number, (values, formulas) in enumerate(pairs, start=1):
            yield _xlsx_row(number, values, formulas)

    def guarded(rows: Iterator[RawRow], closing: bool) -> Iterator[RawRow]:
        try:
            yield from rows
        except Exception as exc:  # a corrupt sheet part
            raise SourceError("sheet_unreadable", name, str(exc)) from None
        finally:
            if closing:
                close()

    if sheet is not None:
        if sheet not in values_book.sheetnames:
            names = listing()
            close()
            raise SourceError("no_sheet", name, sheet=repr(sheet), sheets=names)
        return _with_header(guarded(sheet_rows(sheet), True), mapping, name, [])
    visible = [ws.title for ws in values_book.worksheets if ws.sheet_state == "visible"]

    def has_header(title: str) -> bool:
        probe = _with_header(guarded(sheet_rows(title), False), mapping, name, [])
        return sum(1 for h in probe.headers if h and mapping.field_for(h) is not None) >= 2

    for i, title in enumerate(visible):
        if has_header(title):
            # Another sheet with a table of proposals (last year's plan, a draft): say which
            # one was checked, rather than let the clerk believe it was the other.
            others = [t for t in visible[i + 1 :] if has_header(t)]
            table = _with_header(guarded(sheet_rows(title), True), mapping, name, [])
            if len(values_book.worksheets) > 1:
                table.name = f"{name} [{title}]"
            if others:
                table.notes.append(
                    finding(
                        "sheet_chosen",
                        None,
                        sheet=title,
                        others=", ".join(f"“{t}”" for t in others),
                    )
                )
            return table
    names = listing()
    close()
    raise SourceError("no_sheet_header", name, sheets=names)


def _xlsx_row(number: int, values: tuple[Any, ...], formulas: tuple[Any, ...]) -> RawRow:
    cells = tuple(clean_cell(v) for v in values)
    problems: list[RowFinding] = []
    for position, value in enumerate(values):
        if value is None and position < len(formulas):
            formula = formulas[position]
            text = formula if isinstance(formula, str) else getattr(formula, "text", None)
            if formula is not None and (not isinstance(formula, str) or formula.startswith("=")):
                problems.append(
                    finding(
                        "formula_without_value",
                        number,
                        _column_letter(position),
                        detail=str(text or "")[:80],
                    )
                )
    return RawRow(number, cells, tuple(problems))


def _column_letter(position: int) -> str:
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ----------------------------------------------------------------------------- JSON Lines etc.


def _record_row(number: int, record: Any) -> RawRow:
    if not isinstance(record, Mapping):
        return RawRow(
            number,
            (),
            (finding("unreadable_line", number, detail="not a JSON object"),),
            damaged=True,
        )
    if "budget_lines" in record or isinstance(record.get("funding"), Mapping):
        return RawRow(number, (), model=record)
    headers = tuple(str(k) for k in record)
    cells = tuple(clean_cell(_plain(v)) for v in record.values())
    return RawRow(number, cells, headers=headers)


def _plain(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def read_jsonl(source: Any, mapping: ColumnMapping, name: str) -> Table:
    """Open a JSON Lines source: one object per line, either a flat row with headers as keys or
    a whole proposal (as ``Proposal.model_dump(mode="json")`` writes it).  Numbers are read as
    ``Decimal``, never float."""
    stream = _binary(source, name)
    try:
        encoding, errors, notes = _detect_encoding(stream, name)
    except OSError as exc:
        stream.close()
        raise DatasetError(f"cannot read {name}: {exc}") from None
    replaced = errors == "replace"

    def rows() -> Iterator[RawRow]:
        try:
            for number, line in enumerate(_text_lines(stream, encoding, errors), start=1):
                if not line.strip():
                    yield RawRow(number, ())
                    continue
                try:
                    record = json.loads(line, parse_float=Decimal)
                except (ValueError, RecursionError) as exc:
                    detail = f"not valid JSON ({str(exc)[:200]})"
                    yield RawRow(
                        number,
                        (),
                        (finding("unreadable_line", number, detail=detail),),
                        damaged=True,
                    )
                    continue
                row = _record_row(number, record)
                if replaced and "\ufffd" in line:
                    row.problems += (finding("undecodable_bytes", number, encoding="UTF-8"),)
                yield row
        finally:
            stream.close()

    return Table(headers=(), rows=rows(), notes=notes, name=name, keyed=True)


def read_records(records: Iterable[Any], name: str) -> Table:
    """Rows from an iterable of dicts (numbered from 1)."""
    rows = (_record_row(number, record) for number, record in enumerate(records, start=1))
    return Table(headers=(), rows=rows, notes=[], name=name, keyed=True)


def read_dataframe(frame: Any, mapping: ColumnMapping, name: str) -> Table:
    """Rows of a pandas DataFrame, with the same header detection as a file.

    The column labels are read as the first header row (each level of a MultiIndex as one row,
    numbered -2, -1 above the data); data rows are numbered by position (``df.iloc``).  A frame
    read with ``header=None`` (integer labels) or from a sheet with title rows ("Unnamed: 1"
    labels) thus finds its header among its first rows.  When no row names known fields, the
    table gets one ``dataframe_header`` finding naming the problem."""
    columns = frame.columns
    levels = getattr(columns, "nlevels", 1)
    if levels > 1:
        label_rows = [tuple(_label(c[level]) for c in columns) for level in range(levels)]
    else:
        label_rows = [tuple(_label(c) for c in columns)]

    def rows() -> Iterator[RawRow]:
        for offset, labels in enumerate(label_rows):
            yield RawRow(offset - len(label_rows), labels)
        for number, values in enumerate(frame.itertuples(index=False, name=None)):
            yield RawRow(number, tuple(clean_cell(v) for v in values))

    table = _with_header(rows(), mapping, name, [])
    known = sum(1 for h in table.headers if h and mapping.field_for(h) is not None)
    if known == 0:
        # No header anywhere: keep every row as data, under the labels as they are.
        data = rows()
        for _ in label_rows:
            next(data)
        table = Table(headers=tuple(str(c) for c in columns), rows=data, notes=[], name=name)
        kinds = {
            type(c).__name__ for c in (columns if levels == 1 else columns.get_level_values(-1))
        }
        table.notes.append(
            finding(
                "dataframe_header",
                None,
                detail=Msg(
                    "detail.dataframe_header",
                    {
                        "kinds": ", ".join(sorted(kinds)),
                        "labels": ", ".join(str(c) for c in list(columns)[:4]),
                        "n": HEADER_SCAN,
                    },
                ),
            )
        )
    return table


def _label(label: Any) -> Any:
    """A column label as a header cell: integers (``header=None``) and pandas' "Unnamed: n"
    labels of empty header cells are no header text."""
    if isinstance(label, int) and not isinstance(label, bool):
        return None
    text = clean_cell(label)
    if isinstance(text, str) and text.startswith("Unnamed: "):
        return None
    return None if text is None else str(text)


# ------------------------------------------------------------------------------------ dispatch

_SUFFIXES: Final = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def open_table(
    source: Any,
    mapping: ColumnMapping,
    *,
    format: str | None = None,
    sheet: str | None = None,
) -> Table:
    """Open any supported source as a :class:`Table`."""
    kind = type(source)
    if kind.__module__.startswith("pandas") and hasattr(source, "itertuples"):
        return read_dataframe(source, mapping, "DataFrame")
    if isinstance(source, str | Path):
        path = Path(source)
        name = str(path)
        if path.is_dir():
            raise SourceError("is_folder", name)
        if not path.exists():
            raise SourceError("no_such_file", name)
        fmt = format or _SUFFIXES.get(path.suffix.lower())
        if fmt is None and path.suffix.lower() == ".xls":
            raise SourceError("xls", name)
        if fmt is None:
            raise SourceError("unknown_format", name)
        if fmt == "csv":
            _not_a_workbook(path, name)
    elif isinstance(source, bytes | bytearray) or hasattr(source, "read"):
        name = str(getattr(source, "name", "<stream>"))
        fmt = format
        if fmt is None:
            if hasattr(source, "read"):
                source = _binary(source, name).read()
            fmt = _workbook(bytes(source[:8])) or "csv"
            if fmt == "xls":
                raise SourceError("xls", name)
    elif isinstance(source, Iterable):
        return read_records(source, "<records>")
    else:
        raise DatasetError(f"cannot read a {kind.__name__}: give a path, bytes, or a DataFrame")
    if fmt == "csv":
        return read_csv(source, mapping, name)
    if fmt == "xlsx":
        return read_xlsx(source, mapping, name, sheet)
    if fmt == "jsonl":
        return read_jsonl(source, mapping, name)
    raise DatasetError(f"unknown format {fmt!r}: use csv, xlsx or jsonl")
