"""The lifecycle of a khuyến công proposal: who may move it, from where, to where, under which
clause.

National proposals follow Thông tư 36/2013/TT-BCT (in force 10/02/2014, replaced by TT 17/2018/TT-BCT
whose text is not encoded: from 01/01/2018 every step is refused as "not encoded")::

    draft ─register (Art 10.1)─> registered ─appraise_base (Art 8.1.a)─> base_appraised
      ─appraise_ministry (Art 8.2)─> ministry_appraised ─approve (Art 8.3)─> approved
      ─contract (Art 12.1)─> contracted ─start (Art 23.2)─> in_progress
      ─accept_base (Art 21.1 / 20.2)─> accepted ─settle (Art 18.2)─> settled

    registered straight with the Agency (regional centres, several provinces: Art 8.1.b) skips
    the base appraisal; return_for_completion / resubmit (Art 9.5, 10); reject (Art 8);
    fix_beneficiaries of a group proposal by the provincial Department (Art 21.2.a, 23.3);
    adjust (Art 11.2, 11.4) → adjusted; extend into the next year (Art 11.2.a) → extended;
    stop (Art 11.2.a) and stop for violations (Art 11.3) → stopped; advance (Art 12-16).

``adjusted`` and ``extended`` carry on from the state the proposal was in (its
:func:`effective_state`); ``settled``, ``rejected`` and ``stopped`` are final.

Local proposals follow the procedure the provincial People's Committee sets (Điểm b khoản 3
Điều 8 Thông tư 46/2012/TT-BCT): a :class:`LocalProcedure`, from a provincial overlay or built by
the caller.

:func:`transition` never mutates: it returns a new proposal with one more history entry, or
raises :class:`TransitionRefused` (a :class:`~khuyencong.errors.TransitionError`) whose message
gives the reason and the clause, and whose ``refusal`` carries them as data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Any, Final

import attrs
from pydantic import TypeAdapter, ValidationError

from .._args import check_date
from ..errors import KhuyenCongError, NotEncodedError, TransitionError
from ..rulebooks import Rulebook
from ..schemas.citation import Citation
from ..schemas.codes import (
    Authority,
    FundingSourceKind,
    LabelledEnum,
    LifecycleEvent,
    ProcurementMethod,
    ProposalKind,
    ProposalState,
)
from ..schemas.proposal import HistoryEntry, Proposal
from ._procedure import (
    DIRECT_REGISTRATION,
    LOCAL_PROCEDURE,
    cite,
    event_dates,
    implementation_year,
    registered_directly,
    require,
    rulebook_or_national,
)
from .advances import AdvanceStage, advance_allowance, advanced_total, contract_ceiling
from .calendar import DeadlineNotEncoded, registration_deadline
from .findings import Bilingual, Finding, Severity
from .procurement import procurement_method

__all__ = [
    "AdjustmentKind",
    "AuthorityDecision",
    "LocalProcedure",
    "LocalStep",
    "Refusal",
    "TransitionRefused",
    "adjustment_authority",
    "effective_state",
    "transition",
]

S = ProposalState
E = LifecycleEvent
A = Authority

FINAL = frozenset({S.SETTLED, S.REJECTED, S.STOPPED})
_FINAL_CLAUSES: Final = {
    S.SETTLED: Citation(document="36/2013/TT-BCT", article=18, clause=2),
    S.REJECTED: Citation(document="36/2013/TT-BCT", article=8),
    S.STOPPED: Citation(document="36/2013/TT-BCT", article=11),
}
"""The clause that ends a proposal in each final state, cited when a step on a final proposal
is refused and its history records no step: liquidation and settlement (Khoản 2 Điều 18), the
appraisal that does not approve (Điều 8), the stop approved by the Ministry (Điều 11: khoản 2
điểm a, or khoản 3 for violations)."""
"""States a national proposal never leaves."""
_CARRY_ON = frozenset({S.ADJUSTED, S.EXTENDED})
_RUNNING = frozenset({S.APPROVED, S.CONTRACTED, S.IN_PROGRESS})
"""Approved in the plan and not yet accepted: where adjust, extend and stop apply (Art 11)."""


class AdjustmentKind(LabelledEnum):
    """Kinds of adjustment of a national proposal, as Điều 11 TT 36/2013/TT-BCT sorts them."""

    INCREASE_TOTAL_SUPPORT = (
        "increase_total_support",
        "Tăng tổng mức kinh phí hỗ trợ",
        "Raise the total support",
    )
    CHANGE_CONTENTS = (
        "change_contents",
        "Thay đổi nội dung hoạt động khuyến công",
        "Change the khuyến công contents",
    )
    EXTEND_INTO_NEXT_YEAR = (
        "extend_into_next_year",
        "Gia hạn thời gian thực hiện sang năm sau",
        "Extend into the following year",
    )
    ADD_PROPOSAL = ("add_proposal", "Bổ sung đề án", "Add a proposal")
    STOP_PROPOSAL = ("stop_proposal", "Ngừng triển khai đề án", "Stop a proposal")
    CHANGE_LOCATION = ("change_location", "Thay đổi địa điểm", "Change the place")
    CHANGE_BENEFICIARY = (
        "change_beneficiary",
        "Thay đổi đơn vị thụ hưởng",
        "Change the beneficiary",
    )
    CHANGE_COORDINATING_UNIT = (
        "change_coordinating_unit",
        "Thay đổi đơn vị phối hợp",
        "Change the coordinating unit",
    )
    CHANGE_TIMING_WITHIN_FISCAL_YEAR = (
        "change_timing_within_fiscal_year",
        "Thay đổi thời gian thực hiện trong năm tài chính",
        "Change the timing within the fiscal year",
    )
    KEEP_OR_REDUCE_TOTAL_SUPPORT = (
        "keep_or_reduce_total_support",
        "Điều chỉnh không thay đổi hoặc giảm tổng mức kinh phí hỗ trợ",
        "Adjustment that keeps or lowers the total support",
    )
    OTHER = ("other", "Điều chỉnh khác", "Other adjustment")


# ---- Results and refusals -------------------------------------------------------------------


@attrs.frozen(slots=True)
class Refusal(Bilingual):
    """Why a step was refused, in Vietnamese and English, with the clause.

    ``citation`` is the clause refused under; for a rule not encoded at that date it names only
    the governing instrument (e.g. ``17/2018/TT-BCT``).
    """

    code: str
    message_vi: str
    message_en: str
    citation: Citation | None
    event: LifecycleEvent
    from_state: ProposalState

    def finding(self) -> Finding:
        """This refusal as an ``error`` :class:`~khuyencong.Finding` (same code, messages,
        clause)."""
        return Finding(
            code=self.code,
            severity=Severity.ERROR,
            message_vi=self.message_vi,
            message_en=self.message_en,
            citation=self.citation,
        )


class TransitionRefused(TransitionError):
    """A lifecycle step was refused.  ``refusal`` holds the reason and the clause."""

    def __init__(self, refusal: Refusal) -> None:
        where = refusal.citation.en if refusal.citation is not None else "no clause"
        super().__init__(f"{refusal.message_en} [{where}]")
        self.refusal = refusal

    @property
    def citation(self) -> Citation | None:
        """The clause the step was refused under."""
        return self.refusal.citation

    @property
    def code(self) -> str:
        """A stable code for the reason."""
        return self.refusal.code


@attrs.frozen(slots=True)
class AuthorityDecision:
    """Who decides an adjustment, and under which clause.  Unpacks as ``(authority, citation)``."""

    authority: Authority
    citation: Citation

    def __iter__(self) -> Iterator[Authority | Citation]:
        yield self.authority
        yield self.citation


class _Refuse(KhuyenCongError):
    """Internal: raised by the step handlers, turned into :class:`TransitionRefused`."""

    def __init__(self, code: str, vi: str, en: str, citation: Citation | None) -> None:
        super().__init__(en)
        self.code, self.vi, self.en, self.citation = code, vi, en, citation


# ---- Who decides an adjustment (Art 11) ------------------------------------------------------


def _kinds(change_kinds: Iterable[AdjustmentKind | str]) -> frozenset[AdjustmentKind]:
    try:
        return frozenset(AdjustmentKind(k) for k in change_kinds)
    except ValueError as exc:
        known = ", ".join(k.value for k in AdjustmentKind)
        raise ValueError(f"{exc}; the kinds of adjustment are: {known}") from None


def adjustment_authority(
    change_kinds: Iterable[AdjustmentKind | str],
    *,
    as_of: date,
    group: bool = False,
    via_provincial_department: bool = True,
    rulebook: Rulebook | None = None,
) -> AuthorityDecision:
    """The authority competent for an adjustment of a national proposal (Điều 11 TT 36/2013/TT-BCT).

    * Raising the total support, changing contents, extending into the following year, adding
      or stopping a proposal: the Ministry, on the Agency's submission (Điểm a khoản 2).
    * A group proposal's place, coordinating unit or beneficiary, when the provincial
      Department registered or appraised it: the provincial Department (Khoản 4).
    * Place, beneficiary, coordinating unit, timing within the fiscal year, changes that keep or
      lower the support, and other changes: the Agency for Regional Industry (Điểm b khoản 2).

    A request mixing kinds that the provincial Department and the Agency decide separately is
    refused (ask for each apart).  Raises ``NotEncodedError`` where TT 36/2013 does not govern.
    """
    as_of = check_date(as_of, "as_of")
    kinds = _kinds(change_kinds)
    if not kinds:
        raise ValueError("name at least one kind of adjustment")
    rb = rulebook_or_national(rulebook)
    ministry = require(rb, "adjustment.ministry", as_of)
    if any(k.value in ministry.codes for k in kinds):
        return AuthorityDecision(Authority.MINISTRY, ministry.citation)
    if group and via_provincial_department:
        provincial = require(rb, "adjustment.group_provincial_department", as_of)
        inside = {k for k in kinds if k.value in provincial.codes}
        if inside == kinds:
            return AuthorityDecision(Authority.PROVINCIAL_DEPARTMENT, provincial.citation)
        if inside:
            raise TransitionRefused(
                Refusal(
                    code="adjustment_split_between_authorities",
                    message_vi="Điều chỉnh địa điểm, đơn vị phối hợp, đơn vị thụ hưởng của đề án "
                    "nhóm do Sở Công Thương quyết định; các điều chỉnh khác do Cục Công nghiệp "
                    "địa phương: đề nghị riêng từng phần.",
                    message_en="A group proposal's place, coordinating unit and beneficiary are "
                    "for the provincial Department, the rest for the Agency: request them apart.",
                    citation=provincial.citation,
                    event=LifecycleEvent.ADJUST,
                    from_state=ProposalState.APPROVED,
                )
            )
    department = require(rb, "adjustment.department", as_of)
    return AuthorityDecision(Authority.DEPARTMENT, department.citation)


# ---- Local procedures (TT 46/2012 Art 8.3.b) --------------------------------------------------


@attrs.frozen(slots=True)
class LocalStep:
    """One step of a province's local procedure: ``event`` moves a proposal from one of
    ``sources`` to ``target`` (``None``: it stays), decided by one of ``authorities``."""

    event: LifecycleEvent
    sources: frozenset[ProposalState]
    target: ProposalState | None
    authorities: frozenset[Authority]


@attrs.frozen(slots=True)
class LocalProcedure:
    """A province's procedure for local proposals (Điểm b khoản 3 Điều 8 TT 46/2012/TT-BCT: the
    provincial People's Committee sets it).  ``citation`` is the provincial instrument."""

    steps: tuple[LocalStep, ...]
    citation: Citation
    name: str = ""

    @classmethod
    def linear(
        cls,
        steps: Sequence[tuple[LifecycleEvent | str, ProposalState | str, Authority | str]],
        *,
        citation: Citation,
        name: str = "",
    ) -> LocalProcedure:
        """A simple sequence from ``draft``: each (event, state reached, deciding authority)
        follows the previous one."""
        out: list[LocalStep] = []
        previous = ProposalState.DRAFT
        for event, target, authority in steps:
            reached = ProposalState(target)
            out.append(
                LocalStep(
                    LifecycleEvent(event),
                    frozenset({previous}),
                    reached,
                    frozenset({Authority(authority)}),
                )
            )
            previous = reached
        return cls(tuple(out), citation, name)

    @classmethod
    def from_rulebook(cls, rulebook: Rulebook, as_of: date) -> LocalProcedure:
        """The procedure of a provincial overlay: its table parameter ``local.procedure`` maps
        each event to ``["from|from...", "to" or "", "authority|authority..."]``.

        Raises ``NotEncodedError`` when the overlay has no such parameter in force on ``as_of``.
        """
        as_of = check_date(as_of, "as_of")
        if "local.procedure" not in rulebook:
            raise NotEncodedError(
                f"rulebook {rulebook.id!r} has no 'local.procedure': the provincial People's "
                "Committee sets the local procedure "
                f"({LOCAL_PROCEDURE.en})"
            )
        resolved = require(rulebook, "local.procedure", as_of)
        steps: list[LocalStep] = []
        for event, row in resolved.table.items():
            if len(row) != 3:
                raise ValueError(
                    f"local.procedure.{event}: expected [sources, target, authorities], got {row!r}"
                )
            sources, target, authorities = row
            steps.append(
                LocalStep(
                    LifecycleEvent(event),
                    frozenset(ProposalState(s) for s in sources.split("|")),
                    ProposalState(target) if target else None,
                    frozenset(Authority(a) for a in authorities.split("|")),
                )
            )
        return cls(tuple(steps), resolved.citation, rulebook.title_vi)


