"""Summaries of a dataset check: counts and sums by funding source, content, province and year."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..l10n.catalog import render
from ..schemas.codes import ActivityContent, FundingSourceKind
from .columnar_blocks import RowBlock
from .findings import RowFinding
from .layout import LAYOUT_STATUSES
from .pipeline import PASSING_STATUSES, RowResult

if TYPE_CHECKING:
    from .columnar_frame import FrameBlock

__all__ = [
    "DIMENSIONS",
    "Summary",
    "SummaryRow",
    "allowed_shown",
    "key_label",
    "status_counts",
]

DIMENSIONS: Final = ("funding", "content", "province", "year")
"""The dimensions a summary is broken down by."""

_ZERO: Final = Decimal(0)
_KEYS_MAX: Final = 4096

_Keys = tuple[str | None, str | None, str | None, int | None]
"""A row's funding source, content, province and year."""


def dimension_label(dimension: str, lang: str = "vi") -> str:
    """The heading of a summary dimension in ``lang``."""
    if dimension not in DIMENSIONS:
        raise KeyError(dimension)
    return render(f"dimension.{dimension}", None, lang)


def key_label(dimension: str, key: str, lang: str = "vi") -> str:
    """A readable label for a summary key: codes become their Vietnamese or English label."""
    if key == "":
        return render("dimension.none", None, lang)
    if dimension == "funding":
        try:
            return FundingSourceKind(key).label(lang)
        except ValueError:
            return key
    if dimension == "content":
        labels = []
        for part in key.split("+"):
            try:
                labels.append(ActivityContent(part).label(lang))
            except ValueError:
                labels.append(part)
        return " + ".join(labels)
    return key


@attrs.frozen(slots=True)
class SummaryRow:
    """Totals for one key of a dimension: proposals (counted under the key of their first row),
    rows, and the sums in whole đồng of cost, requested and allowed support.

    ``cost`` and ``requested`` sum the rows whose amount could be read; they are ``None`` (not
    known, shown "—"), never 0, when no row of the group has that amount (a group made only of
    damaged lines).  ``allowed`` follows the rule of :class:`Summary`."""

    key: str
    proposals: int
    rows: int
    cost: Decimal | None
    requested: Decimal | None
    allowed: Decimal | None
    allowed_unknown: int = 0
    """Assessed rows whose allowed support is not known (level not encoded, input missing,
    assessment failed): ``allowed`` is the sum of the known rows only, never a 0 added for them."""


