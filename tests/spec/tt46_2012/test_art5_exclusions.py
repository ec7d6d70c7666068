"""Khoản 1 Điều 5 TT 46/2012/TT-BCT: no support for fired clay bricks made in improved manual
kilns or ring kilns (building materials otherwise qualify)."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong import Status
from khuyencong.schemas import SupportItem

from ..builders import beneficiary, cited, line, proposal, run

TT46 = "46/2012/TT-BCT"
BRAND = line(SupportItem.BRAND, 70_000_000)


@pytest.mark.clause(f"{TT46}:5.1")
def test_5_1_clay_bricks_from_a_manual_or_ring_kiln_are_refused() -> None:
    b = beneficiary(
        industries=["building_materials"], fired_clay_bricks_in_manual_or_ring_kiln=True
    )
    a = run(proposal(BRAND, beneficiaries=[b]))
    assert a.status is Status.INELIGIBLE
    assert cited(a, "clay_brick_kiln_excluded") == f"{TT46}:5.1"


@pytest.mark.clause(f"{TT46}:5.1")
def test_5_1_other_building_materials_qualify() -> None:
    b = beneficiary(
        industries=["building_materials"], fired_clay_bricks_in_manual_or_ring_kiln=False
    )
    assert run(proposal(BRAND, beneficiaries=[b])).status is Status.ELIGIBLE


@pytest.mark.clause(TT46)
def test_before_the_circular_the_kiln_rule_is_not_encoded_naming_03_2005() -> None:
    # 10/02/2013 is the circular's first day; the day before, TT 03/2005/TT-BCN governed.
    b = beneficiary(
        industries=["building_materials"], fired_clay_bricks_in_manual_or_ring_kiln=True
    )
    a = run(proposal(BRAND, beneficiaries=[b]), date(2013, 2, 9))
    (note,) = [f for f in a.findings if f.code == "not_encoded" and f.beneficiary == 0]
    assert note.instrument == "03/2005/TT-BCN"
    assert a.status is not Status.ELIGIBLE
