"""``assess()``: given a proposal and a date, whether it may be funded, how much each budget line
may receive, what the beneficiary must put in, and why — every reason with its clause."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .._args import check_date
from ..errors import KhuyenCongError
from ..l10n.catalog import NO_PARAMS, Text
from ..rulebooks.core import Rulebook
from ..rulebooks.loader import national
from ..schemas.proposal import BudgetLine, Proposal
from ._value import Value
from .activity import check_activities, check_support_conditions
from .applicable import _overlay_for, _programme_date, _split_rulebooks
from .cofunding import LineResult, LineStatus, computed_line, ineligible_line, pending_line
from .context import Context
from .eligibility import check_beneficiary
from .findings import Finding, Severity
from .lines import (
    _COMPUTED,
    _ERROR,
    _GROUP,
    _LOCAL,
    _ONE,
    _RELOCATION,
    _UNDETERMINED,
    _UNIT,
    _factor,
    _line,
    _relocation_lines,
)
from .priority import PriorityClass, classify_in
from .tables import Level, Tables, compile_tables

if TYPE_CHECKING:
    from .relocation import RelocationResult

__all__ = ["Assessment", "Status", "assess"]

_NO_SEVERITY: Final[frozenset[Severity]] = frozenset()
_NO_PLAIN: Final[dict[str, Level]] = {}
_NO_OVERLAYS: Final[list[Rulebook]] = []


class Status(StrEnum):
    """The outcome of an assessment."""

    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    NOT_ASSESSABLE = "not_assessable"


class Assessment(Value):
    """The outcome of :func:`assess` for one proposal at one date (immutable: its fields are
    read-only properties)."""

    __slots__ = (
        "_as_of",
        "_documents",
        "_findings",
        "_lines",
        "_priority",
        "_programme_date",
        "_proposal_code",
        "_requested",
        "_rulebooks",
        "_status",
        "_support",
        "_title",
    )
    _fields = (
        "proposal_code",
        "title",
        "as_of",
        "status",
        "support",
        "requested",
        "lines",
        "findings",
        "priority",
        "rulebooks",
        "documents",
        "programme_date",
    )

    def __init__(
        self,
        proposal_code: str,
        title: str,
        as_of: date,
        status: Status,
        support: Decimal | None,
        requested: Decimal,
        lines: tuple[LineResult, ...],
        findings: tuple[Finding, ...],
        priority: PriorityClass,
        rulebooks: tuple[str, ...],
        documents: tuple[str, ...],
        programme_date: date,
    ) -> None:
        self._proposal_code = proposal_code
        self._title = title
        self._as_of = as_of
        self._status = status
        self._support = support
        self._requested = requested
        self._lines = lines
        self._findings = findings
        self._priority = priority
        self._rulebooks = rulebooks
        self._documents = documents
        self._programme_date = programme_date

    @property
    def proposal_code(self) -> str:
        """The proposal's code."""
        return self._proposal_code

    @property
    def title(self) -> str:
        """The proposal's title."""
        return self._title

    @property
    def as_of(self) -> date:
        """The date of the rules applied."""
        return self._as_of

    @property
    def status(self) -> Status:
        """eligible, ineligible or not_assessable."""
        return self._status

    @property
    def support(self) -> Decimal | None:
        """Total khuyến công support the rules allow, in whole đồng: the sum of the lines; 0 when
        the proposal is ineligible (nothing is allowed); ``None`` — not known, never 0 — when some
        line's support could not be computed (its level not encoded, or an input missing).  See
        :attr:`complete` and :attr:`unknown_lines`."""
        return self._support

    @property
    def requested(self) -> Decimal:
        """The total support requested, in whole đồng."""
        return self._requested

    @property
    def lines(self) -> tuple[LineResult, ...]:
        """The outcome of each budget line, in order."""
        return self._lines

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every reason, with its clause."""
        return self._findings

    @property
    def priority(self) -> PriorityClass:
        """The proposal's priority area and industry."""
        return self._priority

    @property
    def rulebooks(self) -> tuple[str, ...]:
        """The ids of the rulebooks applied."""
        return self._rulebooks

    @property
    def documents(self) -> tuple[str, ...]:
        """The legal documents whose rules were applied."""
        return self._documents

    @property
    def programme_date(self) -> date:
        """The date at which programme rules were read (the approval date under a transition rule)."""
        return self._programme_date

    @property
    def complete(self) -> bool:
        """Whether every line's allowed support is known: computed, or nothing because the
        proposal is ineligible (none not encoded or waiting for an input)."""
        return all(line.allowed is not None for line in self.lines)

    @property
    def unknown_lines(self) -> tuple[LineResult, ...]:
        """The lines whose allowed support is not known (not encoded, or needing an input)."""
        return tuple(line for line in self.lines if line.allowed is None)

    @property
    def counterpart(self) -> Decimal:
        """What the beneficiaries put in on the computed lines."""
        return sum((line.counterpart or Decimal(0) for line in self.lines), Decimal(0))

    def findings_of(self, severity: Severity | str) -> tuple[Finding, ...]:
        """The findings of one severity."""
        return tuple(f for f in self.findings if f.severity == severity)

    def explain(self, lang: str = "vi") -> str:
        """A readable explanation with citations, as a clerk would write it."""
        from .explain import explain

        return explain(self, lang)


