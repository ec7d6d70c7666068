"""Khoản 5 Điều 21 TT 36/2013/TT-BCT: the Department's quarterly, half-yearly and yearly reports
to the Agency and the provincial People's Committee; Khoản 2 Điều 22: a regional centre's monthly
progress report to the Agency before the 25th, and its quarterly, half-yearly and yearly reports.
Only the monthly report has a day in the text."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.errors import DeclarationError
from khuyencong.rules import reports_due
from khuyencong.rules.reporting import Report, ReportNotEncoded, ReportStatus

TT36 = "36/2013/TT-BCT"


def _reports(*args: object, **kw: object) -> list[Report]:
    found = reports_due(*args, **kw)  # type: ignore[arg-type]
    assert all(isinstance(r, Report) for r in found)
    return list(found)  # type: ignore[arg-type]


@pytest.mark.clause(f"{TT36}:21.5")
def test_art21_5_department_reports_of_a_year() -> None:
    got = _reports("department", 2016, as_of=date(2016, 7, 1))
    assert [(r.code, r.period_end) for r in got] == [
        ("department_quarter", date(2016, 3, 31)),
        ("department_half_year", date(2016, 6, 30)),
        ("department_quarter", date(2016, 6, 30)),
        ("department_quarter", date(2016, 9, 30)),
        ("department_quarter", date(2016, 12, 31)),
        ("department_year", date(2016, 12, 31)),
    ]
    assert all(r.due is None for r in got)  # the text sets no day
    assert all(r.recipients_vi.startswith("Cục Công nghiệp địa phương") for r in got)
    assert {c.key for r in got for c in r.citations} == {f"{TT36}:21.5"}
    assert [r.status for r in got[:3]] == [ReportStatus.DUE_NO_DAY] * 3
    assert got[3].status is ReportStatus.PERIOD_OPEN


@pytest.mark.clause(f"{TT36}:21.5")
def test_art21_5_the_period_ends_on_its_last_day() -> None:
    q1 = _reports("department", 2016, as_of=date(2016, 3, 31))[0]
    assert q1.status is ReportStatus.PERIOD_OPEN
    q1 = _reports("department", 2016, as_of=date(2016, 4, 1))[0]
    assert q1.status is ReportStatus.DUE_NO_DAY
    filed = _reports(
        "department",
        2016,
        as_of=date(2016, 4, 1),
        filed={("department_quarter", date(2016, 3, 31)): date(2016, 4, 10)},
    )[0]
    assert filed.status is ReportStatus.MET


@pytest.mark.clause(f"{TT36}:22.2")
@pytest.mark.parametrize(
    ("filed_on", "status"),
    [
        (date(2016, 3, 24), ReportStatus.MET),  # "trước ngày 25": the 24th at the latest
        (date(2016, 3, 25), ReportStatus.MET_LATE),
        (None, ReportStatus.OVERDUE),
    ],
)
def test_art22_2_regional_centre_monthly_report_before_the_25th(
    filed_on: date | None, status: ReportStatus
) -> None:
    filed = {} if filed_on is None else {("regional_centre_month", date(2016, 3, 31)): filed_on}
    got = _reports("regional_centre", 2016, as_of=date(2016, 4, 30), filed=filed)
    march = next(r for r in got if r.code == "regional_centre_month" and r.period_end.month == 3)
    assert march.due == date(2016, 3, 24)
    assert march.status is status
    assert march.recipients_vi == "Cục Công nghiệp địa phương"
    assert [c.key for c in march.citations] == [f"{TT36}:22.2"]
    # Without any filings recorded, a past day is "passed", not "overdue".
    unknown = _reports("regional_centre", 2016, as_of=date(2016, 4, 30))
    assert next(r for r in unknown if r.code == "regional_centre_month").status is (
        ReportStatus.PASSED
    )


@pytest.mark.clause(f"{TT36}:22.2")
def test_art22_2_regional_centre_also_reports_by_quarter_half_year_and_year() -> None:
    got = _reports("regional_centre", 2016, as_of=date(2016, 1, 1))
    codes = [r.code for r in got]
    assert codes.count("regional_centre_month") == 12
    assert codes.count("regional_centre_quarter") == 4
    assert codes.count("regional_centre_half_year") == 1
    assert codes.count("regional_centre_year") == 1


@pytest.mark.clause(f"{TT36}:21.5")
def test_reports_outside_the_circulars_period_are_not_encoded() -> None:
    before = reports_due("department", 2013, as_of=date(2014, 1, 1))
    assert before
    assert all(isinstance(r, ReportNotEncoded) for r in before)
    assert isinstance(before[0], ReportNotEncoded)
    assert before[0].instrument == "08/2008/QĐ-BCT"
    after = reports_due("department", 2019, as_of=date(2019, 1, 1))
    assert after
    assert all(isinstance(r, ReportNotEncoded) for r in after)
    assert isinstance(after[0], ReportNotEncoded)
    assert after[0].instrument == "17/2018/TT-BCT"
    with pytest.raises(DeclarationError, match="reporter"):
        reports_due("district", 2016, as_of=date(2016, 1, 1))  # type: ignore[arg-type]
