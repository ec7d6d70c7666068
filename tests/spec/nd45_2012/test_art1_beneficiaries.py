"""Khoản 2 Điều 1 NĐ 45/2012/NĐ-CP: who the programme supports, and where (old geography).

a) organisations and persons that directly invest in and carry on industrial–handicraft production
in rural districts (huyện), towns (thị xã), townships (thị trấn), communes (xã), wards (phường) of
class-2 and class-3 cities, and wards of class-1 cities converted from a commune not more than 5
years before — small and medium enterprises, cooperatives, cooperative groups and business
households (rural industrial establishments); b) industrial establishments applying cleaner
production; c) organisations and persons managing or providing khuyến công services.
"""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong import Status
from khuyencong.schemas import LocalityPre2025, SupportItem

from ..builders import beneficiary, cited, codes, finding, line, place, proposal, run, ward

ND45 = "45/2012/NĐ-CP"
BRAND = line(SupportItem.BRAND, 70_000_000)


# ---- kinds -------------------------------------------------------------------------------------


@pytest.mark.clause(f"{ND45}:1.2.a")
@pytest.mark.parametrize("size", ["micro", "small", "medium"])
def test_1_2_a_a_small_or_medium_enterprise_qualifies(size: str) -> None:
    a = run(proposal(BRAND, beneficiaries=[beneficiary(kind="sme", enterprise_size=size)]))
    assert a.status is Status.ELIGIBLE


@pytest.mark.clause(f"{ND45}:1.2.a")
def test_1_2_a_a_large_enterprise_is_refused() -> None:
    a = run(
        proposal(BRAND, beneficiaries=[beneficiary(kind="large_enterprise", enterprise_size=None)])
    )
    assert a.status is Status.INELIGIBLE
    assert cited(a, "large_enterprise") == f"{ND45}:1.2.a"
    assert finding(a, "large_enterprise").beneficiary == 0


@pytest.mark.clause(f"{ND45}:1.2.a")
def test_1_2_a_an_enterprise_of_undeclared_size_cannot_be_assessed() -> None:
    a = run(proposal(BRAND, beneficiaries=[beneficiary(kind="sme", enterprise_size=None)]))
    assert a.status is Status.NOT_ASSESSABLE
    assert cited(a, "enterprise_size_missing") == f"{ND45}:1.2.a"


@pytest.mark.clause(f"{ND45}:1.2.a")
@pytest.mark.parametrize("kind", ["cooperative", "cooperative_group", "business_household"])
def test_1_2_a_cooperatives_groups_and_households_qualify(kind: str) -> None:
    a = run(proposal(BRAND, beneficiaries=[beneficiary(kind=kind, enterprise_size=None)]))
    assert a.status is Status.ELIGIBLE


@pytest.mark.clause(f"{ND45}:1.2.a")
@pytest.mark.parametrize("kind", ["cooperative_union", "artisan"])
def test_1_2_a_kinds_the_decree_does_not_name_are_refused_before_2025(kind: str) -> None:
    # Unions of cooperatives and artisans are named only by NĐ 235/2025 (from 15/10/2025).
    a = run(proposal(BRAND, beneficiaries=[beneficiary(kind=kind, enterprise_size=None)]))
    assert a.status is Status.INELIGIBLE
    assert "beneficiary_kind_not_covered" in codes(a)


@pytest.mark.clause(f"{ND45}:1.2.b")
def test_1_2_b_a_cleaner_production_establishment_qualifies() -> None:
    b = beneficiary(kind="cleaner_production_establishment", enterprise_size=None)
    assert run(proposal(BRAND, beneficiaries=[b])).status is Status.ELIGIBLE


@pytest.mark.clause(f"{ND45}:1.2.c")
def test_1_2_c_a_service_organisation_qualifies_wherever_it_is() -> None:
    b = beneficiary(
        kind="service_organisation", enterprise_size=None, production_site=None, industries=[]
    )
    assert run(proposal(BRAND, beneficiaries=[b])).status is Status.ELIGIBLE


# ---- places of the old geography ---------------------------------------------------------------


