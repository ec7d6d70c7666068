"""The row table of the CSV report (see :meth:`.report.Report.to_csv`): its columns, and its
rows written from :class:`~.rows.RowResult` objects or, for the rows the columnar engine
reads from templates, from a :class:`.columnar_blocks.RowBlock`'s columns with the cells
every row of a template line shares made once per language."""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from ..l10n import label
from ..schemas.codes import ActivityContent, FundingSourceKind, LabelledEnum, SupportItem
from .columnar_blocks import RowBlock, _Line, as_row_block, placed
from .findings import RowFinding, worst
from .rows import RowResult
from .safe import FORMULA_STARTS
from .summary import allowed_shown

if TYPE_CHECKING:
    from .columnar_frame import FrameBlock

__all__ = ["CODE_COLUMNS", "COLUMNS", "columns", "write_csv"]

COLUMNS: Final = (
    "row",
    "proposal_code",
    "title",
    "status",
    "funding",
    "province",
    "year",
    "content",
    "item",
    "cost",
    "requested",
    "counterpart",
    "allowed",
    "allowed_if_eligible",
    "as_of",
    "severity",
    "findings",
)
"""Columns of the row table (stable English identifiers): the headers of the English CSV/XLSX
reports, the keys of :meth:`Report.records`, the JSON rows and the columns of
:meth:`Report.to_pandas` in both languages.  ``allowed`` is empty (not known) on a row of a
``not_assessable`` proposal, whose computed line amount is ``allowed_if_eligible``
(:func:`~khuyencong.datasets.summary.allowed_shown`)."""

CODE_COLUMNS: Final = (
    "status_code",
    "severity_code",
    "funding_code",
    "content_code",
    "item_code",
)
"""Added at the end of the Vietnamese CSV/XLSX row table, whose headers and ``Trạng thái``,
``Mức độ``, ``Nguồn kinh phí``, ``Nội dung`` and ``Hạng mục chi`` cells are Vietnamese words:
the same values as stable codes (``eligible``, ``warning``, ``national``,
``demonstration_and_technology``, ``brand``), for a program that reads the Vietnamese report.
``Mã đề án`` (``proposal_code``) and the finding codes inside ``Phát hiện`` are codes in both
languages."""


def columns(lang: str = "vi") -> list[str]:
    """The header row of the CSV/XLSX row table in ``lang``.

    >>> columns("vi")[:4]
    ['Dòng', 'Mã đề án', 'Tên đề án', 'Trạng thái']
    >>> columns("en")[:4]
    ['row', 'proposal_code', 'title', 'status']
    """
    if lang != "vi":
        return list(COLUMNS)
    return [label("column", c, lang) for c in COLUMNS] + list(CODE_COLUMNS)


_STATUS: Final = COLUMNS.index("status")
_SEVERITY: Final = COLUMNS.index("severity")
_FUNDING: Final = COLUMNS.index("funding")
_CONTENT: Final = COLUMNS.index("content")
_ITEM: Final = COLUMNS.index("item")


def _cells(values: list[Any], lang: str) -> list[Any]:
    """A row of :data:`COLUMNS` values as written in ``lang``: in Vietnamese, the status,
    severity, funding source, contents and support item as words, their codes at the end
    (:data:`CODE_COLUMNS`)."""
    if lang != "vi":
        return values
    status, severity = values[_STATUS], values[_SEVERITY]
    funding, content, item = values[_FUNDING], values[_CONTENT], values[_ITEM]
    values[_STATUS] = label("status", status, lang)
    values[_SEVERITY] = label("severity", severity, lang) if severity else ""
    values[_FUNDING] = _words(FundingSourceKind, funding)
    values[_CONTENT] = _words(ActivityContent, content)
    values[_ITEM] = _words(SupportItem, item)
    return [*values, status, severity, funding, content, item]


@functools.lru_cache(maxsize=1024)
def _words(kind: type[LabelledEnum], codes: str | None) -> str | None:
    """The Vietnamese label of a code of ``kind`` (of each, for contents joined with "+");
    what is not a code (a value written in the plan and kept as it is) stays as it is."""
    if not codes:
        return codes
    words = []
    for code in codes.split("+"):
        try:
            words.append(kind(code).vi)
        except ValueError:
            return codes
    return " + ".join(words)


def _finding_text(f: RowFinding, lang: str) -> str:
    column = f.where(lang)
    where = f" [{column}]" if column else ""
    clause = f.citation(lang)
    cite = f" ({clause})" if clause else ""
    severity = label("severity", f.severity, lang)
    return f"{severity}:{f.code}{where}: {f.message(lang)}{cite}"


