"""Điều 7 TT 36/2013/TT-BCT: when the yearly national plan is assigned, point proposals first,
then priority by industry and area (Điều 6 TT 46/2012/TT-BCT) (khoản 1); between proposals of
like areas and industries, the unit with more experience and capacity (khoản 2)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from khuyencong.errors import NotEncodedError
from khuyencong.rules import rank, rank_national_plan
from khuyencong.schemas import Proposal

from ..builders import place
from .helpers import national

TT36 = "36/2013/TT-BCT"
ON = date(2015, 6, 1)


def _p(code: str, unit: str = "", *, kind: str = "regular", difficult: bool = False) -> Proposal:
    extra: dict[str, Any] = {"code": code, "implementing_unit": unit}
    if kind == "point":
        extra["contents"] = ["vocational_training", "consulting"]
    if difficult:
        extra["locations"] = [place(attributes=["especially_difficult"]).model_dump()]
    return national(kind=kind, **extra)


def _order(ranked: object) -> list[str]:
    return [r.proposal.code for r in ranked]  # type: ignore[attr-defined]


@pytest.mark.clause(f"{TT36}:7.1")
def test_art7_1_point_proposals_come_first_even_before_priority_areas() -> None:
    regular_priority = _p("A", difficult=True)
    point = _p("B", kind="point")
    ranked = rank_national_plan([regular_priority, point], as_of=ON)
    assert _order(ranked) == ["B", "A"]
    assert [r.point for r in ranked] == [True, False]
    # rank() alone (Khoản 3 Điều 6 TT 46/2012) does not look at the kind.
    assert [p.code for p, _ in rank([regular_priority, point], as_of=ON)] == ["A", "B"]


@pytest.mark.clause(f"{TT36}:7.1")
def test_art7_1_then_priority_area_before_none() -> None:
    ranked = rank_national_plan([_p("A"), _p("B", difficult=True)], as_of=ON)
    assert _order(ranked) == ["B", "A"]
    assert [r.position for r in ranked] == [1, 2]
    assert not any(r.tied for r in ranked)


@pytest.mark.clause(f"{TT36}:7.2")
@pytest.mark.parametrize(
    ("scores", "order", "positions", "tied"),
    [
        ({"U1": 3, "U2": 8}, ["B", "A"], [1, 2], [False, False]),  # more experience first
        ({"U1": 8, "U2": 3}, ["A", "B"], [1, 2], [False, False]),
        ({"U1": 5, "U2": 5}, ["A", "B"], [1, 1], [True, True]),  # equal: not decided
        ({"U1": 5}, ["A", "B"], [1, 1], [True, True]),  # a score missing: not decided
    ],
)
def test_art7_2_experience_breaks_ties_of_like_area_and_industry(
    scores: dict[str, int], order: list[str], positions: list[int], tied: list[bool]
) -> None:
    a, b = _p("A", "U1", difficult=True), _p("B", "U2", difficult=True)
    ranked = rank_national_plan([a, b], as_of=ON, experience=scores)
    assert _order(ranked) == order
    assert [r.position for r in ranked] == positions
    assert [r.tied for r in ranked] == tied
    assert {c.key for c in ranked[0].citations} == {f"{TT36}:7.1", f"{TT36}:7.2"}


@pytest.mark.clause(f"{TT36}:7.2")
def test_art7_2_experience_does_not_cross_priority_classes() -> None:
    plain, priority = _p("A", "U1"), _p("B", "U2", difficult=True)
    ranked = rank_national_plan([plain, priority], as_of=ON, experience={"U1": 10, "U2": 1})
    assert _order(ranked) == ["B", "A"]


@pytest.mark.clause(f"{TT36}:7.1")
def test_art7_only_national_proposals_and_the_circulars_period() -> None:
    with pytest.raises(NotEncodedError, match="08/2008/QĐ-BCT"):
        rank_national_plan([_p("A")], as_of=date(2014, 2, 9))
    assert len(rank_national_plan([_p("A")], as_of=date(2014, 2, 10))) == 1
    local = national(funding={"kind": "local", "province": "Bắc Giang"})
    with pytest.raises(NotEncodedError, match="46/2012/TT-BCT"):
        rank_national_plan([local], as_of=ON)
