"""Parse dates the way Vietnamese tables write them.

Accepted: ``dd/mm/yyyy`` and ``d/m/yyyy`` (also with ``-`` or ``.`` between the parts), ISO
``yyyy-mm-dd``, and ``date``/``datetime`` objects from spreadsheet cells (a ``datetime`` must be at
midnight: a time of day on a date column is a sign of a wrong column).  Invalid calendar dates
(31/02/2016) and anything else raise :class:`~khuyencong.errors.AmountParseError`, the library's
error for values that cannot be read without guessing.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache
from typing import Final

from ..errors import AmountParseError

__all__ = ["parse_date"]

_DMY_RE: Final = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")
_ISO_RE: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?$")


def parse_date(value: object) -> date:
    """Read a date.

    >>> parse_date("01/06/2016")
    datetime.date(2016, 6, 1)
    >>> parse_date("1/6/2016")
    datetime.date(2016, 6, 1)
    >>> parse_date("2016-06-01")
    datetime.date(2016, 6, 1)
    """
    if isinstance(value, datetime):
        if value.time() != time(0) or value.tzinfo is not None:
            raise AmountParseError(code="date_time_of_day", value=value.isoformat())
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise AmountParseError(code="date_not_date", value=repr(value))
    return _parse_text(value)


@lru_cache(maxsize=8192)  # tables repeat dates; date is immutable
def _parse_text(value: str) -> date:
    text = value.strip()
    match = _DMY_RE.match(text)
    if match is not None:
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    else:
        iso = _ISO_RE.match(text)
        if iso is None:
            raise AmountParseError(code="date_not_date_dmy", value=repr(value))
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    try:
        return date(year, month, day)
    except ValueError:
        raise AmountParseError(code="date_not_calendar", value=repr(value)) from None
