"""The budget lines of an assessment: the level each line takes, the factor applied, and the
line whose level is not encoded (moved from ``assess.py``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..l10n.catalog import NO_PARAMS, Msg, Text
from ..rulebooks.codes import REFERRAL, SUPPORT_LEVEL
from ..rulebooks.core import NotEncoded, Resolved, Rulebook
from ..rulebooks.model import Basis
from ..schemas.codes import FundingSourceKind, ProposalKind, SupportItem
from ..schemas.proposal import BudgetLine, Proposal
from .cofunding import LineResult, LineStatus, computed_line, ineligible_line, pending_line
from .context import Context
from .findings import Finding, Severity
from .priority import PriorityClass
from .tables import Level, Tables

if TYPE_CHECKING:
    from .relocation import RelocationResult

_ONE: Final = Decimal(1)
_UNIT: Final = (1, 1)

# Enum members read on every assessment, bound once (a class attribute look-up of an enum
# member costs about 60 ns on CPython 3.11).
_LOCAL: Final = FundingSourceKind.LOCAL
_GROUP: Final = ProposalKind.GROUP
_PROPOSAL_BUDGET: Final = Basis.PROPOSAL_BUDGET
_ANNUAL_ALLOCATION: Final = Basis.ANNUAL_ALLOCATION
_ERROR: Final = Severity.ERROR
_UNDETERMINED: Final = Severity.UNDETERMINED
_COMPUTED: Final = LineStatus.COMPUTED
_RELOCATION: Final = SupportItem.RELOCATION_INTEREST


_BELOW_ONE: Final = Text("nhỏ hơn 1", "below 1")
_NOT_PRIORITY: Final = Text(
    "nhưng đề án không thuộc địa bàn, ngành nghề ưu tiên",
    "but the proposal is in no priority area or industry",
)


def _factor(
    ctx: Context, proposal: Proposal, priority: PriorityClass, overlay: Rulebook | None
) -> Decimal:
    """Điểm t khoản 2 Điều 6 TTLT 26/2014: priority support at most 1.5 times the level, for the
    priority areas and industries of Khoản 1, 2 Điều 6 NĐ 45/2012 only."""
    factor = proposal.priority_factor
    if factor == _ONE:
        return _ONE
    local = proposal.funding.kind is _LOCAL
    book = overlay if local else ctx.national
    if book is None or "priority.support_factor_ceiling" not in book:
        ctx.add(
            Finding(
                code="priority_factor_not_encoded",
                severity=Severity.UNDETERMINED,
                params=NO_PARAMS,
            )
        )
        return _ONE
    ceiling = ctx.resolve("priority.support_factor_ceiling", rulebook=book)
    if isinstance(ceiling, NotEncoded):
        ctx.add(Finding.not_encoded(ceiling))
        return _ONE
    problem: Text | None = None
    if factor < _ONE:
        problem = _BELOW_ONE
    elif factor > ceiling.decimal:
        problem = Text(
            f"vượt quá {ceiling.decimal} lần mức hỗ trợ",
            f"above {ceiling.decimal} times the support level",
        )
    elif not priority.is_priority and priority.undecided:
        # The only facts that might make it a priority cannot be decided (a deprecated industry
        # code, a certificate without its date): the factor cannot be checked either.
        ctx.add(
            Finding.of(
                code="priority_factor_undecidable",
                severity=Severity.UNDETERMINED,
                params={"factor": factor, "undecided": ", ".join(priority.undecided)},
                rule=ceiling,
            )
        )
        return _ONE
    elif not priority.is_priority:
        problem = _NOT_PRIORITY
    if problem is not None:
        ctx.add(
            Finding.of(
                code="priority_factor_refused",
                severity=Severity.ERROR,
                params={"factor": factor, "problem": problem},
                rule=ceiling,
            )
        )
        return _ONE
    return factor


def _level_not_encoded(
    ctx: Context,
    index: int,
    line: BudgetLine,
    texts: Callable[[], tuple[Mapping[str, Any], str | None]],
    instruments: tuple[str, ...],
    citation_from: Resolved | None,
    memo: dict[tuple[object, ...], tuple[object, Finding]],
    key: tuple[object, ...],
    anchor: object,
) -> LineResult:
    """The line's level is not encoded: its finding (prepared once per date, line position and
    the answer it rests on — ``anchor``, kept with it — and then reused) and its pending result."""
    cached = memo.get(key)
    if cached is not None and cached[0] is anchor:
        finding = cached[1]
    else:
        params, text_key = texts()
        finding = Finding(
            code="level_not_encoded",
            severity=Severity.WARNING,
            params=params,
            key=text_key,
            citation=None if citation_from is None else citation_from.citation,
            provenance=None if citation_from is None else citation_from.provenance,
            line=index,
            instrument=instruments[0] if instruments else None,
        )
        if len(memo) >= 4096:
            memo.clear()
        memo[key] = (anchor, finding)
    ctx.add(finding)
    return pending_line(index, line, LineStatus.NOT_ENCODED, level=None, instruments=instruments)


def _line_not_encoded(
    ctx: Context,
    index: int,
    line: BudgetLine,
    result: NotEncoded,
    memo: dict[tuple[object, ...], tuple[object, Finding]],
) -> LineResult:
    """A line whose level the governing instrument sets, and the library does not encode."""
    instruments = () if result.instrument is None else (result.instrument,)
    return _level_not_encoded(
        ctx,
        index,
        line,
        lambda: ({"reason": Text(result.reason_vi, result.reason_en)}, None),
        instruments,
        None,
        memo,
        ("not_encoded", id(result), index),
        result,
    )


def _label(index: int, item: SupportItem) -> Msg:
    """How a finding names a budget line (rendered in the finding's language)."""
    return Msg("detail.line", {"n": index + 1, "item": item})


_MISSING: Final[Any] = object()


def _referrals(tables: Tables) -> frozenset[str]:
    """The items whose level another instrument sets (their :data:`~..rulebooks.codes.REFERRAL`
    parameter is in the rulebook), once per rulebook and date."""
    memo = tables.memo
    found = memo.get(("referrals",))
    if found is None:
        book = tables.book
        found = memo[("referrals",)] = frozenset(
            item.value for item, code in REFERRAL.items() if code in book
        )
    return found


def _line(
    ctx: Context,
    index: int,
    line: BudgetLine,
    factor: Decimal,
    factor_ratio: tuple[int, int],
    allocation: Decimal | None,
    national_tables: Tables,
    levels: Tables | None,
) -> LineResult | tuple[Level, BudgetLine]:
    """One budget line: its level from ``levels`` (the tables of the national rulebook or of
    the province's overlay at the assessment date; ``None`` for a local proposal without one)."""
    item = line.item
    memo = national_tables.findings
    if item in _referrals(national_tables):
        referral = ctx.resolve(REFERRAL[item])
        if isinstance(referral, Resolved):
            names = referral.codes

            def referral_texts() -> tuple[Mapping[str, Any], str | None]:
                params = {"line": _label(index, item), "names": ", ".join(names)}
                return params, "finding.level_not_encoded.referral"

            return _level_not_encoded(
                ctx,
                index,
                line,
                referral_texts,
                names,
                referral,
                memo,
                ("referral", item, index, id(referral)),
                referral,
            )
        return _line_not_encoded(ctx, index, line, referral, memo)
    if levels is None:
        # A local proposal without the province's rulebook.
        rule = ctx.resolve("local.levels_set_by_province")
        if isinstance(rule, Resolved):

            def local_texts() -> tuple[Mapping[str, Any], str | None]:
                return {"line": _label(index, item)}, "finding.level_not_encoded.local"

            return _level_not_encoded(
                ctx,
                index,
                line,
                local_texts,
                (),
                rule,
                memo,
                ("local", item, index, id(rule)),
                rule,
            )
        return _line_not_encoded(ctx, index, line, rule, memo)
    book = levels.book
    found = levels.levels.get(item, _MISSING)
    if found is _MISSING:
        found = levels.level(item, SUPPORT_LEVEL[item])
    if found is None:

        def absent_texts() -> tuple[Mapping[str, Any], str | None]:
            params = {"line": _label(index, item), "book": Text(book.title_vi, book.title_en)}
            return params, "finding.level_not_encoded.absent"

        return _level_not_encoded(
            ctx, index, line, absent_texts, (), None, memo, ("absent", id(book), item, index), book
        )
    if isinstance(found, NotEncoded):
        return _line_not_encoded(ctx, index, line, found, memo)
    level = found
    if level.quiet:
        ctx.documents[level.document] = None
    else:
        ctx.record(book, level.code, level.resolved)
    basis = level.basis
    if basis is _ANNUAL_ALLOCATION:
        if allocation is None:
            ctx.add(
                Finding.of(
                    code="allocation_needed",
                    severity=Severity.INFO,
                    params={"label": Msg("detail.line_start", {"n": index + 1, "item": item})},
                    rule=level.resolved,
                    line=index,
                )
            )
            return pending_line(index, line, LineStatus.NEEDS_INPUT, level=level.resolved)
        return computed_line(index, line, level, _ONE, basis_amount=allocation, factor_ratio=_UNIT)
    if basis is _PROPOSAL_BUDGET:
        return (level, line)  # computed once the other lines are known
    if levels is national_tables and level.quiet:
        # Nothing but this level decides such a line at this date: assess() goes straight to
        # the formula next time.
        national_tables.plain[item] = level
    return computed_line(index, line, level, factor, factor_ratio=factor_ratio)


def _relocation_lines(
    ctx: Context, lines: list[LineResult], relocation: RelocationResult | None
) -> list[LineResult]:
    """The ``relocation_interest`` lines under the establishment's relocation outcome (Điểm n
    khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT; Khoản 6 Điều 4 TT 46/2012/TT-BCT).  Only the lines
    whose level was computed are bounded; the outcome's findings are carried over once, on the
    first such line."""
    out: list[LineResult] = []
    remaining = None if relocation is None else relocation.support
    carried = False
    for line in lines:
        if line.item is not _RELOCATION:
            out.append(line)
            continue
        if relocation is None:
            if line.status is _COMPUTED:
                ctx.add(
                    Finding(
                        code="relocation_undeclared",
                        severity=Severity.UNDETERMINED,
                        params={"n": line.index + 1},
                        citation=line.citation,
                        provenance=line.provenance,
                        line=line.index,
                    )
                )
            out.append(line)
            continue
        if not carried:
            carried = True
            for finding in relocation.findings:
                ctx.add(attrs.evolve(finding, line=line.index))
        if line.status is not _COMPUTED:
            out.append(line)
        elif relocation.status == "ineligible":
            out.append(ineligible_line(line))
        elif remaining is None:
            out.append(
                line.evolve(
                    status=LineStatus.NEEDS_INPUT, allowed=None, counterpart=None, limit=None
                )
            )
        else:
            allowed = line.allowed if line.allowed is not None else Decimal(0)
            if remaining < allowed:
                line = line.evolve(
                    allowed=remaining,
                    counterpart=line.cost - remaining - line.other_sources,
                    limit="relocation",
                )
                allowed = remaining
            remaining -= allowed
            out.append(line)
    return out
