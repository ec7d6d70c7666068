"""Conditions on activities and on support.

- Điều 4 TT 46/2012/TT-BCT: fairs abroad at most twice a year per establishment (khoản 1 điểm b);
  a national demonstration model spreads a technology not yet applied in the district (khoản 2
  điểm a); supported machinery is new (khoản 4 điểm b).
- Điểm a khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT: enterprise founding only in difficult or
  especially difficult areas.
- Điều 7 TTLT 26/2014: content and industry fit, approval, counterpart committed, no other state
  funding for the same item.
- Declared checks (:func:`declared_conditions`, not part of ``assess``): the judgements of
  Điều 4 TT 46/2012 that the managing agency makes — a demonstrated technology outperforms what
  is used locally (khoản 2 điểm a, second dash), transferred technology is advanced and follows
  the transfer procedure (khoản 3), machinery is a unit, cluster or group of one kind (khoản 4
  điểm a), a cleaner-production pilot improves efficiency and cuts pollution (khoản 5 điểm b).

Facts of the activity that a proposal does not declare are warnings (to confirm at appraisal);
facts it declares against the rule are errors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from operator import attrgetter
from typing import Any, Final

from .._args import check_date
from ..l10n.catalog import NO_PARAMS, Text
from ..rulebooks.core import NotEncoded, Resolved, Rulebook
from ..schemas.codes import ActivityContent, FundingSourceKind, ProposalState, SupportItem
from ..schemas.proposal import Proposal
from .checklists import Checklist, tick
from .context import Context
from .findings import Finding, Severity
from .priority import place_attributes

__all__ = ["check_activities", "check_support_conditions", "declared_conditions"]

_APPROVED_STATES: Final = frozenset(
    {
        ProposalState.APPROVED,
        ProposalState.CONTRACTED,
        ProposalState.IN_PROGRESS,
        ProposalState.ADJUSTED,
        ProposalState.EXTENDED,
        ProposalState.ACCEPTED,
        ProposalState.SETTLED,
    }
)


_FOREIGN_FAIRS: Final = frozenset(
    {
        SupportItem.FOREIGN_FAIR,
        SupportItem.FOREIGN_FAIR_ORGANISATION,
        SupportItem.FOREIGN_FAIR_PARTICIPATION,
    }
)
"""Items that support establishments at fairs abroad (Điểm b khoản 1 Điều 4 TT 46/2012)."""


_ITEM: Final = attrgetter("item")
"""A budget line's item."""
_MACHINERY: Final = SupportItem.MACHINERY_AND_TECHNOLOGY
_DEMONSTRATION_NEW: Final = SupportItem.DEMONSTRATION_NEW_TECHNOLOGY
_FOUNDING: Final = SupportItem.ENTERPRISE_FOUNDING
_NATIONAL: Final = FundingSourceKind.NATIONAL


def check_activities(
    ctx: Context, proposal: Proposal, items: Sequence[SupportItem] | None = None
) -> None:
    """The activity conditions of Điều 4 TT 46/2012 and point a of Khoản 2 Điều 6 TTLT 26/2014.

    ``items``: the item of each budget line, when the caller has read them (:func:`assess`)."""
    lines = proposal.budget_lines
    if items is None:
        items = list(map(_ITEM, lines))
    if not _FOREIGN_FAIRS.isdisjoint(items):
        limit = ctx.programme("limits.foreign_fair_supports_per_year")
        if isinstance(limit, Resolved):
            for i, b in enumerate(proposal.beneficiaries):
                if b.foreign_fair_supports_in_year + 1 > limit.integer:
                    ctx.add(
                        Finding.of(
                            "foreign_fair_limit",
                            Severity.ERROR,
                            {
                                "name": b.name,
                                "foreign_fair_supports_in_year": b.foreign_fair_supports_in_year,
                                "integer": limit.integer,
                            },
                            limit,
                            beneficiary=i,
                        )
                    )
    for index, (line, item) in enumerate(zip(lines, items, strict=True)):
        if item is _MACHINERY:
            rule = ctx.programme("condition.machinery_must_be_new")
            if line.machinery_is_new is not True:
                _declared(
                    ctx,
                    rule,
                    line.machinery_is_new,
                    codes=("machinery_not_new", "machinery_newness_undeclared"),
                    line=index,
                )
        elif item is _DEMONSTRATION_NEW and proposal.funding.kind is _NATIONAL:
            rule = ctx.programme("condition.demonstration_new_in_district")
            if line.technology_new_in_district is not True:
                _declared(
                    ctx,
                    rule,
                    line.technology_new_in_district,
                    codes=("demonstration_not_new_in_district", "demonstration_novelty_undeclared"),
                    line=index,
                )
        elif item is _FOUNDING:
            areas = ctx.resolve("condition.enterprise_founding_areas")
            if isinstance(areas, NotEncoded):
                continue  # the line's level is reported as not encoded with the same instrument
            if place_attributes(proposal).isdisjoint(areas.codes):
                ctx.add(
                    Finding.of(
                        "founding_outside_difficult_area",
                        Severity.ERROR,
                        NO_PARAMS,
                        areas,
                        index,
                    )
                )


def _items_of(
    ctx: Context, table: Resolved, contents: tuple[ActivityContent, ...]
) -> frozenset[str]:
    """The spending items of ``contents`` (and the items of any content), from the compiled
    tables' memo: the table at a date is fixed, so the answer for the same contents is too."""
    memo = ctx.tables.memo
    key = ("content.items", id(table), contents)
    found = memo.get(key)
    if found is None:
        items_of = table.table
        found = frozenset(items_of.get("any", ())).union(
            *(items_of.get(content, ()) for content in contents)
        )
        if len(memo) >= 4096:
            memo.clear()
        memo[key] = found
    return found


