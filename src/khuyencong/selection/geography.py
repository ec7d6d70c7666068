"""Provinces before and after the 2025 merger, as the regional rules need them.

Thông tư 26/2014/TT-BCT lists its regions by the 63 provinces of its time.  From 01/07/2025 there are
34 provinces, formed by merging whole old provinces (Nghị quyết 202/2025/QH15 of the National
Assembly).  That resolution's text is not available to this project: the old-to-new mapping in
``data/provinces_2025.toml`` is **secondary**, taken from the open dataset of the PyPI package
``vietnamadminunits`` 1.0.4 and checked against ``vietnam-provinces``.  Every answer that rests on it
says so.

The district level was abolished by the same reform (two-tier local government from 01/07/2025,
known here from the project's regulations README, not from an official text).

>>> legacy_province("Bắc Giang").successor_2025
24
>>> [p.name for p in predecessors_2025(68)]
['Bình Thuận', 'Đắk Nông', 'Lâm Đồng']
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date
from functools import cache
from importlib import resources
from types import MappingProxyType

import attrs

from ..errors import KhuyenCongError
from ..schemas.citation import Provenance
from ..text import fold, province_key

__all__ = [
    "MAPPING_PROVENANCE",
    "MAPPING_SOURCE",
    "REFORM_DATE",
    "REFORM_SOURCE",
    "LegacyProvince",
    "UnknownProvinceError",
    "legacy_province",
    "legacy_provinces",
    "predecessors_2025",
]

REFORM_DATE = date(2025, 7, 1)
"""First day of the 34 provinces and of two-tier local government (no district level)."""

REFORM_SOURCE = (
    "the project's regulations README: two-tier local government from 01/07/2025, 34 provinces, "
    "the district level abolished; the merger of provinces by Nghị quyết 202/2025/QH15 "
    "(text not available here)"
)
"""Where the library knows the reform from (secondary)."""

MAPPING_PROVENANCE = Provenance.SECONDARY
MAPPING_SOURCE = (
    "vietnamadminunits 1.0.4, data/converter_2025.json (DICT_PROVINCE), 2025 codes checked against "
    "vietnam-provinces 2025.10.1; the instrument is Nghị quyết 202/2025/QH15, not available here"
)


class UnknownProvinceError(KhuyenCongError, LookupError):
    """A province name or code that the library does not know."""


@attrs.frozen(slots=True)
class LegacyProvince:
    """A province before 01/07/2025.

    ``code`` is the library's stable identifier, ``name`` the name as Thông tư 26/2014/TT-BCT
    writes it, ``gso_code`` its statistics-office code before 2025 and ``successor_2025`` the code
    (in ``vietnam-provinces``) of the 2025 province it became part of.
    """

    code: str
    name: str
    gso_code: int
    successor_2025: int


_ALIASES = {"hue": "thua_thien_hue", "hcm": "ho_chi_minh", "tphcm": "ho_chi_minh"}


@cache
def legacy_provinces() -> Mapping[str, LegacyProvince]:
    """The 63 provinces before 01/07/2025, by code (secondary mapping to 2025, see module doc)."""
    text = (resources.files("khuyencong.selection") / "data" / "provinces_2025.toml").read_text(
        "utf-8"
    )
    rows = tomllib.loads(text)["provinces"]
    return MappingProxyType(
        {
            r["code"]: LegacyProvince(r["code"], r["name"], r["gso_code"], r["successor_2025"])
            for r in rows
        }
    )


@cache
def _by_name() -> Mapping[str, str]:
    index: dict[str, str] = {}
    for p in legacy_provinces().values():
        index[fold(p.name)] = p.code
        index[province_key(p.name)] = p.code
        index[fold(p.code)] = p.code
    for alias, code in _ALIASES.items():
        index[alias] = code
    return MappingProxyType(index)


def legacy_province(key: str) -> LegacyProvince:
    """A province before 2025 by its code (``"bac_giang"``) or its name, with or without
    diacritics or the words "Tỉnh" / "Thành phố" (``"Tỉnh Bắc Giang"``, ``"bac giang"``).

    Raises :class:`UnknownProvinceError` naming the key.
    """
    provinces = legacy_provinces()
    if key in provinces:
        return provinces[key]
    code = _by_name().get(province_key(key))
    if code is not None:
        return provinces[code]
    raise UnknownProvinceError(f"{key!r} is not one of the 63 provinces before 01/07/2025")


def predecessors_2025(province_code: int) -> tuple[LegacyProvince, ...]:
    """The provinces before 2025 that form the 2025 province ``province_code`` (its code in
    ``vietnam-provinces``), in the order of their old statistics codes.  Secondary mapping.
    """
    found = tuple(
        sorted(
            (p for p in legacy_provinces().values() if p.successor_2025 == province_code),
            key=lambda p: p.gso_code,
        )
    )
    if not found:
        raise UnknownProvinceError(
            f"{province_code} is not the code of one of the 34 provinces from 01/07/2025"
        )
    return found
