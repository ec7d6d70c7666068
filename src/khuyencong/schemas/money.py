"""Money: ``decimal.Decimal`` in whole đồng, never float."""

from __future__ import annotations

import decimal
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from typing import Annotated, Any, Final

from pydantic import Field, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticKnownError, SchemaValidator, ValidationError, core_schema

from ..errors import InvalidValueError

__all__ = ["Money", "floor_dong", "whole_dong"]

_ONE: Final = Decimal(1)
_DIGITS_MAX: Final = 28
"""The digits of the default decimal context: longer amounts go the slow way (and are refused)."""
_LIMIT: Final = 10**_DIGITS_MAX


def _money(value: Any) -> Decimal:
    """Validate an amount in one step: refuse floats and booleans, parse integers and strings as
    pydantic does, then refuse negative amounts and fractions of a đồng.

    One plain validator instead of a chain of three (or a wrap validator calling back into
    pydantic): amounts are the most frequent field of a plan.  A string of ASCII digits or a
    non-negative integer (what plans hold) becomes a ``Decimal`` at once; a ``Decimal`` (what
    the datasets readers give) skips parsing; anything else is parsed by pydantic-core's own
    decimal validator, whose errors are raised as they are.
    """
    kind = type(value)
    if kind is str:
        if value.isdigit() and value.isascii() and len(value) <= _DIGITS_MAX:
            # The common case of a plan: a string of ASCII digits — a whole, finite,
            # non-negative amount the decimal context holds.  Decimal() alone is exact here.
            return Decimal(value)
    elif kind is int and 0 <= value < _LIMIT:
        return Decimal(value)
    if kind is not Decimal:
        if isinstance(value, float):
            raise InvalidValueError(code="amount_float")
        if isinstance(value, bool):
            raise InvalidValueError(code="amount_true_false")
        try:
            value = _DECIMAL.validate_python(value)
        except ValidationError as exc:
            error = exc.errors()[0]
            raise PydanticKnownError(error["type"], error.get("ctx")) from None  # type: ignore[arg-type]
    if value.is_finite() and value < 0:
        # The error pydantic gives for Field(ge=0), so messages and error types stay the same.
        raise PydanticKnownError("greater_than_equal", {"ge": 0})
    return whole_dong(value)


_DECIMAL: Final = SchemaValidator(core_schema.decimal_schema())
"""pydantic-core's decimal parsing, for the amounts the fast paths of :func:`_money` leave."""


def whole_dong(value: Decimal) -> Decimal:
    """Refuse fractions of a đồng, and NaN or infinity."""
    if not value.is_finite():
        raise InvalidValueError(code="amount_finite")
    if value != value.to_integral_value():
        raise InvalidValueError(code="amount_not_whole", value=str(value))
    try:
        return value.quantize(_ONE)
    except InvalidOperation:
        # More digits than the decimal context holds (28): no real amount is that large.
        raise InvalidValueError(code="amount_too_large_digits", value=str(value)) from None


Money = Annotated[
    Decimal,
    PlainValidator(_money),
    # JSON: the string of digits, as pydantic writes a Decimal (a plain validator leaves
    # pydantic's own Decimal serializer checking a string against a decimal: a warning).
    PlainSerializer(str, return_type=str, when_used="json"),
    Field(description="Whole đồng (VND), non-negative"),
    # Stated by hand: the plain validator hides the rules from pydantic's schema generation.
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": "^[0-9]+$"},
            ],
            "description": "Whole đồng (VND), non-negative: an integer or a string of digits",
        }
    ),
]
"""A non-negative amount in whole đồng."""


_WIDE: Final = decimal.Context(prec=60, rounding=ROUND_FLOOR)


def floor_dong(amount: Decimal) -> Decimal:
    """Round down to the whole đồng (a computed support never rounds up).

    >>> floor_dong(Decimal("35000000.9")), floor_dong(Decimal("-0.5"))
    (Decimal('35000000'), Decimal('-1'))
    """
    return amount.quantize(_ONE, rounding=ROUND_FLOOR, context=_WIDE)
