"""How much may be advanced (Điều 13-16 Thông tư 36/2013/TT-BCT, capped by Điểm b khoản 2 Điều 8
TTLT 26/2014/TTLT-BTC-BCT) and what is refunded (Khoản 6 Điều 12)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..._args import check_date
from ...l10n.catalog import NO_PARAMS, Text
from ...rulebooks import Rulebook
from ...schemas.citation import Citation
from ...schemas.proposal import Proposal
from .._procedure import cite, floor_dong, require, rulebook_or_national
from ..findings import Finding, note
from .documents import advance_documents
from .forms import (
    FIRST_RATIO,
    AdvanceAllowance,
    AdvanceForm,
    AdvanceStage,
    Refund,
    _base,
    _require_national,
    advance_form,
    advanced_total,
    contract_ceiling,
    contract_support,
    is_multi_year,
)

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
                    NO_PARAMS,
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
            rule = require(rb, FIRST_RATIO[form], as_of)
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
                            NO_PARAMS,
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
                        {
                            "decimal": format(threshold.decimal, ".0%"),
                            "shown": Text(shown, shown_en),
                        },
                        threshold.citation,
                    )
                )
        if form is AdvanceForm.ENTERPRISE_FOUNDING and not base_accepted:
            reasons.append(
                note(
                    "enterprise_founding_needs_base_acceptance",
                    NO_PARAMS,
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
                    NO_PARAMS,
                    cite(15, 2, "b"),
                )
            )
        if advanced == 0:
            reasons.append(
                note(
                    "next_advance_before_first",
                    NO_PARAMS,
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
                    NO_PARAMS,
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
                {
                    "decimal": format(ceiling_rule.decimal, ".0%"),
                    "ceiling": ceiling,
                    "advanced": advanced,
                    "at_settlement": at_settlement,
                },
                ceiling_rule.citation,
            )
        )
        reasons.append(
            note(
                "remainder_paid_at_settlement",
                {"at_settlement": at_settlement},
                cite(18, 2),
            )
        )
    if support is None and contract_support(proposal) is None:
        reasons.append(
            note(
                "advance_base_is_requested_support",
                NO_PARAMS,
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

    >>> from decimal import Decimal
    >>> refund_due(Decimal(70_000_000), Decimal(45_500_000)).amount
    Decimal('24500000')
    """
    return Refund(amount=max(Decimal(0), advanced - settled_work), citation=cite(12, 6))