# ---- State helpers ---------------------------------------------------------------------------


def effective_state(proposal: Proposal) -> ProposalState:
    """The state a proposal carries on from: its state, or, when ``adjusted`` or ``extended``,
    the state it was in before the adjustment or extension."""
    if proposal.state not in _CARRY_ON:
        return proposal.state
    for entry in reversed(proposal.history):
        if entry.from_state not in _CARRY_ON:
            return entry.from_state
    return proposal.state


@attrs.frozen(slots=True)
class _Step:
    to_state: ProposalState
    authority: Authority
    citation: Citation
    amount: Decimal | None = None
    updates: Mapping[str, Any] = attrs.field(factory=dict)
    note: str = ""


@attrs.frozen(slots=True)
class _Context:
    proposal: Proposal
    event: LifecycleEvent
    state: ProposalState
    """The effective state."""
    as_of: date
    authority: Authority
    reason: str
    details: Mapping[str, object]
    rb: Rulebook

    @property
    def stay(self) -> ProposalState:
        """The state the proposal keeps for a step that does not move it."""
        return self.proposal.state


def _need(ctx: _Context, allowed: Iterable[Authority], citation: Citation) -> None:
    allowed = frozenset(allowed)
    if ctx.authority not in allowed:
        names_vi = ", ".join(sorted(a.vi for a in allowed))
        names_en = ", ".join(sorted(a.en for a in allowed))
        raise _Refuse(
            "actor_not_competent",
            f"{ctx.authority.vi} không có thẩm quyền; thẩm quyền: {names_vi}.",
            f"{ctx.authority.en} is not competent; competent: {names_en}.",
            citation,
        )


