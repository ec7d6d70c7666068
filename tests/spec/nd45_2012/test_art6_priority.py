"""Điều 6 NĐ 45/2012/NĐ-CP, detailed by Điều 6 TT 46/2012/TT-BCT: priority areas and industries.

Areas (khoản 1; TT 46 khoản 1 points a-d): a) highland districts, islands, land borders,
ethnic-minority areas; b) poor districts; c) communes of the new-rural-area programme; d) areas
with difficult or especially difficult conditions.  Industries (khoản 2): a) mechanical engineering
and chemicals for agriculture, agro-food processing, supporting industry, cleaner production;
b) typical rural industrial products, export, local raw materials, many workers (TT 46 khoản 2:
raw materials from the province more than 50 % of their value; 50 workers or more; supporting
industry means a product on the list of QĐ 1483/QĐ-TTg).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from khuyencong.rules import PriorityClass, classify
from khuyencong.schemas import SupportItem

from ..builders import AS_OF, beneficiary, line, place, proposal

ND45 = "45/2012/NĐ-CP"
TT46 = "46/2012/TT-BCT"


def _classify(*areas: str, **facts: Any) -> PriorityClass:
    b = beneficiary(production_site=place(attributes=list(areas)), **facts)
    return classify(proposal(line(SupportItem.BRAND, 70_000_000), beneficiaries=[b]), as_of=AS_OF)


# ---- khoản 1: areas ----------------------------------------------------------------------------


@pytest.mark.clause(f"{ND45}:6.1")
@pytest.mark.clause(f"{TT46}:6.1")
@pytest.mark.parametrize(
    ("area", "group"),
    [
        pytest.param("highland", "a", id="a highland district is group a"),
        pytest.param("island", "a", id="an island is group a"),
        pytest.param("land_border", "a", id="a land border is group a"),
        pytest.param("ethnic_minority_area", "a", id="an ethnic-minority area is group a"),
        pytest.param("poor_district", "b", id="a poor district is group b"),
        pytest.param("new_rural_commune", "c", id="a new-rural-area commune is group c"),
        pytest.param("difficult", "d", id="a difficult area is group d"),
        pytest.param("especially_difficult", "d", id="an especially difficult area is group d"),
    ],
)
def test_6_1_priority_areas(area: str, group: str) -> None:
    found = _classify(area)
    assert found.area_group == group
    assert found.is_priority


@pytest.mark.clause(f"{TT46}:6.3.a.d1")
def test_6_1_the_best_area_group_counts() -> None:
    assert _classify("difficult", "poor_district", "island").area_group == "a"


@pytest.mark.clause(f"{ND45}:6.1")
def test_6_1_an_ordinary_rural_district_is_no_priority() -> None:
    found = _classify()
    assert found.area_group is None
    assert found.industry_group is None
    assert not found.is_priority


# ---- khoản 2 điểm a: industries -------------------------------------------------------------------


@pytest.mark.clause(f"{ND45}:6.2.a")
@pytest.mark.parametrize(
    "industry", ["agricultural_machinery", "agricultural_chemicals", "agro_food_processing"]
)
def test_6_2_a_priority_industries(industry: str) -> None:
    assert _classify(industries=[industry]).industry_group == "a"


@pytest.mark.clause(f"{TT46}:6.2.d")
def test_6_2_d_a_product_on_the_supporting_industry_list_is_group_a() -> None:
    found = _classify(industries=["supporting_industry"], supporting_industry_product=True)
    assert found.industry_group == "a"


@pytest.mark.clause(f"{TT46}:6.2.d")
def test_6_2_d_components_not_on_the_supporting_industry_list_are_no_priority() -> None:
    # "Công nghiệp hỗ trợ" is, for priority, a product on the list of QĐ 1483/QĐ-TTg: making
    # components or semi-finished goods (Điểm d khoản 1 Điều 5 NĐ 45/2012) is not enough.
    found = _classify(industries=["supporting_industry"], supporting_industry_product=False)
    assert found.industry_group is None
    assert not found.is_priority


@pytest.mark.clause(f"{ND45}:6.2.a")
def test_6_2_a_handicraft_is_no_priority_industry() -> None:
    assert _classify(industries=["handicraft"]).industry_group is None


@pytest.mark.clause(f"{ND45}:6.2.a")
def test_6_2_a_cleaner_production_is_a_priority_ranked_apart() -> None:
    b = beneficiary(kind="cleaner_production_establishment", enterprise_size=None)
    found = classify(proposal(line(SupportItem.BRAND, 70_000_000), beneficiaries=[b]), as_of=AS_OF)
    assert found.cleaner_production
    assert found.is_priority


# ---- khoản 2 điểm b: products and establishments ----------------------------------------------


@pytest.mark.clause(f"{TT46}:6.2.a")
def test_6_2_b_an_export_contract_is_group_b() -> None:
    assert _classify(has_export_contract=True).industry_group == "b"


@pytest.mark.clause(f"{TT46}:6.2.đ")
def test_6_2_b_a_certified_typical_product_is_group_b() -> None:
    assert _classify(typical_product_certificate=True).industry_group == "b"


@pytest.mark.clause(f"{TT46}:6.2.b")
def test_6_2_b_local_raw_materials_above_half_are_group_b() -> None:
    # "chiếm trên 50 %": 50.01 % > 50 %
    assert _classify(local_raw_material_share=Decimal("50.01")).industry_group == "b"


@pytest.mark.clause(f"{TT46}:6.2.b")
def test_6_2_b_local_raw_materials_of_exactly_half_are_no_priority() -> None:
    # 50 % is not more than 50 %
    assert _classify(local_raw_material_share=Decimal(50)).industry_group is None


@pytest.mark.clause(f"{TT46}:6.2.c")
def test_6_2_b_fifty_workers_are_labour_intensive() -> None:
    # "từ 50 lao động trở lên": 50 ≥ 50
    assert _classify(workforce=50).industry_group == "b"


@pytest.mark.clause(f"{TT46}:6.2.c")
def test_6_2_b_forty_nine_workers_are_not() -> None:
    assert _classify(workforce=49).industry_group is None


@pytest.mark.clause(f"{TT46}:6.3.a.d2")
def test_6_2_group_b_outranks_group_a_in_one_proposal() -> None:
    assert _classify(industries=["agro_food_processing"], workforce=60).industry_group == "b"
