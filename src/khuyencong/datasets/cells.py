"""Cells: cleaning a cell as read, and the small readers the converters share: text, integers,
label tables (moved from ``values.py``)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

from ..errors import AmountParseError
from ..l10n.catalog import Text
from ..schemas.codes import (
    LabelledEnum,
)
from .columns import fold

__all__ = ["EXCEL_ERRORS", "clean_cell"]

EXCEL_ERRORS: Final = frozenset(
    {"#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)


def clean_cell(value: Any) -> Any:
    """Normalise a raw cell: blank strings and NaN become ``None``, text is stripped and NFC.

    numpy scalars become Python numbers; pandas' missing markers become ``None``.
    """
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        return text
    if isinstance(value, float):
        return None if value != value else value
    kind = type(value)
    if kind is int or kind is Decimal or kind is date or kind is datetime or kind is bool:
        return value
    module = kind.__module__
    if module.startswith("pandas") and kind.__name__ in ("NAType", "NaTType"):
        return None
    if module == "numpy" and hasattr(value, "item"):
        return clean_cell(value.item())
    return value


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise AmountParseError(code="text_bool", value=repr(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return str(int(value))
    if isinstance(value, datetime | date):
        raise AmountParseError(code="text_date", value=repr(value))
    return str(value)


def _integer(value: Any) -> int:
    if isinstance(value, bool):
        raise AmountParseError(code="integer_bool", value=repr(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,9}", value):
        return int(value)
    raise AmountParseError(code="not_integer", value=repr(value))


def _labels(enum: type[LabelledEnum], extra: dict[str, str] | None = None) -> dict[str, str]:
    table: dict[str, str] = {}
    for member in enum:
        for name in (member.value, member.vi, member.en):
            table[fold(name)] = member.value
    for alias, code in (extra or {}).items():
        table[fold(alias)] = code
    return table


def _lookup(table: dict[str, str], what: Text) -> Callable[[Any], str]:
    """A converter reading a code of ``table`` (keyed by folded code or label); anything else is
    refused as "not ``what``"."""

    def convert(value: Any) -> str:
        text = _text(value)
        code = table.get(fold(text))
        if code is None:
            raise AmountParseError(code="not_what", value=repr(text), what=what)
        return code

    return convert


def _enum(
    enum: type[LabelledEnum], what: Text, extra: dict[str, str] | None = None
) -> Callable[[Any], str]:
    """A converter reading a member of ``enum`` by its code or label (or an ``extra`` alias);
    anything else is refused as not ``what`` (what the column holds, in the clerk's words)."""
    return _lookup(
        _labels(enum, extra),
        Text(f"{what.vi} đã biết (mã hoặc tên)", f"a known {what.en} (code or label)"),
    )
