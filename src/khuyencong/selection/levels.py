"""The selection levels and how a product enters each (Điều 3, 6, 10, 12 Thông tư 26/2014/TT-BCT)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

from .._args import check_date, check_rulebook
from ..l10n.catalog import Text, bilingual
from ..rulebooks import Rulebook, national
from ..rules._procedure import require, returns_not_encoded
from ..schemas.citation import Provenance
from ._common import _cite, _level_gate
from .codes import (
    SelectionLevel,
)
from .geography import REFORM_DATE, REFORM_SOURCE
from .results import (
    Check,
    EntryRequirement,
    Refusal,
)

__all__ = ["entry_requirement", "level_in_force"]


@returns_not_encoded
def level_in_force(
    level: SelectionLevel, as_of: date, rulebook: Rulebook | None = None
) -> Check | Refusal:
    """Whether selection at ``level`` exists on ``as_of``: the four levels of khoản 2 Điều 6
    Thông tư 26/2014/TT-BCT; the district level is refused from 01/07/2025."""
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    gate = _level_gate(rb, level, as_of)
    if isinstance(gate, Refusal):
        return gate
    present = level.value in gate.codes
    return Check.of(
        "level",
        present,
        gate,
        params={"level": Text(level.vi, level.en.lower()), "codes": len(gate.codes)},
    )


ENTRY: Final[Mapping[SelectionLevel, str]] = {
    SelectionLevel.PROVINCE: "typical_products.entry.province",
    SelectionLevel.REGION: "typical_products.entry.region",
    SelectionLevel.NATIONAL: "typical_products.entry.national",
}
"""The parameter of how a product enters each level above the district (Khoản 2-4 Điều 12):
who recommends it (its labels) and the level of the certificate it needs (its value)."""


@returns_not_encoded
def entry_requirement(
    level: SelectionLevel, as_of: date, rulebook: Rulebook | None = None
) -> EntryRequirement | Refusal:
    """How a product enters ``level``: through a still-valid certificate of the level below and a
    recommending letter (khoản 2 Điều 10; điểm b, c khoản 2-4 Điều 12 Thông tư 26/2014/TT-BCT).
    A district round is entered directly (khoản 1 Điều 12).

    From 01/07/2025 the provincial route (district certificate, letter of the district People's
    Committee, or điểm d khoản 2 Điều 12 through that committee) has no district level to run
    through: the answer is a :class:`Refusal`, as for the district level itself.
    """
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    gate = _level_gate(rb, level, as_of)
    if isinstance(gate, Refusal):
        return gate
    if level is SelectionLevel.PROVINCE and as_of >= REFORM_DATE:
        reason_vi, reason_en = bilingual("refusal.province_entry_after_reform")
        return Refusal(
            code="province_entry_after_reform",
            as_of=as_of,
            reason_vi=reason_vi,
            reason_en=reason_en,
            provenance=Provenance.SECONDARY,
            source=REFORM_SOURCE,
            citation=_cite(12, 2),
        )
    if level is SelectionLevel.DISTRICT:
        return EntryRequirement(
            level=level,
            certificate_of=None,
            recommender_vi="",
            recommender_en="",
            citation=_cite(12, 1),
            provenance=gate.provenance,
        )
    entry = rb.param(ENTRY[level])
    rule = require(rb, ENTRY[level], as_of)
    (below,) = rule.codes
    return EntryRequirement(
        level=level,
        certificate_of=SelectionLevel(below),
        recommender_vi=entry.label_vi,
        recommender_en=entry.label_en,
        citation=rule.citation,
        provenance=gate.provenance,
    )
