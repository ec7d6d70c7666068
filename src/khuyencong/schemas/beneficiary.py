"""Beneficiaries: cơ sở công nghiệp nông thôn and the other persons the programme supports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import InvalidValueError
from .codes import BeneficiaryKind, EnterpriseSize, Industry
from .locality import Locality

__all__ = ["Beneficiary", "check_tax_code"]


def check_tax_code(value: str) -> str:
    """Validate a Vietnamese tax code (mã số thuế, MST) and return its compact form.

    Uses ``stdnum.vn.mst``: 10 digits, or 13 with a branch suffix, with a valid check digit.

    >>> check_tax_code("0100233488")
    '0100233488'
    """
    from stdnum.exceptions import ValidationError as StdnumError
    from stdnum.vn import mst

    try:
        return str(mst.validate(value))
    except StdnumError as exc:
        raise InvalidValueError(code="tax_code", value=repr(value), reason=str(exc)) from None


class Beneficiary(BaseModel):
    """A beneficiary (đơn vị thụ hưởng): a rural industrial establishment (cơ sở công nghiệp nông
    thôn) or another person the programme supports (Khoản 2 Điều 1 NĐ 45/2012/NĐ-CP).

    Facts that rules read are declared here; the rules themselves live in ``khuyencong.rules``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, Field(min_length=1, description="Tên cơ sở")]
    kind: Annotated[BeneficiaryKind, Field(description="Loại hình")]
    enterprise_size: Annotated[
        EnterpriseSize | None, Field(description="Quy mô doanh nghiệp (siêu nhỏ / nhỏ / vừa)")
    ] = None
    tax_code: Annotated[str | None, Field(description="Mã số thuế (MST)")] = None
    registered_on: Annotated[date | None, Field(description="Ngày đăng ký kinh doanh")] = None
    registered_office: Annotated[
        Locality | None, Field(description="Trụ sở đăng ký kinh doanh")
    ] = None
    production_site: Annotated[Locality | None, Field(description="Địa điểm đầu tư, sản xuất")] = (
        None
    )
    industries: Annotated[tuple[Industry, ...], Field(description="Ngành, nghề sản xuất")] = ()
    fired_clay_bricks_in_manual_or_ring_kiln: Annotated[
        bool, Field(description="Sản xuất gạch đất sét nung bằng lò thủ công cải tiến, lò vòng")
    ] = False
    workforce: Annotated[int | None, Field(ge=0, description="Số lao động")] = None
    local_raw_material_share: Annotated[
        Decimal | None,
        Field(ge=0, le=100, description="Tỷ lệ % giá trị nguyên liệu chính từ tỉnh nơi sản xuất"),
    ] = None
    has_export_contract: Annotated[bool, Field(description="Có hợp đồng xuất khẩu")] = False
    produces_for_export: Annotated[
        bool,
        Field(
            description="Sản xuất sản phẩm phục vụ cho xuất khẩu (điểm a khoản 2 Điều 6 TT 46/2012)"
        ),
    ] = False
    key_industry_product: Annotated[
        bool,
        Field(
            description=(
                "Sản phẩm thuộc chương trình phát triển sản phẩm công nghiệp chủ lực, công nghiệp "
                "mũi nhọn, trọng điểm (điểm b khoản 2 Điều 6 NĐ 45/2012)"
            )
        ),
    ] = False
    typical_product_certificate: Annotated[
        bool, Field(description="Có sản phẩm CNNT tiêu biểu được cấp giấy chứng nhận")
    ] = False
    typical_product_certificate_issued_on: Annotated[
        date | None,
        Field(
            description=(
                "Ngày cấp Giấy chứng nhận sản phẩm CNNT tiêu biểu (thời hạn: khoản 3 Điều 17 "
                "TT 26/2014/TT-BCT)"
            )
        ),
    ] = None
    supporting_industry_product: Annotated[
        bool, Field(description="Sản phẩm thuộc danh mục công nghiệp hỗ trợ")
    ] = False
    woman_owned: Annotated[bool, Field(description="Do phụ nữ làm chủ")] = False
    ethnic_minority_owned: Annotated[
        bool, Field(description="Do người dân tộc thiểu số làm chủ")
    ] = False
    foreign_fair_supports_in_year: Annotated[
        int,
        Field(ge=0, description="Số lần đã được hỗ trợ tham gia hội chợ ở nước ngoài trong năm"),
    ] = 0

    @field_validator("tax_code")
    @classmethod
    def _valid_mst(cls, value: str | None) -> str | None:
        return None if value is None else check_tax_code(value)

    @model_validator(mode="after")
    def _size_goes_with_sme(self) -> Beneficiary:
        if self.enterprise_size is not None and self.kind is not BeneficiaryKind.SME:
            raise InvalidValueError(code="enterprise_size_not_sme")
        return self
