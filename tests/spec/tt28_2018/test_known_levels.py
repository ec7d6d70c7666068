"""Thông tư 28/2018/TT-BTC replaces TTLT 26/2014/TTLT-BTC-BCT from 11/05/2018.

Known here only from a secondary public summary: enterprise founding at most 10,000,000 per
enterprise (difficult areas only); a demonstration model for a new technology or product at most
30 % and 1,000,000,000 per model.  Every other level is "not encoded" naming 28/2018/TT-BTC — never
the 2014 figure — and every result that uses a known level says its source is secondary.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from khuyencong import Provenance, Status
from khuyencong.rules import LineStatus
from khuyencong.schemas import SupportItem

from ..builders import beneficiary, codes, line, place, proposal, run

TT28 = "28/2018/TT-BTC"
I = SupportItem  # noqa: E741
LAST_DAY_2014 = date(2018, 5, 10)
FIRST_DAY_2018 = date(2018, 5, 11)


def _demo(cost: int, as_of: date) -> Decimal | None:
    return run(proposal(line(I.DEMONSTRATION_NEW_TECHNOLOGY, cost)), as_of).lines[0].allowed


@pytest.mark.clause("26/2014/TTLT-BTC-BCT:6.2.b.p1")
def test_on_10_may_2018_a_demonstration_model_is_capped_at_500_million() -> None:
    # 30 % of 2,000,000,000 = 600,000,000 > cap 500,000,000 (TTLT 26/2014)
    assert _demo(2_000_000_000, LAST_DAY_2014) == Decimal(500_000_000)


@pytest.mark.clause(TT28)
def test_on_11_may_2018_a_demonstration_model_is_capped_at_1_billion() -> None:
    a = run(proposal(line(I.DEMONSTRATION_NEW_TECHNOLOGY, 2_000_000_000)), FIRST_DAY_2018)
    (result,) = a.lines
    # 30 % of 2,000,000,000 = 600,000,000 < cap 1,000,000,000 (TT 28/2018)
    assert result.allowed == Decimal(600_000_000)
    assert result.citation is not None
    assert result.citation.key == TT28
    assert result.provenance is Provenance.SECONDARY
    assert "secondary_source" in codes(a)


@pytest.mark.clause(TT28)
@pytest.mark.parametrize(
    ("cost", "expected"),
    [
        # 30 % of 3,333,333,333 = 999,999,999.9 → 999,999,999
        pytest.param(3_333_333_333, 999_999_999, id="just under the 1 billion cap rounds down"),
        # 30 % of 3,333,333,334 = 1,000,000,000.2 > cap 1,000,000,000
        pytest.param(3_333_333_334, 1_000_000_000, id="just over the 1 billion cap gets the cap"),
        # 30 % of 4,000,000,000 = 1,200,000,000 > cap 1,000,000,000
        pytest.param(4_000_000_000, 1_000_000_000, id="well over the cap gets the cap"),
    ],
)
def test_demonstration_model_cap_of_2018(cost: int, expected: int) -> None:
    assert _demo(cost, FIRST_DAY_2018) == Decimal(expected)


@pytest.mark.clause(TT28)
def test_enterprise_founding_stays_at_10_million_from_a_secondary_source() -> None:
    b = beneficiary(production_site=place(attributes=["difficult"]))
    a = run(proposal(line(I.ENTERPRISE_FOUNDING, 15_000_000), beneficiaries=[b]), FIRST_DAY_2018)
    # min(15,000,000, cap 10,000,000)
    assert a.lines[0].allowed == Decimal(10_000_000)
    assert a.lines[0].provenance is Provenance.SECONDARY


@pytest.mark.clause(TT28)
def test_enterprise_founding_outside_difficult_areas_is_still_refused() -> None:
    a = run(proposal(line(I.ENTERPRISE_FOUNDING, 8_000_000)), FIRST_DAY_2018)
    assert a.status is Status.INELIGIBLE
    assert "founding_outside_difficult_area" in codes(a)


@pytest.mark.clause("26/2014/TTLT-BTC-BCT:6.2.c")
def test_on_10_may_2018_machinery_gets_the_2014_level() -> None:
    a = run(proposal(line(I.MACHINERY_AND_TECHNOLOGY, 300_000_000)), LAST_DAY_2014)
    # 50 % of 300,000,000 = 150,000,000 < cap 200,000,000
    assert a.lines[0].allowed == Decimal(150_000_000)


@pytest.mark.clause(TT28)
@pytest.mark.parametrize(
    "item",
    [
        I.MACHINERY_AND_TECHNOLOGY,
        I.BRAND,
        I.CONSULTING,
        I.DEMONSTRATION_EXISTING,
        I.CLUSTER_INFRASTRUCTURE,
    ],
)
def test_on_11_may_2018_other_levels_are_not_encoded_naming_28_2018(item: SupportItem) -> None:
    a = run(proposal(line(item, 300_000_000)), FIRST_DAY_2018)
    (result,) = a.lines
    assert result.status is LineStatus.NOT_ENCODED
    assert result.allowed is None
    assert result.instruments == (TT28,)
    assert a.support is None  # not known, never 0 (DESIGN: no silent wrong answer)


@pytest.mark.clause(TT28)
def test_on_11_may_2018_the_priority_ceiling_is_not_encoded() -> None:
    b = beneficiary(production_site=place(attributes=["poor_district"]))
    p = proposal(
        line(I.DEMONSTRATION_NEW_TECHNOLOGY, 1_200_000_000),
        beneficiaries=[b],
        priority_factor="1.5",
    )
    a = run(p, FIRST_DAY_2018)
    assert a.status is Status.NOT_ASSESSABLE
    notes = [f for f in a.findings if f.code == "not_encoded"]
    assert [f.instrument for f in notes] == [TT28]
    # without an encoded ceiling the plain level applies: 30 % of 1,200,000,000 = 360,000,000
    assert a.lines[0].allowed == Decimal(360_000_000)
