"""The layout of real plan tables: units of amounts, numbering, sections, subtotals, a footer.

Provincial plans and the summary table of Mẫu số 2 Thông tư 36/2013/TT-BCT are printed tables,
not tidy data: a letterhead and a title, a line "Đơn vị tính: triệu đồng", a header over two rows,
a numbering column (STT) with Roman numerals (or letters) for *section rows* and Arabic ones for
the proposals, subtotal rows ("Cộng I", "Cộng mục II"), a total row ("TỔNG CỘNG", "Tổng số") and a
signature block.  This module reads that structure:

* :func:`unit_in_text` finds the unit of amounts in a header ("Tổng kinh phí (triệu đồng)",
  "Kinh phí, tr.đ") or a "Đơn vị tính:" line; amounts are then scaled to whole đồng exactly.
* :class:`Structure` classifies each row once (``section``, ``subtotal``, ``total``, ``footer``
  or a data row), carries the content or funding source a section names to the rows below it,
  derives a code ("I.1") for proposals of a table without a code column, and checks every
  subtotal and total against the sum of the rows it totals.
* :class:`Layout` describes a province's own layout once, without code, usually from a small
  TOML file (:func:`load_layout`).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from ..errors import AmountParseError, DatasetError
from ..l10n import parse_amount
from ..l10n.amounts import spreadsheet_number
from ..l10n.catalog import Msg
from ..text import fold

__all__ = [
    "AMOUNT_FIELDS",
    "LAYOUT_STATUSES",
    "Layout",
    "LayoutError",
    "Unit",
    "load_layout",
    "scaled_amount",
    "strip_unit",
    "unit_in_text",
]

AMOUNT_FIELDS: Final = (
    "cost",
    "requested",
    "national_amount",
    "local_amount",
    "counterpart",
    "other_sources",
)
"""Fields holding amounts of money: the unit of the table applies to them."""

LAYOUT_STATUSES: Final = frozenset({"section", "subtotal", "total", "footer"})
"""Statuses of rows that are part of a plan table's layout, not proposals: ``section`` (a row
naming a content or a funding source for the rows under it), ``subtotal`` ("Cộng I"), ``total``
("TỔNG CỘNG", "Tổng số") and ``footer`` (the signature block and notes below the table)."""

SectionMode = Literal["auto", "content", "funding", "none"]


class LayoutError(DatasetError):
    """A layout description (file or mapping) that cannot be used; names the file and key.

    The reason is ``layout.<code>`` of the message catalogue with its ``params``:
    :meth:`message` gives it in Vietnamese or English, ``str()`` in English."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "vi") -> str:
        """The problem in ``lang``."""
        from ..l10n.catalog import render

        return render(f"layout.{self.code}", self.params, lang)

    def __reduce__(self) -> tuple[Any, ...]:
        return _layout_error, (self.code, self.params)


def _layout_error(code: str, params: dict[str, Any]) -> LayoutError:
    return LayoutError(code, **params)


# ------------------------------------------------------------------------------------ units


@attrs.frozen(slots=True)
class Unit:
    """A unit of amounts: how many đồng one written unit is, and its Vietnamese name."""

    multiplier: int
    name: str


DONG: Final = Unit(1, "đồng")
THOUSAND: Final = Unit(1_000, "nghìn đồng")
MILLION: Final = Unit(1_000_000, "triệu đồng")
BILLION: Final = Unit(1_000_000_000, "tỷ đồng")

_UNIT_WORDS: Final = (
    (BILLION, r"tỷ\s*đồng|tỉ\s*đồng|tỷ\s*vnđ|tỷ"),
    (MILLION, r"triệu\s*đồng|triệu\s*vnđ|triệu|tr\.?\s*đồng|tr\.?\s*đ|trđ|trd"),
    (THOUSAND, r"nghìn\s*đồng|ngàn\s*đồng|nghìn|ngàn|1\.?000\s*(?:đồng|đ)|ng\.?\s*đ"),
    (DONG, r"đồng|vnđ|vnd|đ"),
)


def _alternatives(prefix: str) -> str:
    return "|".join(f"(?P<{prefix}{i}>{words})" for i, (_, words) in enumerate(_UNIT_WORDS))


# "(triệu đồng)", "(ĐVT: tr.đ)", "Đơn vị tính: triệu đồng", or a trailing ", tr.đ".
_UNIT_RE: Final = re.compile(
    rf"\(\s*(?:đvt|đơn\s+vị(?:\s+tính)?)?\s*[:.]?\s*(?:{_alternatives('a')})\s*\)"
    rf"|(?:đvt|đơn\s+vị\s+tính|đơn\s+vị)\s*[:.]?\s*(?:{_alternatives('b')})\s*\.?\s*$"
    rf"|[\s,;:]\s*(?:{_alternatives('c')})\s*\.?\s*$",
    re.IGNORECASE,
)


