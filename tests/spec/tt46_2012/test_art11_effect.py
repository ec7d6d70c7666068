"""Điều 11 TT 46/2012/TT-BCT: the circular takes effect on 10/02/2013 (its detailed rules answer
"not encoded", naming TT 03/2005/TT-BCN, before)."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rulebooks import national
from khuyencong.rulebooks.core import NotEncoded, Resolved

TT46 = "46/2012/TT-BCT"


@pytest.mark.clause(f"{TT46}:11")
@pytest.mark.parametrize(("day", "encoded"), [(date(2013, 2, 9), False), (date(2013, 2, 10), True)])
def test_art11_in_force_from_10_02_2013(day: date, encoded: bool) -> None:
    result = national().resolve("local.procedure_set_by_province", day)
    assert isinstance(result, Resolved) is encoded
    if isinstance(result, NotEncoded):
        assert result.instrument == "03/2005/TT-BCN"
