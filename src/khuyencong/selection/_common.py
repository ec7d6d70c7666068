"""What the selection rules of Thông tư 26/2014/TT-BCT share: the citation of the Circular and the
district level after the 2025 reform.  A parameter is read with ``rules._procedure.require`` and a
public check returns "not encoded" through ``returns_not_encoded``, as the procedures do."""

from __future__ import annotations

from datetime import date

from ..l10n.catalog import bilingual
from ..rulebooks import Resolved, Rulebook
from ..rules._procedure import require
from ..schemas.citation import Citation, Provenance
from .codes import (
    SelectionLevel,
)
from .geography import REFORM_DATE, REFORM_SOURCE
from .results import (
    Refusal,
)

DOCUMENT = "26/2014/TT-BCT"
"""Thông tư 26/2014/TT-BCT, the Circular these rules encode."""


def _cite(article: int, clause: int | None = None, point: str | None = None) -> Citation:
    return Citation(document=DOCUMENT, article=article, clause=clause, point=point)


def _at_point(clause: Citation, point: str) -> Citation:
    """A point of ``clause``: the clause comes from the parameter of a level (Điều 9, Điều 12),
    the point from the rule that cites it."""
    return clause.model_copy(update={"point": point})


def _district_refusal(level: SelectionLevel, as_of: date) -> Refusal | None:
    """From 01/07/2025 there is no district level: điểm a khoản 1 Điều 3 no longer has an object."""
    if level is not SelectionLevel.DISTRICT or as_of < REFORM_DATE:
        return None
    reason_vi, reason_en = bilingual("refusal.district_level_abolished")
    return Refusal(
        code="district_level_abolished",
        as_of=as_of,
        reason_vi=reason_vi,
        reason_en=reason_en,
        provenance=Provenance.SECONDARY,
        source=REFORM_SOURCE,
        citation=_cite(3, 1, "a"),
    )


def _level_gate(rb: Rulebook, level: SelectionLevel, as_of: date) -> Resolved | Refusal:
    levels = require(rb, "typical_products.levels", as_of)
    refusal = _district_refusal(level, as_of)
    return refusal if refusal is not None else levels
