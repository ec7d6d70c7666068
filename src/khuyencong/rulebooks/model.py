"""The file format of a rulebook (TOML), validated with pydantic.

A rulebook file has four tables::

    [meta]        id, titles, kind ("national" or "provincial"), province for an overlay
    [[documents]] legal documents the file cites that the built-in registry lacks (overlays)
    [domains.X]   which instrument governed a domain of rules in which period
    [params.X]    a parameter: its type, labels, domain, and its dated values with citations

The built-in rulebook adds ``[rules.X]`` (procedural rules held in Python, with the parameter
that gates them), ``[results.X]`` and ``[affects]`` (which results a parameter affects).  A
national amendment rulebook (``kind = "national_amendment"``) has ``[meta]``, an optional
``[instrument]`` and ``[params.X]`` tables holding only ``values``.

Every value has ``from`` (the date it took effect), optionally ``until`` (exclusive), a
``citation`` table and a ``provenance``; a value known from a secondary source names it in
``source_vi`` and ``source_en``, and a remark on a value is ``note_vi`` and ``note_en``: texts a
person reads are given in both languages, like the labels (a text in one language only, or the
one-language keys ``source``/``note``, is refused).  Rates are written as percentages in strings (``"30%"``), amounts as whole đồng
integers (``500_000_000``), factors as decimal strings (``"1.5"``).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import InvalidValueError
from ..schemas.citation import Citation, LegalDocument, Provenance

__all__ = [
    "AmendmentCitationSpec",
    "AmendmentFile",
    "AmendmentParamSpec",
    "AmendmentValueSpec",
    "Basis",
    "DomainPeriodSpec",
    "DomainSpec",
    "InstrumentSpec",
    "MetaSpec",
    "ParamSpec",
    "ParamType",
    "ResultSpec",
    "RuleSpec",
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
    kind: Literal["national", "provincial", "national_amendment"] = "national"
    province: str | None = None
    description: str = ""
    illustrative: bool = False
    """True for templates and examples whose figures are not law."""
    instrument: str | None = None
    """A national amendment rulebook: the number of the instrument whose values it supplies."""
    supplied_by: str = ""
    """A national amendment rulebook: who supplied the values (an agency, a person)."""


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


_BILINGUAL: Final = ("source", "note")
"""The texts of a value a person reads: each given in Vietnamese and English (``<name>_vi``,
``<name>_en``)."""


def _one_language_keys(data: Any, names: tuple[str, ...]) -> Any:
    """Refuse the one-language keys (``source``, ``note``) before pydantic's "extra" error."""
    if isinstance(data, dict):
        for name in names:
            if name in data:
                raise InvalidValueError(code="one_language_key", name=name)
    return data


def _both_languages(spec: BaseModel, names: tuple[str, ...]) -> None:
    for name in names:
        vi = str(getattr(spec, f"{name}_vi")).strip()
        en = str(getattr(spec, f"{name}_en")).strip()
        if bool(vi) != bool(en):
            given, lacking = ("vi", "en") if vi else ("en", "vi")
            raise InvalidValueError(
                code="one_language", name=name, given=f"{name}_{given}", lacking=f"{name}_{lacking}"
            )


class ValueSpec(BaseModel):
    """One dated value of a parameter; ``source_*`` and ``note_*`` come in both languages."""

    model_config = _STRICT

    from_: Annotated[date, Field(alias="from")]
    until: date | None = None
    citation: Citation
    provenance: Provenance
    source_vi: str = ""
    source_en: str = ""
    note_vi: str = ""
    note_en: str = ""
    value: Any = None
    rate: str | None = None
    cap: int | None = None
    basis: Basis = Basis.COST

    @model_validator(mode="before")
    @classmethod
    def _no_one_language_key(cls, data: Any) -> Any:
        return _one_language_keys(data, _BILINGUAL)

    @model_validator(mode="after")
    def _in_both_languages(self) -> ValueSpec:
        _both_languages(self, _BILINGUAL)
        return self


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


