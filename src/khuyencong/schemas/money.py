"""Money: ``decimal.Decimal`` in whole đồng, never float."""

from __future__ import annotations

import decimal
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

__all__ = ["Money", "floor_dong", "whole_dong"]


def _refuse_float(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError(
            "amounts are whole đồng given as an integer or a string such as '1500000000', "
            "not a floating-point number"
        )
    if isinstance(value, bool):
        raise ValueError("an amount must be a number of đồng, not true/false")
    return value


def whole_dong(value: Decimal) -> Decimal:
    """Refuse fractions of a đồng, and NaN or infinity."""
    if not value.is_finite():
        raise ValueError("an amount must be a finite number of đồng")
    if value != value.to_integral_value():
        raise ValueError(f"{value} is not a whole number of đồng")
    try:
        return value.quantize(Decimal(1))
    except InvalidOperation:
        # More digits than the decimal context holds (28): no real amount is that large.
        raise ValueError(f"{value} is too large to be an amount in đồng") from None


Money = Annotated[
    Decimal,
    BeforeValidator(_refuse_float),
    Field(ge=0, description="Whole đồng (VND), non-negative"),
    AfterValidator(whole_dong),
    # Stated by hand: pydantic would emit the non-standard keyword "ge" and allow any number.
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
    return amount.quantize(Decimal(1), rounding=ROUND_FLOOR, context=_WIDE)
