"""Profiles of proposals for the columnar engine of ``check`` (:mod:`.columnar_check`): the
row path run twice on the first proposals of a profile (other stand-ins for the free texts,
other row numbers, other amounts), the template the other proposals of the profile are read
from, and the columnar co-funding step on their lines."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs
import polars as pl

from .build import _Builder
from .columnar import allowed_of
from .columnar_blocks import _BASE, _Line, _lines, _rows_named, _swapped, _with
from .columnar_read import _FREE, _STAND_IN, _Row
from .findings import RowFinding
from .layout import AMOUNT_FIELDS
from .pipeline import _Plan
from .rows import LINE_FIELDS, RowResult, _Parsed
from .structure import Structure
from .values import commune_kind_from_name

__all__: list[str] = []

_MARK: Final = _STAND_IN


COFUND_INPUT: Final = pl.Schema(
    {
        "proposal": pl.Int64,
        "line": pl.Int64,
        "funding": pl.String,
        "as_of": pl.Date,
        "item": pl.String,
        "cost": pl.Int64,
        "requested": pl.Int64,
        "other_sources": pl.Int64,
        "units": pl.Int64,
        "factor_num": pl.Int64,
        "factor_den": pl.Int64,
    }
)
"""The columns the engine hands the co-funding step (:func:`.columnar.allowed_of`)."""


def _sentinel(run: int, field: str) -> str:
    return f"{_MARK}{field}{run}{_MARK}"


@attrs.define(slots=True)
class _Template:
    """A profile's results: the first run's rows, the findings' parameters to re-text, the
    line index of each row, the factor of each computed line."""

    results: list[RowResult]
    swaps: list[list[tuple[RowFinding, tuple[str, ...], tuple[str, ...]]]]
    """Per row, its findings with the names of their parameters holding a stand-in and of
    those naming a row of the proposal (``conflicting_value``: "as on row 12")."""
    line_of: list[int | None]
    factor: dict[int, tuple[int, int]]
    computed: list[bool]
    free: dict[str, str]
    second: list[RowResult]
    """The second run's rows (other stand-ins, amounts × 3), checked with the first."""
    second_free: dict[str, str]
    lines: list[_Line] = attrs.field(init=False)
    """The rows of the first run as the lines a :class:`.columnar_blocks.RowBlock` reads."""

    def __attrs_post_init__(self) -> None:
        self.lines = _lines(self.results, self.swaps, self.free, self.second, self.second_free)


