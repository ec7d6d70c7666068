"""Điều 14 (the rest after base acceptance), Điều 15 (multi-year), Khoản 6 Điều 12 (refunds)
TT 36/2013/TT-BCT, and the 70 % ceiling (Điểm b khoản 2 Điều 8 TTLT 26/2014/TTLT-BTC-BCT)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from khuyencong.errors import NotEncodedError
from khuyencong.rules.advances import (
    AdvanceStage,
    advance_allowance,
    advance_documents,
    is_multi_year,
    refund_due,
)
from khuyencong.rules.lifecycle import TransitionRefused, transition
from khuyencong.schemas import Citation, ProposalState

from .helpers import national, walk

TT36 = "36/2013/TT-BCT"
TTLT = "26/2014/TTLT-BTC-BCT"

CEILING = Citation(document="26/2014/TTLT-BTC-BCT", article=8, clause=2, point="b")


def _tt36(article: int, clause: int | None = None, point: str | None = None) -> Citation:
    return Citation(document="36/2013/TT-BCT", article=article, clause=clause, point=point)


@pytest.mark.clause(f"{TT36}:14")
def test_art14_rest_only_after_base_acceptance() -> None:
    p = national("consulting", 50_000_000, contents=("consulting",))
    a = advance_allowance(p, AdvanceStage.REMAINING, date(2016, 6, 1))
    assert not a.allowed
    assert a.reasons[0].citation == _tt36(14)


@pytest.mark.clause(f"{TT36}:14")
@pytest.mark.clause(f"{TTLT}:8.2.b")
def test_art14_rest_within_the_ceiling() -> None:
    p = walk(national("consulting", 50_000_000, contents=("consulting",)), "start")
    p = transition(p, "advance", as_of=date(2016, 3, 2), actor="department", amount=20_000_000)
    p = transition(p, "accept_base", as_of=date(2016, 9, 1), actor="provincial_department")
    a = advance_allowance(p, AdvanceStage.REMAINING, date(2016, 9, 5), base_accepted=True)
    # Rest by Art 14: 50 − 20 = 30 million; ceiling 70 % × 50 = 35 million, 20 already advanced.
    assert a.allowed
    assert a.amount == Decimal(15_000_000)
    assert a.ceiling == Decimal(35_000_000)
    assert a.reasons[0].citation == CEILING
    with pytest.raises(TransitionRefused) as caught:
        transition(p, "advance", as_of=date(2016, 9, 5), actor="department", amount=15_000_001)
    assert caught.value.citation == CEILING
    q = transition(p, "advance", as_of=date(2016, 9, 5), actor="department", amount=15_000_000)
    assert q.history[-1].citation == _tt36(14)
    assert q.state is ProposalState.ACCEPTED


@pytest.mark.clause(f"{TT36}:14")
@pytest.mark.clause(f"{TT36}:14.7")
def test_art14_dossier_common_and_by_kind() -> None:
    docs = advance_documents(national("brand"), AdvanceStage.REMAINING, date(2016, 9, 1))
    citations = [d.citation for d in docs]
    assert citations.count(_tt36(14)) == 3  # minutes 5a/5b/5c, summary report, form 3b
    assert _tt36(14, 7) in citations


@pytest.mark.clause(f"{TT36}:15.2.a")
@pytest.mark.clause(f"{TT36}:15.2.b")
def test_art15_multi_year() -> None:
    point = national(
        "machinery_and_technology",
        kind="point",
        contents=("demonstration_and_technology", "vocational_training"),
        start="2016-03-01",
        end="2017-06-30",
    )
    assert is_multi_year(point)
    assert not is_multi_year(national())
    assert is_multi_year(national(start="2016-03-01", end="2017-03-01"))
    # budget years, not twelve months (Điểm a khoản 2 Điều 11: "sang năm sau"): under a year,
    # but into the next year
    assert is_multi_year(national(start="2016-03-01", end="2017-02-28"))
    assert not is_multi_year(national(start="2016-01-01", end="2016-12-31"))
    first = advance_allowance(point, AdvanceStage.FIRST, date(2016, 9, 1), progress=Decimal("0.8"))
    assert first.allowed
    assert _tt36(15, 2, "a") in first.citations
    nothing_yet = advance_allowance(point, AdvanceStage.NEXT, date(2016, 9, 1))
    assert not nothing_yet.allowed
    assert nothing_yet.reasons[0].citation == _tt36(15, 2, "a")
    single = advance_allowance(national(), AdvanceStage.NEXT, date(2016, 9, 1))
    assert single.reasons[0].citation == _tt36(15, 2, "b")


@pytest.mark.clause(f"{TT36}:15.1")
def test_art15_1_relocation_interest_dossier() -> None:
    docs = advance_documents(national("relocation_interest"), AdvanceStage.FIRST, date(2016, 9, 1))
    assert docs
    assert {d.citation for d in docs} == {_tt36(15, 1)}


@pytest.mark.clause(f"{TT36}:12.6")
def test_art12_6_refund_of_advances_without_work() -> None:
    refund = refund_due(Decimal(70_000_000), Decimal(45_500_000))
    assert refund.amount == Decimal(24_500_000)
    assert refund.citation == _tt36(12, 6)
    assert refund_due(Decimal(70_000_000), Decimal(90_000_000)).amount == 0


@pytest.mark.clause(f"{TTLT}:8.2.b")
@pytest.mark.clause("17/2018/TT-BCT")
def test_ttlt26_8_2_b_ceiling_ends_with_the_circular() -> None:
    # From 11/05/2018 the funding rules are TT 28/2018/TT-BTC; but TT 36/2013 itself stops at
    # 01/01/2018 here, so the answer names TT 17/2018/TT-BCT first.
    with pytest.raises(NotEncodedError, match="17/2018/TT-BCT"):
        advance_allowance(national(), AdvanceStage.FIRST, date(2018, 6, 1))
