"""khuyencong — Vietnam's khuyến công (industrial extension) programme as typed models and a pure,
date-aware rule engine that cites the legal clause behind every answer.

``import khuyencong as kc`` is light: the command line and dataframe libraries load only when used.
"""

from __future__ import annotations

from . import rulebooks
from .errors import (
    AmountParseError,
    DatasetError,
    KhuyenCongError,
    NotEncodedError,
    RulebookError,
    TransitionError,
)
from .rulebooks import load_rulebook
from .schemas import (
    ActivityContent,
    AnnualPlan,
    AreaAttribute,
    Beneficiary,
    BeneficiaryKind,
    BudgetLine,
    Citation,
    FundingSource,
    FundingSourceKind,
    Industry,
    Locality,
    Locality2025,
    LocalityPre2025,
    Proposal,
    ProposalKind,
    ProposalState,
    Provenance,
    SupportItem,
)

__version__ = "0.1.0.dev0"

__all__ = [
    "ActivityContent",
    "AmountParseError",
    "AnnualPlan",
    "AreaAttribute",
    "Beneficiary",
    "BeneficiaryKind",
    "BudgetLine",
    "Citation",
    "DatasetError",
    "FundingSource",
    "FundingSourceKind",
    "Industry",
    "KhuyenCongError",
    "Locality",
    "Locality2025",
    "LocalityPre2025",
    "NotEncodedError",
    "Proposal",
    "ProposalKind",
    "ProposalState",
    "Provenance",
    "RulebookError",
    "SupportItem",
    "TransitionError",
    "__version__",
    "load_rulebook",
    "rulebooks",
]
