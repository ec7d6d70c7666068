"""Điều 3 TT 46/2012/TT-BCT: details of who and where.

Khoản 1 điểm d: an establishment registered in a ward of a class-1 city qualifies when it produces
in a qualifying place.  Khoản 1 điểm đ: the "not more than 5 years" of a ward converted from a
commune runs from the effective date of the conversion decision to 31 December of the year before
the plan year.  Khoản 2: cleaner-production establishments qualify whatever their size or place.

Reading: "năm xây dựng kế hoạch" is read, as the engine documents, as the proposal's plan year
(the year the plan is for), so a 2017 plan counts to 31/12/2016.
"""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong import Severity, Status
from khuyencong.rules import converted_ward_qualifies
from khuyencong.schemas import SupportItem

from ..builders import beneficiary, cited, codes, finding, line, place, proposal, run, ward

TT46 = "46/2012/TT-BCT"
BRAND = line(SupportItem.BRAND, 70_000_000)
PLANNING = date(2016, 10, 1)  # when a 2017 plan is appraised


def _converted(on: date, plan_year: int = 2017, as_of: date = PLANNING) -> Status:
    b = beneficiary(production_site=ward("1", on))
    return run(proposal(BRAND, beneficiaries=[b], plan_year=plan_year), as_of).status


# ---- khoản 1 điểm đ: the 5-year span ---------------------------------------------------------


@pytest.mark.clause(f"{TT46}:3.1.đ")
def test_3_1_dd_a_ward_converted_exactly_5_years_before_the_count_ends_qualifies() -> None:
    # plan year 2017 → counted to 31/12/2016; 31/12/2011 + 5 years = 31/12/2016: not more than 5
    assert _converted(date(2011, 12, 31)) is Status.ELIGIBLE


@pytest.mark.clause(f"{TT46}:3.1.đ")
def test_3_1_dd_a_ward_converted_5_years_and_one_day_before_is_refused() -> None:
    # 30/12/2011 + 5 years = 30/12/2016 < 31/12/2016: 5 years and 1 day, more than 5
    b = beneficiary(production_site=ward("1", date(2011, 12, 30)))
    a = run(proposal(BRAND, beneficiaries=[b], plan_year=2017), PLANNING)
    assert a.status is Status.INELIGIBLE
    assert cited(a, "place_not_rural") == f"{TT46}:3.1.đ"


@pytest.mark.clause(f"{TT46}:3.1.đ")
def test_3_1_dd_a_recently_converted_ward_qualifies() -> None:
    # 01/07/2014 to 31/12/2016: 2 years and 6 months
    assert _converted(date(2014, 7, 1)) is Status.ELIGIBLE


@pytest.mark.clause(f"{TT46}:3.1.đ")
def test_3_1_dd_the_span_ends_with_the_year_before_the_plan_year_not_the_assessment_date() -> None:
    # Assessed on 01/03/2018, but a 2017 plan still counts to 31/12/2016: exactly 5 years.
    assert _converted(date(2011, 12, 31), as_of=date(2018, 3, 1)) is Status.ELIGIBLE


@pytest.mark.clause(f"{TT46}:3.1.đ")
def test_3_1_dd_a_later_plan_year_moves_the_end_of_the_span() -> None:
    # plan year 2018 → counted to 31/12/2017; 31/12/2011 + 5 years = 31/12/2016 < 31/12/2017
    assert _converted(date(2011, 12, 31), plan_year=2018) is Status.INELIGIBLE


@pytest.mark.clause(f"{TT46}:3.1.đ")
@pytest.mark.parametrize(
    ("converted_on", "plan_year", "expected"),
    [
        pytest.param(date(2011, 12, 31), 2017, True, id="exactly 5 years"),
        pytest.param(date(2011, 12, 30), 2017, False, id="5 years and one day"),
        pytest.param(date(2012, 1, 1), 2017, True, id="one day under 5 years"),
        pytest.param(date(2016, 12, 31), 2017, True, id="converted on the last day counted"),
        # 29/02/2012 + 5 years = 28/02/2017 (no 29 February) < 31/12/2017
        pytest.param(date(2012, 2, 29), 2018, False, id="a leap day, well over 5 years"),
    ],
)
def test_3_1_dd_converted_ward_qualifies(
    converted_on: date, plan_year: int, expected: bool
) -> None:
    assert converted_ward_qualifies(converted_on, plan_year, 5) is expected


