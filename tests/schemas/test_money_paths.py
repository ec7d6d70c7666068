"""The fast paths of ``Money`` (issue 15) give what the general path gives: a string of ASCII
digits and a non-negative integer become the same whole-đồng ``Decimal`` as a ``Decimal``, and
serialise to JSON as the string of digits without a serializer warning."""

from __future__ import annotations

import warnings
from decimal import Decimal

import pytest
from pydantic import ValidationError

from khuyencong.schemas import BudgetLine


@pytest.mark.parametrize(
    "given",
    ["0070000000", "70000000", 70_000_000, Decimal("70000000"), Decimal("7E+7"), " 70000000 "],
)
def test_every_path_gives_the_same_amount(given: object) -> None:
    line = BudgetLine.model_validate({"item": "brand", "cost": given, "requested": 0})
    assert line.cost == Decimal(70_000_000)
    assert str(line.cost) == "70000000"  # exponent 0: whole đồng
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert '"cost":"70000000"' in line.model_dump_json()


@pytest.mark.parametrize("given", ["1.5", "²", "9" * 29, 10**28, -1])
def test_what_the_fast_paths_leave_is_refused_as_before(given: object) -> None:
    # A fraction, a superscript, more than 28 digits, a negative integer: not amounts of đồng.
    with pytest.raises(ValidationError):
        BudgetLine.model_validate({"item": "brand", "cost": given, "requested": 0})
