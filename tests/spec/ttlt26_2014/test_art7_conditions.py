"""Điều 7 TTLT 26/2014/TTLT-BTC-BCT: the four conditions for khuyến công support.

1. content fits Điều 4 and industry fits Điều 5 NĐ 45/2012; 2. the proposal is approved by the
competent authority; 3. the rest of the cost is invested or committed; 4. a commitment that no
other state funds cover the same item.  A declaration against a condition makes the proposal
ineligible; a missing declaration is a warning to confirm at appraisal.
"""

from __future__ import annotations

import pytest

from khuyencong import Severity, Status
from khuyencong.schemas import ActivityContent, SupportItem

from ..builders import beneficiary, cited, codes, finding, line, proposal, run

TTLT = "26/2014/TTLT-BTC-BCT"
I = SupportItem  # noqa: E741


@pytest.mark.clause(f"{TTLT}:7.1")
@pytest.mark.clause(f"{TTLT}:5")
def test_7_1_an_item_outside_the_declared_contents_is_refused() -> None:
    # A brand (Art 5.4) in a proposal that declares only vocational training (Art 5.1).
    p = proposal(line(I.BRAND, 70_000_000), contents=[ActivityContent.VOCATIONAL_TRAINING])
    a = run(p)
    assert a.status is Status.INELIGIBLE
    # the table of spending items per content is Điều 5
    assert cited(a, "item_outside_contents") == f"{TTLT}:5"
    assert finding(a, "item_outside_contents").line == 0


@pytest.mark.clause(f"{TTLT}:7.1")
@pytest.mark.clause(f"{TTLT}:5")
def test_7_1_an_item_of_a_declared_content_fits() -> None:
    p = proposal(
        line(I.BRAND, 70_000_000), contents=[ActivityContent.TYPICAL_PRODUCTS_AND_PROMOTION]
    )
    assert "item_outside_contents" not in codes(run(p))


@pytest.mark.clause(f"{TTLT}:7.1")
@pytest.mark.clause(f"{TTLT}:6.1.c")
def test_7_1_a_conference_is_general_spending_that_fits_every_content() -> None:
    # Khoản 1 Điều 6 sets "mức chi chung": a conference introducing a demonstration model is part
    # of a content-3 proposal.
    p = proposal(
        line(I.DEMONSTRATION_NEW_TECHNOLOGY, 1_200_000_000, 360_000_000),
        line(I.CONFERENCE, 30_000_000),
        contents=[ActivityContent.DEMONSTRATION_AND_TECHNOLOGY],
    )
    assert "item_outside_contents" not in codes(run(p))


@pytest.mark.clause(f"{TTLT}:7.1")
def test_7_1_management_shares_fit_every_content() -> None:
    p = proposal(
        line(I.BRAND, 70_000_000),
        line(I.MANAGEMENT_IMPLEMENTING_UNIT, 500_000),
        contents=[ActivityContent.TYPICAL_PRODUCTS_AND_PROMOTION],
    )
    assert "item_outside_contents" not in codes(run(p))


@pytest.mark.clause(f"{TTLT}:7.1")
def test_7_1_an_industry_off_the_list_is_refused() -> None:
    p = proposal(line(I.BRAND, 70_000_000), beneficiaries=[beneficiary(industries=["other"])])
    a = run(p)
    assert a.status is Status.INELIGIBLE
    assert cited(a, "industry_not_listed") == "45/2012/NĐ-CP:5.1"


@pytest.mark.clause(f"{TTLT}:7.1")
def test_7_1_a_proposal_with_no_content_cannot_be_assessed() -> None:
    p = proposal(line(I.BRAND, 70_000_000), contents=[])
    a = run(p)
    assert a.status is Status.NOT_ASSESSABLE
    assert cited(a, "contents_missing") == f"{TTLT}:7.1"


@pytest.mark.clause(f"{TTLT}:7.2")
def test_7_2_support_is_paid_only_once_approved() -> None:
    a = run(proposal(line(I.BRAND, 70_000_000), state="draft", approved_on=None))
    note = finding(a, "approval_pending")
    assert note.severity is Severity.INFO
    assert cited(a, "approval_pending") == f"{TTLT}:7.2"
    # an assessment of a draft says what the rules would allow once approved
    assert a.status is Status.ELIGIBLE


@pytest.mark.clause(f"{TTLT}:7.2")
@pytest.mark.parametrize("state", ["approved", "contracted", "in_progress", "accepted", "settled"])
def test_7_2_an_approved_proposal_meets_the_condition(state: str) -> None:
    assert "approval_pending" not in codes(run(proposal(line(I.BRAND, 70_000_000), state=state)))


@pytest.mark.clause(f"{TTLT}:7.3")
def test_7_3_no_commitment_to_fund_the_rest_is_refused() -> None:
    a = run(proposal(line(I.BRAND, 70_000_000), counterpart_committed=False))
    assert a.status is Status.INELIGIBLE
    assert cited(a, "counterpart_committed_refused") == f"{TTLT}:7.3"


@pytest.mark.clause(f"{TTLT}:7.3")
def test_7_3_an_undeclared_commitment_is_a_warning() -> None:
    a = run(proposal(line(I.BRAND, 70_000_000), counterpart_committed=None))
    assert finding(a, "counterpart_committed_undeclared").severity is Severity.WARNING
    assert a.status is Status.ELIGIBLE


@pytest.mark.clause(f"{TTLT}:7.4")
def test_7_4_other_state_funding_for_the_same_item_is_refused() -> None:
    a = run(proposal(line(I.BRAND, 70_000_000), no_other_state_funding=False))
    assert a.status is Status.INELIGIBLE
    assert cited(a, "no_other_state_funding_refused") == f"{TTLT}:7.4"


@pytest.mark.clause(f"{TTLT}:7.4")
def test_7_4_an_undeclared_commitment_is_a_warning() -> None:
    a = run(proposal(line(I.BRAND, 70_000_000), no_other_state_funding=None))
    assert finding(a, "no_other_state_funding_undeclared").severity is Severity.WARNING
    assert a.status is Status.ELIGIBLE


@pytest.mark.clause(f"{TTLT}:7")
def test_all_four_conditions_met_leave_no_finding() -> None:
    a = run(proposal(line(I.BRAND, 70_000_000)))
    assert a.findings == ()
    assert a.status is Status.ELIGIBLE


@pytest.mark.clause(f"{TTLT}:7.1")
@pytest.mark.clause(f"{TTLT}:5")
def test_7_1_travel_abroad_is_not_programme_management_spending() -> None:
    # Điểm b khoản 9 Điều 5: "tham quan khảo sát, học tập kinh nghiệm trong nước" only; study
    # trips abroad are spending of khoản 2 (capacity building) and điểm c khoản 8 (cooperation).
    line_abroad = line(I.TRAVEL_ABROAD, 40_000_000)
    alone = proposal(line_abroad, contents=[ActivityContent.PROGRAMME_MANAGEMENT])
    assert finding(run(alone), "item_outside_contents").line == 0
    cooperation = proposal(line_abroad, contents=[ActivityContent.INTERNATIONAL_COOPERATION])
    assert "item_outside_contents" not in codes(run(cooperation))
