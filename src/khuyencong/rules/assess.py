"""``assess()``: given a proposal and a date, whether it may be funded, how much each budget line
may receive, what the beneficiary must put in, and why — every reason with its clause."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

import attrs

from .._args import check_date, check_rulebooks
from ..errors import KhuyenCongError
from ..rulebooks.core import NotEncoded, Resolved, Rulebook
from ..rulebooks.loader import national
from ..rulebooks.model import Basis
from ..schemas.codes import FundingSourceKind, ProposalKind, SupportItem
from ..schemas.proposal import BudgetLine, Proposal
from ..text import province_key
from .activity import check_activities, check_support_conditions
from .cofunding import LineResult, LineStatus, computed_line, ineligible_line, pending_line
from .context import Context
from .eligibility import check_beneficiary
from .findings import Finding, Severity
from .priority import PriorityClass, classify_in

__all__ = ["Assessment", "Status", "assess"]

_ONE = Decimal(1)


class Status(StrEnum):
    """The outcome of an assessment."""

    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    NOT_ASSESSABLE = "not_assessable"


@attrs.frozen(slots=True)
class Assessment:
    """The outcome of :func:`assess` for one proposal at one date."""

    proposal_code: str
    title: str
    as_of: date
    status: Status
    support: Decimal | None
    """Total khuyến công support the rules allow, in whole đồng: the sum of the lines; 0 when
    the proposal is ineligible (nothing is allowed); ``None`` — not known, never 0 — when some
    line's support could not be computed (its level not encoded, or an input missing).  See
    :attr:`complete` and :attr:`unknown_lines`."""
    requested: Decimal
    lines: tuple[LineResult, ...]
    findings: tuple[Finding, ...]
    priority: PriorityClass
    rulebooks: tuple[str, ...]
    documents: tuple[str, ...]
    """The legal documents whose rules were applied."""
    programme_date: date
    """The date at which programme rules were read (the approval date under a transition rule)."""

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


def _split_rulebooks(
    rulebooks: Rulebook | str | Path | Iterable[Rulebook | str | Path] | None,
) -> tuple[Rulebook, list[Rulebook]]:
    books = None if rulebooks is None else check_rulebooks(rulebooks)
    if books is None:
        return national(), []
    nationals = [b for b in books if b.kind == "national"]
    if len(nationals) > 1:
        raise KhuyenCongError("give at most one national rulebook to assess()")
    return (nationals[0] if nationals else national()), [b for b in books if b.kind != "national"]


def _overlay_for(proposal: Proposal, overlays: list[Rulebook]) -> Rulebook | None:
    if proposal.funding.kind is not FundingSourceKind.LOCAL or not overlays:
        return None
    province = proposal.funding.province
    if province is None:
        return overlays[0] if len(overlays) == 1 else None
    wanted = province_key(province)
    for book in overlays:
        if book.province is not None and province_key(book.province) == wanted:
            return book
    return None


def _programme_date(ctx: Context, proposal: Proposal) -> None:
    """NĐ 235/2025 (secondary): proposals approved before it took effect go on as approved."""
    rule = ctx.resolve("transition.approved_proposals_keep_rules")
    if (
        isinstance(rule, Resolved)
        and proposal.approved_on is not None
        and proposal.approved_on < rule.valid_from
    ):
        ctx.programme_date = proposal.approved_on
        ctx.add(
            Finding.of(
                code="transition_old_rules",
                severity=Severity.INFO,
                message_vi=(
                    f"Đề án được phê duyệt ngày {proposal.approved_on:%d/%m/%Y}, trước ngày "
                    f"{rule.valid_from:%d/%m/%Y}: tiếp tục thực hiện theo quy định đã áp dụng khi "
                    "phê duyệt."
                ),
                message_en=(
                    f"Approved on {proposal.approved_on.isoformat()}, before "
                    f"{rule.valid_from.isoformat()}: the proposal goes on under the rules it was "
                    "approved under."
                ),
                rule=rule,
            )
        )


def _factor(
    ctx: Context, proposal: Proposal, priority: PriorityClass, overlay: Rulebook | None
) -> Decimal:
    """Điểm t khoản 2 Điều 6 TTLT 26/2014: priority support at most 1.5 times the level, for the
    priority areas and industries of Khoản 1, 2 Điều 6 NĐ 45/2012 only."""
    factor = proposal.priority_factor
    if factor == _ONE:
        return _ONE
    local = proposal.funding.kind is FundingSourceKind.LOCAL
    book = overlay if local else ctx.national
    if book is None or "priority.support_factor_ceiling" not in book:
        ctx.add(
            Finding(
                code="priority_factor_not_encoded",
                severity=Severity.UNDETERMINED,
                message_vi=(
                    "Hệ số ưu tiên của đề án khuyến công địa phương do tỉnh quy định; chưa có quy "
                    "định của tỉnh để kiểm tra."
                ),
                message_en=(
                    "The priority factor of a local proposal is set by the province; no "
                    "provincial rulebook is loaded to check it."
                ),
            )
        )
        return _ONE
    ceiling = ctx.resolve("priority.support_factor_ceiling", rulebook=book)
    if isinstance(ceiling, NotEncoded):
        ctx.add(Finding.not_encoded(ceiling))
        return _ONE
    problem_vi = problem_en = ""
    if factor < _ONE:
        problem_vi, problem_en = "nhỏ hơn 1", "below 1"
    elif factor > ceiling.decimal:
        problem_vi = f"vượt quá {ceiling.decimal} lần mức hỗ trợ"
        problem_en = f"above {ceiling.decimal} times the support level"
    elif not priority.is_priority and priority.undecided:
        # The only facts that might make it a priority cannot be decided (a deprecated industry
        # code, a certificate without its date): the factor cannot be checked either.
        ctx.add(
            Finding.of(
                code="priority_factor_undecidable",
                severity=Severity.UNDETERMINED,
                message_vi=(
                    f"Hệ số ưu tiên {factor}: chưa xác định được đề án có thuộc ngành nghề ưu tiên "
                    f"hay không ({', '.join(priority.undecided)})."
                ),
                message_en=(
                    f"Priority factor {factor}: whether the proposal is in a priority industry "
                    f"cannot be decided ({', '.join(priority.undecided)})."
                ),
                rule=ceiling,
            )
        )
        return _ONE
    elif not priority.is_priority:
        problem_vi = "nhưng đề án không thuộc địa bàn, ngành nghề ưu tiên"
        problem_en = "but the proposal is in no priority area or industry"
    if problem_vi:
        ctx.add(
            Finding.of(
                code="priority_factor_refused",
                severity=Severity.ERROR,
                message_vi=f"Hệ số ưu tiên {factor} {problem_vi}.",
                message_en=f"Priority factor {factor} {problem_en}.",
                rule=ceiling,
            )
        )
        return _ONE
    return factor


def _level_not_encoded(
    ctx: Context,
    index: int,
    line: BudgetLine,
    vi: str,
    en: str,
    instruments: tuple[str, ...],
    citation_from: Resolved | None = None,
) -> LineResult:
    ctx.add(
        Finding(
            code="level_not_encoded",
            severity=Severity.WARNING,
            message_vi=vi,
            message_en=en,
            citation=None if citation_from is None else citation_from.citation,
            provenance=None if citation_from is None else citation_from.provenance,
            line=index,
            instrument=instruments[0] if instruments else None,
        )
    )
    return pending_line(index, line, LineStatus.NOT_ENCODED, level=None, instruments=instruments)


def _line_not_encoded(ctx: Context, index: int, line: BudgetLine, result: NotEncoded) -> LineResult:
    """A line whose level the governing instrument sets, and the library does not encode."""
    instruments = () if result.instrument is None else (result.instrument,)
    return _level_not_encoded(ctx, index, line, result.reason_vi, result.reason_en, instruments)


def _label(index: int, item: SupportItem) -> tuple[str, str]:
    """How a finding names a budget line, in Vietnamese and English."""
    return f"dòng {index + 1} ({item.vi})", f"line {index + 1} ({item.en})"


def _line(
    ctx: Context,
    index: int,
    line: BudgetLine,
    proposal: Proposal,
    overlay: Rulebook | None,
    factor: Decimal,
    allocation: Decimal | None,
) -> LineResult | tuple[Resolved, BudgetLine]:
    item = line.item
    referral_code = "referral." + item
    if referral_code in ctx.national:
        label = _label(index, item)
        referral = ctx.resolve(referral_code)
        if isinstance(referral, Resolved):
            names = referral.codes
            return _level_not_encoded(
                ctx,
                index,
                line,
                f"Mức chi {label[0]} áp dụng theo {', '.join(names)}; thư viện chưa mã hóa.",
                f"The level for {label[1]} follows {', '.join(names)}, which the library does not encode.",
                names,
                referral,
            )
        return _line_not_encoded(ctx, index, line, referral)
    code = "support." + item
    if proposal.funding.kind is FundingSourceKind.LOCAL:
        if overlay is None:
            rule = ctx.resolve("local.levels_set_by_province")
            if isinstance(rule, Resolved):
                label = _label(index, item)
                return _level_not_encoded(
                    ctx,
                    index,
                    line,
                    f"Mức hỗ trợ {label[0]} của đề án khuyến công địa phương do Ủy ban nhân dân "
                    "cấp tỉnh quy định; chưa nạp quy định của tỉnh (load_rulebook).",
                    f"The level for {label[1]} of a local proposal is set by the provincial "
                    "People's Committee; load the province's rulebook (load_rulebook).",
                    (),
                    rule,
                )
            return _line_not_encoded(ctx, index, line, rule)
        book = overlay
    else:
        book = ctx.national
    if code not in book:
        label = _label(index, item)
        return _level_not_encoded(
            ctx,
            index,
            line,
            f"Không có mức hỗ trợ cho {label[0]} trong {book.title_vi}.",
            f"No support level for {label[1]} in {book.title_en}.",
            (),
        )
    level = ctx.resolve(code, rulebook=book)
    if isinstance(level, NotEncoded):
        return _line_not_encoded(ctx, index, line, level)
    basis = level.support.basis
    if basis is Basis.ANNUAL_ALLOCATION:
        if allocation is None:
            label = _label(index, item)
            ctx.add(
                Finding.of(
                    code="allocation_needed",
                    severity=Severity.INFO,
                    message_vi=(
                        f"{label[0].capitalize()}: mức chi tính trên kinh phí khuyến công được giao "
                        "hằng năm; hãy cho biết kinh phí được giao (allocation)."
                    ),
                    message_en=(
                        f"{label[1].capitalize()}: the level is a share of the annual allocation; "
                        "give the allocation."
                    ),
                    rule=level,
                    line=index,
                )
            )
            return pending_line(index, line, LineStatus.NEEDS_INPUT, level=level)
        return computed_line(index, line, level, _ONE, basis_amount=allocation)
    if basis is Basis.PROPOSAL_BUDGET:
        return (level, line)  # computed once the other lines are known
    return computed_line(index, line, level, factor)


def assess(
    proposal: Proposal,
    *,
    as_of: date,
    rulebooks: Rulebook | str | Path | Iterable[Rulebook | str | Path] | None = None,
    allocation: Decimal | None = None,
) -> Assessment:
    """Assess ``proposal`` under the rules in force on ``as_of``.

    ``rulebooks`` defaults to the built-in national rulebook; give a province's overlay (from
    :func:`khuyencong.load_rulebook`, or the path of its file), alone or with a national one,
    for local proposals.  ``as_of`` is a ``datetime.date``: a ``datetime`` or a string is an
    :class:`~khuyencong.errors.ArgumentError` naming it (see :mod:`khuyencong._args`).
    ``allocation`` is the annual khuyến công allocation, needed only for the managing agency's
    share (gạch đầu dòng thứ nhất điểm s khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT).

    Pure: the same proposal, date and rulebooks always give the same assessment.
    """
    if not isinstance(proposal, Proposal):
        raise KhuyenCongError(
            f"assess() takes a khuyencong.Proposal, not {type(proposal).__name__}; "
            "build one with Proposal.model_validate(data)"
        )
    if type(as_of) is not date:
        as_of = check_date(as_of, "as_of")
    book, overlays = _split_rulebooks(rulebooks)
    overlay = _overlay_for(proposal, overlays)
    ctx = Context(book, as_of, overlay=overlay, plan_year=proposal.plan_year)
    _programme_date(ctx, proposal)
    if overlay is not None and overlay.illustrative:
        ctx.add(
            Finding(
                code="illustrative_rulebook",
                severity=Severity.WARNING,
                message_vi=f"{overlay.title_vi}: số liệu minh họa, không phải quy định của tỉnh.",
                message_en=f"{overlay.title_en}: illustrative figures, not a province's law.",
            )
        )
    elif proposal.funding.kind is FundingSourceKind.LOCAL and overlays and overlay is None:
        ctx.add(
            Finding(
                code="overlay_province_mismatch",
                severity=Severity.WARNING,
                message_vi=(
                    "Không có quy định của tỉnh nào khớp với tỉnh của đề án "
                    f"({proposal.funding.province}); mức hỗ trợ địa phương chưa được áp dụng."
                ),
                message_en=(
                    f"No provincial rulebook matches the proposal's province "
                    f"({proposal.funding.province}); local levels are not applied."
                ),
            )
        )

    if not proposal.beneficiaries and proposal.kind is not ProposalKind.GROUP:
        ctx.add(
            Finding(
                code="no_beneficiaries",
                severity=Severity.INFO,
                message_vi="Đề án chưa khai báo đơn vị thụ hưởng; chưa kiểm tra đối tượng, địa bàn, ngành nghề.",
                message_en="No beneficiary is declared; who, where and which industry are not checked.",
            )
        )
    for i, beneficiary in enumerate(proposal.beneficiaries):
        check_beneficiary(ctx, beneficiary, i)
    check_activities(ctx, proposal)
    check_support_conditions(ctx, proposal)
    priority = classify_in(ctx, proposal)
    factor = _factor(ctx, proposal, priority, overlay)

    results: list[LineResult | tuple[Resolved, BudgetLine]] = [
        _line(ctx, i, line, proposal, overlay, factor, allocation)
        for i, line in enumerate(proposal.budget_lines)
    ]
    # The proposal's khuyến công budget, for lines whose level is a share of it (point s).
    budget_known = True
    budget = Decimal(0)
    for r in results:
        if isinstance(r, LineResult):
            if r.status is LineStatus.COMPUTED and r.allowed is not None:
                budget += r.allowed
            else:
                budget_known = False
    lines: list[LineResult] = []
    for i, result in enumerate(results):
        if isinstance(result, LineResult):
            lines.append(result)
            continue
        level, line = result
        if budget_known:
            lines.append(computed_line(i, line, level, _ONE, basis_amount=budget))
        else:
            ctx.add(
                Finding.of(
                    code="proposal_budget_unknown",
                    severity=Severity.INFO,
                    message_vi=(
                        f"Dòng {i + 1}: chi quản lý tính trên dự toán đề án, nhưng có dòng chưa tính "
                        "được mức hỗ trợ."
                    ),
                    message_en=(
                        f"Line {i + 1}: the management share is a share of the proposal's budget, "
                        "but some lines' support could not be computed."
                    ),
                    rule=level,
                    line=i,
                )
            )
            lines.append(pending_line(i, line, LineStatus.NEEDS_INPUT, level=level))

    severities = {f.severity for f in ctx.findings}
    if Severity.ERROR in severities:
        status = Status.INELIGIBLE
    elif Severity.UNDETERMINED in severities:
        status = Status.NOT_ASSESSABLE
    else:
        status = Status.ELIGIBLE
    support: Decimal | None
    if status is Status.INELIGIBLE:
        # Nothing is allowed on any line of an ineligible proposal; each line says why.
        lines = [ineligible_line(line) for line in lines]
        support = Decimal(0)
    elif any(line.allowed is None for line in lines):
        support = None  # not known: some line's level is not encoded or needs an input
    else:
        support = sum((line.allowed or Decimal(0) for line in lines), Decimal(0))
    books = [book.id] + ([overlay.id] if overlay is not None else [])
    return Assessment(
        proposal_code=proposal.code,
        title=proposal.title,
        as_of=as_of,
        status=status,
        support=support,
        requested=proposal.total_requested,
        lines=tuple(lines),
        findings=tuple(ctx.findings),
        priority=priority,
        rulebooks=tuple(books),
        documents=tuple(ctx.documents),
        programme_date=ctx.programme_date,
    )
