"""Advances of national khuyến công funds: Điều 12-16 Thông tư 36/2013/TT-BCT and the 70 % ceiling
of Điểm b khoản 2 Điều 8 TTLT 26/2014/TTLT-BTC-BCT.

* First advance (Điều 13), by form of proposal: 30 % for industrial-cluster infrastructure and
  building a cluster's pollution-treatment system once more than 50 % of the supported item's
  work is done (Khoản 1); 70 % for vocational training (2.a); for consulting, courses,
  conferences, forums, study tours, brands, associations, linkage clusters, cleaner-production
  assessment (2.b); for organising fairs (in the country or abroad: the point does not say
  "trong nước"), taking part in domestic fairs, broadcasts, websites, leaflets, cluster detailed
  planning (2.c); for demonstration models, machinery, technology transfer and building a
  pollution-treatment system at a rural establishment once work worth more than 70 % of the
  investment is done (2.d); 100 % for enterprise founding, whose dossier includes the
  base-acceptance minutes (Khoản 3).  Taking part in a fair abroad, and repairing or upgrading a
  pollution-treatment system (Điểm o, p khoản 2 Điều 6 TTLT 26/2014), are in no form: the head
  of the Agency decides (Khoản 2 Điều 16).
* The rest after completion and base acceptance (Điều 14); multi-year proposals (Điều 15);
  other ratios and forms decided by the head of the Agency for Regional Industry (Điều 16) — a
  user input here, never invented.
* Every advance is capped, while TTLT 26/2014 is in force (08/04/2014 - 10/05/2018), at 70 % of
  the support under the contract.  TT 36/2013 Art 13.3 (100 %) and Art 14 (the rest) read
  literally go beyond it; the library applies the later joint financial circular to every
  advance (Art 16.1 TT 36/2013 keeps advance ratios within the financial rules) and says so in
  a note whenever the ceiling binds.  What the ceiling keeps back is not lost: it is paid when
  the contract is liquidated and the funds settled after base acceptance (Điều 18 TT 36/2013;
  the settlement documents of Điểm b khoản 3 Điều 8 TTLT 26/2014) — so for 2014-2018 Điều 14
  advances only what the ceiling leaves, and the rest of Điều 13.3 and 14 is paid at
  settlement (``AdvanceAllowance.at_settlement``).  The ceiling's base is the support under the
  contract ("kinh phí khuyến công hỗ trợ trên cơ sở hợp đồng"): the amount recorded with the
  proposal's ``contract`` event, or ``support=``; failing both, the requested support stands in,
  and the allowance says so.
* Advances without matching work are refunded (Khoản 6 Điều 12).

Money is whole đồng, rounded down.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Final

import attrs

from .._args import check_date
from ..rulebooks import Resolved, Rulebook
from ..schemas.citation import Citation
from ..schemas.codes import (
    LabelledEnum,
    LifecycleEvent,
    ProposalKind,
    SupportItem,
)
from ..schemas.proposal import Proposal
from ._procedure import cite, floor_dong, require, require_national, rulebook_or_national
from .findings import Finding, note

__all__ = [
    "AdvanceAllowance",
    "AdvanceForm",
    "AdvanceStage",
    "FormDecision",
    "Refund",
    "RequiredDocument",
    "advance_allowance",
    "advance_documents",
    "advance_form",
    "advanced_total",
    "contract_ceiling",
    "contract_support",
    "is_multi_year",
    "refund_due",
]


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
        return FormDecision(form=form, citation=_FORM_CITATIONS[form], items=items)
    if unmapped:
        detail_vi = ", ".join(i.vi for i in unmapped)
        detail_en = ", ".join(i.en for i in unmapped)
        message_vi = f"Nội dung chi không thuộc dạng đề án nào của Điều 13: {detail_vi}."
        message_en = f"Spending items in no form of Art 13: {detail_en}."
        if SupportItem.RELOCATION_INTEREST in unmapped:
            message_vi += (
                " Hỗ trợ lãi suất di dời: hồ sơ theo khoản 1 Điều 15, tỷ lệ không quy định."
            )
            message_en += " Relocation interest: dossier per Art 15.1, no ratio given."
        if SupportItem.FOREIGN_FAIR in unmapped:
            message_vi += (
                " Hội chợ ở nước ngoài: tổ chức thuộc điểm c khoản 2 Điều 13, tham gia thì không;"
                " hãy khai báo foreign_fair_organisation hoặc foreign_fair_participation."
            )
            message_en += (
                " Fair abroad: organising one is Art 13.2.c, taking part is not; declare"
                " foreign_fair_organisation or foreign_fair_participation."
            )
    elif not forms:
        message_vi = "Đề án chưa có nội dung chi để xác định dạng đề án theo Điều 13."
        message_en = "The proposal has no spending item that sets its Art 13 form."
    else:
        names = ", ".join(sorted(f.value for f in forms))
        message_vi = f"Đề án gồm nhiều dạng của Điều 13 ({names})."
        message_en = f"The proposal spans several forms of Art 13 ({names})."
    decided = cite(16, 2)
    return FormDecision(
        form=None,
        citation=decided,
        items=items,
        notes=(
            note(
                code="advance_form_decided_by_department_head",
                message_vi=message_vi
                + " Cục trưởng Cục Công nghiệp địa phương quyết định tỷ lệ và hồ sơ tạm ứng.",
                message_en=message_en
                + " The head of the Agency for Regional Industry decides the ratio and dossier.",
                citation=decided,
            ),
        ),
    )


_FORM_CITATIONS: Final[Mapping[AdvanceForm, Citation]] = {
    AdvanceForm.CLUSTER_WORKS: cite(13, 1),
    AdvanceForm.VOCATIONAL_TRAINING: cite(13, 2, "a"),
    AdvanceForm.CAPACITY: cite(13, 2, "b"),
    AdvanceForm.PROMOTION_AND_MEDIA: cite(13, 2, "c"),
    AdvanceForm.INVESTMENT: cite(13, 2, "d"),
    AdvanceForm.ENTERPRISE_FOUNDING: cite(13, 3),
}
"""The clause of Điều 13 TT 36/2013 that sets each form's first advance."""


