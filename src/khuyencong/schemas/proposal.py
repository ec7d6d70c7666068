"""Proposals (đề án khuyến công), their budget lines, funding and history; annual plans."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..errors import InvalidValueError
from ..l10n.catalog import Money as Amount
from .beneficiary import Beneficiary
from .citation import Citation
from .codes import (
    ActivityContent,
    Authority,
    FundingLevel,
    FundingSourceKind,
    LifecycleEvent,
    ProcurementMethod,
    ProposalKind,
    ProposalState,
    SupportItem,
)
from .locality import Locality
from .money import Money

__all__ = ["AnnualPlan", "BudgetLine", "FundingSource", "HistoryEntry", "Proposal"]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class FundingSource(BaseModel):
    """Which khuyến công funds pay (Điều 11-13 NĐ 45/2012/NĐ-CP): national funds, or local funds
    of a province, district or commune."""

    model_config = _FROZEN

    kind: FundingSourceKind
    level: Annotated[
        FundingLevel | None,
        Field(description="Cấp ngân sách, chỉ với kinh phí địa phương (mặc định: cấp tỉnh)"),
    ] = None
    province: Annotated[
        str | None, Field(description="Tỉnh có kinh phí địa phương (tên hoặc mã)")
    ] = None

    @model_validator(mode="after")
    def _level_only_for_local(self) -> FundingSource:
        if self.kind is FundingSourceKind.NATIONAL and self.level is not None:
            raise InvalidValueError(code="level_only_local")
        return self


class BudgetLine(BaseModel):
    """One spending item of a proposal: its cost, the khuyến công support requested, the
    beneficiary's counterpart (đối ứng) and other lawful sources.

    ``units`` counts what the item's cap is per (models, establishments, products, persons...).
    """

    model_config = _FROZEN

    item: SupportItem
    description: str = ""
    units: Annotated[int, Field(ge=1, description="Số đơn vị tính mức trần")] = 1
    cost: Annotated[Money, Field(description="Tổng chi phí")]
    requested: Annotated[Money, Field(description="Kinh phí khuyến công đề nghị hỗ trợ")]
    counterpart: Annotated[
        Money | None, Field(description="Kinh phí đối ứng của đơn vị thụ hưởng (khai báo)")
    ] = None
    other_sources: Annotated[Money, Field(description="Nguồn hợp pháp khác")] = Decimal(0)
    machinery_is_new: Annotated[bool | None, Field(description="Máy móc thiết bị mới")] = None
    technology_new_in_district: Annotated[
        bool | None, Field(description="Công nghệ, sản phẩm chưa có cơ sở nào trên địa bàn huyện")
    ] = None

    @field_validator("other_sources")
    @classmethod
    def _sources_within_cost(cls, value: Decimal, info: ValidationInfo) -> Decimal:
        cost, requested = info.data.get("cost"), info.data.get("requested")
        if cost is not None and requested is not None and requested + value > cost:
            raise InvalidValueError(
                code="requested_and_other_exceed_cost",
                requested=Amount(requested),
                other=Amount(value),
                cost=Amount(cost),
            )
        return value

    @field_validator("requested")
    @classmethod
    def _requested_within_cost(cls, value: Decimal, info: ValidationInfo) -> Decimal:
        cost = info.data.get("cost")
        if cost is not None and value > cost:
            raise InvalidValueError(
                code="requested_exceeds_cost",
                requested=Amount(value),
                cost=Amount(cost),
            )
        return value


class HistoryEntry(BaseModel):
    """One step in a proposal's life: what happened, who decided, when, why, under which clause."""

    model_config = _FROZEN

    event: LifecycleEvent
    on: date
    from_state: ProposalState
    to_state: ProposalState
    authority: Authority | None = None
    actor: str | None = None
    reason: str = ""
    citation: Citation | None = None
    amount: Annotated[Money | None, Field(description="Số tiền (tạm ứng, điều chỉnh)")] = None


