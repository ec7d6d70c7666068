"""Parsing and formatting of Vietnamese amounts and dates (khuyencong.l10n)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khuyencong.errors import AmountParseError, KhuyenCongError
from khuyencong.l10n import (
    MAX_AMOUNT,
    format_date,
    format_vnd,
    parse_amount,
    parse_date,
    parse_decimal,
)
from khuyencong.l10n.amounts import spreadsheet_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.500.000.000", 1_500_000_000),
        ("1.500.000.000 đ", 1_500_000_000),
        ("1.500.000.000đ", 1_500_000_000),
        ("1.500.000.000 đồng", 1_500_000_000),
        ("1.500.000.000 VNĐ", 1_500_000_000),
        ("1.500.000.000 ₫", 1_500_000_000),
        ("1 500 000", 1_500_000),
        ("1,5 tỷ", 1_500_000_000),
        ("1,5 tỉ", 1_500_000_000),
        ("11,76 tỷ đồng", 11_760_000_000),
        ("1.234,5 triệu", 1_234_500_000),
        ("500 triệu", 500_000_000),
        ("500tr", 500_000_000),
        ("500 TR", 500_000_000),
        ("500 nghìn", 500_000),
        ("500 ngàn", 500_000),
        ("0,5 nghìn", 500),
        ("1,2345 tỷ", 1_234_500_000),
        ("1500000", 1_500_000),
        ("0", 0),
        (1_500_000, 1_500_000),
        (1_500_000.0, 1_500_000),
        (Decimal("1500000"), 1_500_000),
        (Decimal("1500000.00"), 1_500_000),
    ],
)
def test_reads_vietnamese_amounts(text: object, expected: int) -> None:
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    [
        "1.5",
        "1,500",
        "1,500,000",
        "1.50.000",
        "1.5000",
        "abc",
        "",
        "   ",
        "1,2345678 triệu",  # 1.234.567,8 đồng
        "1,0000000001 tỷ",  # 1.000.000.000,1 đồng
        "-5",
        "1e999",
        "1E+30",
        "9" * 40,
        "0123",
        "1.5 tỷ",
        "tỷ",
        1.5,
        float("nan"),
        float("inf"),
        2.0**60,
        True,
        None,
        Decimal("NaN"),
        Decimal("1.5"),
        Decimal("1e30"),
        10**30,
    ],
)
def test_refuses_what_it_would_have_to_guess(text: object) -> None:
    with pytest.raises(AmountParseError):
        parse_amount(text)


def test_negative_only_when_allowed() -> None:
    assert parse_amount("-1.500.000", allow_negative=True) == Decimal(-1_500_000)
    with pytest.raises(AmountParseError, match="negative"):
        parse_amount("-1.500.000")


def test_error_is_part_of_the_hierarchy() -> None:
    with pytest.raises(KhuyenCongError):
        parse_amount("1,500")
    with pytest.raises(ValueError, match="ambiguous"):
        parse_amount("1,500")


def test_format_vnd() -> None:
    assert format_vnd(Decimal("1500000000")) == "1.500.000.000 đ"
    assert format_vnd(Decimal("1500000000"), "en") == "1,500,000,000 VND"
    assert format_vnd(0) == "0 đ"
    assert format_vnd(Decimal(-1000)) == "-1.000 đ"
    with pytest.raises(AmountParseError):
        format_vnd(Decimal("1.5"))


@given(st.integers(min_value=0, max_value=int(MAX_AMOUNT)))
def test_format_then_parse_round_trips(amount: int) -> None:
    assert parse_amount(format_vnd(Decimal(amount))) == Decimal(amount)


@given(st.text(max_size=40))
def test_parse_amount_raises_only_amount_errors(text: str) -> None:
    try:
        result = parse_amount(text)
    except AmountParseError:
        return
    assert result == result.to_integral_value()
    assert 0 <= result <= MAX_AMOUNT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01/06/2016", date(2016, 6, 1)),
        ("1/6/2016", date(2016, 6, 1)),
        ("01-06-2016", date(2016, 6, 1)),
        ("01.06.2016", date(2016, 6, 1)),
        ("2016-06-01", date(2016, 6, 1)),
        (date(2016, 6, 1), date(2016, 6, 1)),
        (datetime(2016, 6, 1), date(2016, 6, 1)),
    ],
)
def test_reads_dates(text: object, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["31/02/2016", "2016/06/01", "06/2016", "abc", "", datetime(2016, 6, 1, 9, 30), 42]
)
def test_refuses_bad_dates(text: object) -> None:
    with pytest.raises(AmountParseError):
        parse_date(text)


def test_format_date() -> None:
    assert format_date(date(2016, 6, 1)) == "01/06/2016"
    assert format_date(date(2016, 6, 1), "en") == "2016-06-01"


@given(st.dates())
def test_date_round_trip(value: date) -> None:
    if value.year >= 1000:
        assert parse_date(format_date(value)) == value


def test_parse_decimal() -> None:
    assert parse_decimal("1,5") == Decimal("1.5")
    assert parse_decimal("1.2") == Decimal("1.2")
    assert parse_decimal(1.5) == Decimal("1.5")
    with pytest.raises(AmountParseError):
        parse_decimal("1.500")


def test_a_spreadsheet_number_is_read_as_the_spreadsheet_shows_it() -> None:
    # =0.1*7*1000000000 in Excel: stored as 700000000.0000001, shown (15 digits) as 700000000.
    assert 0.1 * 7 * 1e9 != 700_000_000
    assert parse_amount(0.1 * 7 * 1e9) == Decimal(700_000_000)
    assert spreadsheet_number(1.1 * 3) == Decimal("3.3")
    assert spreadsheet_number(60.25) == Decimal("60.25")
    # A real fraction is kept, and refused as an amount: it is not noise.
    assert spreadsheet_number(123456789012345.67) == Decimal("123456789012345.67")
    with pytest.raises(AmountParseError):
        parse_amount(123456789012345.67)
    with pytest.raises(AmountParseError):
        parse_amount(1500000.5)
