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

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from khuyencong import Status
from khuyencong.rules import PriorityClass, classify
from khuyencong.schemas import SupportItem

from ..builders import AS_OF, beneficiary, codes, finding, line, place, proposal, run

ND45 = "45/2012/NĐ-CP"
TT46 = "46/2012/TT-BCT"
TT26 = "26/2014/TT-BCT"
ISSUED = date(2015, 5, 10)


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
    "industry",
    ["agricultural_machinery", "agricultural_chemicals", "agro_forestry_fishery_processing"],
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
@pytest.mark.clause("26/2014/TT-BCT:21.3")
def test_6_2_b_a_typical_product_with_a_valid_certificate_is_group_b() -> None:
    # issued 10/05/2015: valid to 31/12/2017 (third year counting 2015); AS_OF is 01/06/2016
    found = _classify(
        typical_product_certificate=True, typical_product_certificate_issued_on=ISSUED
    )
    assert found.industry_group == "b"
    assert "typical_product" in found.tags


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
    found = _classify(industries=["agro_forestry_fishery_processing"], workforce=60)
    assert found.industry_group == "b"


# ---- issue 16: the priority follows the text ------------------------------------------------


@pytest.mark.clause(f"{ND45}:6.2.a")
def test_6_2_a_food_processing_alone_is_no_priority() -> None:
    # 6.2.a names "công nghiệp chế biến nông - lâm - thủy sản", not "chế biến thực phẩm"
    found = _classify(industries=["food_processing"])
    assert found.industry_group is None
    assert not found.is_priority


@pytest.mark.clause(f"{ND45}:6.2.a")
def test_6_2_a_pollution_treatment_alone_is_no_priority() -> None:
    # 6.2.a names "áp dụng sản xuất sạch hơn", not "xử lý ô nhiễm môi trường" (Art 5.1.g)
    found = _classify(industries=["pollution_treatment"])
    assert not found.is_priority
    assert not found.cleaner_production


@pytest.mark.clause(f"{ND45}:6.2.a")
@pytest.mark.clause(f"{TT46}:6.3.b")
def test_6_2_a_cleaner_production_as_an_industry_is_a_priority_ranked_apart() -> None:
    found = _classify(industries=["cleaner_production"])
    assert found.cleaner_production
    assert found.industry_group is None
    assert found.is_priority


@pytest.mark.clause(f"{ND45}:5.1.a")
@pytest.mark.parametrize("industry", ["food_processing", "pollution_treatment"])
def test_5_1_the_non_priority_halves_still_qualify(industry: str) -> None:
    b = beneficiary(production_site=place(), industries=[industry])
    a = run(proposal(line(SupportItem.BRAND, 70_000_000), beneficiaries=[b]))
    assert a.status is Status.ELIGIBLE


@pytest.mark.clause(f"{ND45}:6.2.a")
@pytest.mark.parametrize("old", ["agro_food_processing", "cleaner_production_and_pollution"])
def test_6_2_a_a_deprecated_joined_code_gives_no_priority_and_says_so(old: str) -> None:
    b = beneficiary(production_site=place(), industries=[old])
    a = run(proposal(line(SupportItem.BRAND, 70_000_000), beneficiaries=[b]))
    assert a.status is Status.ELIGIBLE  # still an industry of Điều 5
    assert not a.priority.is_priority
    assert a.priority.undecided == (old,)
    warned = finding(a, "industry_code_deprecated")
    assert warned.citation is not None
    assert warned.citation.key == f"{ND45}:6.2.a"


@pytest.mark.clause("26/2014/TTLT-BTC-BCT:6.2.t")
def test_6_2_a_the_factor_on_a_pure_food_processor_is_refused() -> None:
    b = beneficiary(production_site=place(), industries=["food_processing"])
    a = run(
        proposal(line(SupportItem.BRAND, 100_000_000), beneficiaries=[b], priority_factor="1.5")
    )
    assert a.status is Status.INELIGIBLE
    assert "priority_factor_refused" in codes(a)


