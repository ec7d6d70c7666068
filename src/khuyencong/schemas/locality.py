"""Where a beneficiary is registered or produces, in the geography of its period.

Before 01/07/2025 Vietnam had provinces, district-level units (huyện, thị xã, quận, thành phố thuộc
tỉnh) and commune-level units (xã, phường, thị trấn).  From 01/07/2025 there are 34 provinces with
communes, wards and special zones (xã, phường, đặc khu) directly below them.  A locality says which
geography it uses in ``geography``; codes of the 2025 units are checked against the
``vietnam-provinces`` package, which is imported only when such a locality is validated.

Area attributes (difficult area, poor district, ...) are declared by the user: the lists that define
them are decisions of other authorities that the library does not carry.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_serializer,
    field_validator,
    model_validator,
)

from ..errors import InvalidValueError
from .codes import AreaAttribute, CityClass, CommuneKind, DistrictKind

__all__ = ["Locality", "Locality2025", "LocalityPre2025", "Unit2025", "unit_2025"]


class _LocalityBase(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    attributes: Annotated[
        frozenset[AreaAttribute],
        Field(description="Declared area attributes (thuộc tính địa bàn)"),
    ] = frozenset()

    @field_serializer("attributes", when_used="json")
    def _attributes_in_declared_order(self, value: frozenset[AreaAttribute]) -> list[str]:
        # A set has no order, and string hashing differs between processes: without this, the
        # same locality would serialise to different JSON on different runs.
        return [attribute.value for attribute in AreaAttribute if attribute in value]

    def has(self, attribute: AreaAttribute) -> bool:
        """Whether the area is declared to have ``attribute``."""
        return attribute in self.attributes


class LocalityPre2025(_LocalityBase):
    """A place in the geography before 01/07/2025 (tỉnh → huyện → xã).

    ``city_class`` is the urban class of the city a ward (phường) belongs to, and
    ``ward_converted_on`` the effective date of the decision that turned that ward from a commune;
    both matter for Khoản 1 Điều 3 TT 46/2012/TT-BCT.
    """

    geography: Literal["pre2025"] = "pre2025"
    province: Annotated[str, Field(min_length=1, description="Tỉnh / thành phố trực thuộc TW")]
    district: Annotated[str | None, Field(description="Đơn vị cấp huyện")] = None
    district_kind: DistrictKind | None = None
    commune: Annotated[str | None, Field(description="Đơn vị cấp xã")] = None
    commune_kind: CommuneKind | None = None
    city_class: Annotated[
        CityClass | None, Field(description="Loại đô thị của thành phố có phường")
    ] = None
    ward_converted_on: Annotated[
        date | None, Field(description="Ngày hiệu lực quyết định chuyển xã thành phường")
    ] = None

    @model_validator(mode="after")
    def _ward_facts_need_a_ward(self) -> LocalityPre2025:
        if self.ward_converted_on is not None and self.commune_kind is not CommuneKind.PHUONG:
            raise InvalidValueError(code="ward_converted_not_phuong")
        return self


class Unit2025(BaseModel):
    """A 2025 administrative unit as ``vietnam-provinces`` describes it."""

    model_config = ConfigDict(frozen=True)

    province_code: int
    province_name: str
    centrally_run: bool
    """True for the six thành phố trực thuộc trung ương."""
    ward_code: int | None
    ward_name: str | None
    ward_kind: Literal["xa", "phuong", "dac_khu"] | None


_KIND_2025: dict[str, Literal["xa", "phuong", "dac_khu"]] = {
    "xã": "xa",
    "phường": "phuong",
    "đặc khu": "dac_khu",
}


@cache
def unit_2025(province_code: int, ward_code: int | None = None) -> Unit2025:
    """Look up a 2025 province and, optionally, one of its communes, wards or special zones.

    Raises ``ValueError`` with a plain message when a code does not exist or the ward lies in
    another province.
    """
    from vietnam_provinces import Province, ProvinceCode, Ward, WardCode

    try:
        province = Province.from_code(ProvinceCode(province_code))
    except ValueError:
        raise InvalidValueError(code="province_code_2025", value=str(province_code)) from None
    centrally_run = province.division_type.value == "thành phố trung ương"
    if ward_code is None:
        return Unit2025(
            province_code=province_code,
            province_name=province.name,
            centrally_run=centrally_run,
            ward_code=None,
            ward_name=None,
            ward_kind=None,
        )
    try:
        ward = Ward.from_code(WardCode(ward_code))
    except ValueError:
        raise InvalidValueError(code="ward_code_2025", value=str(ward_code)) from None
    if int(ward.province_code) != province_code:
        raise InvalidValueError(
            code="ward_other_province",
            ward=str(ward_code),
            name=ward.name,
            actual=str(int(ward.province_code)),
            province=str(province_code),
        )
    kind = _KIND_2025[ward.division_type.value]
    return Unit2025(
        province_code=province_code,
        province_name=province.name,
        centrally_run=centrally_run,
        ward_code=ward_code,
        ward_name=ward.name,
        ward_kind=kind,
    )


class Locality2025(_LocalityBase):
    """A place in the geography from 01/07/2025: a province and a commune, ward or special zone,
    by their official codes (checked against ``vietnam-provinces``)."""

    geography: Literal["2025"] = "2025"
    province_code: Annotated[int, Field(ge=1, description="Mã tỉnh / thành phố (2025)")]
    ward_code: Annotated[int | None, Field(ge=1, description="Mã xã / phường / đặc khu (2025)")] = (
        None
    )

    @field_validator("province_code")
    @classmethod
    def _province_exists(cls, value: int) -> int:
        unit_2025(value)
        return value

    @field_validator("ward_code")
    @classmethod
    def _ward_exists(cls, value: int | None) -> int | None:
        if value is not None:
            from vietnam_provinces import Ward, WardCode

            try:
                Ward.from_code(WardCode(value))
            except ValueError:
                raise InvalidValueError(code="ward_code_2025", value=str(value)) from None
        return value

    @model_validator(mode="after")
    def _ward_in_province(self) -> Locality2025:
        unit_2025(self.province_code, self.ward_code)
        return self

    @property
    def unit(self) -> Unit2025:
        """Names and kinds of the units, from ``vietnam-provinces``."""
        return unit_2025(self.province_code, self.ward_code)


Locality = Annotated[LocalityPre2025 | Locality2025, Field(discriminator="geography")]
"""A place in either geography, told apart by ``geography`` ("pre2025" or "2025")."""
