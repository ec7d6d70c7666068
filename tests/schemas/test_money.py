"""Money: non-negative whole đồng as ``Decimal``; floats, fractions and NaN refused."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from khuyencong.schemas import BudgetLine, Money


class _Amount(BaseModel):
    amount: Money


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (0, Decimal(0)),
        (1_500_000_000, Decimal(1_500_000_000)),
        ("1500000000", Decimal(1_500_000_000)),
        ("1000.00", Decimal(1000)),  # a whole amount written with decimals
        ("1e3", Decimal(1000)),
        (Decimal("250000"), Decimal(250_000)),
        (10**27, Decimal(10**27)),  # absurd but representable
    ],
)
def test_whole_non_negative_amounts_are_accepted(given: Any, expected: Decimal) -> None:
    amount = _Amount(amount=given).amount
    assert isinstance(amount, Decimal)
    assert amount == expected
    assert amount.as_tuple().exponent == 0  # stored as whole đồng, not 1E+3 or 1000.00


@pytest.mark.parametrize(
    ("given", "words"),
    [
        (-1, "greater than or equal to 0"),
        ("-5000000", "greater than or equal to 0"),
        (Decimal("-1"), "greater than or equal to 0"),
        (Decimal("-0.5"), "greater than or equal to 0"),
        (Decimal("-Infinity"), "finite number"),
        ("1000.5", "not a whole number of đồng"),
        (Decimal("0.01"), "not a whole number of đồng"),
        (1000.0, "not a floating-point number"),
        (1000.5, "not a floating-point number"),
        (float("nan"), "not a floating-point number"),
        ("NaN", "finite number"),
        (Decimal("NaN"), "finite number"),
        ("Infinity", "finite number"),
        (True, "not true/false"),
        ("một triệu", "valid decimal"),
        (10**40, "too large"),
    ],
)
def test_other_amounts_are_refused_in_plain_words(given: Any, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _Amount(amount=given)
    (error,) = caught.value.errors()
    assert error["loc"] == ("amount",)
    assert words in error["msg"]
    if "greater than" in words:
        assert error["type"] == "greater_than_equal"


def test_json_numbers_with_a_fraction_part_are_floats_and_refused() -> None:
    with pytest.raises(ValidationError, match="not a floating-point number"):
        _Amount.model_validate_json('{"amount": 1500000000.0}')
    assert _Amount.model_validate_json('{"amount": 1500000000}').amount == Decimal(1_500_000_000)


def test_amounts_serialise_to_json_as_strings_of_digits() -> None:
    assert _Amount(amount=1_500_000_000).model_dump_json() == '{"amount":"1500000000"}'


def test_requested_may_equal_the_cost_but_not_exceed_it() -> None:
    line = BudgetLine(item="brand", cost=Decimal(70_000_000), requested=Decimal(70_000_000))
    assert line.requested == line.cost == Decimal(70_000_000)
    with pytest.raises(ValidationError) as caught:
        BudgetLine(item="brand", cost=Decimal(70_000_000), requested=Decimal(70_000_001))
    (error,) = caught.value.errors()
    assert error["loc"] == ("requested",)
    # the amounts in English as everywhere else (1,500,000 VND); the path names the field
    assert "70,000,001 VND exceeds the line's cost of 70,000,000 VND" in error["msg"]


def test_other_money_fields_of_a_line_are_checked_too() -> None:
    with pytest.raises(ValidationError) as caught:
        BudgetLine.model_validate(
            {
                "item": "brand",
                "cost": "100",
                "requested": "50",
                "counterpart": "-1",
                "other_sources": 2.5,
            }
        )
    assert {error["loc"] for error in caught.value.errors()} == {
        ("counterpart",),
        ("other_sources",),
    }
