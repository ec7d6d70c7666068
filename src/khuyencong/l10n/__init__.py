"""Vietnamese localisation: reading and writing amounts in đồng and dates.

* :func:`parse_amount` reads Vietnamese amounts exactly ("1.500.000.000 đ", "1,5 tỷ", "500tr")
  into a ``Decimal`` of whole đồng and refuses, with a plain message, anything it would have to
  guess at.
* :func:`parse_date` reads dd/mm/yyyy, d/m/yyyy and ISO dates.
* :func:`format_vnd` and :func:`format_date` write them back the Vietnamese way (with babel).
* :func:`label` gives the Vietnamese (or English) word for a status, severity or column.
* :func:`render_errors` renders pydantic's validation errors in Vietnamese or English.

Every text comes from the one message catalogue (:mod:`khuyencong.l10n.catalog`).

Both parsers raise :class:`khuyencong.errors.AmountParseError`, which is also a ``ValueError``.
"""

from __future__ import annotations

from .amounts import MAX_AMOUNT, parse_amount, parse_decimal
from .dates import parse_date
from .errors import render_errors
from .formatting import format_date, format_vnd
from .labels import LABELS, heading, label

__all__ = [
    "LABELS",
    "MAX_AMOUNT",
    "format_date",
    "format_vnd",
    "heading",
    "label",
    "parse_amount",
    "parse_date",
    "parse_decimal",
    "render_errors",
]
