"""The pieces of a proposal built from rows: which dataset field a validation error is about,
the rows' values merged, the place of a proposal, the engine's findings as row findings, and
the default date of an assessment (used by :mod:`.build`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final

from ..schemas.proposal import Proposal
from .columns import FIELDS
from .findings import RowFinding, finding
from .rows import LINE_FIELDS, _Parsed
from .values import commune_kind_from_name, district_kind_from_name

__all__ = ["default_as_of"]

_ZERO: Final = Decimal(0)

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


def _merge(group: list[_Parsed]) -> tuple[dict[str, Any], dict[str, _Parsed], list[str]]:
    """The proposal-level values of a group of rows, the row each came from, and the activity
    contents of all its rows (in order, without repeats).

    The first row giving a field wins; a later row with a different value gets a
    ``conflicting_value`` warning (a row's warnings in the order of :data:`FIELDS`) — except the
    STT (``number``): beside a code column it may number every line, and without one a new
    number starts a new proposal, so two numbers in one proposal are never a conflict.
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
            elif value != values[field] and field != "number":
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


_engine_finding = RowFinding.of
"""Adapt a finding of the rule engine to a row finding (:meth:`.findings.RowFinding.of`)."""


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
