"""Khoản 2 Điều 1 NĐ 45/2012/NĐ-CP as amended by NĐ 235/2025/NĐ-CP, from 15/10/2025 (secondary).

a) SMEs, cooperative groups, cooperatives, unions of cooperatives and business households producing
in communes, wards and special zones of provinces (tỉnh); in communes and special zones of
centrally-run cities (not their wards); in craft villages recognised by the province.
b) cleaner or sustainable production; industrial-cluster infrastructure investors.  c) folk and
meritorious artisans.

Places are real units of the 2025 geography, by their codes in ``vietnam-provinces``: 24 Bắc Ninh
(7627 Xã Đại Sơn, 7525 Phường Chũ), 91 An Giang (31078 Đặc khu Phú Quốc), 1 Thành phố Hà Nội
(640 Xã Thanh Trì, 70 Phường Hoàn Kiếm), 31 Thành phố Hải Phòng (11914 Đặc khu Cát Hải).
"""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong import Status
from khuyencong.schemas import Locality2025, Provenance, SupportItem

from ..builders import (
    beneficiary,
    codes,
    facts_verdict,
    finding,
    line,
    place,
    place_2025,
    proposal,
    run,
)

ND235 = "235/2025/NĐ-CP"
IN_FORCE = date(2025, 11, 3)
BRAND = line(SupportItem.BRAND, 70_000_000)


def _at(site: Locality2025, as_of: date = IN_FORCE, **facts: object) -> Status:
    b = beneficiary(production_site=site, **facts)
    # The places are judged apart from Điều 7 TTLT 26/2014, not encoded after 11/05/2018.
    return facts_verdict(
        run(proposal(BRAND, beneficiaries=[b], plan_year=2026, approved_on=None), as_of)
    )


@pytest.mark.clause(ND235)
@pytest.mark.parametrize(
    "site",
    [
        pytest.param(place_2025(24, 7627), id="a commune of a province"),
        pytest.param(place_2025(24, 7525), id="a ward of a province"),
        pytest.param(place_2025(91, 31078), id="a special zone of a province"),
        pytest.param(place_2025(1, 640), id="a commune of a centrally-run city"),
        pytest.param(place_2025(31, 11914), id="a special zone of a centrally-run city"),
        pytest.param(
            place_2025(1, 70, attributes=["craft_village"]),
            id="a recognised craft village in a ward of a centrally-run city",
        ),
    ],
)
def test_2025_places_that_qualify(site: Locality2025) -> None:
    assert _at(site) is Status.ELIGIBLE


@pytest.mark.clause(ND235)
def test_2025_a_ward_of_a_centrally_run_city_is_refused() -> None:
    b = beneficiary(production_site=place_2025(1, 70))
    a = run(proposal(BRAND, beneficiaries=[b], plan_year=2026, approved_on=None), IN_FORCE)
    assert a.status is Status.INELIGIBLE
    refused = finding(a, "place_not_rural")
    assert refused.citation is not None
    assert refused.citation.key == ND235
    assert refused.provenance is Provenance.SECONDARY


@pytest.mark.clause(ND235)
def test_2025_a_province_without_its_commune_cannot_be_assessed() -> None:
    assert _at(place_2025(24)) is Status.NOT_ASSESSABLE


@pytest.mark.clause(ND235)
def test_2025_a_place_in_the_old_geography_cannot_be_assessed() -> None:
    b = beneficiary(production_site=place())
    a = run(proposal(BRAND, beneficiaries=[b], plan_year=2026, approved_on=None), IN_FORCE)
    assert a.status is Status.NOT_ASSESSABLE
    assert "geography_mismatch" in codes(a)


@pytest.mark.clause(ND235)
@pytest.mark.parametrize("kind", ["cooperative_union", "cooperative_group", "business_household"])
def test_2025_kinds_of_rural_establishment(kind: str) -> None:
    assert _at(place_2025(24, 7627), kind=kind, enterprise_size=None) is Status.ELIGIBLE


@pytest.mark.clause(ND235)
def test_2025_a_large_enterprise_is_still_refused() -> None:
    assert (
        _at(place_2025(24, 7627), kind="large_enterprise", enterprise_size=None)
        is Status.INELIGIBLE
    )


@pytest.mark.clause(ND235)
@pytest.mark.parametrize("kind", ["artisan", "cluster_infrastructure_investor"])
def test_2025_artisans_and_cluster_investors_are_beneficiaries(kind: str) -> None:
    # In a ward of Hà Nội: neither kind is bound to the rural places of point a.
    assert _at(place_2025(1, 70), kind=kind, enterprise_size=None) is Status.ELIGIBLE


@pytest.mark.clause(ND235)
def test_the_day_before_the_decree_a_2025_place_is_read_under_the_old_rules() -> None:
    # On 14/10/2025 the 2012 rules (huyện, thị xã, ...) still govern: a 2025 commune code
    # cannot be matched against them.
    assert _at(place_2025(24, 7627), date(2025, 10, 14)) is Status.NOT_ASSESSABLE
    b = beneficiary(production_site=place())
    old = run(
        proposal(BRAND, beneficiaries=[b], plan_year=2026, approved_on=None), date(2025, 10, 14)
    )
    assert facts_verdict(old) is Status.ELIGIBLE


@pytest.mark.clause(ND235)
def test_on_the_day_the_decree_takes_effect_a_2025_commune_qualifies() -> None:
    assert _at(place_2025(24, 7627), date(2025, 10, 15)) is Status.ELIGIBLE


@pytest.mark.clause(ND235)
def test_the_day_before_the_decree_a_union_of_cooperatives_is_refused() -> None:
    b = beneficiary(kind="cooperative_union", enterprise_size=None)
    a = run(
        proposal(BRAND, beneficiaries=[b], plan_year=2026, approved_on=None), date(2025, 10, 14)
    )
    assert a.status is Status.INELIGIBLE