def _normal(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


@lru_cache(maxsize=1024)
def _unit_match(text: str) -> tuple[Unit, int, int] | None:
    lowered = _normal(text)
    for match in _UNIT_RE.finditer(lowered):
        for name, value in match.groupdict().items():
            if value is not None:
                return _UNIT_WORDS[int(name[1:])][0], match.start(), match.end()
    return None


def unit_in_text(text: str) -> Unit | None:
    """The unit of amounts a header or a "Đơn vị tính" line names, or ``None``.

    >>> unit_in_text("Tổng kinh phí (triệu đồng)").name, unit_in_text("Đơn vị tính: 1.000 đồng").name
    ('triệu đồng', 'nghìn đồng')
    >>> unit_in_text("Kinh phí, Tr.đ").multiplier, unit_in_text("Tổng số") is None
    (1000000, True)
    """
    found = _unit_match(text)
    return None if found is None else found[0]


def strip_unit(text: str) -> str:
    """``text`` without the unit it names ("Tổng kinh phí (triệu đồng)" → "Tổng kinh phí")."""
    found = _unit_match(text)
    if found is None:
        return text
    lowered = _normal(text)
    if len(lowered) != len(text):  # pragma: no cover - NFC changed the length: cut the folded text
        text = lowered
    return (text[: found[1]] + " " + text[found[2] :]).strip()


_SUFFIX: Final = {1_000: "nghìn", 1_000_000: "triệu", 1_000_000_000: "tỷ"}


def _comma(number: Decimal) -> str:
    """``number`` in positional notation with the Vietnamese decimal comma."""
    return format(number, "f").replace(".", ",")


def scaled_amount(unit: Unit) -> Any:
    """A converter reading an amount written in ``unit`` as whole đồng, exactly.

    Text is read the Vietnamese way ("95,5" triệu = 95.500.000 đồng; "1.250" triệu =
    1.250.000.000 đồng); a spreadsheet number is taken through its shortest decimal form.  An
    amount that is not a whole number of đồng after scaling is refused, never rounded.
    """
    if unit.multiplier == 1:
        return parse_amount
    suffix = _SUFFIX[unit.multiplier]
    multiplier = Decimal(unit.multiplier)

    @lru_cache(maxsize=4096, typed=True)
    def convert(value: Any) -> Decimal:
        if isinstance(value, str):
            if unit_in_text(value) is not None or re.search(r"[^\d.,\s]", value):
                return parse_amount(value)  # the cell names its own unit
            return parse_amount(f"{value} {suffix}")
        if isinstance(value, bool):
            raise AmountParseError(code="amount_bool", value=repr(value))
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                raise AmountParseError(code="amount_not_finite", value=repr(value))
            number = spreadsheet_number(value)
        elif isinstance(value, int | Decimal):
            number = Decimal(value)
        else:
            raise AmountParseError(code="amount_type", value=repr(value), type=type(value).__name__)
        result = number * multiplier
        if result != result.to_integral_value():
            raise AmountParseError(
                code="amount_not_whole_exact",
                value=f"{_comma(number)} {unit.name}",
                exact=_comma(result.normalize()),
            )
        return parse_amount(result.quantize(Decimal(1)))

    return convert


# ----------------------------------------------------------------------------------- layout


@attrs.frozen(slots=True)
class Layout:
    """How a province lays out its plan table, described once (see :func:`load_layout`).

    ``columns`` maps headers as written to fields (:data:`~.columns.FIELDS`), like
    ``validate(columns=...)``; ``unit`` is the unit of amounts when the header does not say it;
    ``header_rows`` (1 or 2) fixes how many rows the header spans (default: found); ``sections``
    says what section rows name: ``"content"``, ``"funding"``, ``"auto"`` (either, recognised by
    their text; the default) or ``"none"`` (no section rows); ``plan_year``, ``funding`` and
    ``province`` are defaults for rows that do not give them (without them, the title rows may
    state them: "KẾ HOẠCH … NĂM 2018", "… KHUYẾN CÔNG ĐỊA PHƯƠNG", the letterhead "UBND TỈNH …");
    ``source`` names where the layout came from.
    """

    columns: Mapping[str, str] = attrs.field(factory=dict)
    unit: Unit | None = None
    header_rows: int | None = None
    sections: SectionMode = "auto"
    plan_year: int | None = None
    funding: str | None = None
    source: str = "layout"
    province: str | None = None


_LAYOUT_KEYS: Final = {"unit", "header_rows", "sections", "plan_year", "funding", "province"}
_UNITS_BY_NAME: Final = {
    fold(name): unit
    for unit, names in (
        (DONG, ("đồng", "VNĐ", "VND", "đ")),
        (THOUSAND, ("nghìn đồng", "ngàn đồng", "nghìn", "1000 đồng", "1.000 đồng")),
        (MILLION, ("triệu đồng", "triệu", "tr.đ", "trđ")),
        (BILLION, ("tỷ đồng", "tỷ")),
    )
    for name in names
}


def layout_from_mapping(data: Mapping[str, Any], source: str = "layout") -> Layout:
    """A :class:`Layout` from the tables of a layout file (``[layout]`` and ``[columns]``);
    every problem is a :class:`LayoutError` naming ``source`` and the key."""
    from .columns import FIELDS
    from .values import CONVERTERS

    def fail(key: str, code: str, **params: Any) -> LayoutError:
        return LayoutError("problem", source=source, key=key, problem=Msg(f"layout.{code}", params))

    for key in data:
        if key not in ("layout", "columns"):
            raise fail(key, "unknown_table")
    settings = data.get("layout", {})
    columns = data.get("columns", {})
    if not isinstance(settings, Mapping):
        raise fail("layout", "not_a_table")
    if not isinstance(columns, Mapping):
        raise fail("columns", "columns_not_a_table")
    for key in settings:
        if key not in _LAYOUT_KEYS:
            raise fail(f"layout.{key}", "unknown_key", keys=", ".join(sorted(_LAYOUT_KEYS)))
    for header, field in columns.items():
        if not isinstance(field, str) or field not in FIELDS:
            raise fail(
                f"columns.{header!r}", "not_a_field", field=repr(field), fields=", ".join(FIELDS)
            )
    unit: Unit | None = None
    if "unit" in settings:
        value = settings["unit"]
        unit = _UNITS_BY_NAME.get(fold(value)) if isinstance(value, str) else None
        if unit is None:
            raise fail("layout.unit", "not_a_unit", value=repr(value))
    header_rows = settings.get("header_rows")
    if header_rows is not None and (isinstance(header_rows, bool) or header_rows not in (1, 2)):
        raise fail("layout.header_rows", "not_header_rows", value=repr(header_rows))
    sections = settings.get("sections", "auto")
    if sections not in ("auto", "content", "funding", "none"):
        raise fail("layout.sections", "not_sections", value=repr(sections))
    plan_year = settings.get("plan_year")
    if plan_year is not None and (
        isinstance(plan_year, bool)
        or not isinstance(plan_year, int)
        or not 1990 <= plan_year <= 2100
    ):
        raise fail("layout.plan_year", "not_a_year", value=repr(plan_year))
    funding = settings.get("funding")
    if funding is not None:
        try:
            funding = CONVERTERS["funding"](funding)
        except (AmountParseError, ValueError):
            raise fail("layout.funding", "not_funding", value=repr(funding)) from None
    province = settings.get("province")
    if province is not None and (not isinstance(province, str) or not province.strip()):
        raise fail("layout.province", "not_province", value=repr(province))
    return Layout(
        columns=dict(columns),
        unit=unit,
        header_rows=header_rows,
        sections=sections,
        plan_year=plan_year,
        funding=funding,
        source=source,
        province=province.strip() if province else None,
    )


def load_layout(path: str | Path) -> Layout:
    """Read a province's layout file (TOML).

    ::

        [layout]
        unit = "triệu đồng"      # unit of amounts when the header does not say it
        header_rows = 2          # the header spans two rows
        sections = "content"     # section rows name a content (or "funding", "auto", "none")
        plan_year = 2017         # for rows without a plan-year column
        funding = "KCĐP"

        [columns]
        "Tên nhiệm vụ" = "title"
        "Ngân sách tỉnh" = "local_amount"
    """
    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise LayoutError("cannot_open", name=name, error=str(exc.strerror or exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError("not_toml", name=name, error=str(exc)) from None
    return layout_from_mapping(data, name)


def as_layout(value: Any) -> Layout | None:
    """``validate(layout=...)``: a :class:`Layout`, a path to a layout file, or a mapping."""
    if value is None or isinstance(value, Layout):
        return value
    if isinstance(value, str | Path):
        return load_layout(value)
    if isinstance(value, Mapping):
        return layout_from_mapping(value, "layout")
    raise LayoutError("not_a_layout", kind=type(value).__name__)