def _findings_text(findings: tuple[RowFinding, ...], lang: str) -> str:
    return " | ".join(_finding_text(f, lang) for f in findings)


def _safe(text: str | None) -> str | None:
    """A text cell neutralised for a spreadsheet (see :mod:`.safe`); ``None`` stays empty."""
    if text is None or not text.startswith(FORMULA_STARTS):
        return text
    return "'" + text


def _row_cells(r: RowResult, lang: str) -> list[Any]:
    # The columns of report.record, written straight from the result: the csv writer writes
    # None as an empty cell and numbers and dates as str() does (ISO dates); text from the
    # data goes through _safe.
    findings = r.findings
    allowed, if_eligible = allowed_shown(r)
    return _cells(
        [
            r.row,
            _safe(r.proposal_code),
            _safe(r.title),
            r.status,
            r.funding,
            _safe(r.province),
            r.year,
            _safe(r.content),
            _safe(r.item),
            r.cost,
            r.requested,
            r.counterpart,
            allowed,
            if_eligible,
            r.as_of,
            worst(findings) if findings else "",
            _safe(_findings_text(findings, lang)) if findings else "",
        ],
        lang,
    )


def _replaced(text: str, old: Mapping[str, str], new: Mapping[str, str]) -> str:
    """``text`` with each stand-in of ``old`` (by field) as the text of ``new`` (none: empty),
    as :func:`.columnar_blocks._swapped` does in a parameter."""
    for field, stand_in in old.items():
        if stand_in in text:
            text = text.replace(stand_in, new.get(field, ""))
    return text


_Prepared = tuple[list[Any], list[Any], tuple[tuple[int, str], ...]]
_FINDINGS: Final = COLUMNS.index("findings") - COLUMNS.index("as_of")
"""Where the findings' cell is in the cells from the date on."""


def _prepared(line: _Line, lang: str) -> _Prepared:
    """The cells a row read from ``line`` shares with every such row (from status to item,
    from the date to the end — its findings' text as on a row whose findings name nothing of
    its proposal), and the text of each finding for a row whose findings name a free text or
    a row (as the JSON writer's, :func:`.jsonrows._prepared`)."""
    key = ("csv", lang)
    found: _Prepared | None = line.prepared.get(key)
    if found is not None:
        return found
    r = line.result
    template = _row_cells(r, lang)
    findings = r.findings
    middle = template[_STATUS : COLUMNS.index("cost")]
    after = template[COLUMNS.index("as_of") :]
    texts = [_finding_text(f, lang) for f in findings]
    pieces: list[tuple[int, str]] = []
    for (_f, names, refs), text, other in zip(line.swaps, texts, line.second.findings, strict=True):
        if not names and not refs:
            pieces.append((0, text))
        elif not refs and _replaced(text, line.free, line.second_free) == _finding_text(
            other, lang
        ):
            pieces.append((1, text))
        else:
            pieces.append((2, ""))
    found = line.prepared[key] = (middle, after, tuple(pieces))
    return found


def _own_cell(
    line: _Line,
    pieces: tuple[tuple[int, str], ...],
    row: int,
    own: tuple[Mapping[str, str], list[int]],
    lang: str,
) -> str | None:
    """The findings' cell of a row whose findings name its proposal (:meth:`_Line.own_parts`)."""
    parts = line.own_parts(pieces, row, own, _replaced, lambda f: _finding_text(f, lang))
    return _safe(" | ".join(parts))


def _text_cell(text: str | None) -> str:
    """A code or title as the CSV text of its cell."""
    return _cell(_safe(text))


def _block_cells(block: RowBlock, lang: str) -> Iterator[list[Any]]:
    """The cells of each row of ``block`` (as :func:`_row_cells` makes them: the XLSX report's
    rows; the CSV report writes a block's rows as bytes, :func:`_block_bytes`)."""
    key = ("csv", lang)
    for line, row, code_cell, title_cell, cost, requested, counterpart, allowed, own in block.each(
        _safe
    ):
        middle, after, pieces = line.prepared.get(key) or _prepared(line, lang)
        if own is not None:
            after = after[:]
            after[_FINDINGS] = _own_cell(line, pieces, row, own, lang)
        shown = line.shown
        yield (
            [
                row,
                code_cell,
                title_cell,
                *middle,
                cost,
                requested,
                counterpart,
                allowed if shown == 1 else None,
                allowed if shown == 2 else None,
                *after,
            ]
        )


_QUOTED: Final = frozenset(',"\r\n')
"""What makes :mod:`csv`'s writer (the ``excel`` dialect, minimal quoting) quote a cell: the
delimiter, the quote, a line break."""

