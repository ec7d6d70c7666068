"""Priority: classify a proposal's priority area and industry, and rank proposals.

Điều 6 NĐ 45/2012/NĐ-CP names the priority areas (khoản 1) and industries (khoản 2); Điều 6
TT 46/2012/TT-BCT details them (khoản 1, 2) and orders them (khoản 3): areas by points a to d of
khoản 1, then industries of point b before point a of Khoản 2 Điều 6 NĐ 45/2012 (cleaner
production aside), areas before industries; cleaner-production proposals are not ranked by area or
industry (point b of khoản 3) but by effectiveness and urgency, which the managing agency judges.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date
from operator import attrgetter
from typing import Final, TypeVar

from .._args import check_date
from ..l10n.catalog import Text
from ..rulebooks.core import NotEncoded, Resolved, Rulebook
from ..rulebooks.loader import national
from ..schemas.beneficiary import Beneficiary
from ..schemas.citation import Citation
from ..schemas.codes import AreaAttribute, BeneficiaryKind, Industry, SupportItem
from ..schemas.proposal import Proposal
from ._value import Value
from .context import Context
from .findings import Finding, Severity

__all__ = ["PriorityClass", "classify", "rank"]


class PriorityClass(Value):
    """A proposal's priority: its best area group (a-d of Khoản 1 Điều 6 TT 46/2012) and industry
    group (b or a of Khoản 2 Điều 6 NĐ 45/2012), with the facts behind them (immutable: its
    fields are read-only properties)."""

    __slots__ = (
        "_area_group",
        "_citations",
        "_cleaner_production",
        "_industry_group",
        "_tags",
        "_undecided",
    )
    _fields = (
        "area_group",
        "industry_group",
        "cleaner_production",
        "tags",
        "citations",
        "undecided",
    )

    def __init__(
        self,
        area_group: str | None,
        industry_group: str | None,
        cleaner_production: bool,
        tags: tuple[str, ...],
        citations: tuple[Citation, ...],
        undecided: tuple[str, ...] = (),
    ) -> None:
        self._area_group = area_group
        self._industry_group = industry_group
        self._cleaner_production = cleaner_production
        self._tags = tags
        self._citations = citations
        self._undecided = undecided

    @property
    def area_group(self) -> str | None:
        """The best priority area group (a to d), or ``None``."""
        return self._area_group

    @property
    def industry_group(self) -> str | None:
        """The priority industry group (b or a), or ``None``."""
        return self._industry_group

    @property
    def cleaner_production(self) -> bool:
        """A cleaner-production proposal, which Điểm b khoản 3 Điều 6 TT 46/2012 does not rank."""
        return self._cleaner_production

    @property
    def tags(self) -> tuple[str, ...]:
        """The facts that give the priority."""
        return self._tags

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The clauses of those facts."""
        return self._citations

    @property
    def undecided(self) -> tuple[str, ...]:
        """Facts whose priority cannot be decided: a deprecated industry code that joins a
        priority and a non-priority industry, or a typical-product certificate without its issue
        date (its validity, Khoản 3 Điều 17 TT 26/2014/TT-BCT, cannot be checked).  They give no
        priority."""
        return self._undecided

    @property
    def is_priority(self) -> bool:
        """Whether the proposal is in a priority area or industry (Điều 6 NĐ 45/2012)."""
        return (
            self.area_group is not None
            or self.industry_group is not None
            or self.cleaner_production
        )


_T = TypeVar("_T")

_CLEANER_KIND: Final = BeneficiaryKind.CLEANER_PRODUCTION_ESTABLISHMENT
_CLEANER_PILOT: Final = SupportItem.CLEANER_PRODUCTION_PILOT
_CLEANER_INDUSTRY: Final = Industry.CLEANER_PRODUCTION
_ITEM: Final = attrgetter("item")
"""A budget line's item."""
_DEPRECATED: Final = frozenset(i for i in Industry if i.replaced_by)
"""Deprecated industry codes that join two industries (see :func:`_deprecated_industries`)."""


_NO_ATTRIBUTES: Final[frozenset[AreaAttribute]] = frozenset()


def place_attributes(proposal: Proposal) -> frozenset[AreaAttribute]:
    """The area attributes of the proposal's places and its beneficiaries' production sites."""
    locations = proposal.locations
    beneficiaries = proposal.beneficiaries
    if not locations and len(beneficiaries) == 1:
        # The common case: one beneficiary, its production site the only place.
        site = beneficiaries[0].production_site
        return _NO_ATTRIBUTES if site is None else site.attributes
    places = [p.attributes for p in locations]
    for b in beneficiaries:
        site = b.production_site
        if site is not None:
            places.append(site.attributes)
    if len(places) == 1:
        return places[0]
    return frozenset().union(*places)