_PROGRESS_PARAM = {
    AdvanceForm.CLUSTER_WORKS: "advance.first_progress.cluster_works",
    AdvanceForm.INVESTMENT: "advance.first_progress.investment",
}


def advance_allowance(
    proposal: Proposal,
    stage: AdvanceStage,
    as_of: date,
    *,
    base_accepted: bool = False,
    progress: Decimal | None = None,
    ratio_decided: Decimal | None = None,
    support: Decimal | None = None,
    rulebook: Rulebook | None = None,
) -> AdvanceAllowance:
    """How much of a national proposal's support may be advanced at ``stage`` on ``as_of``.

    * ``FIRST`` (Điều 13; multi-year: Điểm a khoản 2 Điều 15): the form's ratio of the support;
      for cluster works and investment-type forms only once ``progress`` (the share of work
      done, reported by the implementing unit) exceeds 50 % or 70 % (Điểm b khoản 1, điểm d
      khoản 2); for enterprise founding only after base acceptance (Điểm b khoản 3).
    * ``NEXT`` (Điểm b khoản 2 Điều 15): multi-year proposals only, by progress, the approved
      budget and the contract — the amount is bounded here only by the ceiling.
    * ``REMAINING`` (Điều 14): the rest, after completion and base acceptance.

    ``ratio_decided`` is a ratio the head of the Agency decided (Khoản 1, 2 Điều 16).  Every
    stage is capped by ``advance.contract_ceiling`` less what was already advanced.  Raises
    ``NotEncodedError`` where a governing instrument is not encoded (TT 17/2018/TT-BCT from
    2018; TTLT 125/2009 before 08/04/2014).
    """
    as_of = check_date(as_of, "as_of")
    _require_national(proposal)
    rb = rulebook_or_national(rulebook)
    require(rb, "workflow.national", as_of)
    base = _base(proposal, support)
    ceiling, ceiling_rule = contract_ceiling(proposal, as_of, support=base, rulebook=rb)
    advanced = advanced_total(proposal)
    headroom = max(Decimal(0), ceiling - advanced)
    citations: list[Citation] = [ceiling_rule.citation]
    reasons: list[Finding] = []
    ratio: Decimal | None = None
    form: AdvanceForm | None = None
    wanted = Decimal(0)
    primary = cite(13)

    if stage is AdvanceStage.FIRST:
        decision = advance_form(proposal, as_of, rulebook=rb)
        form = decision.form
        if advanced > 0:
            reasons.append(
                note(
                    "first_advance_already_made",
                    "Đã tạm ứng lần một.",
                    "The first advance was already made.",
                    cite(13),
                )
            )
        if ratio_decided is not None:
            ratio = ratio_decided
            primary = cite(16, 1) if form is not None else cite(16, 2)
            citations.append(primary)
        elif form is None:
            reasons.extend(decision.notes)
            primary = decision.citation
            citations.append(primary)
        else:
            rule = require(rb, f"advance.first_ratio.{form.value}", as_of)
            ratio = rule.decimal
            primary = rule.citation
            citations.append(primary)
            if is_multi_year(proposal):
                allowed_forms = require(rb, "advance.multi_year_first_forms", as_of)
                citations.append(allowed_forms.citation)
                if form.value not in allowed_forms.codes:
                    reasons.append(
                        note(
                            "multi_year_form_not_listed",
                            "Đề án nhiều năm: tạm ứng lần một theo khoản 1, khoản 2 Điều 13; "
                            "dạng đề án này không thuộc các khoản đó.",
                            "Multi-year proposal: the first advance follows Art 13.1 and 13.2 "
                            "only; this form is not among them.",
                            allowed_forms.citation,
                        )
                    )
        if form in _PROGRESS_PARAM:
            threshold = require(rb, _PROGRESS_PARAM[form], as_of)
            citations.append(threshold.citation)
            if progress is None or progress <= threshold.decimal:
                shown = "không rõ" if progress is None else f"{progress:.0%}"
                shown_en = "not given" if progress is None else f"{progress:.0%}"
                reasons.append(
                    note(
                        "first_advance_progress_not_reached",
                        f"Báo cáo tiến độ phải xác định đã thực hiện trên {threshold.decimal:.0%}"
                        f" (hiện: {shown}).",
                        f"The progress report must show more than {threshold.decimal:.0%} done"
                        f" (given: {shown_en}).",
                        threshold.citation,
                    )
                )
        if form is AdvanceForm.ENTERPRISE_FOUNDING and not base_accepted:
            reasons.append(
                note(
                    "enterprise_founding_needs_base_acceptance",
                    "Hồ sơ tạm ứng gồm biên bản nghiệm thu cơ sở: chỉ tạm ứng sau nghiệm thu cơ sở.",
                    "The dossier includes the base-acceptance minutes: advance only after base "
                    "acceptance.",
                    cite(13, 3, "b"),
                )
            )
        if ratio is not None:
            wanted = floor_dong(ratio * base)
    elif stage is AdvanceStage.NEXT:
        primary = cite(15, 2, "b")
        citations.append(primary)
        if not is_multi_year(proposal):
            reasons.append(
                note(
                    "next_advance_multi_year_only",
                    "Tạm ứng lần tiếp theo chỉ áp dụng với đề án thực hiện nhiều năm.",
                    "A next advance applies only to proposals running over several years.",
                    cite(15, 2, "b"),
                )
            )
        if advanced == 0:
            reasons.append(
                note(
                    "next_advance_before_first",
                    "Chưa tạm ứng lần một.",
                    "No first advance yet.",
                    cite(15, 2, "a"),
                )
            )
        wanted = headroom
    else:
        rule = require(rb, "advance.remaining_after_base_acceptance", as_of)
        primary = rule.citation
        citations.append(primary)
        if not base_accepted:
            reasons.append(
                note(
                    "remaining_advance_needs_base_acceptance",
                    "Kinh phí còn lại chỉ được tạm ứng sau khi đề án hoàn thành và được nghiệm thu cơ sở.",
                    "The rest is advanced only after completion and base acceptance.",
                    rule.citation,
                )
            )
        wanted = max(Decimal(0), base - advanced)

    allowed = not reasons
    amount = min(wanted, headroom) if allowed else Decimal(0)
    at_settlement = Decimal(0)
    if allowed and wanted > headroom:
        at_settlement = wanted - headroom
        reasons.append(
            note(
                "contract_ceiling_binds",
                f"Mức tạm ứng không quá {ceiling_rule.decimal:.0%} tổng kinh phí khuyến công hỗ trợ "
                f"trên cơ sở hợp đồng ({ceiling} đồng); đã tạm ứng {advanced} đồng; "
                f"phần vượt {at_settlement} đồng không được tạm ứng.",
                f"Advances may not exceed {ceiling_rule.decimal:.0%} of the support under the "
                f"contract ({ceiling} đồng); {advanced} đồng already advanced; the "
                f"{at_settlement} đồng beyond it are not advanced.",
                ceiling_rule.citation,
            )
        )
        reasons.append(
            note(
                "remainder_paid_at_settlement",
                f"Phần {at_settlement} đồng không tạm ứng được thanh toán khi thanh lý hợp đồng và "
                "quyết toán kinh phí sau nghiệm thu cơ sở (Điều 18 Thông tư 36/2013/TT-BCT).",
                f"The {at_settlement} đồng not advanced are paid when the contract is liquidated "
                "and the funds settled after base acceptance (Art 18 of Circular 36/2013/TT-BCT).",
                cite(18, 2),
            )
        )
    if support is None and contract_support(proposal) is None:
        reasons.append(
            note(
                "advance_base_is_requested_support",
                "Chưa ghi nhận kinh phí hỗ trợ trên cơ sở hợp đồng (sự kiện ký hợp đồng có số "
                "tiền, hoặc tham số support): tạm tính trên kinh phí đề nghị hỗ trợ.",
                "The support under the contract is not recorded (a contract event with its "
                "amount, or support=): the requested support stands in for it.",
                ceiling_rule.citation,
            )
        )
    documents = advance_documents(proposal, stage, as_of, rulebook=rb)
    return AdvanceAllowance(
        stage=stage,
        allowed=allowed,
        amount=amount,
        support=base,
        already_advanced=advanced,
        ratio=ratio,
        ceiling=ceiling,
        form=form,
        rule=primary,
        citations=tuple(dict.fromkeys(citations)),
        reasons=tuple(reasons),
        documents=documents,
        at_settlement=at_settlement,
    )


