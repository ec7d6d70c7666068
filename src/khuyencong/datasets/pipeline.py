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

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final, Literal

import attrs
from pydantic import ValidationError

from ..errors import AmountParseError, KhuyenCongError
from ..l10n.catalog import Text
from ..l10n.errors import FieldError, reason_of
from ..rules.findings import Finding
from ..rules.findings import Severity as EngineSeverity
from ..schemas.proposal import Proposal
from .columns import FIELDS, ColumnMapping
from .findings import SEVERITY_ORDER, RowFinding, Severity, finding, pickled_by_fields
from .layout import AMOUNT_FIELDS, LAYOUT_STATUSES, scaled_amount, unit_in_text
from .readers import RawRow, Table
from .structure import Structure, not_stated_findings, prepare
from .values import (
    CONVERTERS,
    EXCEL_ERRORS,
    clean_cell,
    commune_kind_from_name,
    district_kind_from_name,
)

__all__ = ["PASSING_STATUSES", "Assessor", "Grouping", "RowResult", "default_as_of", "process"]

Assessor = Callable[[Proposal, date], Any]
"""Assess one proposal as of a date; returns an object shaped like ``khuyencong.Assessment``."""

Grouping = Literal["consecutive", "all"]

_ZERO: Final = Decimal(0)

PASSING_STATUSES: Final = frozenset({"blank", "valid", "eligible"}) | LAYOUT_STATUSES
"""Statuses of rows that pass when they carry no finding beyond ``info``: blank rows, valid or
eligible proposals, and the layout rows of a plan table (see
:data:`~.layout.LAYOUT_STATUSES`)."""

LINE_FIELDS: Final = frozenset(
    {
        "item",
        "line_description",
        "units",
        "cost",
        "requested",
        "national_amount",
        "local_amount",
        "counterpart",
        "other_sources",
    }
)
_PROPOSAL_FIELD_SET: Final = frozenset(FIELDS) - LINE_FIELDS - {"contents"}
_FIELD_RANK: Final = {field: rank for rank, field in enumerate(FIELDS)}
_MODEL_TO_FIELD: Final = {
    "beneficiaries": "beneficiary",
    "locations": "province",
    "budget_lines": "item",
}
_LINE_MODEL_TO_FIELD: Final = {"description": "line_description"}
_BENEFICIARY_TO_FIELD: Final = {
    "name": "beneficiary",
    "kind": "beneficiary_kind",
    "tax_code": "tax_code",
    "industries": "industries",
    "enterprise_size": "enterprise_size",
}
_PLACE_TO_FIELD: Final = {"attributes": "area_attributes"}


def _field_of(loc: tuple[int | str, ...]) -> str:
    """The dataset field a validation error of a proposal (outside its budget lines) is about."""
    head = str(loc[0]) if loc else ""
    if head == "funding" and len(loc) > 1 and loc[1] == "level":
        return "funding_level"
    place: tuple[int | str, ...] | None = None
    if head == "beneficiaries" and len(loc) > 2:
        key = str(loc[2])
        if key in ("production_site", "registered_office"):
            place = loc[3:]
        else:
            return _BENEFICIARY_TO_FIELD.get(key, "beneficiary")
    elif head == "locations":
        place = loc[2:]
    if place is not None:
        # Skip the geography tag of the discriminated union ("pre2025" or "2025").
        keys = [str(k) for k in place if k not in ("pre2025", "2025")]
        key = keys[0] if keys else "province"
        key = _PLACE_TO_FIELD.get(key, key)
        return key if key in FIELDS else "province"
    return _MODEL_TO_FIELD.get(head, head)


