"""Điều 4 TTLT 16/2011/TTLT-BCT-BNV: a provincial centre has a director and at most two deputy
directors (khoản 1 điểm a); each department a head and one deputy (khoản 2 điểm a); each branch a
head and one deputy (khoản 2 điểm b).  Điều 6: in force 45 days after signature (05/04/2011),
that is from 20/05/2011."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rulebooks import national
from khuyencong.rulebooks.core import Resolved
from khuyencong.rules import centre_structure

TTLT16 = "16/2011/TTLT-BCT-BNV"
ON = date(2015, 1, 1)


@pytest.mark.clause(f"{TTLT16}:4.1.a")
@pytest.mark.parametrize(
    ("deputies", "codes"), [(0, []), (2, []), (3, ["centre_too_many_deputy_directors"])]
)
def test_art4_1_a_at_most_two_deputy_directors(deputies: int, codes: list[str]) -> None:
    found = centre_structure(deputy_directors=deputies, as_of=ON)
    assert [f.code for f in found] == codes
    assert all(
        f.severity == "error" and f.citation is not None and f.citation.key == f"{TTLT16}:4.1.a"
        for f in found
    )


@pytest.mark.clause(f"{TTLT16}:4.2.a")
@pytest.mark.clause(f"{TTLT16}:4.2.b")
def test_art4_2_one_deputy_head_per_department_and_branch() -> None:
    found = centre_structure(
        deputy_directors=1, department_deputies=[1, 2, 0], branch_deputies=[1, 3], as_of=ON
    )
    assert [(f.code, f.citation.key if f.citation else None) for f in found] == [
        ("department_deputies_count", f"{TTLT16}:4.2.a"),
        ("department_deputies_count", f"{TTLT16}:4.2.a"),
        ("branch_deputies_count", f"{TTLT16}:4.2.b"),
    ]
    assert all(f.severity == "warning" for f in found)
    assert "Phòng thứ 2" in found[0].message_vi


@pytest.mark.clause(f"{TTLT16}:6")
@pytest.mark.parametrize(
    ("day", "encoded"), [(date(2011, 5, 19), False), (date(2011, 5, 20), True)]
)
def test_art6_in_force_45_days_after_signature(day: date, encoded: bool) -> None:
    assert isinstance(national().resolve("centre.effective", day), Resolved) is encoded
    found = centre_structure(deputy_directors=3, as_of=day)
    assert [f.code for f in found] == (
        ["centre_too_many_deputy_directors"] if encoded else ["not_encoded"]
    )
