"""Plain pydantic models of the same shape as ``khuyencong.Proposal``: the same fields, types,
defaults, nesting and discriminated union, frozen and ``extra="forbid"`` — and no validator or
constraint of the library's own.  The floor ``Proposal.model_validate`` is measured against
(issue 15: at most 1.3 times this)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from khuyencong.schemas.codes import (
    ActivityContent,
    AreaAttribute,
    BeneficiaryKind,
    CityClass,
    CommuneKind,
    DistrictKind,
    EnterpriseSize,
    FundingLevel,
    FundingSourceKind,
    Industry,
    ProcurementMethod,
    ProposalKind,
    ProposalState,
    SupportItem,
)

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class PlainPre2025(BaseModel):
    model_config = _FROZEN
    attributes: frozenset[AreaAttribute] = frozenset()
    geography: Literal["pre2025"] = "pre2025"
    province: str
    district: str | None = None
    district_kind: DistrictKind | None = None
    commune: str | None = None
    commune_kind: CommuneKind | None = None
    city_class: CityClass | None = None
    ward_converted_on: date | None = None


class Plain2025(BaseModel):
    model_config = _FROZEN
    attributes: frozenset[AreaAttribute] = frozenset()
    geography: Literal["2025"] = "2025"
    province_code: int
    ward_code: int | None = None


PlainLocality = Annotated[PlainPre2025 | Plain2025, Field(discriminator="geography")]


class PlainBeneficiary(BaseModel):
    model_config = _FROZEN
    name: str
    kind: BeneficiaryKind
    enterprise_size: EnterpriseSize | None = None
    tax_code: str | None = None
    registered_on: date | None = None
    registered_office: PlainLocality | None = None
    production_site: PlainLocality | None = None
    industries: tuple[Industry, ...] = ()
    fired_clay_bricks_in_manual_or_ring_kiln: bool = False
    workforce: int | None = None
    local_raw_material_share: Decimal | None = None
    has_export_contract: bool = False
    produces_for_export: bool = False
    key_industry_product: bool = False
    typical_product_certificate: bool = False
    typical_product_certificate_issued_on: date | None = None
    supporting_industry_product: bool = False
    woman_owned: bool = False
    ethnic_minority_owned: bool = False
    foreign_fair_supports_in_year: int = 0


class PlainFunding(BaseModel):
    model_config = _FROZEN
    kind: FundingSourceKind
    level: FundingLevel | None = None
    province: str | None = None


class PlainLine(BaseModel):
    model_config = _FROZEN
    item: SupportItem
    description: str = ""
    units: int = 1
    cost: Decimal
    requested: Decimal
    counterpart: Decimal | None = None
    other_sources: Decimal = Decimal(0)
    machinery_is_new: bool | None = None
    technology_new_in_district: bool | None = None


class PlainProposal(BaseModel):
    model_config = _FROZEN
    code: str
    title: str
    plan_year: int
    funding: PlainFunding
    kind: ProposalKind = ProposalKind.REGULAR
    contents: tuple[ActivityContent, ...] = ()
    implementing_unit: str = ""
    beneficiaries: tuple[PlainBeneficiary, ...] = ()
    coordinating_units: tuple[str, ...] = ()
    locations: tuple[PlainLocality, ...] = ()
    start_date: date | None = None
    end_date: date | None = None
    budget_lines: tuple[PlainLine, ...] = ()
    procurement: ProcurementMethod | None = None
    priority_factor: Decimal = Decimal(1)
    counterpart_committed: bool | None = None
    no_other_state_funding: bool | None = None
    approved_on: date | None = None
    state: ProposalState = ProposalState.DRAFT
    history: tuple[dict[str, str], ...] = ()
