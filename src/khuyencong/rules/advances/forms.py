"""Forms of advance (Điều 13 Thông tư 36/2013/TT-BCT), the results of the advance rules, and
the 70 % ceiling's base (Điểm b khoản 2 Điều 8 TTLT 26/2014/TTLT-BTC-BCT)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from ..._args import check_date
from ...l10n.catalog import Msg
from ...rulebooks import Resolved, Rulebook
from ...schemas.citation import Citation
from ...schemas.codes import (
    LabelledEnum,
    LifecycleEvent,
    ProposalKind,
    SupportItem,
)
from ...schemas.proposal import Proposal
from .._procedure import cite, floor_dong, require, require_national, rulebook_or_national
from ..findings import Finding, note


class AdvanceForm(LabelledEnum):
    """Forms of proposal for the first advance: Điều 13 TT 36/2013/TT-BCT."""

    CLUSTER_WORKS = (
        "cluster_works",
        "Hạ tầng, hệ thống xử lý ô nhiễm môi trường cụm công nghiệp (khoản 1)",
        "Industrial-cluster infrastructure and pollution treatment (clause 1)",
    )
    VOCATIONAL_TRAINING = (
        "vocational_training",
        "Đào tạo nghề, truyền nghề (điểm a khoản 2)",
        "Vocational training (2.a)",
    )
    CAPACITY = (
        "capacity",
        "Tư vấn, đào tạo, hội nghị, tham quan, thương hiệu, hiệp hội, cụm liên kết (điểm b khoản 2)",
        "Consulting, courses, conferences, study tours, brands, associations, linkage clusters (2.b)",
    )
    PROMOTION_AND_MEDIA = (
        "promotion_and_media",
        "Hội chợ, truyền thông, quy hoạch chi tiết cụm công nghiệp (điểm c khoản 2)",
        "Fairs, media, cluster detailed planning (2.c)",
    )
    INVESTMENT = (
        "investment",
        "Mô hình trình diễn, máy móc, chuyển giao công nghệ, xử lý ô nhiễm tại cơ sở (điểm d khoản 2)",
        "Demonstration models, machinery, technology transfer, pollution treatment at establishments (2.d)",
    )
    ENTERPRISE_FOUNDING = (
        "enterprise_founding",
        "Hỗ trợ thành lập doanh nghiệp sản xuất CNNT (khoản 3)",
        "Founding a rural industrial enterprise (clause 3)",
    )


FIRST_RATIO: Final[Mapping[AdvanceForm, str]] = {
    AdvanceForm.CLUSTER_WORKS: "advance.first_ratio.cluster_works",
    AdvanceForm.VOCATIONAL_TRAINING: "advance.first_ratio.vocational_training",
    AdvanceForm.CAPACITY: "advance.first_ratio.capacity",
    AdvanceForm.PROMOTION_AND_MEDIA: "advance.first_ratio.promotion_and_media",
    AdvanceForm.INVESTMENT: "advance.first_ratio.investment",
    AdvanceForm.ENTERPRISE_FOUNDING: "advance.first_ratio.enterprise_founding",
}
"""The parameter of each form's first-advance ratio (Điều 13): a checked name per form."""


class AdvanceStage(LabelledEnum):
    """Stages of advance: Điều 13 (first), Điều 15.2.b (next, multi-year), Điều 14 (the rest)."""

    FIRST = ("first", "Tạm ứng lần một", "First advance")
    NEXT = ("next", "Tạm ứng lần tiếp theo (đề án nhiều năm)", "Next advance (multi-year)")
    REMAINING = ("remaining", "Tạm ứng kinh phí còn lại", "Remaining advance")


@attrs.frozen(slots=True)
class RequiredDocument:
    """One document of an advance dossier, with the clause that asks for it."""

    label_vi: str
    label_en: str
    citation: Citation


@attrs.frozen(slots=True)
class FormDecision:
    """The Art 13 form of a proposal, or ``None`` when the law leaves it to the Agency head
    (Khoản 2 Điều 16)."""

    form: AdvanceForm | None
    citation: Citation
    items: tuple[SupportItem, ...]
    notes: tuple[Finding, ...] = ()


