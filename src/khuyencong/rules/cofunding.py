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
from typing import Final, SupportsIndex, cast

from .._args import check_integer
from ..rulebooks.core import NotEncoded, Resolved, SupportLevel
from ..rulebooks.model import Basis
from ..schemas.citation import Citation, Provenance
from ..schemas.codes import SupportItem
from ..schemas.money import floor_dong
from ..schemas.proposal import BudgetLine
from ._value import Value
from .tables import Level, line_support

__all__ = [
    "LineResult",
    "LineStatus",
    "allowed_support",
    "computed_line",
    "ineligible_line",
    "pending_line",
]

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
_CONTEXT: Final = decimal.Context(prec=60, rounding=ROUND_FLOOR)


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


class LineResult(Value):
    """The outcome for one budget line (immutable: its fields are read-only properties)."""

    __slots__ = (
        "_allowed",
        "_basis",
        "_cap",
        "_citation",
        "_cost",
        "_counterpart",
        "_factor",
        "_index",
        "_instruments",
        "_item",
        "_limit",
        "_other_sources",
        "_provenance",
        "_rate",
        "_requested",
        "_status",
    )
    _fields = (
        "index",
        "item",
        "status",
        "cost",
        "requested",
        "other_sources",
        "allowed",
        "counterpart",
        "rate",
        "cap",
        "factor",
        "basis",
        "limit",
        "citation",
        "provenance",
        "instruments",
    )

    def __init__(
        self,
        index: int,
        item: SupportItem,
        status: LineStatus,
        cost: Decimal,
        requested: Decimal,
        other_sources: Decimal,
        allowed: Decimal | None,
        counterpart: Decimal | None,
        rate: Decimal | None = None,
        cap: Decimal | None = None,
        factor: Decimal = _ONE,
        basis: Basis | None = None,
        limit: str | None = None,
        citation: Citation | None = None,
        provenance: Provenance | None = None,
        instruments: tuple[str, ...] = (),
    ) -> None:
        self._index = index
        self._item = item
        self._status = status
        self._cost = cost
        self._requested = requested
        self._other_sources = other_sources
        self._allowed = allowed
        self._counterpart = counterpart
        self._rate = rate
        self._cap = cap
        self._factor = factor
        self._basis = basis
        self._limit = limit
        self._citation = citation
        self._provenance = provenance
        self._instruments = instruments

    @property
    def index(self) -> int:
        """The line's position in the proposal (0-based)."""
        return self._index

    @property
    def item(self) -> SupportItem:
        """The support item."""
        return self._item

    @property
    def status(self) -> LineStatus:
        """What the engine could say about the line's support."""
        return self._status

    @property
    def cost(self) -> Decimal:
        """The line's cost, in whole đồng."""
        return self._cost

    @property
    def requested(self) -> Decimal:
        """The khuyến công support requested, in whole đồng."""
        return self._requested

    @property
    def other_sources(self) -> Decimal:
        """Other lawful sources on the line, in whole đồng."""
        return self._other_sources

    @property
    def allowed(self) -> Decimal | None:
        """Khuyến công support the rules allow, in whole đồng; ``None`` unless computed."""
        return self._allowed

    @property
    def counterpart(self) -> Decimal | None:
        """What the beneficiary must put in: cost − allowed − other sources."""
        return self._counterpart

    @property
    def rate(self) -> Decimal | None:
        """The level's rate (share of the basis), before the priority factor."""
        return self._rate

    @property
    def cap(self) -> Decimal | None:
        """The level's cap for this line (cap per unit × units), before the priority factor."""
        return self._cap

    @property
    def factor(self) -> Decimal:
        """The priority factor applied (point t)."""
        return self._factor

    @property
    def basis(self) -> Basis | None:
        """What the rate is a share of."""
        return self._basis

    @property
    def limit(self) -> str | None:
        """Which bound decided the allowed amount: requested, rate, cap or sources;
        ``ineligible`` when nothing is allowed because the proposal is ineligible."""
        return self._limit

    @property
    def citation(self) -> Citation | None:
        """The clause of the level applied."""
        return self._citation

    @property
    def provenance(self) -> Provenance | None:
        """The provenance tier of the level applied."""
        return self._provenance

    @property
    def instruments(self) -> tuple[str, ...]:
        """For lines whose level is not encoded: the instruments that set it."""
        return self._instruments


