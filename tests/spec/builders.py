"""Small builders of valid inputs for the specification; keyword arguments override any field.

The defaults describe a proposal that passes every condition in force on :data:`AS_OF`
(01/06/2016: NĐ 45/2012, TT 46/2012, TTLT 26/2014): a national proposal, approved, with both
commitments of Điều 7 TTLT 26/2014 declared, for one small enterprise making handicrafts in a
rural district (huyện).  A test changes only the fact its clause is about.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from khuyencong import Assessment, Finding, Severity, Status, assess
from khuyencong.rulebooks import Rulebook
from khuyencong.schemas import (
    ActivityContent,
    Beneficiary,
    BudgetLine,
    Locality2025,
    LocalityPre2025,
    Proposal,
    SupportItem,
)

AS_OF = date(2016, 6, 1)
"""A date under TTLT 26/2014/TTLT-BTC-BCT, NĐ 45/2012/NĐ-CP and TT 46/2012/TT-BCT, before any
amendment of them took effect."""

C = ActivityContent
I = SupportItem  # noqa: E741

# Điều 5 TTLT 26/2014: the content (Điều 4 NĐ 45/2012) each spending item belongs to.
CONTENT_OF: dict[SupportItem, ActivityContent] = {
    I.ENTERPRISE_FOUNDING: C.CAPACITY_BUILDING,  # Art 5.2 "chi hỗ trợ thành lập doanh nghiệp"
    I.DEMONSTRATION_NEW_TECHNOLOGY: C.DEMONSTRATION_AND_TECHNOLOGY,  # Art 5.3
    I.DEMONSTRATION_EXISTING: C.DEMONSTRATION_AND_TECHNOLOGY,  # Art 5.3
    I.MACHINERY_AND_TECHNOLOGY: C.DEMONSTRATION_AND_TECHNOLOGY,  # Art 5.3
    I.CLEANER_PRODUCTION_PILOT: C.DEMONSTRATION_AND_TECHNOLOGY,  # Art 5.3
    I.DOMESTIC_FAIR_ORGANISATION: C.TYPICAL_PRODUCTS_AND_PROMOTION,  # Art 5.4
    I.DOMESTIC_FAIR_PARTICIPATION: C.TYPICAL_PRODUCTS_AND_PROMOTION,  # Art 5.4
    I.FOREIGN_FAIR: C.TYPICAL_PRODUCTS_AND_PROMOTION,  # Art 5.4
    I.FOREIGN_FAIR_ORGANISATION: C.TYPICAL_PRODUCTS_AND_PROMOTION,  # Art 5.4
    I.FOREIGN_FAIR_PARTICIPATION: C.TYPICAL_PRODUCTS_AND_PROMOTION,  # Art 5.4
    I.SELECTION_ROUND_REGIONAL: C.TYPICAL_PRODUCTS_AND_PROMOTION,  # Art 5.4
    I.SELECTION_ROUND_NATIONAL: C.TYPICAL_PRODUCTS_AND_PROMOTION,  # Art 5.4
    I.AWARD_REGIONAL: C.TYPICAL_PRODUCTS_AND_PROMOTION,  # Art 5.4
    I.AWARD_NATIONAL: C.TYPICAL_PRODUCTS_AND_PROMOTION,  # Art 5.4
    I.BRAND: C.TYPICAL_PRODUCTS_AND_PROMOTION,  # Art 5.4
    I.STUDY_TOUR_AIRFARE: C.CAPACITY_BUILDING,  # Art 5.2 "khảo sát ... ngoài nước"
    I.CONSULTING: C.CONSULTING,  # Art 5.5
    I.MEDIA: C.INFORMATION,  # Art 5.6
    I.ASSOCIATION_REGIONAL: C.LINKAGE_AND_CLUSTERS,  # Art 5.7.a
    I.ASSOCIATION_NATIONAL: C.LINKAGE_AND_CLUSTERS,  # Art 5.7.a
    I.LINKAGE_CLUSTER: C.LINKAGE_AND_CLUSTERS,  # Art 5.7.a
    I.CLUSTER_DETAILED_PLANNING: C.LINKAGE_AND_CLUSTERS,  # Art 5.7.b
    I.CLUSTER_INFRASTRUCTURE: C.LINKAGE_AND_CLUSTERS,  # Art 5.7.b
    I.RELOCATION_INTEREST: C.LINKAGE_AND_CLUSTERS,  # Art 5.7.c
    I.POLLUTION_TREATMENT_ESTABLISHMENT: C.LINKAGE_AND_CLUSTERS,  # Art 5.7.d
    I.POLLUTION_TREATMENT_CLUSTER: C.LINKAGE_AND_CLUSTERS,  # Art 5.7.d
    I.POLLUTION_SYSTEM_NEW_ESTABLISHMENT: C.LINKAGE_AND_CLUSTERS,  # Art 5.7.d "xây dựng"
    I.POLLUTION_SYSTEM_NEW_CLUSTER: C.LINKAGE_AND_CLUSTERS,  # Art 5.7.d "xây dựng"
    I.VOCATIONAL_TRAINING: C.VOCATIONAL_TRAINING,  # Art 5.1
    I.CURRICULUM: C.VOCATIONAL_TRAINING,  # Art 5.1 (and 5.9.a)
    I.CONFERENCE: C.CAPACITY_BUILDING,  # Art 5.2 "hội thảo, diễn đàn"
    I.TRAVEL_ABROAD: C.CAPACITY_BUILDING,  # Art 5.2 "khảo sát ... ngoài nước"
    I.STAFF_TRAINING: C.CAPACITY_BUILDING,  # Art 5.2 "đào tạo khởi sự doanh nghiệp"
    I.IT_APPLICATION: C.INFORMATION,  # Art 5.6 "dữ liệu, trang thông tin điện tử"
    I.CONTEST: C.TYPICAL_PRODUCTS_AND_PROMOTION,  # Art 5.4 "xúc tiến thương mại khác"
}


def _merge(defaults: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    data = dict(defaults)
    data.update(overrides)
    return data


def place(**overrides: Any) -> LocalityPre2025:
    """A place before the 2025 reform; by default a rural district (huyện)."""
    defaults = {"province": "Bắc Giang", "district": "Việt Yên", "district_kind": "huyen"}
    return LocalityPre2025.model_validate(_merge(defaults, overrides))


def ward(city_class: str, converted_on: date | None = None, **overrides: Any) -> LocalityPre2025:
    """A ward (phường) of a city of ``city_class``, converted from a commune on ``converted_on``."""
    defaults: dict[str, Any] = {
        "province": "Thái Nguyên",
        "district": "Thái Nguyên",
        "district_kind": "thanh_pho_thuoc_tinh",
        "commune": "Phường Ví Dụ",
        "commune_kind": "phuong",
        "city_class": city_class,
        "ward_converted_on": converted_on,
    }
    return LocalityPre2025.model_validate(_merge(defaults, overrides))


def place_2025(province_code: int, ward_code: int | None = None, **overrides: Any) -> Locality2025:
    """A place of the 2025 geography, by its ``vietnam-provinces`` codes."""
    defaults: dict[str, Any] = {"province_code": province_code, "ward_code": ward_code}
    return Locality2025.model_validate(_merge(defaults, overrides))


def beneficiary(**overrides: Any) -> Beneficiary:
    """By default a small enterprise making handicrafts in a rural district."""
    defaults: dict[str, Any] = {
        "name": "Công ty TNHH Ví Dụ",
        "kind": "sme",
        "enterprise_size": "small",
        "industries": ["handicraft"],
        "production_site": place(),
    }
    return Beneficiary.model_validate(_merge(defaults, overrides))


def line(
    item: SupportItem | str, cost: int, requested: int | None = None, **overrides: Any
) -> BudgetLine:
    """A budget line; ``requested`` defaults to the whole cost."""
    defaults: dict[str, Any] = {
        "item": item,
        "cost": cost,
        "requested": cost if requested is None else requested,
    }
    if SupportItem(item) is SupportItem.MACHINERY_AND_TECHNOLOGY:
        defaults["machinery_is_new"] = True
    if SupportItem(item) is SupportItem.DEMONSTRATION_NEW_TECHNOLOGY:
        defaults["technology_new_in_district"] = True
    return BudgetLine.model_validate(_merge(defaults, overrides))


def proposal(*lines: BudgetLine, **overrides: Any) -> Proposal:
    """A national proposal for 2016 with ``lines``; its contents are those of its items."""
    contents = list(dict.fromkeys(CONTENT_OF.get(ln.item, C.CAPACITY_BUILDING) for ln in lines))
    defaults: dict[str, Any] = {
        "code": "SPEC-2016-01",
        "title": "Đề án đặc tả",
        "plan_year": 2016,
        "funding": {"kind": "national"},
        "contents": contents or [C.VOCATIONAL_TRAINING],
        "beneficiaries": [beneficiary()],
        "budget_lines": list(lines),
        "state": "approved",
        "approved_on": date(2016, 3, 1),
        "counterpart_committed": True,
        "no_other_state_funding": True,
    }
    return Proposal.model_validate(_merge(defaults, overrides))


def run(
    p: Proposal,
    as_of: date = AS_OF,
    *,
    rulebooks: Rulebook | None = None,
    allocation: int | None = None,
) -> Assessment:
    """``assess(p, as_of=...)``, with an allocation in whole đồng when given."""
    return assess(
        p,
        as_of=as_of,
        rulebooks=rulebooks,
        allocation=None if allocation is None else Decimal(allocation),
    )


def support_of(
    item: SupportItem | str, cost: int, requested: int | None = None, **kw: Any
) -> Decimal | None:
    """The allowed support of a one-line proposal on :data:`AS_OF` (``None`` if not computed)."""
    as_of = kw.pop("as_of", AS_OF)
    factor = kw.pop("priority_factor", 1)
    result = run(proposal(line(item, cost, requested, **kw), priority_factor=factor), as_of)
    return result.lines[0].allowed


def codes(a: Assessment, severity: str | None = None) -> set[str]:
    """The codes of the findings (of one severity, when given)."""
    return {f.code for f in a.findings if severity is None or f.severity == severity}


def finding(a: Assessment, code: str) -> Finding:
    """The one finding with ``code`` (fails when there is none or more than one)."""
    found = [f for f in a.findings if f.code == code]
    assert len(found) == 1, f"expected one {code!r} finding, got {[f.code for f in a.findings]}"
    return found[0]


def cited(a: Assessment, code: str) -> str | None:
    """The key of the clause the one finding ``code`` cites."""
    citation = finding(a, code).citation
    return None if citation is None else citation.key


UNDECIDABLE_CONDITIONS = "support_conditions_not_encoded"
"""The finding that the conditions of Điều 7 TTLT 26/2014 cannot be decided at the date (before
08/04/2014 and from 11/05/2018 their instrument is not encoded): alone it makes the verdict
``not_assessable``."""


def facts_verdict(a: Assessment) -> Status:
    """The verdict the declared facts give (who, where, which industry, which items), leaving
    aside the undecidable conditions of Điều 7 TTLT 26/2014 — for tests of programme rules at
    dates (2018 on) when those conditions are not encoded and the real verdict is
    ``not_assessable`` for that reason alone."""
    others = {f.severity for f in a.findings if f.code != UNDECIDABLE_CONDITIONS}
    if Severity.ERROR in others:
        return Status.INELIGIBLE
    if Severity.UNDETERMINED in others:
        return Status.NOT_ASSESSABLE
    return Status.ELIGIBLE
