"""Điều 10 (and 6.1.a) TT 36/2013/TT-BCT: registration before 20 May with the provincial
Department, before 15 June with the Agency, in the year before the plan year."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rules.calendar import (
    Deadline,
    DeadlineNotEncoded,
    DeadlineStatus,
    deadlines,
    registration_deadline,
)
from khuyencong.rules.lifecycle import TransitionRefused, transition
from khuyencong.schemas import Citation, ProposalState

from .helpers import national

TT36 = "36/2013/TT-BCT"


def _due(plan_year: int, *, direct: bool = False) -> date:
    found = registration_deadline(plan_year, direct=direct, as_of=date(2015, 1, 1))
    assert isinstance(found, Deadline)
    return found.due


@pytest.mark.clause(f"{TT36}:10.1.b")
@pytest.mark.clause(f"{TT36}:6.1.a")
def test_art10_1_b_before_20_may_of_the_previous_year() -> None:
    # "trước 20 tháng 5": 19 May is the last day on time.
    assert _due(2016) == date(2015, 5, 19)
    assert _due(2017) == date(2016, 5, 19)  # leap year: same day
    found = registration_deadline(2016, as_of=date(2015, 1, 1))
    assert isinstance(found, Deadline)
    assert found.citation == Citation(document="36/2013/TT-BCT", article=10, clause=1, point="b")


@pytest.mark.clause(f"{TT36}:10.2.b")
def test_art10_2_b_before_15_june_with_the_agency() -> None:
    assert _due(2016, direct=True) == date(2015, 6, 14)


@pytest.mark.clause(f"{TT36}:10.1.b")
@pytest.mark.clause(f"{TT36}:24.1")
def test_art10_first_year_under_tt36_and_before_it() -> None:
    # Plan 2015 registers in 2014: TT 36/2013 governs from 10/02/2014.
    assert _due(2015) == date(2014, 5, 19)
    # Plan 2014 registered in 2013, under QĐ 08/2008/QĐ-BCT, which is not encoded.
    found = registration_deadline(2014, as_of=date(2013, 1, 1))
    assert isinstance(found, DeadlineNotEncoded)
    assert found.instrument == "08/2008/QĐ-BCT"


@pytest.mark.clause(f"{TT36}:10.1.b")
@pytest.mark.clause("17/2018/TT-BCT")
def test_art10_last_plan_year_and_tt17_2018() -> None:
    assert _due(2018) == date(2017, 5, 19)
    found = registration_deadline(2019, as_of=date(2018, 1, 1))
    assert isinstance(found, DeadlineNotEncoded)
    assert found.instrument == "17/2018/TT-BCT"


@pytest.mark.clause(f"{TT36}:10.1.b")
def test_art10_plan_year_deadlines() -> None:
    codes = {d.code: d for d in deadlines(2016, as_of=date(2015, 5, 19))}
    base = codes["registration_base"]
    assert isinstance(base, Deadline)
    assert base.status is DeadlineStatus.PENDING
    later = {d.code: d for d in deadlines(2016, as_of=date(2015, 5, 20))}["registration_base"]
    assert isinstance(later, Deadline)
    assert later.status is DeadlineStatus.PASSED


@pytest.mark.clause(f"{TT36}:10.1.b")
@pytest.mark.parametrize(("day", "ok"), [(date(2015, 5, 19), True), (date(2015, 5, 20), False)])
def test_art10_1_b_register_transition_boundary(day: date, ok: bool) -> None:
    p = national()
    if ok:
        q = transition(p, "register", as_of=day, actor="implementing_unit")
        assert q.state is ProposalState.REGISTERED
        assert q.history[-1].citation == Citation(document="36/2013/TT-BCT", article=10, clause=1)
    else:
        with pytest.raises(TransitionRefused) as caught:
            transition(p, "register", as_of=day, actor="implementing_unit")
        assert caught.value.code == "registration_late"
        assert caught.value.citation == Citation(
            document="36/2013/TT-BCT", article=10, clause=1, point="b"
        )


@pytest.mark.clause(f"{TT36}:10.1.b")
def test_art10_1_b_other_cases_by_guidance() -> None:
    q = transition(
        national(),
        "register",
        as_of=date(2015, 6, 1),
        actor="implementing_unit",
        guidance="Công văn 123/SCT-QLCN",
    )
    # the history is stored data with no reader's language: the words in both (issue 17)
    assert q.history[-1].reason == "Theo hướng dẫn / Following guidance: Công văn 123/SCT-QLCN"


@pytest.mark.clause(f"{TT36}:8.1.b")
@pytest.mark.clause(f"{TT36}:10.2.b")
@pytest.mark.parametrize(("day", "ok"), [(date(2015, 6, 14), True), (date(2015, 6, 15), False)])
def test_art8_1_b_direct_registration_uses_the_15_june_deadline(day: date, ok: bool) -> None:
    p = national()
    if ok:
        q = transition(p, "register", as_of=day, actor="regional_centre")
        assert q.history[-1].citation == Citation(
            document="36/2013/TT-BCT", article=8, clause=1, point="b"
        )
    else:
        with pytest.raises(TransitionRefused, match=r"Art 10\.2\.b"):
            transition(p, "register", as_of=day, actor="regional_centre")


@pytest.mark.clause(f"{TT36}:10.1.b")
def test_art10_proposal_overdue_registration() -> None:
    p = national()
    base = next(d for d in deadlines(p, as_of=date(2015, 5, 20)) if d.code == "registration_base")
    assert isinstance(base, Deadline)
    assert base.status is DeadlineStatus.OVERDUE
    # "Trường hợp khác theo hướng dẫn của Sở Công Thương": said in both languages (issue 17)
    assert "theo hướng dẫn của Sở Công Thương" in base.note
    assert "as the Department of Industry and Trade" in base.note_en
    q = transition(p, "register", as_of=date(2015, 5, 19), actor="implementing_unit")
    met = next(d for d in deadlines(q, as_of=date(2015, 8, 1)) if d.code == "registration_base")
    assert isinstance(met, Deadline)
    assert met.status is DeadlineStatus.MET
