"""Điều 18 TT 36/2013/TT-BCT: settlement dossier within 15 days of the last base acceptance
(khoản 1); liquidation and settlement no later than 22 January of the following year (khoản 2)."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rules.calendar import (
    Deadline,
    DeadlineNotEncoded,
    DeadlineStatus,
    deadlines,
    overdue,
)
from khuyencong.rules.lifecycle import transition
from khuyencong.schemas import Citation, Proposal

from .helpers import national, walk

TT36 = "36/2013/TT-BCT"


def _accepted(on: date, plan_year: int = 2016) -> Proposal:
    p = walk(national(plan_year=plan_year), "start")
    return transition(p, "accept_base", as_of=on, actor="provincial_department")


def _get(p: Proposal, code: str, as_of: date, **kw: object) -> Deadline:
    found = [d for d in deadlines(p, as_of=as_of, **kw) if d.code == code]  # type: ignore[arg-type]
    assert len(found) == 1
    result = found[0]
    assert isinstance(result, Deadline)
    return result


@pytest.mark.clause(f"{TT36}:18.1")
@pytest.mark.parametrize(
    ("accepted", "due"),
    [
        (date(2016, 2, 14), date(2016, 2, 29)),  # leap year: 29 February exists
        (date(2016, 2, 20), date(2016, 3, 6)),
        (date(2016, 12, 20), date(2017, 1, 4)),  # across the year end
    ],
)
def test_art18_1_dossier_15_days(accepted: date, due: date) -> None:
    p = walk(national(start="2016-01-01"), "contract")
    p = transition(p, "start", as_of=date(2016, 2, 2), actor="implementing_unit")
    p = transition(p, "accept_base", as_of=accepted, actor="provincial_department")
    got = _get(p, "settlement_dossier", as_of=due)
    assert got.due == due
    assert got.citation == Citation(document="36/2013/TT-BCT", article=18, clause=1)


@pytest.mark.clause(f"{TT36}:18.1")
def test_art18_1_dossier_common_year() -> None:
    # 2015 is not a leap year: 14 February + 15 days is 1 March.
    p = national(plan_year=2015, start="2015-01-01", end="2015-10-31")
    steps = [
        ("register", "implementing_unit", date(2014, 5, 10)),
        ("appraise_base", "provincial_department", date(2014, 5, 30)),
        ("appraise_ministry", "department", date(2014, 9, 1)),
        ("approve", "ministry", date(2015, 1, 5)),
        ("contract", "department", date(2015, 1, 20)),
        ("start", "implementing_unit", date(2015, 1, 25)),
        ("accept_base", "provincial_department", date(2015, 2, 14)),
    ]
    for event, actor, on in steps:
        p = transition(p, event, as_of=on, actor=actor)
    assert _get(p, "settlement_dossier", as_of=date(2015, 3, 1)).due == date(2015, 3, 1)


@pytest.mark.clause(f"{TT36}:18.1")
@pytest.mark.parametrize(
    ("filed", "status"),
    [(date(2016, 10, 16), DeadlineStatus.MET), (date(2016, 10, 17), DeadlineStatus.MET_LATE)],
)
def test_art18_1_dossier_boundary(filed: date, status: DeadlineStatus) -> None:
    p = _accepted(date(2016, 10, 1))
    got = _get(p, "settlement_dossier", as_of=date(2016, 12, 1), dossier_filed_on=filed)
    assert got.due == date(2016, 10, 16)
    assert got.status is status


@pytest.mark.clause(f"{TT36}:18.1")
@pytest.mark.parametrize(
    ("as_of", "late"), [(date(2016, 10, 16), False), (date(2016, 10, 17), True)]
)
def test_art18_1_dossier_overdue(as_of: date, late: bool) -> None:
    p = _accepted(date(2016, 10, 1))
    codes = {d.code for d in overdue(p, as_of)}
    assert ("settlement_dossier" in codes) is late


@pytest.mark.clause(f"{TT36}:18.2")
@pytest.mark.parametrize(("as_of", "late"), [(date(2017, 1, 22), False), (date(2017, 1, 23), True)])
def test_art18_2_settlement_by_22_january(as_of: date, late: bool) -> None:
    p = _accepted(date(2016, 10, 1))
    got = _get(p, "settlement", as_of=as_of, dossier_filed_on=date(2016, 10, 10))
    assert got.due == date(2017, 1, 22)
    assert got.citation == Citation(document="36/2013/TT-BCT", article=18, clause=2)
    assert (got.status is DeadlineStatus.OVERDUE) is late


@pytest.mark.clause(f"{TT36}:18.2")
def test_art18_2_settled_on_the_day_is_on_time() -> None:
    p = _accepted(date(2016, 10, 1))
    s = transition(p, "settle", as_of=date(2017, 1, 22), actor="department")
    assert _get(s, "settlement", as_of=date(2017, 3, 1)).status is DeadlineStatus.MET
    assert overdue(s, date(2017, 3, 1), dossier_filed_on=date(2016, 10, 10)) == ()


@pytest.mark.clause(f"{TT36}:18.2")
@pytest.mark.clause("17/2018/TT-BCT")
def test_art18_2_extension_moves_the_year() -> None:
    p = walk(national(plan_year=2016), "start")
    p = transition(
        p,
        "extend",
        as_of=date(2016, 11, 1),
        actor="ministry",
        reason="thiết bị giao chậm",
        provincial_confirmation="Văn bản 88/SCT",
    )
    found = [d for d in deadlines(p, as_of=date(2016, 12, 1)) if d.code == "settlement"]
    # Extended into 2017: settlement by 22/01/2018, a day TT 17/2018/TT-BCT governs here.
    assert isinstance(found[0], DeadlineNotEncoded)
    assert found[0].instrument == "17/2018/TT-BCT"


@pytest.mark.clause(f"{TT36}:18.2")
def test_art18_2_plan_year_deadline() -> None:
    settle = next(d for d in deadlines(2015, as_of=date(2016, 1, 23)) if d.code == "settlement")
    assert isinstance(settle, Deadline)
    assert settle.due == date(2016, 1, 22)
    assert settle.status is DeadlineStatus.PASSED