@pickled_by_fields
@attrs.frozen(slots=True)
class RowResult:
    """The outcome for one input row.

    ``status`` is ``"blank"`` (an empty row), a layout status of a plan table (``"section"``,
    ``"subtotal"``, ``"total"``, ``"footer"``: not a proposal, never counted in the totals; a
    subtotal or total carries the finding of its check), ``"invalid"`` (the row or its proposal has data
    errors), ``"valid"`` (the data is valid; not assessed), or the assessment's status
    (``"eligible"``, ``"ineligible"``, ``"not_assessable"``).  Amounts are whole đồng as read from
    the row's budget line; ``allowed`` is what the rules allow for that line (``None`` when not
    assessed).  Proposal-level findings are attached to the row they point at, else to the first
    row of the proposal.  ``unreadable`` names the amounts of the row (``"cost"``,
    ``"requested"``, ``"counterpart"``) whose cell could not be read: they are ``None`` here,
    never a computed stand-in, and the summary's totals leave them out.
    """

    row: int
    status: str
    proposal_code: str | None = None
    title: str | None = None
    funding: str | None = None
    province: str | None = None
    year: int | None = None
    content: str | None = None
    item: str | None = None
    cost: Decimal | None = None
    requested: Decimal | None = None
    counterpart: Decimal | None = None
    allowed: Decimal | None = None
    as_of: date | None = None
    first_of_proposal: bool = True
    findings: tuple[RowFinding, ...] = ()
    unreadable: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the row passed: blank, valid or eligible, with no error or warning."""
        return self.status in PASSING_STATUSES and not any(
            f.severity != "info" for f in self.findings
        )


@pickled_by_fields
@attrs.define(slots=True)
class _Parsed:
    number: int
    values: dict[str, Any]
    headers: dict[str, str]
    findings: list[RowFinding]
    bad: set[str]
    blank: bool = False
    model: Mapping[str, Any] | None = None
    kind: str | None = None
    """A layout row's status (``section``, ``subtotal``, ``total``, ``footer``), else ``None``."""
    damaged: bool = False

    @property
    def has_line(self) -> bool:
        return not (LINE_FIELDS.isdisjoint(self.values) and LINE_FIELDS.isdisjoint(self.bad))


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
            if not parsed.blank and not parsed.damaged:
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


def _groups(rows: Iterator[_Parsed], grouping: Grouping) -> Iterator[list[_Parsed]]:
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
    seen: dict[str, int] = {}
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


def _merge(group: list[_Parsed]) -> tuple[dict[str, Any], dict[str, _Parsed], list[str]]:
    """The proposal-level values of a group of rows, the row each came from, and the activity
    contents of all its rows (in order, without repeats).

    The first row giving a field wins; a later row with a different value gets a
    ``conflicting_value`` warning (a row's warnings in the order of :data:`FIELDS`).
    """
    values: dict[str, Any] = {}
    source: dict[str, _Parsed] = {}
    contents: list[str] = []
    for row in group:
        conflicts: list[str] = []
        for field, value in row.values.items():
            if field not in _PROPOSAL_FIELD_SET:
                continue
            if field not in values:
                values[field] = value
                source[field] = row
            elif value != values[field]:
                conflicts.append(field)
        for field in sorted(conflicts, key=_FIELD_RANK.__getitem__):
            row.findings.append(
                finding(
                    "conflicting_value",
                    row.number,
                    row.headers.get(field),
                    detail=str(source[field].number),
                )
            )
        for content in row.values.get("contents", ()):
            if content not in contents:
                contents.append(content)
    return values, source, contents


@attrs.define(slots=True)
class _Line:
    row: _Parsed
    data: dict[str, Any]
    headers: dict[str, str]


