"""Khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT: the national support levels, points a to t.

Each level is a rate (a share of the cost, or of the booth rent, the interest, the airfare) and/or a
cap per unit (enterprise, model, establishment, round, product, brand, association, cluster).  The
allowed support is the least of: the amount requested, the rate times the basis, the cap times the
units (both times the approved priority factor of point t), rounded down to the đồng.  Every case
is on 01/06/2016, a one-line national proposal that meets every other condition; each boundary is
tested on both sides.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from khuyencong import Status
from khuyencong.rules import LineStatus
from khuyencong.schemas import SupportItem

from ..builders import beneficiary, cited, codes, line, place, proposal, run

TTLT = "26/2014/TTLT-BTC-BCT"
I = SupportItem  # noqa: E741
DIFFICULT = place(attributes=["difficult"])


def case(
    key: str,
    name: str,
    item: SupportItem,
    cost: int,
    requested: int,
    expected: int,
    units: int = 1,
) -> Any:
    return pytest.param(
        item, cost, requested, units, expected, key, id=name, marks=pytest.mark.clause(key)
    )


# fmt: off
# case(clause, test name, item, cost, requested, expected allowed support[, units])
LEVELS = [
    # ---- a) enterprise founding: at most 10,000,000 per enterprise (difficult areas only)
    case(f"{TTLT}:6.2.a", "a founding above the cap gets the cap", I.ENTERPRISE_FOUNDING,
         12_000_000, 12_000_000, 10_000_000),  # min(12,000,000, cap 10,000,000)
    case(f"{TTLT}:6.2.a", "a founding at exactly the cap gets all of it", I.ENTERPRISE_FOUNDING,
         10_000_000, 10_000_000, 10_000_000),  # 10,000,000 = cap
    case(f"{TTLT}:6.2.a", "a founding one dong over the cap gets the cap", I.ENTERPRISE_FOUNDING,
         10_000_001, 10_000_001, 10_000_000),  # 10,000,001 > cap 10,000,000
    case(f"{TTLT}:6.2.a", "a founding of two enterprises has two caps", I.ENTERPRISE_FOUNDING,
         30_000_000, 30_000_000, 20_000_000, units=2),  # 2 × 10,000,000 = 20,000,000 < 30,000,000
    # ---- b) para 1: demonstration of new technology: 30 %, at most 500,000,000 per model
    case(f"{TTLT}:6.2.b.p1", "a new-technology model below the cap gets 30 percent", I.DEMONSTRATION_NEW_TECHNOLOGY,
         1_200_000_000, 1_200_000_000, 360_000_000),
    # 30 % of 1,200,000,000 = 360,000,000 < cap 500,000,000
    case(f"{TTLT}:6.2.b.p1", "a new-technology model just under the cap rounds down", I.DEMONSTRATION_NEW_TECHNOLOGY,
         1_666_666_666, 1_666_666_666, 499_999_999),
    # 30 % of 1,666,666,666 = 499,999,999.8 → rounded down 499,999,999
    case(f"{TTLT}:6.2.b.p1", "a new-technology model just over the cap gets the cap", I.DEMONSTRATION_NEW_TECHNOLOGY,
         1_666_666_667, 1_666_666_667, 500_000_000),
    # 30 % of 1,666,666,667 = 500,000,000.1 > cap 500,000,000
    case(f"{TTLT}:6.2.b.p1", "a new-technology model gets no more than requested", I.DEMONSTRATION_NEW_TECHNOLOGY,
         1_200_000_000, 300_000_000, 300_000_000),
    # requested 300,000,000 < 30 % of 1,200,000,000 = 360,000,000
    # ---- b) para 2: model at an effective establishment: at most 100,000,000 per model
    case(f"{TTLT}:6.2.b.p2", "a model at an effective establishment above the cap gets the cap", I.DEMONSTRATION_EXISTING,
         150_000_000, 150_000_000, 100_000_000),  # cap 100,000,000
    case(f"{TTLT}:6.2.b.p2", "a model at an effective establishment at the cap gets all of it", I.DEMONSTRATION_EXISTING,
         100_000_000, 100_000_000, 100_000_000),  # = cap, no rate
    case(f"{TTLT}:6.2.b.p2", "a model at an effective establishment below the cap gets all of it", I.DEMONSTRATION_EXISTING,
         80_000_000, 80_000_000, 80_000_000),  # no rate: 80,000,000
    # ---- c) machinery and technology transfer: 50 %, at most 200,000,000 per establishment
    case(f"{TTLT}:6.2.c", "machinery below the cap gets half", I.MACHINERY_AND_TECHNOLOGY,
         300_000_000, 300_000_000, 150_000_000),  # 50 % of 300,000,000 = 150,000,000
    case(f"{TTLT}:6.2.c", "machinery whose half is exactly the cap gets the cap", I.MACHINERY_AND_TECHNOLOGY,
         400_000_000, 400_000_000, 200_000_000),
    # 50 % of 400,000,000 = 200,000,000 = cap
    case(f"{TTLT}:6.2.c", "machinery whose half is two dong over the cap gets the cap", I.MACHINERY_AND_TECHNOLOGY,
         400_000_004, 400_000_004, 200_000_000),
    # 50 % of 400,000,004 = 200,000,002 > cap 200,000,000
    # ---- d) para 1: organising a domestic fair: 100 %
    case(f"{TTLT}:6.2.d.p1", "a domestic fair's organisation is paid in full", I.DOMESTIC_FAIR_ORGANISATION,
         250_000_000, 250_000_000, 250_000_000),  # 100 %
    case(f"{TTLT}:6.2.d.p1", "a domestic fair's organisation gets what is requested", I.DOMESTIC_FAIR_ORGANISATION,
         250_000_000, 200_000_000, 200_000_000),  # requested
    # ---- d) para 2: taking part in another domestic fair: 80 % of the booth rent
    case(f"{TTLT}:6.2.d.p2", "booth rent at another domestic fair is paid at 80 percent", I.DOMESTIC_FAIR_PARTICIPATION,
         20_000_000, 20_000_000, 16_000_000),
    # 80 % of 20,000,000 = 16,000,000
    case(f"{TTLT}:6.2.d.p2", "80 percent of a booth rent rounds down to the dong", I.DOMESTIC_FAIR_PARTICIPATION,
         12_345_679, 12_345_679, 9_876_543),
    # 80 % of 12,345,679 = 9,876,543.2 → 9,876,543
    # ---- đ) fairs abroad: 100 %
    case(f"{TTLT}:6.2.đ", "a fair abroad is paid in full", I.FOREIGN_FAIR,
         480_000_000, 480_000_000, 480_000_000),  # 100 %
    # ---- e) airfare for study tours abroad: 100 %
    case(f"{TTLT}:6.2.e", "airfares of three persons are paid in full", I.STUDY_TOUR_AIRFARE,
         45_000_000, 45_000_000, 45_000_000, units=3),  # 100 %, no cap per person
    # ---- g) dash 1: selection rounds: 100,000,000 regional, 200,000,000 national, per round
    case(f"{TTLT}:6.2.g.d1", "a regional selection round above the cap gets the regional cap", I.SELECTION_ROUND_REGIONAL,
         120_000_000, 120_000_000, 100_000_000),  # cap 100,000,000
    case(f"{TTLT}:6.2.g.d1", "a regional selection round at the cap gets all of it", I.SELECTION_ROUND_REGIONAL,
         100_000_000, 100_000_000, 100_000_000),  # = cap
    case(f"{TTLT}:6.2.g.d1", "a national selection round above the cap gets the national cap", I.SELECTION_ROUND_NATIONAL,
         250_000_000, 250_000_000, 200_000_000),  # cap 200,000,000
    case(f"{TTLT}:6.2.g.d1", "a national selection round one dong under the cap gets all of it", I.SELECTION_ROUND_NATIONAL,
         199_999_999, 199_999_999, 199_999_999),  # < cap
    # ---- g) dash 2: awards: 5,000,000 regional, 10,000,000 national, per product
    case(f"{TTLT}:6.2.g.d2", "four regional awards get four regional caps", I.AWARD_REGIONAL,
         30_000_000, 30_000_000, 20_000_000, units=4),  # 4 × 5,000,000 = 20,000,000
    case(f"{TTLT}:6.2.g.d2", "three national awards get three national caps", I.AWARD_NATIONAL,
         40_000_000, 40_000_000, 30_000_000, units=3),  # 3 × 10,000,000 = 30,000,000
    case(f"{TTLT}:6.2.g.d2", "three national awards at exactly three caps get all of it", I.AWARD_NATIONAL,
         30_000_000, 30_000_000, 30_000_000, units=3),  # = 3 × 10,000,000
    # ---- h) brand: 50 %, at most 35,000,000 per brand
    case(f"{TTLT}:6.2.h", "a brand whose half is exactly the cap gets the cap", I.BRAND,
         70_000_000, 35_000_000, 35_000_000),  # 50 % of 70,000,000 = 35,000,000 = cap = requested
    case(f"{TTLT}:6.2.h", "a brand whose half is one dong over the cap gets the cap", I.BRAND,
         70_000_002, 70_000_002, 35_000_000),  # 50 % of 70,000,002 = 35,000,001 > cap 35,000,000
    case(f"{TTLT}:6.2.h", "a brand below the cap gets half", I.BRAND,
         60_000_000, 60_000_000, 30_000_000),  # 50 % of 60,000,000 = 30,000,000
    # ---- i) consultants: 50 %, at most 35,000,000 per establishment
    case(f"{TTLT}:6.2.i", "consulting below the cap gets half", I.CONSULTING,
         50_000_000, 50_000_000, 25_000_000),  # 50 % of 50,000,000 = 25,000,000
    case(f"{TTLT}:6.2.i", "consulting above the cap gets the cap", I.CONSULTING,
         80_000_000, 80_000_000, 35_000_000),  # 50 % = 40,000,000 > cap 35,000,000
    case(f"{TTLT}:6.2.i", "consulting for two establishments has two caps", I.CONSULTING,
         80_000_000, 80_000_000, 40_000_000, units=2),  # 50 % = 40,000,000 < 2 × 35,000,000
    # ---- k) media: by contract price, no rate or cap
    case(f"{TTLT}:6.2.k", "media are paid by contract as requested", I.MEDIA,
         90_000_000, 75_000_000, 75_000_000),  # requested; the law sets no rate or cap
    # ---- l) associations: 30 %, at most 70,000,000 regional, 100,000,000 national
    case(f"{TTLT}:6.2.l", "a regional association below the cap gets 30 percent", I.ASSOCIATION_REGIONAL,
         200_000_000, 200_000_000, 60_000_000),  # 30 % = 60,000,000
    case(f"{TTLT}:6.2.l", "a regional association just under the cap rounds down", I.ASSOCIATION_REGIONAL,
         233_333_333, 233_333_333, 69_999_999),
    # 30 % of 233,333,333 = 69,999,999.9 → 69,999,999
    case(f"{TTLT}:6.2.l", "a regional association just over the cap gets the regional cap", I.ASSOCIATION_REGIONAL,
         233_333_334, 233_333_334, 70_000_000),
    # 30 % of 233,333,334 = 70,000,000.2 > cap 70,000,000
    case(f"{TTLT}:6.2.l", "a national association below the cap gets 30 percent", I.ASSOCIATION_NATIONAL,
         300_000_000, 300_000_000, 90_000_000),  # 30 % = 90,000,000
    case(f"{TTLT}:6.2.l", "a national association above the cap gets the national cap", I.ASSOCIATION_NATIONAL,
         400_000_000, 400_000_000, 100_000_000),
    # 30 % of 400,000,000 = 120,000,000 > cap 100,000,000
    # ---- m) linkage cluster: 50 %, at most 150,000,000 per cluster
    case(f"{TTLT}:6.2.m", "a linkage cluster below the cap gets half", I.LINKAGE_CLUSTER,
         200_000_000, 200_000_000, 100_000_000),  # 50 % = 100,000,000
    case(f"{TTLT}:6.2.m", "a linkage cluster whose half is the cap gets the cap", I.LINKAGE_CLUSTER,
         300_000_000, 300_000_000, 150_000_000),  # 50 % = 150,000,000 = cap
    case(f"{TTLT}:6.2.m", "a linkage cluster above the cap gets the cap", I.LINKAGE_CLUSTER,
         400_000_000, 400_000_000, 150_000_000),  # 50 % = 200,000,000 > cap 150,000,000
    # ---- n) relocation: 50 % of the interest of the first two years, at most 500,000,000
    case(f"{TTLT}:6.2.n", "half the interest of a relocation loan", I.RELOCATION_INTEREST,
         600_000_000, 600_000_000, 300_000_000),  # 50 % of interest 600,000,000 = 300,000,000
    case(f"{TTLT}:6.2.n", "half the interest above the cap gets the cap", I.RELOCATION_INTEREST,
         1_200_000_000, 1_200_000_000, 500_000_000),  # 50 % = 600,000,000 > cap 500,000,000
    # ---- o) pollution treatment at an establishment: 30 %, at most 300,000,000
    case(f"{TTLT}:6.2.o", "pollution treatment at an establishment below the cap", I.POLLUTION_TREATMENT_ESTABLISHMENT,
         800_000_000, 800_000_000, 240_000_000),
    # 30 % of 800,000,000 = 240,000,000
    case(f"{TTLT}:6.2.o", "pollution treatment at an establishment at exactly the cap", I.POLLUTION_TREATMENT_ESTABLISHMENT,
         1_000_000_000, 1_000_000_000, 300_000_000),
    # 30 % of 1,000,000,000 = 300,000,000 = cap
    case(f"{TTLT}:6.2.o", "pollution treatment at an establishment above the cap", I.POLLUTION_TREATMENT_ESTABLISHMENT,
         1_200_000_000, 1_200_000_000, 300_000_000),
    # 30 % of 1,200,000,000 = 360,000,000 > cap 300,000,000
    # ---- p) pollution treatment at an industrial cluster: 30 %, at most 1,500,000,000
    case(f"{TTLT}:6.2.p", "pollution treatment at a cluster below the cap", I.POLLUTION_TREATMENT_CLUSTER,
         4_000_000_000, 4_000_000_000, 1_200_000_000),
    # 30 % of 4,000,000,000 = 1,200,000,000
    case(f"{TTLT}:6.2.p", "pollution treatment at a cluster at exactly the cap", I.POLLUTION_TREATMENT_CLUSTER,
         5_000_000_000, 5_000_000_000, 1_500_000_000),
    # 30 % of 5,000,000,000 = 1,500,000,000 = cap
    case(f"{TTLT}:6.2.p", "pollution treatment at a cluster above the cap", I.POLLUTION_TREATMENT_CLUSTER,
         6_000_000_000, 6_000_000_000, 1_500_000_000),
    # 30 % of 6,000,000,000 = 1,800,000,000 > cap 1,500,000,000
    # ---- q) detailed planning of an industrial cluster: 50 %, at most 500,000,000
    case(f"{TTLT}:6.2.q", "cluster planning below the cap gets half", I.CLUSTER_DETAILED_PLANNING,
         800_000_000, 800_000_000, 400_000_000),  # 50 % = 400,000,000
    case(f"{TTLT}:6.2.q", "cluster planning whose half is the cap", I.CLUSTER_DETAILED_PLANNING,
         1_000_000_000, 1_000_000_000, 500_000_000),  # 50 % = 500,000,000 = cap
    case(f"{TTLT}:6.2.q", "cluster planning above the cap", I.CLUSTER_DETAILED_PLANNING,
         1_200_000_000, 1_200_000_000, 500_000_000),  # 50 % = 600,000,000 > cap 500,000,000
    # ---- r) cluster infrastructure: at most 3,000,000,000 per cluster
    case(f"{TTLT}:6.2.r", "cluster infrastructure below the cap is paid as requested", I.CLUSTER_INFRASTRUCTURE,
         2_500_000_000, 2_500_000_000, 2_500_000_000),  # no rate
    case(f"{TTLT}:6.2.r", "cluster infrastructure above the cap gets the cap", I.CLUSTER_INFRASTRUCTURE,
         3_500_000_000, 3_500_000_000, 3_000_000_000),
    # 3,500,000,000 > cap 3,000,000,000
]
# fmt: on


@pytest.mark.parametrize(("item", "cost", "requested", "units", "expected", "key"), LEVELS)
def test_support_level(
    item: SupportItem, cost: int, requested: int, units: int, expected: int, key: str
) -> None:
    p = proposal(
        line(item, cost, requested, units=units),
        beneficiaries=[beneficiary(production_site=DIFFICULT)],
    )
    a = run(p)
    (result,) = a.lines
    assert result.status is LineStatus.COMPUTED
    assert result.allowed == Decimal(expected)
    assert result.counterpart == Decimal(cost) - Decimal(expected)
    assert result.citation is not None
    assert result.citation.key == key
    # A relocation line without the outcome of relocation_interest() is bounded by its level,
    # but its conditions (point n; Khoản 6 Điều 4 TT 46/2012) are undeclared: not assessable.
    relocation = item is SupportItem.RELOCATION_INTEREST
    assert a.status is (Status.NOT_ASSESSABLE if relocation else Status.ELIGIBLE)
    assert a.support == Decimal(expected)


# ---- s) management shares ------------------------------------------------------------------


@pytest.mark.clause(f"{TTLT}:6.2.s.d1")
def test_s_dash_1_managing_agency_share_is_one_and_a_half_percent_of_the_allocation() -> None:
    p = proposal(line(I.MANAGEMENT_AGENCY, 200_000_000))
    a = run(p, allocation=10_000_000_000)
    # 1.5 % of the annual allocation 10,000,000,000 = 150,000,000 < requested 200,000,000
    assert a.lines[0].allowed == Decimal(150_000_000)
    assert a.lines[0].citation is not None
    assert a.lines[0].citation.key == f"{TTLT}:6.2.s.d1"


@pytest.mark.clause(f"{TTLT}:6.2.s.d1")
def test_s_dash_1_managing_agency_share_below_the_ceiling_is_paid_as_requested() -> None:
    a = run(proposal(line(I.MANAGEMENT_AGENCY, 100_000_000)), allocation=10_000_000_000)
    # requested 100,000,000 < 1.5 % of 10,000,000,000 = 150,000,000
    assert a.lines[0].allowed == Decimal(100_000_000)


@pytest.mark.clause(f"{TTLT}:6.2.s.d1")
def test_s_dash_1_without_the_allocation_the_share_waits_for_it() -> None:
    a = run(proposal(line(I.MANAGEMENT_AGENCY, 100_000_000)))
    assert a.lines[0].status is LineStatus.NEEDS_INPUT
    assert a.lines[0].allowed is None
    assert cited(a, "allocation_needed") == f"{TTLT}:6.2.s.d1"
    assert not a.complete


@pytest.mark.clause(f"{TTLT}:6.2.s.d2")
def test_s_dash_2_implementing_unit_share_is_two_and_a_half_percent_of_the_proposal() -> None:
    # "dự toán đề án khuyến công" is read, as the engine documents, as the khuyến công support of
    # the proposal's other lines (the law does not say whether the beneficiary's counterpart counts).
    p = proposal(
        line(I.MACHINERY_AND_TECHNOLOGY, 400_000_000),  # 50 % = 200,000,000 = cap
        line(I.BRAND, 70_000_000),  # 50 % = 35,000,000 = cap
        line(I.MANAGEMENT_IMPLEMENTING_UNIT, 10_000_000),
    )
    a = run(p)
    # 2.5 % of (200,000,000 + 35,000,000) = 2.5 % of 235,000,000 = 5,875,000 < 10,000,000
    assert a.lines[2].allowed == Decimal(5_875_000)
    assert a.lines[2].citation is not None
    assert a.lines[2].citation.key == f"{TTLT}:6.2.s.d2"
    # 200,000,000 + 35,000,000 + 5,875,000
    assert a.support == Decimal(240_875_000)


@pytest.mark.clause(f"{TTLT}:6.2.s.d2")
def test_s_dash_2_implementing_unit_share_below_the_ceiling_is_paid_as_requested() -> None:
    p = proposal(line(I.BRAND, 70_000_000), line(I.MANAGEMENT_IMPLEMENTING_UNIT, 500_000))
    # requested 500,000 < 2.5 % of 35,000,000 = 875,000
    assert run(p).lines[1].allowed == Decimal(500_000)


# ---- t) priority factor: at most 1.5 times the level, for priority proposals -----------------

POOR = place(attributes=["poor_district"])  # Điểm b khoản 1 Điều 6 TT 46/2012: a priority area


@pytest.mark.clause(f"{TTLT}:6.2.t")
def test_t_factor_one_and_a_half_multiplies_rate_and_cap_for_a_priority_proposal() -> None:
    p = proposal(
        line(I.DEMONSTRATION_NEW_TECHNOLOGY, 1_200_000_000),
        beneficiaries=[beneficiary(production_site=POOR)],
        priority_factor="1.5",
    )
    a = run(p)
    # 1.5 × 30 % = 45 % of 1,200,000,000 = 540,000,000 < 1.5 × 500,000,000 = 750,000,000
    assert a.lines[0].allowed == Decimal(540_000_000)
    assert a.lines[0].factor == Decimal("1.5")
    assert a.status is Status.ELIGIBLE


@pytest.mark.clause(f"{TTLT}:6.2.t")
def test_t_factor_one_and_a_half_raises_the_cap_to_one_and_a_half_caps() -> None:
    p = proposal(
        line(I.DEMONSTRATION_NEW_TECHNOLOGY, 2_000_000_000),
        beneficiaries=[beneficiary(production_site=POOR)],
        priority_factor="1.5",
    )
    # 45 % of 2,000,000,000 = 900,000,000 > 1.5 × 500,000,000 = 750,000,000
    assert run(p).lines[0].allowed == Decimal(750_000_000)


@pytest.mark.clause(f"{TTLT}:6.2.t")
def test_t_factor_above_one_and_a_half_is_refused() -> None:
    p = proposal(
        line(I.DEMONSTRATION_NEW_TECHNOLOGY, 1_200_000_000),
        beneficiaries=[beneficiary(production_site=POOR)],
        priority_factor="1.51",
    )
    a = run(p)
    assert a.status is Status.INELIGIBLE
    assert cited(a, "priority_factor_refused") == f"{TTLT}:6.2.t"
    # the proposal is ineligible: nothing is allowed on its line (not the plain level of
    # 30 % × 1,200,000,000 = 360,000,000), and the line says why
    assert a.lines[0].allowed == Decimal(0)
    assert a.lines[0].status is LineStatus.PROPOSAL_INELIGIBLE
    assert a.support == Decimal(0)


@pytest.mark.clause(f"{TTLT}:6.2.t")
def test_t_factor_above_one_is_refused_for_a_proposal_with_no_priority() -> None:
    # handicraft in an ordinary rural district: no priority area or industry (Điều 6 NĐ 45/2012)
    p = proposal(line(I.DEMONSTRATION_NEW_TECHNOLOGY, 1_200_000_000), priority_factor="1.2")
    a = run(p)
    assert not a.priority.is_priority
    assert a.status is Status.INELIGIBLE
    assert cited(a, "priority_factor_refused") == f"{TTLT}:6.2.t"


@pytest.mark.clause(f"{TTLT}:6.2.t")
def test_t_factor_one_needs_no_priority() -> None:
    a = run(proposal(line(I.DEMONSTRATION_NEW_TECHNOLOGY, 1_200_000_000)))
    assert "priority_factor_refused" not in codes(a)
    assert a.lines[0].factor == Decimal(1)


@pytest.mark.clause(f"{TTLT}:6.2.t")
def test_t_factor_applies_to_a_priority_industry_too() -> None:
    # agro-forestry-fishery processing is a priority industry (Điểm a khoản 2 Điều 6 NĐ 45/2012)
    p = proposal(
        line(I.BRAND, 100_000_000),
        beneficiaries=[beneficiary(industries=["agro_forestry_fishery_processing"])],
        priority_factor="1.5",
    )
    # 1.5 × 50 % = 75 % of 100,000,000 = 75,000,000 > 1.5 × 35,000,000 = 52,500,000
    assert run(p).lines[0].allowed == Decimal(52_500_000)
