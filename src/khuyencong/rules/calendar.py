"""Deadlines of the national khuyến công plan (Thông tư 36/2013/TT-BCT).

* Registration with the provincial Department (Sở Công Thương): before 20 May (Điểm b khoản 1
  Điều 10), in the year before the plan year (the registration report sets the goals of the
  following year, Điểm a khoản 1 Điều 6).
* Registration with the Agency for Regional Industry (Cục Công nghiệp địa phương): before 15 June
  (Điểm b khoản 2 Điều 10).  Both allow other cases by the guidance of the Department or Agency.
* Settlement dossier: at the latest 15 days after the last base acceptance under the contract
  (Khoản 1 Điều 18).
* Liquidation and settlement: no later than 22 January of the following year (Khoản 2 Điều 18);
  an extension into the following year (Điểm a khoản 2 Điều 11) moves the year on.
* Monthly progress reports: before the 25th of every month (Điểm a of the second khoản 3 of
  Điều 23 — the article numbers two clauses "3").

"Before day D" is met on D - 1 at the latest; "no later than D" and "at the latest N days after"
are met on D.  Each deadline is governed by the rule in force on the day it falls due: a day
governed by an instrument not encoded (TT 17/2018/TT-BCT from 01/01/2018) yields
:class:`DeadlineNotEncoded`, never older figures.

>>> from datetime import date
>>> [(d.code, d.due.isoformat()) for d in deadlines(2016, as_of=date(2015, 1, 1))]
[('registration_base', '2015-05-19'), ('registration_ministry', '2015-06-14'), ('settlement', '2017-01-22')]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from typing import ParamSpec, TypeAlias, TypedDict, TypeVar, Unpack

import attrs
from dateutil.relativedelta import relativedelta

from .._args import check_date, check_optional_date
from ..l10n.catalog import bilingual
from ..rulebooks import NotEncoded, Resolved, Rulebook
from ..schemas.citation import Citation, Provenance
from ..schemas.codes import LifecycleEvent, ProposalState
from ..schemas.proposal import Proposal
from ._procedure import (
    Unanswered,
    attempt,
    event_dates,
    implementation_year,
    registered_directly,
    require,
    require_national,
    rulebook_or_national,
)

__all__ = [
    "Deadline",
    "DeadlineNotEncoded",
    "DeadlineResult",
    "DeadlineStatus",
    "ObligationStatus",
    "deadlines",
    "obligation_status",
    "overdue",
    "registration_deadline",
]


class ObligationStatus(StrEnum):
    """Where an obligation — a deadline of the plan, or a periodic report — stands on the
    evaluation date (the one status of :class:`Deadline` and
    :class:`~khuyencong.rules.reporting.Report`).

    An obligation with a last day is ``pending``, ``met``, ``met_late``, ``overdue`` or
    ``passed``; a report for which the text sets no day (Điều 21–22 TT 36/2013/TT-BCT) is
    ``period_open`` or ``due_no_day`` until it is filed.  A :class:`Deadline` always has a day.
    """

    PERIOD_OPEN = "period_open"
    """The period has not ended (a report without a day)."""
    DUE_NO_DAY = "due_no_day"
    """The period has ended; the text sets no day, and no filing is recorded."""
    PENDING = "pending"
    """The last day has not passed and the obligation is not known to be met."""
    MET = "met"
    MET_LATE = "met_late"
    OVERDUE = "overdue"
    """The last day has passed and the obligation is not met (filings were given)."""
    PASSED = "passed"
    """The last day has passed; whether the obligation was met is not known here."""


DeadlineStatus = ObligationStatus
"""The status of a :class:`Deadline` (the one :class:`ObligationStatus`)."""


@attrs.frozen(slots=True)
class Deadline:
    """An obligation, the last day on which it is on time (``due``), and its status."""

    code: str
    label_vi: str
    label_en: str
    due: date
    citation: Citation
    provenance: Provenance
    status: ObligationStatus
    met_on: date | None = None
    period: tuple[int, int] | None = None
    """(year, month) of a monthly report."""
    note: str = ""
    """A note on the deadline, in Vietnamese (``note_en`` in English)."""
    note_en: str = ""

    @property
    def days_late(self) -> int:
        """Days past ``due`` when met late (counted to ``met_on``); 0 otherwise."""
        if self.met_on is not None and self.met_on > self.due:
            return (self.met_on - self.due).days
        return 0


@attrs.frozen(slots=True)
class DeadlineNotEncoded(Unanswered):
    """An obligation whose rule, on the day it would fall due, is governed by an instrument the
    library does not encode."""

    code: str
    label_vi: str
    label_en: str
    not_encoded: NotEncoded


DeadlineResult: TypeAlias = Deadline | DeadlineNotEncoded

_LABELS = {
    "registration_base": (
        "Gửi hồ sơ đăng ký kế hoạch khuyến công quốc gia với Sở Công Thương",
        "Register national proposals with the provincial Department",
    ),
    "registration_ministry": (
        "Gửi hồ sơ đăng ký kế hoạch khuyến công quốc gia với Cục Công nghiệp địa phương",
        "Register national proposals with the Agency for Regional Industry",
    ),
    "settlement_dossier": (
        "Hoàn thành hồ sơ quyết toán",
        "Complete the settlement dossier",
    ),
    "settlement": (
        "Thanh lý hợp đồng và quyết toán kinh phí",
        "Liquidate the contract and settle the funds",
    ),
    "monthly_report": (
        "Báo cáo tiến độ thực hiện hàng tháng (Mẫu số 3b)",
        "Monthly progress report (Form 3b)",
    ),
}


def obligation_status(
    due: date, met_on: date | None, as_of: date, *, known: bool = True
) -> ObligationStatus:
    """Where an obligation due on ``due`` stands on ``as_of``: met (on time or late) when
    ``met_on`` is given, else pending until ``due``, then overdue — or merely passed when
    whether it was met is not ``known``."""
    if met_on is not None:
        return ObligationStatus.MET if met_on <= due else ObligationStatus.MET_LATE
    if as_of <= due:
        return ObligationStatus.PENDING
    return ObligationStatus.OVERDUE if known else ObligationStatus.PASSED


def _day_in_year(rb: Rulebook, code: str, year: int) -> tuple[date, Resolved]:
    """The day of ``year`` a month-day parameter names, by the value in force on that day
    (:func:`~._procedure.require` raises the answer when none is)."""
    fallback = date(year, 1, 1)
    for value in rb.param(code).values:
        if not isinstance(value.value, tuple) or len(value.value) != 2:
            raise TypeError(f"parameter {code!r} is not a day of the year")
        month, day = value.value
        try:
            on = date(year, int(month), int(day))
        except ValueError:  # 29 February in a common year
            continue
        fallback = on
        if value.covers(on):
            resolved = rb.resolve(code, on)
            if isinstance(resolved, Resolved):
                return on, resolved
    return fallback, require(rb, code, fallback)


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{value!r} is not a count")
    return value


def _registration_day(rb: Rulebook, code: str, plan_year: int) -> tuple[date, Resolved]:
    """The day of registration for ``plan_year``: the month-day of ``code`` in the year
    ``registration.years_ahead`` before the plan year, both rules in force on that day."""
    ahead_values = rb.param("registration.years_ahead").values
    for ahead in ahead_values:
        found = attempt(_day_in_year, rb, code, plan_year - _count(ahead.value))
        if not isinstance(found, NotEncoded) and ahead.covers(found[0]):
            return found
    # Nothing in force: name the instrument governing the nearest candidate day.
    years = _count(ahead_values[0].value) if ahead_values else 1
    found = _day_in_year(rb, code, plan_year - years)
    require(rb, "registration.years_ahead", found[0])
    return found


_REGISTRATION: dict[str, str] = {
    "registration_base": "registration.base_deadline",
    "registration_ministry": "registration.ministry_deadline",
}
"""The registration deadlines (with the provincial Department, Điểm b khoản 1 Điều 10; with the
Agency, Điểm b khoản 2 Điều 10) and the parameter of each, in the order they fall due."""

_R = TypeVar("_R")
_P = ParamSpec("_P")


def _obligation(
    code: str, build: Callable[_P, _R], /, *args: _P.args, **kwargs: _P.kwargs
) -> _R | DeadlineNotEncoded:
    """The deadline ``code`` that ``build`` makes or, when a rule it requires is not encoded on
    the day it would fall due, the :class:`DeadlineNotEncoded` naming the governing instrument
    (the one mechanism: :func:`~._procedure.require` inside, :func:`~._procedure.attempt`
    here)."""
    found = attempt(build, *args, **kwargs)
    if isinstance(found, NotEncoded):
        label_vi, label_en = _LABELS[code]
        return DeadlineNotEncoded(code, label_vi, label_en, found)
    return found


def registration_deadline(
    plan_year: int,
    *,
    direct: bool = False,
    as_of: date,
    met_on: date | None = None,
    rulebook: Rulebook | None = None,
) -> DeadlineResult:
    """The registration deadline of a national proposal for ``plan_year``: with the provincial
    Department before 20 May (Điểm b khoản 1 Điều 10 TT 36/2013/TT-BCT), or, for a proposal
    registered straight with the Agency (Điểm b khoản 1 Điều 8), before 15 June (Điểm b khoản 2
    Điều 10); in the year before the plan year (Điểm a khoản 1 Điều 6)."""
    as_of = check_date(as_of, "as_of")
    met_on = check_optional_date(met_on, "met_on")
    rb = rulebook_or_national(rulebook)
    code = "registration_ministry" if direct else "registration_base"
    return _obligation(code, _registered, rb, code, plan_year, met_on, as_of)


class _How(TypedDict, total=False):
    """How a deadline is judged: whether its being met is ``known``, and a ``note``."""

    known: bool
    note: str
    note_en: str


def _registered(
    rb: Rulebook, code: str, plan_year: int, met_on: date | None, as_of: date, **how: Unpack[_How]
) -> Deadline:
    """The registration deadline ``code`` of ``plan_year``: "before" the day of its rule."""
    day, rule = _registration_day(rb, _REGISTRATION[code], plan_year)
    return _dated(code, day - timedelta(days=1), rule, met_on, as_of, **how)


def _dated(
    code: str,
    due: date,
    rule: Resolved,
    met_on: date | None,
    as_of: date,
    *,
    known: bool = True,
    note: str = "",
    note_en: str = "",
    period: tuple[int, int] | None = None,
) -> Deadline:
    label_vi, label_en = _LABELS[code]
    return Deadline(
        code=code,
        label_vi=label_vi,
        label_en=label_en,
        due=due,
        citation=rule.citation,
        provenance=rule.provenance,
        status=obligation_status(due, met_on, as_of, known=known),
        met_on=met_on,
        period=period,
        note=note,
        note_en=note_en,
    )


def _settlement(rb: Rulebook, year: int, met_on: date | None, as_of: date, known: bool) -> Deadline:
    day, rule = _day_in_year(rb, "settlement.latest", year + 1)
    return _dated("settlement", day, rule, met_on, as_of, known=known)


def _dossier(
    rb: Rulebook, accepted: date, met_on: date | None, as_of: date, known: bool
) -> Deadline:
    rule = require(rb, "settlement.dossier_days", accepted)
    due = accepted + relativedelta(days=rule.integer)
    return _dated("settlement_dossier", due, rule, met_on, as_of, known=known)


def deadlines(
    subject: Proposal | int,
    *,
    as_of: date,
    rulebook: Rulebook | None = None,
    sent_to_department_on: date | None = None,
    dossier_filed_on: date | None = None,
    reports_filed: Mapping[tuple[int, int], date] | None = None,
) -> tuple[DeadlineResult, ...]:
    """The deadlines of a national proposal, or of a plan year (Điều 10, 18, 23 TT 36/2013/TT-BCT).

    For a plan year: registration with the Department and with the Agency, and the settlement
    of that year's contracts.  For a proposal, its history tells which apply and when they were
    met; facts the proposal does not record are inputs: ``sent_to_department_on`` (the
    Department's dossier to the Agency), ``dossier_filed_on`` (the settlement dossier),
    ``reports_filed`` ((year, month) → day filed).  Without them, a past deadline is
    ``passed`` rather than ``overdue``.

    Raises :class:`~khuyencong.errors.NotEncodedError` for a local proposal: its procedure is
    set by the province (Điểm b khoản 3 Điều 8 TT 46/2012/TT-BCT).
    """
    as_of = check_date(as_of, "as_of")
    sent_to_department_on = check_optional_date(sent_to_department_on, "sent_to_department_on")
    dossier_filed_on = check_optional_date(dossier_filed_on, "dossier_filed_on")
    rb = rulebook_or_national(rulebook)
    if isinstance(subject, int):
        return (
            *(
                _obligation(code, _registered, rb, code, subject, None, as_of, known=False)
                for code in _REGISTRATION
            ),
            _obligation("settlement", _settlement, rb, subject, None, as_of, False),
        )

    proposal = subject
    require_national(
        proposal,
        "The deadlines of Thông tư 36/2013/TT-BCT concern national proposals; a province sets "
        "the procedure of local proposals",
    )
    out: list[DeadlineResult] = []
    registered = event_dates(proposal, LifecycleEvent.REGISTER)
    registered_on = registered[0] if registered else None
    direct = registered_directly(proposal)
    guidance, guidance_en = bilingual("deadline.other_cases_by_guidance")
    if not direct:
        out.append(
            _obligation(
                "registration_base",
                _registered,
                rb,
                "registration_base",
                proposal.plan_year,
                registered_on,
                as_of,
                note=guidance,
                note_en=guidance_en,
            )
        )
    out.append(
        _obligation(
            "registration_ministry",
            _registered,
            rb,
            "registration_ministry",
            proposal.plan_year,
            registered_on if direct else sent_to_department_on,
            as_of,
            known=direct or proposal.state is ProposalState.DRAFT,
            note=guidance,
            note_en=guidance_en,
        )
    )
    if proposal.state in (ProposalState.DRAFT, ProposalState.REJECTED, ProposalState.STOPPED):
        return tuple(out)

    contracted = event_dates(proposal, LifecycleEvent.CONTRACT)
    accepted = event_dates(proposal, LifecycleEvent.ACCEPT_BASE)
    settled = event_dates(proposal, LifecycleEvent.SETTLE)
    if contracted:
        out.extend(
            _monthly(rb, contracted[0], accepted[-1] if accepted else None, as_of, reports_filed)
        )
    if accepted:
        out.append(
            _obligation(
                "settlement_dossier",
                _dossier,
                rb,
                accepted[-1],
                dossier_filed_on,
                as_of,
                not settled,
            )
        )
    if contracted:
        out.append(
            _obligation(
                "settlement",
                _settlement,
                rb,
                implementation_year(proposal),
                settled[0] if settled else None,
                as_of,
                True,
            )
        )
    return tuple(out)


def _monthly(
    rb: Rulebook,
    start: date,
    accepted: date | None,
    as_of: date,
    filed: Mapping[tuple[int, int], date] | None,
) -> list[DeadlineResult]:
    """Monthly progress reports falling due from the contract until base acceptance, or until
    the month of ``as_of`` while the work goes on."""
    out: list[DeadlineResult] = []
    end = as_of if accepted is None else min(accepted, as_of)
    month = date(start.year, start.month, 1)
    while month <= end:
        found = _obligation(
            "monthly_report", _month_report, rb, month, start, accepted, as_of, filed
        )
        if found is not None:
            out.append(found)
        month += relativedelta(months=1)
    return out


def _month_report(
    rb: Rulebook,
    month: date,
    start: date,
    accepted: date | None,
    as_of: date,
    filed: Mapping[tuple[int, int], date] | None,
) -> Deadline | None:
    """The progress report of ``month`` (before the day ``reporting.monthly_before_day`` of it),
    or ``None`` when that day falls before the contract or from base acceptance on."""
    rule = require(rb, "reporting.monthly_before_day", month)
    due = month + relativedelta(day=rule.integer) - timedelta(days=1)
    if due < start or (accepted is not None and due >= accepted):
        return None
    key = (month.year, month.month)
    met = None if filed is None else filed.get(key)
    return _dated("monthly_report", due, rule, met, as_of, known=filed is not None, period=key)


def overdue(
    proposal: Proposal,
    as_of: date,
    *,
    rulebook: Rulebook | None = None,
    sent_to_department_on: date | None = None,
    dossier_filed_on: date | None = None,
    reports_filed: Mapping[tuple[int, int], date] | None = None,
) -> tuple[Deadline, ...]:
    """The obligations of a national proposal that are overdue on ``as_of`` (registration,
    settlement dossier, settlement, monthly reports; Điều 10, 18, 23 TT 36/2013/TT-BCT)."""
    as_of = check_date(as_of, "as_of")
    sent_to_department_on = check_optional_date(sent_to_department_on, "sent_to_department_on")
    dossier_filed_on = check_optional_date(dossier_filed_on, "dossier_filed_on")
    return tuple(
        d
        for d in deadlines(
            proposal,
            as_of=as_of,
            rulebook=rulebook,
            sent_to_department_on=sent_to_department_on,
            dossier_filed_on=dossier_filed_on,
            reports_filed=reports_filed,
        )
        if isinstance(d, Deadline) and d.status is ObligationStatus.OVERDUE
    )