class _Builder:
    """Builds, validates and assesses the proposal of one group of rows."""

    def __init__(
        self,
        assessor: Assessor | None,
        as_of: date | None,
        has_item_column: bool,
        plan_layout: bool = False,
    ) -> None:
        self.assessor = assessor
        self.as_of = as_of
        self.has_item_column = has_item_column
        # A plan table (numbered rows) states neither item nor beneficiary kind: never guessed.
        self.plan_layout = plan_layout

    def results(self, group: list[_Parsed]) -> Iterator[RowResult]:
        """The results of a group, in file order; an unreadable line in it is reported on its
        own and takes no part in the proposal around it."""
        if group[-1].damaged or (len(group) > 2 and any(r.damaged for r in group)):
            members = [r for r in group if not r.damaged]
            made = {r.row: r for r in self._results(members)} if members else {}
            for row in group:
                if row.damaged:
                    yield RowResult(row=row.number, status="invalid", findings=tuple(row.findings))
                else:
                    yield made[row.number]
            return
        yield from self._results(group)

    def _results(self, group: list[_Parsed]) -> Iterator[RowResult]:
        first = group[0]
        if first.blank:
            yield RowResult(row=first.number, status="blank")
            return
        if first.model is not None:
            yield from self._model_result(first, first.model)
            return
        if first.kind is not None:
            yield self._layout_result(first)
            return
        values, source, contents = _merge(group)
        not_stated: list[RowFinding] = []
        if self.plan_layout:
            not_stated = not_stated_findings(
                first.number, not self.has_item_column, "beneficiary" in source, source
            )
            first.findings.extend(not_stated)
        if "beneficiary" in source and "beneficiary_kind" not in source and not self.plan_layout:
            row = source["beneficiary"]
            row.findings.append(
                finding("beneficiary_kind_missing", row.number, row.headers.get("beneficiary"))
            )
        elif "beneficiary" not in source:
            for key in ("industries", "enterprise_size"):
                if key in source:
                    row = source[key]
                    row.findings.append(
                        finding("beneficiary_missing", row.number, row.headers.get(key))
                    )
                    break
        funding = self._funding(values, group)
        lines = [self._line(row, funding) for row in group if row.has_line]
        # A line with an unreadable cell is shown in the report but kept out of the proposal.
        valid_lines = [ln for ln in lines if LINE_FIELDS.isdisjoint(ln.row.bad)]
        data = self._proposal_data(values, contents, funding, valid_lines)
        proposal: Proposal | None = None
        try:
            proposal = Proposal.model_validate(data)
        except ValidationError as exc:
            self._locate_errors(exc, group, source, valid_lines)
        errors = any(f.severity == "error" for row in group for f in row.findings)
        status = "invalid"
        allowed: dict[int, Decimal] = {}
        as_of: date | None = None
        if proposal is not None and not errors and not_stated:
            status = "not_assessable"
        elif proposal is not None and not errors:
            status, allowed, _, as_of = self._assess(proposal, group, valid_lines, source)
        yield from self._row_results(
            group, values, contents, funding, lines, status, allowed, as_of
        )

    # -- pieces -------------------------------------------------------------------------------

    @staticmethod
    def _layout_result(row: _Parsed) -> RowResult:
        """A section, subtotal, total or footer row: shown with its status and findings, never a
        proposal, its amounts left out (they are checked, not added)."""
        values = row.values
        contents = values.get("contents")
        return RowResult(
            row=row.number,
            status=row.kind or "section",
            title=values.get("title") if type(values.get("title")) is str else None,
            funding=values.get("funding"),
            content="+".join(contents) if contents else None,
            first_of_proposal=False,
            findings=tuple(row.findings),
        )

    def _funding(self, values: dict[str, Any], group: list[_Parsed]) -> str | None:
        if "funding" in values:
            return str(values["funding"])
        national = any(r.values.get("national_amount") for r in group)
        local = any(r.values.get("local_amount") for r in group)
        if national and local:
            group[0].findings.append(
                finding(
                    "amount_mismatch",
                    group[0].number,
                    detail="both national (KCQG) and local (KCĐP) amounts, no funding column",
                    detail_vi="có cả kinh phí KCQG và KCĐP mà không có cột Nguồn kinh phí",
                )
            )
            return None
        if national:
            return "national"
        if local:
            return "local"
        return None

    def _line(self, row: _Parsed, funding: str | None) -> _Line:
        v = row.values
        data: dict[str, Any] = {}
        headers: dict[str, str] = {}
        for field, key in (
            ("item", "item"),
            ("line_description", "description"),
            ("units", "units"),
            ("counterpart", "counterpart"),
            ("other_sources", "other_sources"),
        ):
            if field in v:
                data[key] = v[field]
                headers[key] = row.headers[field]
        if "item" not in data and not self.has_item_column:
            data["item"] = "other"
        if "requested" in v:
            data["requested"] = v["requested"]
            headers["requested"] = row.headers["requested"]
        else:
            own, other = (
                ("national_amount", "local_amount")
                if funding == "national"
                else ("local_amount", "national_amount")
            )
            if funding is not None and own in v:
                data["requested"] = v[own]
                headers["requested"] = row.headers[own]
            if funding is not None and v.get(other):
                row.findings.append(
                    finding(
                        "amount_mismatch",
                        row.number,
                        row.headers[other],
                        detail=f"an amount under {row.headers[other]} on a {funding} proposal",
                        detail_vi=f"có số tiền ở cột {row.headers[other]} nhưng đề án dùng "
                        + ("kinh phí KCQG" if funding == "national" else "kinh phí KCĐP"),
                    )
                )
        if "cost" in v:
            data["cost"] = v["cost"]
            headers["cost"] = row.headers["cost"]
        elif "requested" in data and "cost" not in row.bad:
            # No cost given (not an unreadable one): the sum of the sources, said so.
            data["cost"] = (
                data["requested"] + data.get("counterpart", 0) + data.get("other_sources", 0)
            )
            row.findings.append(finding("cost_derived", row.number))
        return _Line(row, data, headers)

    def _proposal_data(
        self,
        values: dict[str, Any],
        contents: list[str],
        funding: str | None,
        lines: list[_Line],
    ) -> dict[str, Any]:
        data: dict[str, Any] = {
            key: values[key]
            for key in (
                "code",
                "title",
                "plan_year",
                "kind",
                "implementing_unit",
                "start_date",
                "end_date",
                "approved_on",
                "state",
                "procurement",
                "priority_factor",
            )
            if key in values
        }
        if funding is not None:
            source: dict[str, Any] = {"kind": funding}
            if funding == "local":
                if "funding_level" in values:
                    source["level"] = values["funding_level"]
                if "province" in values:
                    source["province"] = values["province"]
            data["funding"] = source
        if contents:
            data["contents"] = tuple(contents)
        for key in ("counterpart_committed", "no_other_state_funding"):
            if key in values:
                data[key] = values[key]
        location = _location(values)
        if location is not None:
            data["locations"] = (location,)
        if "beneficiary" in values and "beneficiary_kind" in values:
            beneficiary: dict[str, Any] = {
                "name": values["beneficiary"],
                "kind": values["beneficiary_kind"],
            }
            for key in ("tax_code", "industries", "enterprise_size"):
                if key in values:
                    beneficiary[key] = values[key]
            if location is not None:
                beneficiary["production_site"] = location
            data["beneficiaries"] = (beneficiary,)
        data["budget_lines"] = tuple(line.data for line in lines)
        return data

    def _locate_errors(
        self,
        exc: ValidationError,
        group: list[_Parsed],
        source: dict[str, _Parsed],
        lines: list[_Line],
    ) -> None:
        seen: set[tuple[int, str, str]] = set()
        for error in exc.errors(include_url=False):
            loc = error["loc"]
            message = str(error["msg"]).removeprefix("Value error, ")
            row, header, field = group[0], None, str(loc[0]) if loc else ""
            if field == "budget_lines" and len(loc) >= 2 and isinstance(loc[1], int):
                line = lines[loc[1]]
                row = line.row
                key = str(loc[2]) if len(loc) > 2 else ""
                header = line.headers.get(key)
                field = _LINE_MODEL_TO_FIELD.get(key, key) or "item"
            else:
                field = _field_of(loc)
                if field in source:
                    row = source[field]
                    header = row.headers.get(field)
            if field in row.bad:
                continue  # the cell was already reported as unreadable
            if (row.number, field, message) in seen:
                continue  # the place is both the proposal's location and the production site
            seen.add((row.number, field, message))
            row.findings.append(
                finding("invalid", row.number, header, detail=FieldError.of(error, (field,)))
            )

    def _assess(
        self,
        proposal: Proposal,
        group: list[_Parsed],
        lines: list[_Line],
        source: Mapping[str, _Parsed] | None = None,
    ) -> tuple[str, dict[int, Decimal], Decimal | None, date | None]:
        """Assess a valid proposal: its status, the allowed support by row number of each
        computed line, the total allowed (``None`` when no line was computed) and the date.

        Reads :class:`khuyencong.Assessment`: an ineligible proposal is allowed nothing (its
        lines show 0, as ``Assessment.support`` is 0); a line whose level is not encoded or
        needs an input has no allowed amount (not known, never 0), and then neither has the
        proposal's total.  Findings go to the row they are about: a budget
        line's to that line's row, a beneficiary's to the row naming it, others to the first.
        """
        if self.assessor is None:
            return "valid", {}, None, None
        as_of = self.as_of or default_as_of(proposal)
        first = group[0]
        try:
            assessment = self.assessor(proposal, as_of)
        except (KhuyenCongError, ValueError) as exc:
            first.findings.append(finding("assessment_failed", first.number, detail=str(exc)[:300]))
            return "not_assessable", {}, None, as_of
        status = str(getattr(assessment, "status", "not_assessable"))
        ineligible = status == "ineligible"
        allowed: dict[int, Decimal] = {}
        total: Decimal | None = None
        unknown = False
        for position, result in enumerate(getattr(assessment, "lines", ()) or ()):
            value = getattr(result, "allowed", None)
            if value is None and not ineligible:
                unknown = True
            if value is None:
                continue
            amount = _ZERO if ineligible else Decimal(value)
            total = amount if total is None else total + amount
            index = getattr(result, "index", position)
            if isinstance(index, int) and 0 <= index < len(lines):
                allowed[lines[index].row.number] = amount
        beneficiary_row = (source or {}).get("beneficiary", first)
        for item in getattr(assessment, "findings", ()) or ():
            row = first
            line = getattr(item, "line", None)
            if isinstance(line, int) and 0 <= line < len(lines):
                row = lines[line].row
            elif getattr(item, "beneficiary", None) is not None:
                row = beneficiary_row
            row.findings.append(_engine_finding(item, row.number))
        return status, allowed, None if unknown else total, as_of

    def _row_results(
        self,
        group: list[_Parsed],
        values: dict[str, Any],
        contents: list[str],
        funding: str | None,
        lines: list[_Line],
        status: str,
        allowed: dict[int, Decimal],
        as_of: date | None,
    ) -> Iterator[RowResult]:
        line_by_row = {ln.row.number: ln for ln in lines}
        province = values.get("province")
        if province is None and "province_code" in values:
            province = str(values["province_code"])
        code = values.get("code")
        title = values.get("title")
        year = values.get("plan_year")
        proposal_content = "+".join(contents) if contents else None
        # In a plan table without an item column the item given to validation is a placeholder.
        placeholder_free = self.has_item_column or not self.plan_layout
        for index, row in enumerate(group):
            line = line_by_row.get(row.number)
            # The amounts and item of the budget line as built, else as read.
            amounts = row.values if line is None else line.data
            own = row.values.get("contents")
            yield RowResult(
                row=row.number,
                status=status,
                proposal_code=code,
                title=title,
                funding=funding,
                province=province,
                year=year,
                content="+".join(own) if own else proposal_content,
                item=amounts.get("item") if placeholder_free else row.values.get("item"),
                cost=amounts.get("cost"),
                requested=amounts.get("requested"),
                counterpart=amounts.get("counterpart"),
                allowed=allowed.get(row.number),
                as_of=as_of,
                first_of_proposal=index == 0,
                findings=tuple(row.findings),
                unreadable=_unreadable(row.bad) if row.bad else (),
            )

    def _model_result(self, row: _Parsed, model: Mapping[str, Any]) -> Iterator[RowResult]:
        proposal: Proposal | None = None
        try:
            proposal = Proposal.model_validate(model)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                where = ".".join(str(x) for x in error["loc"])
                row.findings.append(
                    finding("invalid", row.number, where, detail=FieldError.of(error))
                )
        status, allowed_total, as_of = "invalid", None, None
        code = model.get("code") if isinstance(model.get("code"), str) else None
        if proposal is not None:
            status, _, allowed_total, as_of = self._assess(proposal, [row], [])
            yield RowResult(
                row=row.number,
                status=status,
                proposal_code=proposal.code,
                title=proposal.title,
                funding=proposal.funding.kind.value,
                province=proposal.funding.province,
                year=proposal.plan_year,
                content="+".join(c.value for c in proposal.contents) or None,
                item=None,
                cost=proposal.total_cost,
                requested=proposal.total_requested,
                counterpart=None,
                allowed=allowed_total,
                as_of=as_of,
                findings=tuple(row.findings),
            )
            return
        yield RowResult(
            row=row.number, status=status, proposal_code=code, findings=tuple(row.findings)
        )


