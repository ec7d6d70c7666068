"""Complaints and their time limits in working days (Điều 20 Thông tư 26/2014/TT-BCT)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from .._args import check_date, check_rulebook
from ..l10n.catalog import Msg
from ..rulebooks import NotEncoded, Rulebook, national
from ..rules._procedure import not_encoded_error, require, returns_not_encoded
from .results import (
    Check,
    Deadline,
)

__all__ = ["complaint_deadline", "complaint_in_time", "complaint_resolution_deadline"]


def _add_working_days(start: date, days: int, holidays: frozenset[date]) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself not counted)."""
    current, counted = start, 0
    while counted < days:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            counted += 1
    return current


def _deadline(
    code: str, start: date, holidays: Iterable[date], rulebook: Rulebook | None
) -> Deadline:
    rb = check_rulebook(rulebook) or national()
    period = require(rb, code, start)
    days = frozenset(holidays)
    return Deadline(
        start=start,
        last_day=_add_working_days(start, period.integer, days),
        working_days=period.integer,
        citation=period.citation,
        provenance=period.provenance,
        holidays_declared=len(days),
    )


@returns_not_encoded
def complaint_deadline(
    notified_on: date, holidays: Iterable[date] = (), rulebook: Rulebook | None = None
) -> Deadline:
    """The last day to complain about the results: 15 working days from their notification
    (khoản 1 Điều 20 Thông tư 26/2014/TT-BCT).

    Working days are Monday to Friday minus the ``holidays`` the caller declares; the day of
    notification is not counted.
    """
    notified_on = check_date(notified_on, "notified_on")
    return _deadline(
        "typical_products.complaint_period_working_days", notified_on, holidays, rulebook
    )


@returns_not_encoded
def complaint_resolution_deadline(
    received_on: date, holidays: Iterable[date] = (), rulebook: Rulebook | None = None
) -> Deadline:
    """The last day for the council to settle a complaint: 10 working days from receiving it
    (khoản 2 Điều 20 Thông tư 26/2014/TT-BCT); same counting as :func:`complaint_deadline`."""
    received_on = check_date(received_on, "received_on")
    return _deadline(
        "typical_products.complaint_resolution_working_days", received_on, holidays, rulebook
    )


@returns_not_encoded
def complaint_in_time(
    notified_on: date,
    filed_on: date,
    holidays: Iterable[date] = (),
    rulebook: Rulebook | None = None,
) -> Check:
    """Whether a complaint filed on ``filed_on`` is within the time limit of khoản 1 Điều 20
    Thông tư 26/2014/TT-BCT."""
    notified_on = check_date(notified_on, "notified_on")
    filed_on = check_date(filed_on, "filed_on")
    deadline = complaint_deadline(notified_on, holidays, rulebook)
    if isinstance(deadline, NotEncoded):
        raise not_encoded_error(deadline)
    ok = notified_on <= filed_on <= deadline.last_day
    return Check.of(
        "complaint_in_time",
        ok,
        deadline,
        params={
            "days": deadline.working_days,
            "notified_on": notified_on,
            "last_day": deadline.last_day,
            "filed_on": filed_on,
            "verdict": Msg("word.in_time" if ok else "word.out_of_time"),
        },
    )
