"""Periodic reports on khuyến công: what is due, for which period, to whom, under which clause.

* The provincial Department (Sở Công Thương): quarterly, half-yearly and yearly reports on the
  national plan in the province, to the Agency for Regional Industry and the provincial People's
  Committee (Khoản 5 Điều 21 TT 36/2013/TT-BCT).
* A regional national khuyến công centre: a monthly progress report to the Agency before the
  25th, and quarterly, half-yearly and yearly reports (Khoản 2 Điều 22 TT 36/2013/TT-BCT).
* The provincial People's Committee: a quarterly report to the Ministry of Industry and Trade
  (Điểm i khoản 1 Điều 16 NĐ 45/2012/NĐ-CP; the same duty every three months in Khoản 3 Điều 9
  TTLT 26/2014/TTLT-BTC-BCT, which is cited beside it while in force).
* An establishment whose product holds a typical-product certificate: a yearly report to the
  provincial Department and the district People's Committee while the certificate is valid
  (Khoản 2 Điều 22 TT 26/2014/TT-BCT; validity: Khoản 3 Điều 17).

Only the centres' monthly report has a day in the text; for the others the report falls due when
its period ends and the text sets no day (``due`` is ``None``, status ``due_no_day``) — never an
invented day.  Each report is governed by the rule in force on the last day of its period; a
period governed by an instrument not encoded yields :class:`ReportNotEncoded`.

The monthly progress reports of implementing units are in :func:`khuyencong.rules.deadlines`.

>>> from datetime import date
>>> [(r.code, r.period_end.isoformat(), r.status.value)
...  for r in reports_due("province", 2015, as_of=date(2015, 5, 1))][:2]
[('province_quarterly', '2015-03-31', 'due_no_day'), ('province_quarterly', '2015-06-30', 'period_open')]
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Final, Literal, TypeAlias

import attrs
from dateutil.relativedelta import relativedelta

from .._args import check_date, check_optional_date
from ..errors import DeclarationError
from ..rulebooks import NotEncoded, Resolved, Rulebook
from ..schemas.citation import Citation, Provenance
from ._procedure import (
    Unanswered,
    attempt,
    not_encoded_error,
    require,
    rulebook_or_national,
)
from .calendar import ObligationStatus, obligation_status

__all__ = ["Report", "ReportNotEncoded", "ReportResult", "ReportStatus", "Reporter", "reports_due"]

Reporter = Literal["department", "regional_centre", "province", "certified_establishment"]


ReportStatus = ObligationStatus
"""The status of a :class:`Report` (the one :class:`~khuyencong.rules.calendar.ObligationStatus`
of deadlines and reports): ``period_open`` and ``due_no_day`` for a report whose text sets no
day; ``pending``, ``met``, ``met_late``, ``overdue``, ``passed`` for a dated one."""


@attrs.frozen(slots=True)
class Report:
    """A report for one period: to whom, when due (``None`` when the text sets no day)."""

    code: str
    label_vi: str
    label_en: str
    period_start: date
    period_end: date
    due: date | None
    recipients_vi: str
    citations: tuple[Citation, ...]
    provenance: Provenance
    status: ObligationStatus
    filed_on: date | None = None


@attrs.frozen(slots=True)
class ReportNotEncoded(Unanswered):
    """A report whose rule, at the end of its period, is governed by an instrument not encoded."""

    code: str
    period_start: date
    period_end: date
    not_encoded: NotEncoded


ReportResult: TypeAlias = Report | ReportNotEncoded

_PERIOD_LABELS = {
    "month": ("Báo cáo tiến độ tháng", "Monthly progress report"),
    "quarter": ("Báo cáo quý", "Quarterly report"),
    "half_year": ("Báo cáo 6 tháng", "Half-yearly report"),
    "year": ("Báo cáo tổng kết năm", "Yearly report"),
}
_RECIPIENTS = {
    "department": "Cục Công nghiệp địa phương; Ủy ban nhân dân cấp tỉnh",
    "regional_centre": "Cục Công nghiệp địa phương",
    "province": "Bộ Công Thương",
    "certified_establishment": "Sở Công Thương; Ủy ban nhân dân cấp huyện nơi tham gia bình chọn",
}

_PERIODS: Final[dict[str, str]] = {
    "department": "reporting.department.periods",
    "regional_centre": "reporting.regional_centre.periods",
    "certified_establishment": "reporting.certified_establishment.annual",
}
"""The parameter that makes each reporter's periodic reports due (the province's are read in
:func:`_rules`: two parameters)."""


def _periods(kind: str, year: int) -> list[tuple[date, date]]:
    def end_of(start: date, months: int) -> date:
        return start + relativedelta(months=months) - timedelta(days=1)

    if kind == "month":
        starts = [date(year, m, 1) for m in range(1, 13)]
        return [(s, end_of(s, 1)) for s in starts]
    if kind == "quarter":
        starts = [date(year, m, 1) for m in (1, 4, 7, 10)]
        return [(s, end_of(s, 3)) for s in starts]
    if kind == "half_year":
        return [(date(year, 1, 1), date(year, 6, 30))]
    return [(date(year, 1, 1), date(year, 12, 31))]


def _status(
    end: date, due: date | None, filed: date | None, as_of: date, known: bool
) -> ObligationStatus:
    if due is None:
        if filed is not None:
            return ObligationStatus.MET
        return ObligationStatus.PERIOD_OPEN if as_of <= end else ObligationStatus.DUE_NO_DAY
    return obligation_status(due, filed, as_of, known=known)


def reports_due(
    reporter: Reporter,
    year: int,
    *,
    as_of: date,
    certificate_issued_on: date | None = None,
    filed: Mapping[tuple[str, date], date] | None = None,
    rulebook: Rulebook | None = None,
) -> tuple[ReportResult, ...]:
    """The periodic reports ``reporter`` owes for the periods of ``year``, in order of period
    end (see the module for the clauses).  ``filed`` maps (code, period end) to the day a report
    was filed; without it a dated report past its day is ``passed``, not ``overdue``.
    ``certified_establishment`` needs ``certificate_issued_on``: the yearly reports run for the
    years of the certificate's validity (Khoản 3 Điều 17, Khoản 2 Điều 22 TT 26/2014/TT-BCT).

    Raises :class:`~khuyencong.errors.DeclarationError` for an unknown reporter or a missing
    certificate date.
    """
    as_of = check_date(as_of, "as_of")
    certificate_issued_on = check_optional_date(certificate_issued_on, "certificate_issued_on")
    rb = rulebook_or_national(rulebook)
    if reporter not in _RECIPIENTS:
        raise DeclarationError(
            f"unknown reporter {reporter!r}; one of {', '.join(sorted(_RECIPIENTS))}"
        )
    plan: list[tuple[str, str, str | None]] = []  # (code, period kind, param of the day)
    out: list[ReportResult] = []
    if reporter in ("department", "regional_centre"):
        if reporter == "regional_centre":
            plan.append(
                ("regional_centre_month", "month", "reporting.regional_centre.monthly_before_day")
            )
        kinds = attempt(_kinds, rb, _PERIODS[reporter], year)
        if isinstance(kinds, NotEncoded):
            out.append(
                ReportNotEncoded(f"{reporter}_reports", date(year, 1, 1), date(year, 12, 31), kinds)
            )
        else:
            plan += [(f"{reporter}_{k}", k, None) for k in kinds]
    elif reporter == "province":
        plan.append(("province_quarterly", "quarter", None))
    else:
        if certificate_issued_on is None:
            raise DeclarationError("a certified establishment's reports need certificate_issued_on")
        years = rb.resolve("typical_products.certificate_years", certificate_issued_on)
        if isinstance(years, Resolved):
            last = certificate_issued_on.year + years.integer - 1
            if not certificate_issued_on.year <= year <= last:
                return ()
        plan.append(("certified_establishment_year", "year", None))

    for code, kind, day_param in plan:
        label_vi, label_en = _PERIOD_LABELS[kind]
        for start, end in _periods(kind, year):
            found = attempt(_rules, rb, reporter, start, end, day_param)
            if isinstance(found, NotEncoded):
                out.append(ReportNotEncoded(code, start, end, found))
                continue
            rules, due = found
            filed_on = None if filed is None else filed.get((code, end))
            out.append(
                Report(
                    code=code,
                    label_vi=label_vi,
                    label_en=label_en,
                    period_start=start,
                    period_end=end,
                    due=due,
                    recipients_vi=_RECIPIENTS[reporter],
                    citations=tuple(r.citation for r in rules),
                    provenance=_weakest(rules),
                    status=_status(end, due, filed_on, as_of, known=filed is not None),
                    filed_on=filed_on,
                )
            )
    out.sort(key=lambda r: (r.period_end, r.code))
    return tuple(out)


def _kinds(rb: Rulebook, code: str, year: int) -> tuple[str, ...]:
    """The report periods a codes parameter lists for ``year`` (the value in force at its end,
    or at its start when the rule ends during the year)."""
    found = attempt(require, rb, code, date(year, 12, 31))
    if isinstance(found, NotEncoded):
        start = rb.resolve(code, date(year, 1, 1))
        if isinstance(start, Resolved):
            return start.codes
        raise not_encoded_error(found)
    return found.codes


def _rules(
    rb: Rulebook, reporter: str, start: date, end: date, day_param: str | None
) -> tuple[list[Resolved], date | None]:
    """The rules that make a report for the period from ``start`` to ``end`` due, and its last
    day when a rule sets one (before the day ``day_param`` names in the period's month)."""
    if day_param is not None:
        require(rb, _PERIODS[reporter], end)  # the periodic reports are due at all
        day = require(rb, day_param, start)
        return [day], start + relativedelta(day=day.integer) - timedelta(days=1)
    if reporter == "province":
        found = require(rb, "reporting.province.quarterly", end)
        also = rb.resolve("reporting.province.quarterly_funding", end)
        return ([found, also] if isinstance(also, Resolved) else [found]), None
    return [require(rb, _PERIODS[reporter], end)], None


def _weakest(rules: list[Resolved]) -> Provenance:
    provenances = {r.provenance for r in rules}
    return Provenance.SECONDARY if Provenance.SECONDARY in provenances else Provenance.OFFICIAL_TEXT
