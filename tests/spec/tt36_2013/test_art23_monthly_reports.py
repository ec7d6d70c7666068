"""Điểm a (second) khoản 3 Điều 23 TT 36/2013/TT-BCT: monthly progress reports before the 25th."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rules.calendar import Deadline, DeadlineStatus, deadlines, overdue
from khuyencong.rules.lifecycle import transition
from khuyencong.schemas import Citation

from .helpers import national, walk

TT36 = "36/2013/TT-BCT"


def _reports(as_of: date, **kw: object) -> list[Deadline]:
    p = walk(national(), "start")  # contract signed on 01/02/2016
    out = [d for d in deadlines(p, as_of=as_of, **kw) if d.code == "monthly_report"]  # type: ignore[arg-type]
    assert all(isinstance(d, Deadline) for d in out)
    return [d for d in out if isinstance(d, Deadline)]


@pytest.mark.clause(f"{TT36}:23.3.a")
def test_art23_before_the_25th_of_each_month() -> None:
    reports = _reports(date(2016, 4, 10))
    assert [r.due for r in reports] == [date(2016, 2, 24), date(2016, 3, 24), date(2016, 4, 24)]
    assert reports[0].citation == Citation(
        document="36/2013/TT-BCT", article=23, clause=3, point="a"
    )
    assert reports[0].status is DeadlineStatus.PASSED  # filing dates not given
    assert reports[-1].status is DeadlineStatus.PENDING


@pytest.mark.clause(f"{TT36}:23.3.a")
@pytest.mark.parametrize(
    ("filed", "status"),
    [(date(2016, 3, 24), DeadlineStatus.MET), (date(2016, 3, 25), DeadlineStatus.MET_LATE)],
)
def test_art23_boundary(filed: date, status: DeadlineStatus) -> None:
    filed_map = {(2016, 2): date(2016, 2, 20), (2016, 3): filed}
    march = _reports(date(2016, 3, 30), reports_filed=filed_map)[1]
    assert march.period == (2016, 3)
    assert march.status is status


@pytest.mark.clause(f"{TT36}:23.3.a")
def test_art23_overdue_when_not_filed() -> None:
    p = walk(national(), "start")
    late = overdue(p, date(2016, 3, 25), reports_filed={(2016, 2): date(2016, 2, 24)})
    assert [d.period for d in late] == [(2016, 3)]
    assert overdue(p, date(2016, 3, 24), reports_filed={(2016, 2): date(2016, 2, 24)}) == ()


@pytest.mark.clause(f"{TT36}:23.3.a")
def test_art23_across_the_year_end_and_until_acceptance() -> None:
    p = national(plan_year=2016)
    steps = [
        ("register", "implementing_unit", date(2015, 5, 10)),
        ("appraise_base", "provincial_department", date(2015, 5, 30)),
        ("appraise_ministry", "department", date(2015, 9, 1)),
        ("approve", "ministry", date(2016, 1, 10)),
        ("contract", "department", date(2016, 12, 26)),
        ("start", "implementing_unit", date(2016, 12, 27)),
        ("accept_base", "provincial_department", date(2017, 2, 10)),
    ]
    for event, actor, on in steps:
        p = transition(p, event, as_of=on, actor=actor)
    reports = [d for d in deadlines(p, as_of=date(2017, 3, 30)) if d.code == "monthly_report"]
    # December's report fell due (24/12) before the contract; February's after acceptance.
    assert [r.due for r in reports if isinstance(r, Deadline)] == [date(2017, 1, 24)]
