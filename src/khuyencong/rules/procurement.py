"""Bidding or selection of national proposals: Điều 3 Thông tư 36/2013/TT-BCT.

Khoản 1 lists the proposals awarded under the Law on Bidding (fairs at home and abroad, support to
take part in fairs, industrial-cluster infrastructure and cluster pollution treatment,
communication); Khoản 2 makes selection (xét chọn) the rule for the others, unless the head of the
Agency for Regional Industry decides that a proposal must be bid.  Whether a proposal "meets the
conditions" of the Law on Bidding is not encoded.

>>> from datetime import date
>>> from khuyencong.schemas import Proposal
>>> p = Proposal.model_validate({"code": "QG-1", "title": "Hội chợ", "plan_year": 2016,
...     "funding": {"kind": "national"}, "budget_lines": [
...         {"item": "domestic_fair_organisation", "cost": 500000000, "requested": 500000000}]})
>>> method, citation = procurement_method(p, date(2016, 3, 1))
>>> method.value, citation.vi
('bidding', 'Khoản 1 Điều 3 Thông tư 36/2013/TT-BCT')
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import attrs

from .._args import check_date
from ..l10n.catalog import NO_PARAMS
from ..rulebooks import Rulebook
from ..schemas.citation import Citation
from ..schemas.codes import ProcurementMethod
from ..schemas.proposal import Proposal
from ._procedure import require, require_national, rulebook_or_national
from .findings import Finding, note

__all__ = ["ProcurementDecision", "procurement_method"]


@attrs.frozen(slots=True)
class ProcurementDecision:
    """How a national proposal is awarded, and why.  Unpacks as ``(method, citation)``."""

    method: ProcurementMethod
    citation: Citation
    items: tuple[str, ...] = ()
    """The support items that put the proposal on the bidding list of Khoản 1 Điều 3."""
    notes: tuple[Finding, ...] = ()

    def __iter__(self) -> Iterator[ProcurementMethod | Citation]:
        yield self.method
        yield self.citation


def procurement_method(
    proposal: Proposal, as_of: date, *, rulebook: Rulebook | None = None
) -> ProcurementDecision:
    """Bidding or selection for a national proposal (Khoản 1, 2 Điều 3 TT 36/2013/TT-BCT).

    A proposal with a budget line on the list of Khoản 1 is bid; a proposal the head of the
    Agency decided to bid (``proposal.procurement == "bidding"``) is bid under the exception of
    Khoản 2; every other national proposal is selected (Khoản 2).

    Raises :class:`~khuyencong.errors.NotEncodedError` for a local proposal (TT 36/2013 governs
    national ones; the province sets local procedures, Điểm b khoản 3 Điều 8 TT 46/2012/TT-BCT)
    and for a date whose governing instrument is not encoded (TT 17/2018/TT-BCT from 2018).
    """
    as_of = check_date(as_of, "as_of")
    require_national(
        proposal,
        "Thông tư 36/2013/TT-BCT governs national proposals (Art 1); the procedure of a local "
        "proposal is set by the provincial People's Committee",
    )
    rb = rulebook_or_national(rulebook)
    bidding = require(rb, "procurement.bidding_items", as_of)
    default = require(rb, "procurement.default_method", as_of)
    listed = tuple(
        dict.fromkeys(
            line.item.value for line in proposal.budget_lines if line.item.value in bidding.codes
        )
    )
    if listed:
        return ProcurementDecision(
            method=ProcurementMethod.BIDDING,
            citation=bidding.citation,
            items=listed,
            notes=(
                note(
                    code="bidding_law_conditions_not_encoded",
                    params=NO_PARAMS,
                    citation=bidding.citation,
                ),
            ),
        )
    if proposal.procurement is ProcurementMethod.BIDDING:
        return ProcurementDecision(
            method=ProcurementMethod.BIDDING,
            citation=default.citation,
            notes=(
                note(
                    code="bidding_decided_by_department_head",
                    params=NO_PARAMS,
                    citation=default.citation,
                ),
            ),
        )
    return ProcurementDecision(
        method=ProcurementMethod(str(default.value)), citation=default.citation
    )