def classify_in(
    ctx: Context, proposal: Proposal, items: Sequence[SupportItem] | None = None
) -> PriorityClass:
    """Classify ``proposal`` with the rules of ``ctx`` (``items``: the item of each budget
    line, when the caller has read them)."""
    tags: list[str] = []
    citations: list[Citation] = []
    area_group: str | None = None
    # Read together (in the order the rules below use them): the area groups and order, and
    # the facts of Điểm b khoản 2 Điều 6 NĐ 45/2012.
    groups, order, *group_b = ctx.programme_many(
        "priority.area_groups",
        "priority.area_order",
        "priority.local_raw_material_share_above",
        "priority.labour_intensive_min_workers",
        "priority.export_products",
        "priority.key_industry_products",
    )
    if type(groups) is Resolved and type(order) is Resolved:
        attributes = place_attributes(proposal)
        if attributes:
            area_group, hits = _area_group(ctx, groups, order, attributes)
            tags += hits
        if area_group is not None:
            citations.append(groups.citation)

    industry_group: str | None = None
    beneficiaries = proposal.beneficiaries
    undecided: list[str] = []
    if _group_b(ctx, beneficiaries, group_b, undecided, tags, citations):
        industry_group = "b"

    group_a, owners = ctx.programme_many("priority.industries_group_a", "priority.owners_2025")
    cleaner = False
    supporting = False
    industries: Collection[Industry]
    if len(beneficiaries) == 1:
        # Its own codes as they are: a repeat changes nothing below (the hits are made unique).
        b = beneficiaries[0]
        industries = b.industries
        cleaner = b.kind is _CLEANER_KIND
        supporting = b.supporting_industry_product
    else:
        industries = {i for b in beneficiaries for i in b.industries}
        for b in beneficiaries:
            if b.kind is _CLEANER_KIND:
                cleaner = True
            if b.supporting_industry_product:
                supporting = True
    if not cleaner and _CLEANER_PILOT in (
        map(_ITEM, proposal.budget_lines) if items is None else items
    ):
        cleaner = True
    if type(group_a) is Resolved:
        listed = ctx.programme_tables.code_set(group_a)
        # Cleaner production is a priority of point a that Điểm b khoản 3 Điều 6 TT 46/2012
        # ranks apart: it sets ``cleaner_production``, not the industry group.
        if _CLEANER_INDUSTRY in industries and _CLEANER_INDUSTRY in listed:
            cleaner = True
        a_hits = [i._value_ for i in industries if i in listed and i is not _CLEANER_INDUSTRY]
        if supporting:
            a_hits.append("supporting_industry_product")
        if a_hits:
            industry_group = industry_group or "a"
            tags += sorted(set(a_hits)) if len(a_hits) > 1 else a_hits
            citations.append(group_a.citation)
        if not _DEPRECATED.isdisjoint(industries):
            _deprecated_industries(ctx, proposal, group_a, undecided)

    if type(owners) is Resolved:
        for b in beneficiaries:
            if b.woman_owned and "woman_owned" in owners.codes:
                tags.append("woman_owned")
            if b.ethnic_minority_owned and "ethnic_minority_owned" in owners.codes:
                tags.append("ethnic_minority_owned")
    return PriorityClass(
        area_group,
        industry_group,
        cleaner,
        _unique(tags),
        _unique_citations(citations),
        _unique(undecided) if undecided else (),
    )


_DISTINCT: Final[dict[tuple[int, ...], tuple[tuple[Citation, ...], tuple[Citation, ...]]]] = {}
"""Citations without repeats, by the identity of the citations given (which the entry keeps
alive, so that no other object can take their ids)."""


def _unique_citations(citations: list[Citation]) -> tuple[Citation, ...]:
    """``citations`` without repeats (equal citations are one), in order.  They come from the
    rulebook's answers, the same objects from one proposal to the next: the answer is memoised
    by their identity, as hashing pydantic models costs more than the rest of a classification's
    bookkeeping."""
    if len(citations) < 2:
        return tuple(citations)
    key = tuple(map(id, citations))
    found = _DISTINCT.get(key)
    if found is None:
        if len(_DISTINCT) >= 4096:
            _DISTINCT.clear()
        found = _DISTINCT[key] = (tuple(citations), tuple(dict.fromkeys(citations)))
    return found[1]


def _unique(values: list[_T]) -> tuple[_T, ...]:
    """``values`` without repeats, in order (one value alone is not hashed; values without
    repeats, the common case, are not reordered through a dict)."""
    if len(values) < 2 or len(set(values)) == len(values):
        return tuple(values)
    return tuple(dict.fromkeys(values))


