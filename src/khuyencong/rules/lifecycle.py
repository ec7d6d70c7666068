"""The lifecycle of a khuyến công proposal (kept for compatibility: the code is in the package
:mod:`khuyencong.rules.procedure`, one module per part of the law)."""

from __future__ import annotations

from .procedure import (
    AdjustmentKind,
    AuthorityDecision,
    LocalProcedure,
    LocalStep,
    Refusal,
    TransitionRefused,
    adjustment_authority,
    effective_state,
    transition,
)

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