_ELIGIBLE: Final = Status.ELIGIBLE
_INELIGIBLE: Final = Status.INELIGIBLE
_NOT_ASSESSABLE: Final = Status.NOT_ASSESSABLE


def _shares(ctx: Context, results: list[LineResult | tuple[Level, BudgetLine]]) -> list[LineResult]:
    """The lines whose level is a share of the proposal's khuyến công budget (point s), once
    the other lines are known: the budget is the sum of the computed lines; when some line is
    not known, neither is the budget."""
    budget_known = True
    budget = 0
    for r in results:
        if isinstance(r, LineResult):
            allowed = r.allowed
            if r.status is _COMPUTED and allowed is not None:
                budget += int(allowed)
            else:
                budget_known = False
    lines: list[LineResult] = []
    for i, result in enumerate(results):
        if isinstance(result, LineResult):
            lines.append(result)
            continue
        level, line = result
        if budget_known:
            lines.append(
                computed_line(i, line, level, _ONE, basis_amount=budget, factor_ratio=_UNIT)
            )
        else:
            ctx.add(
                Finding.of(
                    code="proposal_budget_unknown",
                    severity=Severity.INFO,
                    params={"n": i + 1},
                    rule=level.resolved,
                    line=i,
                )
            )
            lines.append(pending_line(i, line, LineStatus.NEEDS_INPUT, level=level.resolved))
    return lines


