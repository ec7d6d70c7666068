"""Row classification in a plan table: section, subtotal, total and footer labels, and what a
section names (moved from ``structure.py``)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from ..text import fold
from .layout import SectionMode

__all__ = ["section_meaning"]


def _normal(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


# ---------------------------------------------------------------------- row classification

_ROMAN: Final = re.compile(r"^(?P<ref>[IVXLC]{1,7})\s*[.)\-:]?$")
_LETTER: Final = re.compile(r"^(?P<ref>[A-HĐ])\s*[.)\-:]?$")


def _section_number(text: str) -> str | None:
    """The reference of a bare section number — a Roman numeral or a letter ("I", "B.",
    "II -") — or ``None``."""
    match = _ROMAN.match(text) or _LETTER.match(text)
    return None if match is None else match["ref"]


_ARABIC: Final = re.compile(r"^\d{1,4}(?:\.\d{1,3})*\.?$")
_NAMED_SECTION: Final = re.compile(r"^(?P<ref>[IVXLC]{1,7}|[A-HĐ])\s*[.)/-]\s*(?P<name>\S.*)$")
_WORD: Final = re.compile(r"[^\W\d_]{2}")
"""Two letters in a row: a section's name has words, a code's tail is digits."""
_TOTAL: Final = re.compile(
    r"^(?:tổng\s+cộng|tổng\s+số|cộng\s+toàn\s+\w+|tổng)"
    # "TỔNG CỘNG TOÀN TỈNH", "Tổng cộng các đề án", "Tổng cộng kinh phí", "Tổng cộng: …",
    # "Tổng số (I + II)", "Cộng toàn tỉnh"
    r"(?:\s+(?:toàn|các|chung|cả|kinh\s+phí)\b.*)?\s*(?:[:(\[].*)?$"
    # "Cộng (I + II)", "Cộng A + B", "Tổng cộng I+II": the sections added up
    r"|^(?:tổng\s+)?cộng\s*[:(\[]?\s*(?:[ivxlc]{1,7}|[a-hđ])\s*\+.*$"
)
_SUBTOTAL: Final = re.compile(
    # "Cộng", "Cộng I", "Cộng mục II", "Cộng: I", "Cộng (I)", "Cộng (mục I)", "Cộng A:"
    r"^cộng(?:\s*[:(\[]\s*|\s+)?(?:(?:mục|phần|nội\s+dung)\s+)?"
    r"(?:(?P<ref>[ivxlc]{1,7}|[a-hđ])(?=$|[\s.:)\](,]))?\s*[)\]]?\s*[.:]?\s*(?P<rest>.*)$"
)
_FOOTER: Final = re.compile(
    r"^(?:kt\.?|tm\.?|tl\.?|q\.?)?\s*(?:giám\s+đốc|phó\s+giám\s+đốc|chủ\s+tịch|người\s+lập(?:\s+biểu)?"
    r"|thủ\s+trưởng(?:\s+đơn\s+vị)?|kế\s+toán\s+trưởng|nơi\s+nhận|ủy\s+ban\s+nhân\s+dân|ubnd"
    r"|ghi\s+chú|lưu\s+ý|chú\s+thích)\b",
)
_STRUCT_FIRST: Final = frozenset("IVXLCABDEFGHĐcCtTđ")
"""First characters of a code or title that may start a section, subtotal or total row."""


@lru_cache(maxsize=4096)
def _label_kind(text: str, numbering: bool = False) -> tuple[str, str | None, str] | None:
    """``(kind, ref, name)`` of a label that makes a row a section, subtotal or total.
    ``numbering``: ``text`` is the STT cell, where "II.1" numbers a section; elsewhere a
    section's label has words after its number."""
    if not text or text[0] not in _STRUCT_FIRST:
        return None
    match = _NAMED_SECTION.match(text)
    if match is not None and (numbering or _WORD.search(match["name"])):
        # "I. Khuyến công quốc gia" names a section; "A-01", "C.1" or "I-2016-05" is a code
        return "section", match["ref"], match["name"].strip()
    lowered = _normal(text).strip()
    if _TOTAL.match(lowered):
        return "total", None, text
    match = _SUBTOTAL.match(lowered)
    if match is not None:
        ref = match["ref"].upper() if match["ref"] else None
        return "subtotal", ref, match["rest"].strip()
    return None


_FUNDING_SECTIONS: Final = {
    fold(text): code
    for code, texts in (
        (
            "national",
            (
                "khuyến công quốc gia",
                "kinh phí khuyến công quốc gia",
                "nguồn kinh phí khuyến công quốc gia",
                "KCQG",
                "kinh phí KCQG",
                "nguồn KCQG",
                "đề án khuyến công quốc gia",
            ),
        ),
        (
            "local",
            (
                "khuyến công địa phương",
                "kinh phí khuyến công địa phương",
                "nguồn kinh phí khuyến công địa phương",
                "KCĐP",
                "kinh phí KCĐP",
                "nguồn KCĐP",
                "đề án khuyến công địa phương",
            ),
        ),
    )
    for text in texts
}


_FUNDING_PHRASES: Final = tuple(
    (fold(text), code)
    for text, code in (
        ("khuyến công quốc gia", "national"),
        ("khuyến công địa phương", "local"),
    )
)


@lru_cache(maxsize=256)
def section_meaning(name: str, mode: SectionMode) -> tuple[str, str] | None:
    """``("funding", code)`` or ``("contents", code)`` for a section's name, or ``None``."""
    from .values import content_of_heading

    folded = fold(name)
    if mode in ("auto", "funding"):
        code = _FUNDING_SECTIONS.get(folded)
        if code is None:
            code = next(
                (
                    c
                    for key, c in _FUNDING_SECTIONS.items()
                    if len(key) > 6 and folded.startswith(key)
                ),
                None,
            )
        if code is None:
            # "Hỗ trợ khuyến công địa phương": the source named inside a longer heading
            code = next((c for key, c in _FUNDING_PHRASES if key in folded), None)
        if code is not None:
            return "funding", code
    if mode in ("auto", "content"):
        content = content_of_heading(name)
        if content is not None:
            return "contents", content
    return None
