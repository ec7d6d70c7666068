"""The kind of a district- or commune-level unit from the prefix of its name (moved from
``values.py``)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

__all__ = ["commune_kind_from_name", "district_kind_from_name"]

# Conventional prefixes of unit names, matched case-insensitively with their diacritics (folding
# would confuse "Quản Bạ" with "Quận", or the commune "Phương Trung" with "Phường").
_DISTRICT_PREFIX: Final = re.compile(
    r"(?:(?P<thanh_pho_thuoc_tinh>thành\s+phố\s|tp\.\s*|tp\s)"
    r"|(?P<thi_xa>thị\s+xã\s|tx\.\s*|tx\s)|(?P<huyen>huyện\s)|(?P<quan>quận\s))\s*\S",
    re.IGNORECASE,
)
_COMMUNE_PREFIX: Final = re.compile(
    r"(?:(?P<thi_tran>thị\s+trấn\s|tt\.\s*|tt\s)|(?P<xa>xã\s)|(?P<phuong>phường\s))\s*\S",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)  # plans repeat their districts and communes
def _prefix_kind(pattern: re.Pattern[str], name: str) -> str | None:
    match = pattern.match(unicodedata.normalize("NFC", name.strip()))
    if match is None:
        return None
    return next(kind for kind, text in match.groupdict().items() if text is not None)


def district_kind_from_name(name: str) -> str | None:
    """The kind of a district-level unit (before 01/07/2025) from the prefix of its name, or
    ``None`` when the name has no conventional prefix (the kind is then unknown, not guessed).

    >>> district_kind_from_name("Huyện Duy Tiên"), district_kind_from_name("thị xã Hoài Nhơn")
    ('huyen', 'thi_xa')
    >>> district_kind_from_name("TP. Nam Định"), district_kind_from_name("Quản Bạ")
    ('thanh_pho_thuoc_tinh', None)
    """
    return _prefix_kind(_DISTRICT_PREFIX, name)


def commune_kind_from_name(name: str) -> str | None:
    """The kind of a commune-level unit (before 01/07/2025) from the prefix of its name, or
    ``None`` without a conventional prefix.

    >>> commune_kind_from_name("Xã Ngọc Động"), commune_kind_from_name("PHƯỜNG Phong Khê")
    ('xa', 'phuong')
    >>> commune_kind_from_name("Thị trấn Phùng"), commune_kind_from_name("Phương Trung")
    ('thi_tran', None)
    """
    return _prefix_kind(_COMMUNE_PREFIX, name)
