"""Khoản 1 Điều 5 NĐ 45/2012/NĐ-CP: the industries the programme supports, points a to g.

Mining and mineral processing (point e) only in areas with difficult or especially difficult
socio-economic conditions.
"""

from __future__ import annotations

import pytest

from khuyencong import Status
from khuyencong.schemas import Industry, SupportItem

from ..builders import beneficiary, cited, line, place, proposal, run

ND45 = "45/2012/NĐ-CP"
BRAND = line(SupportItem.BRAND, 70_000_000)


def _status(*industries: str, **site: object) -> Status:
    b = beneficiary(industries=list(industries), production_site=place(**site))
    return run(proposal(BRAND, beneficiaries=[b])).status


@pytest.mark.parametrize(
    "industry",
    [
        pytest.param(
            Industry.AGRO_FOOD_PROCESSING,
            id="a agro-food processing",
            marks=pytest.mark.clause(f"{ND45}:5.1.a"),
        ),
        pytest.param(
            Industry.CONSUMER_AND_EXPORT_GOODS,
            id="b consumer and export goods",
            marks=pytest.mark.clause(f"{ND45}:5.1.b"),
        ),
        pytest.param(
            Industry.AGRICULTURAL_CHEMICALS,
            id="c chemicals for agriculture",
            marks=pytest.mark.clause(f"{ND45}:5.1.c"),
        ),
        pytest.param(
            Industry.BUILDING_MATERIALS,
            id="c building materials",
            marks=pytest.mark.clause(f"{ND45}:5.1.c"),
        ),
        pytest.param(
            Industry.AGRICULTURAL_MACHINERY,
            id="d agricultural machinery",
            marks=pytest.mark.clause(f"{ND45}:5.1.d"),
        ),
        pytest.param(
            Industry.MACHINERY_AND_ELECTRONICS,
            id="d machinery and electronics",
            marks=pytest.mark.clause(f"{ND45}:5.1.d"),
        ),
        pytest.param(
            Industry.SUPPORTING_INDUSTRY,
            id="d components and supporting industry",
            marks=pytest.mark.clause(f"{ND45}:5.1.d"),
        ),
        pytest.param(
            Industry.HANDICRAFT, id="đ handicraft", marks=pytest.mark.clause(f"{ND45}:5.1.đ")
        ),
        pytest.param(
            Industry.CLEANER_PRODUCTION_AND_POLLUTION,
            id="g cleaner production",
            marks=pytest.mark.clause(f"{ND45}:5.1.g"),
        ),
    ],
)
def test_5_1_a_listed_industry_qualifies(industry: Industry) -> None:
    assert _status(industry.value) is Status.ELIGIBLE


@pytest.mark.clause(f"{ND45}:5.1")
def test_5_1_an_industry_off_the_list_is_refused() -> None:
    b = beneficiary(industries=["other"])
    a = run(proposal(BRAND, beneficiaries=[b]))
    assert a.status is Status.INELIGIBLE
    assert cited(a, "industry_not_listed") == f"{ND45}:5.1"


@pytest.mark.clause(f"{ND45}:5.1")
@pytest.mark.parametrize("industry", ["high_tech", "clean_industry", "green_energy"])
def test_5_1_the_2025_industries_are_not_on_the_2012_list(industry: str) -> None:
    assert _status(industry) is Status.INELIGIBLE


@pytest.mark.clause(f"{ND45}:5.1")
def test_5_1_one_listed_industry_among_others_is_enough() -> None:
    assert _status("other", "handicraft") is Status.ELIGIBLE


@pytest.mark.clause(f"{ND45}:5.1")
def test_5_1_an_undeclared_industry_cannot_be_assessed() -> None:
    a = run(proposal(BRAND, beneficiaries=[beneficiary(industries=[])]))
    assert a.status is Status.NOT_ASSESSABLE
    assert cited(a, "industry_missing") == f"{ND45}:5.1"


@pytest.mark.clause(f"{ND45}:5.1.e")
@pytest.mark.parametrize("area", ["difficult", "especially_difficult"])
def test_5_1_e_mining_in_a_difficult_area_qualifies(area: str) -> None:
    assert _status("mining_and_minerals", attributes=[area]) is Status.ELIGIBLE


@pytest.mark.clause(f"{ND45}:5.1.e")
@pytest.mark.parametrize("area", [[], ["poor_district"], ["new_rural_commune"], ["highland"]])
def test_5_1_e_mining_elsewhere_is_refused(area: list[str]) -> None:
    b = beneficiary(industries=["mining_and_minerals"], production_site=place(attributes=area))
    a = run(proposal(BRAND, beneficiaries=[b]))
    assert a.status is Status.INELIGIBLE
    assert cited(a, "mining_outside_difficult_area") == f"{ND45}:5.1.e"
