"""Điểm c khoản 1 Điều 3 Thông tư 26/2014/TT-BCT: the three regions and their provinces, read
for the 63 provinces of the Circular's time and, through their predecessors, for the 34 provinces
of 2025 (secondary mapping)."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rulebooks import NotEncoded, national
from khuyencong.schemas import Citation, Locality2025, LocalityPre2025, Provenance
from khuyencong.selection import (
    AmbiguousRegion,
    Refusal,
    Region,
    RegionOf,
    UnknownProvinceError,
    legacy_province,
    legacy_provinces,
    predecessors_2025,
    region_of,
    region_of_2025,
    region_of_legacy,
)

TT26 = "26/2014/TT-BCT"

ART_3_1_C = Citation(document="26/2014/TT-BCT", article=3, clause=1, point="c")
DAY = date(2016, 6, 1)
AFTER_REFORM = date(2025, 8, 1)


def _region(result: object) -> Region:
    assert isinstance(result, RegionOf), result
    return result.region


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_regions_count_28_15_20_provinces() -> None:
    # "Khu vực phía Bắc, gồm 28 tỉnh ... miền Trung và Tây Nguyên, gồm 15 ... phía Nam, gồm 20"
    table = national().value("typical_products.regions", DAY).table
    assert {k: len(v) for k, v in table.items()} == {
        "northern": 28,
        "central_highlands": 15,
        "southern": 20,
    }
    every = [code for codes in table.values() for code in codes]
    assert sorted(every) == sorted(legacy_provinces())  # each of the 63 exactly once


@pytest.mark.clause(f"{TT26}:3.1.c")
@pytest.mark.parametrize(
    ("province", "region"),
    [
        ("Bắc Giang", Region.NORTHERN),
        ("Hà Tĩnh", Region.NORTHERN),  # southernmost of the northern list
        ("Quảng Bình", Region.CENTRAL_HIGHLANDS),  # first of the central list
        ("Đắk Nông", Region.CENTRAL_HIGHLANDS),
        ("Lâm Đồng", Region.CENTRAL_HIGHLANDS),
        ("Bình Thuận", Region.SOUTHERN),
        ("Thành phố Hồ Chí Minh", Region.SOUTHERN),
        ("Cà Mau", Region.SOUTHERN),
    ],
)
def test_old_provinces(province: str, region: Region) -> None:
    result = region_of_legacy(province, DAY)
    assert _region(result) is region
    assert isinstance(result, RegionOf)
    assert result.citation == ART_3_1_C
    assert result.provenance is Provenance.OFFICIAL_TEXT


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_region_labels_as_the_circular_names_them() -> None:
    assert Region.NORTHERN.vi == "Khu vực phía Bắc"
    assert Region.CENTRAL_HIGHLANDS.vi == "Khu vực miền Trung và Tây Nguyên"
    assert Region.SOUTHERN.vi == "Khu vực phía Nam"


@pytest.mark.clause(f"{TT26}:3.1.c")
@pytest.mark.parametrize("name", ["Tỉnh Bắc Giang", "bac giang", "BAC GIANG", "bac_giang"])
def test_province_names_are_matched_without_diacritics_or_prefix(name: str) -> None:
    assert legacy_province(name).code == "bac_giang"


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_hoa_spellings_and_hue() -> None:
    assert legacy_province("Hoà Bình").code == "hoa_binh"
    assert legacy_province("Thừa Thiên Huế").code == "thua_thien_hue"
    assert legacy_province("Huế").code == "thua_thien_hue"


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_unknown_province() -> None:
    with pytest.raises(UnknownProvinceError, match="Atlantis"):
        legacy_province("Atlantis")


@pytest.mark.clause(f"{TT26}:3.1.c")
@pytest.mark.clause(f"{TT26}:25.1")
def test_not_encoded_before_21_october_2014_names_tt_35_2010() -> None:
    before = region_of_legacy("Bắc Giang", date(2014, 10, 20))
    assert isinstance(before, NotEncoded)
    assert before.instrument == "35/2010/TT-BCT"
    assert _region(region_of_legacy("Bắc Giang", date(2014, 10, 21))) is Region.NORTHERN


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_old_province_after_the_reform_names_its_successor() -> None:
    result = region_of_legacy("Bắc Giang", AFTER_REFORM)
    assert isinstance(result, RegionOf)
    assert result.region is Region.NORTHERN
    assert "Bắc Ninh" in result.note_vi
    before_reform = region_of_legacy("Bắc Giang", date(2025, 6, 30))
    assert isinstance(before_reform, RegionOf)
    assert before_reform.note_vi == ""


# ---- the 34 provinces of 2025 --------------------------------------------------------------------


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_bac_ninh_2025_is_northern_through_bac_giang_and_bac_ninh() -> None:
    result = region_of_2025(24, AFTER_REFORM)
    assert isinstance(result, RegionOf)
    assert result.region is Region.NORTHERN
    assert [p.name for p in result.via] == ["Bắc Giang", "Bắc Ninh"]
    assert result.provenance is Provenance.SECONDARY  # the mapping is secondary
    assert result.citation == ART_3_1_C


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_quang_ngai_2025_is_central_through_quang_ngai_and_kon_tum() -> None:
    assert _region(region_of_2025(51, AFTER_REFORM)) is Region.CENTRAL_HIGHLANDS


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_ho_chi_minh_2025_is_southern() -> None:
    # Thành phố Hồ Chí Minh, Bình Dương, Bà Rịa - Vũng Tàu: all southern.
    assert _region(region_of_2025(79, AFTER_REFORM)) is Region.SOUTHERN


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_lam_dong_2025_is_ambiguous_central_and_southern() -> None:
    # Lâm Đồng (2025) = Lâm Đồng + Đắk Nông (central and highlands) + Bình Thuận (southern).
    result = region_of_2025(68, AFTER_REFORM)
    assert isinstance(result, AmbiguousRegion)
    assert not result
    assert result.regions == (Region.CENTRAL_HIGHLANDS, Region.SOUTHERN)
    by_region = {r: [p.name for p in ps] for r, ps in result.candidates}
    assert by_region == {
        Region.CENTRAL_HIGHLANDS: ["Đắk Nông", "Lâm Đồng"],
        Region.SOUTHERN: ["Bình Thuận"],
    }
    assert result.provenance is Provenance.SECONDARY
    assert "Bình Thuận" in result.message_vi


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_lam_dong_is_the_only_2025_province_across_regions() -> None:
    codes = sorted({p.successor_2025 for p in legacy_provinces().values()})
    ambiguous = [c for c in codes if isinstance(region_of_2025(c, AFTER_REFORM), AmbiguousRegion)]
    assert ambiguous == [68]


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_2025_province_refused_before_1_july_2025() -> None:
    before = region_of_2025(24, date(2025, 6, 30))
    assert isinstance(before, Refusal)
    assert before.provenance is Provenance.SECONDARY
    assert isinstance(region_of_2025(24, date(2025, 7, 1)), RegionOf)


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_locality_dispatch() -> None:
    old = LocalityPre2025(province="Bình Thuận")
    new = Locality2025(province_code=24)
    assert _region(region_of(old, DAY)) is Region.SOUTHERN
    assert _region(region_of(new, AFTER_REFORM)) is Region.NORTHERN


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_mapping_63_to_34_agrees_with_vietnam_provinces() -> None:
    from vietnam_provinces import Province

    codes_2025 = {int(p.code) for p in Province.iter_all()}
    provinces = legacy_provinces()
    assert len(provinces) == 63
    assert {p.successor_2025 for p in provinces.values()} == codes_2025
    assert len(codes_2025) == 34


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_predecessors_of_an_unknown_2025_code() -> None:
    with pytest.raises(UnknownProvinceError):
        predecessors_2025(2)  # Hà Giang's old code; not a 2025 province
