"""Property: every public model survives a trip through JSON unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from khuyencong.schemas import (
    AnnualPlan,
    Beneficiary,
    BudgetLine,
    Citation,
    FundingSource,
    HistoryEntry,
    Locality2025,
    LocalityPre2025,
    Proposal,
)

from . import strategies as s

CASES: list[tuple[type[BaseModel], st.SearchStrategy[Any]]] = [
    (Citation, s.citations),
    (Beneficiary, s.beneficiaries()),
    (LocalityPre2025, s.localities_pre2025()),
    (Locality2025, s.localities_2025()),
    (FundingSource, s.funding_sources()),
    (BudgetLine, s.budget_lines()),
    (HistoryEntry, s.history_entries),
    (Proposal, s.proposals()),
    (AnnualPlan, s.annual_plans()),
]


@pytest.mark.parametrize(("model", "strategy"), CASES, ids=[m.__name__ for m, _ in CASES])
def test_json_round_trip(model: type[BaseModel], strategy: st.SearchStrategy[Any]) -> None:
    @given(strategy)
    def check(instance: BaseModel) -> None:
        assert type(instance) is model
        text = instance.model_dump_json()
        again = model.model_validate_json(text)
        assert again == instance
        assert again.model_dump_json() == text  # and the JSON itself is stable

    check()


@given(s.proposals())
def test_python_round_trip_of_proposals(proposal: Proposal) -> None:
    assert Proposal.model_validate(proposal.model_dump()) == proposal


@given(s.proposals())
def test_totals_never_show_more_requested_than_cost(proposal: Proposal) -> None:
    assert 0 <= proposal.total_requested <= proposal.total_cost
