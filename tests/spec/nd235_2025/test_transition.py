"""NĐ 235/2025/NĐ-CP (secondary): proposals approved before 15/10/2025 go on as approved.

Their programme rules (beneficiaries, places, industries) are read at the approval date, whatever
the date of the assessment; a proposal approved on 15/10/2025 or later, or not yet approved, is
read under the 2025 rules.
"""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong import Severity, Status
from khuyencong.schemas import SupportItem

from ..builders import (
    beneficiary,
    cited,
    codes,
    facts_verdict,
    finding,
    line,
    place,
    place_2025,
    proposal,
    run,
)

ND235 = "235/2025/NĐ-CP"
LATER = date(2025, 12, 1)
BRAND = line(SupportItem.BRAND, 70_000_000)


def _old_place(approved_on: date | None, **facts: object) -> tuple[Status, set[str]]:
    b = beneficiary(production_site=place(), **facts)
    p = proposal(BRAND, beneficiaries=[b], plan_year=2025, approved_on=approved_on)
    a = run(p, LATER)
    return facts_verdict(a), codes(a)


@pytest.mark.clause(ND235)
def test_approved_the_day_before_the_decree_keeps_the_old_rules() -> None:
    b = beneficiary(production_site=place())
    a = run(
        proposal(BRAND, beneficiaries=[b], plan_year=2025, approved_on=date(2025, 10, 14)), LATER
    )
    assert facts_verdict(a) is Status.ELIGIBLE
    assert a.programme_date == date(2025, 10, 14)
    assert finding(a, "transition_old_rules").severity is Severity.INFO
    assert cited(a, "transition_old_rules") == ND235


@pytest.mark.clause(ND235)
def test_approved_on_the_day_the_decree_takes_effect_follows_the_new_rules() -> None:
    status, found = _old_place(date(2025, 10, 15))
    assert status is Status.NOT_ASSESSABLE
    assert "geography_mismatch" in found
    assert "transition_old_rules" not in found


@pytest.mark.clause(ND235)
def test_a_proposal_not_yet_approved_follows_the_new_rules() -> None:
    b = beneficiary(production_site=place_2025(24, 7627))
    a = run(
        proposal(BRAND, beneficiaries=[b], plan_year=2026, approved_on=None, state="draft"), LATER
    )
    assert a.programme_date == LATER
    assert facts_verdict(a) is Status.ELIGIBLE


@pytest.mark.clause(ND235)
def test_a_union_of_cooperatives_approved_before_the_decree_is_judged_by_the_old_list() -> None:
    status, found = _old_place(date(2025, 10, 14), kind="cooperative_union", enterprise_size=None)
    assert status is Status.INELIGIBLE
    assert "beneficiary_kind_not_covered" in found


@pytest.mark.clause(ND235)
def test_before_the_decree_there_is_no_transition_to_apply() -> None:
    b = beneficiary(production_site=place())
    a = run(
        proposal(BRAND, beneficiaries=[b], plan_year=2025, approved_on=date(2025, 3, 1)),
        date(2025, 10, 14),
    )
    assert a.programme_date == date(2025, 10, 14)
    assert "transition_old_rules" not in codes(a)
