"""Money: ``decimal.Decimal`` in whole đồng, never float."""

from __future__ import annotations

import decimal
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import Field, ValidatorFunctionWrapHandler, WithJsonSchema, WrapValidator
from pydantic_core import PydanticKnownError

from ..errors import InvalidValueError

__all__ = ["Money", "floor_dong", "whole_dong"]

_ONE = Decimal(1)


def _money(value: Any, parse: ValidatorFunctionWrapHandler) -> Decimal:
    """Validate an amount in one step: refuse floats and booleans, let pydantic parse integers
    and strings, then refuse negative amounts and fractions of a đồng.

    One validator instead of a chain of three: amounts are the most frequent field of a plan,
    and a ``Decimal`` (what the datasets readers give) skips pydantic's parsing altogether.
    """
    if type(value) is not Decimal:
        if isinstance(value, float):
            raise InvalidValueError(code="amount_float")
        if isinstance(value, bool):
            raise InvalidValueError(code="amount_true_false")
        value = parse(value)
    if value.is_finite() and value < 0:
        # The error pydantic gives for Field(ge=0), so messages and error types stay the same.
        raise PydanticKnownError("greater_than_equal", {"ge": 0})
    return whole_dong(value)


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
    WrapValidator(_money),
    Field(description="Whole đồng (VND), non-negative"),
    # Stated by hand: the wrap validator hides the rules from pydantic's schema generation.
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


_WIDE = decimal.Context(prec=60, rounding=ROUND_FLOOR)


def floor_dong(amount: Decimal) -> Decimal:
    """Round down to the whole đồng (a computed support never rounds up).

    >>> floor_dong(Decimal("35000000.9")), floor_dong(Decimal("-0.5"))
    (Decimal('35000000'), Decimal('-1'))
    """
    return amount.quantize(_ONE, rounding=ROUND_FLOOR, context=_WIDE)