def _from(ctx: _Context, sources: Iterable[ProposalState], citation: Citation) -> None:
    sources = frozenset(sources)
    if ctx.state not in sources:
        names = ", ".join(sorted(s.value for s in sources))
        raise _Refuse(
            "illegal_state",
            f"Không thể “{ctx.event.vi}” khi đề án ở trạng thái “{ctx.state.vi}” "
            f"(chỉ từ: {names}).",
            f"Cannot '{ctx.event.en}' a proposal that is '{ctx.state.en}' (only from: {names}).",
            citation,
        )


def _need_reason(ctx: _Context, citation: Citation) -> None:
    if not ctx.reason.strip():
        raise _Refuse(
            "reason_required",
            "Phải nêu rõ lý do.",
            "A reason must be given.",
            citation,
        )


def _text(ctx: _Context, key: str) -> str | None:
    value = ctx.details.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"detail {key!r} must be a non-empty text")
    return value


def _decimal(ctx: _Context, key: str) -> Decimal | None:
    value = ctx.details.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise ValueError(f"detail {key!r} must be a whole number, a Decimal or a numeric text")
    return Decimal(value)


def _provincial_confirmation(ctx: _Context) -> None:
    """Điều 11.1: requests for a proposal the provincial Department registered or appraised
    carry the Department's confirmation or request."""
    if registered_directly(ctx.proposal):
        return
    if _text(ctx, "provincial_confirmation") is None:
        raise _Refuse(
            "provincial_confirmation_required",
            "Đề nghị điều chỉnh, bổ sung, ngừng triển khai phải có xác nhận hoặc văn bản đề nghị "
            "của Sở Công Thương (chi tiết “provincial_confirmation”).",
            "The request must carry the provincial Department's confirmation or request "
            "(detail 'provincial_confirmation').",
            cite(11, 1),
        )


