"""Điều 3 TT 36/2013/TT-BCT: bidding (khoản 1) or selection (khoản 2)."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.errors import NotEncodedError
from khuyencong.rules.procurement import procurement_method
from khuyencong.schemas import Citation, ProcurementMethod, Proposal

from .helpers import national

TT36 = "36/2013/TT-BCT"
TT46 = "46/2012/TT-BCT"

ON = date(2016, 3, 1)


@pytest.mark.clause(f"{TT36}:3.1")
@pytest.mark.parametrize(
    "item",
    [
        "domestic_fair_organisation",  # tổ chức hội chợ, triển lãm trong nước
        "foreign_fair",  # ... và nước ngoài
        "foreign_fair_organisation",  # tổ chức hội chợ, triển lãm ... nước ngoài
        "foreign_fair_participation",  # hỗ trợ tham gia hội chợ triển lãm ... nước ngoài
        "domestic_fair_participation",  # hỗ trợ tham gia hội chợ triển lãm trong nước
        "cluster_infrastructure",  # hỗ trợ đầu tư hạ tầng cụm công nghiệp
        "pollution_system_new_cluster",  # đầu tư hệ thống xử lý ô nhiễm tại cụm công nghiệp
        "media",  # các đề án truyền thông
    ],
)
def test_art3_clause1_listed_items_are_bid(item: str) -> None:
    method, citation = procurement_method(national(item), ON)
    assert method is ProcurementMethod.BIDDING
    assert citation == Citation(document="36/2013/TT-BCT", article=3, clause=1)


@pytest.mark.clause(f"{TT36}:3.2")
@pytest.mark.parametrize(
    "item",
    [
        "vocational_training",
        "brand",
        "machinery_and_technology",
        # repairing or upgrading a cluster's system (Điểm p khoản 2 Điều 6 TTLT 26/2014) is not
        # "đầu tư hệ thống xử lý ô nhiễm môi trường" of clause 1
        "pollution_treatment_cluster",
    ],
)
def test_art3_clause2_other_proposals_are_selected(item: str) -> None:
    decision = procurement_method(national(item), ON)
    assert decision.method is ProcurementMethod.SELECTION
    assert decision.citation == Citation(document="36/2013/TT-BCT", article=3, clause=2)


@pytest.mark.clause(f"{TT36}:3.2")
def test_art3_clause2_department_head_may_require_bidding() -> None:
    decision = procurement_method(national("brand", procurement="bidding"), ON)
    assert decision.method is ProcurementMethod.BIDDING
    assert decision.citation.clause == 2
    assert decision.notes[0].code == "bidding_decided_by_department_head"


@pytest.mark.clause(f"{TT36}:3.1")
@pytest.mark.clause("17/2018/TT-BCT")
def test_art3_not_encoded_under_tt17_2018() -> None:
    with pytest.raises(NotEncodedError, match="17/2018/TT-BCT") as caught:
        procurement_method(national("media"), date(2018, 3, 1))
    # The error carries the rulebook's structured answer, not only its English reason.
    assert caught.value.instrument == "17/2018/TT-BCT"
    assert caught.value.not_encoded is not None
    assert "17/2018/TT-BCT" in caught.value.not_encoded.reason_vi


@pytest.mark.clause(f"{TT46}:8.3.b")
def test_art3_local_proposals_follow_the_province() -> None:
    local = Proposal.model_validate(
        {**national().model_dump(), "funding": {"kind": "local", "level": "province"}}
    )
    with pytest.raises(NotEncodedError, match=r"Art 8\.3\.b of Circular 46/2012/TT-BCT"):
        procurement_method(local, ON)
