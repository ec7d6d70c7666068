"""From raw rows to per-row results: convert cells, group rows into proposals, validate each
proposal with :class:`~khuyencong.Proposal`, and hand it to the assessor.

Grouping (streaming trade-off): rows of a proposal are grouped while they are *consecutive*
(``grouping="consecutive"``, the default).  Memory stays flat whatever the file size, except a set
of the proposal codes already seen (tens of bytes per proposal) used to detect a code that comes
back after other proposals; such a row is reported as ``code_not_consecutive``.  A row with an
empty Mã đề án continues the proposal above it (Excel merged cells).  ``grouping="all"`` collects
every row first and groups by code wherever rows are: any order works, memory grows with the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from ..errors import AmountParseError
from ..l10n.errors import reason_of
from .build import Assessor, _Builder, default_as_of
from .columns import FIELDS, ColumnMapping
from .findings import RowFinding, finding
from .layout import AMOUNT_FIELDS, scaled_amount, unit_in_text
from .readers import RawRow, Table
from .rows import LINE_FIELDS, PASSING_STATUSES, RowResult, _Parsed
from .structure import Structure
from .titles import prepare
from .values import CONVERTERS, EXCEL_ERRORS, clean_cell

if TYPE_CHECKING:
    from .columnar_blocks import RowBlock
    from .columnar_frame import FrameBlock

__all__ = [
    "LINE_FIELDS",
    "PASSING_STATUSES",
    "Assessor",
    "Grouping",
    "RowResult",
    "default_as_of",
    "process",
]

Grouping = Literal["consecutive", "all"]

Engine = Literal["auto", "rows"]
"""How a table is evaluated: ``"auto"`` reads a tidy CSV file as columns
(:mod:`.columnar_check`) and anything else row by row; ``"rows"`` reads every source row by
row (the reference the columnar engine is tested against)."""

_SEEN_MAX: Final = 4096
"""Distinct cell texts a column remembers (see :meth:`_Column.read_text`) before starting afresh."""

_BLANK: Final = object()
"""What an empty cell reads as."""


@attrs.frozen(slots=True)
class _Problem:
    """Why a cell cannot be read: the finding to make, without its row, on each row holding it."""

    code: str
    detail: object
    detail_vi: str | None = None

    def at(self, row: int, header: str) -> RowFinding:
        """The finding on ``row`` under the column ``header``."""
        return finding(self.code, row, header, detail=self.detail, detail_vi=self.detail_vi)


@attrs.define(slots=True, eq=False)
class _Column:
    """A mapped column: its position, field, header as written and converter, and what the
    distinct CSV texts it held read as (a cache, so each is cleaned and converted once)."""

    position: int
    field: str
    header: str
    convert: Callable[[Any], Any]
    seen: dict[str, Any] = attrs.field(factory=dict)

    def read(self, value: Any) -> Any:
        """The field value of a cleaned, non-empty cell, or the :class:`_Problem` with it."""
        if type(value) is str and value in EXCEL_ERRORS:
            return _Problem("excel_error_value", value)
        try:
            return self.convert(value)
        except (AmountParseError, ValueError) as exc:
            return _Problem("bad_value", reason_of(exc))

    def read_text(self, text: str) -> Any:
        """What a CSV text cell reads as: :data:`_BLANK`, a field value or a :class:`_Problem`.

        Field values are immutable, so one can be shared by the rows holding the same text; a
        problem becomes a finding on each of them.  After :data:`_SEEN_MAX` distinct texts the
        column forgets them all, so memory stays flat on columns of unique values.
        """
        outcome = self.seen.get(text)
        if outcome is None:
            cleaned = clean_cell(text)
            outcome = _BLANK if cleaned is None else self.read(cleaned)
            if len(self.seen) >= _SEEN_MAX:
                self.seen.clear()
            self.seen[text] = outcome
        return outcome


@attrs.frozen(slots=True)
class _Plan:
    columns: tuple[_Column, ...]
    unnamed: frozenset[int]
    width: int


def _plan(
    headers: tuple[str, ...], mapping: ColumnMapping, table_unit: Any = None
) -> tuple[_Plan, list[RowFinding]]:
    """The mapped columns of ``headers``.  An amount column is read in the unit its header names,
    else in ``table_unit`` (a :class:`~.layout.Unit`), else in đồng."""
    resolved, problems = mapping.resolve(headers)
    notes: list[RowFinding] = []
    for _position, header, reason in problems:
        if reason == "unknown":
            notes.append(finding("unknown_column", None, header))
        else:
            notes.append(finding("duplicate_column", None, header, detail=reason.split(":", 1)[1]))
    units: dict[str, list[str]] = {}
    columns = []
    for position, field in sorted(resolved.items()):
        convert = CONVERTERS[field]
        if field in AMOUNT_FIELDS:
            unit = unit_in_text(headers[position]) or table_unit
            if unit is not None and unit.multiplier != 1:
                convert = scaled_amount(unit)
                units.setdefault(unit.name, []).append(headers[position])
        columns.append(_Column(position, field, headers[position], convert))
    for name, where in units.items():
        notes.append(finding("amount_unit", None, detail=f"{name} ({', '.join(where)})"))
    unnamed = frozenset(i for i, h in enumerate(headers) if not h.strip())
    return _Plan(tuple(columns), unnamed, len(headers)), notes


def _missing_columns(plan: _Plan, given: frozenset[str] = frozenset()) -> list[RowFinding]:
    """Required columns the table lacks; ``given`` are fields its layout supplies otherwise
    (a code from the numbering, a plan year or funding source from the title or sections)."""
    fields = {column.field for column in plan.columns} | given
    missing = [f for f in ("code", "title", "plan_year") if f not in fields]
    if not fields & {"funding", "national_amount", "local_amount"}:
        missing.append("funding")
    if not fields & {"requested", "national_amount", "local_amount"}:
        missing.append("requested")
    return [finding("missing_column", None, detail=FIELDS[f]) for f in missing]


def _filled(cell: Any, text: bool) -> bool:
    """Whether a cell holds a value (a CSV text cell: anything but spaces)."""
    return bool(cell.strip()) if text else cell is not None


def _parse(raw: RawRow, plan: _Plan) -> _Parsed:
    findings = list(raw.problems)
    if raw.damaged:
        return _Parsed(raw.number, {}, {}, findings, set(), damaged=True)
    if raw.model is not None:
        return _Parsed(raw.number, {}, {}, findings, set(), model=raw.model)
    cells = raw.cells
    text = raw.text
    values: dict[str, Any] = {}
    headers: dict[str, str] = {}
    bad: set[str] = set()
    width = len(cells)
    for column in plan.columns:
        if column.position >= width:
            continue
        value = cells[column.position]
        if text:
            # The cache lookup of read_text, inlined: this runs for every cell of a CSV file.
            outcome = column.seen.get(value)
            if outcome is None:
                outcome = column.read_text(value)
            if outcome is _BLANK:
                continue
        elif value is None:
            continue
        else:
            outcome = column.read(value)
        field = column.field
        headers[field] = column.header
        if type(outcome) is _Problem:
            findings.append(outcome.at(raw.number, column.header))
            bad.add(field)
        else:
            values[field] = outcome
    if width > plan.width or plan.unnamed:
        for position in range(width):
            if (position >= plan.width or position in plan.unnamed) and _filled(
                cells[position], text
            ):
                findings.append(finding("value_without_header", raw.number))
                break
    blank = not values and not bad and not findings and not any(_filled(c, text) for c in cells)
    if text and 0 < width < plan.width and not blank:
        findings.append(finding("ragged_row", raw.number, detail=str(width)))
    return _Parsed(raw.number, values, headers, findings, bad, blank=blank)


def _parsed_rows(
    table: Table, mapping: ColumnMapping, notes: list[RowFinding], structure: Structure | None
) -> Iterator[_Parsed]:
    if table.headers:
        unit = structure.unit if structure is not None else None
        plan, plan_notes = _plan(table.headers, mapping, unit)
        notes.extend(plan_notes)
        given = structure.given if structure is not None else frozenset()
        notes.extend(_missing_columns(plan, given))
    else:
        plan = _Plan((), frozenset(), 0)
    plans: dict[tuple[str, ...], _Plan] = {}
    if structure is not None and table.headers:
        for raw in table.rows:
            parsed = _parse(raw, plan)
            if not parsed.blank:
                structure.apply(raw.cells, parsed)
            yield parsed
        notes.extend(structure.closing_notes())
        return
    for raw in table.rows:
        if raw.headers is not None:
            row_plan = plans.get(raw.headers)
            if row_plan is None:
                row_plan, _ = _plan(raw.headers, mapping)
                if len(plans) < 4096:
                    plans[raw.headers] = row_plan
            yield _parse(raw, row_plan)
        else:
            yield _parse(raw, plan)


def _groups(
    rows: Iterator[_Parsed], grouping: Grouping, seen: dict[str, int] | None = None
) -> Iterator[list[_Parsed]]:
    if grouping == "all":
        ordered: dict[object, list[_Parsed]] = {}
        for index, row in enumerate(rows):
            code = row.values.get("code")
            key: object = code if code is not None else ("row", index)
            ordered.setdefault(key, []).append(row)
        yield from ordered.values()
        return
    current: list[_Parsed] = []
    current_code: str | None = None
    if seen is None:
        seen = {}
    for row in rows:
        if row.damaged:
            # An unreadable line rides along in file order without joining the proposal.
            if current:
                current.append(row)
            else:
                yield [row]
            continue
        if row.blank or row.model is not None or row.kind is not None:
            if current:
                yield current
                current, current_code = [], None
            yield [row]
            continue
        code = row.values.get("code")
        if code is None or code == current_code:
            if current:
                current.append(row)
            else:
                current = [row]
            continue
        if current:
            yield current
        first = seen.get(code)
        if first is not None:
            row.findings.append(finding("code_not_consecutive", row.number, detail=str(first)))
        else:
            seen[code] = row.number
        current, current_code = [row], code
    if current:
        yield current


def process(
    table: Table,
    mapping: ColumnMapping,
    *,
    assessor: Assessor | None,
    as_of: date | None,
    grouping: Grouping,
    notes: list[RowFinding],
    engine: Engine = "auto",
    blocks: bool = False,
) -> Iterator[RowResult | RowBlock | FrameBlock]:
    """Stream the results of every row of ``table``; file-level notes are added to ``notes``.

    With ``blocks``, the rows the columnar engine reads from templates come as
    :class:`.columnar_blocks.RowBlock` objects (columns), else as their rows."""
    notes.extend(table.notes)
    has_item_column = (
        any(mapping.field_for(h) == "item" for h in table.headers) or not table.headers
    )
    structure, layout_notes = prepare(table, mapping)
    notes.extend(layout_notes)
    plan_layout = structure is not None and structure.plan_layout
    if table.headers and not has_item_column and not plan_layout:
        notes.append(finding("no_item_column", None))
    builder = _Builder(assessor, as_of, has_item_column, plan_layout)
    if engine == "auto" and grouping == "consecutive":
        fast = _columnar(table, mapping, notes, structure, builder)
        if fast is not None:
            if blocks:
                yield from fast
                return
            for item in fast:
                if type(item) is RowResult:
                    yield item
                else:
                    assert not isinstance(item, RowResult)
                    yield from item.results()
            return
    groups = _groups(_parsed_rows(table, mapping, notes, structure), grouping)
    for group in groups:
        yield from builder.results(group)


def _columnar(
    table: Table,
    mapping: ColumnMapping,
    notes: list[RowFinding],
    structure: Structure | None,
    builder: _Builder,
) -> Iterator[RowResult | RowBlock | FrameBlock] | None:
    """The rows of ``table`` by the columnar engine, or ``None`` when it does not read it."""
    if table.origin is None or structure is None or not table.headers:
        return None
    rulebooks: Any = None
    if builder.assessor is not None:
        from . import _EngineAssessor

        if type(builder.assessor) is not _EngineAssessor:
            return None  # a custom assessor is called once per proposal, as documented
        rulebooks = builder.assessor.rulebooks
    try:
        from .columnar_check import columnar_results
    except ImportError:  # pragma: no cover - polars is a dependency
        return None
    plan, plan_notes = _plan(table.headers, mapping, structure.unit)
    results = columnar_results(table, plan, structure, builder, rulebooks)
    if results is None:
        return None
    notes.extend(plan_notes)
    notes.extend(_missing_columns(plan, structure.given))

    def rows() -> Iterator[RowResult | RowBlock | FrameBlock]:
        yield from results
        notes.extend(structure.closing_notes())

    return rows()
