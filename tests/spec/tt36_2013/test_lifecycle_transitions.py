"""The national path of TT 36/2013/TT-BCT (Điều 8, 10, 12, 18, 20-23), its side paths, and the
local path set by the province (Điểm b khoản 3 Điều 8 TT 46/2012/TT-BCT).

The tables of single steps (who may act, returns, rejections, direct registration, bidding, the
order of dates) are spec cases: ``tests/spec/cases/tt36_2013_transitions.toml``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from khuyencong.rulebooks import load_rulebook
from khuyencong.rules.lifecycle import LocalProcedure, TransitionRefused, transition
from khuyencong.schemas import Authority, Citation, Proposal, ProposalState

from .helpers import PATH, national, walk

TT36 = "36/2013/TT-BCT"
TT46 = "46/2012/TT-BCT"


def _tt36(article: int, clause: int | None = None, point: str | None = None) -> Citation:
    return Citation(document="36/2013/TT-BCT", article=article, clause=clause, point=point)


EXPECTED = {
    "register": (ProposalState.REGISTERED, _tt36(10, 1)),
    "appraise_base": (ProposalState.BASE_APPRAISED, _tt36(8, 1, "a")),
    "appraise_ministry": (ProposalState.MINISTRY_APPRAISED, _tt36(8, 2)),
    "approve": (ProposalState.APPROVED, _tt36(8, 3)),
    "contract": (ProposalState.CONTRACTED, _tt36(12, 1)),
    "start": (ProposalState.IN_PROGRESS, _tt36(23, 2)),
}


@pytest.mark.clause(f"{TT36}:10.1")
@pytest.mark.clause(f"{TT36}:8.1.a")
@pytest.mark.clause(f"{TT36}:8.2")
@pytest.mark.clause(f"{TT36}:8.3")
@pytest.mark.clause(f"{TT36}:12.1")
@pytest.mark.clause(f"{TT36}:23.2")
@pytest.mark.clause(f"{TT36}:21.1")
@pytest.mark.clause(f"{TT36}:18.2")
def test_national_path_cites_every_step() -> None:
    p = national()
    for event, actor, on in PATH:
        q = transition(p, event, as_of=on, actor=actor)
        entry = q.history[-1]
        assert (entry.to_state, entry.citation) == EXPECTED[event]
        assert entry.from_state is p.state
        assert entry.on == on
        assert entry.authority is Authority(actor)
        p = q
    assert p.approved_on == date(2016, 1, 10)
    p = transition(p, "accept_base", as_of=date(2016, 10, 31), actor="provincial_department")
    assert p.history[-1].citation == _tt36(21, 1)
    p = transition(p, "settle", as_of=date(2017, 1, 10), actor="department")
    assert p.state is ProposalState.SETTLED
    assert p.history[-1].citation == _tt36(18, 2)
    assert len(p.history) == 8


@pytest.mark.clause(f"{TT36}:18.2")
def test_illegal_transition_leaves_the_proposal_as_it_was() -> None:
    p = walk(national(), "approve")
    before = p.model_dump()
    with pytest.raises(TransitionRefused) as caught:
        transition(p, "settle", as_of=date(2016, 2, 1), actor="department")
    assert caught.value.code == "illegal_state"
    assert caught.value.citation == _tt36(18, 2)
    assert caught.value.refusal.from_state is ProposalState.APPROVED
    assert "Art 18.2" in str(caught.value)
    assert p.model_dump() == before
    assert p.state is ProposalState.APPROVED


@pytest.mark.clause(f"{TT36}:8.1.a")
def test_named_actor_with_its_authority() -> None:
    p = walk(national(), "register")
    q = transition(
        p,
        "appraise_base",
        as_of=date(2015, 6, 1),
        actor="Sở Công Thương Bắc Giang",
        authority="provincial_department",
    )
    assert q.history[-1].actor == "Sở Công Thương Bắc Giang"
    assert q.history[-1].authority is Authority.PROVINCIAL_DEPARTMENT


@pytest.mark.clause(f"{TT36}:8.1.a")
@pytest.mark.clause("17/2018/TT-BCT")
def test_not_encoded_after_tt36_names_tt17_2018() -> None:
    p = walk(national(plan_year=2017, start="2017-03-01", end="2017-10-31"), "register")
    with pytest.raises(TransitionRefused) as caught:
        transition(p, "appraise_base", as_of=date(2018, 1, 1), actor="provincial_department")
    assert caught.value.code == "not_encoded"
    assert caught.value.citation == Citation(document="17/2018/TT-BCT")
    assert p.state is ProposalState.REGISTERED


def _local() -> Proposal:
    return Proposal.model_validate(
        {**national().model_dump(), "funding": {"kind": "local", "level": "province"}}
    )


@pytest.mark.clause(f"{TT46}:8.3.b")
def test_local_path_needs_the_provincial_procedure() -> None:
    with pytest.raises(TransitionRefused) as caught:
        transition(_local(), "register", as_of=date(2016, 1, 5), actor="implementing_unit")
    assert caught.value.citation == Citation(
        document="46/2012/TT-BCT", article=8, clause=3, point="b"
    )


@pytest.mark.clause(f"{TT46}:8.3.b")
def test_local_path_user_sequence() -> None:
    decision = Citation(document="15/2015/QĐ-UBND", article=5)
    procedure = LocalProcedure.linear(
        [
            ("register", "registered", "implementing_unit"),
            ("approve", "approved", "provincial_committee"),
            ("accept_base", "accepted", "provincial_department"),
            ("settle", "settled", "provincial_department"),
        ],
        citation=decision,
    )
    p = transition(
        _local(), "register", as_of=date(2016, 1, 5), actor="implementing_unit", procedure=procedure
    )
    with pytest.raises(TransitionRefused) as caught:
        transition(p, "approve", as_of=date(2016, 1, 6), actor="ministry", procedure=procedure)
    assert caught.value.citation == decision
    p = transition(
        p, "approve", as_of=date(2016, 1, 6), actor="provincial_committee", procedure=procedure
    )
    assert p.history[-1].citation == decision
    assert p.state is ProposalState.APPROVED


OVERLAY = """
[meta]
id = "vd-tinh"
title_vi = "Quy trình khuyến công địa phương (ví dụ)"
title_en = "Local procedure (example)"
kind = "provincial"
province = "Ví dụ"
illustrative = true

