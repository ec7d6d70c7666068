"""``assess()`` with a ``relocation_interest`` line (Điểm n khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT;
Khoản 6 Điều 4 TT 46/2012/TT-BCT): the line is bounded by the outcome of ``relocation_interest()``
given as ``relocation=``; without it the conditions are undeclared and the proposal is not
assessable.  Figures worked by hand below.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from khuyencong import Assessment, Proposal, Severity, Status, assess
from khuyencong.rules import RelocationLoan, RelocationResult, relocation_interest
from khuyencong.rules.cofunding import LineStatus

from ..builders import AS_OF, cited, codes, finding, line, proposal, run

TTLT = "26/2014/TTLT-BTC-BCT"
TT46 = "46/2012/TT-BCT"


def outcome(**kw: Any) -> RelocationResult:
    """One long-term machinery loan: 240,000,000 of interest at a 12 % contract rate counts
    180,000,000 at the 9 % reference rate; half of it is 90,000,000."""
    loan: dict[str, Any] = {
        "term": "long_term",
        "purpose": "machinery",
        "interest_paid": Decimal(240_000_000),
        "overdue": False,
        "contract_rate": Decimal("12"),
    }
    loan.update(kw.pop("loan", {}))
    args: dict[str, Any] = {
        "as_of": AS_OF,
        "reference_rate": Decimal("9"),
        "investment_completed_on": date(2016, 1, 15),
        "chairman_decision": True,
    }
    args.update(kw)
    return relocation_interest([RelocationLoan.model_validate(loan)], **args)


def run_with(p: Proposal, result: RelocationResult) -> Assessment:
    return assess(p, as_of=AS_OF, relocation=result)


def relocating() -> Proposal:
    # Level: 50 % of 400,000,000 = 200,000,000 ≤ cap 500,000,000; requested 200,000,000.
    return proposal(line("relocation_interest", 400_000_000, 200_000_000))


@pytest.mark.clause(f"{TTLT}:6.2.n")
def test_without_the_conditions_the_line_is_undetermined() -> None:
    a = run(relocating())
    assert a.status is Status.NOT_ASSESSABLE
    f = finding(a, "relocation_undeclared")
    assert f.severity is Severity.UNDETERMINED
    assert f.line == 0
    assert cited(a, "relocation_undeclared") == f"{TTLT}:6.2.n"
    assert "Khoản 6 Điều 4 TT 46/2012" in f.message("vi")
    assert "relocation_interest()" in f.message("en")
    # The level alone still bounds the line, but the verdict does not stand on it.
    assert a.lines[0].allowed == Decimal(200_000_000)


@pytest.mark.clause(f"{TTLT}:6.2.n")
def test_a_proposal_without_a_relocation_line_is_untouched() -> None:
    a = run(proposal(line("brand", 60_000_000, 30_000_000)))
    assert "relocation_undeclared" not in codes(a)
    assert a.status is Status.ELIGIBLE
    # An outcome given for a proposal without the line changes nothing.
    b = run_with(proposal(line("brand", 60_000_000, 30_000_000)), outcome(chairman_decision=False))
    assert b.status is Status.ELIGIBLE
    assert b.support == Decimal(30_000_000)


@pytest.mark.clause(f"{TTLT}:6.2.n")
def test_the_outcome_caps_the_line() -> None:
    result = outcome()
    assert result.support == Decimal(90_000_000)
    a = run_with(relocating(), result)
    assert a.status is Status.ELIGIBLE
    ln = a.lines[0]
    assert ln.allowed == Decimal(90_000_000)
    assert ln.limit == "relocation"
    assert ln.counterpart == Decimal(400_000_000 - 90_000_000)
    assert ln.citation is not None
    assert ln.citation.key == f"{TTLT}:6.2.n"
    assert a.support == Decimal(90_000_000)
    assert "relocation_undeclared" not in codes(a)


@pytest.mark.clause(f"{TTLT}:6.2.n")
def test_an_outcome_above_the_line_leaves_it_at_its_level() -> None:
    # 1,200,000,000 of interest counts 900,000,000 at 9 %; half: 450,000,000 > the line's 200,000,000.
    result = outcome(loan={"interest_paid": Decimal(1_200_000_000)})
    assert result.support == Decimal(450_000_000)
    a = run_with(relocating(), result)
    assert a.status is Status.ELIGIBLE
    assert a.lines[0].allowed == Decimal(200_000_000)
    assert a.lines[0].limit == "requested"


@pytest.mark.clause(f"{TTLT}:6.2.n")
def test_one_support_per_establishment_over_two_lines() -> None:
    # Two lines of 100,000,000 each (50 % of 200,000,000): the 90,000,000 is shared, in order.
    p = proposal(
        line("relocation_interest", 200_000_000, 100_000_000),
        line("relocation_interest", 200_000_000, 100_000_000),
    )
    a = run_with(p, outcome())
    assert [ln.allowed for ln in a.lines] == [Decimal(90_000_000), Decimal(0)]
    assert a.support == Decimal(90_000_000)


@pytest.mark.clause(f"{TT46}:4.6")
def test_an_undecided_outcome_leaves_the_line_unknown() -> None:
    a = run_with(relocating(), outcome(chairman_decision=None))
    assert a.status is Status.NOT_ASSESSABLE
    assert a.support is None
    assert a.lines[0].allowed is None
    assert a.lines[0].status is LineStatus.NEEDS_INPUT
    f = finding(a, "relocation_decision_undeclared")
    assert f.line == 0
    assert cited(a, "relocation_decision_undeclared") == f"{TT46}:4.6"


@pytest.mark.clause(f"{TT46}:4.6")
def test_an_establishment_not_chosen_gets_nothing() -> None:
    a = run_with(relocating(), outcome(chairman_decision=False))
    assert a.status is Status.INELIGIBLE
    assert a.support == Decimal(0)
    assert a.lines[0].allowed == Decimal(0)
    assert finding(a, "relocation_not_chosen").severity is Severity.ERROR


@pytest.mark.clause(f"{TTLT}:6.2.n")
def test_investment_not_complete_and_overdue_loans_are_carried_over() -> None:
    late = run_with(relocating(), outcome(investment_completed_on=date(2016, 12, 31)))
    assert late.status is Status.INELIGIBLE
    assert "relocation_investment_not_complete" in codes(late, "error")
    overdue = run_with(relocating(), outcome(loan={"overdue": True}))
    assert overdue.status is Status.INELIGIBLE
    assert finding(overdue, "relocation_loan_overdue").line == 0