@attrs.frozen(slots=True)
class Summary:
    """Counts and sums of a whole dataset check.

    ``rows`` counts every data row read (blank ones included, so rows in = rows out);
    ``allowed`` is ``None`` when no proposal was assessed.  It sums the allowed support of the
    rows of ``eligible`` proposals (and the 0 of ``ineligible`` ones); ``allowed_unknown`` counts
    the assessed rows whose allowed support is not known: a row of an eligible proposal whose
    level is not known, and every row of a ``not_assessable`` proposal — whose line amounts hold
    only if the proposal turns out eligible, so they are never added to the total (reports say
    "allowed: not known for N lines").  ``values_left_out`` counts the
    amounts (cost, requested, counterpart) whose cell could not be read: the totals leave them
    out rather than count a stand-in.
    """

    source: str
    rows: int
    blank_rows: int
    proposals: int
    rows_by_status: Mapping[str, int]
    proposals_by_status: Mapping[str, int]
    findings_by_severity: Mapping[str, int]
    findings_by_code: Mapping[str, int]
    cost: Decimal
    requested: Decimal
    allowed: Decimal | None
    assessed: bool
    tables: Mapping[str, tuple[SummaryRow, ...]]
    notes: tuple[RowFinding, ...]
    allowed_unknown: int = 0
    values_left_out: int = 0

    @property
    def ok(self) -> bool:
        """True when every row is blank, eligible (or valid, when not assessed) and no finding
        beyond ``info`` was made: the command line's exit code 0."""
        bad_status = any(s not in PASSING_STATUSES for s in self.rows_by_status)
        bad_note = any(n.severity != "info" for n in self.notes)
        problems = sum(n for s, n in self.findings_by_severity.items() if s != "info")
        return not bad_status and not bad_note and problems == 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; amounts are strings of whole đồng so that no digit is lost."""

        def money(value: Decimal | None) -> str | None:
            return None if value is None else str(value)

        return {
            "source": self.source,
            "rows": self.rows,
            "blank_rows": self.blank_rows,
            "proposals": self.proposals,
            "rows_by_status": dict(self.rows_by_status),
            "proposals_by_status": dict(self.proposals_by_status),
            "findings_by_severity": dict(self.findings_by_severity),
            "findings_by_code": dict(self.findings_by_code),
            "cost": money(self.cost),
            "requested": money(self.requested),
            "allowed": money(self.allowed),
            "allowed_unknown": self.allowed_unknown,
            "assessed": self.assessed,
            "values_left_out": self.values_left_out,
            "tables": {
                dimension: [
                    {
                        "key": r.key,
                        "proposals": r.proposals,
                        "rows": r.rows,
                        "cost": money(r.cost),
                        "requested": money(r.requested),
                        "allowed": money(r.allowed),
                        "allowed_unknown": r.allowed_unknown,
                    }
                    for r in rows
                ]
                for dimension, rows in self.tables.items()
            },
            "notes": [
                {
                    "code": n.code,
                    "severity": n.severity,
                    "column": n.column,
                    "row": n.row,
                    "message_vi": n.message_vi,
                    "message_en": n.message_en,
                }
                for n in self.notes
            ],
        }

    def to_pandas(self, dimension: str | None = None, lang: str = "vi") -> Any:
        """The summary tables as one tidy pandas DataFrame (needs ``khuyencong[pandas]``).

        One row per key of each dimension (``funding``, ``content``, ``province``, ``year``),
        or of ``dimension`` only: columns ``dimension``, ``key`` (the code), ``label`` (in
        ``lang``), ``proposals``, ``rows``, ``cost``, ``requested``, ``allowed`` and
        ``allowed_unknown``.  Amounts are whole đồng as pandas' nullable ``Int64`` integers,
        ready to sum and plot; ``allowed`` is ``<NA>`` — never 0 — where no proposal was
        assessed, and counts only the rows whose support is known (``allowed_unknown`` counts
        the others).  Amounts beyond the range of a 64-bit integer keep their exact ``Decimal``
        (dtype ``object``).
        """
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - depends on the environment
            from ..errors import DatasetError

            raise DatasetError("to_pandas needs pandas: pip install 'khuyencong[pandas]'") from None
        if dimension is not None and dimension not in DIMENSIONS:
            from ..errors import DatasetError

            raise DatasetError(f"no summary by {dimension!r}: one of {', '.join(DIMENSIONS)}")
        records = [
            {
                "dimension": name,
                "key": r.key,
                "label": key_label(name, r.key, lang),
                "proposals": r.proposals,
                "rows": r.rows,
                "cost": r.cost,
                "requested": r.requested,
                "allowed": r.allowed,
                "allowed_unknown": r.allowed_unknown,
            }
            for name in (DIMENSIONS if dimension is None else (dimension,))
            for r in self.tables[name]
        ]
        frame = pd.DataFrame.from_records(
            records,
            columns=[
                "dimension",
                "key",
                "label",
                "proposals",
                "rows",
                "cost",
                "requested",
                "allowed",
                "allowed_unknown",
            ],
        )
        for column in ("cost", "requested", "allowed"):
            values = [None if v is None else int(v) for v in frame[column]]
            if all(v is None or -(2**63) <= v < 2**63 for v in values):
                frame[column] = pd.array(values, dtype="Int64")
        return frame

    def _repr_html_(self) -> str:
        from .html import summary_html

        return summary_html(self, lang="vi")


class _Cell:
    __slots__ = ("allowed", "cost", "proposals", "requested", "rows", "unknown")

    def __init__(self) -> None:
        self.proposals = 0
        self.rows = 0
        self.cost: Decimal | None = None
        self.requested: Decimal | None = None
        self.allowed: Decimal | None = None
        self.unknown = 0


_ASSESSED: Final = frozenset({"eligible", "ineligible", "not_assessable"})
"""Row statuses that come from the rule engine: their allowed support is known or not known."""

_DECIDED: Final = frozenset({"eligible", "ineligible"})
"""Row statuses whose allowed support counts in the totals (see :class:`Summary`)."""


def status_counts(rows_by_status: Mapping[str, int], lang: str = "vi") -> str:
    """The rows counted by status, as the reports write them: "đủ điều kiện: 1.336, không đủ
    điều kiện: 664" ("eligible: 1,336, ineligible: 664"), statuses in their code order."""
    from ..l10n import label
    from ..l10n.formatting import format_count

    return ", ".join(
        f"{label('status', k, lang)}: {format_count(v, lang)}"
        for k, v in sorted(rows_by_status.items())
    )