@attrs.frozen(slots=True)
class AdvanceAllowance:
    """What may be advanced at a stage: ``amount`` is the most that may be advanced now (0 when
    ``allowed`` is false), with the rules that bound it and the dossier it needs."""

    stage: AdvanceStage
    allowed: bool
    amount: Decimal
    support: Decimal
    already_advanced: Decimal
    ratio: Decimal | None
    ceiling: Decimal
    form: AdvanceForm | None
    rule: Citation
    """The clause that sets this stage's amount (Điều 13 by form, 14, 15.2.b or 16)."""
    citations: tuple[Citation, ...]
    reasons: tuple[Finding, ...] = ()
    """Why the advance is refused or limited."""
    documents: tuple[RequiredDocument, ...] = ()
    at_settlement: Decimal = Decimal(0)
    """What this stage would pay beyond the 70 % ceiling of Điểm b khoản 2 Điều 8 TTLT 26/2014:
    not advanced, but paid when the contract is liquidated and settled (Điều 18 TT 36/2013)."""


@attrs.frozen(slots=True)
class Refund:
    """The part of the advances to be refunded (Khoản 6 Điều 12 TT 36/2013/TT-BCT)."""

    amount: Decimal
    citation: Citation


_NON_CLASSIFYING = frozenset(
    {
        SupportItem.MANAGEMENT_AGENCY,
        SupportItem.MANAGEMENT_IMPLEMENTING_UNIT,
        SupportItem.OTHER,
    }
)


FORM_CLAUSE: Final = "advance.form_clause"
"""The clause of Điều 13 that sets each form's first advance: one parameter per form, keyed by
the form (``rulebooks/data/params/advance_checklists.toml``)."""


def listed(rb: Rulebook, checklist: str, key: str, as_of: date) -> tuple[RequiredDocument, ...]:
    """The documents of ``checklist`` (the parameters whose codes start with its name and a dot)
    whose value lists ``key``, in the rulebook's order, each with the clause of its value."""
    docs: list[RequiredDocument] = []
    prefix = checklist + "."
    for code, param in rb.params.items():
        if not code.startswith(prefix):
            continue
        rule = require(rb, code, as_of)
        if key in rule.codes:
            docs.append(RequiredDocument(param.label_vi, param.label_en, rule.citation))
    return tuple(docs)


def form_clause(rb: Rulebook, form: str, as_of: date) -> Citation:
    """The clause of Điều 13 that sets the first advance of ``form`` (param
    ``advance.form_clause.<form>``)."""
    (found,) = listed(rb, FORM_CLAUSE, form, as_of)
    return found.citation


def _require_national(proposal: Proposal) -> None:
    require_national(
        proposal,
        "Advances under Thông tư 36/2013/TT-BCT concern national proposals (Art 12.1); a "
        "province sets the advance procedure of local proposals",
    )


def advanced_total(proposal: Proposal) -> Decimal:
    """The sum of the advances recorded in the proposal's history."""
    return sum(
        (
            entry.amount
            for entry in proposal.history
            if entry.event is LifecycleEvent.ADVANCE and entry.amount is not None
        ),
        Decimal(0),
    )


def is_multi_year(proposal: Proposal) -> bool:
    """Whether a proposal runs over more than one budget year (Điều 15 TT 36/2013/TT-BCT): a
    point proposal is by definition longer than a year (Khoản 3 Điều 2); an extension approved
    "sang năm sau" (Điểm a khoản 2 Điều 11) carries it into the next budget year; otherwise its
    dates say whether it ends in a later calendar (budget) year than it starts — not whether it
    lasts twelve months.

    >>> from khuyencong.schemas import Proposal
    >>> base = {"code": "X", "title": "X", "plan_year": 2016, "funding": {"kind": "national"}}
    >>> is_multi_year(Proposal.model_validate(base | {"start_date": "2016-09-01", "end_date": "2017-03-31"}))
    True
    >>> is_multi_year(Proposal.model_validate(base | {"start_date": "2016-01-01", "end_date": "2016-12-31"}))
    False
    """
    if proposal.kind is ProposalKind.POINT:
        return True
    if any(entry.event is LifecycleEvent.EXTEND for entry in proposal.history):
        return True
    return (
        proposal.start_date is not None
        and proposal.end_date is not None
        and proposal.end_date.year > proposal.start_date.year
    )


