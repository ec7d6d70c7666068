"""Điều 11 TT 36/2013/TT-BCT: who decides an adjustment, extension or stop."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from khuyencong.errors import NotEncodedError
from khuyencong.rules.lifecycle import (
    AdjustmentKind,
    TransitionRefused,
    adjustment_authority,
    transition,
)
from khuyencong.schemas import Authority, Citation, ProposalState

from .helpers import national, walk

TT36 = "36/2013/TT-BCT"

ON = date(2016, 4, 1)
K = AdjustmentKind


def _art11(clause: int, point: str | None = None) -> Citation:
    return Citation(document="36/2013/TT-BCT", article=11, clause=clause, point=point)


@pytest.mark.clause(f"{TT36}:11.2.a")
@pytest.mark.parametrize(
    "kind",
    [
        K.INCREASE_TOTAL_SUPPORT,
        K.CHANGE_CONTENTS,
        K.EXTEND_INTO_NEXT_YEAR,
        K.ADD_PROPOSAL,
        K.STOP_PROPOSAL,
    ],
)
def test_art11_2_a_ministry_decides(kind: AdjustmentKind) -> None:
    authority, citation = adjustment_authority([kind, K.CHANGE_LOCATION], as_of=ON)
    assert authority is Authority.MINISTRY
    assert citation == _art11(2, "a")


@pytest.mark.clause(f"{TT36}:11.2.b")
@pytest.mark.parametrize(
    "kind",
    [
        K.CHANGE_LOCATION,
        K.CHANGE_BENEFICIARY,
        K.CHANGE_COORDINATING_UNIT,
        K.CHANGE_TIMING_WITHIN_FISCAL_YEAR,
        K.KEEP_OR_REDUCE_TOTAL_SUPPORT,
        K.OTHER,
    ],
)
def test_art11_2_b_department_decides(kind: AdjustmentKind) -> None:
    decision = adjustment_authority([kind], as_of=ON)
    assert decision.authority is Authority.DEPARTMENT
    assert decision.citation == _art11(2, "b")


@pytest.mark.clause(f"{TT36}:11.4")
@pytest.mark.parametrize(
    "kind", [K.CHANGE_LOCATION, K.CHANGE_BENEFICIARY, K.CHANGE_COORDINATING_UNIT]
)
def test_art11_4_group_place_and_beneficiary_by_the_provincial_department(
    kind: AdjustmentKind,
) -> None:
    decision = adjustment_authority([kind], as_of=ON, group=True)
    assert decision.authority is Authority.PROVINCIAL_DEPARTMENT
    assert decision.citation == _art11(4)
    # A group sent straight to the Agency is not under clause 4.
    direct = adjustment_authority([kind], as_of=ON, group=True, via_provincial_department=False)
    assert direct.authority is Authority.DEPARTMENT


@pytest.mark.clause(f"{TT36}:11.4")
def test_art11_4_mixed_group_request_is_split() -> None:
    with pytest.raises(TransitionRefused) as caught:
        adjustment_authority(
            [K.CHANGE_BENEFICIARY, K.CHANGE_TIMING_WITHIN_FISCAL_YEAR], as_of=ON, group=True
        )
    assert caught.value.citation == _art11(4)


@pytest.mark.clause(f"{TT36}:11.2.b")
@pytest.mark.clause("17/2018/TT-BCT")
def test_art11_not_encoded_from_2018() -> None:
    with pytest.raises(NotEncodedError, match="17/2018/TT-BCT"):
        adjustment_authority([K.OTHER], as_of=date(2018, 2, 1))


def _lines(requested: int) -> list[dict[str, object]]:
    return [{"item": "vocational_training", "cost": 200_000_000, "requested": requested}]


@pytest.mark.clause(f"{TT36}:11.2.a")
def test_art11_2_a_raising_support_needs_the_ministry() -> None:
    p = walk(national(), "start")
    kwargs: dict[str, Any] = {
        "changes": ["increase_total_support"],
        "budget_lines": _lines(120_000_000),
        "provincial_confirmation": "Văn bản 45/SCT",
    }
    with pytest.raises(TransitionRefused) as caught:
        transition(p, "adjust", as_of=ON, actor="department", reason="thêm học viên", **kwargs)
    assert caught.value.code == "actor_not_competent"
    assert caught.value.citation == _art11(2, "a")
    q = transition(p, "adjust", as_of=ON, actor="ministry", reason="thêm học viên", **kwargs)
    assert q.state is ProposalState.ADJUSTED
    assert q.total_requested == 120_000_000
    assert q.history[-1].citation == _art11(2, "a")


@pytest.mark.clause(f"{TT36}:11.2.a")
def test_art11_2_a_undeclared_increase_is_refused() -> None:
    p = walk(national(), "start")
    with pytest.raises(TransitionRefused) as caught:
        transition(
            p,
            "adjust",
            as_of=ON,
            actor="department",
            reason="x",
            changes=["other"],
            budget_lines=_lines(120_000_000),
            provincial_confirmation="Văn bản 45/SCT",
        )
    assert caught.value.code == "adjustment_not_declared"
    assert caught.value.citation == _art11(2, "a")
    assert p.state is ProposalState.IN_PROGRESS  # unchanged


@pytest.mark.clause(f"{TT36}:11.1")
def test_art11_1_provincial_confirmation_is_required() -> None:
    p = walk(national(), "start")
    with pytest.raises(TransitionRefused) as caught:
        transition(
            p,
            "adjust",
            as_of=ON,
            actor="department",
            reason="đổi lịch",
            changes=["change_timing_within_fiscal_year"],
            end_date=date(2016, 11, 30),
        )
    assert caught.value.citation == _art11(1)


@pytest.mark.clause(f"{TT36}:11.2.b")
def test_art11_2_b_timing_within_the_year_by_the_department() -> None:
    p = walk(national(), "start")
    q = transition(
        p,
        "adjust",
        as_of=ON,
        actor="department",
        reason="đổi lịch",
        changes=["change_timing_within_fiscal_year"],
        end_date=date(2016, 11, 30),
        provincial_confirmation="Văn bản 45/SCT",
    )
    assert q.end_date == date(2016, 11, 30)
    assert q.history[-1].authority is Authority.DEPARTMENT
    # Carrying on: an adjusted proposal is accepted like one in progress.
    r = transition(q, "accept_base", as_of=date(2016, 12, 1), actor="provincial_department")
    assert r.state is ProposalState.ACCEPTED


@pytest.mark.clause(f"{TT36}:11.2.a")
def test_art11_2_a_moving_into_next_year_is_an_extension() -> None:
    p = walk(national(), "start")
    with pytest.raises(TransitionRefused) as caught:
        transition(
            p,
            "adjust",
            as_of=ON,
            actor="department",
            reason="x",
            changes=["change_timing_within_fiscal_year"],
            end_date=date(2017, 3, 1),
            provincial_confirmation="Văn bản 45/SCT",
        )
    assert caught.value.code == "timing_beyond_fiscal_year"
    q = transition(
        p,
        "extend",
        as_of=ON,
        actor="ministry",
        reason="mưa bão",
        provincial_confirmation="Văn bản 45/SCT",
    )
    assert q.state is ProposalState.EXTENDED
    assert q.history[-1].citation == _art11(2, "a")


@pytest.mark.clause(f"{TT36}:11.3")
def test_art11_3_stop_for_violation_by_the_ministry() -> None:
    p = walk(national(), "start")
    with pytest.raises(TransitionRefused) as caught:
        transition(p, "stop_for_violation", as_of=ON, actor="department", reason="sai đối tượng")
    assert caught.value.citation == _art11(3)
    q = transition(p, "stop_for_violation", as_of=ON, actor="ministry", reason="sai đối tượng")
    assert q.state is ProposalState.STOPPED
    with pytest.raises(TransitionRefused) as final:
        transition(q, "accept_base", as_of=ON, actor="provincial_department")
    assert final.value.code == "final_state"
    assert final.value.citation == _art11(3)


@pytest.mark.clause(f"{TT36}:11.4")
@pytest.mark.clause(f"{TT36}:21.2.a")
def test_art11_4_group_beneficiary_change_by_the_provincial_department() -> None:
    p = national(
        "machinery_and_technology", kind="group", contents=("demonstration_and_technology",)
    )
    p = walk(p, "contract")
    beneficiary = {"name": "HTX Mây tre Phú Vinh", "kind": "cooperative"}
    with pytest.raises(TransitionRefused) as caught:
        transition(p, "start", as_of=date(2016, 3, 1), actor="implementing_unit")
    assert caught.value.citation == Citation(
        document="36/2013/TT-BCT", article=21, clause=2, point="a"
    )
    fixed = transition(
        p,
        "fix_beneficiaries",
        as_of=date(2016, 2, 15),
        actor="provincial_department",
        beneficiaries=[beneficiary],
    )
    assert fixed.beneficiaries[0].name == "HTX Mây tre Phú Vinh"
    assert fixed.state is ProposalState.CONTRACTED
    started = transition(fixed, "start", as_of=date(2016, 3, 1), actor="implementing_unit")
    other = {"name": "Hộ kinh doanh Nguyễn Văn A", "kind": "business_household"}
    changed = transition(
        started,
        "adjust",
        as_of=date(2016, 5, 1),
        actor="provincial_department",
        reason="cơ sở cũ xin rút",
        changes=["change_beneficiary"],
        beneficiaries=[other],
    )
    assert changed.history[-1].citation == _art11(4)
    assert changed.beneficiaries[0].name == "Hộ kinh doanh Nguyễn Văn A"