def allowed_shown(result: RowResult) -> tuple[Decimal | None, Decimal | None]:
    """A row's allowed support as the row reports show it: ``(allowed, allowed_if_eligible)``.

    ``allowed`` is what the totals count (:class:`Summary`): the support of a row of an
    ``eligible`` proposal, the 0 of an ``ineligible`` one, ``None`` when it is not known.  A row
    of a ``not_assessable`` proposal has no known allowed support: the amount computed for its
    line holds only if the proposal turns out eligible, so it is ``allowed_if_eligible`` and
    ``allowed`` is ``None`` — the reports say so rather than show it as if known.  Every other
    row's ``allowed_if_eligible`` is ``None``.
    """
    status = result.status
    if status == "not_assessable":
        return None, result.allowed
    return (result.allowed if status in _DECIDED else None), None


class Accumulator:
    """Builds a :class:`Summary` while rows stream past (constant memory in the row count)."""

    def __init__(self, source: str, assessed: bool) -> None:
        self.source = source
        self.assessed = assessed
        self.rows = 0
        self.blank = 0
        self.proposals = 0
        self.rows_by_status: Counter[str] = Counter()
        self.proposals_by_status: Counter[str] = Counter()
        self.severity: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()
        self.cost = Decimal(0)
        self.requested = Decimal(0)
        self.allowed: Decimal | None = None
        self.left_out = 0
        self.unknown = 0
        self.cells: dict[str, dict[str, _Cell]] = {d: {} for d in DIMENSIONS}
        self._cells: dict[_Keys, tuple[_Cell, ...]] = {}

    def add(self, result: RowResult) -> None:
        """Count one row."""
        self.rows += 1
        status = result.status
        self.rows_by_status[status] += 1
        for item in result.findings:
            self.severity[item.severity] += 1
            self.codes[item.code] += 1
        if status == "blank":
            self.blank += 1
            return
        if status in LAYOUT_STATUSES:
            return  # a plan table's section, subtotal, total or footer row: not a proposal
        if result.unreadable:
            self.left_out += len(result.unreadable)
        first = result.first_of_proposal
        if first:
            self.proposals += 1
            self.proposals_by_status[status] += 1
        cost = result.cost
        requested = result.requested
        allowed = allowed_shown(result)[0]
        self.cost += cost or _ZERO
        self.requested += requested or _ZERO
        unknown = allowed is None and self.assessed and status in _ASSESSED
        if allowed is not None:
            self.allowed = (self.allowed or _ZERO) + allowed
        elif unknown:
            self.unknown += 1
        key = (result.funding, result.content, result.province, result.year)
        cells = self._cells.get(key)
        if cells is None:
            cells = self._cells_of(key)
        for cell in cells:
            cell.rows += 1
            if first:
                cell.proposals += 1
            if cost is not None:
                cell.cost = (cell.cost or _ZERO) + cost
            if requested is not None:
                cell.requested = (cell.requested or _ZERO) + requested
            if allowed is not None:
                cell.allowed = (cell.allowed or _ZERO) + allowed
            elif unknown:
                cell.unknown += 1

    def add_block(self, block: RowBlock | FrameBlock) -> None:
        """Count the rows of ``block`` as :meth:`add` counts each of them: by template line
        (whose status, findings and keys its rows share), their amounts summed in whole
        đồng."""
        if type(block) is not RowBlock:
            for line, n, cost, requested, allowed in block.tally():  # type: ignore[union-attr]
                self._add_line(
                    line.result,
                    n,
                    (Decimal(cost[0]), cost[1]),
                    (Decimal(requested[0]), requested[1]),
                    (Decimal(allowed[0]), allowed[1] if line.shown == 1 else 0),
                )
            return
        # Per line: rows, cost (sum, count), requested (sum, count), allowed (sum, count).
        tally: dict[Any, list[int]] = {}
        for line, cost, requested, allowed in zip(
            block.lines, block.cost, block.requested, block.allowed, strict=True
        ):
            t = tally.get(line)
            if t is None:
                t = tally[line] = [0, 0, 0, 0, 0, 0, 0]
            t[0] += 1
            if cost is not None:
                t[1] += cost
                t[2] += 1
            if requested is not None:
                t[3] += requested
                t[4] += 1
            if allowed is not None:
                t[5] += allowed
                t[6] += 1
        for line, (n, cost, n_cost, requested, n_requested, allowed, n_allowed) in tally.items():
            self._add_line(
                line.result,
                n,
                (Decimal(cost), n_cost),
                (Decimal(requested), n_requested),
                (Decimal(allowed), n_allowed if line.shown == 1 else 0),
            )

    def _add_line(
        self,
        result: RowResult,
        n: int,
        cost_sum: tuple[Decimal, int],
        requested_sum: tuple[Decimal, int],
        allowed_sum: tuple[Decimal, int],
    ) -> None:
        """Count ``n`` rows like ``result`` whose amounts sum (over the rows that have one) as
        given; the allowed sum is that of the rows :func:`allowed_shown` counts."""
        self.rows += n
        status = result.status
        self.rows_by_status[status] += n
        for item in result.findings:
            self.severity[item.severity] += n
            self.codes[item.code] += n
        if status == "blank":
            self.blank += n
            return
        if status in LAYOUT_STATUSES:
            return
        if result.unreadable:
            self.left_out += len(result.unreadable) * n
        first = result.first_of_proposal
        if first:
            self.proposals += n
            self.proposals_by_status[status] += n
        cost, n_cost = cost_sum
        requested, n_requested = requested_sum
        allowed, n_allowed = allowed_sum
        self.cost += cost
        self.requested += requested
        unknown = n - n_allowed if self.assessed and status in _ASSESSED else 0
        if n_allowed:
            self.allowed = (self.allowed or _ZERO) + allowed
        self.unknown += unknown
        key = (result.funding, result.content, result.province, result.year)
        cells = self._cells.get(key)
        if cells is None:
            cells = self._cells_of(key)
        for cell in cells:
            cell.rows += n
            if first:
                cell.proposals += n
            if n_cost:
                cell.cost = (cell.cost or _ZERO) + cost
            if n_requested:
                cell.requested = (cell.requested or _ZERO) + requested
            if n_allowed:
                cell.allowed = (cell.allowed or _ZERO) + allowed
            cell.unknown += unknown

    def _cells_of(self, key: _Keys) -> tuple[_Cell, ...]:
        """The cell of each dimension that a row with ``key`` counts in.

        Remembered by key (up to :data:`_KEYS_MAX` keys, then afresh): rows repeat a few
        combinations of funding source, content, province and year.
        """
        funding, content, province, year = key
        names = (funding or "", content or "", province or "", "" if year is None else str(year))
        cells = []
        for dimension, name in zip(DIMENSIONS, names, strict=True):
            table = self.cells[dimension]
            cell = table.get(name)
            if cell is None:
                cell = table[name] = _Cell()
            cells.append(cell)
        if len(self._cells) >= _KEYS_MAX:
            self._cells.clear()
        self._cells[key] = found = tuple(cells)
        return found

    def finish(self, notes: list[RowFinding]) -> Summary:
        """The summary of everything added so far."""
        tables = {
            dimension: tuple(
                SummaryRow(key, c.proposals, c.rows, c.cost, c.requested, c.allowed, c.unknown)
                for key, c in sorted(self.cells[dimension].items(), key=lambda kv: kv[0])
            )
            for dimension in DIMENSIONS
        }
        return Summary(
            source=self.source,
            rows=self.rows,
            blank_rows=self.blank,
            proposals=self.proposals,
            rows_by_status=dict(self.rows_by_status),
            proposals_by_status=dict(self.proposals_by_status),
            findings_by_severity=dict(self.severity),
            findings_by_code=dict(self.codes),
            cost=self.cost,
            requested=self.requested,
            allowed=self.allowed,
            assessed=self.assessed,
            tables=tables,
            notes=tuple(notes),
            allowed_unknown=self.unknown,
            values_left_out=self.left_out,
        )
