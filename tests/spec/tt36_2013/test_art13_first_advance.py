"""Điều 13 TT 36/2013/TT-BCT: the first advance by form of proposal, within the 70 % ceiling of
Điểm b khoản 2 Điều 8 TTLT 26/2014/TTLT-BTC-BCT."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from khuyencong.errors import NotEncodedError
from khuyencong.rules.advances import (
    AdvanceForm,
    AdvanceStage,
    advance_allowance,
    advance_documents,
    advance_form,
)
from khuyencong.rules.lifecycle import TransitionRefused, transition
from khuyencong.schemas import Citation

from .helpers import national, walk

TT36 = "36/2013/TT-BCT"
TTLT = "26/2014/TTLT-BTC-BCT"

ON = date(2016, 3, 15)
FIRST = AdvanceStage.FIRST


def _tt36(article: int, clause: int | None = None, point: str | None = None) -> Citation:
    return Citation(document="36/2013/TT-BCT", article=article, clause=clause, point=point)


CEILING = Citation(document="26/2014/TTLT-BTC-BCT", article=8, clause=2, point="b")


@pytest.mark.parametrize(
    ("item", "form", "citation"),
    [
        pytest.param(
            "cluster_infrastructure",
            AdvanceForm.CLUSTER_WORKS,
            _tt36(13, 1),
            marks=pytest.mark.clause(f"{TT36}:13.1.a"),
        ),
        pytest.param(
            "pollution_system_new_cluster",  # xây dựng hệ thống xử lý ô nhiễm tại cụm CN
            AdvanceForm.CLUSTER_WORKS,
            _tt36(13, 1),
            marks=pytest.mark.clause(f"{TT36}:13.1.a"),
        ),
        pytest.param(
            "vocational_training",
            AdvanceForm.VOCATIONAL_TRAINING,
            _tt36(13, 2, "a"),
            marks=pytest.mark.clause(f"{TT36}:13.2.a"),
        ),
        pytest.param(
            "consulting",
            AdvanceForm.CAPACITY,
            _tt36(13, 2, "b"),
            marks=pytest.mark.clause(f"{TT36}:13.2.b"),
        ),
        pytest.param(
            "brand",
            AdvanceForm.CAPACITY,
            _tt36(13, 2, "b"),
            marks=pytest.mark.clause(f"{TT36}:13.2.b"),
        ),
        pytest.param(
            "linkage_cluster",
            AdvanceForm.CAPACITY,
            _tt36(13, 2, "b"),
            marks=pytest.mark.clause(f"{TT36}:13.2.b"),
        ),
        pytest.param(
            "domestic_fair_organisation",
            AdvanceForm.PROMOTION_AND_MEDIA,
            _tt36(13, 2, "c"),
            marks=pytest.mark.clause(f"{TT36}:13.2.c"),
        ),
        pytest.param(
            # "tổ chức hội chợ, triển lãm" without "trong nước": organising abroad is 2.c too
            "foreign_fair_organisation",
            AdvanceForm.PROMOTION_AND_MEDIA,
            _tt36(13, 2, "c"),
            marks=pytest.mark.clause(f"{TT36}:13.2.c"),
        ),
        pytest.param(
            "media",
            AdvanceForm.PROMOTION_AND_MEDIA,
            _tt36(13, 2, "c"),
            marks=pytest.mark.clause(f"{TT36}:13.2.c"),
        ),
        pytest.param(
            "cluster_detailed_planning",
            AdvanceForm.PROMOTION_AND_MEDIA,
            _tt36(13, 2, "c"),
            marks=pytest.mark.clause(f"{TT36}:13.2.c"),
        ),
        pytest.param(
            "demonstration_new_technology",
            AdvanceForm.INVESTMENT,
            _tt36(13, 2, "d"),
            marks=pytest.mark.clause(f"{TT36}:13.2.d"),
        ),
        pytest.param(
            "machinery_and_technology",
            AdvanceForm.INVESTMENT,
            _tt36(13, 2, "d"),
            marks=pytest.mark.clause(f"{TT36}:13.2.d"),
        ),
        pytest.param(
            "pollution_system_new_establishment",  # xây dựng hệ thống tại cơ sở CNNT
            AdvanceForm.INVESTMENT,
            _tt36(13, 2, "d"),
            marks=pytest.mark.clause(f"{TT36}:13.2.d"),
        ),
        pytest.param(
            "enterprise_founding",
            AdvanceForm.ENTERPRISE_FOUNDING,
            _tt36(13, 3),
            marks=pytest.mark.clause(f"{TT36}:13.3.a"),
        ),
    ],
)
def test_art13_forms(item: str, form: AdvanceForm, citation: Citation) -> None:
    decision = advance_form(national(item), ON)
    assert decision.form is form
    assert decision.citation == citation


@pytest.mark.clause(f"{TT36}:16.2")
def test_art16_2_unlisted_forms_are_for_the_department_head() -> None:
    decision = advance_form(national("relocation_interest"), ON)
    assert decision.form is None
    assert decision.citation == _tt36(16, 2)
    refused = advance_allowance(national("relocation_interest"), FIRST, ON)
    assert not refused.allowed
    decided = advance_allowance(
        national("relocation_interest", requested=90_000_000),
        FIRST,
        ON,
        ratio_decided=Decimal("0.5"),
    )
    assert decided.amount == Decimal(45_000_000)
    assert decided.rule == _tt36(16, 2)


@pytest.mark.clause(f"{TT36}:13.2.a")
def test_art13_2_a_vocational_training_70_percent() -> None:
    a = advance_allowance(national("vocational_training", 100_000_000), FIRST, ON)
    assert a.allowed
    assert a.ratio == Decimal("0.7")
    assert a.amount == Decimal(70_000_000)
    assert a.rule == _tt36(13, 2, "a")
    assert CEILING in a.citations


@pytest.mark.clause(f"{TT36}:13.2.b")
def test_art13_rounds_down_to_the_dong() -> None:
    # 70 % of 333,333,333 đồng is 233,333,333.1 → 233,333,333.
    a = advance_allowance(national("brand", 333_333_333), FIRST, ON)
    assert a.amount == Decimal(233_333_333)


@pytest.mark.clause(f"{TT36}:13.1.a")
@pytest.mark.clause(f"{TT36}:13.1.b")
@pytest.mark.parametrize(("progress", "ok"), [("0.50", False), ("0.51", True)])
def test_art13_1_cluster_works_30_percent_after_half_the_work(progress: str, ok: bool) -> None:
    p = national("cluster_infrastructure", 3_000_000_000, contents=("linkage_and_clusters",))
    a = advance_allowance(p, FIRST, ON, progress=Decimal(progress))
    assert a.allowed is ok
    if ok:
        assert a.amount == Decimal(900_000_000)
        assert a.rule == _tt36(13, 1, "a")
    else:
        assert a.reasons[0].citation == _tt36(13, 1, "b")


@pytest.mark.clause(f"{TT36}:13.2.d")
@pytest.mark.parametrize(("progress", "ok"), [("0.70", False), ("0.71", True)])
def test_art13_2_d_investment_after_70_percent_of_investment(progress: str, ok: bool) -> None:
    p = national(
        "machinery_and_technology", 200_000_000, contents=("demonstration_and_technology",)
    )
    a = advance_allowance(p, FIRST, ON, progress=Decimal(progress))
    assert a.allowed is ok
    assert a.amount == (Decimal(140_000_000) if ok else 0)


@pytest.mark.clause(f"{TT36}:13.3.a")
@pytest.mark.clause(f"{TT36}:13.3.b")
@pytest.mark.clause(f"{TTLT}:8.2.b")
def test_art13_3_enterprise_founding_after_base_acceptance_within_the_ceiling() -> None:
    p = national("enterprise_founding", 10_000_000, contents=("capacity_building",))
    before = advance_allowance(p, FIRST, ON)
    assert not before.allowed
    assert before.reasons[0].citation == _tt36(13, 3, "b")
    after = advance_allowance(p, FIRST, ON, base_accepted=True)
    # 100 % by Art 13.3, but advances stay within 70 % of the contract support (TTLT 8.2.b).
    assert after.ratio == Decimal(1)
    assert after.amount == Decimal(7_000_000)
    assert after.reasons[0].code == "contract_ceiling_binds"
    assert after.reasons[0].citation == CEILING


@pytest.mark.clause(f"{TT36}:13.1.b")
@pytest.mark.clause(f"{TT36}:13.2.a")
@pytest.mark.clause(f"{TT36}:23.3.a")
def test_art13_dossiers_cite_their_points() -> None:
    docs = advance_documents(national("vocational_training"), FIRST, ON)
    assert {d.citation for d in docs} == {_tt36(13, 2, "a")}
    assert any("Mẫu số 11" in d.label_vi for d in docs)
    cluster = advance_documents(national("cluster_infrastructure"), FIRST, ON)
    assert any("trên 50%" in d.label_vi for d in cluster)
    assert _tt36(23, 3, "a") in {d.citation for d in cluster}


@pytest.mark.clause(f"{TT36}:13.2.a")
def test_art13_advance_transition_refuses_above_the_ratio() -> None:
    p = walk(national("vocational_training", 100_000_000), "start")
    with pytest.raises(TransitionRefused) as caught:
        transition(p, "advance", as_of=ON, actor="department", amount=70_000_001)
    assert caught.value.citation == _tt36(13, 2, "a")
    q = transition(p, "advance", as_of=ON, actor="department", amount=70_000_000)
    assert q.history[-1].amount == Decimal(70_000_000)
    assert q.history[-1].citation == _tt36(13, 2, "a")
    assert q.state is p.state


@pytest.mark.clause(f"{TT36}:13.2.a")
@pytest.mark.clause(f"{TTLT}:10.1")
@pytest.mark.clause("17/2018/TT-BCT")
def test_advances_not_encoded_outside_the_encoded_instruments() -> None:
    p = national("vocational_training")
    # TT 36/2013 is in force, but the funding rules are TTLT 125/2009 (not encoded) until 08/04/2014.
    with pytest.raises(NotEncodedError, match="125/2009/TTLT-BTC-BCT"):
        advance_allowance(p, FIRST, date(2014, 3, 1))
    with pytest.raises(NotEncodedError, match="17/2018/TT-BCT"):
        advance_allowance(p, FIRST, date(2018, 2, 1))


@pytest.mark.clause(f"{TT36}:16.2")
@pytest.mark.parametrize(
    "item",
    [
        # 2.c names only "tham gia hội chợ triển lãm trong nước"
        "foreign_fair_participation",
        # the joined code cannot tell organising (2.c) from taking part
        "foreign_fair",
        # Art 13 names building a system, not repairing or upgrading one (TTLT 6.2.o, 6.2.p)
        "pollution_treatment_establishment",
        "pollution_treatment_cluster",
    ],
)
def test_art13_items_in_no_form_go_to_the_department_head(item: str) -> None:
    decision = advance_form(national(item), ON)
    assert decision.form is None
    assert decision.citation == _tt36(16, 2)
