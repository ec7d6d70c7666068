"""Điều 7 Thông tư 26/2014/TT-BCT: the four groups of basic criteria of the selection."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rulebooks import NotEncoded, Resolved, national
from khuyencong.selection import Criterion

TT26 = "26/2014/TT-BCT"


@pytest.mark.clause(f"{TT26}:7.1")
def test_7_1_four_groups_of_criteria_from_21_october_2014() -> None:
    # Khoản 1 Điều 7: a) market and growth; b) economic, technical, social and environmental;
    # c) cultural and aesthetic; d) other.  The detail (Phụ lục 3, 4) is not in the text here.
    found = national().resolve("typical_products.criteria", date(2014, 10, 21))
    assert isinstance(found, Resolved)
    assert found.codes == (
        Criterion.MARKET_AND_GROWTH,
        Criterion.ECONOMIC_TECHNICAL_SOCIAL_ENVIRONMENTAL,
        Criterion.CULTURAL_AESTHETIC,
        Criterion.OTHER,
    )
    assert found.citation.vi == "Khoản 1 Điều 7 Thông tư 26/2014/TT-BCT"


@pytest.mark.clause(f"{TT26}:7.1")
def test_7_1_before_the_circular_the_criteria_are_not_encoded() -> None:
    found = national().resolve("typical_products.criteria", date(2014, 10, 20))
    assert isinstance(found, NotEncoded)
    assert found.instrument == "35/2010/TT-BCT"
