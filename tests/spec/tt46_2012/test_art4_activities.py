"""Điều 4 TT 46/2012/TT-BCT: conditions on activities.

Khoản 1 điểm b: each establishment is supported for fairs and forums abroad at most twice a year.
Khoản 2 điểm a gạch đầu dòng thứ nhất: a national demonstration model spreads a technology or
product no establishment in the district applies or makes yet (local proposals: the province
decides).  Khoản 4 điểm b: supported machinery must be new.
"""

from __future__ import annotations

import pytest

from khuyencong import Severity, Status
from khuyencong.schemas import SupportItem

from ..builders import beneficiary, cited, codes, finding, line, proposal, run

TT46 = "46/2012/TT-BCT"
I = SupportItem  # noqa: E741


# ---- khoản 1 điểm b: fairs abroad at most twice a year ---------------------------------------


def _fair_abroad(already: int) -> Status:
    b = beneficiary(foreign_fair_supports_in_year=already)
    return run(proposal(line(I.FOREIGN_FAIR, 200_000_000), beneficiaries=[b])).status


@pytest.mark.clause(f"{TT46}:4.1.b")
def test_4_1_b_a_first_fair_abroad_in_the_year_is_supported() -> None:
    assert _fair_abroad(0) is Status.ELIGIBLE


@pytest.mark.clause(f"{TT46}:4.1.b")
def test_4_1_b_a_second_fair_abroad_in_the_year_is_supported() -> None:
    # 1 prior support + this one = 2 ≤ 2 a year
    assert _fair_abroad(1) is Status.ELIGIBLE


@pytest.mark.clause(f"{TT46}:4.1.b")
def test_4_1_b_a_third_fair_abroad_in_the_year_is_refused() -> None:
    # 2 prior supports + this one = 3 > 2 a year
    b = beneficiary(foreign_fair_supports_in_year=2)
    a = run(proposal(line(I.FOREIGN_FAIR, 200_000_000), beneficiaries=[b]))
    assert a.status is Status.INELIGIBLE
    assert cited(a, "foreign_fair_limit") == f"{TT46}:4.1.b"
    assert finding(a, "foreign_fair_limit").beneficiary == 0


@pytest.mark.clause(f"{TT46}:4.1.b")
def test_4_1_b_the_limit_concerns_fairs_abroad_only() -> None:
    b = beneficiary(foreign_fair_supports_in_year=2)
    a = run(proposal(line(I.DOMESTIC_FAIR_PARTICIPATION, 20_000_000), beneficiaries=[b]))
    assert a.status is Status.ELIGIBLE


# ---- khoản 2 điểm a: a national demonstration model is new in the district -------------------


@pytest.mark.clause(f"{TT46}:4.2.a.d1")
def test_4_2_a_a_national_model_of_a_technology_already_used_in_the_district_is_refused() -> None:
    p = proposal(
        line(I.DEMONSTRATION_NEW_TECHNOLOGY, 1_200_000_000, technology_new_in_district=False)
    )
    a = run(p)
    assert a.status is Status.INELIGIBLE
    assert cited(a, "demonstration_not_new_in_district") == f"{TT46}:4.2.a.d1"


@pytest.mark.clause(f"{TT46}:4.2.a.d1")
def test_4_2_a_a_national_model_new_in_the_district_is_supported() -> None:
    p = proposal(
        line(I.DEMONSTRATION_NEW_TECHNOLOGY, 1_200_000_000, technology_new_in_district=True)
    )
    assert run(p).status is Status.ELIGIBLE


@pytest.mark.clause(f"{TT46}:4.2.a.d1")
def test_4_2_a_undeclared_novelty_is_a_warning_to_confirm() -> None:
    p = proposal(
        line(I.DEMONSTRATION_NEW_TECHNOLOGY, 1_200_000_000, technology_new_in_district=None)
    )
    a = run(p)
    assert finding(a, "demonstration_novelty_undeclared").severity is Severity.WARNING
    assert a.status is Status.ELIGIBLE


@pytest.mark.clause(f"{TT46}:4.2.a.d1")
def test_4_2_a_for_a_local_model_the_province_decides() -> None:
    p = proposal(
        line(I.DEMONSTRATION_NEW_TECHNOLOGY, 1_200_000_000, technology_new_in_district=False),
        funding={"kind": "local", "level": "province"},
    )
    assert not {"demonstration_not_new_in_district", "demonstration_novelty_undeclared"} & codes(
        run(p)
    )


# ---- khoản 4 điểm b: machinery must be new ---------------------------------------------------


@pytest.mark.clause(f"{TT46}:4.4.b")
def test_4_4_b_second_hand_machinery_is_refused() -> None:
    a = run(proposal(line(I.MACHINERY_AND_TECHNOLOGY, 300_000_000, machinery_is_new=False)))
    assert a.status is Status.INELIGIBLE
    assert cited(a, "machinery_not_new") == f"{TT46}:4.4.b"
    assert finding(a, "machinery_not_new").line == 0


@pytest.mark.clause(f"{TT46}:4.4.b")
def test_4_4_b_new_machinery_is_supported() -> None:
    a = run(proposal(line(I.MACHINERY_AND_TECHNOLOGY, 300_000_000, machinery_is_new=True)))
    assert a.status is Status.ELIGIBLE


@pytest.mark.clause(f"{TT46}:4.4.b")
def test_4_4_b_undeclared_newness_is_a_warning_to_confirm() -> None:
    a = run(proposal(line(I.MACHINERY_AND_TECHNOLOGY, 300_000_000, machinery_is_new=None)))
    assert finding(a, "machinery_newness_undeclared").severity is Severity.WARNING
    assert a.status is Status.ELIGIBLE
