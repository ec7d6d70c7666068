"""Điểm n khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT and Khoản 6 Điều 4 TT 46/2012/TT-BCT:
interest support for a polluting establishment that moves into an industrial zone or cluster.

At most 50 % of the interest of the first two years on medium- and long-term VND loans for
premises and machinery, not overdue, at the lowest BIDV rate for the same term and period, at
most 500 million đồng per establishment; paid after the investment is complete; the
establishment chosen by the provincial chairman's decision.  Worked by hand below.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from khuyencong.rules import RelocationLoan, relocation_interest
from khuyencong.rules.relocation import RelocationStatus

TTLT = "26/2014/TTLT-BTC-BCT"
TT46 = "46/2012/TT-BCT"
ON = date(2016, 9, 1)


def loan(**overrides: Any) -> RelocationLoan:
    data: dict[str, Any] = {
        "term": "medium_term",
        "purpose": "premises",
        "interest_paid": Decimal(200_000_000),
        "overdue": False,
        "contract_rate": Decimal("9"),
    }
    data.update(overrides)
    return RelocationLoan.model_validate(data)


def run(loans: list[RelocationLoan], **kw: Any) -> Any:
    args: dict[str, Any] = {
        "as_of": ON,
        "reference_rate": Decimal("9"),
        "investment_completed_on": date(2016, 6, 30),
        "chairman_decision": True,
    }
    args.update(kw)
    return relocation_interest(loans, **args)


@pytest.mark.clause(f"{TTLT}:6.2.n")
def test_half_the_interest_at_most() -> None:
    # 200,000,000 + 150,000,000 of interest at the reference rate: 50 % is 175,000,000.
    r = run(
        [loan(), loan(term="long_term", purpose="machinery", interest_paid=Decimal(150_000_000))]
    )
    assert r.status is RelocationStatus.ELIGIBLE
    assert r.interest == Decimal(350_000_000)
    assert r.support == Decimal(175_000_000)
    assert r.years == 2  # the interest paid is that of the first two years
    assert r.findings == ()


@pytest.mark.clause(f"{TTLT}:6.2.n")
@pytest.mark.parametrize(
    ("interest", "support"),
    [(999_999_998, 499_999_999), (1_000_000_000, 500_000_000), (1_400_000_000, 500_000_000)],
)
def test_at_most_500_million_per_establishment(interest: int, support: int) -> None:
    r = run([loan(interest_paid=Decimal(interest))])
    assert r.support == Decimal(support)


@pytest.mark.clause(f"{TTLT}:6.2.n")
@pytest.mark.parametrize(
    ("contract", "reference", "counted"),
    [
        ("12", "9", 150_000_000),  # 200,000,000 x 9 / 12
        ("9", "9", 200_000_000),
        ("7.5", "9", 200_000_000),  # a cheaper loan counts what it cost
    ],
)
def test_interest_at_the_lowest_bidv_rate(contract: str, reference: str, counted: int) -> None:
    r = run([loan(contract_rate=Decimal(contract))], reference_rate=Decimal(reference))
    assert r.interest == Decimal(counted)
    assert r.support == Decimal(counted // 2)


@pytest.mark.clause(f"{TTLT}:6.2.n")
def test_the_reference_rate_is_declared_never_guessed() -> None:
    r = run([loan()], reference_rate=None)
    assert r.status is RelocationStatus.NOT_ASSESSABLE
    assert r.support is None
    assert [f.code for f in r.findings] == ["relocation_rate_undeclared"]
    assert "Ngân hàng Đầu tư Việt Nam" in r.findings[0].message_vi


@pytest.mark.clause(f"{TTLT}:6.2.n")
@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"term": "short_term"}, "relocation_loan_term"),
        ({"currency": "USD"}, "relocation_loan_currency"),
        ({"purpose": "other"}, "relocation_loan_purpose"),
        ({"overdue": True}, "relocation_loan_overdue"),
    ],
)
def test_loans_that_do_not_count(overrides: dict[str, Any], code: str) -> None:
    good = loan(interest_paid=Decimal(100_000_000))
    r = run([good, loan(**overrides)])
    assert [(f.code, f.line) for f in r.findings] == [(code, 1)]
    assert [lr.included for lr in r.loans] == [True, False]
    assert r.support == Decimal(50_000_000)  # the good loan only
    assert r.status is RelocationStatus.ELIGIBLE
    alone = run([loan(**overrides)])
    assert alone.status is RelocationStatus.INELIGIBLE
    assert alone.support == Decimal(0)


@pytest.mark.clause(f"{TTLT}:6.2.n")
def test_whether_a_loan_is_overdue_must_be_declared() -> None:
    r = run([loan(overdue=None)])
    assert r.status is RelocationStatus.NOT_ASSESSABLE
    assert r.support is None
    assert [f.code for f in r.findings] == ["relocation_overdue_undeclared"]


@pytest.mark.clause(f"{TTLT}:6.2.n")
@pytest.mark.parametrize(
    ("completed", "status"),
    [
        (date(2016, 9, 1), RelocationStatus.ELIGIBLE),  # completed on the day
        (date(2016, 9, 2), RelocationStatus.INELIGIBLE),  # not yet complete
        (None, RelocationStatus.NOT_ASSESSABLE),
    ],
)
def test_support_only_after_the_investment_is_complete(
    completed: date | None, status: RelocationStatus
) -> None:
    r = run([loan()], investment_completed_on=completed)
    assert r.status is status
    assert (
        r.support
        == {
            RelocationStatus.ELIGIBLE: Decimal(100_000_000),
            RelocationStatus.INELIGIBLE: Decimal(0),
            RelocationStatus.NOT_ASSESSABLE: None,
        }[status]
    )


@pytest.mark.clause(f"{TT46}:4.6")
@pytest.mark.parametrize(
    ("decision", "status", "code"),
    [
        (True, RelocationStatus.ELIGIBLE, None),
        (False, RelocationStatus.INELIGIBLE, "relocation_not_chosen"),
        (None, RelocationStatus.NOT_ASSESSABLE, "relocation_decision_undeclared"),
    ],
)
def test_chosen_by_the_provincial_chairmans_decision(
    decision: bool | None, status: RelocationStatus, code: str | None
) -> None:
    r = run([loan()], chairman_decision=decision)
    assert r.status is status
    assert [f.code for f in r.findings] == ([] if code is None else [code])
    if code is not None:
        assert r.findings[0].citation is not None
        assert r.findings[0].citation.key == f"{TT46}:4.6"


@pytest.mark.clause(f"{TTLT}:6.2.n")
def test_in_force_from_08_04_2014_until_the_funding_circular_changes() -> None:
    assert run([loan()], as_of=date(2014, 4, 8), investment_completed_on=date(2014, 1, 1)).support
    for day, instrument in (
        (date(2014, 4, 7), "125/2009/TTLT-BTC-BCT"),
        (date(2018, 5, 11), "28/2018/TT-BTC"),
    ):
        r = run([loan()], as_of=day, investment_completed_on=date(2014, 1, 1))
        assert r.status is RelocationStatus.NOT_ASSESSABLE
        assert r.support is None
        assert instrument in {f.instrument for f in r.findings}