def contract_support(proposal: Proposal) -> Decimal | None:
    """The khuyến công support under the contract, as recorded with the proposal's last
    ``contract`` event (its ``amount``), or ``None`` when none is recorded."""
    amounts = [
        entry.amount
        for entry in proposal.history
        if entry.event is LifecycleEvent.CONTRACT and entry.amount is not None
    ]
    return amounts[-1] if amounts else None


def contract_ceiling(
    proposal: Proposal,
    as_of: date,
    *,
    support: Decimal | None = None,
    rulebook: Rulebook | None = None,
) -> tuple[Decimal, Resolved]:
    """The most that may be advanced in all under the contract: 70 % of "tổng kinh phí khuyến
    công hỗ trợ trên cơ sở hợp đồng thực hiện", rounded down (Điểm b khoản 2 Điều 8 TTLT
    26/2014/TTLT-BTC-BCT, param ``advance.contract_ceiling``).

    The base is ``support`` when given, else the support recorded with the proposal's
    ``contract`` event (:func:`contract_support`); only when neither is known does the requested
    support stand in for it (:func:`advance_allowance` then says so).  Raises
    ``NotEncodedError`` at a date whose funding instrument is not encoded.
    """
    as_of = check_date(as_of, "as_of")
    rb = rulebook_or_national(rulebook)
    resolved = require(rb, "advance.contract_ceiling", as_of)
    base = _base(proposal, support)
    return floor_dong(resolved.decimal * base), resolved


def _base(proposal: Proposal, support: Decimal | None) -> Decimal:
    if support is not None:
        return support
    under_contract = contract_support(proposal)
    return proposal.total_requested if under_contract is None else under_contract


def advance_form(
    proposal: Proposal, as_of: date, *, rulebook: Rulebook | None = None
) -> FormDecision:
    """The form of a national proposal for its first advance (Điều 13 TT 36/2013/TT-BCT).

    The form is read from the spending items of the budget lines (management shares and other
    spending aside).  A proposal whose items fall in no form, or in more than one, is left to
    the head of the Agency for Regional Industry (Khoản 2 Điều 16): ``form`` is ``None``.
    """
    as_of = check_date(as_of, "as_of")
    _require_national(proposal)
    rb = rulebook_or_national(rulebook)
    require(rb, "workflow.national", as_of)
    table = require(rb, "advance.forms", as_of)
    items = tuple(
        dict.fromkeys(
            line.item for line in proposal.budget_lines if line.item not in _NON_CLASSIFYING
        )
    )
    forms: set[AdvanceForm] = set()
    unmapped: list[SupportItem] = []
    for item in items:
        found = [AdvanceForm(code) for code, listed in table.table.items() if item.value in listed]
        if found:
            forms.update(found)
        else:
            unmapped.append(item)
    if len(forms) == 1 and not unmapped:
        (form,) = forms
        return FormDecision(form=form, citation=form_clause(rb, form.value, as_of), items=items)
    params: dict[str, object] = {"relocation": "", "fair": ""}
    if unmapped:
        params["why"] = Msg("detail.advance_form.unmapped", {"items": tuple(unmapped)})
        if SupportItem.RELOCATION_INTEREST in unmapped:
            params["relocation"] = Msg("detail.advance_form.relocation_interest")
        if SupportItem.FOREIGN_FAIR in unmapped:
            params["fair"] = Msg("detail.advance_form.foreign_fair")
    elif not forms:
        params["why"] = Msg("detail.advance_form.no_item")
    else:
        names = ", ".join(sorted(f.value for f in forms))
        params["why"] = Msg("detail.advance_form.several", {"forms": names})
    decided = cite(16, 2)
    return FormDecision(
        form=None,
        citation=decided,
        items=items,
        notes=(
            note(code="advance_form_decided_by_department_head", params=params, citation=decided),
        ),
    )
