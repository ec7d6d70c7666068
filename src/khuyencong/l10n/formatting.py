"""Write amounts and dates the Vietnamese (or English) way, with babel.

Convention: amounts in Vietnamese are grouped with dots and followed by a space and ``đ``
(``1.500.000.000 đ``), the common form in Vietnamese plans, which :func:`parse_amount` reads back
exactly.  In English they are grouped with commas and followed by ``VND``
(``1,500,000,000 VND``).  Dates are ``dd/mm/yyyy`` in Vietnamese and ISO ``yyyy-mm-dd`` in
English, which nobody misreads.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

from ..errors import AmountParseError

__all__ = ["format_count", "format_date", "format_vnd"]


@cache
def _group_symbol(lang: str) -> str:
    from babel.numbers import get_group_symbol

    return str(get_group_symbol("vi" if lang == "vi" else "en"))


def format_vnd(amount: Decimal | int, lang: str = "vi") -> str:
    """Format whole đồng: ``"1.500.000.000 đ"`` (vi) or ``"1,500,000,000 VND"`` (en).

    >>> format_vnd(Decimal("1500000000"))
    '1.500.000.000 đ'
    >>> format_vnd(1500000000, "en")
    '1,500,000,000 VND'
    """
    value = Decimal(amount)
    if not value.is_finite() or value != value.to_integral_value():
        raise AmountParseError(code="amount_not_whole", value=repr(amount))
    # babel's pattern engine would round very large Decimals through its own precision rules;
    # grouping the exact digits ourselves with babel's locale symbol keeps every digit.
    digits = str(abs(int(value)))
    groups = []
    while digits:
        groups.append(digits[-3:])
        digits = digits[:-3]
    text = _group_symbol(lang).join(reversed(groups))
    sign = "-" if value < 0 else ""
    return f"{sign}{text} đ" if lang == "vi" else f"{sign}{text} VND"


def format_count(n: int, lang: str = "vi") -> str:
    """A count of things with the language's digit grouping: ``"10.000"`` (vi), ``"10,000"`` (en).

    >>> format_count(10000), format_count(10000, "en"), format_count(7)
    ('10.000', '10,000', '7')
    """
    return f"{n:,}".replace(",", _group_symbol(lang))


def format_date(value: date, lang: str = "vi") -> str:
    """Format a date: ``"01/06/2016"`` (vi) or ``"2016-06-01"`` (en).

    >>> format_date(date(2016, 6, 1))
    '01/06/2016'
    """
    from babel.dates import format_date as babel_format_date

    if lang == "vi":
        return str(babel_format_date(value, "dd/MM/yyyy", locale="vi"))
    return value.isoformat()
