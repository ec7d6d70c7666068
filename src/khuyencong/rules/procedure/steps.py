"""The state of a proposal and the checks every step handler shares (who acts, from where, why)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

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
