"""The compiled engine against the uncompiled reference (issue 15).

- :func:`~khuyencong.rules.tables.line_support` (integers of whole đồng, exact fractions) gives
  the same amount and deciding bound as :func:`~khuyencong.rules.allowed_support` (``Decimal``),
  the formula of Khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT as the engine had it before.
- On generated proposals (items, kinds, places, dates, overlays, priority factors), each line
  ``assess()`` computes from its compiled tables equals ``allowed_support`` applied to the level
  that :meth:`Rulebook.resolve` gives for that item and date, with the same rate, cap and clause.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import khuyencong as kc
from khuyencong.rulebooks import Rulebook, national
from khuyencong.rulebooks.model import Basis
from khuyencong.rules import LineStatus, allowed_support
from khuyencong.rules.tables import line_support

from .make_golden import generated, overlay_book

TTLT = "26/2014/TTLT-BTC-BCT"

money = st.integers(min_value=0, max_value=10**15)
rates = st.none() | st.integers(min_value=0, max_value=10_000).map(lambda n: Decimal(n) / 10_000)
caps = st.none() | st.integers(min_value=0, max_value=5 * 10**9).map(Decimal)
factors = st.integers(min_value=50, max_value=200).map(lambda n: Decimal(n) / 100)


@pytest.mark.clause(f"{TTLT}:6.2")
@given(
    cost=money,
    requested_share=st.floats(min_value=0, max_value=1),
    other_share=st.floats(min_value=0, max_value=1),
    base=st.none() | money,
    base_den=st.sampled_from([1, 1, 2, 100]),
    rate=rates,
    cap=caps,
    units=st.integers(min_value=1, max_value=12),
    factor=factors,
)
def test_integer_formula_equals_the_decimal_one(
    cost: int,
    requested_share: float,
    other_share: float,
    base: int | None,
    base_den: int,
    rate: Decimal | None,
    cap: Decimal | None,
    units: int,
    factor: Decimal,
) -> None:
    requested = int(cost * requested_share)
    other = int((cost - requested) * other_share)
    reference = allowed_support(
        requested=Decimal(requested),
        cost=Decimal(cost),
        rate=rate,
        cap=cap,
        units=units,
        factor=factor,
        other_sources=Decimal(other),
        basis_amount=None if base is None else Decimal(base) / base_den,
    )
    compiled = line_support(
        requested,
        cost,
        other,
        cost if base is None else base,
        units,
        None if rate is None else rate.as_integer_ratio(),
        None if cap is None else cap.as_integer_ratio(),
        factor.as_integer_ratio(),
        1 if base is None else base_den,
    )
    assert compiled == (int(reference[0]), reference[1])


@pytest.fixture(scope="module")
def overlay(tmp_path_factory: pytest.TempPathFactory) -> Rulebook:
    return overlay_book(Path(tmp_path_factory.mktemp("overlay")))


@pytest.mark.clause(f"{TTLT}:6.2")
@settings(max_examples=150, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_assess_lines_equal_the_reference_on_the_resolved_level(
    seed: int, overlay: Rulebook
) -> None:
    case = generated(random.Random(seed), seed)
    try:
        proposal = kc.Proposal.model_validate(case["proposal"])
    except ValueError:
        return
    as_of = date.fromisoformat(case["as_of"])
    allocation = None if case["allocation"] is None else Decimal(case["allocation"])
    books = [overlay] if case["overlay"] else None
    a = kc.assess(proposal, as_of=as_of, rulebooks=books, allocation=allocation)
    local = proposal.funding.kind == "local"
    book = overlay if local else national()
    known = [x.allowed for x in a.lines if x.basis is not Basis.PROPOSAL_BUDGET]
    budget = sum((x for x in known if x is not None), Decimal(0))
    for line, result in zip(proposal.budget_lines, a.lines, strict=True):
        if result.status is not LineStatus.COMPUTED:
            continue
        level = book.resolve("support." + line.item, as_of)
        assert isinstance(level, kc.rulebooks.core.Resolved)
        support = level.support
        basis_amount = {
            Basis.ANNUAL_ALLOCATION: allocation,
            Basis.PROPOSAL_BUDGET: budget,
        }.get(support.basis)
        factor = result.factor
        expected, limit = allowed_support(
            requested=line.requested,
            cost=line.cost,
            rate=support.rate,
            cap=support.cap,
            units=line.units,
            factor=factor,
            other_sources=line.other_sources,
            basis_amount=basis_amount,
        )
        assert (result.allowed, result.limit) == (expected, limit)
        assert result.counterpart == line.cost - expected - line.other_sources
        assert result.rate == support.rate
        assert result.cap == (None if support.cap is None else support.cap * line.units)
        assert result.citation == level.citation
