"""Điểm i khoản 1 Điều 16 NĐ 45/2012/NĐ-CP: the provincial People's Committee reports quarterly
to the Ministry of Industry and Trade; Khoản 3 Điều 9 TTLT 26/2014/TTLT-BTC-BCT restates it
("định kỳ 3 tháng") while that circular is in force (08/04/2014 - 10/05/2018)."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rules import reports_due
from khuyencong.rules.reporting import Report, ReportNotEncoded, ReportStatus

ND45 = "45/2012/NĐ-CP"
TTLT = "26/2014/TTLT-BTC-BCT"


def _quarters(year: int) -> list[Report]:
    got = reports_due("province", year, as_of=date(year, 12, 31))
    assert all(isinstance(r, Report) for r in got)
    return list(got)  # type: ignore[arg-type]


@pytest.mark.clause(f"{ND45}:16.1.i")
def test_art16_1_i_four_quarterly_reports_to_the_ministry() -> None:
    got = _quarters(2013)
    assert [(r.period_start, r.period_end) for r in got] == [
        (date(2013, 1, 1), date(2013, 3, 31)),
        (date(2013, 4, 1), date(2013, 6, 30)),
        (date(2013, 7, 1), date(2013, 9, 30)),
        (date(2013, 10, 1), date(2013, 12, 31)),
    ]
    assert all(r.recipients_vi == "Bộ Công Thương" and r.due is None for r in got)
    assert [r.status for r in got] == [ReportStatus.DUE_NO_DAY] * 3 + [ReportStatus.PERIOD_OPEN]
    assert {c.key for r in got for c in r.citations} == {f"{ND45}:16.1.i"}


@pytest.mark.clause(f"{ND45}:16.1.i")
def test_art16_1_i_from_the_decrees_effective_date() -> None:
    got = reports_due("province", 2012, as_of=date(2012, 12, 31))
    # Q1 and Q2 of 2012 end before 05/07/2012: the decree did not govern them yet.
    assert [type(r).__name__ for r in got] == [
        "ReportNotEncoded",
        "ReportNotEncoded",
        "Report",
        "Report",
    ]
    assert isinstance(got[0], ReportNotEncoded)
    assert got[0].instrument == "134/2004/NĐ-CP"


@pytest.mark.clause(f"{TTLT}:9.3")
@pytest.mark.parametrize(
    ("year", "quarter", "cited"),
    [
        (2014, 0, {f"{ND45}:16.1.i"}),  # Q1 2014 ends before 08/04/2014
        (2014, 1, {f"{ND45}:16.1.i", f"{TTLT}:9.3"}),
        (2018, 0, {f"{ND45}:16.1.i", f"{TTLT}:9.3"}),
        (2018, 1, {f"{ND45}:16.1.i"}),  # Q2 2018 ends after 11/05/2018
    ],
)
def test_ttlt_9_3_cited_beside_the_decree_while_in_force(
    year: int, quarter: int, cited: set[str]
) -> None:
    report = _quarters(year)[quarter]
    assert {c.key for c in report.citations} == cited