def check_support_conditions(
    ctx: Context, proposal: Proposal, items: Sequence[SupportItem] | None = None
) -> None:
    """The four conditions of Điều 7 TTLT 26/2014/TTLT-BTC-BCT (``items`` as for
    :func:`check_activities`)."""
    fit = ctx.resolve("condition.content_and_industry_fit")
    if isinstance(fit, NotEncoded):
        # The conditions of eligibility cannot be decided at this date: the verdict is
        # not_assessable, naming the governing instrument — never "eligible" by default.
        ctx.add(
            Finding(
                code="support_conditions_not_encoded",
                severity=Severity.UNDETERMINED,
                params={"reason": Text(fit.reason_vi, fit.reason_en)},
                instrument=fit.instrument,
            )
        )
        return
    table, approved, counterpart, no_other = ctx.resolve_many(
        "content.items",
        "condition.approved_by_competent_authority",
        "condition.counterpart_committed",
        "condition.no_other_state_funding",
    )
    if isinstance(table, Resolved):
        contents = proposal.contents
        if not contents:
            ctx.add(
                Finding.of(
                    "contents_missing",
                    Severity.UNDETERMINED,
                    NO_PARAMS,
                    fit,
                )
            )
        else:
            allowed = _items_of(ctx, table, contents)
            lines = proposal.budget_lines
            if items is None:
                items = list(map(_ITEM, lines))
            if not allowed.issuperset(items):  # else every item fits: nothing to say
                for index, item in enumerate(items):
                    if item not in allowed:
                        ctx.add(
                            Finding.of(
                                "item_outside_contents",
                                Severity.ERROR,
                                {"item": item},
                                table,
                                index,
                            )
                        )
    if isinstance(approved, Resolved) and proposal.state not in _APPROVED_STATES:
        ctx.add(
            Finding.of(
                "approval_pending",
                Severity.INFO,
                NO_PARAMS,
                approved,
            )
        )
    # Khoản 3, 4 Điều 7: the two commitments (nothing to say when declared met, the common case).
    if proposal.counterpart_committed is not True:
        _declared(
            ctx,
            counterpart,
            proposal.counterpart_committed,
            codes=_COUNTERPART_CODES,
            params={"value": _COUNTERPART},
            keys=_COMMITMENT_KEYS,
        )
    if proposal.no_other_state_funding is not True:
        _declared(
            ctx,
            no_other,
            proposal.no_other_state_funding,
            codes=_NO_OTHER_FUNDING_CODES,
            params={"value": _NO_OTHER_FUNDING},
            keys=_COMMITMENT_KEYS,
        )


_COUNTERPART: Final = Text(
    "cam kết đầu tư đủ phần kinh phí còn lại", "a commitment to fund the rest of the cost"
)
_NO_OTHER_FUNDING: Final = Text(
    "cam kết chưa được nhà nước hỗ trợ cho cùng nội dung chi",
    "a commitment that no other state funds cover the same items",
)
_COUNTERPART_CODES: Final = ("counterpart_committed_refused", "counterpart_committed_undeclared")
_NO_OTHER_FUNDING_CODES: Final = (
    "no_other_state_funding_refused",
    "no_other_state_funding_undeclared",
)
_COMMITMENT_KEYS: Final = (
    "finding.pattern.refused_condition",
    "finding.pattern.undeclared_condition",
)
"""The texts of a refused and of an undeclared commitment: one pattern each, with the
commitment as its ``value`` (so the codes have no ``finding.<code>`` entry of their own)."""


def _declared(
    ctx: Context,
    rule: Resolved | NotEncoded,
    flag: bool | None,
    *,
    codes: tuple[str, str],
    params: Mapping[str, Any] = NO_PARAMS,
    line: int | None = None,
    keys: tuple[str | None, str | None] = (None, None),
) -> None:
    """A condition the proposal declares met or not, under ``rule`` when it is in force: not
    met (``False``) is the error ``codes[0]``, not declared (``None``) the warning ``codes[1]``
    (with their catalogue ``keys`` when not ``finding.<code>``)."""
    if not isinstance(rule, Resolved) or flag is True:
        return
    refused = flag is False
    ctx.add(
        Finding.of(
            codes[0] if refused else codes[1],
            Severity.ERROR if refused else Severity.WARNING,
            params,
            rule,
            line,
            key=keys[0] if refused else keys[1],
        )
    )


def declared_conditions(
    proposal: Proposal,
    declared: Mapping[str, bool | None],
    *,
    as_of: date,
    technology_transfer: bool | None = None,
    rulebook: Rulebook | None = None,
) -> Checklist:
    """The conditions of Điều 4 TT 46/2012/TT-BCT that rest on the managing agency's judgement,
    ticked from what the clerk declares (``True`` met, ``False`` not met, absent or ``None`` not
    declared): those that apply to the proposal's budget lines (a demonstration of new technology,
    machinery, a cleaner-production pilot) and, when ``technology_transfer`` is declared true for
    its machinery-and-technology line, those of technology transfer (khoản 3).  Not met is an
    ``activity_missing`` error with its clause; not declared, ``activity_undeclared``."""
    as_of = check_date(as_of, "as_of")
    items = {line.item.value for line in proposal.budget_lines}
    facts: dict[str, bool | None] = {
        f"item:{code}": code in items
        for code in (
            "demonstration_new_technology",
            "machinery_and_technology",
            "cleaner_production_pilot",
        )
    }
    facts["technology_transfer"] = (
        technology_transfer if "machinery_and_technology" in items else False
    )
    return tick("conditions.activity", declared, as_of=as_of, facts=facts, rulebook=rulebook)
