"""A rulebook compiled for one date: the support level of every budget item as plain integers.

:func:`compile_levels` reads each ``support.<item>`` of a rulebook at one date once and keeps
what the co-funding formula of :mod:`.cofunding` needs as plain values: the rate as an integer
numerator/denominator, the cap in whole đồng, the basis, and the citation.  Both the columnar
path (:mod:`khuyencong.datasets.columnar`) and, later, a compiled scalar engine read these
tables instead of resolving parameters line by line.

Only what can be decided exactly without the rest of the engine is compiled as ``computed`` or
``share`` (the management share of the proposal's budget, point s).  Every other item —
a referral to another instrument, a level not encoded, a level that rests on a secondary or
user-supplied source or an amendment not encoded (each of which adds a finding), a share of the
annual allocation — is ``scalar``: the caller must ask the scalar engine (:func:`~.assess`),
which stays the reference.

The arithmetic is the one of :func:`~.cofunding.allowed_support` on integers::

    allowed = max(0, floor(min(requested, rate × basis × factor, cap × units × factor,
                               cost − other sources)))

with ties going to the earlier bound (requested, rate, cap, sources), exactly as ``min`` with a
key does on the unrounded values.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal

import attrs

from ..rulebooks.codes import REFERRAL, SUPPORT_LEVEL
from ..rulebooks.core import NotEncoded, Resolved, Rulebook
from ..rulebooks.model import Basis
from ..schemas.citation import Citation, Provenance
from ..schemas.codes import SupportItem
from .tables import line_support

__all__ = ["CompiledLevel", "CompiledLevels", "compile_levels", "line_allowed"]

LevelKind = Literal["computed", "share", "scalar"]


@attrs.frozen(slots=True)
class CompiledLevel:
    """The support level of one item at one date, as plain values.

    ``kind``: ``computed`` (the formula applies to the line alone), ``share`` (a share of the
    proposal's khuyến công budget: computed once the other lines are known) or ``scalar`` (the
    columnar path does not decide it: ask :func:`khuyencong.assess`)."""

    item: str
    kind: LevelKind
    rate_num: int | None = None
    rate_den: int | None = None
    cap: int | None = None
    """Cap per unit in whole đồng (``None``: no cap)."""
    basis: Basis | None = None
    rate: Decimal | None = None
    cap_decimal: Decimal | None = None
    citation: Citation | None = None
    provenance: Provenance | None = None
    document: str | None = None


@attrs.frozen(slots=True)
class CompiledLevels:
    """The support levels of one rulebook at one date, by item (``SupportItem`` value)."""

    rulebook: str
    as_of: date
    levels: Mapping[str, CompiledLevel]

    def __getitem__(self, item: str) -> CompiledLevel:
        return self.levels.get(item) or CompiledLevel(item=item, kind="scalar")


_CACHE: Final[dict[tuple[int, date], CompiledLevels]] = {}
_CACHE_MAX: Final = 256


def _whole(value: Decimal | None) -> int | None:
    if value is None:
        return None
    if value != value.to_integral_value():
        raise ValueError("not whole")
    return int(value)


def _compile_item(
    book: Rulebook, member: SupportItem, as_of: date, national: Rulebook
) -> CompiledLevel:
    item = member.value
    scalar = CompiledLevel(item=item, kind="scalar")
    if REFERRAL[member] in national:
        return scalar
    code = SUPPORT_LEVEL[member]
    if code not in book:
        return scalar
    level = book.resolve(code, as_of)
    if isinstance(level, NotEncoded) or not isinstance(level, Resolved) or not level.quiet:
        return scalar  # not encoded, or a warning the scalar engine records
    support = level.support
    if support.basis is Basis.ANNUAL_ALLOCATION:
        return scalar
    try:
        cap = _whole(support.cap)
    except ValueError:
        return scalar
    num = den = None
    if support.rate is not None:
        num, den = support.rate.as_integer_ratio()
    return CompiledLevel(
        item=item,
        kind="share" if support.basis is Basis.PROPOSAL_BUDGET else "computed",
        rate_num=num,
        rate_den=den,
        cap=cap,
        basis=support.basis,
        rate=support.rate,
        cap_decimal=support.cap,
        citation=level.citation,
        provenance=level.provenance,
        document=level.citation.document,
    )


def compile_levels(
    book: Rulebook, as_of: date, *, national: Rulebook | None = None
) -> CompiledLevels:
    """The levels of every :class:`~khuyencong.SupportItem` in ``book`` at ``as_of``, compiled
    once per (rulebook, date) and kept (the rulebook is immutable).  ``national`` is the
    national rulebook whose referrals apply when ``book`` is a province's overlay."""
    key = (id(book), as_of)
    found = _CACHE.get(key)
    if found is not None and found.rulebook == book.id:
        return found
    nat = national or book
    levels = {item.value: _compile_item(book, item, as_of, nat) for item in SupportItem}
    compiled = CompiledLevels(rulebook=book.id, as_of=as_of, levels=levels)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = compiled
    return compiled


def line_allowed(
    level: CompiledLevel,
    *,
    requested: int,
    cost: int,
    units: int = 1,
    other_sources: int = 0,
    factor: Fraction = Fraction(1),
    basis_amount: int | None = None,
) -> tuple[int, str]:
    """The allowed support in whole đồng and the bound that decided it, on integers: the
    scalar engine's own formula (:func:`~.tables.line_support`) on a compiled level."""
    rate = None
    if level.rate_num is not None and level.rate_den is not None:
        rate = (level.rate_num, level.rate_den)
    return line_support(
        requested,
        cost,
        other_sources,
        cost if basis_amount is None else basis_amount,
        units,
        rate,
        None if level.cap is None else (level.cap, 1),
        (factor.numerator, factor.denominator),
    )
