"""The base of the domain's codes: a string enum with a Vietnamese and an English label (moved
from ``codes.py``)."""

from __future__ import annotations

from enum import StrEnum
from typing import Self

__all__ = ["LabelledEnum"]


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Vietnamese (``vi``) and English (``en``) label."""

    vi: str
    en: str

    def __new__(cls, value: str, vi: str = "", en: str = "") -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.vi = vi
        obj.en = en
        return obj

    def label(self, lang: str = "vi") -> str:
        """The label in ``lang`` ("vi" or "en")."""
        return self.vi if lang == "vi" else self.en
