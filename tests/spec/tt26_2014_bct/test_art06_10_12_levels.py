"""Khoản 2 Điều 6 (four levels), khoản 2 Điều 10 and Điều 12 (a product reaches a level through a
certificate of the level below) Thông tư 26/2014/TT-BCT; the district level after 01/07/2025."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rulebooks import NotEncoded, national
from khuyencong.schemas import Citation, Provenance
from khuyencong.selection import (
    Check,
    EntryRequirement,
    Refusal,
    SelectionLevel,
    entry_requirement,
    level_in_force,
)

from .builders import IN_FORCE

TT26 = "26/2014/TT-BCT"


@pytest.mark.clause(f"{TT26}:6.2")
def test_four_levels_in_order() -> None:
    levels = national().value("typical_products.levels", IN_FORCE)
    assert levels.codes == ("district", "province", "region", "national")
    assert levels.citation == Citation(document="26/2014/TT-BCT", article=6, clause=2)
    assert [lv.value for lv in SelectionLevel] == list(levels.codes)
    assert SelectionLevel.DISTRICT.below is None
    assert SelectionLevel.NATIONAL.above is None
    assert SelectionLevel.REGION.below is SelectionLevel.PROVINCE


@pytest.mark.clause(f"{TT26}:6.2")
@pytest.mark.clause(f"{TT26}:25.1")
def test_levels_not_encoded_before_21_october_2014() -> None:
    before = level_in_force(SelectionLevel.NATIONAL, date(2014, 10, 20))
    assert isinstance(before, NotEncoded)
    assert before.instrument == "35/2010/TT-BCT"
    after = level_in_force(SelectionLevel.NATIONAL, date(2014, 10, 21))
    assert isinstance(after, Check)
    assert after.passed


@pytest.mark.clause(f"{TT26}:3.1.a")
def test_district_level_exists_until_30_june_2025() -> None:
    last = level_in_force(SelectionLevel.DISTRICT, date(2025, 6, 30))
    assert isinstance(last, Check)
    assert last.passed


@pytest.mark.clause(f"{TT26}:3.1.a")
def test_district_level_refused_from_1_july_2025_naming_the_reform() -> None:
    refused = level_in_force(SelectionLevel.DISTRICT, date(2025, 7, 1))
    assert isinstance(refused, Refusal)
    assert not refused
    assert refused.code == "district_level_abolished"
    assert "01/07/2025" in refused.reason_vi
    assert "hai cấp" in refused.reason_vi
    assert refused.provenance is Provenance.SECONDARY
    assert refused.citation == Citation(document="26/2014/TT-BCT", article=3, clause=1, point="a")
    # the other levels still answer
    assert isinstance(level_in_force(SelectionLevel.PROVINCE, date(2025, 7, 1)), Check)


@pytest.mark.parametrize(
    ("level", "needs", "clause", "recommender"),
    [
        pytest.param(
            SelectionLevel.DISTRICT, None, 1, "", marks=pytest.mark.clause(f"{TT26}:12.1")
        ),
        pytest.param(
            SelectionLevel.PROVINCE,
            SelectionLevel.DISTRICT,
            2,
            "Ủy ban nhân dân cấp huyện",
            marks=pytest.mark.clause(f"{TT26}:12.2"),
        ),
        pytest.param(
            SelectionLevel.REGION,
            SelectionLevel.PROVINCE,
            3,
            "Ủy ban nhân dân cấp tỉnh",
            marks=pytest.mark.clause(f"{TT26}:12.3"),
        ),
        pytest.param(
            SelectionLevel.NATIONAL,
            SelectionLevel.REGION,
            4,
            "Cục trưởng Cục Công nghiệp địa phương",
            marks=pytest.mark.clause(f"{TT26}:12.4"),
        ),
    ],
)
def test_entry_through_the_level_below(
    level: SelectionLevel, needs: SelectionLevel | None, clause: int, recommender: str
) -> None:
    req = entry_requirement(level, IN_FORCE)
    assert isinstance(req, EntryRequirement)
    assert req.certificate_of is needs
    assert req.recommender_vi == recommender
    assert req.citation == Citation(document="26/2014/TT-BCT", article=12, clause=clause)


@pytest.mark.clause(f"{TT26}:12.2")
def test_provincial_entry_refused_after_the_reform() -> None:
    # Khoản 2 Điều 12 routes every provincial registration through the district level.
    assert isinstance(
        entry_requirement(SelectionLevel.PROVINCE, date(2025, 6, 30)), EntryRequirement
    )
    refused = entry_requirement(SelectionLevel.PROVINCE, date(2025, 7, 1))
    assert isinstance(refused, Refusal)
    assert refused.code == "province_entry_after_reform"
    assert isinstance(entry_requirement(SelectionLevel.REGION, date(2025, 7, 1)), EntryRequirement)
