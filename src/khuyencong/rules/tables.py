"""A rulebook compiled for one date: plain lookups the scalar engine reads without resolving.

:func:`compile_tables` (memoised per rulebook object and date) gives the rulebook's answers at
that date and turns the support levels of Khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT (or of a
province's overlay) into integers, each on first use: each rate as a numerator and a
denominator, each cap in whole đồng (as a fraction too, should a rulebook give a cap with a
fraction of a đồng).  The engine computes in integers and speaks ``Decimal`` only at its
boundary; :func:`line_support` is the formula of :mod:`khuyencong.rules.cofunding` on those
integers, exact, rounded down to the đồng.

Nothing here is new law: the tables hold what :meth:`Rulebook.resolve` answers, and a value
keeps its :class:`~khuyencong.rulebooks.core.Resolved` (citation, provenance, caveats) so that
the engine records the same documents and warnings as when it resolved the code itself.
"""

from __future__ import annotations

import weakref
from datetime import date
from decimal import Decimal
from typing import Any, Final

from ..rulebooks.core import NotEncoded, Resolved, Rulebook, SupportLevel
from ..rulebooks.model import Basis
from .findings import Finding

__all__ = ["Level", "Tables", "compile_tables", "line_support"]

Resolution = Resolved | NotEncoded


def _ratio(value: Decimal | None) -> tuple[int, int] | None:
    if value is None:
        return None
    return value.as_integer_ratio()


class Level:
    """A support level resolved at a date, with its rate and cap as integer fractions."""

    __slots__ = (
        "basis",
        "cap",
        "cap_ratio",
        "citation",
        "code",
        "document",
        "provenance",
        "quiet",
        "rate",
        "rate_ratio",
        "resolved",
        "support",
    )

    def __init__(self, code: str, resolved: Resolved) -> None:
        support = resolved.support
        self.code = code
        self.resolved = resolved
        self.support: SupportLevel = support
        self.rate: Decimal | None = support.rate
        self.cap: Decimal | None = support.cap
        self.basis: Basis = support.basis
        self.rate_ratio = _ratio(support.rate)
        self.quiet: bool = resolved.quiet
        self.citation = resolved.citation
        self.provenance = resolved.provenance
        self.document: str = resolved.citation.document
        self.cap_ratio = _ratio(support.cap)


class Tables:
    """One rulebook at one date: the parameters' answers and the support levels by item, each
    computed on first use and kept (so a table costs nothing for the codes never read).

    ``values`` is the rulebook's own memo of answers at the date (code → :class:`Resolved` or
    :class:`NotEncoded`); :meth:`level` gives an item's :class:`Level`, the
    :class:`NotEncoded` naming the instrument that sets it, or ``None`` when the rulebook has no
    ``support.<item>`` parameter; ``memo`` keeps answers derived from these values alone, and
    ``bundles`` and ``many`` the codes a rule reads together (see ``Context.programme_all``
    and ``Context.programme_many``).
    """

    __slots__ = (
        "areas",
        "as_of",
        "book",
        "bundles",
        "compiled",
        "findings",
        "levels",
        "many",
        "memo",
        "plain",
        "sets",
        "values",
        "warnings",
    )

    def __init__(self, book: Rulebook, as_of: date) -> None:
        self.book = book
        self.as_of = as_of
        self.values: dict[str, Resolution] = book.on(as_of)
        self.levels: dict[str, Level | NotEncoded | None] = {}
        self.areas: dict[tuple[object, ...], tuple[str | None, tuple[str, ...]]] = {}
        self.findings: dict[tuple[object, ...], tuple[object, Finding]] = {}
        """Findings prepared for this date (a line's level not encoded...), each with the
        object it rests on, which the reader checks by identity."""
        """Priority area group and matching attributes, by set of place attributes."""
        self.memo: dict[tuple[object, ...], frozenset[str]] = {}
        self.compiled: dict[str, Any] = {}
        """What a rule compiles from these tables alone, under a key of its own (e.g. the
        beneficiary kinds of the date as one index)."""
        self.warnings: dict[tuple[int, str], tuple[Resolved, Warnings]] = {}
        """What an assessment may say about an answer of the rulebook (``Context._record``),
        made once per answer and code, kept with the answer and checked by identity."""
        self.sets: dict[int, tuple[Resolved, frozenset[str]]] = {}
        """The codes of an answer as a set, by the answer's identity (see :meth:`code_set`)."""
        self.plain: dict[str, Level] = {}
        """The levels of the items a line computes from alone, as the scalar engine found them:
        no referral to another instrument, official text without caveat, a share of the line's
        own cost (filled by ``rules.lines._line`` as it meets them)."""
        self.bundles: dict[tuple[str, ...], tuple[tuple[Resolved, ...], dict[str, None]] | None]
        self.bundles = {}
        self.many: dict[tuple[str, ...], tuple[tuple[Resolution, ...], dict[str, None]] | None]
        self.many = {}

    def code_set(self, result: Resolved) -> frozenset[str]:
        """The codes of ``result`` (a list of codes) as a set, made once per answer: membership
        is then a hash look-up rather than a scan of the list.  Kept with the answer, checked by
        identity."""
        found = self.sets.get(id(result))
        if found is None or found[0] is not result:
            if len(self.sets) >= 4096:
                self.sets.clear()
            found = self.sets[id(result)] = (result, frozenset(result.codes))
        return found[1]

    def level(self, item: str, code: str) -> Level | NotEncoded | None:
        """The support level of ``item`` (its parameter ``code``) at the date (see the class
        docstring); compiled on first use."""
        try:
            return self.levels[item]
        except KeyError:
            pass
        found: Level | NotEncoded | None = None
        if code in self.book:
            result = self.book.resolve(code, self.as_of)
            if isinstance(result, NotEncoded):
                found = result
            elif isinstance(result.value, SupportLevel):
                found = Level(code, result)
        self.levels[item] = found
        return found


