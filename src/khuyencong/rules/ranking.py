"""The order in which national proposals are chosen for the yearly plan (Điều 7 Thông tư
36/2013/TT-BCT).

Khoản 1: point proposals (đề án điểm, Khoản 3 Điều 2) first; then priority by industry and area as
Điều 6 TT 46/2012/TT-BCT orders them.  Khoản 2: between proposals in areas of like conditions and
of like industries, the unit with more experience and capacity comes first.

This is a different rule from :func:`khuyencong.rules.rank`, which applies Khoản 3 Điều 6
TT 46/2012/TT-BCT alone (areas a to d, then industries; any funding source, any date that
circular governs); ``rank_national_plan`` builds on it for the national plan while TT 36/2013
governs.  "Like conditions, like industries" is read as the same priority area group and industry
group of Điều 6 TT 46/2012 (the classes ``rank`` orders by).  Experience and capacity are a
judgement of the appraisal, so they are a declared input: a score per implementing unit, higher
is better.  The priority support levels of Phụ lục 3 (an attachment whose text is not here) are
not encoded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import attrs

from .._args import check_date
from ..rulebooks import Rulebook
from ..schemas.citation import Citation
from ..schemas.codes import ProposalKind
from ..schemas.proposal import Proposal
from ._procedure import require, require_national, rulebook_or_national
from .priority import PriorityClass, rank

__all__ = ["RankedProposal", "rank_national_plan"]


@attrs.frozen(slots=True)
class RankedProposal:
    """A proposal's place in the order of Điều 7 TT 36/2013/TT-BCT, and why."""

    position: int
    """1 for the first; proposals still tied share the same position."""
    proposal: Proposal
    point: bool
    priority: PriorityClass
    priority_rank: int
    """The rank of its priority class in the order of Khoản 3 Điều 6 TT 46/2012 (1 = first)."""
    experience: int | None
    """The declared experience and capacity score of its implementing unit."""
    tied: bool
    """Another proposal has the same place on every criterion: the order between them is not
    decided by the rule (Khoản 2 Điều 7 needs a declared score to break it)."""
    citations: tuple[Citation, ...]


def _class_key(c: PriorityClass) -> tuple[str | None, str | None, bool]:
    return (c.area_group, c.industry_group, c.cleaner_production)


def rank_national_plan(
    proposals: Iterable[Proposal],
    *,
    as_of: date,
    experience: Mapping[str, int] | None = None,
    rulebook: Rulebook | None = None,
) -> tuple[RankedProposal, ...]:
    """Order national proposals as Điều 7 TT 36/2013/TT-BCT does when the yearly plan is
    assigned: point proposals first (khoản 1), then by the priority order of Khoản 3 Điều 6
    TT 46/2012/TT-BCT (khoản 1), then, between proposals of the same priority class, by the
    declared ``experience`` score of the implementing unit (khoản 2; higher first).  Ties that
    remain keep their input order and are marked ``tied``.

    Raises :class:`~khuyencong.errors.NotEncodedError` for a local proposal (the province sets
    their procedure) and for a date TT 36/2013 does not govern.
    """
    as_of = check_date(as_of, "as_of")
    rb = rulebook_or_national(rulebook)
    rules = [
        require(rb, "selection.point_proposals_first", as_of),
        require(rb, "selection.priority_areas_and_industries", as_of),
        require(rb, "selection.experience_tiebreak", as_of),
    ]
    items = list(proposals)
    for proposal in items:
        require_national(
            proposal,
            "Điều 7 of Thông tư 36/2013/TT-BCT orders national proposals; a province sets the "
            "procedure of local proposals",
        )
    ordered = rank(items, as_of=as_of, rulebook=rb)
    class_rank: dict[int, int] = {}
    previous: tuple[str | None, str | None, bool] | None = None
    group = 0
    for proposal, priority in ordered:
        key = _class_key(priority)
        if key != previous:
            group += 1
            previous = key
        class_rank[id(proposal)] = group
    scores = experience or {}
    groups: dict[tuple[int, int], list[tuple[Proposal, PriorityClass, int | None]]] = {}
    for proposal, priority in ordered:
        point = proposal.kind is ProposalKind.POINT
        score = scores.get(proposal.implementing_unit) if proposal.implementing_unit else None
        groups.setdefault((0 if point else 1, class_rank[id(proposal)]), []).append(
            (proposal, priority, score)
        )
    citations = tuple(dict.fromkeys(r.citation for r in rules))
    out: list[RankedProposal] = []
    for (point_key, priority_rank), members in sorted(groups.items()):
        undecided = len(members) > 1 and any(score is None for _, _, score in members)
        if not undecided:
            # Stable: equal scores keep their input order (and stay tied).
            members.sort(key=lambda m: -(m[2] or 0))
        start = len(out) + 1
        for proposal, priority, score in members:
            if undecided:
                position, tied = start, True
            else:
                first = next(j for j, m in enumerate(members) if m[2] == score)
                position = start + first
                tied = sum(m[2] == score for m in members) > 1
            out.append(
                RankedProposal(
                    position=position,
                    proposal=proposal,
                    point=point_key == 0,
                    priority=priority,
                    priority_rank=priority_rank,
                    experience=score,
                    tied=tied,
                    citations=citations,
                )
            )
    return tuple(out)
