"""khuyencong — Vietnam's khuyến công (industrial extension) programme as typed models and a pure,
date-aware rule engine that cites the legal clause behind every answer.

``import khuyencong as kc`` is light: the command line and dataframe libraries, and the 2025
administrative-unit data, load only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import rulebooks
from .errors import (
    AmountParseError,
    ArgumentError,
    DatasetError,
    InvalidValueError,
    KhuyenCongError,
    NotEncodedError,
    NothingToCheckError,
    ReportFileError,
    RulebookError,
    SourceError,
    TransitionError,
)
from .rulebooks import load_rulebook
from .rules import Assessment, Finding, Severity, Status, assess
from .schemas import (
    ActivityContent,
    AnnualPlan,
    AreaAttribute,
    Authority,
    Beneficiary,
    BeneficiaryKind,
    BudgetLine,
    Citation,
    CityClass,
    CommuneKind,
    DistrictKind,
    EnterpriseSize,
    FundingLevel,
    FundingSource,
    FundingSourceKind,
    HistoryEntry,
    Industry,
    LabelledEnum,
    LifecycleEvent,
    Locality,
    Locality2025,
    LocalityPre2025,
    Money,
    ProcurementMethod,
    Proposal,
    ProposalKind,
    ProposalState,
    Provenance,
    SupportItem,
)

if TYPE_CHECKING:
    from .rules.lifecycle import transition

__version__ = "0.1.0.dev0"

_LAZY_SUBMODULES = frozenset({"cli", "datasets", "l10n", "selection"})


def __getattr__(name: str) -> object:
    """Load the heavier parts (``datasets``, ``selection``, ``l10n``, ``cli``, and
    ``transition`` with the procedural rules) on first use, so ``import khuyencong`` stays light."""
    import importlib

    if name in _LAZY_SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name == "transition":
        return importlib.import_module(f"{__name__}.rules.lifecycle").transition
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ActivityContent",
    "AmountParseError",
    "AnnualPlan",
    "AreaAttribute",
    "ArgumentError",
    "Assessment",
    "Authority",
    "Beneficiary",
    "BeneficiaryKind",
    "BudgetLine",
    "Citation",
    "CityClass",
    "CommuneKind",
    "DatasetError",
    "DistrictKind",
    "EnterpriseSize",
    "Finding",
    "FundingLevel",
    "FundingSource",
    "FundingSourceKind",
    "HistoryEntry",
    "Industry",
    "InvalidValueError",
    "KhuyenCongError",
    "LabelledEnum",
    "LifecycleEvent",
    "Locality",
    "Locality2025",
    "LocalityPre2025",
    "Money",
    "NotEncodedError",
    "NothingToCheckError",
    "ProcurementMethod",
    "Proposal",
    "ProposalKind",
    "ProposalState",
    "Provenance",
    "ReportFileError",
    "RulebookError",
    "Severity",
    "SourceError",
    "Status",
    "SupportItem",
    "TransitionError",
    "__version__",
    "assess",
    "load_rulebook",
    "rulebooks",
    "transition",
]