def _at(site: LocalityPre2025) -> Status:
    return run(proposal(BRAND, beneficiaries=[beneficiary(production_site=site)])).status


@pytest.mark.clause(f"{ND45}:1.2.a")
@pytest.mark.parametrize(
    "site",
    [
        pytest.param(place(district_kind="huyen"), id="a rural district (huyện)"),
        pytest.param(place(district="Sơn Tây", district_kind="thi_xa"), id="a town (thị xã)"),
        pytest.param(
            place(
                district=None,
                district_kind=None,
                commune="Thị trấn Bích Động",
                commune_kind="thi_tran",
            ),
            id="a township (thị trấn)",
        ),
        pytest.param(
            place(district=None, district_kind=None, commune="Xã Vân Trung", commune_kind="xa"),
            id="a commune (xã)",
        ),
        pytest.param(ward("2"), id="a ward of a class-2 city"),
        pytest.param(ward("3"), id="a ward of a class-3 city"),
    ],
)
def test_1_2_a_rural_places_qualify(site: LocalityPre2025) -> None:
    assert _at(site) is Status.ELIGIBLE


@pytest.mark.clause(f"{ND45}:1.2.a")
@pytest.mark.parametrize(
    "site",
    [
        pytest.param(ward("1"), id="a ward of a class-1 city never a commune"),
        pytest.param(
            ward(
                "special",
                date(2014, 1, 1),
                province="Hà Nội",
                district="Cầu Giấy",
                district_kind="quan",
            ),
            id="a ward of a special-class city even if converted",
        ),
        pytest.param(
            place(province="Hà Nội", district="Hoàn Kiếm", district_kind="quan"),
            id="an urban district (quận)",
        ),
    ],
)
def test_1_2_a_urban_places_are_refused(site: LocalityPre2025) -> None:
    assert _at(site) is Status.INELIGIBLE


@pytest.mark.clause(f"{ND45}:1.2.a")
def test_1_2_a_a_ward_of_undeclared_city_class_cannot_be_assessed() -> None:
    site = LocalityPre2025(province="Thái Nguyên", commune="Phường Ví Dụ", commune_kind="phuong")
    a = run(proposal(BRAND, beneficiaries=[beneficiary(production_site=site)]))
    assert a.status is Status.NOT_ASSESSABLE
    assert cited(a, "place_incomplete") == f"{ND45}:1.2.a"


@pytest.mark.clause(f"{ND45}:1.2.a")
def test_1_2_a_an_establishment_with_no_declared_place_cannot_be_assessed() -> None:
    a = run(proposal(BRAND, beneficiaries=[beneficiary(production_site=None)]))
    assert a.status is Status.NOT_ASSESSABLE
    assert "place_missing" in codes(a)


@pytest.mark.clause(f"{ND45}:1.2.a")
def test_1_2_a_the_place_of_production_counts_not_the_registered_office() -> None:
    b = beneficiary(registered_office=ward("1"), production_site=place())
    assert run(proposal(BRAND, beneficiaries=[b])).status is Status.ELIGIBLE


# ---- in force from 05/07/2012 ------------------------------------------------------------------


@pytest.mark.clause(ND45)
def test_the_day_before_the_decree_its_beneficiary_rules_are_not_encoded_naming_134_2004() -> None:
    large = beneficiary(kind="large_enterprise", enterprise_size=None)
    a = run(proposal(BRAND, beneficiaries=[large]), date(2012, 7, 4))
    assert a.status is Status.NOT_ASSESSABLE
    (note,) = [f for f in a.findings if f.code == "not_encoded" and f.beneficiary == 0]
    assert note.instrument == "134/2004/NĐ-CP"


@pytest.mark.clause(f"{ND45}:1.2.a")
def test_on_the_day_the_decree_takes_effect_a_large_enterprise_is_refused() -> None:
    large = beneficiary(kind="large_enterprise", enterprise_size=None)
    a = run(proposal(BRAND, beneficiaries=[large]), date(2012, 7, 5))
    assert a.status is Status.INELIGIBLE
    assert cited(a, "large_enterprise") == f"{ND45}:1.2.a"
