"""Annual plan summaries: allocation, the managing agency's 1.5 % share (gạch đầu dòng thứ nhất
điểm s khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT), breakdowns by source, content, province, year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from khuyencong.rules.plans import plan_summary
from khuyencong.schemas import AnnualPlan, Citation, Proposal

TTLT = "26/2014/TTLT-BTC-BCT"


def _proposal(
    code: str, requested: int, contents: list[str], provinces: list[str], **kw: Any
) -> Proposal:
    return Proposal.model_validate(
        {
            "code": code,
            "title": code,
            "plan_year": kw.get("year", 2016),
            "funding": {"kind": "national"},
            "contents": contents,
            "locations": [{"geography": "pre2025", "province": p} for p in provinces],
            "budget_lines": [
                {
                    "item": kw.get("item", "vocational_training"),
                    "cost": requested,
                    "requested": requested,
                }
            ],
        }
    )


@pytest.mark.clause(f"{TTLT}:6.2.s.d1")
def test_plan_within_allocation_and_agency_share() -> None:
    plan = AnnualPlan(
        year=2016,
        funding={"kind": "national"},
        allocation=Decimal(1_000_000_001),
        proposals=(
            _proposal("A", 600_000_000, ["vocational_training"], ["Bắc Giang"]),
            _proposal("B", 385_000_000, ["consulting", "information"], ["Bắc Kạn", "Bắc Giang"]),
            _proposal(
                "M", 15_000_001, ["programme_management"], ["Hà Nội"], item="management_agency"
            ),
        ),
    )
    s = plan_summary(plan)
    assert s.proposals == 3
    assert s.total_requested == Decimal(1_000_000_001)
    assert s.within_allocation is True
    check = s.plans[0]
    # 1.5 % of 1,000,000,001 đồng = 15,000,000.015 → 15,000,000 đồng.
    assert check.management_agency_cap == Decimal(15_000_000)
    assert check.management_agency_requested == Decimal(15_000_001)
    assert check.management_within_cap is False
    assert check.citation == Citation(
        document="26/2014/TTLT-BTC-BCT", article=6, clause=2, point="s", dash=1
    )
    provinces = {b.key: (b.count, b.requested) for b in s.by_province}
    assert provinces["Bắc Giang"] == (2, Decimal(985_000_000))
    contents = {b.key: b.count for b in s.by_content}
    assert contents == {
        "vocational_training": 1,
        "consulting": 1,
        "information": 1,
        "programme_management": 1,
    }
    assert s.notes[0].code == "breakdown_overlaps"
    assert [b.key for b in s.by_year] == ["2016"]
    assert [b.key for b in s.by_funding] == ["national"]


@pytest.mark.clause(f"{TTLT}:6.2.s.d1")
@pytest.mark.clause("28/2018/TT-BTC")
def test_plans_over_years_and_not_encoded_share() -> None:
    a = AnnualPlan(
        year=2016,
        funding={"kind": "national"},
        allocation=Decimal(10),
        proposals=(_proposal("A", 11, [], []),),
    )
    b = AnnualPlan(
        year=2019,
        funding={"kind": "national"},
        allocation=Decimal(100),
        proposals=(_proposal("B", 5, [], [], year=2019),),
    )
    s = plan_summary([a, b], rank=lambda p: p.total_requested)
    assert s.within_allocation is False
    assert s.plans[1].not_encoded is not None
    assert s.plans[1].not_encoded.instrument == "28/2018/TT-BTC"
    assert s.plans[1].management_agency_cap is None
    assert [x.key for x in s.by_year] == ["2016", "2019"]
    assert s.ranked == ("B", "A")
    assert {x.key for x in s.by_content} == {"unspecified"}


@pytest.mark.clause(f"{TTLT}:6.2.s.d1")
def test_as_of_overrides_the_plan_year() -> None:
    plan = AnnualPlan(year=2019, funding={"kind": "national"}, allocation=Decimal(200))
    assert plan_summary(plan, as_of=date(2016, 1, 1)).plans[0].management_agency_cap == Decimal(3)