def refund_due(advanced: Decimal, settled_work: Decimal) -> Refund:
    """The advances to refund to the Agency for the state budget: what was advanced without
    matching work, or spent but not settled under the rules (Khoản 6 Điều 12 TT 36/2013/TT-BCT).

    ``settled_work`` is the value of the work done that settles under the rules.

    >>> refund_due(Decimal(70_000_000), Decimal(45_500_000)).amount
    Decimal('24500000')
    """
    return Refund(amount=max(Decimal(0), advanced - settled_work), citation=cite(12, 6))


# ---- Dossiers -----------------------------------------------------------------------------


def _doc(vi: str, en: str, citation: Citation) -> RequiredDocument:
    return RequiredDocument(vi, en, citation)


@cache  # a fixed checklist per form: built once
def _first_documents(form: AdvanceForm) -> tuple[RequiredDocument, ...]:
    contract = ("Hợp đồng thực hiện đề án", "Contract to carry out the proposal")
    confirmed = _doc(
        "Báo cáo tiến độ có kiểm tra, xác nhận của Sở Công Thương nơi thực hiện đề án",
        "Progress report checked and confirmed by the provincial Department where the proposal runs",
        cite(23, 3, "a"),
    )
    if form is AdvanceForm.CLUSTER_WORKS:
        c = cite(13, 1, "b")
        return (
            _doc(*contract, c),
            _doc(
                "Hợp đồng hỗ trợ giữa đơn vị thực hiện đề án và chủ đầu tư",
                "Support contract between the implementing unit and the investor",
                c,
            ),
            _doc(
                "Hợp đồng giữa chủ đầu tư và nhà thầu (trường hợp chủ đầu tư thuê ngoài)",
                "Contract between the investor and the contractor (if outsourced)",
                c,
            ),
            _doc(
                "Báo cáo tiến độ xác định đã thực hiện trên 50% khối lượng công việc của hạng mục được hỗ trợ",
                "Progress report showing more than 50 % of the supported item's work done",
                c,
            ),
            confirmed,
        )
    if form is AdvanceForm.VOCATIONAL_TRAINING:
        c = cite(13, 2, "a")
        return (
            _doc(*contract, c),
            _doc(
                "Kế hoạch tổ chức đào tạo nghề, truyền nghề (Mẫu số 11 Phụ lục 1)",
                "Training plan (Form 11, Appendix 1)",
                c,
            ),
        )
    if form is AdvanceForm.CAPACITY:
        c = cite(13, 2, "b")
        return (
            _doc(*contract, c),
            _doc(
                "Kế hoạch tổ chức thực hiện đề án (đối với đào tạo, hội nghị, hội thảo, tham quan khảo sát; thương hiệu)",
                "Implementation plan (for courses, conferences, study tours, brands)",
                c,
            ),
        )
    if form is AdvanceForm.PROMOTION_AND_MEDIA:
        c = cite(13, 2, "c")
        return (
            _doc(*contract, c),
            _doc(
                "Hợp đồng hỗ trợ giữa đơn vị thực hiện với chủ đầu tư (đề án quy hoạch chi tiết cụm công nghiệp)",
                "Support contract with the investor (cluster detailed planning)",
                c,
            ),
        )
    if form is AdvanceForm.INVESTMENT:
        c = cite(13, 2, "d")
        return (
            _doc(*contract, c),
            _doc(
                "Báo cáo tiến độ xác định giá trị khối lượng đã thực hiện trên 70% tổng vốn đầu tư",
                "Progress report showing work worth more than 70 % of the total investment",
                c,
            ),
            confirmed,
        )
    c = cite(13, 3, "b")
    return (
        _doc(*contract, c),
        _doc("Biên bản nghiệm thu cơ sở (Mẫu số 5b)", "Base-acceptance minutes (Form 5b)", c),
        _doc(
            "Báo cáo khối lượng hoàn thành và kinh phí thực hiện hợp đồng (Mẫu số 3b)",
            "Report of completed work and spending (Form 3b)",
            c,
        ),
        _doc(
            "Bản sao hợp lệ giấy chứng nhận đăng ký kinh doanh",
            "Certified copy of the business registration certificate",
            c,
        ),
    )


