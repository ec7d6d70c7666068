"""Điều 14 Thông tư 26/2014/TT-BCT: rounds every two years; district and provincial rounds
usually in odd years, regional and national ones usually in even years ("thường vào")."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rulebooks import national
from khuyencong.schemas import Citation
from khuyencong.selection import Region, SelectionLevel, SelectionRound, Verdict, check_round

from .builders import IN_FORCE

TT26 = "26/2014/TT-BCT"


def _round(level: SelectionLevel, year: int) -> SelectionRound:
    return SelectionRound(
        level=level,
        starts_on=date(year, 9, 1),
        ends_on=date(year, 9, 3),
        place="Nhà văn hóa",
        region=Region.NORTHERN if level is SelectionLevel.REGION else None,
    )


@pytest.mark.clause(f"{TT26}:14.1.a")
@pytest.mark.clause(f"{TT26}:14.2.a")
def test_interval_two_years() -> None:
    rb = national()
    assert rb.value("typical_products.round_interval_years.local", IN_FORCE).integer == 2
    assert rb.value("typical_products.round_interval_years.central", IN_FORCE).integer == 2


@pytest.mark.parametrize(
    ("level", "year", "usual", "point_clause"),
    [
        pytest.param(
            SelectionLevel.PROVINCE, 2015, True, 1, marks=pytest.mark.clause(f"{TT26}:14.1.a")
        ),
        pytest.param(
            SelectionLevel.PROVINCE, 2016, False, 1, marks=pytest.mark.clause(f"{TT26}:14.1.a")
        ),
        pytest.param(
            SelectionLevel.NATIONAL, 2016, True, 2, marks=pytest.mark.clause(f"{TT26}:14.2.a")
        ),
        pytest.param(
            SelectionLevel.REGION, 2017, False, 2, marks=pytest.mark.clause(f"{TT26}:14.2.a")
        ),
    ],
)
def test_usual_year_is_informative_never_a_failure(
    level: SelectionLevel, year: int, usual: bool, point_clause: int
) -> None:
    verdict = check_round(_round(level, year))
    assert isinstance(verdict, Verdict)
    check = verdict.check("round_year")
    assert check.passed is True
    assert ("không phải" not in check.message_vi) is usual
    assert check.citation == Citation(
        document="26/2014/TT-BCT", article=14, clause=point_clause, point="a"
    )


@pytest.mark.clause(f"{TT26}:3.1.c")
def test_region_only_for_regional_rounds() -> None:
    with pytest.raises(ValueError, match="region"):
        SelectionRound(
            level=SelectionLevel.NATIONAL,
            starts_on=IN_FORCE,
            ends_on=IN_FORCE,
            place="x",
            region=Region.SOUTHERN,
        )
    with pytest.raises(ValueError, match="region"):
        SelectionRound(level=SelectionLevel.REGION, starts_on=IN_FORCE, ends_on=IN_FORCE, place="x")
