"""Localities of the two geographies: before 01/07/2025 (by name) and from then on (by code).

The 2025 codes below were looked up by hand in the data of the ``vietnam-provinces`` package:
province 1 Thành phố Hà Nội (ward 70 Phường Hoàn Kiếm), 24 Bắc Ninh (unit 7525 Phường Chũ),
91 An Giang (unit 31078 Đặc khu Phú Quốc).  Code 2 was Hà Giang before the reform and is no longer
a province code; no unit has code 2 or 99999.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from khuyencong.schemas import (
    AreaAttribute,
    CommuneKind,
    Locality,
    Locality2025,
    LocalityPre2025,
    unit_2025,
)


def test_a_2025_ward_in_its_province() -> None:
    locality = Locality2025(province_code=24, ward_code=7525)
    unit = locality.unit
    assert unit.province_name == "Bắc Ninh"
    assert unit.centrally_run is False
    assert unit.ward_name == "Phường Chũ"
    assert unit.ward_kind == "phuong"


def test_a_special_zone_and_a_centrally_run_city() -> None:
    assert Locality2025(province_code=91, ward_code=31078).unit.ward_kind == "dac_khu"
    hanoi = Locality2025(province_code=1, ward_code=70).unit
    assert hanoi.centrally_run is True
    assert hanoi.ward_name == "Phường Hoàn Kiếm"


def test_a_province_alone() -> None:
    unit = Locality2025(province_code=1).unit
    assert unit.province_name == "Thành phố Hà Nội"
    assert unit.ward_code is None
    assert unit.ward_kind is None


@pytest.mark.parametrize("code", [2, 26, 99])
def test_unknown_province_codes_are_refused(code: int) -> None:
    with pytest.raises(ValidationError) as caught:
        Locality2025(province_code=code)
    (error,) = caught.value.errors()
    assert error["loc"] == ("province_code",)
    assert f"{code} is not a province code of the 2025 geography" in error["msg"]


@pytest.mark.parametrize("code", [2, 99999])
def test_unknown_ward_codes_are_refused(code: int) -> None:
    with pytest.raises(ValidationError) as caught:
        Locality2025(province_code=24, ward_code=code)
    (error,) = caught.value.errors()
    assert error["loc"] == ("ward_code",)
    assert f"{code} is not a commune, ward or special-zone code" in error["msg"]


def test_a_ward_of_another_province_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        Locality2025(province_code=1, ward_code=7525)
    (error,) = caught.value.errors()
    assert "unit 7525 (Phường Chũ) belongs to province 24, not 1" in error["msg"]


def test_unit_2025_raises_value_error_directly() -> None:
    assert unit_2025(24).province_name == "Bắc Ninh"
    with pytest.raises(ValueError, match="belongs to province 91, not 24"):
        unit_2025(24, 31078)


def test_ward_converted_on_goes_with_a_ward() -> None:
    ward = LocalityPre2025(
        province="Tỉnh X",  # made-up names: only the kinds matter here
        district="Thị xã Y",
        district_kind="thi_xa",
        commune="Phường Z",
        commune_kind=CommuneKind.PHUONG,
        ward_converted_on=date(2020, 2, 1),
    )
    assert ward.ward_converted_on == date(2020, 2, 1)
    for kind in (CommuneKind.XA, CommuneKind.THI_TRAN, None):
        with pytest.raises(ValidationError, match="commune_kind is not 'phuong'"):
            LocalityPre2025(
                province="Tỉnh X", commune_kind=kind, ward_converted_on=date(2020, 2, 1)
            )


def test_area_attributes_are_declared() -> None:
    place = LocalityPre2025(
        province="Bắc Kạn",
        attributes=frozenset({AreaAttribute.HIGHLAND, AreaAttribute.POOR_DISTRICT}),
    )
    assert place.has(AreaAttribute.HIGHLAND)
    assert not place.has(AreaAttribute.ISLAND)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"geography": "pre2025", "province": "Thanh Hóa"}, LocalityPre2025),
        ({"geography": "2025", "province_code": 38}, Locality2025),
    ],
)
def test_the_geography_tag_chooses_the_model(data: dict[str, Any], expected: type) -> None:
    adapter: TypeAdapter[LocalityPre2025 | Locality2025] = TypeAdapter(Locality)
    assert type(adapter.validate_python(data)) is expected


def test_a_locality_without_its_geography_tag_is_refused() -> None:
    adapter: TypeAdapter[LocalityPre2025 | Locality2025] = TypeAdapter(Locality)
    with pytest.raises(ValidationError, match="geography"):
        adapter.validate_python({"province": "Thanh Hóa"})