# ---- Step handlers (national) -----------------------------------------------------------------


def _register(ctx: _Context) -> _Step:
    direct = bool(ctx.details.get("direct", ctx.authority is A.REGIONAL_CENTRE))
    citation = DIRECT_REGISTRATION if direct else cite(10, 1)
    _from(ctx, {S.DRAFT}, citation)
    _need(
        ctx, {A.IMPLEMENTING_UNIT, A.REGIONAL_CENTRE} if direct else {A.IMPLEMENTING_UNIT}, citation
    )
    deadline = registration_deadline(
        ctx.proposal.plan_year, direct=direct, as_of=ctx.as_of, rulebook=ctx.rb
    )
    if isinstance(deadline, DeadlineNotEncoded):
        raise NotEncodedError(deadline.not_encoded.reason_en, deadline.not_encoded)
    note = ""
    if ctx.as_of > deadline.due:
        guidance = _text(ctx, "guidance")
        if guidance is None:
            raise _Refuse(
                "registration_late",
                f"Hạn đăng ký là trước ngày {deadline.due + timedelta(days=1):%d/%m/%Y} "
                f"(hạn chót {deadline.due:%d/%m/%Y}); trường hợp khác theo "
                "hướng dẫn (chi tiết “guidance”).",
                f"Registration closed on {deadline.due.isoformat()} (inclusive); other cases follow "
                "the guidance of the Department or Agency (detail 'guidance').",
                deadline.citation,
            )
        note = f"Theo hướng dẫn: {guidance}"
    return _Step(S.REGISTERED, ctx.authority, citation, note=note)


def _state_before_return(proposal: Proposal) -> ProposalState:
    """The state the proposal was in when it was last returned for completion (registered, if
    the history does not say)."""
    for entry in reversed(proposal.history):
        if entry.event is E.RETURN_FOR_COMPLETION:
            return entry.from_state
    return S.REGISTERED


def _return(ctx: _Context) -> _Step:
    direct = registered_directly(ctx.proposal)
    if ctx.state is S.REGISTERED and not direct:
        citation, who = cite(8, 1, "a"), A.PROVINCIAL_DEPARTMENT
    else:
        citation, who = cite(6, 2), A.DEPARTMENT
    _from(ctx, {S.REGISTERED, S.BASE_APPRAISED}, citation)
    _need(ctx, {who}, citation)
    _need_reason(ctx, cite(9, 5))
    return _Step(S.RETURNED, ctx.authority, citation)


def _resubmit(ctx: _Context) -> _Step:
    _from(ctx, {S.RETURNED}, cite(10))
    back = _state_before_return(ctx.proposal)
    if back is S.REGISTERED and not registered_directly(ctx.proposal):
        citation = cite(10, 1, "a")
        who = {A.IMPLEMENTING_UNIT}
    else:
        citation = cite(10, 2, "a")
        who = {A.IMPLEMENTING_UNIT, A.REGIONAL_CENTRE, A.PROVINCIAL_DEPARTMENT}
    _need(ctx, who, citation)
    return _Step(back, ctx.authority, citation)


def _appraise_base(ctx: _Context) -> _Step:
    citation = cite(8, 1, "a")
    if registered_directly(ctx.proposal):
        raise _Refuse(
            "no_base_appraisal_for_direct",
            "Đề án của Trung tâm Khuyến công quốc gia ở vùng hoặc thực hiện trên nhiều tỉnh gửi "
            "trực tiếp Cục Công nghiệp địa phương thẩm định, không qua thẩm định cấp cơ sở.",
            "A regional centre's or multi-province proposal goes straight to the Agency for "
            "appraisal, without base-level appraisal.",
            DIRECT_REGISTRATION,
        )
    _from(ctx, {S.REGISTERED}, citation)
    _need(ctx, {A.PROVINCIAL_DEPARTMENT}, citation)
    return _Step(S.BASE_APPRAISED, ctx.authority, citation)


def _appraise_ministry(ctx: _Context) -> _Step:
    citation = cite(8, 2)
    sources = {S.REGISTERED} if registered_directly(ctx.proposal) else {S.BASE_APPRAISED}
    _from(ctx, sources, citation)
    _need(ctx, {A.DEPARTMENT}, citation)
    return _Step(S.MINISTRY_APPRAISED, ctx.authority, citation)