def _area_group(
    ctx: Context, groups: Resolved, order: Resolved, attributes: frozenset[AreaAttribute]
) -> tuple[str | None, tuple[str, ...]]:
    """The best area group (Khoản 1 Điều 6 TT 46/2012, in the order of its points) and the
    attributes that match any group, memoised in the tables of the programme date."""
    memo = ctx.programme_tables.areas
    key = (id(groups), id(order), attributes)
    found = memo.get(key)
    if found is None:
        area_group: str | None = None
        tags: list[str] = []
        table = groups.table
        for letter in order.codes:
            # Codes are StrEnum members, equal to (and hashing as) their string codes.
            hits = [a for a in table.get(letter, ()) if a in attributes]
            if hits:
                area_group = area_group or letter
                tags += hits
        if len(memo) >= 4096:
            memo.clear()
        found = memo[key] = (area_group, tuple(tags))
    return found


def _group_b(
    ctx: Context,
    beneficiaries: Sequence[Beneficiary],
    rules: Sequence[Resolved | NotEncoded],
    undecided: list[str],
    tags: list[str],
    cites: list[Citation],
) -> bool:
    """The facts of Điểm b khoản 2 Điều 6 NĐ 45/2012 (detailed by Khoản 2 Điều 6 TT 46/2012):
    typical products with a valid certificate (điểm đ; Khoản 3 Điều 21 TT 26/2014/TT-BCT), key
    industrial products, an export market (điểm a), local raw materials (điểm b), many workers
    (điểm c).  Adds their tags and clauses to ``tags`` and ``cites``; whether any holds."""
    found = False
    share, workers, export, key = rules
    for i, b in enumerate(beneficiaries):
        if b.typical_product_certificate or b.typical_product_certificate_issued_on is not None:
            typical = _typical_product(ctx, b, i, undecided)
            if typical is not None:
                found = True
                tags.append("typical_product")
                cites.append(typical)
        if b.key_industry_product and type(key) is Resolved:
            found = True
            tags.append("key_industry_product")
            cites.append(key.citation)
        if b.has_export_contract or b.produces_for_export:
            found = True
            tags.append("export")
            if type(export) is Resolved:
                cites.append(export.citation)
        raw = b.local_raw_material_share
        if raw is not None and type(share) is Resolved and raw / 100 > share.decimal:
            found = True
            tags.append("local_raw_materials")
            cites.append(share.citation)
        workforce = b.workforce
        if workforce is not None and type(workers) is Resolved and workforce >= workers.integer:
            found = True
            tags.append("labour_intensive")
            cites.append(workers.citation)
    return found


def _typical_product(ctx: Context, b: Beneficiary, i: int, undecided: list[str]) -> Citation | None:
    """The clause giving ``b`` the typical-product priority, or ``None``.

    From 21/10/2014 the priority holds while the certificate is valid (Khoản 3 Điều 21, khoản 3
    Điều 17 TT 26/2014/TT-BCT: until 31 December of the third year counting the year of issue),
    checked at the programme date; a certificate declared without its issue date cannot be
    checked and gives no priority (``undecided``).  Before that date the certificate declared is
    taken as Điểm đ khoản 2 Điều 6 TT 46/2012 words it.
    """
    issued = b.typical_product_certificate_issued_on
    if not b.typical_product_certificate and issued is None:
        return None
    rule, years = ctx.programme_many(
        "priority.typical_product_certificate_valid", "typical_products.certificate_years"
    )
    if not isinstance(rule, Resolved) or not isinstance(years, Resolved):
        return _tt46_d()
    on = ctx.programme_date
    if issued is None:
        undecided.append("typical_product")
        ctx.add(
            Finding.of(
                "typical_product_certificate_date_missing",
                Severity.WARNING,
                {"name": b.name},
                rule,
                beneficiary=i,
            )
        )
        return None
    until = date(issued.year + years.integer - 1, 12, 31)
    if issued <= on <= until:
        return rule.citation
    ctx.add(
        Finding.of(
            "typical_product_certificate_not_valid",
            Severity.INFO,
            {"name": b.name, "issued": issued, "until": until, "on": on},
            rule,
            beneficiary=i,
        )
    )
    return None


def _tt46_d() -> Citation:
    return Citation(document="46/2012/TT-BCT", article=6, clause=2, point="đ")


def _deprecated_industries(
    ctx: Context, proposal: Proposal, group_a: Resolved, undecided: list[str]
) -> None:
    """A deprecated code joining a priority and a non-priority industry of Điều 5 NĐ 45/2012
    gives no priority and says so: the priority of Điểm a khoản 2 Điều 6 cannot be decided."""
    for i, b in enumerate(proposal.beneficiaries):
        for industry in b.industries:
            if not industry.replaced_by:
                continue
            undecided.append(industry.value)
            use = " hoặc ".join(f"“{x.value}” ({x.vi})" for x in industry.replaced_by)
            use_en = " or ".join(f"'{x.value}' ({x.en})" for x in industry.replaced_by)
            ctx.add(
                Finding.of(
                    "industry_code_deprecated",
                    Severity.WARNING,
                    {
                        "name": b.name,
                        "industry": industry.value,
                        "industry2": industry,
                        "use": Text(use, use_en),
                    },
                    group_a,
                    beneficiary=i,
                )
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
