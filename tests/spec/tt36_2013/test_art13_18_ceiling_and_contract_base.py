"""Issue 16 readings of the advance rules of TT 36/2013/TT-BCT under the 70 % ceiling of Điểm b
khoản 2 Điều 8 TTLT 26/2014/TTLT-BTC-BCT.

- The ceiling keeps back part of Art 13.3 (100 %) and Art 14 (the rest): that part is paid when
  the contract is liquidated and the funds settled after base acceptance (Điều 18), not lost.
- The ceiling's base is "tổng kinh phí khuyến công hỗ trợ trên cơ sở hợp đồng thực hiện": the
  support under the contract, not the requested support.
- A multi-year proposal (Điều 15) runs over more than one budget year: an extension "sang năm
  sau" (Điểm a khoản 2 Điều 11) makes one.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from khuyencong.rules.advances import (
    AdvanceStage,
    advance_allowance,
    advance_documents,
    contract_ceiling,
    contract_support,
    is_multi_year,
)
from khuyencong.rules.lifecycle import transition
from khuyencong.schemas import Citation, LifecycleEvent, Proposal, ProposalState
from khuyencong.schemas.proposal import HistoryEntry

from .helpers import national, walk

TT36 = "36/2013/TT-BCT"
TTLT = "26/2014/TTLT-BTC-BCT"
ON = date(2016, 3, 1)
SETTLEMENT = Citation(document=TT36, article=18, clause=2)


def _codes(a: Any) -> list[str]:
    return [r.code for r in a.reasons]


@pytest.mark.clause(f"{TT36}:13.3.a")
@pytest.mark.clause(f"{TT36}:18.2")
@pytest.mark.clause(f"{TTLT}:8.2.b")
def test_the_part_of_13_3_above_the_ceiling_is_paid_at_settlement() -> None:
    p = national("enterprise_founding", 10_000_000, contents=("capacity_building",))
    a = advance_allowance(p, AdvanceStage.FIRST, ON, base_accepted=True, support=Decimal(10**7))
    # 100 % of 10,000,000 by Art 13.3; 70 % = 7,000,000 advanced; 3,000,000 at settlement
    assert a.amount == Decimal(7_000_000)
    assert a.at_settlement == Decimal(3_000_000)
    paid_later = next(r for r in a.reasons if r.code == "remainder_paid_at_settlement")
    assert paid_later.citation == SETTLEMENT


@pytest.mark.clause(f"{TT36}:13.2.a")
@pytest.mark.clause(f"{TTLT}:8.2.b")
def test_within_the_ceiling_nothing_is_left_for_settlement() -> None:
    p = national("vocational_training", 100_000_000)
    a = advance_allowance(p, AdvanceStage.FIRST, ON, support=Decimal(100_000_000))
    # 70 % by Art 13.2.a = 70,000,000 = the ceiling exactly: nothing kept back
    assert a.amount == Decimal(70_000_000)
    assert a.at_settlement == Decimal(0)
    assert "remainder_paid_at_settlement" not in _codes(a)


@pytest.mark.clause(f"{TT36}:14")
@pytest.mark.clause(f"{TT36}:18.2")
def test_art14_is_not_dead_the_rest_beyond_the_ceiling_is_paid_at_settlement() -> None:
    p = walk(national("consulting", 50_000_000, contents=("consulting",)), "start")
    p = transition(p, "advance", as_of=date(2016, 3, 2), actor="department", amount=20_000_000)
    a = advance_allowance(
        p, AdvanceStage.REMAINING, date(2016, 9, 5), base_accepted=True, support=Decimal(5 * 10**7)
    )
    # rest 30,000,000: 15,000,000 advanced up to 70 % of 50,000,000; 15,000,000 at settlement
    assert a.amount == Decimal(15_000_000)
    assert a.at_settlement == Decimal(15_000_000)
    assert "remainder_paid_at_settlement" in _codes(a)


def _contracted(amount: int | None) -> Proposal:
    p = walk(national("consulting", 50_000_000, contents=("consulting",)), "approve")
    return transition(p, "contract", as_of=date(2016, 2, 1), actor="department", amount=amount)


@pytest.mark.clause(f"{TTLT}:8.2.b")
def test_the_ceiling_base_is_the_support_under_the_contract() -> None:
    # requested 50,000,000, but the contract supports 40,000,000: 70 % × 40,000,000
    p = _contracted(40_000_000)
    assert contract_support(p) == Decimal(40_000_000)
    ceiling, _ = contract_ceiling(p, ON)
    assert ceiling == Decimal(28_000_000)
    a = advance_allowance(p, AdvanceStage.FIRST, ON)
    assert a.support == Decimal(40_000_000)
    assert "advance_base_is_requested_support" not in _codes(a)


@pytest.mark.clause(f"{TTLT}:8.2.b")
def test_without_the_contract_support_the_requested_support_stands_in_and_says_so() -> None:
    p = _contracted(None)
    assert contract_support(p) is None
    a = advance_allowance(p, AdvanceStage.FIRST, ON)
    assert a.ceiling == Decimal(35_000_000)  # 70 % × 50,000,000 requested
    assert "advance_base_is_requested_support" in _codes(a)


@pytest.mark.clause(f"{TT36}:15")
@pytest.mark.clause(f"{TT36}:11.2.a")
def test_an_extension_into_the_next_year_makes_a_multi_year_proposal() -> None:
    within = national(start="2016-03-01", end="2016-10-31")
    assert not is_multi_year(within)
    extension = HistoryEntry(
        event=LifecycleEvent.EXTEND,
        on=date(2016, 11, 15),
        from_state=ProposalState.IN_PROGRESS,
        to_state=ProposalState.EXTENDED,
    )
    assert is_multi_year(within.model_copy(update={"history": (extension,)}))


@pytest.mark.clause(f"{TT36}:14.14")
def test_art14_14_dossier_is_for_building_a_system_not_repairing_one() -> None:
    built = advance_documents(
        national("pollution_system_new_cluster", contents=("linkage_and_clusters",)),
        AdvanceStage.REMAINING,
        ON,
    )
    assert Citation(document=TT36, article=14, clause=14) in {d.citation for d in built}
    repaired = advance_documents(
        national("pollution_treatment_cluster", contents=("linkage_and_clusters",)),
        AdvanceStage.REMAINING,
        ON,
    )
    # only the common documents of Art 14: clause 14 names "xây dựng hệ thống", not repairs
    assert {d.citation for d in repaired} == {Citation(document=TT36, article=14)}
