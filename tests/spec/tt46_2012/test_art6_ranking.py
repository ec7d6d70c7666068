"""Khoản 3 Điều 6 TT 46/2012/TT-BCT: the order of priority when allocating funds.

Điểm a: areas in the order of points a to d of khoản 1 (dash 1); industries of point b, then
point a of Khoản 2 Điều 6 NĐ 45/2012, cleaner production excluded (dash 2); areas first, then
industries (dash 3).  Điểm b: cleaner-production proposals are not ranked by area or industry but
by effectiveness and urgency, which the managing agency judges — the engine puts them last, in
their input order, for that judgement.
"""

from __future__ import annotations

from typing import Any

import pytest

from khuyencong.rules import rank
from khuyencong.schemas import Proposal, SupportItem

from ..builders import AS_OF, beneficiary, line, place, proposal

TT46 = "46/2012/TT-BCT"


def _p(code: str, *areas: str, **facts: Any) -> Proposal:
    b = beneficiary(production_site=place(attributes=list(areas)), **facts)
    return proposal(line(SupportItem.BRAND, 70_000_000), code=code, beneficiaries=[b])


def _order(*proposals: Proposal) -> list[str]:
    return [p.code for p, _ in rank(proposals, as_of=AS_OF)]


@pytest.mark.clause(f"{TT46}:6.3.a.d1")
def test_6_3_a_areas_are_ranked_a_to_d() -> None:
    given = [
        _p("D", "difficult"),
        _p("C", "new_rural_commune"),
        _p("B", "poor_district"),
        _p("A", "highland"),
    ]
    assert _order(*given) == ["A", "B", "C", "D"]


@pytest.mark.clause(f"{TT46}:6.3.a.d2")
def test_6_3_a_industries_of_point_b_come_before_point_a() -> None:
    given = [
        _p("group-a", industries=["agro_forestry_fishery_processing"]),
        _p("group-b", has_export_contract=True),
    ]
    assert _order(*given) == ["group-b", "group-a"]


@pytest.mark.clause(f"{TT46}:6.3.a.d3")
def test_6_3_a_areas_come_before_industries() -> None:
    given = [_p("industry-b", workforce=80), _p("area-d", "difficult")]
    assert _order(*given) == ["area-d", "industry-b"]


@pytest.mark.clause(f"{TT46}:6.3.a.d3")
def test_6_3_a_within_an_area_industries_decide() -> None:
    given = [
        _p("area-b-industry-a", "poor_district", industries=["agro_forestry_fishery_processing"]),
        _p("area-b-no-industry", "poor_district"),
        _p("area-b-industry-b", "poor_district", has_export_contract=True),
    ]
    assert _order(*given) == ["area-b-industry-b", "area-b-industry-a", "area-b-no-industry"]


@pytest.mark.clause(f"{TT46}:6.3.a")
def test_6_3_a_proposals_with_no_priority_follow_in_their_order() -> None:
    given = [_p("none-1"), _p("area-c", "new_rural_commune"), _p("none-2")]
    assert _order(*given) == ["area-c", "none-1", "none-2"]


@pytest.mark.clause(f"{TT46}:6.3.b")
def test_6_3_b_cleaner_production_is_not_ranked_by_area_and_comes_last() -> None:
    cleaner = proposal(
        line(SupportItem.BRAND, 70_000_000),
        code="cleaner-in-area-a",
        beneficiaries=[
            beneficiary(
                kind="cleaner_production_establishment",
                enterprise_size=None,
                production_site=place(attributes=["island"]),
            )
        ],
    )
    given = [cleaner, _p("none"), _p("area-d", "difficult")]
    assert _order(*given) == ["area-d", "none", "cleaner-in-area-a"]