class Proposal(BaseModel):
    """A khuyến công proposal (đề án khuyến công, Khoản 3 Điều 2 NĐ 45/2012/NĐ-CP).

    Only data-level checks happen here; whether the law allows it is for ``khuyencong.assess``.
    """

    model_config = _FROZEN

    code: Annotated[str, Field(min_length=1, description="Mã đề án")]
    title: Annotated[str, Field(min_length=1, description="Tên đề án")]
    plan_year: Annotated[int, Field(ge=2000, le=2100, description="Năm kế hoạch")]
    funding: FundingSource
    kind: ProposalKind = ProposalKind.REGULAR
    contents: Annotated[
        tuple[ActivityContent, ...],
        # validate_default: a point proposal that omits contents must be refused too.
        Field(description="Nội dung hoạt động khuyến công", validate_default=True),
    ] = ()
    implementing_unit: Annotated[str, Field(description="Đơn vị thực hiện đề án")] = ""
    beneficiaries: tuple[Beneficiary, ...] = ()
    coordinating_units: tuple[str, ...] = ()
    locations: tuple[Locality, ...] = ()
    start_date: Annotated[date | None, Field(description="Ngày bắt đầu")] = None
    end_date: Annotated[date | None, Field(description="Ngày kết thúc")] = None
    budget_lines: tuple[BudgetLine, ...] = ()
    procurement: ProcurementMethod | None = None
    priority_factor: Annotated[
        Decimal,
        Field(gt=0, description="Hệ số ưu tiên được duyệt (nhân với mức hỗ trợ)"),
    ] = Decimal(1)
    counterpart_committed: Annotated[
        bool | None, Field(description="Cam kết đầu tư đủ phần kinh phí còn lại")
    ] = None
    no_other_state_funding: Annotated[
        bool | None, Field(description="Cam kết chưa được nhà nước hỗ trợ cho cùng nội dung chi")
    ] = None
    approved_on: Annotated[date | None, Field(description="Ngày phê duyệt")] = None
    state: ProposalState = ProposalState.DRAFT
    history: tuple[HistoryEntry, ...] = ()

    @field_validator("contents")
    @classmethod
    def _point_has_two_contents(
        cls, value: tuple[ActivityContent, ...], info: ValidationInfo
    ) -> tuple[ActivityContent, ...]:
        if info.data.get("kind") is ProposalKind.POINT and len(set(value)) < 2:
            raise InvalidValueError(code="point_proposal_contents")
        return value

    @field_validator("end_date")
    @classmethod
    def _end_not_before_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start_date")
        if value is not None and start is not None and value < start:
            raise InvalidValueError(code="end_before_start", end=value, start=start)
        return value

    @property
    def total_cost(self) -> Decimal:
        """Sum of the budget lines' costs."""
        return sum((line.cost for line in self.budget_lines), Decimal(0))

    @property
    def total_requested(self) -> Decimal:
        """Sum of the khuyến công support requested on the budget lines."""
        return sum((line.requested for line in self.budget_lines), Decimal(0))


class AnnualPlan(BaseModel):
    """A yearly khuyến công plan (kế hoạch khuyến công, Khoản 2 Điều 2 NĐ 45/2012/NĐ-CP): the
    proposals of one funding source and year, with the allocation (dự toán được giao)."""

    model_config = _FROZEN

    year: Annotated[int, Field(ge=2000, le=2100)]
    funding: FundingSource
    allocation: Annotated[Money | None, Field(description="Kinh phí được giao")] = None
    proposals: tuple[Proposal, ...] = ()

    @field_validator("proposals")
    @classmethod
    def _unique_codes(cls, value: tuple[Proposal, ...]) -> tuple[Proposal, ...]:
        seen: set[str] = set()
        for proposal in value:
            if proposal.code in seen:
                raise InvalidValueError(code="duplicate_code", value=repr(proposal.code))
            seen.add(proposal.code)
        return value