Warnings = tuple[tuple[str, str, date], Finding | None, tuple[tuple[str, Finding], ...]]
"""What ``Context._record`` may say about an answer: the key an assessment warns about it once
by; that it rests on a secondary source or on a value the user supplied (or ``None``); and one
warning per instrument amending it in ways not encoded, each with the key it is said once by."""

_MEMO: Final[dict[int, tuple[weakref.ref[Rulebook], dict[date, Tables]]]] = {}
_BOOKS_MAX: Final = 64
_DATES_MAX: Final = 4096


def compile_tables(book: Rulebook, as_of: date) -> Tables:
    """The tables of ``book`` at ``as_of``, compiled once and then reused.

    Pure: a rulebook is immutable, so the same rulebook object and date always give the same
    tables.  The memo holds the rulebook weakly and is bounded.
    """
    entry = _MEMO.get(id(book))
    if entry is None or entry[0]() is not book:
        if len(_MEMO) >= _BOOKS_MAX:
            _MEMO.clear()
        entry = _MEMO[id(book)] = (weakref.ref(book), {})
    by_date = entry[1]
    tables = by_date.get(as_of)
    if tables is None:
        if len(by_date) >= _DATES_MAX:
            by_date.clear()
        tables = by_date[as_of] = Tables(book, as_of)
    return tables


def line_support(
    requested: int,
    cost: int,
    other_sources: int,
    base: int,
    units: int,
    rate: tuple[int, int] | None,
    cap: tuple[int, int] | None,
    factor: tuple[int, int],
    base_den: int = 1,
) -> tuple[int, str]:
    """``min(requested, rate × base × factor, cap × units × factor, cost − other sources)``
    rounded down to the đồng (never below 0), and the bound that decided it — ties go to the
    earlier bound, as in :func:`~khuyencong.rules.cofunding.allowed_support`.  Exact: each
    bound is a fraction of integers, compared by cross-multiplying.  The basis is
    ``base / base_den`` (an allocation given with a fraction of a đồng).

    >>> line_support(400_000_000, 1_000_000_000, 0, 1_000_000_000, 1, (3, 10), (500_000_000, 1), (1, 1))
    (300000000, 'rate')
    """
    best_n, best_d, name = requested, 1, "requested"
    fn, fd = factor
    if rate is not None:
        n = rate[0] * base * fn
        d = rate[1] * fd * base_den
        if n * best_d < best_n * d:
            best_n, best_d, name = n, d, "rate"
    if cap is not None:
        n = cap[0] * units * fn
        d = cap[1] * fd
        if n * best_d < best_n * d:
            best_n, best_d, name = n, d, "cap"
    if other_sources:
        n = cost - other_sources
        if n * best_d < best_n:
            best_n, best_d, name = n, 1, "sources"
    allowed = best_n // best_d
    return (allowed if allowed > 0 else 0), name
