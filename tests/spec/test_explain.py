"""``Assessment.explain("vi")`` and ``explain("en")``: the status, the amounts in each language's
format, and the clauses applied, cited the Vietnamese way or in English."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.schemas import SupportItem

from .builders import line, proposal, run

TTLT = "26/2014/TTLT-BTC-BCT"
I = SupportItem  # noqa: E741


@pytest.mark.clause(f"{TTLT}:6.2.d.p2")
def test_explain_vi_names_status_amounts_and_clause() -> None:
    # 80 % of the booth rent 1,875,000 = 1,500,000
    text = run(proposal(line(I.DOMESTIC_FAIR_PARTICIPATION, 1_875_000))).explain("vi")
    assert "ĐỦ ĐIỀU KIỆN" in text
    assert "KHÔNG ĐỦ" not in text
    assert "1.500.000 đ" in text
    assert "1.875.000 đ" in text
    assert "tối đa 80 %" in text
    assert f"Đoạn 2 điểm d khoản 2 Điều 6 Thông tư liên tịch {TTLT}" in text


@pytest.mark.clause(f"{TTLT}:6.2.d.p2")
def test_explain_en_names_status_amounts_and_clause() -> None:
    text = run(proposal(line(I.DOMESTIC_FAIR_PARTICIPATION, 1_875_000))).explain("en")
    assert "ELIGIBLE" in text
    assert "NOT ELIGIBLE" not in text
    assert "1,500,000 VND" in text
    assert "at most 80 %" in text
    assert f"Art 6.2.d, paragraph 2 of Joint Circular {TTLT}" in text


@pytest.mark.clause(f"{TTLT}:6.2.h")
def test_explain_cites_point_h_for_a_brand() -> None:
    a = run(proposal(line(I.BRAND, 70_000_002)))
    # 50 % of 70,000,002 = 35,000,001 > cap 35,000,000
    vi, en = a.explain("vi"), a.explain("en")
    assert "được hỗ trợ 35.000.000 đ" in vi
    assert "đối ứng 35.000.002 đ" in vi  # 70,000,002 − 35,000,000
    assert f"Điểm h khoản 2 Điều 6 Thông tư liên tịch {TTLT}" in vi
    assert "support allowed 35,000,000 VND" in en
    assert f"Art 6.2.h of Joint Circular {TTLT}" in en


@pytest.mark.clause(f"{TTLT}:6.2.s.d2")
def test_explain_cites_a_dash_of_a_point() -> None:
    a = run(proposal(line(I.BRAND, 70_000_000), line(I.MANAGEMENT_IMPLEMENTING_UNIT, 500_000)))
    assert f"Gạch đầu dòng thứ hai điểm s khoản 2 Điều 6 Thông tư liên tịch {TTLT}" in a.explain(
        "vi"
    )
    assert f"Art 6.2.s, dash 2 of Joint Circular {TTLT}" in a.explain("en")


@pytest.mark.clause("46/2012/TT-BCT:4.4.b")
def test_explain_an_ineligible_proposal_names_the_broken_clause() -> None:
    a = run(proposal(line(I.MACHINERY_AND_TECHNOLOGY, 300_000_000, machinery_is_new=False)))
    vi, en = a.explain("vi"), a.explain("en")
    assert "KHÔNG ĐỦ ĐIỀU KIỆN" in vi
    assert "Vi phạm:" in vi
    assert "Điểm b khoản 4 Điều 4 Thông tư 46/2012/TT-BCT" in vi
    assert "Kinh phí khuyến công được hỗ trợ: 0 đ" in vi
    assert "NOT ELIGIBLE" in en
    assert "Art 4.4.b of Circular 46/2012/TT-BCT" in en
    assert "support allowed: 0 VND" in en


@pytest.mark.clause("125/2009/TTLT-BTC-BCT")
def test_explain_names_the_instrument_that_is_not_encoded() -> None:
    a = run(proposal(line(I.BRAND, 70_000_000)), date(2014, 4, 7))
    vi, en = a.explain("vi"), a.explain("en")
    assert "mức hỗ trợ chưa được mã hóa (125/2009/TTLT-BTC-BCT)" in vi
    assert "support level not encoded (125/2009/TTLT-BTC-BCT)" in en
    assert "Kinh phí khuyến công được hỗ trợ: chưa xác định được" in vi
    assert "Khuyến công support allowed: not known" in en


@pytest.mark.clause("45/2012/NĐ-CP:1.2.a")
def test_explain_a_proposal_that_cannot_be_assessed() -> None:
    from .builders import beneficiary

    a = run(proposal(line(I.BRAND, 70_000_000), beneficiaries=[beneficiary(enterprise_size=None)]))
    assert "CHƯA ĐỦ CĂN CỨ ĐỂ ĐÁNH GIÁ" in a.explain("vi")
    assert "CANNOT BE ASSESSED YET" in a.explain("en")
    assert "Điểm a khoản 2 Điều 1 Nghị định 45/2012/NĐ-CP" in a.explain("vi")
