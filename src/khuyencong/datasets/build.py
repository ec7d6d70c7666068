"""Build, validate and assess the proposal of one group of parsed rows (:class:`_Builder`):
merge the rows' values, build the budget lines and the proposal's data, validate it with
:class:`~khuyencong.Proposal`, hand it to the assessor and attach every finding to the row it is
about."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
from pydantic import ValidationError

from ..errors import KhuyenCongError
from ..l10n.catalog import Msg
from ..l10n.errors import FieldError
from ..schemas.proposal import Proposal
from .assembly import (
    _LINE_MODEL_TO_FIELD,
    _ZERO,
    _engine_finding,
    _field_of,
    _location,
    _merge,
    _unreadable,
    default_as_of,
)
from .findings import RowFinding, finding
from .rows import LINE_FIELDS, RowResult, _Parsed
from .structure import not_stated_findings

__all__ = ["Assessor", "default_as_of"]

Assessor = Callable[[Proposal, date], Any]
"""Assess one proposal as of a date; returns an object shaped like ``khuyencong.Assessment``."""


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
            return self._with_damaged(group)
        return self._results(group)

    def _with_damaged(self, group: list[_Parsed]) -> Iterator[RowResult]:
        members = [r for r in group if not r.damaged]
        made = {r.row: r for r in self._results(members)} if members else {}
        for row in group:
            if row.damaged:
                yield RowResult(row=row.number, status="invalid", findings=tuple(row.findings))
            else:
                yield made[row.number]

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
            # No item column, or an item cell left empty: the plan does not state the item.
            no_item = not self.has_item_column or any(
                row.has_line and self._item_not_stated(row) for row in group
            )
            # A kind written but unreadable is its own error (bad_value), not "not stated".
            kind_stated = "beneficiary" in source and not any(
                "beneficiary_kind" in row.bad for row in group
            )
            not_stated = not_stated_findings(first.number, no_item, kind_stated, source)
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

    def _item_not_stated(self, row: _Parsed) -> bool:
        """A plan table's line whose item cell is empty (not unreadable: that is an error)."""
        return self.plan_layout and "item" not in row.values and "item" not in row.bad

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
                    detail=Msg("detail.both_funds"),
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
        if "item" not in data and (not self.has_item_column or self._item_not_stated(row)):
            data["item"] = "other"  # a placeholder: a plan table that does not state it says so
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
                        detail=Msg(
                            "detail.other_fund",
                            {
                                "column": row.headers[other],
                                "funding": Msg(f"detail.fund.{funding}"),
                            },
                        ),
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
        # In a plan table the item given to validation may be a placeholder (no item column, or
        # an empty cell): the report shows the item as read.
        placeholder_free = not self.plan_layout
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
                detail = FieldError.of(error)
                where = ".".join(str(x) for x in detail.loc)
                found = finding("invalid", row.number, where, detail=detail)
                row.findings.append(attrs.evolve(found, path=detail.loc))
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
