"""TTLT 26/2014/TTLT-BTC-BCT governs support levels from 08/04/2014 (until 10/05/2018).

Before it, TTLT 125/2009/TTLT-BTC-BCT governed; the library does not encode that text, so every
level on 07/04/2014 is "not encoded" and names it, never the 2014 figures.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from khuyencong.rules import LineStatus
from khuyencong.schemas import SupportItem

from ..builders import line, proposal, run

TTLT = "26/2014/TTLT-BTC-BCT"
I = SupportItem  # noqa: E741


@pytest.mark.clause(TTLT)
@pytest.mark.parametrize("item", [I.BRAND, I.DEMONSTRATION_NEW_TECHNOLOGY, I.CONSULTING])
def test_the_day_before_the_joint_circular_levels_are_not_encoded_naming_125_2009(
    item: SupportItem,
) -> None:
    a = run(proposal(line(item, 100_000_000)), date(2014, 4, 7))
    (result,) = a.lines
    assert result.status is LineStatus.NOT_ENCODED
    assert result.allowed is None
    assert result.instruments == ("125/2009/TTLT-BTC-BCT",)
    assert a.support is None  # not known, never 0


@pytest.mark.clause(f"{TTLT}:6.2.h")
def test_on_the_day_the_joint_circular_takes_effect_the_brand_level_applies() -> None:
    a = run(proposal(line(I.BRAND, 100_000_000)), date(2014, 4, 8))
    # 50 % of 100,000,000 = 50,000,000 > cap 35,000,000
    assert a.lines[0].allowed == Decimal(35_000_000)
    assert a.lines[0].citation is not None
    assert a.lines[0].citation.key == f"{TTLT}:6.2.h"


@pytest.mark.clause(f"{TTLT}:7")
def test_the_day_before_the_joint_circular_its_conditions_are_not_encoded() -> None:
    a = run(proposal(line(I.BRAND, 100_000_000)), date(2014, 4, 7))
    (note,) = [f for f in a.findings if f.code == "support_conditions_not_encoded"]
    assert note.instrument == "125/2009/TTLT-BTC-BCT"


@pytest.mark.clause(f"{TTLT}:6.2.c")
def test_the_last_day_of_the_joint_circular_its_levels_still_apply() -> None:
    a = run(proposal(line(I.MACHINERY_AND_TECHNOLOGY, 300_000_000)), date(2018, 5, 10))
    # 50 % of 300,000,000 = 150,000,000 < cap 200,000,000
    assert a.lines[0].allowed == Decimal(150_000_000)
