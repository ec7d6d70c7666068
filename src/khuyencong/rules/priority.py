"""Priority: classify a proposal's priority area and industry, and rank proposals.

Điều 6 NĐ 45/2012/NĐ-CP names the priority areas (khoản 1) and industries (khoản 2); Điều 6
TT 46/2012/TT-BCT details them (khoản 1, 2) and orders them (khoản 3): areas by points a to d of
khoản 1, then industries of point b before point a of Khoản 2 Điều 6 NĐ 45/2012 (cleaner
production aside), areas before industries; cleaner-production proposals are not ranked by area or
industry (point b of khoản 3) but by effectiveness and urgency, which the managing agency judges.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import attrs

from .._args import check_date
from ..rulebooks.core import Resolved, Rulebook
from ..rulebooks.loader import national
from ..schemas.citation import Citation
from ..schemas.codes import AreaAttribute, BeneficiaryKind, Industry, SupportItem
from ..schemas.proposal import Proposal
from .context import Context

__all__ = ["PriorityClass", "classify", "rank"]


@attrs.frozen(slots=True)
class PriorityClass:
    """A proposal's priority: its best area group (a-d of Khoản 1 Điều 6 TT 46/2012) and industry
    group (b or a of Khoản 2 Điều 6 NĐ 45/2012), with the facts behind them."""

    area_group: str | None
    industry_group: str | None
    cleaner_production: bool
    """A cleaner-production proposal, which Điểm b khoản 3 Điều 6 TT 46/2012 does not rank."""
    tags: tuple[str, ...]
    citations: tuple[Citation, ...]

    @property
    def is_priority(self) -> bool:
        """Whether the proposal is in a priority area or industry (Điều 6 NĐ 45/2012)."""
        return (
            self.area_group is not None
            or self.industry_group is not None
            or self.cleaner_production
        )


def place_attributes(proposal: Proposal) -> frozenset[AreaAttribute]:
    """The area attributes of the proposal's places and its beneficiaries' production sites."""
    places = [p.attributes for p in proposal.locations]
    places += [b.production_site.attributes for b in proposal.beneficiaries if b.production_site]
    return frozenset().union(*places)


def classify_in(ctx: Context, proposal: Proposal) -> PriorityClass:
    """Classify ``proposal`` with the rules of ``ctx``."""
    tags: list[str] = []
    citations: list[Citation] = []
    area_group: str | None = None
    groups = ctx.programme("priority.area_groups")
    order = ctx.programme("priority.area_order")
    if isinstance(groups, Resolved) and isinstance(order, Resolved):
        attributes = place_attributes(proposal)
        if attributes:
            table = groups.table
            for letter in order.codes:
                # Codes are StrEnum members, equal to (and hashing as) their string codes.
                hits = [a for a in table.get(letter, ()) if a in attributes]
                if hits:
                    area_group = area_group or letter
                    tags += hits
        if area_group is not None:
            citations.append(groups.citation)

    industry_group: str | None = None
    beneficiaries = proposal.beneficiaries
    b_tags: list[str] = []
    share = ctx.programme("priority.local_raw_material_share_above")
    workers = ctx.programme("priority.labour_intensive_min_workers")
    for b in beneficiaries:
        if b.typical_product_certificate:
            b_tags.append("typical_product")
        if b.has_export_contract:
            b_tags.append("export")
        if (
            isinstance(share, Resolved)
            and b.local_raw_material_share is not None
            and b.local_raw_material_share / 100 > share.decimal
        ):
            b_tags.append("local_raw_materials")
        if (
            isinstance(workers, Resolved)
            and b.workforce is not None
            and b.workforce >= workers.integer
        ):
            b_tags.append("labour_intensive")
    if b_tags:
        industry_group = "b"
        tags += b_tags
        if isinstance(share, Resolved):
            citations.append(share.citation)

    group_a = ctx.programme("priority.industries_group_a")
    industries = {i for b in beneficiaries for i in b.industries}
    cleaner = any(
        b.kind is BeneficiaryKind.CLEANER_PRODUCTION_ESTABLISHMENT for b in beneficiaries
    ) or any(line.item is SupportItem.CLEANER_PRODUCTION_PILOT for line in proposal.budget_lines)
    if isinstance(group_a, Resolved):
        listed = group_a.codes
        a_hits = [
            i.value
            for i in industries
            if i in listed and i is not Industry.CLEANER_PRODUCTION_AND_POLLUTION
        ]
        if any(b.supporting_industry_product for b in beneficiaries):
            a_hits.append("supporting_industry_product")
        if a_hits:
            industry_group = industry_group or "a"
            tags += sorted(set(a_hits))
            citations.append(group_a.citation)

    owners = ctx.programme("priority.owners_2025")
    if isinstance(owners, Resolved):
        for b in beneficiaries:
            if b.woman_owned and "woman_owned" in owners.codes:
                tags.append("woman_owned")
            if b.ethnic_minority_owned and "ethnic_minority_owned" in owners.codes:
                tags.append("ethnic_minority_owned")
    return PriorityClass(
        area_group=area_group,
        industry_group=industry_group,
        cleaner_production=cleaner,
        tags=tuple(dict.fromkeys(tags)),
        citations=tuple(dict.fromkeys(citations)),
    )


def classify(proposal: Proposal, *, as_of: date, rulebook: Rulebook | None = None) -> PriorityClass:
    """Classify a proposal's priority area and industry at ``as_of``."""
    as_of = check_date(as_of, "as_of")
    return classify_in(Context(rulebook or national(), as_of), proposal)


def rank(
    proposals: Iterable[Proposal], *, as_of: date, rulebook: Rulebook | None = None
) -> list[tuple[Proposal, PriorityClass]]:
    """Order proposals as Điểm a khoản 3 Điều 6 TT 46/2012/TT-BCT does: by area group a to d,
    then industry group b before a; proposals with no priority follow, and cleaner-production
    proposals, which that clause leaves to the managing agency's judgement (point b), come last.
    The sort is stable: ties keep their input order.
    """
    as_of = check_date(as_of, "as_of")
    book = rulebook or national()
    ctx = Context(book, as_of)
    area_order: Sequence[str] = ("a", "b", "c", "d")
    industry_order: Sequence[str] = ("b", "a")
    found_area = ctx.programme("priority.area_order")
    found_industry = ctx.programme("priority.industry_order")
    if isinstance(found_area, Resolved):
        area_order = found_area.codes
    if isinstance(found_industry, Resolved):
        industry_order = found_industry.codes
    classified = [(p, classify_in(ctx, p)) for p in proposals]

    def key(item: tuple[Proposal, PriorityClass]) -> tuple[int, int, int]:
        c = item[1]
        if c.cleaner_production:
            return (2, 0, 0)
        area = area_order.index(c.area_group) if c.area_group in area_order else len(area_order)
        industry = (
            industry_order.index(c.industry_group)
            if c.industry_group in industry_order
            else len(industry_order)
        )
        return (0 if c.is_priority else 1, area, industry)

    return sorted(classified, key=key)
