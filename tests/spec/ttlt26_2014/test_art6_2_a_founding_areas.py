"""Điểm a khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT: support to found a rural industrial enterprise
only in areas with difficult or especially difficult socio-economic conditions."""

from __future__ import annotations

import pytest

from khuyencong import Status
from khuyencong.schemas import SupportItem

from ..builders import beneficiary, cited, line, place, proposal, run

KEY = "26/2014/TTLT-BTC-BCT:6.2.a"
FOUNDING = line(SupportItem.ENTERPRISE_FOUNDING, 8_000_000)


@pytest.mark.clause(KEY)
@pytest.mark.parametrize("area", ["difficult", "especially_difficult"])
def test_founding_in_a_difficult_area_is_supported(area: str) -> None:
    b = beneficiary(production_site=place(attributes=[area]))
    assert run(proposal(FOUNDING, beneficiaries=[b])).status is Status.ELIGIBLE


@pytest.mark.clause(KEY)
def test_founding_in_a_difficult_area_named_by_the_proposal_location_is_supported() -> None:
    p = proposal(FOUNDING, locations=[place(attributes=["especially_difficult"])])
    assert run(p).status is Status.ELIGIBLE


@pytest.mark.clause(KEY)
@pytest.mark.parametrize("area", [[], ["poor_district"], ["new_rural_commune"]])
def test_founding_elsewhere_is_refused(area: list[str]) -> None:
    b = beneficiary(production_site=place(attributes=area))
    a = run(proposal(FOUNDING, beneficiaries=[b]))
    assert a.status is Status.INELIGIBLE
    assert cited(a, "founding_outside_difficult_area") == KEY
