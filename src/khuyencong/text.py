"""Folding Vietnamese text for matching: one function for headers, labels and place names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

__all__ = ["fold", "md_cell", "province_key"]

_DROP: Final = re.compile(r"[^a-z0-9]+")
_D: Final = str.maketrans({"đ": "d", "Đ": "d"})
_PROVINCE_PREFIXES: Final = ("thanhpho", "tinh", "tp")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """No case, no diacritics (đ counts as d), no punctuation or spaces.

    >>> fold("Tỉnh/Thành phố"), fold("Thừa Thiên - Huế")
    ('tinhthanhpho', 'thuathienhue')
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_D))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _DROP.sub("", stripped.lower())


def province_key(name: str) -> str:
    """A province name folded, without a leading "Tỉnh", "Thành phố" or "TP".

    >>> province_key("Tỉnh Bắc Giang") == province_key("bac giang")
    True
    """
    key = fold(name)
    for prefix in _PROVINCE_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


def md_cell(text: str) -> str:
    """``text`` made safe for one cell of a Markdown table (the generated docs pages)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("\n", " ")
    )
