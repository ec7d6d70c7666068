"""Properties of co-funding (Khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT): the allowed support never
exceeds the requested amount, the rate, or the cap (each times the priority factor of point t),
is a non-negative whole number of đồng, is the largest such amount, and never decreases when the
cost grows; allowed + counterpart + other sources = cost.

Checked on :func:`khuyencong.rules.allowed_support` and on :func:`khuyencong.assess` for
single-line proposals, against the rates and caps of the law written out below.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from khuyencong.rules import LineStatus, allowed_support
from khuyencong.schemas import SupportItem

from .builders import beneficiary, line, place, proposal, run

TTLT = "26/2014/TTLT-BTC-BCT"
I = SupportItem  # noqa: E741
P = Decimal

# Rate and cap per unit of each point of Khoản 2 Điều 6, as the text says them.
LAW: dict[SupportItem, tuple[Decimal | None, Decimal | None]] = {
    I.ENTERPRISE_FOUNDING: (None, P(10_000_000)),  # a
    I.DEMONSTRATION_NEW_TECHNOLOGY: (P("0.3"), P(500_000_000)),  # b para 1
    I.DEMONSTRATION_EXISTING: (None, P(100_000_000)),  # b para 2
    I.MACHINERY_AND_TECHNOLOGY: (P("0.5"), P(200_000_000)),  # c
    I.DOMESTIC_FAIR_ORGANISATION: (P(1), None),  # d para 1
    I.DOMESTIC_FAIR_PARTICIPATION: (P("0.8"), None),  # d para 2
    I.FOREIGN_FAIR: (P(1), None),  # đ
    I.FOREIGN_FAIR_ORGANISATION: (P(1), None),  # đ (organising)
    I.FOREIGN_FAIR_PARTICIPATION: (P(1), None),  # đ (taking part)
    I.STUDY_TOUR_AIRFARE: (P(1), None),  # e
    I.SELECTION_ROUND_REGIONAL: (None, P(100_000_000)),  # g dash 1
    I.SELECTION_ROUND_NATIONAL: (None, P(200_000_000)),  # g dash 1
    I.AWARD_REGIONAL: (None, P(5_000_000)),  # g dash 2
    I.AWARD_NATIONAL: (None, P(10_000_000)),  # g dash 2
    I.BRAND: (P("0.5"), P(35_000_000)),  # h
    I.CONSULTING: (P("0.5"), P(35_000_000)),  # i
    I.MEDIA: (None, None),  # k
    I.ASSOCIATION_REGIONAL: (P("0.3"), P(70_000_000)),  # l
    I.ASSOCIATION_NATIONAL: (P("0.3"), P(100_000_000)),  # l
    I.LINKAGE_CLUSTER: (P("0.5"), P(150_000_000)),  # m
    I.RELOCATION_INTEREST: (P("0.5"), P(500_000_000)),  # n
    I.POLLUTION_TREATMENT_ESTABLISHMENT: (P("0.3"), P(300_000_000)),  # o
    I.POLLUTION_TREATMENT_CLUSTER: (P("0.3"), P(1_500_000_000)),  # p
    I.CLUSTER_DETAILED_PLANNING: (P("0.5"), P(500_000_000)),  # q
    I.CLUSTER_INFRASTRUCTURE: (None, P(3_000_000_000)),  # r
}

money = st.integers(min_value=0, max_value=20_000_000_000).map(Decimal)
rates = st.none() | st.integers(min_value=0, max_value=10_000).map(lambda n: Decimal(n) / 10_000)
caps = st.none() | st.integers(min_value=0, max_value=5_000_000_000).map(Decimal)
units = st.integers(min_value=1, max_value=12)
factors = st.integers(min_value=100, max_value=150).map(lambda n: Decimal(n) / 100)


@st.composite
def line_figures(draw: st.DrawFn) -> tuple[Decimal, Decimal, Decimal]:
    """(cost, requested, other sources) with requested ≤ cost and other sources ≤ cost."""
    cost = draw(money)
    requested = draw(st.integers(min_value=0, max_value=int(cost)).map(Decimal))
    other = draw(st.integers(min_value=0, max_value=int(cost)).map(Decimal))
    return cost, requested, other


def _bounds(
    cost: Decimal,
    requested: Decimal,
    other: Decimal,
    rate: Decimal | None,
    cap: Decimal | None,
    n: int,
    factor: Decimal,
) -> list[Decimal]:
    bounds = [requested, cost - other]
    if rate is not None:
        bounds.append(rate * cost * factor)
    if cap is not None:
        bounds.append(cap * n * factor)
    return bounds


# ---- allowed_support ---------------------------------------------------------------------------


@pytest.mark.clause(f"{TTLT}:6.2")
@given(figures=line_figures(), rate=rates, cap=caps, n=units, factor=factors)
def test_allowed_support_respects_every_bound_and_is_the_largest_whole_dong(
    figures: tuple[Decimal, Decimal, Decimal],
    rate: Decimal | None,
    cap: Decimal | None,
    n: int,
    factor: Decimal,
) -> None:
    cost, requested, other = figures
    allowed, _ = allowed_support(
        requested=requested,
        cost=cost,
        rate=rate,
        cap=cap,
        units=n,
        factor=factor,
        other_sources=other,
    )
    bounds = _bounds(cost, requested, other, rate, cap, n, factor)
    assert allowed >= 0
    assert allowed == allowed.to_integral_value()
    assert allowed <= requested
    assert allowed <= cost - other  # the counterpart is never negative
    if rate is not None:
        assert allowed <= rate * cost * factor
    if cap is not None:
        assert allowed <= cap * n * factor
    # rounded down, not further: one đồng more would break a bound
    assert allowed + 1 > min(bounds)
    counterpart = cost - allowed - other
    assert allowed + counterpart + other == cost


@pytest.mark.clause(f"{TTLT}:6.2")
@given(
    figures=line_figures(),
    more=money,
    rate=rates,
    cap=caps,
    n=units,
    factor=factors,
)
def test_allowed_support_never_decreases_when_the_cost_grows(
    figures: tuple[Decimal, Decimal, Decimal],
    more: Decimal,
    rate: Decimal | None,
    cap: Decimal | None,
    n: int,
    factor: Decimal,
) -> None:
    cost, requested, other = figures

    def allowed(c: Decimal) -> Decimal:
        return allowed_support(
            requested=requested,
            cost=c,
            rate=rate,
            cap=cap,
            units=n,
            factor=factor,
            other_sources=other,
        )[0]

    assert allowed(cost + more) >= allowed(cost)


# ---- assess on single-line proposals -----------------------------------------------------------

items = st.sampled_from(sorted(LAW, key=lambda item: item.value))
priority_factors = st.sampled_from([Decimal(1), Decimal("1.25"), Decimal("1.5")])
# A poor district (priority area b) in a difficult area: every point applies, factor allowed.
SITE = place(attributes=["poor_district", "difficult"])


@pytest.mark.clause(f"{TTLT}:6.2")
@given(item=items, figures=line_figures(), n=units, factor=priority_factors)
def test_assess_one_line_respects_the_law(
    item: SupportItem, figures: tuple[Decimal, Decimal, Decimal], n: int, factor: Decimal
) -> None:
    cost, requested, other = figures
    other = min(other, cost - requested)  # a BudgetLine refuses requested + other > cost
    p = proposal(
        line(item, int(cost), int(requested), units=n, other_sources=int(other)),
        beneficiaries=[beneficiary(production_site=SITE)],
        priority_factor=factor,
    )
    a = run(p)
    (result,) = a.lines
    rate, cap = LAW[item]
    assert result.status is LineStatus.COMPUTED
    assert result.rate == rate
    assert result.cap == (None if cap is None else cap * n)
    assert result.factor == factor
    allowed = result.allowed
    assert allowed is not None
    assert allowed >= 0
    assert allowed == allowed.to_integral_value()
    assert allowed <= requested
    if rate is not None:
        assert allowed <= rate * cost * factor
    if cap is not None:
        assert allowed <= cap * n * factor
    assert allowed + 1 > min(_bounds(cost, requested, other, rate, cap, n, factor))
    assert result.counterpart is not None
    assert allowed + result.counterpart + other == cost
    assert a.support == allowed


@pytest.mark.clause(f"{TTLT}:6.2")
@given(item=items, figures=line_figures(), more=money, n=units)
def test_assess_never_allows_less_when_the_cost_grows(
    item: SupportItem, figures: tuple[Decimal, Decimal, Decimal], more: Decimal, n: int
) -> None:
    cost, requested, other = figures
    other = min(other, cost - requested)  # a BudgetLine refuses requested + other > cost
    assume(more > 0)
    site = [beneficiary(production_site=SITE)]

    def allowed(c: Decimal) -> Decimal | None:
        p = proposal(
            line(item, int(c), int(requested), units=n, other_sources=int(other)),
            beneficiaries=site,
        )
        return run(p).lines[0].allowed

    before, after = allowed(cost), allowed(cost + more)
    assert before is not None
    assert after is not None
    assert after >= before
