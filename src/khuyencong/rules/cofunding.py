"""Co-funding per budget line: how much khuyến công support a line may receive, and what the
beneficiary puts in.

For a line with a support level (Khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT, or a province's
overlay under its Khoản 3)::

    allowed = min(requested, rate × basis × factor, cap × units × factor, cost − other sources)

rounded down to the đồng, where ``factor`` is the approved priority factor (point t: at most 1.5)
and ``basis`` is the line's cost (booth rent, interest, airfare or contract price for the items
whose level is a share of those), or the proposal's khuyến công budget for the implementing unit's
management share (point s).  The counterpart is what is left: ``cost − allowed − other sources``.
"""

from __future__ import annotations

import decimal
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum

import attrs

from ..rulebooks.core import NotEncoded, Resolved, SupportLevel
from ..rulebooks.model import Basis
from ..schemas.citation import Citation, Provenance
from ..schemas.codes import SupportItem
from ..schemas.money import floor_dong
from ..schemas.proposal import BudgetLine

__all__ = [
    "LineResult",
    "LineStatus",
    "allowed_support",
    "computed_line",
    "ineligible_line",
    "pending_line",
]

_ZERO = Decimal(0)
_CONTEXT = decimal.Context(prec=60, rounding=ROUND_FLOOR)


class LineStatus(StrEnum):
    """What the engine could say about a line's support."""

    COMPUTED = "computed"
    """The level is encoded and the allowed support is computed."""
    NOT_ENCODED = "not_encoded"
    """The level is set by an instrument the library does not encode (named in the result)."""
    NEEDS_INPUT = "needs_input"
    """The level is encoded but needs a figure the proposal does not carry."""
    PROPOSAL_INELIGIBLE = "proposal_ineligible"
    """Nothing is allowed: the proposal breaks a rule (an ``error`` finding) and is ineligible.
    The line keeps the level that would have applied (rate, cap, citation) for reference."""


@attrs.frozen(slots=True)
class LineResult:
    """The outcome for one budget line."""

    index: int
    item: SupportItem
    status: LineStatus
    cost: Decimal
    requested: Decimal
    other_sources: Decimal
    allowed: Decimal | None
    """Khuyến công support the rules allow, in whole đồng; ``None`` unless computed."""
    counterpart: Decimal | None
    """What the beneficiary must put in: cost − allowed − other sources."""
    rate: Decimal | None = None
    """The level's rate (share of the basis), before the priority factor."""
    cap: Decimal | None = None
    """The level's cap for this line (cap per unit × units), before the priority factor."""
    factor: Decimal = Decimal(1)
    basis: Basis | None = None
    limit: str | None = None
    """Which bound decided the allowed amount: requested, rate, cap or sources; ``ineligible``
    when nothing is allowed because the proposal is ineligible."""
    citation: Citation | None = None
    provenance: Provenance | None = None
    instruments: tuple[str, ...] = ()
    """For lines whose level is not encoded: the instruments that set it."""


def allowed_support(
    *,
    requested: Decimal,
    cost: Decimal,
    rate: Decimal | None,
    cap: Decimal | None,
    units: int = 1,
    factor: Decimal = Decimal(1),
    other_sources: Decimal = _ZERO,
    basis_amount: Decimal | None = None,
) -> tuple[Decimal, str]:
    """The allowed support and the bound that decided it (ties go to the earlier bound).

    >>> allowed_support(requested=Decimal(400_000_000), cost=Decimal(1_000_000_000),
    ...                 rate=Decimal("0.3"), cap=Decimal(500_000_000))
    (Decimal('300000000'), 'rate')
    """
    base = cost if basis_amount is None else basis_amount
    bounds: list[tuple[str, Decimal]] = [("requested", requested)]
    if rate is not None:
        bounds.append(("rate", _CONTEXT.multiply(_CONTEXT.multiply(rate, base), factor)))
    if cap is not None:
        bounds.append(("cap", _CONTEXT.multiply(_CONTEXT.multiply(cap, Decimal(units)), factor)))
    if other_sources:
        bounds.append(("sources", cost - other_sources))
    name, value = min(bounds, key=lambda bound: bound[1])
    return max(floor_dong(value), _ZERO), name


def computed_line(
    index: int,
    line: BudgetLine,
    level: Resolved,
    factor: Decimal,
    basis_amount: Decimal | None = None,
) -> LineResult:
    """Apply a resolved support level to a line."""
    support: SupportLevel = level.support
    allowed, limit = allowed_support(
        requested=line.requested,
        cost=line.cost,
        rate=support.rate,
        cap=support.cap,
        units=line.units,
        factor=factor,
        other_sources=line.other_sources,
        basis_amount=basis_amount,
    )
    return LineResult(
        index=index,
        item=line.item,
        status=LineStatus.COMPUTED,
        cost=line.cost,
        requested=line.requested,
        other_sources=line.other_sources,
        allowed=allowed,
        counterpart=line.cost - allowed - line.other_sources,
        rate=support.rate,
        cap=None if support.cap is None else support.cap * line.units,
        factor=factor,
        basis=support.basis,
        limit=limit,
        citation=level.citation,
        provenance=level.provenance,
    )


def pending_line(
    index: int,
    line: BudgetLine,
    status: LineStatus,
    *,
    level: Resolved | NotEncoded | None = None,
    instruments: tuple[str, ...] = (),
) -> LineResult:
    """A line whose support is not computed (not encoded, or waiting for an input)."""
    resolved = level if isinstance(level, Resolved) else None
    support = resolved.value if resolved is not None else None
    if not isinstance(support, SupportLevel):
        support = None
    return LineResult(
        index=index,
        item=line.item,
        status=status,
        cost=line.cost,
        requested=line.requested,
        other_sources=line.other_sources,
        allowed=None,
        counterpart=None,
        rate=None if support is None else support.rate,
        cap=None if support is None else support.cap,
        basis=None if support is None else support.basis,
        citation=None if resolved is None else resolved.citation,
        provenance=None if resolved is None else resolved.provenance,
        instruments=instruments,
    )


def ineligible_line(line: LineResult) -> LineResult:
    """The same line in an ineligible proposal: nothing is allowed (``allowed`` 0, status
    ``proposal_ineligible``), and the beneficiary's part is the whole cost less other sources."""
    return attrs.evolve(
        line,
        status=LineStatus.PROPOSAL_INELIGIBLE,
        allowed=_ZERO,
        counterpart=line.cost - line.other_sources,
        limit="ineligible",
    )