class RuleSpec(BaseModel):
    """A rule held in Python (a procedure's steps, checklists), registered as data so that
    :func:`~khuyencong.rulebooks.gaps` can list it: it is known on a date exactly when its
    ``gate`` parameter is (the Python code resolves that same parameter before it applies)."""

    model_config = _STRICT

    label_vi: str
    label_en: str
    gate: str
    """The parameter the Python code resolves first (``workflow.national``)."""
    implemented_by: tuple[str, ...]
    """``module:function`` of the Python functions that apply the rule."""
    citation: Citation
    """The clauses the Python code encodes."""
    affects: tuple[str, ...] = ()


class ResultSpec(BaseModel):
    """A kind of result a parameter can affect (``line_support``, ``advances``...)."""

    model_config = _STRICT

    label_vi: str
    label_en: str


class RulebookFile(BaseModel):
    """A whole rulebook file, or one part of the built-in national rulebook."""

    model_config = _STRICT

    meta: MetaSpec | None = None
    documents: tuple[LegalDocument, ...] = ()
    domains: dict[str, DomainSpec] = Field(default_factory=dict)
    params: dict[str, ParamSpec] = Field(default_factory=dict)
    rules: dict[str, RuleSpec] = Field(default_factory=dict)
    results: dict[str, ResultSpec] = Field(default_factory=dict)
    affects: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Parameter code prefix → the results it affects (the longest matching prefix wins)."""


# ---- National amendment rulebooks -----------------------------------------------------------

Slot = Annotated[int | str | None, Field(union_mode="left_to_right")]
"""A value the template leaves empty (``""``) for an expert to fill in."""


class AmendmentCitationSpec(BaseModel):
    """The clause of the amending instrument a value comes from; ``document`` defaults to the
    instrument of the file."""

    model_config = _STRICT

    document: str | None = None
    article: Slot = None
    clause: Slot = None
    point: str | None = None
    paragraph: Slot = None
    dash: Slot = None


class AmendmentValueSpec(BaseModel):
    """One dated value of a national amendment rulebook (``""`` marks a slot not filled in)."""

    model_config = _STRICT

    from_: Annotated[date, Field(alias="from")]
    until: date | None = None
    citation: AmendmentCitationSpec
    provenance: str = "user_supplied"
    note_vi: str = ""
    note_en: str = ""
    value: Any = None
    rate: str | None = None
    cap: Slot = None
    basis: Basis = Basis.COST

    @model_validator(mode="before")
    @classmethod
    def _no_one_language_key(cls, data: Any) -> Any:
        return _one_language_keys(data, ("note",))

    @model_validator(mode="after")
    def _in_both_languages(self) -> AmendmentValueSpec:
        _both_languages(self, ("note",))
        return self


class AmendmentParamSpec(BaseModel):
    """The values a national amendment gives for a parameter of the built-in rulebook; its type,
    labels and domain are the built-in ones."""

    model_config = _STRICT

    values: tuple[AmendmentValueSpec, ...]


class InstrumentSpec(BaseModel):
    """The ``[instrument]`` table of a national amendment rulebook: a :class:`LegalDocument`
    whose dates may be left as empty slots (``""``) in a template."""

    model_config = _STRICT

    number: str
    title_vi: str
    title_en: str
    issuer: str
    issued_on: date | Literal[""] | None = None
    effective_from: date | Literal[""] | None = None
    replaces: tuple[str, ...] = ()
    source: str = ""


class AmendmentFile(BaseModel):
    """A national amendment rulebook: ``meta`` (kind ``national_amendment``), the ``instrument``
    it supplies values of, and ``params`` with those values."""

    model_config = _STRICT

    meta: MetaSpec
    instrument: InstrumentSpec | None = None
    """The instrument, when the built-in registry does not know it or knows less (its dates)."""
    params: dict[str, AmendmentParamSpec] = Field(default_factory=dict)
