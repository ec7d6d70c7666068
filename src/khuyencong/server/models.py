"""The request and response models of the API: the OpenAPI document is generated from them and
from the library's own boundary models (:class:`khuyencong.Proposal`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..schemas import Proposal

__all__ = [
    "AssessRequest",
    "AssessmentOut",
    "ExplanationOut",
    "Health",
    "ProblemOut",
    "RulebookOut",
]


class AssessRequest(BaseModel):
    """A proposal to assess, the date the rules are read at, and the rulebooks to apply."""

    model_config = ConfigDict(extra="forbid")

    proposal: Proposal
    as_of: date = Field(description="The date the rules are read at (YYYY-MM-DD).")
    rulebooks: list[str] = Field(
        default_factory=list,
        description="Ids of provincial or amendment rulebooks this server offers (GET "
        "/rulebooks); the built-in national rulebook applies unless another national one is named.",
    )


class CitationOut(BaseModel):
    key: str
    vi: str
    en: str


class LineOut(BaseModel):
    index: int
    item: str
    status: str
    cost: str | None = Field(description="Whole đồng, as a string")
    requested: str | None
    other_sources: str | None
    allowed: str | None = Field(description="Whole đồng; null when the level is not known")
    counterpart: str | None
    rate: str | None
    cap: str | None
    factor: str | None
    basis: str | None
    limit: Any
    citation: CitationOut | None
    provenance: str | None
    instruments: list[str]


class FindingOut(BaseModel):
    code: str
    severity: str
    message: str = Field(description="In the language asked for (Accept-Language)")
    message_vi: str
    message_en: str
    citation: CitationOut | None
    provenance: str | None
    line: int | None
    beneficiary: int | None
    instrument: str | None


class PriorityOut(BaseModel):
    area_group: Any
    industry_group: Any
    cleaner_production: Any
    tags: list[str]


class AssessmentOut(BaseModel):
    """:class:`khuyencong.Assessment` as JSON (as ``khuyencong assess --format json``)."""

    proposal_code: str
    title: str
    as_of: date
    programme_date: date
    status: str = Field(description="eligible | ineligible | not_assessable")
    support: str | None = Field(description="Whole đồng; null when some line's level is not known")
    requested: str | None
    counterpart: str | None
    complete: bool
    lines: list[LineOut]
    findings: list[FindingOut]
    priority: PriorityOut
    rulebooks: list[str]
    documents: list[str]


class ExplanationOut(BaseModel):
    """:meth:`khuyencong.Assessment.explain` in the language asked for."""

    lang: str
    as_of: date
    status: str
    explanation: str


class RulebookOut(BaseModel):
    id: str
    title_vi: str
    title_en: str
    kind: str = Field(description="national | provincial")
    province: str | None
    illustrative: bool


class Health(BaseModel):
    status: str
    version: str
    rulebooks: list[str]


class ProblemOut(BaseModel):
    """An RFC 9457 problem details object (``application/problem+json``)."""

    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int
    detail: str
    code: str
    errors: list[dict[str, str]] | None = Field(
        default=None, description="Every invalid field: path, message, type"
    )
