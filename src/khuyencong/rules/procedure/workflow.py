"""The national workflow of Thông tư 36/2013/TT-BCT: one handler per lifecycle event."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ...l10n.catalog import NO_PARAMS, bilingual
from ...schemas.citation import Citation
from ...schemas.codes import (
    Authority,
    ProcurementMethod,
    ProposalKind,
    ProposalState,
)
from ...schemas.proposal import Proposal
from .._procedure import (
    DIRECT_REGISTRATION,
    cite,
    event_dates,
    implementation_year,
    not_encoded_error,
    registered_directly,
    require,
)
from ..advances import AdvanceStage, advance_allowance, advanced_total, contract_ceiling
from ..calendar import DeadlineNotEncoded, registration_deadline
from ..procurement import procurement_method
from .adjustment import AdjustmentKind, _kinds, adjustment_authority
from .common import _RUNNING, A, E, S, _Refuse
from .steps import (
    _apply,
    _Context,
    _decimal,
    _from,
    _need,
    _need_reason,
    _provincial_confirmation,
    _rule,
    _Step,
    _text,
)


def _register(ctx: _Context) -> _Step:
    direct = bool(ctx.details.get("direct", ctx.authority is A.REGIONAL_CENTRE))
    rule = _rule(ctx, "register.direct" if direct else "register.via_department")
    citation = rule.citation
    _apply(ctx, rule)
    deadline = registration_deadline(
        ctx.proposal.plan_year, direct=direct, as_of=ctx.as_of, rulebook=ctx.rb
    )
    if isinstance(deadline, DeadlineNotEncoded):
        raise not_encoded_error(deadline.not_encoded)
    note = ""
    if ctx.as_of > deadline.due:
        guidance = _text(ctx, "guidance")
        if guidance is None:
            raise _Refuse(
                "registration_late",
                {"day_after": deadline.due + timedelta(days=1), "due": deadline.due},
                deadline.citation,
            )
        note = " / ".join(bilingual("history.guidance")) + f": {guidance}"  # stored: vi / en
    return _Step(rule.to_state or ctx.stay, ctx.authority, citation, note=note)


def _state_before_return(proposal: Proposal) -> ProposalState:
    """The state the proposal was in when it was last returned for completion (registered, if
    the history does not say)."""
    for entry in reversed(proposal.history):
        if entry.event is E.RETURN_FOR_COMPLETION:
            return entry.from_state
    return S.REGISTERED


def _return(ctx: _Context) -> _Step:
    direct = registered_directly(ctx.proposal)
    via_department = ctx.state is S.REGISTERED and not direct
    rule = _rule(
        ctx,
        "return_for_completion.via_department"
        if via_department
        else "return_for_completion.department",
    )
    _apply(ctx, rule)
    _need_reason(ctx, cite(9, 5))
    return _Step(rule.to_state or ctx.stay, ctx.authority, rule.citation)


def _resubmit(ctx: _Context) -> _Step:
    _apply(ctx, _rule(ctx, "resubmit"), by=False)
    back = _state_before_return(ctx.proposal)
    via_department = back is S.REGISTERED and not registered_directly(ctx.proposal)
    rule = _rule(ctx, "resubmit.via_department" if via_department else "resubmit.direct")
    _apply(ctx, rule, sources=False)
    return _Step(back, ctx.authority, rule.citation)


def _appraise_base(ctx: _Context) -> _Step:
    rule = _rule(ctx, "appraise_base")
    if registered_directly(ctx.proposal):
        raise _Refuse(
            "no_base_appraisal_for_direct",
            NO_PARAMS,
            DIRECT_REGISTRATION,
        )
    _apply(ctx, rule)
    return _Step(rule.to_state or ctx.stay, ctx.authority, rule.citation)


def _appraise_ministry(ctx: _Context) -> _Step:
    direct = registered_directly(ctx.proposal)
    rule = _rule(ctx, "appraise_ministry.direct" if direct else "appraise_ministry.via_department")
    _apply(ctx, rule)
    return _Step(rule.to_state or ctx.stay, ctx.authority, rule.citation)


def _approve(ctx: _Context) -> _Step:
    rule = _rule(ctx, "approve")
    _apply(ctx, rule)
    return _Step(
        rule.to_state or ctx.stay, ctx.authority, rule.citation, updates={"approved_on": ctx.as_of}
    )


def _reject(ctx: _Context) -> _Step:
    direct = registered_directly(ctx.proposal)
    state = ctx.state
    if state is S.RETURNED:
        state = _state_before_return(ctx.proposal)
    if state is S.REGISTERED and not direct:
        variant = "reject.via_department"
    elif state in (S.REGISTERED, S.BASE_APPRAISED):
        variant = "reject.department"
    else:
        variant = "reject.ministry"
    rule = _rule(ctx, variant)
    _apply(ctx, rule)
    _need_reason(ctx, cite(9))
    return _Step(rule.to_state or ctx.stay, ctx.authority, rule.citation)


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
    rule = _rule(ctx, "fix_beneficiaries")
    citation = rule.citation
    if ctx.proposal.kind is not ProposalKind.GROUP:
        raise _Refuse(
            "not_a_group_proposal",
            NO_PARAMS,
            cite(10, 1, "a"),
        )
    if registered_directly(ctx.proposal):
        raise _Refuse(
            "group_not_via_provincial_department",
            NO_PARAMS,
            cite(21, 2),
        )
    _apply(ctx, rule)
    if event_dates(ctx.proposal, E.FIX_BENEFICIARIES):
        raise _Refuse(
            "beneficiaries_already_fixed",
            NO_PARAMS,
            cite(11, 4),
        )
    updates = _updates(ctx, _FIXABLE)
    if not updates.get("beneficiaries"):
        raise ValueError("detail 'beneficiaries' (one or more) is required to fix a group")
    return _Step(ctx.stay, ctx.authority, citation, updates=updates)


def _contract(ctx: _Context) -> _Step:
    rule = _rule(ctx, "contract")
    citation = rule.citation
    _apply(ctx, rule)
    method = procurement_method(ctx.proposal, ctx.as_of, rulebook=ctx.rb)
    updates: dict[str, Any] = {"procurement": method.method}
    if method.method is ProcurementMethod.BIDDING and _text(ctx, "bidding_decision") is None:
        raise _Refuse(
            "bidding_result_required",
            NO_PARAMS,
            cite(20, 2) if registered_directly(ctx.proposal) else cite(21, 2, "c"),
        )
    # The support under the contract, when given, is recorded: it is the base of the 70 %
    # ceiling on advances (Điểm b khoản 2 Điều 8 TTLT 26/2014/TTLT-BTC-BCT).
    amount = _decimal(ctx, "amount")
    if amount is not None and (amount <= 0 or amount != amount.to_integral_value()):
        raise ValueError(
            "detail 'amount' (the support under the contract) is a positive whole number of đồng"
        )
    return _Step(rule.to_state or ctx.stay, ctx.authority, citation, updates=updates, amount=amount)


def _start(ctx: _Context) -> _Step:
    rule = _rule(ctx, "start")
    _apply(ctx, rule)
    if ctx.proposal.kind is ProposalKind.GROUP and not event_dates(
        ctx.proposal, E.FIX_BENEFICIARIES
    ):
        raise _Refuse(
            "group_plan_not_approved",
            NO_PARAMS,
            cite(21, 2, "a"),
        )
    return _Step(rule.to_state or ctx.stay, ctx.authority, rule.citation)


def _advance(ctx: _Context) -> _Step:
    _apply(ctx, _rule(ctx, "advance"), by=False)
    _apply(ctx, _rule(ctx, "advance.payer"), sources=False)
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
        raise _Refuse(
            first.code,
            first.params,
            first.citation,
            key=first.key,
        )
    if amount > allowance.amount:
        binding = next((n for n in allowance.reasons if n.code == "contract_ceiling_binds"), None)
        rule = binding.citation if binding is not None else allowance.rule
        raise _Refuse(
            "advance_above_allowance",
            {"amount": amount, "amount2": allowance.amount},
            rule,
        )
    return _Step(ctx.stay, ctx.authority, allowance.rule, amount=amount)


def _clause(ctx: _Context, kind: AdjustmentKind) -> Citation:
    """The point of Khoản 2 Điều 11 whose list holds ``kind`` (the parameters
    ``adjustment.ministry`` and ``adjustment.department``, read by :func:`adjustment_authority`)."""
    return adjustment_authority((kind,), as_of=ctx.as_of, rulebook=ctx.rb).citation


def _adjust(ctx: _Context) -> _Step:
    _apply(ctx, _rule(ctx, "adjust"), by=False)
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
                {"kind": kind, "event": event},
                _clause(ctx, kind),
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
            (
                new_total > p.total_requested,
                AdjustmentKind.INCREASE_TOTAL_SUPPORT,
                _clause(ctx, AdjustmentKind.INCREASE_TOTAL_SUPPORT),
            )
        )
        advanced = advanced_total(p)
        if advanced:
            ceiling, rule = contract_ceiling(p, ctx.as_of, support=new_total, rulebook=ctx.rb)
            if advanced > ceiling:
                raise _Refuse(
                    "adjustment_below_advances",
                    {"advanced": advanced, "ceiling": ceiling},
                    rule.citation,
                )
    for name, kind in (
        ("contents", AdjustmentKind.CHANGE_CONTENTS),
        ("beneficiaries", AdjustmentKind.CHANGE_BENEFICIARY),
        ("locations", AdjustmentKind.CHANGE_LOCATION),
        ("coordinating_units", AdjustmentKind.CHANGE_COORDINATING_UNIT),
    ):
        if name in updates:
            declared.append((updates[name] != getattr(p, name), kind, _clause(ctx, kind)))
    year = implementation_year(p)
    for name in ("start_date", "end_date"):
        if name in updates and updates[name] != getattr(p, name):
            if updates[name] is not None and updates[name].year > year:
                raise _Refuse(
                    "timing_beyond_fiscal_year",
                    NO_PARAMS,
                    _clause(ctx, AdjustmentKind.EXTEND_INTO_NEXT_YEAR),
                )
            declared.append(
                (
                    True,
                    AdjustmentKind.CHANGE_TIMING_WITHIN_FISCAL_YEAR,
                    _clause(ctx, AdjustmentKind.CHANGE_TIMING_WITHIN_FISCAL_YEAR),
                )
            )
    for changed, kind, clause in declared:
        if changed and kind not in kinds:
            raise _Refuse(
                "adjustment_not_declared",
                {"kind": kind},
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


def _ministry_decides(name: str) -> Callable[[_Context], _Step]:
    """Extending a proposal into the next year and stopping it: the Ministry decides, on the
    provincial Department's confirmation, with reasons (Điểm a khoản 2, khoản 1 Điều 11; the
    states, the body and the clause are the step ``name`` of the rulebook)."""

    def step(ctx: _Context) -> _Step:
        rule = _rule(ctx, name)
        _apply(ctx, rule)
        _provincial_confirmation(ctx)
        _need_reason(ctx, cite(11, 1))
        return _Step(rule.to_state or ctx.stay, ctx.authority, rule.citation)

    return step


_extend = _ministry_decides("extend")
_stop = _ministry_decides("stop")


def _stop_for_violation(ctx: _Context) -> _Step:
    rule = require(ctx.rb, "adjustment.stop_for_violation", ctx.as_of)
    _from(ctx, _RUNNING, rule.citation)
    _need(ctx, {Authority(str(rule.value))}, rule.citation)
    _need_reason(ctx, rule.citation)
    return _Step(S.STOPPED, ctx.authority, rule.citation)


def _accept_base(ctx: _Context) -> _Step:
    by_department = ctx.authority is A.DEPARTMENT
    rule = _rule(
        ctx, "accept_base.department" if by_department else "accept_base.provincial_department"
    )
    _apply(ctx, rule)
    return _Step(rule.to_state or ctx.stay, ctx.authority, rule.citation)


def _settle(ctx: _Context) -> _Step:
    rule = _rule(ctx, "settle")
    _apply(ctx, rule)
    if advanced_total(ctx.proposal) > ctx.proposal.total_requested:
        raise _Refuse(
            "advances_above_support",
            NO_PARAMS,
            cite(12, 6),
        )
    return _Step(rule.to_state or ctx.stay, ctx.authority, rule.citation)


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