class _Profiles:
    """The profile half of the engine (a mixin of :class:`.columnar_check._Engine`)."""

    plan: _Plan
    builder: _Builder
    rulebooks: Any
    captured: list[Any]
    columns: dict[str, Any]
    structure: Structure

    def _parse_line(self, number: int, text: str) -> _Parsed:  # pragma: no cover - see _Reader
        raise NotImplementedError

    # -- profiles ----------------------------------------------------------------------------

    def _key(self, group: list[_Row], values: list[dict[str, Any]]) -> tuple[str, ...] | None:
        """The profile of a proposal, or ``None`` when its free texts have two values."""
        # Read from the lines' columns (``values`` is not needed): only a proposal with a line
        # after its first that gives a free text other than the one above it is looked at.
        if any(r.fresh for r in group[1:]):
            for field in _FREE:
                given = {r.value(field) for r in group}
                given.discard(None)
                if len(given) > 1:
                    return None
        key = tuple([r.key for r in group])
        if "number" in self.columns:
            # The rules read an STT value only as equal or not to the proposal's first.
            first: dict[Any, int] = {}
            pattern = [
                "" if (n := r.value("number")) is None else str(first.setdefault(n, len(first)))
                for r in group
            ]
            key += (".".join(pattern),)
        return key

    def _run(
        self, group: list[_Row], run: int, scale: int
    ) -> tuple[list[RowResult], Any, dict[str, str]]:
        base = run * _BASE
        free: dict[str, str] = {}
        numbers: dict[Any, int] = {}
        parsed_rows: list[_Parsed] = []
        for k, row in enumerate(group):
            real = self._parse_line(row.number, row.text)
            values = dict(real.values)
            number = values.get("number")
            if number is not None and self.structure.derive_code and "code" not in values:
                values["code"] = str(number).strip().rstrip(".")  # Structure.data_values
            if number is not None:
                seen = numbers.setdefault(number, len(numbers))
                values["number"] = f"{_sentinel(run, 'number')}{seen}"
            for field in _FREE:
                if field in values:
                    if field == "commune" and "commune_kind" not in values:
                        kind = commune_kind_from_name(values[field])
                        if kind is not None:
                            values["commune_kind"] = kind
                    values[field] = free.setdefault(field, _sentinel(run, field))
            if scale != 1:
                for field in AMOUNT_FIELDS:
                    if values.get(field):
                        values[field] = values[field] * scale
            parsed_rows.append(_Parsed(base + k, values, dict(real.headers), [], set(real.bad)))
        self.captured = []
        builder = self.builder
        capture = _Builder(
            None if builder.assessor is None else self._capturing,
            builder.as_of,
            builder.has_item_column,
            builder.plan_layout,
        )
        results = list(capture.results(parsed_rows))
        assessment = self.captured[0] if self.captured else None
        return results, assessment, free

    def _capturing(self, proposal: Any, as_of: date) -> Any:
        assert self.builder.assessor is not None
        assessment = self.builder.assessor(proposal, as_of)
        self.captured.append(assessment)
        return assessment

    def _profile(
        self, group: list[_Row], group_values: list[dict[str, Any]]
    ) -> tuple[_Template, list[list[dict[str, Any]]]] | None:
        """A candidate template from two runs of the row path on the proposal, with the amounts
        of both runs (for :meth:`_verify`); ``None`` when the runs disagree."""
        one, assessed_one, free_one = self._run(group, 1, 1)
        two, _, free_two = self._run(group, 2, 3)
        if len(one) != len(group) or len(two) != len(group):
            return None
        swaps: list[list[tuple[RowFinding, tuple[str, ...], tuple[str, ...]]]] = []
        for k, (a, b) in enumerate(zip(one, two, strict=True)):
            if a.row != _BASE + k or b.row != 2 * _BASE + k:
                return None
            for name in (
                "status",
                "funding",
                "province",
                "year",
                "content",
                "item",
                "as_of",
                "first_of_proposal",
                "unreadable",
            ):
                if getattr(a, name) != getattr(b, name):
                    return None
            for name, field in (("proposal_code", "code"), ("title", "title")):
                if getattr(a, name) != free_one.get(field) or getattr(b, name) != free_two.get(
                    field
                ):
                    return None
            if len(a.findings) != len(b.findings):
                return None
            row_swaps: list[tuple[RowFinding, tuple[str, ...], tuple[str, ...]]] = []
            for fa, fb in zip(a.findings, b.findings, strict=True):
                if (
                    fa.code,
                    fa.severity,
                    fa.column,
                    fa.citation_vi,
                    fa.citation_en,
                    fa.citation_key,
                    fa.line,
                    fa.key,
                ) != (
                    fb.code,
                    fb.severity,
                    fb.column,
                    fb.citation_vi,
                    fb.citation_en,
                    fb.citation_key,
                    fb.line,
                    fb.key,
                ):
                    return None
                if fa.row != a.row or fb.row != b.row:
                    return None
                names = tuple(k for k, v in fa.params.items() if type(v) is str and _MARK in v)
                refs = tuple(
                    k
                    for k, v in fa.params.items()
                    if type(v) is str
                    and v.isdigit()
                    and 0 <= int(v) - _BASE < len(group)
                    and fb.params.get(k) == str(int(v) + _BASE)
                )
                params = _swapped(fa.params, names, free_one, free_two)
                if refs:
                    params = _rows_named(params, refs, [2 * _BASE + j for j in range(len(group))])
                moved = _with(fa, fb.row, params)
                for lang in ("vi", "en"):
                    if moved.message(lang) != fb.message(lang):
                        return None
                row_swaps.append((fa, names, refs))
            swaps.append(row_swaps)
        # Amounts: the report's cost / requested / counterpart, and allowed by the columnar step.
        line_of: list[int | None] = []
        index = 0
        for values in (r.all_values() for r in group):
            if any(values.get(f) is not None for f in LINE_FIELDS):
                line_of.append(index)
                index += 1
            else:
                line_of.append(None)
        status = one[0].status
        computed = [r.allowed is not None for r in one]
        if [r.allowed is not None for r in two] != computed:
            return None
        factor: dict[int, tuple[int, int]] = {}
        if status not in ("ineligible",) and any(computed):
            if assessed_one is None:
                return None
            lines = list(getattr(assessed_one, "lines", ()) or ())
            for k, position in enumerate(line_of):
                if computed[k]:
                    if position is None or position >= len(lines):
                        return None
                    ratio = Decimal(lines[position].factor).as_integer_ratio()
                    factor[k] = ratio
        template = _Template(one, swaps, line_of, factor, computed, free_one, two, free_two)
        runs: list[list[dict[str, Any]]] = []
        for results, scale in ((one, 1), (two, 3)):
            scaled = [
                {f: (v * scale if f in AMOUNT_FIELDS and v else v) for f, v in values.items()}
                for values in group_values
            ]
            for k, r in enumerate(results):
                if _report_amounts(scaled[k], r.funding, line_of[k] is not None) != (
                    r.cost,
                    r.requested,
                    r.counterpart,
                ):
                    return None
            runs.append(scaled)
        return template, runs

    def _cofund(
        self, work: list[tuple[_Template, list[dict[str, Any]]]]
    ) -> list[list[int | None] | None]:
        """The allowed amount of each row of each proposal (``None`` where not known); ``None``
        for a proposal with a line the columnar step does not decide."""
        cols: dict[str, list[Any]] = {k: [] for k in COFUND_INPUT}
        out: list[list[int | None] | None] = []
        slots: list[tuple[int, int]] = []
        for p, (template, values) in enumerate(work):
            fresh: list[int | None] = [None] * len(values)
            out.append(fresh)
            status = template.results[0].status
            for k, result in enumerate(template.results):
                if not template.computed[k]:
                    continue
                if status == "ineligible":
                    fresh[k] = 0
                    continue
                cost, requested, _ = _report_ints(
                    values[k], result.funding, template.line_of[k] is not None
                )
                num, den = template.factor[k]
                cols["proposal"].append(p)
                cols["line"].append(template.line_of[k])
                cols["funding"].append(result.funding)
                cols["as_of"].append(result.as_of)
                cols["item"].append(result.item)
                cols["cost"].append(cost)
                cols["requested"].append(requested)
                cols["other_sources"].append(int(values[k].get("other_sources") or 0))
                cols["units"].append(int(values[k].get("units") or 1))
                cols["factor_num"].append(num)
                cols["factor_den"].append(den)
                slots.append((p, k))
        if not slots:
            return out
        frame = pl.DataFrame(cols, schema=COFUND_INPUT)
        computed = allowed_of(frame, self.rulebooks)
        decided = computed.get_column("decided").to_list()
        allowed = computed.get_column("allowed").to_list()
        for (p, k), ok, value in zip(slots, decided, allowed, strict=True):
            row_out = out[p]
            if row_out is None:
                continue
            if not ok or value is None:
                out[p] = None
                continue
            row_out[k] = int(value)
        return out