_SEVERITIES: Final[dict[str, Severity]] = {
    EngineSeverity.ERROR: "error",
    EngineSeverity.UNDETERMINED: "undetermined",
    EngineSeverity.WARNING: "warning",
    EngineSeverity.INFO: "info",
}
"""The engine's severities as the plain strings of row findings."""


def _citation_texts(citation: Any) -> tuple[str | None, str | None, str | None]:
    """A citation's Vietnamese and English text and its key (a :class:`khuyencong.Citation`
    renders each once); a plain string is taken as the text in both languages."""
    if citation is None:
        return None, None, None
    if isinstance(citation, str):
        return citation, citation, None
    key = getattr(citation, "key", None)
    return (
        str(getattr(citation, "vi", citation)),
        str(getattr(citation, "en", citation)),
        None if key is None else str(key),
    )


def _engine_text(item: Finding) -> tuple[Mapping[str, Any], str | None]:
    """The parameters and catalogue key of an engine finding's text."""
    params = getattr(item, "params", None)
    if params is not None:
        return params, getattr(item, "key", None)
    return {"text": Text(item.message_vi, item.message_en)}, "finding.verbatim"


def _engine_finding(item: Any, row: int) -> RowFinding:
    """Adapt a finding of the rule engine (:class:`khuyencong.Finding`) to a row finding: its
    code, severity (``error``, ``undetermined``, ``warning``, ``info``), messages in both
    languages, the clause it cites (:class:`khuyencong.Citation` ``.vi``, ``.en``, ``.key``; a
    plain string is taken as the Vietnamese citation) and the budget line it is about.

    The engine's own findings are read field by field; anything else that looks like one (from
    a custom assessor) is read defensively."""
    if type(item) is Finding:
        cite_vi, cite_en, key = _citation_texts(item.citation)
        return RowFinding(
            row,
            None,
            item.code,
            _SEVERITIES[item.severity],
            *_engine_text(item),
            cite_vi,
            cite_en,
            key,
            item.line,
        )
    method = getattr(item, "message", None)
    if callable(method):
        message_vi, message_en = str(method("vi")), str(method("en"))
    else:
        message_vi = str(getattr(item, "message_vi", "") or item)
        message_en = str(getattr(item, "message_en", "") or item)
    severity = str(getattr(item, "severity", "error"))
    if severity not in SEVERITY_ORDER:
        severity = "error"
    cite_vi, cite_en, key = _citation_texts(getattr(item, "citation", None))
    line = getattr(item, "line", None)
    return RowFinding(
        row=row,
        column=None,
        code=str(getattr(item, "code", "rule")),
        severity=severity,  # type: ignore[arg-type]
        params={"text": Text(message_vi, message_en)},
        key="finding.verbatim",
        citation_vi=cite_vi,
        citation_en=cite_en,
        citation_key=key,
        line=line if isinstance(line, int) else None,
    )


