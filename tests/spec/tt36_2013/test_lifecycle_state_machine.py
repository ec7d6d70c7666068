"""Random event sequences never leave a national proposal inconsistent (TT 36/2013/TT-BCT;
TTLT 26/2014/TTLT-BTC-BCT Art 8.2.b for the advance ceiling)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from khuyencong.errors import TransitionError
from khuyencong.rules.advances import advanced_total
from khuyencong.rules.lifecycle import TransitionRefused, effective_state, transition
from khuyencong.schemas import Authority, LifecycleEvent, Proposal, ProposalState

from .helpers import national

TT36 = "36/2013/TT-BCT"
TTLT = "26/2014/TTLT-BTC-BCT"

# The main clauses the random walks exercise: the path's end points (rejection 8.3, stop for a
# violation 11.3, settlement after base acceptance 18.2), advances under the contract (12.2) at the
# rates of Art 13, and the 70 % ceiling of the advances.
pytestmark = [
    pytest.mark.clause(f"{TT36}:8.3"),
    pytest.mark.clause(f"{TT36}:11.3"),
    pytest.mark.clause(f"{TT36}:12.2"),
    pytest.mark.clause(f"{TT36}:13"),
    pytest.mark.clause(f"{TT36}:18.2"),
    pytest.mark.clause(f"{TTLT}:8.2.b"),
]

FINAL_EVENTS = {
    LifecycleEvent.SETTLE,
    LifecycleEvent.STOP,
    LifecycleEvent.STOP_FOR_VIOLATION,
    LifecycleEvent.REJECT,
}
COMPETENT = {
    LifecycleEvent.REGISTER: Authority.IMPLEMENTING_UNIT,
    LifecycleEvent.APPRAISE_BASE: Authority.PROVINCIAL_DEPARTMENT,
    LifecycleEvent.APPRAISE_MINISTRY: Authority.DEPARTMENT,
    LifecycleEvent.APPROVE: Authority.MINISTRY,
    LifecycleEvent.CONTRACT: Authority.DEPARTMENT,
    LifecycleEvent.START: Authority.IMPLEMENTING_UNIT,
    LifecycleEvent.ACCEPT_BASE: Authority.PROVINCIAL_DEPARTMENT,
    LifecycleEvent.SETTLE: Authority.DEPARTMENT,
    LifecycleEvent.RESUBMIT: Authority.IMPLEMENTING_UNIT,
}
FORWARD = {
    ProposalState.DRAFT: LifecycleEvent.REGISTER,
    ProposalState.RETURNED: LifecycleEvent.RESUBMIT,
    ProposalState.REGISTERED: LifecycleEvent.APPRAISE_BASE,
    ProposalState.BASE_APPRAISED: LifecycleEvent.APPRAISE_MINISTRY,
    ProposalState.MINISTRY_APPRAISED: LifecycleEvent.APPROVE,
    ProposalState.APPROVED: LifecycleEvent.CONTRACT,
    ProposalState.CONTRACTED: LifecycleEvent.START,
    ProposalState.IN_PROGRESS: LifecycleEvent.ACCEPT_BASE,
    ProposalState.ACCEPTED: LifecycleEvent.SETTLE,
}
ITEMS = [
    "vocational_training",
    "machinery_and_technology",
    "enterprise_founding",
    "cluster_infrastructure",
]
CONTENT = {
    "vocational_training": "vocational_training",
    "machinery_and_technology": "demonstration_and_technology",
    "enterprise_founding": "capacity_building",
    "cluster_infrastructure": "linkage_and_clusters",
}


class Lifecycle(RuleBasedStateMachine):
    """Drives one proposal with random events, actors and details."""

    def __init__(self) -> None:
        super().__init__()
        self.proposal: Proposal = national()
        self.today = date(2015, 3, 1)

    @initialize(
        item=st.sampled_from(ITEMS),
        requested=st.integers(min_value=1_000_000, max_value=3_000_000_000),
        group=st.booleans(),
    )
    def setup(self, item: str, requested: int, group: bool) -> None:
        self.proposal = national(
            item, requested, kind="group" if group else "regular", contents=(CONTENT[item],)
        )

    def _check_refusal_and_unchanged(
        self,
        refused_event: LifecycleEvent,
        code: str,
        event: LifecycleEvent,
        before: Proposal,
        dump: dict[str, Any],
    ) -> None:
        assert refused_event is event
        assert code
        assert self.proposal is before
        assert before.model_dump() == dump

    def _apply(self, event: LifecycleEvent, actor: Authority, days: int, **details: Any) -> None:
        before = self.proposal
        dump = before.model_dump()
        on = self.today + timedelta(days=days)
        try:
            after = transition(before, event, as_of=on, actor=actor, **details)
        except TransitionRefused as refused:
            refusal = refused.refusal
            self._check_refusal_and_unchanged(refusal.event, refusal.code, event, before, dump)
            return
        except (TransitionError, ValueError):
            assert before.model_dump() == dump
            return
        assert before.model_dump() == dump  # never mutated
        assert len(after.history) == len(before.history) + 1
        self.proposal = after
        self.today = on

    @rule(days=st.integers(min_value=0, max_value=20))
    def forward(self, days: int) -> None:
        """The next step of the ordinary path, by the competent authority."""
        state = effective_state(self.proposal)
        event = FORWARD.get(state)
        if event is None:
            return
        if (
            event is LifecycleEvent.START
            and self.proposal.kind.value == "group"
            and not any(e.event is LifecycleEvent.FIX_BENEFICIARIES for e in self.proposal.history)
        ):
            self.fix_group(days)
            return
        self._apply(event, COMPETENT[event], days, bidding_decision="QĐ 1/QĐ-SCT")

    @rule(
        event=st.sampled_from(
            [
                LifecycleEvent.REGISTER,
                LifecycleEvent.APPRAISE_BASE,
                LifecycleEvent.APPRAISE_MINISTRY,
                LifecycleEvent.APPROVE,
                LifecycleEvent.CONTRACT,
                LifecycleEvent.START,
                LifecycleEvent.ACCEPT_BASE,
                LifecycleEvent.SETTLE,
                LifecycleEvent.RESUBMIT,
            ]
        ),
        other=st.sampled_from(list(Authority)),
        competent=st.booleans(),
        days=st.integers(min_value=0, max_value=20),
    )
    def plain_step(
        self, event: LifecycleEvent, other: Authority, competent: bool, days: int
    ) -> None:
        actor = COMPETENT.get(event, other) if competent else other
        self._apply(event, actor, days, bidding_decision="QĐ 1/QĐ-SCT")

    @rule(
        event=st.sampled_from(
            [
                LifecycleEvent.RETURN_FOR_COMPLETION,
                LifecycleEvent.REJECT,
                LifecycleEvent.EXTEND,
                LifecycleEvent.STOP,
                LifecycleEvent.STOP_FOR_VIOLATION,
            ]
        ),
        actor=st.sampled_from(list(Authority)),
        days=st.integers(min_value=0, max_value=30),
    )
    def decision(self, event: LifecycleEvent, actor: Authority, days: int) -> None:
        self._apply(event, actor, days, reason="lý do", provincial_confirmation="Văn bản 1/SCT")

    @rule(
        actor=st.sampled_from([Authority.DEPARTMENT] * 4 + [Authority.MINISTRY]),
        share=st.sampled_from(
            [Decimal(x) for x in ("0.1", "0.3", "0.31", "0.5", "0.7", "0.71", "1")]
        ),
        progress=st.sampled_from([None, "0.4", "0.6", "0.8"]),
        days=st.integers(min_value=0, max_value=30),
    )
    def advance(self, actor: Authority, share: Decimal, progress: str | None, days: int) -> None:
        amount = int((share * self.proposal.total_requested).to_integral_value(ROUND_FLOOR))
        if amount > 0:
            self._apply(LifecycleEvent.ADVANCE, actor, days, amount=amount, progress=progress)

    @rule(
        actor=st.sampled_from(list(Authority)),
        factor=st.sampled_from(["0.5", "1", "1.5"]),
        declare=st.booleans(),
        days=st.integers(min_value=0, max_value=30),
    )
    def adjust(self, actor: Authority, factor: str, declare: bool, days: int) -> None:
        line = self.proposal.budget_lines[0]
        requested = int(line.requested * Decimal(factor))
        changes = (
            ["increase_total_support"]
            if declare and factor == "1.5"
            else ["keep_or_reduce_total_support"]
        )
        self._apply(
            LifecycleEvent.ADJUST,
            actor,
            days,
            reason="điều chỉnh",
            changes=changes,
            budget_lines=[
                {
                    **line.model_dump(),
                    "requested": requested,
                    "cost": max(requested, int(line.cost)),
                }
            ],
            provincial_confirmation="Văn bản 1/SCT",
        )

    @rule(days=st.integers(min_value=0, max_value=30), with_reason=st.booleans())
    def stop_with_reason(self, days: int, with_reason: bool) -> None:
        self._apply(
            LifecycleEvent.STOP_FOR_VIOLATION,
            Authority.MINISTRY,
            days,
            reason="sai phạm" if with_reason else "",
        )

    @rule(days=st.integers(min_value=0, max_value=30))
    def fix_group(self, days: int) -> None:
        self._apply(
            LifecycleEvent.FIX_BENEFICIARIES,
            Authority.PROVINCIAL_DEPARTMENT,
            days,
            beneficiaries=[{"name": "HTX Thử", "kind": "cooperative"}],
        )

    # ---- invariants -------------------------------------------------------------------

    @invariant()
    def state_follows_history(self) -> None:
        p = self.proposal
        if p.history:
            assert p.state is p.history[-1].to_state
            assert p.history[0].from_state is ProposalState.DRAFT
        for a, b in zip(p.history, p.history[1:], strict=False):
            assert a.to_state is b.from_state
            assert a.on <= b.on
        assert all(entry.citation is not None for entry in p.history)

    @invariant()
    def settled_only_after_acceptance(self) -> None:
        events = [e.event for e in self.proposal.history]
        if self.proposal.state is ProposalState.SETTLED:
            assert LifecycleEvent.ACCEPT_BASE in events
            assert events.index(LifecycleEvent.ACCEPT_BASE) < events.index(LifecycleEvent.SETTLE)

    @invariant()
    def nothing_after_a_final_step(self) -> None:
        events = [e.event for e in self.proposal.history]
        for i, event in enumerate(events):
            if event in FINAL_EVENTS:
                assert i == len(events) - 1

    @invariant()
    def advances_within_the_ceiling(self) -> None:
        p = self.proposal
        ceiling = (Decimal("0.7") * p.total_requested).to_integral_value(ROUND_FLOOR)
        assert advanced_total(p) <= ceiling
        if advanced_total(p):
            assert any(e.event is LifecycleEvent.CONTRACT for e in p.history)


Lifecycle.TestCase.settings = settings(
    max_examples=40,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestLifecycle = Lifecycle.TestCase