# ---- khoản 1 điểm d: registered in a class-1 ward, producing elsewhere ------------------------


@pytest.mark.clause(f"{TT46}:3.1.d")
def test_3_1_d_registered_in_a_class_1_ward_producing_in_a_rural_district_qualifies() -> None:
    b = beneficiary(registered_office=ward("1"), production_site=place())
    a = run(proposal(BRAND, beneficiaries=[b]))
    assert a.status is Status.ELIGIBLE
    assert finding(a, "registered_in_class1_ward").severity is Severity.INFO
    assert cited(a, "registered_in_class1_ward") == f"{TT46}:3.1.d"


@pytest.mark.clause(f"{TT46}:3.1.d")
def test_3_1_d_registered_in_a_class_1_ward_producing_there_too_is_refused() -> None:
    b = beneficiary(registered_office=ward("1"), production_site=ward("1"))
    assert run(proposal(BRAND, beneficiaries=[b])).status is Status.INELIGIBLE


@pytest.mark.clause(f"{TT46}:3.1.d")
def test_3_1_d_without_a_production_site_the_registered_office_is_the_place() -> None:
    b = beneficiary(registered_office=ward("1"), production_site=None)
    assert run(proposal(BRAND, beneficiaries=[b])).status is Status.INELIGIBLE


# ---- khoản 2: cleaner production, whatever the size or place ---------------------------------


@pytest.mark.clause(f"{TT46}:3.2")
@pytest.mark.parametrize(
    "site",
    [
        pytest.param(ward("1"), id="in a ward of a class-1 city"),
        pytest.param(
            place(province="Hà Nội", district="Cầu Giấy", district_kind="quan"),
            id="in an urban district",
        ),
        pytest.param(None, id="with no declared place"),
    ],
)
def test_3_2_a_cleaner_production_establishment_qualifies_whatever_its_place(site: object) -> None:
    b = beneficiary(
        kind="cleaner_production_establishment", enterprise_size=None, production_site=site
    )
    a = run(proposal(BRAND, beneficiaries=[b]))
    assert a.status is Status.ELIGIBLE
    assert not {"place_not_rural", "place_missing", "enterprise_size_missing"} & codes(a)
    assert f"{TT46}" in a.documents


@pytest.mark.clause(f"{TT46}:3.2")
def test_3_2_a_cleaner_production_establishment_still_needs_a_listed_industry() -> None:
    # Khoản 1 Điều 5 NĐ 45/2012 applies to the establishments of points a and b of Art 1.2.
    b = beneficiary(
        kind="cleaner_production_establishment", enterprise_size=None, industries=["other"]
    )
    assert run(proposal(BRAND, beneficiaries=[b])).status is Status.INELIGIBLE


@pytest.mark.clause(f"{TT46}:3.1.đ")
def test_3_1_dd_the_reason_for_a_refused_place_is_given_in_each_language() -> None:
    b = beneficiary(production_site=ward("1"))  # a class-1 city ward never converted
    refused = finding(run(proposal(BRAND, beneficiaries=[b]), PLANNING), "place_not_rural")
    assert refused.message_vi.endswith("(phường của thành phố loại 1 không chuyển đổi từ xã).")
    assert refused.message_en.endswith("(a class-1 city ward not converted from a commune).")
    b = beneficiary(production_site=place(district="Ba Đình", district_kind="quan"))
    refused = finding(run(proposal(BRAND, beneficiaries=[b]), PLANNING), "place_not_rural")
    assert refused.message_vi.endswith("(Quận).")
    assert refused.message_en.endswith("(Urban district).")
