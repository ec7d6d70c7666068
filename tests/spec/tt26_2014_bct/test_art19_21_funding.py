"""Điều 19 and khoản 2 Điều 21 Thông tư 26/2014/TT-BCT with điểm g khoản 2 Điều 6 TTLT
26/2014/TTLT-BTC-BCT: regional and national rounds from national funds (at most 100 and 200 million
đồng per round, 5 and 10 million đồng per awarded product); district and provincial rounds from
local funds at levels the provincial People's Committee sets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from khuyencong.rulebooks import NotEncoded
from khuyencong.schemas import Citation, Provenance
from khuyencong.selection import (
    LocalFunding,
    NationalFunding,
    Refusal,
    SelectionLevel,
    Verdict,
    check_selection_funding,
    selection_funding,
)

from .builders import IN_FORCE

TT26 = "26/2014/TT-BCT"
TTLT = "26/2014/TTLT-BTC-BCT"

G_DASH_1 = Citation(document="26/2014/TTLT-BTC-BCT", article=6, clause=2, point="g", dash=1)
G_DASH_2 = Citation(document="26/2014/TTLT-BTC-BCT", article=6, clause=2, point="g", dash=2)


@pytest.mark.clause(f"{TT26}:19.2")
@pytest.mark.clause(f"{TT26}:21.2.a")
@pytest.mark.clause(f"{TTLT}:6.2.g.d1")
@pytest.mark.clause(f"{TTLT}:6.2.g.d2")
@pytest.mark.parametrize(
    ("level", "round_cap", "award_cap"),
    [
        (SelectionLevel.REGION, Decimal(100_000_000), Decimal(5_000_000)),
        (SelectionLevel.NATIONAL, Decimal(200_000_000), Decimal(10_000_000)),
    ],
)
def test_national_funds_caps(level: SelectionLevel, round_cap: Decimal, award_cap: Decimal) -> None:
    funding = selection_funding(level, IN_FORCE)
    assert isinstance(funding, NationalFunding)
    assert (funding.round_cap, funding.award_cap) == (round_cap, award_cap)
    assert funding.round_citation == G_DASH_1
    assert funding.award_citation == G_DASH_2
    assert funding.basis == Citation(document="26/2014/TT-BCT", article=19, clause=2)
    assert funding.provenance is Provenance.OFFICIAL_TEXT

    at_cap = check_selection_funding(
        level, IN_FORCE, round_cost=round_cap, award_per_product=award_cap
    )
    assert isinstance(at_cap, Verdict)
    assert at_cap.passed  # "không quá": the cap itself is allowed
    over = check_selection_funding(
        level, IN_FORCE, round_cost=round_cap + 1, award_per_product=award_cap + 1
    )
    assert isinstance(over, Verdict)
    assert [c.code for c in over.failures] == ["selection_round_cap", "award_cap"]


@pytest.mark.clause(f"{TT26}:19.1")
@pytest.mark.clause(f"{TT26}:21.2.b")
@pytest.mark.parametrize("level", [SelectionLevel.DISTRICT, SelectionLevel.PROVINCE])
def test_local_rounds_have_no_national_cap(level: SelectionLevel) -> None:
    funding = selection_funding(level, IN_FORCE)
    assert isinstance(funding, LocalFunding)
    assert funding.citation == Citation(document="26/2014/TT-BCT", article=19, clause=1)
    assert funding.award_citation == Citation(
        document="26/2014/TT-BCT", article=21, clause=2, point="b"
    )
    assert "Ủy ban nhân dân cấp tỉnh" in funding.message_vi
    assert isinstance(
        check_selection_funding(level, IN_FORCE, round_cost=Decimal(10**12)), LocalFunding
    )


@pytest.mark.clause(f"{TTLT}:6.2.g.d1")
@pytest.mark.clause("28/2018/TT-BTC")
def test_caps_end_with_ttlt_26_2014_on_10_may_2018() -> None:
    last = selection_funding(SelectionLevel.NATIONAL, date(2018, 5, 10))
    assert isinstance(last, NationalFunding)
    assert last.round_cap == Decimal(200_000_000)
    after = selection_funding(SelectionLevel.NATIONAL, date(2018, 5, 11))
    assert isinstance(after, NotEncoded)
    assert after.instrument == "28/2018/TT-BTC"


@pytest.mark.clause(f"{TT26}:19.2")
@pytest.mark.clause(f"{TT26}:25.1")
def test_not_encoded_before_21_october_2014() -> None:
    before = selection_funding(SelectionLevel.REGION, date(2014, 10, 20))
    assert isinstance(before, NotEncoded)
    assert before.instrument == "35/2010/TT-BCT"
    assert isinstance(selection_funding(SelectionLevel.REGION, date(2014, 10, 21)), NationalFunding)


@pytest.mark.clause(f"{TT26}:3.1.a")
@pytest.mark.clause(f"{TT26}:19.1")
def test_district_funding_refused_after_the_reform() -> None:
    assert isinstance(selection_funding(SelectionLevel.DISTRICT, date(2025, 7, 1)), Refusal)
    assert isinstance(selection_funding(SelectionLevel.PROVINCE, date(2025, 7, 1)), LocalFunding)