[[documents]]
number = "15/2015/QĐ-UBND"
title_vi = "Quyết định ban hành quy chế quản lý kinh phí khuyến công địa phương (ví dụ)"
title_en = "Decision on local khuyến công funds (example)"
issuer = "UBND tỉnh"
effective_from = 2015-03-01

[domains.local_procedure]
label_vi = "Quy trình khuyến công địa phương"
label_en = "Local khuyến công procedure"
periods = [{ document = "15/2015/QĐ-UBND", from = 2015-03-01 }]

[params."local.procedure"]
type = "table"
label_vi = "Các bước của đề án khuyến công địa phương"
label_en = "Steps of a local proposal"
domain = "local_procedure"
values = [{ from = 2015-03-01, provenance = "official_text", citation = { document = "15/2015/QĐ-UBND", article = 5 }, value = { register = ["draft", "registered", "implementing_unit"], approve = ["registered", "approved", "provincial_committee"], stop = ["registered|approved", "stopped", "provincial_committee"] } }]
"""


@pytest.mark.clause(f"{TT46}:8.3.b")
def test_local_path_from_a_provincial_overlay(tmp_path: Path) -> None:
    path = tmp_path / "overlay.toml"
    path.write_text(OVERLAY, "utf-8")
    overlay = load_rulebook(path)
    procedure = LocalProcedure.from_rulebook(overlay, date(2016, 1, 1))
    p = transition(
        _local(), "register", as_of=date(2016, 1, 5), actor="implementing_unit", procedure=procedure
    )
    p = transition(
        p, "stop", as_of=date(2016, 2, 1), actor="provincial_committee", procedure=procedure
    )
    assert p.state is ProposalState.STOPPED
    assert p.history[-1].citation == Citation(document="15/2015/QĐ-UBND", article=5)


@pytest.mark.clause(f"{TT36}:1.1")
def test_the_circular_governs_national_steps_only_from_10_february_2014() -> None:
    # Khoản 1 Điều 1 TT 36/2013: the circular sets the national procedure; it took effect on
    # 10/02/2014 (Khoản 1 Điều 24), replacing QĐ 08/2008/QĐ-BCT, which is not encoded.
    p = national()
    with pytest.raises(TransitionRefused, match=r"08/2008/QĐ-BCT") as caught:
        transition(p, "register", as_of=date(2014, 2, 9), actor="implementing_unit")
    assert caught.value.code == "not_encoded"
    registered = transition(p, "register", as_of=date(2014, 2, 10), actor="implementing_unit")
    assert registered.state is ProposalState.REGISTERED