def assess(
    proposal: Proposal,
    *,
    as_of: date,
    rulebooks: Rulebook | str | Path | Iterable[Rulebook | str | Path] | None = None,
    allocation: Decimal | None = None,
    relocation: RelocationResult | None = None,
) -> Assessment:
    """Assess ``proposal`` under the rules in force on ``as_of``.

    ``rulebooks`` defaults to the built-in national rulebook; give a province's overlay (from
    :func:`khuyencong.load_rulebook`, or the path of its file), alone or with a national one,
    for local proposals.  ``as_of`` is a ``datetime.date``: a ``datetime`` or a string is an
    :class:`~khuyencong.errors.ArgumentError` naming it (see :mod:`khuyencong._args`).
    ``allocation`` is the annual khuyến công allocation, needed only for the managing agency's
    share (gạch đầu dòng thứ nhất điểm s khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT).
    ``relocation`` is the outcome of :func:`~khuyencong.rules.relocation_interest` for the
    establishment, read only for ``relocation_interest`` lines (Điểm n khoản 2 Điều 6 TTLT
    26/2014; Khoản 6 Điều 4 TT 46/2012): it caps them at its ``support``, leaves them not known
    while it is not assessable and allows nothing when it is ineligible, its findings carried
    over.  Without it, such a line is ``undetermined`` (``relocation_undeclared``).

    Pure: the same proposal, date and rulebooks always give the same assessment.
    """
    if not isinstance(proposal, Proposal):
        raise KhuyenCongError(
            f"assess() takes a khuyencong.Proposal, not {type(proposal).__name__}; "
            "build one with Proposal.model_validate(data)"
        )
    if type(as_of) is not date:
        as_of = check_date(as_of, "as_of")
    if rulebooks is None:
        book, overlays, overlay = national(), _NO_OVERLAYS, None
    else:
        book, overlays = _split_rulebooks(rulebooks)
        overlay = _overlay_for(proposal, overlays)
    ctx = Context(book, as_of, overlay=overlay, plan_year=proposal.plan_year)
    # Fields read more than once, read once (a pydantic model's attribute is a hooked look-up).
    funding_kind = proposal.funding.kind
    beneficiaries = proposal.beneficiaries
    _programme_date(ctx, proposal)
    if overlay is not None and overlay.illustrative:
        ctx.add(
            Finding(
                code="illustrative_rulebook",
                severity=Severity.WARNING,
                params={"title": Text(overlay.title_vi, overlay.title_en)},
            )
        )
    elif funding_kind is _LOCAL and overlays and overlay is None:
        ctx.add(
            Finding(
                code="overlay_province_mismatch",
                severity=Severity.WARNING,
                params={"province": proposal.funding.province},
            )
        )

    if not beneficiaries and proposal.kind is not _GROUP:
        ctx.add(
            Finding(
                code="no_beneficiaries",
                severity=Severity.INFO,
                params=NO_PARAMS,
            )
        )
    for i, beneficiary in enumerate(beneficiaries):
        check_beneficiary(ctx, beneficiary, i)
    budget_lines = proposal.budget_lines
    items = [line.item for line in budget_lines]
    check_activities(ctx, proposal, items)
    check_support_conditions(ctx, proposal, items)
    priority = classify_in(ctx, proposal, items)
    factor = _factor(ctx, proposal, priority, overlay)

    factor_ratio = _UNIT if factor is _ONE else factor.as_integer_ratio()
    national_tables = ctx.tables
    levels: Tables | None = national_tables
    if funding_kind is _LOCAL:
        levels = None if overlay is None else compile_tables(overlay, as_of)
    # A line whose level alone decides it (the common case) goes straight to the formula;
    # _line() does the rest: referrals, levels not encoded, shares of a budget or allocation.
    plain = national_tables.plain if levels is national_tables else _NO_PLAIN
    documents = ctx.documents
    results: list[LineResult | tuple[Level, BudgetLine]] = []
    waiting = False
    requested = 0
    relocating = False
    for i, (line, item) in enumerate(zip(budget_lines, items, strict=True)):
        asked = int(line.requested)
        requested += asked
        if item is _RELOCATION:
            relocating = True
        level = plain.get(item)
        if level is not None:
            documents[level.document] = None
            results.append(computed_line(i, line, level, factor, None, factor_ratio, asked))
            continue
        result = _line(ctx, i, line, factor, factor_ratio, allocation, national_tables, levels)
        if type(result) is not LineResult:
            waiting = True
        results.append(result)
    # Without a share waiting, every result is a LineResult.
    lines: list[LineResult] = _shares(ctx, results) if waiting else results  # type: ignore[assignment]
    if relocating:
        lines = _relocation_lines(ctx, lines, relocation)

    severities = {f.severity for f in ctx.findings} if ctx.findings else _NO_SEVERITY
    if _ERROR in severities:
        status = _INELIGIBLE
    elif _UNDETERMINED in severities:
        status = _NOT_ASSESSABLE
    else:
        status = _ELIGIBLE
    support: Decimal | None
    if status is _INELIGIBLE:
        # Nothing is allowed on any line of an ineligible proposal; each line says why.
        lines = [ineligible_line(line) for line in lines]
        support = Decimal(0)
    else:
        # Not known (None) when some line's level is not encoded or needs an input.
        total = 0
        for result_line in lines:
            allowed = result_line.allowed
            if allowed is None:
                support = None
                break
            total += int(allowed)
        else:
            support = Decimal(total)
    return Assessment(
        proposal.code,
        proposal.title,
        as_of,
        status,
        support,
        Decimal(requested),
        tuple(lines),
        tuple(ctx.findings),
        priority,
        (book.id,) if overlay is None else (book.id, overlay.id),
        tuple(ctx.documents),
        ctx.programme_date,
    )
