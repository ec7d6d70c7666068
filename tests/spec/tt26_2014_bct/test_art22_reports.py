"""Khoản 2 Điều 22 TT 26/2014/TT-BCT: while its certificate is valid (until 31 December of the
third year counting the year of issue, Khoản 3 Điều 17), an establishment with a typical product
reports yearly to the provincial Department and the district People's Committee."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.errors import DeclarationError
from khuyencong.rules import reports_due
from khuyencong.rules.reporting import Report

TT26 = "26/2014/TT-BCT"


@pytest.mark.clause(f"{TT26}:22.2")
@pytest.mark.parametrize(
    ("year", "due"), [(2014, False), (2015, True), (2016, True), (2017, True), (2018, False)]
)
def test_art22_2_a_yearly_report_in_each_year_of_validity(year: int, due: bool) -> None:
    got = reports_due(
        "certified_establishment",
        year,
        as_of=date(2019, 1, 1),
        certificate_issued_on=date(2015, 11, 20),
    )
    assert bool(got) is due
    if due:
        (report,) = got
        assert isinstance(report, Report)
        assert (report.period_start, report.period_end) == (date(year, 1, 1), date(year, 12, 31))
        assert report.due is None
        assert "Ủy ban nhân dân cấp huyện" in report.recipients_vi
        assert [c.key for c in report.citations] == [f"{TT26}:22.2"]


@pytest.mark.clause(f"{TT26}:22.2")
def test_art22_2_needs_the_certificate_date() -> None:
    with pytest.raises(DeclarationError, match="certificate_issued_on"):
        reports_due("certified_establishment", 2016, as_of=date(2017, 1, 1))
