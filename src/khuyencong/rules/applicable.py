"""Which rulebooks an assessment applies, and at which date it reads the programme rules.

* The national rulebook: the one given, else the built-in one (at most one national rulebook).
* A province's overlay, for a local proposal: the one of the proposal's province, or the only
  one given when the proposal names no province (Điểm a khoản 3 Điều 6 TTLT 26/2014/TTLT-BTC-BCT
  lets each province set its own levels).
* The programme date: the assessment date, or the approval date of a proposal approved before
  the transition rule of NĐ 235/2025/NĐ-CP took effect (it goes on under the rules it was
  approved by; a secondary source).

Moved from ``lines.py`` (issue 13), used by :func:`~khuyencong.assess`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Final

from .._args import check_rulebooks
from ..errors import KhuyenCongError
from ..rulebooks.core import Resolved, Rulebook
from ..rulebooks.loader import national
from ..schemas.codes import FundingSourceKind
from ..schemas.proposal import Proposal
from ..text import province_key
from .context import Context
from .findings import Finding, Severity

_LOCAL: Final = FundingSourceKind.LOCAL


def _split_rulebooks(
    rulebooks: Rulebook | str | Path | Iterable[Rulebook | str | Path] | None,
) -> tuple[Rulebook, list[Rulebook]]:
    """The national rulebook (the one given, else the built-in one) and the overlays given."""
    books = None if rulebooks is None else check_rulebooks(rulebooks)
    if books is None:
        return national(), []
    nationals = [b for b in books if b.kind == "national"]
    if len(nationals) > 1:
        raise KhuyenCongError("give at most one national rulebook to assess()")
    return (nationals[0] if nationals else national()), [b for b in books if b.kind != "national"]


def _overlay_for(proposal: Proposal, overlays: list[Rulebook]) -> Rulebook | None:
    """The overlay of a local proposal's province, the only overlay given when the proposal
    names no province, or ``None``."""
    if proposal.funding.kind is not _LOCAL or not overlays:
        return None
    province = proposal.funding.province
    if province is None:
        return overlays[0] if len(overlays) == 1 else None
    wanted = province_key(province)
    for book in overlays:
        if book.province is not None and province_key(book.province) == wanted:
            return book
    return None


def _programme_date(ctx: Context, proposal: Proposal) -> None:
    """NĐ 235/2025 (secondary): proposals approved before it took effect go on as approved."""
    rule = ctx.resolve("transition.approved_proposals_keep_rules")
    if (
        isinstance(rule, Resolved)
        and proposal.approved_on is not None
        and proposal.approved_on < rule.valid_from
    ):
        ctx.programme_date = proposal.approved_on
        ctx.add(
            Finding.of(
                code="transition_old_rules",
                severity=Severity.INFO,
                params={"approved_on": proposal.approved_on, "valid_from": rule.valid_from},
                rule=rule,
            )
        )
