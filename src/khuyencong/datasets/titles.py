"""What a plan's title rows state: the unit of amounts ("Đơn vị tính: …"), the plan year
("KẾ HOẠCH … NĂM 2018", "DANH MỤC ĐỀ ÁN KHUYẾN CÔNG … NĂM 2016"), the funding source ("…
KHUYẾN CÔNG ĐỊA PHƯƠNG") and the province of the letterhead ("UBND TỈNH …"), each with the
note ``value_from_title`` saying where it came from;
and :func:`prepare`, the :class:`~.structure.Structure` of a table made from its header, its
layout and what its title rows state (moved from ``structure.py``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from ..l10n.catalog import Msg
from ..schemas.codes import FundingSourceKind
from ..text import fold
from .findings import RowFinding, finding
from .layout import Unit, unit_in_text
from .sections import _normal
from .structure import Structure, _ranges

if TYPE_CHECKING:
    from .columns import ColumnMapping
    from .readers import Table

__all__ = ["prepare"]


_PLAN_YEAR: Final = re.compile(r"(?:kế\s+hoạch|danh\s+mục).*?năm\s+(?P<year>(?:19|20)\d\d)\b")
"""The year of the title of a plan: "KẾ HOẠCH KHUYẾN CÔNG NĂM 2018", "DANH MỤC ĐỀ ÁN KHUYẾN
CÔNG QUỐC GIA NĂM 2016" (the list of a year's proposals is that year's plan)."""
_LETTERHEAD: Final = re.compile(
    r"^\s*(?:ubnd|(?:ủy|uỷ)\s+ban\s+nhân\s+dân|sở\s+công\s+thương)\s+"
    r"(?P<kind>tỉnh|thành\s+phố|tp\.?)\s*(?P<name>\w[\w\s.-]*?)\s*$"
)
"""The letterhead of a provincial plan: "UBND TỈNH …", "ỦY BAN NHÂN DÂN THÀNH PHỐ …", "SỞ
CÔNG THƯƠNG TỈNH …" (the first line of the issuing body, Mẫu số 2 Thông tư 36/2013/TT-BCT)."""
_CENTRAL_CITIES: Final = frozenset(
    fold(name) for name in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
)
"""Cities run by the centre: a "THÀNH PHỐ" letterhead is a province only for them (the others
are cities of a province, whose People's Committee does not issue the provincial plan)."""


def _province_in(text: str) -> str | None:
    """The province a letterhead line names, as written (words capitalised), or ``None``."""
    match = _LETTERHEAD.match(text)
    if match is None:
        return None
    name = " ".join(word[:1].upper() + word[1:] for word in match["name"].split())
    if match["kind"] != "tỉnh" and fold(name) not in _CENTRAL_CITIES:
        return None
    return name


_TITLE_FUNDING: Final = (
    ("khuyến công quốc gia", "national"),
    ("khuyến công địa phương", "local"),
)


def _from_title(
    preamble: tuple[tuple[int, tuple[Any, ...]], ...],
) -> tuple[Unit | None, dict[str, tuple[Any, RowFinding]], list[RowFinding]]:
    """The unit ("Đơn vị tính: …"), plan year, funding source and province (the letterhead) a
    plan's title rows state."""
    unit: Unit | None = None
    found: dict[str, tuple[Any, RowFinding]] = {}
    notes: list[RowFinding] = []
    provinces: dict[str, tuple[str, int]] = {}
    for number, cells in preamble:
        for cell in cells:
            if type(cell) is not str:
                continue
            text = _normal(cell)
            province = _province_in(text)
            if province is not None:
                provinces.setdefault(fold(province), (province, number))
            if unit is None and ("đơn vị" in text or "đvt" in text):
                unit = unit_in_text(cell)
                if unit is not None:
                    notes.append(
                        finding(
                            "value_from_title",
                            None,
                            detail=Msg(
                                "detail.unit_from_title", {"unit": unit.name, "row": number}
                            ),
                        )
                    )
            if "kế hoạch" not in text and not ("danh mục" in text and "khuyến công" in text):
                continue
            match = _PLAN_YEAR.search(text)
            if match is not None and "plan_year" not in found:
                found["plan_year"] = (
                    int(match["year"]),
                    (
                        finding(
                            "value_from_title",
                            None,
                            detail=Msg(
                                "detail.year_from_title", {"year": match["year"], "row": number}
                            ),
                        )
                    ),
                )
            for words, code in _TITLE_FUNDING:
                if words in text and "funding" not in found:
                    found["funding"] = (
                        code,
                        (
                            finding(
                                "value_from_title",
                                None,
                                detail=Msg(
                                    "detail.funding_from_title",
                                    {"source": FundingSourceKind(code), "row": number},
                                ),
                            )
                        ),
                    )
    if len(provinces) == 1:
        ((province, number),) = provinces.values()
        detail = Msg("detail.province_from_title", {"province": province, "row": number})
        found["province"] = (province, finding("value_from_title", None, detail=detail))
    elif provinces:  # two letterheads naming different provinces: neither is taken
        names = ", ".join(name for name, _ in provinces.values())
        detail = Msg("detail.province_title_conflict", {"names": names})
        notes.append(finding("value_from_title", None, detail=detail))
    return unit, found, notes


def prepare(table: Table, mapping: ColumnMapping) -> tuple[Structure | None, list[RowFinding]]:
    """The :class:`Structure` of a table with a header (``None`` without one) and the notes on
    what its layout and title rows supply: the unit of amounts, a plan year, a funding source."""
    if not table.headers:
        return None, []
    layout = mapping.layout
    fields = {mapping.field_for(h) for h in table.headers}
    numbered = "number" in fields
    unit, from_title, notes = _from_title(table.preamble)
    if layout.unit is not None:
        unit = layout.unit
    defaults: dict[str, Any] = {}
    for key, value in (
        ("plan_year", layout.plan_year),
        ("funding", layout.funding),
        ("province", layout.province),
    ):
        if key in fields or (key == "province" and "province_code" in fields):
            continue
        if value is not None:
            defaults[key] = value
        elif key in from_title:
            defaults[key], note = from_title[key]
            notes.append(note)
    derive_code = numbered and "code" not in fields
    given = set(defaults)
    if derive_code:
        given.add("code")
        notes.append(finding("code_from_numbering", None))
    if numbered:
        given.add("funding")  # sections may name it; a proposal without one is a finding
    lines: list[Msg] = []
    # Negative numbers are a DataFrame's column labels, not rows of it.
    titles = [n for n in table.title_lines if n >= 0]
    header_lines = [n for n in table.header_lines if n >= 0]
    if titles:
        lines.append(Msg("detail.layout.title_rows", {"rows": _ranges(titles), "n": len(titles)}))
    if len(header_lines) > 1 or (header_lines and titles):
        lines.append(
            Msg(
                "detail.layout.header_rows", {"rows": _ranges(header_lines), "n": len(header_lines)}
            )
        )
    structure = Structure(
        numbered=numbered,
        derive_code=derive_code,
        mode=layout.sections,
        defaults=defaults,
        unit=unit,
        given=frozenset(given),
        lines=tuple(lines),
    )
    structure.two_row_header = len(header_lines) > 1
    if "title" not in fields:
        for i, header in enumerate(table.headers):
            if header and mapping.field_for(header) == "contents":
                structure.label_column, structure.label = i, header
                break
    return structure, notes
