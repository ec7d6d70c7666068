"""The file format of a rulebook (TOML), validated with pydantic.

A rulebook file has four tables::

    [meta]        id, titles, kind ("national" or "provincial"), province for an overlay
    [[documents]] legal documents the file cites that the built-in registry lacks (overlays)
    [domains.X]   which instrument governed a domain of rules in which period
    [params.X]    a parameter: its type, labels, domain, and its dated values with citations

Every value has ``from`` (the date it took effect), optionally ``until`` (exclusive), a
``citation`` table and a ``provenance``; a value known from a secondary source names it in
``source``.  Rates are written as percentages in strings (``"30%"``), amounts as whole đồng
integers (``500_000_000``), factors as decimal strings (``"1.5"``).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..schemas.citation import Citation, LegalDocument, Provenance

__all__ = [
    "Basis",
    "DomainPeriodSpec",
    "DomainSpec",
    "MetaSpec",
    "ParamSpec",
    "ParamType",
    "RulebookFile",
    "Unit",
    "ValueSpec",
]

_STRICT = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ParamType(StrEnum):
    """What kind of value a parameter holds."""

    SUPPORT = "support"
    """A support level: ``rate`` (share of the basis), ``cap`` (đồng per ``per``), ``basis``."""
    RATIO = "ratio"
    """A share, written ``"70%"``."""
    FACTOR = "factor"
    """A multiplier, written ``"1.5"``."""
    MONEY = "money"
    """Whole đồng."""
    COUNT = "count"
    """A whole number (persons, times, days, years...); ``unit`` says of what."""
    MONTH_DAY = "month_day"
    """A day of the year, written ``"05-20"``."""
    CODES = "codes"
    """A list of codes."""
    TABLE = "table"
    """A table of code → list of codes."""
    FLAG = "flag"
    """True or false."""
    TEXT = "text"
    """A short text."""


class Unit(StrEnum):
    """What a cap is counted per (the ``/doanh nghiệp``, ``/mô hình`` of the law)."""

    ENTERPRISE = "enterprise"
    MODEL = "model"
    ESTABLISHMENT = "establishment"
    BRAND = "brand"
    ASSOCIATION = "association"
    LINKAGE_CLUSTER = "linkage_cluster"
    INDUSTRIAL_CLUSTER = "industrial_cluster"
    FAIR = "fair"
    SELECTION_ROUND = "selection_round"
    PRODUCT = "product"
    PERSON = "person"
    PROPOSAL = "proposal"
    YEAR = "year"
    DAY = "day"
    MONTH = "month"
    TIME = "time"
    MEMBER = "member"


class Basis(StrEnum):
    """What a support rate is a share of."""

    COST = "cost"
    BOOTH_RENT = "booth_rent"
    INTEREST_FIRST_TWO_YEARS = "interest_first_two_years"
    AIRFARE = "airfare"
    CONTRACT_PRICE = "contract_price"
    ANNUAL_ALLOCATION = "annual_allocation"
    PROPOSAL_BUDGET = "proposal_budget"


class MetaSpec(BaseModel):
    """The ``[meta]`` table."""

    model_config = _STRICT

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
    title_vi: str
    title_en: str
    kind: Literal["national", "provincial"] = "national"
    province: str | None = None
    description: str = ""
    illustrative: bool = False
    """True for templates and examples whose figures are not law."""


class DomainPeriodSpec(BaseModel):
    """One period of a domain: the instrument that governed it from ``from`` until ``until``."""

    model_config = _STRICT

    document: str
    from_: Annotated[date | None, Field(alias="from")] = None
    until: date | None = None
    uncertain: bool = False
    """True when the period's start is the start of the issue year because the real effective
    date is not known here."""


class DomainSpec(BaseModel):
    """A domain of rules and the instruments that governed it over time."""

    model_config = _STRICT

    label_vi: str
    label_en: str
    periods: tuple[DomainPeriodSpec, ...]


class ValueSpec(BaseModel):
    """One dated value of a parameter."""

    model_config = _STRICT

    from_: Annotated[date, Field(alias="from")]
    until: date | None = None
    citation: Citation
    provenance: Provenance
    source: str = ""
    note: str = ""
    value: Any = None
    rate: str | None = None
    cap: int | None = None
    basis: Basis = Basis.COST


class ParamSpec(BaseModel):
    """A parameter: its type, labels, domain and dated values."""

    model_config = _STRICT

    type: ParamType
    label_vi: str
    label_en: str
    domain: str
    per: Unit | None = None
    unit: Unit | None = None
    values: tuple[ValueSpec, ...]


class RulebookFile(BaseModel):
    """A whole rulebook file, or one part of the built-in national rulebook."""

    model_config = _STRICT

    meta: MetaSpec | None = None
    documents: tuple[LegalDocument, ...] = ()
    domains: dict[str, DomainSpec] = Field(default_factory=dict)
    params: dict[str, ParamSpec] = Field(default_factory=dict)
