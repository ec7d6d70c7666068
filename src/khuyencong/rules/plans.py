"""Annual plans (kế hoạch khuyến công, Khoản 2 Điều 2 NĐ 45/2012/NĐ-CP): totals against the
allocation, the managing agency's share, and counts and sums by funding source, content,
province and year.

The managing agency's share is at most 1.5 % of the khuyến công funds allocated each year
(Gạch đầu dòng thứ nhất điểm s khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT, param
``support.management_agency``).  Ranking proposals by priority belongs to the priority rules;
``rank`` is the hook that lets them order the plan here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from .._args import check_optional_date
from ..l10n.catalog import NO_PARAMS
from ..rulebooks import NotEncoded, Rulebook
from ..schemas.citation import Citation
from ..schemas.codes import FundingSourceKind, SupportItem
from ..schemas.locality import Locality2025
from ..schemas.proposal import AnnualPlan, Proposal
from ._procedure import floor_dong, rulebook_or_national
from .findings import Finding, note

__all__ = ["Bucket", "PlanCheck", "PlanSummary", "plan_summary"]


@attrs.frozen(slots=True)
class Bucket:
    """A count and sums of proposals sharing a key."""

    key: str
    count: int
    cost: Decimal
    requested: Decimal


@attrs.frozen(slots=True)
class PlanCheck:
    """One plan against its allocation and the agency's management share."""

    year: int
    funding: str
    allocation: Decimal | None
    requested: Decimal
    within_allocation: bool | None
    """``None`` when the plan gives no allocation."""
    management_agency_cap: Decimal | None
    """At most 1.5 % of the allocation, rounded down; ``None`` without an allocation or rule."""
    management_agency_requested: Decimal
    """What the plan's budget lines put on the managing agency's share."""
    citation: Citation | None
    not_encoded: NotEncoded | None = None

    @property
    def management_within_cap(self) -> bool | None:
        """Whether the agency's share stays within its cap (``None``: not known)."""
        if self.management_agency_cap is None:
            return None
        return self.management_agency_requested <= self.management_agency_cap


@attrs.frozen(slots=True)
class PlanSummary:
    """Totals, checks and breakdowns of one or more annual plans."""

    proposals: int
    total_cost: Decimal
    total_requested: Decimal
    plans: tuple[PlanCheck, ...]
    by_funding: tuple[Bucket, ...]
    by_content: tuple[Bucket, ...]
    by_province: tuple[Bucket, ...]
    by_year: tuple[Bucket, ...]
    ranked: tuple[str, ...] | None = None
    """Proposal codes in the order ``rank`` gave, when given."""
    notes: tuple[Finding, ...] = ()

    @property
    def within_allocation(self) -> bool | None:
        """Every plan within its allocation (``None`` when some plan gives none)."""
        results = [p.within_allocation for p in self.plans]
        if any(r is None for r in results):
            return None
        return all(results)


def _funding_key(proposal_or_plan: Proposal | AnnualPlan) -> str:
    funding = proposal_or_plan.funding
    if funding.kind is FundingSourceKind.NATIONAL:
        return funding.kind.value
    level = funding.level.value if funding.level is not None else "province"
    return f"{funding.kind.value}/{level}"


def _provinces(proposal: Proposal) -> tuple[str, ...]:
    names: list[str] = []
    for place in proposal.locations:
        if isinstance(place, Locality2025):
            names.append(place.unit.province_name)
        else:
            names.append(place.province)
    if not names and proposal.funding.province:
        names.append(proposal.funding.province)
    return tuple(dict.fromkeys(names)) or ("unknown",)


def _buckets(rows: dict[str, list[Proposal]]) -> tuple[Bucket, ...]:
    return tuple(
        Bucket(
            key=key,
            count=len(items),
            cost=sum((p.total_cost for p in items), Decimal(0)),
            requested=sum((p.total_requested for p in items), Decimal(0)),
        )
        for key, items in sorted(rows.items())
    )


