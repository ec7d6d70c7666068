"""Điều 4 NĐ 45/2012/NĐ-CP lists nine activity contents (khoản 1 to 9); Điều 18: the decree takes
effect on 05/07/2012 (the programme rules answer "not encoded", naming NĐ 134/2004, before)."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rulebooks import national
from khuyencong.rulebooks.core import NotEncoded, Resolved
from khuyencong.schemas.codes import ActivityContent

ND45 = "45/2012/NĐ-CP"


@pytest.mark.clause(f"{ND45}:4")
def test_art4_nine_activity_contents() -> None:
    # Khoản 1 to 9 in the order of the decree: training; management capacity; demonstration and
    # technology; typical products; consulting; information; linkage; international
    # cooperation; programme management.
    assert [c.value for c in ActivityContent] == [
        "vocational_training",
        "capacity_building",
        "demonstration_and_technology",
        "typical_products_and_promotion",
        "consulting",
        "information",
        "linkage_and_clusters",
        "international_cooperation",
        "programme_management",
    ]


@pytest.mark.clause(f"{ND45}:18")
@pytest.mark.parametrize(("day", "encoded"), [(date(2012, 7, 4), False), (date(2012, 7, 5), True)])
def test_art18_in_force_from_05_07_2012(day: date, encoded: bool) -> None:
    result = national().resolve("beneficiary.rural_establishment_kinds", day)
    assert isinstance(result, Resolved) is encoded
    if isinstance(result, NotEncoded):
        assert result.instrument == "134/2004/NĐ-CP"