_AMOUNT_OF: Final = {
    "cost": "cost",
    "requested": "requested",
    "national_amount": "requested",
    "local_amount": "requested",
    "counterpart": "counterpart",
}


def _unreadable(bad: set[str]) -> tuple[str, ...]:
    """The report's amounts that an unreadable cell of ``bad`` leaves unknown."""
    return tuple(
        a
        for a in ("cost", "requested", "counterpart")
        if any(_AMOUNT_OF.get(field) == a for field in bad)
    )


def default_as_of(proposal: Proposal) -> date:
    """The date a proposal is assessed at when none is given: its approval date, else its start
    date, else 1 January of its plan year."""
    return proposal.approved_on or proposal.start_date or date(proposal.plan_year, 1, 1)


def _location(values: Mapping[str, Any]) -> dict[str, Any] | None:
    """The place of the proposal and its beneficiary's production site, in the geography the
    columns describe: 2025 codes, else a province name with its district and commune (their kinds
    from explicit columns, else from the conventional prefix of the name, else unknown)."""
    location: dict[str, Any]
    if "province_code" in values:
        location = {"geography": "2025", "province_code": values["province_code"]}
        if "ward_code" in values:
            location["ward_code"] = values["ward_code"]
    elif "province" in values:
        location = {"geography": "pre2025", "province": values["province"]}
        for key, kind, derive in (
            ("district", "district_kind", district_kind_from_name),
            ("commune", "commune_kind", commune_kind_from_name),
        ):
            if key in values:
                location[key] = values[key]
            if kind in values:
                location[kind] = values[kind]
            elif key in values:
                derived = derive(values[key])
                if derived is not None:
                    location[kind] = derived
        for key in ("city_class", "ward_converted_on"):
            if key in values:
                location[key] = values[key]
    else:
        return None
    if "area_attributes" in values:
        location["attributes"] = values["area_attributes"]
    return location


def process(
    table: Table,
    mapping: ColumnMapping,
    *,
    assessor: Assessor | None,
    as_of: date | None,
    grouping: Grouping,
    notes: list[RowFinding],
    workers: int = 1,
) -> Iterator[RowResult]:
    """Stream the results of every row of ``table``; file-level notes are added to ``notes``.

    With ``workers`` > 1, proposals are built, validated and assessed in that many processes
    (see :mod:`.workers`); the results and their order are the same.
    """
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
    groups = _groups(_parsed_rows(table, mapping, notes, structure), grouping)
    if workers > 1:
        from .workers import in_workers

        yield from in_workers(groups, builder, workers)
        return
    for group in groups:
        yield from builder.results(group)