def plan_summary(
    plans: AnnualPlan | Iterable[AnnualPlan],
    *,
    as_of: date | None = None,
    rulebook: Rulebook | None = None,
    rank: Callable[[Proposal], Any] | None = None,
) -> PlanSummary:
    """Summarise annual plans: totals within the allocation, the managing agency's share (at most
    1.5 % of the annual allocation, Gạch đầu dòng thứ nhất điểm s khoản 2 Điều 6 TTLT
    26/2014/TTLT-BTC-BCT), and counts and sums by funding source, content, province and year.

    The share's rule is resolved on ``as_of``, or on 1 January of each plan's year when not given;
    a year whose funding instrument is not encoded (TT 28/2018/TT-BTC from 11/05/2018 for this
    share) reports ``not_encoded`` instead of a cap.  A proposal with several contents or
    provinces counts in each of them, so those breakdowns may add up to more than the total.
    ``rank`` (a sort key, e.g. from the priority rules) orders the proposals in ``ranked``.
    """
    as_of = check_optional_date(as_of, "as_of")
    rb = rulebook_or_national(rulebook)
    plan_list = [plans] if isinstance(plans, AnnualPlan) else list(plans)
    checks: list[PlanCheck] = []
    by_funding: dict[str, list[Proposal]] = defaultdict(list)
    by_content: dict[str, list[Proposal]] = defaultdict(list)
    by_province: dict[str, list[Proposal]] = defaultdict(list)
    by_year: dict[str, list[Proposal]] = defaultdict(list)
    everything: list[Proposal] = []
    overlap = False
    for plan in plan_list:
        requested = sum((p.total_requested for p in plan.proposals), Decimal(0))
        agency_lines = sum(
            (
                line.requested
                for p in plan.proposals
                for line in p.budget_lines
                if line.item is SupportItem.MANAGEMENT_AGENCY
            ),
            Decimal(0),
        )
        on = as_of if as_of is not None else date(plan.year, 1, 1)
        rule = rb.resolve("support.management_agency", on)
        cap: Decimal | None = None
        citation: Citation | None = None
        not_encoded: NotEncoded | None = None
        if isinstance(rule, NotEncoded):
            not_encoded = rule
        else:
            citation = rule.citation
            rate = rule.support.rate
            if plan.allocation is not None and rate is not None:
                cap = floor_dong(rate * plan.allocation)
        checks.append(
            PlanCheck(
                year=plan.year,
                funding=_funding_key(plan),
                allocation=plan.allocation,
                requested=requested,
                within_allocation=None if plan.allocation is None else requested <= plan.allocation,
                management_agency_cap=cap,
                management_agency_requested=agency_lines,
                citation=citation,
                not_encoded=not_encoded,
            )
        )
        for proposal in plan.proposals:
            everything.append(proposal)
            by_funding[_funding_key(proposal)].append(proposal)
            by_year[str(proposal.plan_year)].append(proposal)
            contents = tuple(dict.fromkeys(c.value for c in proposal.contents)) or ("unspecified",)
            provinces = _provinces(proposal)
            overlap = overlap or len(contents) > 1 or len(provinces) > 1
            for content in contents:
                by_content[content].append(proposal)
            for province in provinces:
                by_province[province].append(proposal)
    notes: list[Finding] = []
    if overlap:
        notes.append(
            note(
                "breakdown_overlaps",
                NO_PARAMS,
            )
        )
    ranked = None
    if rank is not None:
        ranked = tuple(p.code for p in sorted(everything, key=rank))
    return PlanSummary(
        proposals=len(everything),
        total_cost=sum((p.total_cost for p in everything), Decimal(0)),
        total_requested=sum((p.total_requested for p in everything), Decimal(0)),
        plans=tuple(checks),
        by_funding=_buckets(by_funding),
        by_content=_buckets(by_content),
        by_province=_buckets(by_province),
        by_year=_buckets(by_year),
        ranked=ranked,
        notes=tuple(notes),
    )
