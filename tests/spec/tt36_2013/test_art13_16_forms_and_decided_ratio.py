"""Khoản 1 and 3 Điều 13 (the forms whose first advance is 30 % and 100 %) and Khoản 1 Điều 16
(the Agency head decides another ratio) of TT 36/2013/TT-BCT."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from khuyencong.rules.advances import AdvanceForm, AdvanceStage, advance_allowance, advance_form

from .helpers import national

TT36 = "36/2013/TT-BCT"
ON = date(2016, 3, 1)


@pytest.mark.clause(f"{TT36}:13.1")
def test_cluster_infrastructure_is_the_form_of_clause_1() -> None:
    # Khoản 1 điểm a Điều 13: đầu tư xây dựng kết cấu hạ tầng cụm công nghiệp.
    decision = advance_form(national("cluster_infrastructure", contents=()), ON)
    assert decision.form is AdvanceForm.CLUSTER_WORKS
    assert decision.citation.key == f"{TT36}:13.1"


@pytest.mark.clause(f"{TT36}:13.3")
def test_enterprise_founding_is_the_form_of_clause_3() -> None:
    # Khoản 3 điểm a Điều 13: hỗ trợ thành lập doanh nghiệp sản xuất công nghiệp nông thôn.
    decision = advance_form(national("enterprise_founding", contents=()), ON)
    assert decision.form is AdvanceForm.ENTERPRISE_FOUNDING
    assert decision.citation.key == f"{TT36}:13.3"


@pytest.mark.clause(f"{TT36}:16.1")
def test_a_ratio_decided_by_the_agency_head_replaces_the_form_ratio() -> None:
    # Vocational training: 70 % by Điểm a khoản 2 Điều 13; the head decides 50 % (Khoản 1
    # Điều 16): 50 % of the 100 million requested = 50 million, under the 70 million ceiling.
    a = advance_allowance(national(), AdvanceStage.FIRST, ON, ratio_decided=Decimal("0.5"))
    assert a.allowed
    assert a.amount == Decimal(50_000_000)
    assert a.rule.key == f"{TT36}:16.1"
