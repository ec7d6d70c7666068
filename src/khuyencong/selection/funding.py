"""Funds of a selection round (Điều 19, 21 Thông tư 26/2014/TT-BCT; điểm g khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .._args import check_date, check_rulebook
from ..l10n.catalog import Text, bilingual
from ..rulebooks import NotEncoded, Rulebook, national
from ..rules._procedure import not_encoded_error, require, returns_not_encoded
from ..schemas.citation import Citation, Provenance
from ._common import _cite, _level_gate
from .codes import (
    SelectionLevel,
)
from .results import (
    Check,
    LocalFunding,
    NationalFunding,
    Refusal,
    Verdict,
)

__all__ = ["check_selection_funding", "selection_funding"]

_FUNDING_ITEMS = {
    SelectionLevel.REGION: ("support.selection_round_regional", "support.award_regional"),
    SelectionLevel.NATIONAL: ("support.selection_round_national", "support.award_national"),
}


@returns_not_encoded
def selection_funding(
    level: SelectionLevel, as_of: date, rulebook: Rulebook | None = None
) -> NationalFunding | LocalFunding | Refusal:
    """Who funds a round of ``level`` and up to how much (Điều 19, khoản 2 Điều 21 Thông tư
    26/2014/TT-BCT).

    District and provincial rounds and awards are paid from local funds at levels the provincial
    People's Committee sets (:class:`LocalFunding`, no national cap).  Regional and national rounds
    are paid from national funds, at most 100 and 200 million đồng per round and 5 and 10 million
    đồng per awarded product (điểm g khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT, until 10/05/2018;
    from 11/05/2018 Thông tư 28/2018/TT-BTC governs and its levels are not encoded).
    """
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    gate = _level_gate(rb, level, as_of)
    if isinstance(gate, Refusal):
        return gate
    local = require(rb, "typical_products.locally_funded_levels", as_of)
    if level.value in local.codes:
        message_vi, message_en = bilingual(
            "outcome.local_funding", {"level": Text(level.vi.lower(), level.en.lower())}
        )
        return LocalFunding(
            level=level,
            citation=local.citation,
            award_citation=_cite(21, 2, "b"),
            provenance=local.provenance,
            message_vi=message_vi,
            message_en=message_en,
        )
    basis = require(rb, "typical_products.nationally_funded_levels", as_of)
    round_code, award_code = _FUNDING_ITEMS[level]
    round_level = require(rb, round_code, as_of)
    award_level = require(rb, award_code, as_of)
    round_cap, award_cap = round_level.support.cap, award_level.support.cap
    if round_cap is None or award_cap is None:
        raise TypeError(f"{round_code} and {award_code} must carry caps")
    provenance = (
        Provenance.SECONDARY
        if Provenance.SECONDARY in (round_level.provenance, award_level.provenance)
        else Provenance.OFFICIAL_TEXT
    )
    return NationalFunding(
        level=level,
        round_cap=round_cap,
        award_cap=award_cap,
        basis=basis.citation,
        round_citation=round_level.citation,
        award_citation=award_level.citation,
        provenance=provenance,
    )


@returns_not_encoded
def check_selection_funding(
    level: SelectionLevel,
    as_of: date,
    *,
    round_cost: Decimal | None = None,
    award_per_product: Decimal | None = None,
    rulebook: Rulebook | None = None,
) -> Verdict | LocalFunding | Refusal:
    """Check the national support asked for a round's organisation and for each award against
    the caps of :func:`selection_funding` ("không quá": equal to the cap is allowed)."""
    as_of = check_date(as_of, "as_of")
    funding = selection_funding(level, as_of, rulebook)
    if isinstance(funding, NotEncoded):
        raise not_encoded_error(funding)
    if not isinstance(funding, NationalFunding):
        return funding
    checks: list[Check] = []
    if round_cost is not None:
        checks.append(
            _cap_check(
                "selection_round_cap",
                level,
                ("round_cap", funding.round_cap),
                ("round_cost", round_cost),
                funding.round_citation,
                funding.provenance,
            )
        )
    if award_per_product is not None:
        checks.append(
            _cap_check(
                "award_cap",
                level,
                ("award_cap", funding.award_cap),
                ("award_per_product", award_per_product),
                funding.award_citation,
                funding.provenance,
            )
        )
    return Verdict(subject="funding", as_of=as_of, checks=tuple(checks))


def _cap_check(
    code: str,
    level: SelectionLevel,
    cap: tuple[str, Decimal],
    asked: tuple[str, Decimal],
    citation: Citation,
    provenance: Provenance,
) -> Check:
    """The check that the amount ``asked`` is within the ``cap`` ("không quá": equal is
    allowed), each a (parameter name of the text, amount)."""
    return Check(
        code=code,
        passed=asked[1] <= cap[1],
        citation=citation,
        provenance=provenance,
        params={
            "level": Text(level.vi.lower(), level.en.lower()),
            cap[0]: format(cap[1], ","),
            asked[0]: format(asked[1], ","),
        },
    )
