"""Boundary models (pydantic v2): what users construct, validate, serialise and export as JSON
Schema."""

from .beneficiary import Beneficiary, check_tax_code
from .citation import Amendment, Citation, LegalDocument, Provenance, document_kind
from .codes import (
    ActivityContent,
    AreaAttribute,
    Authority,
    BeneficiaryKind,
    CityClass,
    CommuneKind,
    DistrictKind,
    EnterpriseSize,
    FundingLevel,
    FundingSourceKind,
    Industry,
    LabelledEnum,
    LifecycleEvent,
    ProcurementMethod,
    ProposalKind,
    ProposalState,
    SupportItem,
)
from .locality import Locality, Locality2025, LocalityPre2025, Unit2025, unit_2025
from .money import Money
from .proposal import AnnualPlan, BudgetLine, FundingSource, HistoryEntry, Proposal

__all__ = [
    "ActivityContent",
    "Amendment",
    "AnnualPlan",
    "AreaAttribute",
    "Authority",
    "Beneficiary",
    "BeneficiaryKind",
    "BudgetLine",
    "Citation",
    "CityClass",
    "CommuneKind",
    "DistrictKind",
    "EnterpriseSize",
    "FundingLevel",
    "FundingSource",
    "FundingSourceKind",
    "HistoryEntry",
    "Industry",
    "LabelledEnum",
    "LegalDocument",
    "LifecycleEvent",
    "Locality",
    "Locality2025",
    "LocalityPre2025",
    "Money",
    "ProcurementMethod",
    "Proposal",
    "ProposalKind",
    "ProposalState",
    "Provenance",
    "SupportItem",
    "Unit2025",
    "check_tax_code",
    "document_kind",
    "unit_2025",
]
