"""Khoản 4 Điều 14 NĐ 45/2012/NĐ-CP: budget funds not spent in the plan year carry over to the
following year under the rules in force (whose conditions are not encoded and are said to be)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from khuyencong.rulebooks import NotEncoded
from khuyencong.rules import carry_over
from khuyencong.rules.budgeting import CarryOver

ND45 = "45/2012/NĐ-CP"


@pytest.mark.clause(f"{ND45}:14.4")
def test_art14_4_unspent_funds_carry_over_to_the_next_year() -> None:
    result = carry_over(Decimal(120_000_000), 2015)
    assert isinstance(result, CarryOver)
    assert (result.amount, result.to_year) == (Decimal(120_000_000), 2016)
    (warning,) = result.findings
    assert warning.code == "carry_over_conditions_not_encoded"
    assert warning.citation is not None
    assert warning.citation.key == f"{ND45}:14.4"


@pytest.mark.clause(f"{ND45}:14.4")
def test_art14_4_by_the_rule_in_force_at_the_end_of_the_plan_year() -> None:
    # The decree took effect on 05/07/2012: the plan year 2011 ended under NĐ 134/2004.
    before = carry_over(Decimal(1), 2011)
    assert isinstance(before, NotEncoded)
    assert before.instrument == "134/2004/NĐ-CP"
    assert isinstance(carry_over(Decimal(1), 2012), CarryOver)
    with pytest.raises(ValueError, match="negative"):
        carry_over(Decimal(-1), 2015)
