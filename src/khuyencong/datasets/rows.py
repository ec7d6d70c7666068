"""The rows of a checked table: :class:`RowResult` (the outcome of one input row) and the
parsed row the pipeline passes from reading (:mod:`.pipeline`) to building (:mod:`.build`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from .findings import RowFinding, pickled_by_fields
from .layout import LAYOUT_STATUSES

__all__ = ["LINE_FIELDS", "PASSING_STATUSES", "RowResult"]

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
