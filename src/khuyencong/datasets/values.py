"""Turn cell values into field values of a proposal, one small converter per field.

Every converter raises :class:`~khuyencong.errors.AmountParseError` (a ``ValueError``) with a plain
message when a value cannot be read without guessing; the pipeline turns it into a finding.
Codes of the domain (contents, support items, kinds...) are read from their stable code, their
Vietnamese label or their English label, compared after :func:`~.columns.fold`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

from ..errors import AmountParseError
from ..l10n import parse_amount, parse_date, parse_decimal
from ..schemas.codes import (
    ActivityContent,
    BeneficiaryKind,
    FundingLevel,
    FundingSourceKind,
    LabelledEnum,
    ProcurementMethod,
    ProposalKind,
    ProposalState,
    SupportItem,
)
from .columns import fold

__all__ = ["CONVERTERS", "EXCEL_ERRORS", "clean_cell", "lookup_content", "lookup_item"]

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
        raise AmountParseError(f"{value!r} is true/false, not text")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return str(int(value))
    if isinstance(value, datetime | date):
        raise AmountParseError(f"{value!r} is a date, not text")
    return str(value)


def _integer(value: Any) -> int:
    if isinstance(value, bool):
        raise AmountParseError(f"{value!r} is true/false, not a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,9}", value):
        return int(value)
    raise AmountParseError(f"{value!r} is not a whole number")


def _labels(enum: type[LabelledEnum], extra: dict[str, str] | None = None) -> dict[str, str]:
    table: dict[str, str] = {}
    for member in enum:
        for name in (member.value, member.vi, member.en):
            table[fold(name)] = member.value
    for alias, code in (extra or {}).items():
        table[fold(alias)] = code
    return table


def _enum(enum: type[LabelledEnum], extra: dict[str, str] | None = None) -> Callable[[Any], str]:
    table = _labels(enum, extra)
    name = enum.__name__

    def convert(value: Any) -> str:
        text = _text(value)
        code = table.get(fold(text))
        if code is None:
            raise AmountParseError(f"{text!r} is not a known {name} (code or label)")
        return code

    return convert


_FUNDING: Final = _labels(
    FundingSourceKind,
    {
        "KCQG": "national",
        "quốc gia": "national",
        "khuyến công quốc gia": "national",
        "trung ương": "national",
        "TW": "national",
        "KCĐP": "local",
        "địa phương": "local",
        "khuyến công địa phương": "local",
    },
)
_CONTENTS: Final = _labels(ActivityContent)
_CONTENTS.update({str(c.clause): c.value for c in ActivityContent})
_CONTENTS.update({fold(f"Khoản {c.clause}"): c.value for c in ActivityContent})
_ITEMS: Final = _labels(SupportItem)
_SPLIT: Final = re.compile(r"[;|\n]+")


def lookup_content(value: Any) -> tuple[str, ...]:
    """Activity contents (Điều 4 NĐ 45/2012/NĐ-CP) by code, label or clause number, ';'-separated.

    >>> lookup_content("Đào tạo nghề, truyền nghề; 3")
    ('vocational_training', 'demonstration_and_technology')
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    codes: list[str] = []
    for part in _SPLIT.split(_text(value)):
        if not part.strip():
            continue
        code = _CONTENTS.get(fold(part))
        if code is None:
            raise AmountParseError(
                f"{part.strip()!r} is not an activity content of Điều 4 NĐ 45/2012/NĐ-CP "
                "(use its code, its label, or its clause number 1-9)"
            )
        if code not in codes:
            codes.append(code)
    if not codes:
        raise AmountParseError(f"{value!r} names no activity content")
    return tuple(codes)


def lookup_item(value: Any) -> str:
    """A support item (Điều 6 TTLT 26/2014/TTLT-BTC-BCT) by code or label."""
    text = _text(value)
    code = _ITEMS.get(fold(text))
    if code is None:
        raise AmountParseError(
            f"{text!r} is not a support item of Điều 6 TTLT 26/2014/TTLT-BTC-BCT (code or label)"
        )
    return code


def _funding(value: Any) -> str:
    text = _text(value)
    code = _FUNDING.get(fold(text))
    if code is None:
        raise AmountParseError(f"{text!r} is not a funding source (KCQG / KCĐP)")
    return code


CONVERTERS: Final[dict[str, Callable[[Any], Any]]] = {
    "code": _text,
    "title": _text,
    "plan_year": _integer,
    "funding": _funding,
    "funding_level": _enum(
        FundingLevel, {"tỉnh": "province", "huyện": "district", "xã": "commune"}
    ),
    "province": _text,
    "province_code": _integer,
    "ward_code": _integer,
    "district": _text,
    "commune": _text,
    "site": _text,
    "kind": _enum(ProposalKind, {"điểm": "point", "nhóm": "group", "thường": "regular"}),
    "contents": lookup_content,
    "implementing_unit": _text,
    "beneficiary": _text,
    "beneficiary_kind": _enum(BeneficiaryKind, {"DNNVV": "sme", "HTX": "cooperative"}),
    "tax_code": _text,
    "start_date": parse_date,
    "end_date": parse_date,
    "approved_on": parse_date,
    "state": _enum(ProposalState),
    "procurement": _enum(ProcurementMethod),
    "priority_factor": parse_decimal,
    "item": lookup_item,
    "line_description": _text,
    "units": _integer,
    "cost": parse_amount,
    "requested": parse_amount,
    "national_amount": parse_amount,
    "local_amount": parse_amount,
    "counterpart": parse_amount,
    "other_sources": parse_amount,
}
"""One converter per field of :data:`~.columns.FIELDS`."""
