"""The short path of ``assess`` for a line whose level alone decides it (issue 15).

A level met once at a date (official text, no caveat, no referral, a share of the line's own
cost) is remembered in the compiled tables of that date (``Tables.plain``); later assessments go
straight to the formula.  They must give the same result, and a level that carries a warning
(secondary source, user-supplied value) must never take that path: its warning is said on every
assessment.  Amounts worked out by hand from Điểm c, h khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import khuyencong as kc
from khuyencong.rulebooks import example_amendment, load_rulebook, national
from khuyencong.rules import LineStatus
from khuyencong.rules.tables import compile_tables
from khuyencong.schemas import SupportItem

from ..spec.builders import beneficiary, line, place, proposal

DAY = date(2016, 11, 17)
"""A date no other test reads, so that its tables start empty in this process."""


@pytest.mark.clause("26/2014/TTLT-BTC-BCT:6.2.h")
@pytest.mark.clause("26/2014/TTLT-BTC-BCT:6.2.c")
def test_a_line_decided_by_its_level_alone_gives_the_same_result_by_the_short_path() -> None:
    p = proposal(
        line(SupportItem.BRAND, 100_000_000, 40_000_000),
        line(SupportItem.MACHINERY_AND_TECHNOLOGY, 300_000_000, 150_000_000),
    )
    tables = compile_tables(national(), DAY)
    assert SupportItem.BRAND not in tables.plain
    first = kc.assess(p, as_of=DAY)
    assert {SupportItem.BRAND, SupportItem.MACHINERY_AND_TECHNOLOGY} <= set(tables.plain)
    second = kc.assess(p, as_of=DAY)
    assert second == first
    assert second.documents == first.documents
    brand, machinery = second.lines
    # Brand: min(requested 40,000,000; 50 % of 100,000,000; cap 35,000,000) = the cap.
    assert (brand.allowed, brand.limit, brand.counterpart) == (
        Decimal(35_000_000),
        "cap",
        Decimal(65_000_000),
    )
    # Machinery: min(requested 150,000,000; 50 % of 300,000,000; cap 200,000,000): requested
    # and rate tie at 150,000,000, and the tie goes to the earlier bound.
    assert (machinery.allowed, machinery.limit) == (Decimal(150_000_000), "requested")
    assert second.support == Decimal(185_000_000)


def test_a_user_supplied_level_warns_on_every_assessment(tmp_path: Path) -> None:
    path = tmp_path / "tt28-example.toml"
    path.write_text(example_amendment(), encoding="utf-8")
    book = load_rulebook(path)
    on = date(2026, 6, 1)
    p = proposal(
        line(SupportItem.BRAND, 100_000_000, 60_000_000),
        plan_year=2026,
        approved_on=date(2026, 3, 1),
    )
    for _ in range(3):
        a = kc.assess(p, as_of=on, rulebooks=[book])
        assert a.lines[0].status is LineStatus.COMPUTED
        assert [f.code for f in a.findings].count("user_supplied") == 1
    assert SupportItem.BRAND not in compile_tables(book, on).plain


def test_a_level_from_a_secondary_source_warns_on_every_assessment() -> None:
    on = date(2018, 5, 11)
    site = place(attributes=["difficult"])
    p = proposal(
        line(SupportItem.ENTERPRISE_FOUNDING, 15_000_000),
        beneficiaries=[beneficiary(production_site=site)],
    )
    for _ in range(3):
        a = kc.assess(p, as_of=on)
        # TT 28/2018 (secondary summary): at most 10,000,000 per enterprise.
        assert a.lines[0].allowed == Decimal(10_000_000)
        assert "secondary_source" in [f.code for f in a.findings]
    assert SupportItem.ENTERPRISE_FOUNDING not in compile_tables(national(), on).plain