_CSV_BLOCK: Final = 1000
"""Rows of a block written at once."""


def _cell(text: str | None) -> str:
    """A text cell as :mod:`csv`'s writer writes it in a row of several cells."""
    if text is None:
        return ""
    if _QUOTED.isdisjoint(text):
        return text
    return '"' + text.replace('"', '""') + '"'


def _joined(cells: list[Any]) -> str:
    """``cells`` (at least two) as :mod:`csv`'s writer writes them, without the line end."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(cells)  # its line end "\r\n" (which it quotes a cell for)
    return buffer.getvalue()[:-2]


_Texts = tuple[str, str, str, str]


def _texts(line: _Line, lang: str) -> _Texts:
    """The CSV text of the cells a row read from ``line`` shares with every such row: from
    status to item, from the date to the end, and the cells before and after the findings'
    cell (for a row whose findings name something of its proposal); each with the comma
    before it."""
    key = ("csv-text", lang)
    found: _Texts | None = line.prepared.get(key)
    if found is not None:
        return found
    middle, after, _ = line.prepared.get(("csv", lang)) or _prepared(line, lang)
    before = after[:_FINDINGS]
    rest = after[_FINDINGS + 1 :]
    found = line.prepared[key] = (
        "," + _joined(middle),
        "," + _joined(after),
        "," + _joined([*before, "x"])[:-1],
        _joined(["x", *rest])[1:] if rest else "",
    )
    return found


def _block_bytes(block: RowBlock, lang: str, errors: str) -> Iterator[bytes]:
    """The CSV text of each row of ``block`` in UTF-8 (as the writer writes :func:`_row_cells`'s
    cells, with its line end): a template line's shared cells encoded once, a row's own
    (number, code, title, amounts) put in as bytes."""
    key = ("csv " + errors, lang)

    def encode(text: str | None) -> bytes:
        return _text_cell(text).encode("utf-8", errors)

    for line, row, code_cell, title_cell, cost, requested, counterpart, allowed, own in block.each(
        encode
    ):
        coded: tuple[bytes, bytes] | None = line.prepared.get(key)
        if coded is None:
            middle, after, _, _ = _texts(line, lang)
            coded = line.prepared[key] = (
                middle.encode("utf-8", errors),
                after.encode("utf-8", errors),
            )
        if own is None:
            after_cells = coded[1]
        else:
            _, _, before, rest = _texts(line, lang)
            pieces = line.prepared[("csv", lang)][2]
            own_cell = _cell(_own_cell(line, pieces, row, own, lang))
            after_cells = f"{before}{own_cell}{rest}".encode("utf-8", errors)
        amounts = placed(line, allowed, b",,", (b",%d,", b",,%d"))
        yield b"%d,%b,%b%b,%b,%b,%b%b%b\r\n" % (
            row,
            code_cell,
            title_cell,
            coded[0],
            b"" if cost is None else b"%d" % cost,
            b"" if requested is None else b"%d" % requested,
            b"" if counterpart is None else b"%d" % counterpart,
            amounts,
            after_cells,
        )


_TEXT_MAX: Final = 1 << 20
"""Characters of rows written by :mod:`csv`'s writer held before they are passed on."""


def write_csv(
    write: Callable[[bytes], object],
    results: Iterable[RowResult | RowBlock | FrameBlock],
    lang: str,
    errors: str = "strict",
) -> None:
    """Write the row table (its header in ``lang``, then each row) as CSV, in UTF-8 (``errors``
    as for :meth:`str.encode`), passing it to ``write`` in blocks: the header and the rows not
    read from a template as :mod:`csv`'s writer writes them, a :class:`RowBlock`'s rows from
    its columns (:func:`_block_bytes`)."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(columns(lang))

    def pass_text() -> None:
        if text.tell():
            write(text.getvalue().encode("utf-8", errors))
            text.seek(0)
            text.truncate()

    for r in results:
        if type(r) is RowResult:
            writer.writerow(_row_cells(r, lang))
            if text.tell() >= _TEXT_MAX:
                pass_text()
            continue
        assert not isinstance(r, RowResult)
        pass_text()
        if type(r) is not RowBlock and r.csv_rows(lang, write):  # type: ignore[union-attr]
            continue  # a FrameBlock's rows, made by polars
        rows: list[bytes] = []
        for data in _block_bytes(as_row_block(r), lang, errors):
            rows.append(data)
            if len(rows) >= _CSV_BLOCK:
                write(b"".join(rows))
                rows.clear()
        if rows:
            write(b"".join(rows))
    pass_text()
