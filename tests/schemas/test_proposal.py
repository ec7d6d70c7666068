"""Data-level rules of proposals, funding sources and annual plans."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from khuyencong.schemas import (
    ActivityContent,
    AnnualPlan,
    BudgetLine,
    FundingLevel,
    FundingSource,
    Proposal,
    ProposalKind,
    ProposalState,
)

ProposalData = Callable[..., dict[str, Any]]


def _paths(error: ValidationError) -> list[str]:
    return [".".join(str(part) for part in e["loc"]) for e in error.errors()]


def test_a_minimal_proposal_takes_the_documented_defaults(proposal_data: ProposalData) -> None:
    proposal = Proposal.model_validate(proposal_data())
    assert proposal.kind is ProposalKind.REGULAR
    assert proposal.state is ProposalState.DRAFT
    assert proposal.priority_factor == Decimal(1)
    assert proposal.beneficiaries == ()
    assert proposal.start_date == date(2016, 3, 1)


def test_totals_add_up_the_budget_lines(proposal_data: ProposalData) -> None:
    proposal = Proposal.model_validate(
        proposal_data(
            budget_lines=[
                {"item": "vocational_training", "cost": 150_000_000, "requested": 120_000_000},
                {"item": "curriculum", "cost": "10000000", "requested": "10000000"},
                {"item": "conference", "cost": 5_500_000, "requested": 0},
            ]
        )
    )
    assert proposal.total_cost == Decimal(165_500_000)
    assert proposal.total_requested == Decimal(130_000_000)


def test_no_budget_lines_means_zero_totals(proposal_data: ProposalData) -> None:
    proposal = Proposal.model_validate(proposal_data(budget_lines=[]))
    assert proposal.total_cost == Decimal(0)
    assert proposal.total_requested == Decimal(0)


def test_end_date_may_be_the_start_date(proposal_data: ProposalData) -> None:
    proposal = Proposal.model_validate(
        proposal_data(start_date="2016-05-20", end_date="2016-05-20")
    )
    assert proposal.end_date == proposal.start_date == date(2016, 5, 20)


def test_end_date_one_day_before_the_start_is_refused(proposal_data: ProposalData) -> None:
    with pytest.raises(ValidationError) as caught:
        Proposal.model_validate(proposal_data(start_date="2016-05-20", end_date="2016-05-19"))
    assert _paths(caught.value) == ["end_date"]
    assert "the end date 2016-05-19 is before the start date 2016-05-20" in str(caught.value)


def test_either_date_alone_is_accepted(proposal_data: ProposalData) -> None:
    assert Proposal.model_validate(proposal_data(start_date=None)).end_date == date(2016, 9, 30)
    assert Proposal.model_validate(proposal_data(end_date=None)).start_date == date(2016, 3, 1)


def test_a_group_proposal_may_have_no_beneficiaries_yet(proposal_data: ProposalData) -> None:
    # A group proposal (đề án nhóm) fixes its beneficiaries after approval.
    proposal = Proposal.model_validate(proposal_data(kind="group", beneficiaries=[]))
    assert proposal.kind is ProposalKind.GROUP
    assert proposal.beneficiaries == ()


def test_a_point_proposal_with_two_distinct_contents_is_accepted(
    proposal_data: ProposalData,
) -> None:
    proposal = Proposal.model_validate(
        proposal_data(kind="point", contents=["demonstration_and_technology", "consulting"])
    )
    assert proposal.contents == (
        ActivityContent.DEMONSTRATION_AND_TECHNOLOGY,
        ActivityContent.CONSULTING,
    )


@pytest.mark.parametrize(
    "contents",
    [
        ["consulting"],
        ["consulting", "consulting"],  # two entries, one distinct content
        [],
    ],
)
def test_a_point_proposal_needs_two_distinct_contents(
    proposal_data: ProposalData, contents: list[str]
) -> None:
    with pytest.raises(ValidationError) as caught:
        Proposal.model_validate(proposal_data(kind="point", contents=contents))
    assert _paths(caught.value) == ["contents"]
    assert "đề án điểm" in str(caught.value)
    assert "Khoản 3 Điều 2 Thông tư 36/2013/TT-BCT" in str(caught.value)


def test_a_point_proposal_that_omits_contents_is_refused(proposal_data: ProposalData) -> None:
    data = proposal_data(kind="point")
    del data["contents"]
    with pytest.raises(ValidationError) as caught:
        Proposal.model_validate(data)
    assert _paths(caught.value) == ["contents"]


def test_a_regular_proposal_may_have_one_content(proposal_data: ProposalData) -> None:
    proposal = Proposal.model_validate(proposal_data(kind="regular", contents=["information"]))
    assert proposal.contents == (ActivityContent.INFORMATION,)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("plan_year", 1999),
        ("plan_year", 2101),
        ("code", ""),
        ("title", ""),
        ("priority_factor", 0),
        ("kind", "pilot"),
        ("state", "finished"),
        ("unknown_field", "x"),
    ],
)
def test_field_level_refusals(proposal_data: ProposalData, field: str, value: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        Proposal.model_validate(proposal_data(**{field: value}))
    assert _paths(caught.value) == [field]


def test_proposals_are_frozen(proposal_data: ProposalData) -> None:
    proposal = Proposal.model_validate(proposal_data())
    with pytest.raises(ValidationError):
        proposal.title = "changed"


def test_national_funds_have_no_level() -> None:
    assert FundingSource(kind="national").level is None
    local = FundingSource(kind="local", level="district", province="Bắc Giang")
    assert local.level is FundingLevel.DISTRICT
    with pytest.raises(ValidationError, match="only for local funds"):
        FundingSource(kind="national", level="province")


def test_a_plan_refuses_a_proposal_code_given_twice(proposal_data: ProposalData) -> None:
    first = proposal_data(code="KC-01")
    second = proposal_data(code="KC-02")
    plan = AnnualPlan.model_validate(
        {
            "year": 2016,
            "funding": {"kind": "local"},
            "allocation": "2000000000",
            "proposals": [first, second],
        }
    )
    assert [p.code for p in plan.proposals] == ["KC-01", "KC-02"]
    assert plan.allocation == Decimal(2_000_000_000)

    with pytest.raises(ValidationError) as caught:
        AnnualPlan.model_validate(
            {"year": 2016, "funding": {"kind": "local"}, "proposals": [first, second, first]}
        )
    assert _paths(caught.value) == ["proposals"]
    assert "proposal code 'KC-01' appears twice in the plan" in str(caught.value)


def test_an_empty_plan_is_valid() -> None:
    plan = AnnualPlan.model_validate({"year": 2019, "funding": {"kind": "national"}})
    assert plan.proposals == ()
    assert plan.allocation is None


def test_requested_plus_other_sources_may_not_exceed_cost() -> None:
    # cost 100,000,000 = requested 60,000,000 + other sources 40,000,000: accepted.
    line = BudgetLine.model_validate(
        {"item": "brand", "cost": 100_000_000, "requested": 60_000_000, "other_sources": 40_000_000}
    )
    assert line.other_sources == Decimal(40_000_000)
    with pytest.raises(ValidationError) as caught:
        BudgetLine.model_validate(
            {
                "item": "brand",
                "cost": 100_000_000,
                "requested": 60_000_000,
                "other_sources": 40_000_001,
            }
        )
    (error,) = caught.value.errors()
    assert error["loc"] == ("other_sources",)
    assert (
        "40,000,001 VND plus the requested support of 60,000,000 VND exceeds the line's cost of "
        "100,000,000 VND"
    ) in error["msg"]