def _approve(ctx: _Context) -> _Step:
    citation = cite(8, 3)
    _from(ctx, {S.MINISTRY_APPRAISED}, citation)
    _need(ctx, {A.MINISTRY}, citation)
    return _Step(S.APPROVED, ctx.authority, citation, updates={"approved_on": ctx.as_of})


def _reject(ctx: _Context) -> _Step:
    direct = registered_directly(ctx.proposal)
    state = ctx.state
    if state is S.RETURNED:
        state = _state_before_return(ctx.proposal)
    if state is S.REGISTERED and not direct:
        citation, who = cite(8, 1, "a"), A.PROVINCIAL_DEPARTMENT
    elif state in (S.REGISTERED, S.BASE_APPRAISED):
        citation, who = cite(8, 2), A.DEPARTMENT
    else:
        citation, who = cite(8, 3), A.MINISTRY
    _from(ctx, {S.REGISTERED, S.BASE_APPRAISED, S.MINISTRY_APPRAISED, S.RETURNED}, citation)
    _need(ctx, {who}, citation)
    _need_reason(ctx, cite(9))
    return _Step(S.REJECTED, ctx.authority, citation)


_FIXABLE = ("beneficiaries", "locations", "coordinating_units")


@cache
def _adapter(name: str) -> TypeAdapter[Any]:
    """A validator of the Proposal field ``name`` alone, built once.  Field constraints are
    checked again when the whole proposal is re-validated."""
    annotation = Proposal.model_fields[name].annotation
    if annotation is None:  # pragma: no cover - every Proposal field is annotated
        raise TypeError(f"Proposal.{name} has no annotation")
    return TypeAdapter(annotation)


