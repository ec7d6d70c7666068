"""The region of a province: điểm c khoản 1 Điều 3 Thông tư 26/2014/TT-BCT.

The Circular lists the 63 provinces of its time in three regions (northern 28, central and Central
Highlands 15, southern 20).  For a 2025 province the region is read through its predecessors (a
secondary mapping, see :mod:`khuyencong.selection.geography`): when they all lie in one region
that is the answer, marked ``secondary``; when they lie in different regions the answer is an
:class:`AmbiguousRegion` — the Circular names no region for such a province, and the library does
not choose one.

>>> from datetime import date
>>> region_of_legacy("Bắc Giang", date(2016, 1, 1)).region.vi
'Khu vực phía Bắc'
>>> region_of_2025(68, date(2025, 8, 1)).regions
(<Region.CENTRAL_HIGHLANDS: 'central_highlands'>, <Region.SOUTHERN: 'southern'>)
"""

from __future__ import annotations

from datetime import date

from .._args import check_date, check_rulebook
from ..l10n.catalog import Msg, Text, bilingual
from ..rulebooks import NotEncoded, Rulebook, national
from ..rules._procedure import require, returns_not_encoded
from ..schemas.citation import Provenance
from ..schemas.locality import Locality2025, LocalityPre2025
from .codes import Region
from .geography import (
    REFORM_DATE,
    REFORM_SOURCE,
    LegacyProvince,
    legacy_province,
    predecessors_2025,
)
from .results import AmbiguousRegion, Refusal, RegionOf

__all__ = ["RegionAnswer", "region_of", "region_of_2025", "region_of_legacy"]

RegionAnswer = RegionOf | AmbiguousRegion | NotEncoded | Refusal

_PARAM = "typical_products.regions"


@returns_not_encoded
def region_of_legacy(
    province: str | LegacyProvince, as_of: date, rulebook: Rulebook | None = None
) -> RegionOf | NotEncoded:
    """The region of a province before 2025 (by code, name or :class:`LegacyProvince`), as
    điểm c khoản 1 Điều 3 Thông tư 26/2014/TT-BCT lists it.

    Before 21/10/2014 the answer is :class:`NotEncoded` naming Thông tư 35/2010/TT-BCT.  On or
    after 01/07/2025 the province no longer exists as a unit; the answer still gives the region the
    Circular lists it in, with a note naming the 2025 province it became part of.
    """
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    old = province if isinstance(province, LegacyProvince) else legacy_province(province)
    resolved = require(rb, _PARAM, as_of)
    region = next(Region(name) for name, codes in resolved.table.items() if old.code in codes)
    note_vi = note_en = ""
    if as_of >= REFORM_DATE:
        from ..schemas.locality import unit_2025

        successor = unit_2025(old.successor_2025).province_name
        note_vi, note_en = bilingual(
            "outcome.province_merged",
            {"name": old.name, "successor": successor, "source": Msg("outcome.mapping_source")},
        )
    return RegionOf(
        province=old.name,
        region=region,
        via=(old,),
        citation=resolved.citation,
        provenance=resolved.provenance,
        note_vi=note_vi,
        note_en=note_en,
    )


@returns_not_encoded
def region_of_2025(
    province_code: int, as_of: date, rulebook: Rulebook | None = None
) -> RegionOf | AmbiguousRegion | NotEncoded | Refusal:
    """The region of a 2025 province (its code in ``vietnam-provinces``), read through the
    provinces before 2025 that formed it (secondary mapping; điểm c khoản 1 Điều 3 Thông tư
    26/2014/TT-BCT for the regions).

    Before 01/07/2025 the 2025 provinces did not exist: the answer is a :class:`Refusal` asking for
    the province of that time.  When the predecessors lie in different regions the answer is an
    :class:`AmbiguousRegion` (e.g. Lâm Đồng, formed from Lâm Đồng and Đắk Nông of the central and
    Central Highlands region and Bình Thuận of the southern region).
    """
    as_of = check_date(as_of, "as_of")
    from ..schemas.locality import unit_2025

    rb = check_rulebook(rulebook) or national()
    name = unit_2025(province_code).province_name
    if as_of < REFORM_DATE:
        reason_vi, reason_en = bilingual(
            "refusal.province_2025_before_reform",
            {"name": name, "code": province_code, "as_of": as_of},
        )
        return Refusal(
            code="province_2025_before_reform",
            as_of=as_of,
            reason_vi=reason_vi,
            reason_en=reason_en,
            provenance=Provenance.SECONDARY,
            source=REFORM_SOURCE,
        )
    resolved = require(rb, _PARAM, as_of)
    olds = predecessors_2025(province_code)
    by_region: dict[Region, list[LegacyProvince]] = {}
    order = [Region(r) for r in resolved.table]
    for old in olds:
        region = next(Region(n) for n, codes in resolved.table.items() if old.code in codes)
        by_region.setdefault(region, []).append(old)
    names = ", ".join(p.name for p in olds)
    if len(by_region) == 1:
        (region,) = by_region
        note_vi, note_en = bilingual(
            "outcome.region_via",
            {
                "name": name,
                "names": names,
                "region": region,
                "source": Msg("outcome.mapping_source"),
            },
        )
        return RegionOf(
            province=name,
            region=region,
            via=olds,
            citation=resolved.citation,
            provenance=Provenance.SECONDARY,
            note_vi=note_vi,
            note_en=note_en,
        )
    candidates = tuple((r, tuple(by_region[r])) for r in order if r in by_region)
    parts_vi = "; ".join(f"{r.vi}: {', '.join(p.name for p in ps)}" for r, ps in candidates)
    parts_en = "; ".join(f"{r.en}: {', '.join(p.name for p in ps)}" for r, ps in candidates)
    message_vi, message_en = bilingual(
        "outcome.ambiguous_region",
        {"name": name, "parts": Text(parts_vi, parts_en), "citation": resolved.citation},
    )
    return AmbiguousRegion(
        province=name,
        candidates=candidates,
        citation=resolved.citation,
        provenance=Provenance.SECONDARY,
        message_vi=message_vi,
        message_en=message_en,
    )


def region_of(
    locality: LocalityPre2025 | Locality2025, as_of: date, rulebook: Rulebook | None = None
) -> RegionOf | AmbiguousRegion | NotEncoded | Refusal:
    """The region of a locality in either geography (điểm c khoản 1 Điều 3 Thông tư
    26/2014/TT-BCT): :func:`region_of_legacy` for a pre-2025 locality (by its province name),
    :func:`region_of_2025` for a 2025 one."""
    as_of = check_date(as_of, "as_of")
    if isinstance(locality, Locality2025):
        return region_of_2025(locality.province_code, as_of, rulebook)
    return region_of_legacy(locality.province, as_of, rulebook)
