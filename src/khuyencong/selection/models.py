"""Boundary models (pydantic v2, frozen) of the selection of typical rural industrial products,
Thông tư 26/2014/TT-BCT: a product or product set and its producer, a registration dossier, a
selection round, its council and the certificate.

Facts that only a council can judge (is the product a copy? can it be mass-produced?) are
declared by the user; the rules in :mod:`khuyencong.selection.rules` read the declarations and
report an undeclared fact as "not assessable", never as met.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..schemas.codes import BeneficiaryKind
from ..schemas.locality import Locality
from .codes import (
    CouncilBody,
    CouncilRole,
    EntryCondition,
    PhotoAngle,
    ProductGroup,
    ProductSetKind,
    Region,
    SelectionAuthority,
    SelectionLevel,
)

__all__ = [
    "Certificate",
    "Council",
    "CouncilMember",
    "Photo",
    "Producer",
    "Product",
    "RegistrationDossier",
    "SelectionRound",
]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Producer(BaseModel):
    """The rural industrial establishment (cơ sở công nghiệp nông thôn) that makes and registers
    the product (khoản 2 Điều 1, khoản 2 Điều 4 Thông tư 26/2014/TT-BCT)."""

    model_config = _FROZEN

    name: Annotated[str, Field(min_length=1, description="Tên cơ sở công nghiệp nông thôn")]
    kind: Annotated[BeneficiaryKind | None, Field(description="Loại hình cơ sở")] = None
    locality: Annotated[Locality | None, Field(description="Địa điểm sản xuất")] = None
    business_registration: Annotated[
        str | None, Field(description="Số Giấy chứng nhận đăng ký kinh doanh")
    ] = None


class Product(BaseModel):
    """A product taking part: one product or a product set (bộ sản phẩm), khoản 1 Điều 4 and
    khoản 2 Điều 3 Thông tư 26/2014/TT-BCT.

    A set is several products (``components``, at least two: the Circular says "tập hợp các sản
    phẩm") made by the same establishment and related in one of the three ways of khoản 2 Điều 3
    (``set_kind``).  ``declared`` holds the user's declarations on the conditions of Điều 4.
    """

    model_config = _FROZEN

    name: Annotated[str, Field(min_length=1, description="Tên sản phẩm hoặc bộ sản phẩm")]
    group: Annotated[ProductGroup, Field(description="Nhóm sản phẩm (Điều 5)")]
    producer: Producer
    set_kind: Annotated[
        ProductSetKind | None, Field(description="Loại bộ sản phẩm (khoản 2 Điều 3)")
    ] = None
    components: Annotated[tuple[str, ...], Field(description="Các sản phẩm trong bộ sản phẩm")] = ()
    declared: Annotated[
        dict[EntryCondition, bool],
        Field(description="Điều kiện của Điều 4 được khai là đáp ứng (true) hay không (false)"),
    ] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _set_is_consistent(self) -> Product:
        if self.set_kind is not None and len(self.components) < 2:
            raise ValueError(
                "a product set (bộ sản phẩm, khoản 2 Điều 3 TT 26/2014/TT-BCT) lists at least two "
                "components"
            )
        if self.set_kind is None and self.components:
            raise ValueError("components are given, but set_kind (how they form a set) is not")
        return self

    @property
    def is_set(self) -> bool:
        """Whether this is a product set (bộ sản phẩm)."""
        return self.set_kind is not None


class Photo(BaseModel):
    """A photograph of the product (điểm b khoản 1 Điều 12 Thông tư 26/2014/TT-BCT)."""

    model_config = _FROZEN

    angle: PhotoAngle
    width_cm: Annotated[Decimal, Field(gt=0)]
    height_cm: Annotated[Decimal, Field(gt=0)]
    colour: bool = True


class Certificate(BaseModel):
    """A certificate of typical rural industrial product (Giấy chứng nhận), Điều 17
    Thông tư 26/2014/TT-BCT; ``revoked_on`` when it was withdrawn (khoản 3 Điều 20)."""

    model_config = _FROZEN

    level: SelectionLevel
    product_name: Annotated[str, Field(min_length=1)]
    producer_name: Annotated[str, Field(min_length=1)]
    issued_on: date
    number: str | None = None
    issued_by: SelectionAuthority | None = None
    revoked_on: date | None = None

    @model_validator(mode="after")
    def _revoked_after_issue(self) -> Certificate:
        if self.revoked_on is not None and self.revoked_on < self.issued_on:
            raise ValueError("revoked_on is before issued_on")
        return self


class RegistrationDossier(BaseModel):
    """One dossier (01 bộ hồ sơ) registering a product for a round, Điều 12
    Thông tư 26/2014/TT-BCT.

    The booleans declare that a document is in the dossier: the registration form (Phụ lục 1)
    with a valid copy of the business registration certificate (điểm a khoản 1), the product
    description (Phụ lục 2, điểm b khoản 1), and for higher levels the recommending letter with the
    summary list (Phụ lục 5, điểm c khoản 2-4).  ``lower_round_held`` is ``False`` when no district
    round was held (điểm d khoản 2).
    """

    model_config = _FROZEN

    level: SelectionLevel
    product: Product
    submitted_on: date
    registration_form: bool = False
    business_registration_copy: bool = False
    product_description: bool = False
    photos: tuple[Photo, ...] = ()
    other_documents: Annotated[
        tuple[str, ...], Field(description="Tài liệu khác (điểm c khoản 1), nếu có")
    ] = ()
    lower_level_certificate: Certificate | None = None
    recommendation_letter: bool = False
    lower_round_held: bool = True


class CouncilMember(BaseModel):
    """A member of a selection council and whose leadership they represent (Điều 9)."""

    model_config = _FROZEN

    name: Annotated[str, Field(min_length=1)]
    role: CouncilRole = CouncilRole.MEMBER
    represents: CouncilBody = CouncilBody.OTHER


class Council(BaseModel):
    """A selection council (Hội đồng bình chọn), Điều 8-9 Thông tư 26/2014/TT-BCT."""

    model_config = _FROZEN

    level: SelectionLevel
    members: Annotated[tuple[CouncilMember, ...], Field(min_length=1)]
    established_by: SelectionAuthority | None = None
    established_on: date | None = None


class SelectionRound(BaseModel):
    """A selection round (kỳ bình chọn): its level, place and period (Điều 14), and for a
    regional round its region (điểm c khoản 1 Điều 3)."""

    model_config = _FROZEN

    level: SelectionLevel
    starts_on: date
    ends_on: date
    place: Annotated[str, Field(min_length=1, description="Địa điểm tổ chức")]
    host: Annotated[Locality | None, Field(description="Tỉnh, địa phương nơi tổ chức")] = None
    region: Region | None = None
    council: Council | None = None
    jury_size: Annotated[int | None, Field(ge=1, description="Số thành viên Ban Giám khảo")] = None

    @model_validator(mode="after")
    def _consistent(self) -> SelectionRound:
        if self.ends_on < self.starts_on:
            raise ValueError("ends_on is before starts_on")
        if (self.level is SelectionLevel.REGION) != (self.region is not None):
            raise ValueError("a region is given for, and only for, a regional round")
        if self.council is not None and self.council.level is not self.level:
            raise ValueError(
                f"the council is of level {self.council.level.value}, the round of "
                f"{self.level.value}"
            )
        return self