def _updates(ctx: _Context, names: Iterable[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        if name in ctx.details:
            try:
                out[name] = _adapter(name).validate_python(ctx.details[name])
            except ValidationError as exc:
                raise ValueError(f"detail {name!r}: {exc}") from None
    return out


def _fix_beneficiaries(ctx: _Context) -> _Step:
    citation = cite(21, 2, "a")
    if ctx.proposal.kind is not ProposalKind.GROUP:
        raise _Refuse(
            "not_a_group_proposal",
            "Chỉ đề án lập theo nhóm mới xác định đơn vị thụ hưởng sau khi giao kế hoạch.",
            "Only group proposals have their beneficiaries fixed after the plan is assigned.",
            cite(10, 1, "a"),
        )
    if registered_directly(ctx.proposal):
        raise _Refuse(
            "group_not_via_provincial_department",
            "Sở Công Thương phê duyệt kế hoạch triển khai đề án nhóm do Sở đăng ký hoặc thẩm định "
            "cấp cơ sở; với đề án gửi trực tiếp Cục, Thông tư không quy định.",
            "The provincial Department approves the implementation plan of group proposals it "
            "registered or appraised; for proposals sent straight to the Agency the circular is "
            "silent.",
            cite(21, 2),
        )
    _from(ctx, {S.APPROVED, S.CONTRACTED}, citation)
    _need(ctx, {A.PROVINCIAL_DEPARTMENT}, citation)
    if event_dates(ctx.proposal, E.FIX_BENEFICIARIES):
        raise _Refuse(
            "beneficiaries_already_fixed",
            "Đơn vị thụ hưởng đã được xác định; thay đổi theo thủ tục điều chỉnh.",
            "The beneficiaries are fixed; change them by adjustment.",
            cite(11, 4),
        )
    updates = _updates(ctx, _FIXABLE)
    if not updates.get("beneficiaries"):
        raise ValueError("detail 'beneficiaries' (one or more) is required to fix a group")
    return _Step(ctx.stay, ctx.authority, citation, updates=updates)


def _contract(ctx: _Context) -> _Step:
    citation = cite(12, 1)
    _from(ctx, {S.APPROVED}, citation)
    _need(ctx, {A.DEPARTMENT}, citation)
    method = procurement_method(ctx.proposal, ctx.as_of, rulebook=ctx.rb)
    updates: dict[str, Any] = {"procurement": method.method}
    if method.method is ProcurementMethod.BIDDING and _text(ctx, "bidding_decision") is None:
        raise _Refuse(
            "bidding_result_required",
            "Đề án thực hiện đấu thầu: cần quyết định phê duyệt kết quả đấu thầu làm cơ sở ký hợp "
            "đồng (chi tiết “bidding_decision”).",
            "A bid proposal needs the decision approving the bidding result before the contract "
            "(detail 'bidding_decision').",
            cite(20, 2) if registered_directly(ctx.proposal) else cite(21, 2, "c"),
        )
    # The support under the contract, when given, is recorded: it is the base of the 70 %
    # ceiling on advances (Điểm b khoản 2 Điều 8 TTLT 26/2014/TTLT-BTC-BCT).
    amount = _decimal(ctx, "amount")
    if amount is not None and (amount <= 0 or amount != amount.to_integral_value()):
        raise ValueError(
            "detail 'amount' (the support under the contract) is a positive whole number of đồng"
        )
    return _Step(S.CONTRACTED, ctx.authority, citation, updates=updates, amount=amount)


def _start(ctx: _Context) -> _Step:
    citation = cite(23, 2)
    _from(ctx, {S.CONTRACTED}, citation)
    _need(ctx, {A.IMPLEMENTING_UNIT, A.REGIONAL_CENTRE}, citation)
    if ctx.proposal.kind is ProposalKind.GROUP and not event_dates(
        ctx.proposal, E.FIX_BENEFICIARIES
    ):
        raise _Refuse(
            "group_plan_not_approved",
            "Đề án nhóm: Sở Công Thương phải phê duyệt kế hoạch triển khai (xác định đơn vị thụ "
            "hưởng) trước khi tổ chức thực hiện.",
            "Group proposal: the provincial Department approves the implementation plan (fixing "
            "the beneficiaries) before work starts.",
            cite(21, 2, "a"),
        )
    return _Step(S.IN_PROGRESS, ctx.authority, citation)


def _advance(ctx: _Context) -> _Step:
    citation = cite(12, 2)
    _from(ctx, {S.CONTRACTED, S.IN_PROGRESS, S.ACCEPTED}, citation)
    _need(ctx, {A.DEPARTMENT}, cite(20, 1))
    amount = _decimal(ctx, "amount")
    if amount is None or amount <= 0 or amount != amount.to_integral_value():
        raise ValueError("detail 'amount' (a positive whole number of đồng) is required")
    raw_stage = ctx.details.get("stage")
    if raw_stage is None:
        if advanced_total(ctx.proposal) == 0:
            stage = AdvanceStage.FIRST
        elif ctx.state is S.ACCEPTED:
            stage = AdvanceStage.REMAINING
        else:
            stage = AdvanceStage.NEXT
    else:
        stage = AdvanceStage(str(raw_stage))
    allowance = advance_allowance(
        ctx.proposal,
        stage,
        ctx.as_of,
        base_accepted=ctx.state is S.ACCEPTED,
        progress=_decimal(ctx, "progress"),
        ratio_decided=_decimal(ctx, "ratio_decided"),
        rulebook=ctx.rb,
    )
    if not allowance.allowed:
        first = allowance.reasons[0]
        raise _Refuse(first.code, first.message_vi, first.message_en, first.citation)
    if amount > allowance.amount:
        binding = next((n for n in allowance.reasons if n.code == "contract_ceiling_binds"), None)
        rule = binding.citation if binding is not None else allowance.rule
        raise _Refuse(
            "advance_above_allowance",
            f"Số tạm ứng {amount} đồng vượt mức được tạm ứng {allowance.amount} đồng.",
            f"The advance of {amount} đồng exceeds the {allowance.amount} đồng allowed.",
            rule,
        )
    return _Step(ctx.stay, ctx.authority, allowance.rule, amount=amount)


def _adjust(ctx: _Context) -> _Step:
    _from(ctx, _RUNNING, cite(11, 2))
    raw = ctx.details.get("changes")
    if raw is None or isinstance(raw, str) or not isinstance(raw, Iterable):
        raise ValueError("detail 'changes' (a list of AdjustmentKind) is required")
    kinds = _kinds(raw)
    routed = {
        AdjustmentKind.EXTEND_INTO_NEXT_YEAR: "extend",
        AdjustmentKind.STOP_PROPOSAL: "stop",
        AdjustmentKind.ADD_PROPOSAL: "approve",
    }
    for kind, event in routed.items():
        if kind in kinds:
            raise _Refuse(
                "use_dedicated_event",
                f"“{kind.vi}” là một bước riêng (sự kiện “{event}”).",
                f"'{kind.en}' is a step of its own (event '{event}').",
                cite(11, 2, "a"),
            )
    updates = _updates(
        ctx,
        (
            "budget_lines",
            "contents",
            "beneficiaries",
            "locations",
            "coordinating_units",
            "start_date",
            "end_date",
        ),
    )
    p = ctx.proposal
    declared: list[tuple[bool, AdjustmentKind, Citation]] = []
    if "budget_lines" in updates:
        new_total = sum((line.requested for line in updates["budget_lines"]), Decimal(0))
        declared.append(
            (new_total > p.total_requested, AdjustmentKind.INCREASE_TOTAL_SUPPORT, cite(11, 2, "a"))
        )
        advanced = advanced_total(p)
        if advanced:
            ceiling, rule = contract_ceiling(p, ctx.as_of, support=new_total, rulebook=ctx.rb)
            if advanced > ceiling:
                raise _Refuse(
                    "adjustment_below_advances",
                    f"Đã tạm ứng {advanced} đồng, vượt mức tạm ứng tối đa {ceiling} đồng sau "
                    "điều chỉnh; phải hoàn trả phần tạm ứng không có khối lượng (khoản 6 Điều 12).",
                    f"{advanced} đồng already advanced exceeds the {ceiling} đồng ceiling after the "
                    "adjustment; refund the advance without matching work first (Art 12.6).",
                    rule.citation,
                )
    for name, kind, clause in (
        ("contents", AdjustmentKind.CHANGE_CONTENTS, cite(11, 2, "a")),
        ("beneficiaries", AdjustmentKind.CHANGE_BENEFICIARY, cite(11, 2, "b")),
        ("locations", AdjustmentKind.CHANGE_LOCATION, cite(11, 2, "b")),
        ("coordinating_units", AdjustmentKind.CHANGE_COORDINATING_UNIT, cite(11, 2, "b")),
    ):
        if name in updates:
            declared.append((updates[name] != getattr(p, name), kind, clause))
    year = implementation_year(p)
    for name in ("start_date", "end_date"):
        if name in updates and updates[name] != getattr(p, name):
            if updates[name] is not None and updates[name].year > year:
                raise _Refuse(
                    "timing_beyond_fiscal_year",
                    "Kéo dài thời gian thực hiện sang năm sau là gia hạn (sự kiện “extend”), do "
                    "Bộ Công Thương phê duyệt.",
                    "Moving the work into the following year is an extension (event 'extend'), "
                    "approved by the Ministry.",
                    cite(11, 2, "a"),
                )
            declared.append(
                (True, AdjustmentKind.CHANGE_TIMING_WITHIN_FISCAL_YEAR, cite(11, 2, "b"))
            )
    for changed, kind, clause in declared:
        if changed and kind not in kinds:
            raise _Refuse(
                "adjustment_not_declared",
                f"Nội dung điều chỉnh “{kind.vi}” phải được nêu trong đề nghị (chi tiết “changes”).",
                f"The adjustment '{kind.en}' must be declared in the request (detail 'changes').",
                clause,
            )
    decision = adjustment_authority(
        kinds,
        as_of=ctx.as_of,
        group=p.kind is ProposalKind.GROUP,
        via_provincial_department=not registered_directly(p),
        rulebook=ctx.rb,
    )
    _need(ctx, {decision.authority}, decision.citation)
    if decision.authority is not A.PROVINCIAL_DEPARTMENT:
        _provincial_confirmation(ctx)
    _need_reason(ctx, cite(11, 1))
    return _Step(S.ADJUSTED, ctx.authority, decision.citation, updates=updates)


def _ministry_decides(target: ProposalState) -> Callable[[_Context], _Step]:
    """Extending a proposal into the next year and stopping it: the Ministry decides, on the
    provincial Department's confirmation, with reasons (Điểm a khoản 2, khoản 1 Điều 11)."""

    def step(ctx: _Context) -> _Step:
        citation = cite(11, 2, "a")
        _from(ctx, _RUNNING, citation)
        _need(ctx, {A.MINISTRY}, citation)
        _provincial_confirmation(ctx)
        _need_reason(ctx, cite(11, 1))
        return _Step(target, ctx.authority, citation)

    return step


_extend = _ministry_decides(S.EXTENDED)
_stop = _ministry_decides(S.STOPPED)


def _stop_for_violation(ctx: _Context) -> _Step:
    rule = require(ctx.rb, "adjustment.stop_for_violation", ctx.as_of)
    _from(ctx, _RUNNING, rule.citation)
    _need(ctx, {Authority(str(rule.value))}, rule.citation)
    _need_reason(ctx, rule.citation)
    return _Step(S.STOPPED, ctx.authority, rule.citation)


def _accept_base(ctx: _Context) -> _Step:
    citation = cite(20, 2) if ctx.authority is A.DEPARTMENT else cite(21, 1)
    _from(ctx, {S.IN_PROGRESS}, citation)
    _need(ctx, {A.PROVINCIAL_DEPARTMENT, A.DEPARTMENT}, citation)
    return _Step(S.ACCEPTED, ctx.authority, citation)


def _settle(ctx: _Context) -> _Step:
    citation = cite(18, 2)
    _from(ctx, {S.ACCEPTED}, citation)
    _need(ctx, {A.DEPARTMENT}, citation)
    if advanced_total(ctx.proposal) > ctx.proposal.total_requested:
        raise _Refuse(
            "advances_above_support",
            "Số đã tạm ứng vượt kinh phí hỗ trợ: phải hoàn trả trước khi quyết toán.",
            "More was advanced than the support: refund before settling.",
            cite(12, 6),
        )
    return _Step(S.SETTLED, ctx.authority, citation)


_HANDLERS = {
    E.REGISTER: _register,
    E.RETURN_FOR_COMPLETION: _return,
    E.RESUBMIT: _resubmit,
    E.APPRAISE_BASE: _appraise_base,
    E.APPRAISE_MINISTRY: _appraise_ministry,
    E.APPROVE: _approve,
    E.REJECT: _reject,
    E.FIX_BENEFICIARIES: _fix_beneficiaries,
    E.CONTRACT: _contract,
    E.START: _start,
    E.ADVANCE: _advance,
    E.ADJUST: _adjust,
    E.EXTEND: _extend,
    E.STOP: _stop,
    E.STOP_FOR_VIOLATION: _stop_for_violation,
    E.ACCEPT_BASE: _accept_base,
    E.SETTLE: _settle,
}


# ---- The entry point ---------------------------------------------------------------------------


def _authority(
    actor: str | Authority, details: Mapping[str, object]
) -> tuple[Authority, str | None]:
    if isinstance(actor, Authority):
        return actor, None
    try:
        return Authority(actor), None
    except ValueError:
        pass
    given = details.get("authority")
    if given is None:
        raise ValueError(
            f"actor {actor!r} is not an Authority code; pass authority=... for a named actor"
        )
    return Authority(str(given)), actor


def _local_step(
    proposal: Proposal, event: LifecycleEvent, authority: Authority, procedure: LocalProcedure
) -> _Step:
    matching = [s for s in procedure.steps if s.event is event]
    if not matching:
        raise _Refuse(
            "event_not_in_local_procedure",
            f"Quy trình địa phương không có bước “{event.vi}”.",
            f"The local procedure has no step '{event.en}'.",
            procedure.citation,
        )
    here = [s for s in matching if proposal.state in s.sources]
    if not here:
        raise _Refuse(
            "illegal_state",
            f"Không thể “{event.vi}” khi đề án ở trạng thái “{proposal.state.vi}”.",
            f"Cannot '{event.en}' a proposal that is '{proposal.state.en}'.",
            procedure.citation,
        )
    step = next((s for s in here if authority in s.authorities), None)
    if step is None:
        names = ", ".join(sorted(a.en for s in here for a in s.authorities))
        raise _Refuse(
            "actor_not_competent",
            f"{authority.vi} không có thẩm quyền theo quy trình địa phương.",
            f"{authority.en} is not competent under the local procedure (competent: {names}).",
            procedure.citation,
        )
    return _Step(step.target or proposal.state, authority, procedure.citation)


def transition(
    proposal: Proposal,
    event: LifecycleEvent | str,
    *,
    as_of: date,
    actor: str | Authority,
    reason: str = "",
    rulebook: Rulebook | None = None,
    procedure: LocalProcedure | None = None,
    **details: object,
) -> Proposal:
    """Apply ``event`` to ``proposal`` on ``as_of`` by ``actor``; return the new proposal.

    The result is a copy with the new state and one more :class:`HistoryEntry` (event, from and
    to state, authority, date, reason, citation, amount).  ``proposal`` itself never changes.

    National proposals follow Thông tư 36/2013/TT-BCT (see the module docstring for the steps and
    their clauses); local proposals follow ``procedure`` (Điểm b khoản 3 Điều 8 Thông tư
    46/2012/TT-BCT).  ``actor`` is an :class:`Authority` (or its code), or a name together with
    ``authority=...``.  Event details: ``direct`` and ``guidance`` (register), ``beneficiaries``,
    ``locations``, ``coordinating_units`` (fix_beneficiaries, adjust), ``bidding_decision``
    (contract), ``amount``, ``stage``, ``progress``, ``ratio_decided`` (advance), ``changes``,
    ``budget_lines``, ``contents``, ``start_date``, ``end_date`` and ``provincial_confirmation``
    (adjust, extend, stop).

    Raises :class:`TransitionRefused` with the reason and the clause; a step at a date whose
    governing instrument is not encoded is refused naming that instrument.  Malformed details
    raise ``ValueError``.
    """
    as_of = check_date(as_of, "as_of")
    event = LifecycleEvent(event)
    authority, actor_name = _authority(actor, details)
    national = proposal.funding.kind is FundingSourceKind.NATIONAL
    state = effective_state(proposal) if national else proposal.state

    def refuse(code: str, vi: str, en: str, citation: Citation | None) -> TransitionRefused:
        return TransitionRefused(Refusal(code, vi, en, citation, event, proposal.state))

    if proposal.history and as_of < proposal.history[-1].on:
        last = proposal.history[-1]
        raise refuse(
            "before_last_step",
            f"Ngày {as_of:%d/%m/%Y} trước bước gần nhất ({last.on:%d/%m/%Y}).",
            f"{as_of.isoformat()} is before the last step ({last.on.isoformat()}).",
            last.citation,
        )
    rb = rulebook_or_national(rulebook)
    try:
        if national:
            if proposal.state in FINAL:
                last_citation = proposal.history[-1].citation if proposal.history else None
                if last_citation is None:
                    # No recorded step: cite the article that makes the state final.
                    last_citation = _FINAL_CLAUSES[proposal.state]
                raise _Refuse(
                    "final_state",
                    f"Đề án đã ở trạng thái cuối “{proposal.state.vi}”.",
                    f"The proposal is final: '{proposal.state.en}'.",
                    last_citation,
                )
            require(rb, "workflow.national", as_of)
            ctx = _Context(proposal, event, state, as_of, authority, reason, details, rb)
            step = _HANDLERS[event](ctx)
        else:
            if procedure is None:
                enabling = require(rb, "local.procedure_set_by_province", as_of)
                raise _Refuse(
                    "local_procedure_required",
                    "Ủy ban nhân dân cấp tỉnh quy định quy trình đề án khuyến công địa phương: "
                    "truyền quy trình (procedure=LocalProcedure...).",
                    "The provincial People's Committee sets the procedure of local proposals: "
                    "pass it (procedure=LocalProcedure...).",
                    enabling.citation,
                )
            step = _local_step(proposal, event, authority, procedure)
    except _Refuse as exc:
        raise refuse(exc.code, exc.vi, exc.en, exc.citation) from None
    except NotEncodedError as exc:
        not_encoded = exc.not_encoded
        instrument = exc.instrument
        raise refuse(
            "not_encoded",
            not_encoded.reason_vi if not_encoded is not None else str(exc),
            not_encoded.reason_en if not_encoded is not None else str(exc),
            Citation(document=instrument) if instrument else None,
        ) from None

    entry = HistoryEntry(
        event=event,
        on=as_of,
        from_state=proposal.state,
        to_state=step.to_state,
        authority=step.authority,
        actor=actor_name,
        reason=" ".join(x for x in (reason.strip(), step.note) if x),
        citation=step.citation,
        amount=step.amount,
    )
    update: dict[str, Any] = {
        **step.updates,
        "state": step.to_state,
        "history": (*proposal.history, entry),
    }
    fields = set(step.updates) - {"approved_on", "procurement"}
    new = proposal.model_copy(update=update)
    if fields:
        # User-supplied fields: run the model's own checks once more on the whole proposal.
        new = Proposal.model_validate(new.model_dump())
    return new