def allowed_support(
    *,
    requested: Decimal,
    cost: Decimal,
    rate: Decimal | None,
    cap: Decimal | None,
    units: SupportsIndex = 1,
    factor: Decimal = Decimal(1),
    other_sources: Decimal = _ZERO,
    basis_amount: Decimal | None = None,
) -> tuple[Decimal, str]:
    """The allowed support and the bound that decided it (ties go to the earlier bound).

    >>> allowed_support(requested=Decimal(400_000_000), cost=Decimal(1_000_000_000),
    ...                 rate=Decimal("0.3"), cap=Decimal(500_000_000))
    (Decimal('300000000'), 'rate')
    """
    count = check_integer(units, "units")
    base = cost if basis_amount is None else basis_amount
    bounds: list[tuple[str, Decimal]] = [("requested", requested)]
    if rate is not None:
        bounds.append(("rate", _CONTEXT.multiply(_CONTEXT.multiply(rate, base), factor)))
    if cap is not None:
        bounds.append(("cap", _CONTEXT.multiply(_CONTEXT.multiply(cap, Decimal(count)), factor)))
    if other_sources:
        bounds.append(("sources", cost - other_sources))
    name, value = min(bounds, key=lambda bound: bound[1])
    return max(floor_dong(value), _ZERO), name


_COMPUTED: Final = LineStatus.COMPUTED
_INELIGIBLE: Final = LineStatus.PROPOSAL_INELIGIBLE


def computed_line(
    index: int,
    line: BudgetLine,
    level: Resolved | Level,
    factor: Decimal,
    basis_amount: Decimal | int | None = None,
    factor_ratio: tuple[int, int] | None = None,
    requested: int | None = None,
) -> LineResult:
    """Apply a support level to a line, in integers of whole đồng (see
    :func:`~khuyencong.rules.tables.line_support`); the result speaks ``Decimal``.
    ``requested`` is the line's requested amount as an integer, when the caller has it."""
    if type(level) is not Level:
        level = Level(level.code, cast("Resolved", level))
    cost_amount = line.cost
    cost = int(cost_amount)
    other = line.other_sources
    other_int = int(other) if other else 0
    units = line.units
    base_den = 1
    if basis_amount is None:
        base = cost
    elif type(basis_amount) is int:
        base = basis_amount
    else:
        base, base_den = Decimal(basis_amount).as_integer_ratio()
    asked = line.requested
    allowed, limit = line_support(
        int(asked) if requested is None else requested,
        cost,
        other_int,
        base,
        units,
        level.rate_ratio,
        level.cap_ratio,
        factor.as_integer_ratio() if factor_ratio is None else factor_ratio,
        base_den,
    )
    cap = level.cap
    return LineResult(
        index,
        line.item,
        _COMPUTED,
        cost_amount,
        asked,
        other,
        # When the request is the bound, the amount allowed is the amount requested: its
        # Decimal is the line's own (validated to whole đồng: the same value and digits; a
        # zero is built anew, as a validated zero may carry a sign).
        asked if limit == "requested" and allowed else Decimal(allowed),
        Decimal(cost - allowed - other_int),
        level.rate,
        None if cap is None else (cap if units == 1 else cap * units),
        factor,
        level.basis,
        limit,
        level.citation,
        level.provenance,
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
        index,
        line.item,
        status,
        line.cost,
        line.requested,
        line.other_sources,
        None,  # allowed
        None,  # counterpart
        None if support is None else support.rate,
        None if support is None else support.cap,
        _ONE,  # factor
        None if support is None else support.basis,
        None,  # limit
        None if resolved is None else resolved.citation,
        None if resolved is None else resolved.provenance,
        instruments,
    )


def ineligible_line(line: LineResult) -> LineResult:
    """The same line in an ineligible proposal: nothing is allowed (``allowed`` 0, status
    ``proposal_ineligible``), and the beneficiary's part is the whole cost less other sources."""
    cost = line.cost
    other = line.other_sources
    return LineResult(
        line.index,
        line.item,
        _INELIGIBLE,
        cost,
        line.requested,
        other,
        _ZERO,
        cost - other,
        line.rate,
        line.cap,
        line.factor,
        line.basis,
        "ineligible",
        line.citation,
        line.provenance,
        line.instruments,
    )
