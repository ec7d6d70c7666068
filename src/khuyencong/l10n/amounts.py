"""Parse Vietnamese amounts of money into whole đồng, exactly, or refuse.

Vietnamese writing groups thousands with a dot and separates decimals with a comma:
``1.500.000.000`` is one and a half billion đồng and ``1,5 tỷ`` is the same amount.  The parser
follows that convention strictly and never guesses:

=========================  =================  ==============================================
input                      result (đồng)      why
=========================  =================  ==============================================
``"1.500.000.000"``        1500000000         dots group thousands
``"1.500.000.000 đồng"``   1500000000         a currency word (đ, đồng, VND, VNĐ, ₫) may follow
``"1,5 tỷ"``               1500000000         with a unit, a decimal comma is allowed
``"11,76 tỷ đồng"``        11760000000
``"500 triệu"``/``500tr``  500000000          tỷ/tỉ = 10⁹, triệu/tr = 10⁶, nghìn/ngàn = 10³
``"1500000"``              1500000            plain digits
``1500000`` (int cell)     1500000            Excel/JSON integers
``1500000.0`` (float)      1500000            only when the float is exactly integral
``"1.5"``                  error              a dot that does not group thousands
``"1,500"``                error              a comma without a unit: 1,5 or 1500?
``"1.50.000"``             error              malformed grouping
``"1,2345678 triệu"``      error              1.234.567,8 đồng is not a whole number of đồng
=========================  =================  ==============================================

Floats — spreadsheet numbers — are read as the spreadsheet shows them (:func:`spreadsheet_number`):
a formula's binary noise below Excel's 15 significant digits is not a fraction of a đồng
(``=0.1*7*1000000000`` gives 700000000.0000001, which Excel shows and stores as 700.000.000).
They are accepted only when that is a whole amount no larger than 2**53, where every integer is
exact; anything else may already have lost digits and is refused.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Final

from ..errors import AmountParseError

__all__ = ["MAX_AMOUNT", "parse_amount", "parse_decimal", "spreadsheet_number"]

MAX_AMOUNT: Final = Decimal(10) ** 18
"""The largest amount accepted (10¹⁸ đồng): anything larger is a typing or export error."""

_UNITS: Final[dict[str, int]] = {
    "tỷ": 10**9,
    "tỉ": 10**9,
    "ty": 10**9,
    "triệu": 10**6,
    "trieu": 10**6,
    "tr": 10**6,
    "nghìn": 10**3,
    "ngàn": 10**3,
    "nghin": 10**3,
    "ngan": 10**3,
}

_CURRENCY = r"(?:đồng|đ|vnđ|vnd|dong|₫)"
_UNIT = r"(?:tỷ|tỉ|ty|triệu|trieu|tr|nghìn|ngàn|nghin|ngan)"
_AMOUNT_RE: Final = re.compile(
    rf"^(?P<sign>[-−])?\s*(?P<number>[0-9][0-9., \u00a0\u202f]*?)\s*"
    rf"(?P<unit>{_UNIT})?\.?\s*(?P<currency>{_CURRENCY})?\.?$"
)
_PLAIN_RE: Final = re.compile(r"^[0-9]+$")
_DOT_GROUPED_RE: Final = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+$")
_SPACE_GROUPED_RE: Final = re.compile(r"^[0-9]{1,3}(?: [0-9]{3})+$")
_DECIMAL_RE: Final = re.compile(r"^(?P<int>[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+),(?P<frac>[0-9]+)$")
_MAX_TEXT: Final = 64
_FLOAT_EXACT_LIMIT: Final = 2**53


def _integer_part(text: str, original: object) -> int:
    """Read a whole number written with optional dot (or space) grouping of thousands."""
    if _PLAIN_RE.match(text):
        if len(text) > 1 and text.startswith("0") and set(text) != {"0"}:
            # "0123" is a code, not an amount, in a Vietnamese table.
            raise AmountParseError(code="amount_leading_zero", value=repr(original))
        return int(text)
    if _DOT_GROUPED_RE.match(text) or _SPACE_GROUPED_RE.match(text):
        return int(text.replace(".", "").replace(" ", ""))
    if "," in text and "." not in text:
        raise AmountParseError(code="amount_comma_ambiguous", value=repr(original))
    if "." in text and "," not in text:
        raise AmountParseError(code="amount_dot_groups", value=repr(original))
    raise AmountParseError(code="amount_not_vietnamese", value=repr(original))


def _check_range(value: Decimal, original: object, allow_negative: bool) -> Decimal:
    if value < 0 and not allow_negative:
        raise AmountParseError(code="amount_negative", value=repr(original))
    if abs(value) > MAX_AMOUNT:
        raise AmountParseError(code="amount_too_large", value=repr(original))
    return value


_EXCEL_DIGITS: Final = 15
"""The significant digits a spreadsheet number holds: Excel's "number precision" (Excel
specifications and limits); LibreOffice Calc shows as many."""


def spreadsheet_number(value: float) -> Decimal:
    """A finite spreadsheet number (a float) as the spreadsheet shows it: an integral value
    exactly; another at :data:`_EXCEL_DIGITS` significant digits when it differs from that only
    by the noise of binary arithmetic (a few units in the last place), else exactly as stored.

    >>> spreadsheet_number(0.1 * 7 * 1000), spreadsheet_number(82.5), spreadsheet_number(1.5)
    (Decimal('700'), Decimal('82.5'), Decimal('1.5'))
    >>> spreadsheet_number(123456789012345.67)  # a real fraction, kept: not noise
    Decimal('123456789012345.67')
    """
    if value.is_integer():
        return Decimal(int(value))
    shown = f"{value:.{_EXCEL_DIGITS}g}"
    if abs(float(shown) - value) <= 4 * math.ulp(value):
        return Decimal(shown)
    return Decimal(repr(value))


def parse_amount(value: object, *, allow_negative: bool = False) -> Decimal:
    """Read a Vietnamese amount of money as a ``Decimal`` of whole đồng.

    ``value`` may be a string in Vietnamese notation, an ``int``, a ``Decimal``, or a ``float``
    from a spreadsheet cell that is integral as the spreadsheet shows it
    (:func:`spreadsheet_number`).  Anything ambiguous, malformed, negative
    (unless ``allow_negative``), larger than :data:`MAX_AMOUNT`, or not a whole number of đồng
    raises :class:`~khuyencong.errors.AmountParseError`.

    >>> parse_amount("1.500.000.000 đ")
    Decimal('1500000000')
    >>> parse_amount("11,76 tỷ đồng")
    Decimal('11760000000')
    >>> parse_amount("500tr")
    Decimal('500000000')
    >>> parse_amount("1.5")
    Traceback (most recent call last):
    ...
    khuyencong.errors.AmountParseError: '1.5' is not an amount in đồng: dots must group thousands in threes (1.500.000); for a decimal write a comma and a unit (1,5 tỷ)
    """
    if isinstance(value, bool):
        raise AmountParseError(code="amount_bool", value=repr(value))
    if isinstance(value, int):
        return _check_range(Decimal(value), value, allow_negative)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise AmountParseError(code="amount_not_finite", value=repr(value))
        number = spreadsheet_number(value)
        if number != number.to_integral_value():
            raise AmountParseError(code="amount_not_whole", value=repr(value))
        if abs(value) > _FLOAT_EXACT_LIMIT:
            raise AmountParseError(code="amount_float_inexact", value=repr(value))
        return _check_range(number.quantize(Decimal(1)), value, allow_negative)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise AmountParseError(code="amount_not_finite", value=repr(value))
        if abs(value) > MAX_AMOUNT:
            raise AmountParseError(code="amount_too_large", value=str(value))
        if value != value.to_integral_value():
            raise AmountParseError(code="amount_not_whole", value=str(value))
        return _check_range(value.quantize(Decimal(1)), value, allow_negative)
    if not isinstance(value, str):
        raise AmountParseError(code="amount_type", value=repr(value), type=type(value).__name__)
    return _parse_text(value, allow_negative)


@lru_cache(maxsize=32768)  # tables repeat amounts; Decimal is immutable, so sharing is safe
def _parse_text(value: str, allow_negative: bool) -> Decimal:
    text = value.strip()
    if not text:
        raise AmountParseError(code="amount_empty")
    if len(text) > _MAX_TEXT:
        raise AmountParseError(code="amount_too_long", value=repr(value[:_MAX_TEXT]))
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = text.lower().replace("\u00a0", " ").replace("\u202f", " ")
    match = _AMOUNT_RE.match(text)
    if match is None:
        raise AmountParseError(code="amount_not_vietnamese", value=repr(value))
    number = match["number"].strip()
    unit = match["unit"]
    negative = match["sign"] is not None
    if unit is None:
        result = Decimal(_integer_part(number, value))
    else:
        multiplier = _UNITS[unit]
        decimal_match = _DECIMAL_RE.match(number)
        if decimal_match is not None:
            whole = _integer_part(decimal_match["int"], value)
            frac = decimal_match["frac"]
            # Integer arithmetic: exact for any number of decimals, no context precision.
            numerator = (whole * 10 ** len(frac) + int(frac)) * multiplier
            quotient, remainder = divmod(numerator, 10 ** len(frac))
            if remainder:
                raise AmountParseError(
                    code="amount_not_whole_exact",
                    value=repr(value),
                    exact=f"{quotient},{str(remainder).rjust(len(frac), '0').rstrip('0')}",
                )
            result = Decimal(quotient)
        else:
            result = Decimal(_integer_part(number, value)) * multiplier
    if negative:
        result = -result
    return _check_range(result, value, allow_negative)


def parse_decimal(value: object) -> Decimal:
    """Read a plain decimal number such as a priority factor: ``"1,5"`` or ``1.5`` → ``1.5``.

    A comma is the Vietnamese decimal separator; a dot is accepted as decimal point only when it is
    the only separator and not followed by exactly three digits (``"1.500"`` is refused as
    ambiguous).  Floats are converted through their shortest ``repr``.
    """
    if isinstance(value, bool):
        raise AmountParseError(code="number_bool", value=repr(value))
    if isinstance(value, int | Decimal):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        if len(text) > _MAX_TEXT or not re.fullmatch(r"[0-9]+(?:[.,][0-9]+)?", text):
            raise AmountParseError(code="number_not_comma", value=repr(value))
        if "." in text and len(text.split(".")[1]) == 3:
            raise AmountParseError(code="number_dot_ambiguous", value=repr(value))
        try:
            result = Decimal(text.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the regex guarantees a number
            raise AmountParseError(code="number_not_number", value=repr(value)) from None
    else:
        raise AmountParseError(code="number_not_number", value=repr(value))
    if not result.is_finite():
        raise AmountParseError(code="number_not_finite", value=repr(value))
    return result