@cache  # a fixed checklist per item: built once
def _remaining_item_documents(item: SupportItem) -> tuple[RequiredDocument, ...]:
    """Art 14, clauses 1-15, by spending item."""
    payment_list = "bảng kê chứng từ thanh toán kèm chứng từ chi tương ứng 100% kinh phí thực hiện"
    payment_list_en = "list of payment vouchers with spending vouchers for 100 % of the funds"
    table: dict[SupportItem, tuple[tuple[str, str, Citation], ...]] = {
        SupportItem.VOCATIONAL_TRAINING: (
            (
                "Quyết định cấp chứng chỉ hoặc chứng nhận; danh sách học viên được cấp (có chữ ký); danh sách lao động được sử dụng sau đào tạo; chứng từ tiền ăn, đi lại của học viên (nếu có)",
                "Certificate decision; signed list of certified trainees; list of trainees employed after training; vouchers for trainees' meals and travel (if any)",
                cite(14, 1),
            ),
        ),
        SupportItem.CONSULTING: (
            (
                f"Hợp đồng; biên bản nghiệm thu và thanh lý hợp đồng thuê tư vấn kèm sản phẩm tư vấn; {payment_list}",
                f"Contract; acceptance and liquidation minutes of the consultancy with its output; {payment_list_en}",
                cite(14, 2, "a"),
            ),
        ),
        SupportItem.STAFF_TRAINING: (
            (
                "Danh sách học viên được cấp chứng nhận (có chữ ký); giáo trình, tài liệu; chứng từ tiền ăn của học viên (nếu có)",
                "Signed list of certified trainees; course material; vouchers for trainees' meals (if any)",
                cite(14, 2, "b"),
            ),
        ),
        SupportItem.CONFERENCE: (
            (
                "Danh sách đại biểu (có chữ ký); tài liệu; chứng từ tiền ăn, nghỉ, đi lại của đại biểu không hưởng lương ngân sách (nếu có)",
                "Signed list of participants; material; vouchers for meals, lodging and travel of participants not paid by the state (if any)",
                cite(14, 2, "c"),
            ),
        ),
        SupportItem.DEMONSTRATION_NEW_TECHNOLOGY: (
            (
                "Hóa đơn chứng từ hạng mục được hỗ trợ; danh sách đại biểu hội nghị mô hình (có chữ ký, xác nhận của đơn vị thực hiện và thụ hưởng); tài liệu giới thiệu mô hình",
                "Invoices for the supported items; signed list of participants in the demonstration meeting; material presenting the model",
                cite(14, 3),
            ),
        ),
        SupportItem.MACHINERY_AND_TECHNOLOGY: (
            (
                "Hợp đồng, biên bản nghiệm thu và thanh lý hợp đồng chuyển giao công nghệ",
                "Technology-transfer contract, acceptance and liquidation minutes",
                cite(14, 4),
            ),
            (
                "Hợp đồng, biên bản nghiệm thu và thanh lý hợp đồng mua máy móc",
                "Machinery purchase contract, acceptance and liquidation minutes",
                cite(14, 5),
            ),
        ),
        SupportItem.BRAND: (
            (
                f"Giấy chứng nhận đăng ký thương hiệu hoặc nhãn hiệu; quy chế sử dụng nhãn hiệu (nhãn hiệu tập thể); chiến lược hoặc kế hoạch quảng bá thương hiệu; {payment_list}",
                f"Brand or trademark registration certificate; rules for a collective mark; brand strategy or plan; {payment_list_en}",
                cite(14, 7),
            ),
        ),
        SupportItem.MEDIA: (
            (
                "Hợp đồng, biên bản nghiệm thu và thanh lý hợp đồng của nhà thầu hoặc nhà cung cấp dịch vụ; danh sách sản phẩm kèm sản phẩm mẫu (nếu có); giấy phép hoạt động (trang thông tin điện tử)",
                "Contractor's contract, acceptance and liquidation minutes; list of products with samples (if any); licence (for websites)",
                cite(14, 8),
            ),
        ),
        SupportItem.DOMESTIC_FAIR_ORGANISATION: (
            (
                "Danh sách đơn vị tham gia thuê gian hàng có xác nhận của Sở Công Thương nơi tổ chức (bản chính); hợp đồng thuê gian hàng",
                "List of booth renters confirmed by the Department where the fair is held (original); booth rental contracts",
                cite(14, 10),
            ),
        ),
        SupportItem.DOMESTIC_FAIR_PARTICIPATION: (
            (
                "Danh sách cơ sở được hỗ trợ có xác nhận của Sở Công Thương (bản chính); hợp đồng thuê gian hàng; hóa đơn tài chính thu tiền thuê gian hàng",
                "List of supported establishments confirmed by the Department (original); booth rental contract; the organiser's invoice for the booth",
                cite(14, 11),
            ),
        ),
        SupportItem.LINKAGE_CLUSTER: (
            (
                f"Quyết định phê duyệt cụm liên kết của cơ quan có thẩm quyền; {payment_list}",
                f"Competent approval of the linkage cluster; {payment_list_en}",
                cite(14, 12),
            ),
        ),
        SupportItem.CLUSTER_DETAILED_PLANNING: (
            (
                f"Quyết định phê duyệt quy hoạch chi tiết của cơ quan có thẩm quyền; {payment_list}",
                f"Competent approval of the detailed plan; {payment_list_en}",
                cite(14, 13),
            ),
        ),
        SupportItem.CONTEST: (
            (
                "Quyết định thành lập Ban Tổ chức, Ban Giám khảo; quyết định kèm danh sách đạt giải",
                "Decisions setting up the organising committee and jury; decision with the list of winners",
                cite(14, 15),
            ),
        ),
    }
    table[SupportItem.DEMONSTRATION_EXISTING] = table[SupportItem.DEMONSTRATION_NEW_TECHNOLOGY]
    association = (
        (
            f"Quyết định thành lập và điều lệ hiệp hội, hội ngành nghề được phê duyệt; danh sách hội viên; {payment_list}",
            f"Approved founding decision and charter; list of members; {payment_list_en}",
            cite(14, 9),
        ),
    )
    table[SupportItem.ASSOCIATION_REGIONAL] = association
    table[SupportItem.ASSOCIATION_NATIONAL] = association
    works = (
        (
            "Biên bản nghiệm thu hoàn thành hạng mục hoặc công trình đưa vào sử dụng kèm bảng xác định giá trị khối lượng hoàn thành; văn bản xác nhận kết quả đầu ra đạt chuẩn (hệ thống xử lý ô nhiễm)",
            "Completion acceptance of the item or works put into use, with the value of work done; confirmation that the output meets standards (pollution treatment)",
            cite(14, 14),
        ),
        (
            "Báo cáo kiểm toán quyết toán hạng mục hoặc công trình của đơn vị kiểm toán độc lập (khi chủ đầu tư là doanh nghiệp, tại cụm công nghiệp)",
            "Independent audit of the item's final accounts (when the cluster investor is an enterprise)",
            cite(14, 14),
        ),
    )
    # Khoản 14 names building a pollution-treatment system, not repairing or upgrading one
    # (Điểm o, p khoản 2 Điều 6 TTLT 26/2014): those have only the common documents.
    table[SupportItem.CLUSTER_INFRASTRUCTURE] = works
    table[SupportItem.POLLUTION_SYSTEM_NEW_CLUSTER] = works
    table[SupportItem.POLLUTION_SYSTEM_NEW_ESTABLISHMENT] = works[:1]
    return tuple(_doc(*row) for row in table.get(item, ()))


