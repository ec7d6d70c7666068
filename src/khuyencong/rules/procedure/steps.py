"""The state of a proposal and the checks every step handler shares (who acts, from where, why)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from ...l10n.catalog import NO_PARAMS, Text
from ...rulebooks import Rulebook
from ...schemas.citation import Citation
from ...schemas.codes import (
    Authority,
    LifecycleEvent,
    ProposalState,
)
from ...schemas.proposal import Proposal
from .._procedure import (
    cite,
    registered_directly,
    require,
)
from .common import _CARRY_ON, _Refuse


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


STEP_PARAMS: Final[Mapping[str, str]] = {
    "register.via_department": "workflow.step.register.via_department",
    "register.direct": "workflow.step.register.direct",
    "return_for_completion.via_department": "workflow.step.return_for_completion.via_department",
    "return_for_completion.department": "workflow.step.return_for_completion.department",
    "resubmit": "workflow.step.resubmit",
    "resubmit.via_department": "workflow.step.resubmit.via_department",
    "resubmit.direct": "workflow.step.resubmit.direct",
    "appraise_base": "workflow.step.appraise_base",
    "appraise_ministry.via_department": "workflow.step.appraise_ministry.via_department",
    "appraise_ministry.direct": "workflow.step.appraise_ministry.direct",
    "approve": "workflow.step.approve",
    "reject.via_department": "workflow.step.reject.via_department",
    "reject.department": "workflow.step.reject.department",
    "reject.ministry": "workflow.step.reject.ministry",
    "fix_beneficiaries": "workflow.step.fix_beneficiaries",
    "contract": "workflow.step.contract",
    "start": "workflow.step.start",
    "advance": "workflow.step.advance",
    "advance.payer": "workflow.step.advance.payer",
    "adjust": "workflow.step.adjust",
    "extend": "workflow.step.extend",
    "stop": "workflow.step.stop",
    "accept_base.department": "workflow.step.accept_base.department",
    "accept_base.provincial_department": "workflow.step.accept_base.provincial_department",
    "settle": "workflow.step.settle",
}
"""The steps of the national workflow held as data: each step's name and its parameter
``workflow.step.<name>`` (``rulebooks/data/params/workflow.toml``), written out so that the names
are checked.  A test checks every name here is in the rulebook and every name the handlers ask
for is here."""


@attrs.frozen(slots=True)
class StepRule:
    """One step of the workflow read from the rulebook: the states it starts from, the state it
    leads to (``None`` when the step keeps the state or the handler computes it), the competent
    bodies and the clause of the dated value."""

    sources: frozenset[ProposalState]
    to_state: ProposalState | None
    by: frozenset[Authority]
    citation: Citation


def step_rule(rb: Rulebook, name: str, as_of: date) -> StepRule:
    """The step ``name`` (one of :data:`STEP_PARAMS`) at ``as_of``; raises
    :class:`~khuyencong.errors.NotEncodedError` when the rulebook does not encode it then, and
    ``KeyError`` for a name not in :data:`STEP_PARAMS` (a typo is an error, not a finding)."""
    if name not in STEP_PARAMS:
        raise KeyError(f"no workflow step {name!r}")
    resolved = require(rb, STEP_PARAMS[name], as_of)
    table = resolved.value
    if not isinstance(table, Mapping):  # pragma: no cover - the loader checks the type
        raise TypeError(f"{STEP_PARAMS[name]} is not a table")
    to = table.get("to", ())
    return StepRule(
        sources=frozenset(ProposalState(s) for s in table.get("from", ())),
        to_state=ProposalState(to[0]) if to else None,
        by=frozenset(Authority(a) for a in table.get("by", ())),
        citation=resolved.citation,
    )


def _rule(ctx: _Context, name: str) -> StepRule:
    return step_rule(ctx.rb, name, ctx.as_of)


def _apply(ctx: _Context, rule: StepRule, *, sources: bool = True, by: bool = True) -> None:
    """The checks of a step held as data: from which states, by whom, under the step's clause."""
    if sources:
        _from(ctx, rule.sources, rule.citation)
    if by:
        _need(ctx, rule.by, rule.citation)


def _need(ctx: _Context, allowed: Iterable[Authority], citation: Citation) -> None:
    allowed = frozenset(allowed)
    if ctx.authority not in allowed:
        names_vi = ", ".join(sorted(a.vi for a in allowed))
        names_en = ", ".join(sorted(a.en for a in allowed))
        raise _Refuse(
            "actor_not_competent",
            {"authority": ctx.authority, "names": Text(names_vi, names_en)},
            citation,
        )


def _from(ctx: _Context, sources: Iterable[ProposalState], citation: Citation) -> None:
    sources = frozenset(sources)
    if ctx.state not in sources:
        names = ", ".join(sorted(s.value for s in sources))
        raise _Refuse(
            "illegal_state",
            {"event": ctx.event, "state": ctx.state, "names": names},
            citation,
        )


def _need_reason(ctx: _Context, citation: Citation) -> None:
    if not ctx.reason.strip():
        raise _Refuse(
            "reason_required",
            NO_PARAMS,
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
            NO_PARAMS,
            cite(11, 1),
        )