@pytest.mark.clause("26/2014/TTLT-BTC-BCT:6.2.t")
def test_6_2_a_the_factor_on_a_deprecated_code_cannot_be_decided() -> None:
    b = beneficiary(production_site=place(), industries=["agro_food_processing"])
    a = run(
        proposal(line(SupportItem.BRAND, 100_000_000), beneficiaries=[b], priority_factor="1.5")
    )
    assert a.status is Status.NOT_ASSESSABLE
    assert "priority_factor_undecidable" in codes(a, "undetermined")
    assert a.lines[0].factor == Decimal(1)


@pytest.mark.clause(f"{TT46}:6.2.a")
def test_6_2_a_producing_for_export_without_a_contract_is_group_b() -> None:
    # "đã có hợp đồng xuất khẩu hoặc sản xuất sản phẩm phục vụ cho xuất khẩu"
    found = _classify(produces_for_export=True)
    assert found.industry_group == "b"
    assert "export" in found.tags
    assert any(c.key == f"{TT46}:6.2.a" for c in found.citations)


@pytest.mark.clause(f"{TT46}:6.2.a")
def test_6_2_a_neither_contract_nor_export_production_is_no_export_priority() -> None:
    found = _classify(has_export_contract=False, produces_for_export=False)
    assert "export" not in found.tags


@pytest.mark.clause(f"{ND45}:6.2.b")
def test_6_2_b_a_key_industrial_product_is_group_b() -> None:
    found = _classify(key_industry_product=True)
    assert found.industry_group == "b"
    assert "key_industry_product" in found.tags
    assert any(c.key == f"{ND45}:6.2.b" for c in found.citations)


@pytest.mark.clause(f"{ND45}:6.2.b")
def test_6_2_b_without_a_key_product_there_is_no_such_priority() -> None:
    assert _classify(key_industry_product=False).industry_group is None


def _typical_on(as_of: date, issued: date | None) -> PriorityClass:
    b = beneficiary(
        production_site=place(),
        typical_product_certificate=True,
        typical_product_certificate_issued_on=issued,
    )
    return run(proposal(line(SupportItem.BRAND, 70_000_000), beneficiaries=[b]), as_of).priority


@pytest.mark.clause(f"{TT26}:17.3")
@pytest.mark.clause(f"{TT26}:21.3")
def test_typical_product_priority_on_the_last_day_of_the_certificate() -> None:
    # issued 10/05/2015 → valid until 31/12/2017 (2015 is the first year)
    assert _typical_on(date(2017, 12, 31), ISSUED).industry_group == "b"


@pytest.mark.clause(f"{TT26}:17.3")
@pytest.mark.clause(f"{TT26}:21.3")
def test_typical_product_no_priority_the_day_after_the_certificate_expires() -> None:
    b = beneficiary(
        production_site=place(),
        typical_product_certificate=True,
        typical_product_certificate_issued_on=ISSUED,
    )
    a = run(proposal(line(SupportItem.BRAND, 70_000_000), beneficiaries=[b]), date(2018, 1, 1))
    assert a.priority.industry_group is None
    assert "typical_product_certificate_not_valid" in codes(a)


@pytest.mark.clause(f"{TT26}:21.3")
def test_typical_product_no_priority_before_the_certificate_is_issued() -> None:
    assert _typical_on(date(2015, 5, 9), ISSUED).industry_group is None


@pytest.mark.clause(f"{TT26}:21.3")
def test_typical_product_certificate_without_a_date_is_undecided() -> None:
    found = _typical_on(AS_OF, None)
    assert found.industry_group is None
    assert found.undecided == ("typical_product",)


@pytest.mark.clause(f"{TT46}:6.2.đ")
def test_typical_product_before_tt26_2014_the_declared_certificate_counts() -> None:
    # 20/10/2014: TT 35/2010 (not encoded) governs the selection; Điểm đ khoản 2 Điều 6 TT 46
    # asks only for a certificate.
    found = _typical_on(date(2014, 10, 20), None)
    assert found.industry_group == "b"