def advance_documents(
    proposal: Proposal,
    stage: AdvanceStage,
    as_of: date,
    *,
    rulebook: Rulebook | None = None,
) -> tuple[RequiredDocument, ...]:
    """The dossier of an advance, as a checklist of (label vi, label en, clause).

    First advance: Điều 13 by form (plus the Sở's confirmation of progress reports that back an
    advance, Điểm a khoản 3 Điều 23); relocation interest: Khoản 1 Điều 15; next advance of a
    multi-year proposal: Điểm b khoản 2 Điều 15; remaining advance: Điều 14 (common documents and
    those of each kind of proposal, clauses 1-15).  A form the law leaves to the Agency head gives
    an empty first-advance list (Khoản 2 Điều 16).  Cleaner-production assessment (Art 14.6) has no
    spending-item code and is not listed.
    """
    as_of = check_date(as_of, "as_of")
    _require_national(proposal)
    rb = rulebook_or_national(rulebook)
    require(rb, "workflow.national", as_of)
    items = [line.item for line in proposal.budget_lines]
    docs: list[RequiredDocument] = []
    if stage is AdvanceStage.FIRST:
        if SupportItem.RELOCATION_INTEREST in items:
            c = cite(15, 1)
            docs += [
                _doc("Hợp đồng thực hiện đề án", "Contract to carry out the proposal", c),
                _doc(
                    "Biên bản nghiệm thu cơ sở (Mẫu số 5a)", "Base-acceptance minutes (Form 5a)", c
                ),
                _doc(
                    "Báo cáo khối lượng hoàn thành và kinh phí thực hiện hợp đồng (Mẫu số 3b)",
                    "Report of completed work and spending (Form 3b)",
                    c,
                ),
                _doc(
                    "Bản sao hợp lệ hợp đồng tín dụng vay vốn đầu tư xây dựng, mua máy móc",
                    "Certified copy of the credit contract for building or machinery",
                    c,
                ),
                _doc(
                    "Chứng từ đã trả lãi vốn vay cho ngân hàng trong hai năm đầu",
                    "Proof of interest paid to the bank in the first two years",
                    c,
                ),
                _doc(
                    "Bản sao hợp lệ hợp đồng và thanh lý hợp đồng với nhà thầu xây dựng, mua máy móc",
                    "Certified copies of the building or machinery contracts and their liquidation",
                    c,
                ),
            ]
        decision = advance_form(proposal, as_of, rulebook=rb)
        if decision.form is not None:
            docs += _first_documents(decision.form)
    elif stage is AdvanceStage.NEXT:
        c = cite(15, 2, "b")
        docs += [
            _doc(
                "Báo cáo tiến độ thực hiện theo dự toán được phê duyệt và hợp đồng",
                "Progress report against the approved budget and the contract",
                c,
            ),
            _doc(
                "Báo cáo tiến độ có kiểm tra, xác nhận của Sở Công Thương nơi thực hiện đề án",
                "Progress report checked and confirmed by the provincial Department",
                cite(23, 3, "a"),
            ),
        ]
    else:
        c = cite(14)
        docs += [
            _doc(
                "Biên bản nghiệm thu cơ sở (Mẫu số 5a, 5b hoặc 5c)",
                "Base-acceptance minutes (Form 5a, 5b or 5c)",
                c,
            ),
            _doc(
                "Báo cáo tổng hợp kết quả thực hiện đề án",
                "Summary report of the proposal's results",
                c,
            ),
            _doc(
                "Báo cáo khối lượng hoàn thành và kinh phí thực hiện hợp đồng (Mẫu số 3b)",
                "Report of completed work and spending (Form 3b)",
                c,
            ),
        ]
        for item in dict.fromkeys(items):
            docs += _remaining_item_documents(item)
    return tuple(dict.fromkeys(docs))