def _report_ints(
    values: Mapping[str, Any], funding: str | None, line: bool
) -> tuple[int | None, int | None, int | None]:
    """The cost, requested and counterpart a row shows (see ``_Builder._line``), in whole
    đồng."""
    if not line:
        return None, None, None
    requested = values.get("requested")
    if requested is None and funding is not None:
        own = "national_amount" if funding == "national" else "local_amount"
        requested = values.get(own)
    cost = values.get("cost")
    counterpart = values.get("counterpart")
    if cost is None and requested is not None:
        cost = requested + (counterpart or 0) + (values.get("other_sources") or 0)
    return cost, requested, counterpart


def _report_amounts(
    values: Mapping[str, Any], funding: str | None, line: bool
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """The cost, requested and counterpart a row shows (see ``_Builder._line``)."""
    cost, requested, counterpart = _report_ints(values, funding, line)
    return (
        None if cost is None else Decimal(cost),
        None if requested is None else Decimal(requested),
        None if counterpart is None else Decimal(counterpart),
    )


def _bulk_add(structure: Structure, first: int, last: int, sums: Mapping[str, int]) -> None:
    """``Structure.add`` of a run of data rows at once (their amounts summed)."""
    for scope in (structure.table, *structure.sections):
        if scope.first is None:
            scope.first = first
        scope.last = last
        totals = scope.sums
        for field, value in sums.items():
            totals[field] = totals.get(field, Decimal(0)) + value
