"""Adjustments of an approved proposal and who decides them (Điều 11 Thông tư 36/2013/TT-BCT)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..._args import check_date
from ...l10n.catalog import NO_PARAMS
from ...rulebooks import Rulebook
from ...schemas.codes import (
    Authority,
    LabelledEnum,
    LifecycleEvent,
    ProposalState,
)
from .._procedure import (
    require,
    rulebook_or_national,
)
from .common import AuthorityDecision, Refusal, TransitionRefused


class AdjustmentKind(LabelledEnum):
    """Kinds of adjustment of a national proposal, as Điều 11 TT 36/2013/TT-BCT sorts them."""

    INCREASE_TOTAL_SUPPORT = (
        "increase_total_support",
        "Tăng tổng mức kinh phí hỗ trợ",
        "Raise the total support",
    )
    CHANGE_CONTENTS = (
        "change_contents",
        "Thay đổi nội dung hoạt động khuyến công",
        "Change the khuyến công contents",
    )
    EXTEND_INTO_NEXT_YEAR = (
        "extend_into_next_year",
        "Gia hạn thời gian thực hiện sang năm sau",
        "Extend into the following year",
    )
    ADD_PROPOSAL = ("add_proposal", "Bổ sung đề án", "Add a proposal")
    STOP_PROPOSAL = ("stop_proposal", "Ngừng triển khai đề án", "Stop a proposal")
    CHANGE_LOCATION = ("change_location", "Thay đổi địa điểm", "Change the place")
    CHANGE_BENEFICIARY = (
        "change_beneficiary",
        "Thay đổi đơn vị thụ hưởng",
        "Change the beneficiary",
    )
    CHANGE_COORDINATING_UNIT = (
        "change_coordinating_unit",
        "Thay đổi đơn vị phối hợp",
        "Change the coordinating unit",
    )
    CHANGE_TIMING_WITHIN_FISCAL_YEAR = (
        "change_timing_within_fiscal_year",
        "Thay đổi thời gian thực hiện trong năm tài chính",
        "Change the timing within the fiscal year",
    )
    KEEP_OR_REDUCE_TOTAL_SUPPORT = (
        "keep_or_reduce_total_support",
        "Điều chỉnh không thay đổi hoặc giảm tổng mức kinh phí hỗ trợ",
        "Adjustment that keeps or lowers the total support",
    )
    OTHER = ("other", "Điều chỉnh khác", "Other adjustment")


def _kinds(change_kinds: Iterable[AdjustmentKind | str]) -> frozenset[AdjustmentKind]:
    try:
        return frozenset(AdjustmentKind(k) for k in change_kinds)
    except ValueError as exc:
        known = ", ".join(k.value for k in AdjustmentKind)
        raise ValueError(f"{exc}; the kinds of adjustment are: {known}") from None


def adjustment_authority(
    change_kinds: Iterable[AdjustmentKind | str],
    *,
    as_of: date,
    group: bool = False,
    via_provincial_department: bool = True,
    rulebook: Rulebook | None = None,
) -> AuthorityDecision:
    """The authority competent for an adjustment of a national proposal (Điều 11 TT 36/2013/TT-BCT).

    * Raising the total support, changing contents, extending into the following year, adding
      or stopping a proposal: the Ministry, on the Agency's submission (Điểm a khoản 2).
    * A group proposal's place, coordinating unit or beneficiary, when the provincial
      Department registered or appraised it: the provincial Department (Khoản 4).
    * Place, beneficiary, coordinating unit, timing within the fiscal year, changes that keep or
      lower the support, and other changes: the Agency for Regional Industry (Điểm b khoản 2).

    A request mixing kinds that the provincial Department and the Agency decide separately is
    refused (ask for each apart).  Raises ``NotEncodedError`` where TT 36/2013 does not govern.
    """
    as_of = check_date(as_of, "as_of")
    kinds = _kinds(change_kinds)
    if not kinds:
        raise ValueError("name at least one kind of adjustment")
    rb = rulebook_or_national(rulebook)
    ministry = require(rb, "adjustment.ministry", as_of)
    if any(k.value in ministry.codes for k in kinds):
        return AuthorityDecision(Authority.MINISTRY, ministry.citation)
    if group and via_provincial_department:
        provincial = require(rb, "adjustment.group_provincial_department", as_of)
        inside = {k for k in kinds if k.value in provincial.codes}
        if inside == kinds:
            return AuthorityDecision(Authority.PROVINCIAL_DEPARTMENT, provincial.citation)
        if inside:
            raise TransitionRefused(
                Refusal(
                    code="adjustment_split_between_authorities",
                    params=NO_PARAMS,
                    citation=provincial.citation,
                    event=LifecycleEvent.ADJUST,
                    from_state=ProposalState.APPROVED,
                )
            )
    department = require(rb, "adjustment.department", as_of)
    return AuthorityDecision(Authority.DEPARTMENT, department.citation)
