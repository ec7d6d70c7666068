"""Budgeting rules of khuyến công funds that a clerk can check.

* Accounting: khuyến công funds are accounted for and settled under loại 070 khoản 102
  "hoạt động khuyến công" of the State budget index, in the matching chapter (Điểm a khoản 3
  Điều 8 TTLT 26/2014/TTLT-BTC-BCT).
* Other local contents: support of contents and forms other than those of Điều 6 TTLT 26/2014,
  paid from local funds, needs the provincial People's Council's regulation, proposed by the
  People's Committee (Điểm b khoản 3 Điều 6).
* Carry-over: budget funds not spent in the plan year carry over to the following year under the
  rules in force (Khoản 4 Điều 14 NĐ 45/2012/NĐ-CP); the conditions of the State budget law are
  not encoded, and are said to be.

>>> from datetime import date
>>> [f.code for f in budget_classification("070", "102", as_of=date(2016, 1, 1))]
['budget_classification_ok']
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from .._args import check_date
from ..l10n.catalog import NO_PARAMS
from ..rulebooks import NotEncoded, Rulebook
from ..schemas.codes import FundingSourceKind, SupportItem
from ..schemas.proposal import Proposal
from ._procedure import rulebook_or_national
from .findings import Finding, Severity

__all__ = ["CarryOver", "budget_classification", "carry_over", "local_other_contents"]


def budget_classification(
    loai: str, khoan: str, *, as_of: date, rulebook: Rulebook | None = None
) -> tuple[Finding, ...]:
    """Check the budget classification (loại, khoản) under which khuyến công funds are accounted
    for (Điểm a khoản 3 Điều 8 TTLT 26/2014/TTLT-BTC-BCT): an error naming the right one when it
    differs; a ``not_encoded`` finding for a date the rule is not encoded."""
    as_of = check_date(as_of, "as_of")
    rb = rulebook_or_national(rulebook)
    rule = rb.resolve("budget.classification", as_of)
    if isinstance(rule, NotEncoded):
        return (Finding.not_encoded(rule),)
    want_loai, want_khoan = rule.codes
    if (loai.strip(), khoan.strip()) == (want_loai, want_khoan):
        return (
            Finding.of(
                "budget_classification_ok",
                Severity.INFO,
                {"want_loai": want_loai, "want_khoan": want_khoan},
                rule,
            ),
        )
    return (
        Finding.of(
            "budget_classification_wrong",
            Severity.ERROR,
            {"want_loai": want_loai, "want_khoan": want_khoan, "loai": loai, "khoan": khoan},
            rule,
        ),
    )


def local_other_contents(
    proposal: Proposal,
    *,
    council_regulation: bool | None,
    as_of: date,
    rulebook: Rulebook | None = None,
) -> tuple[Finding, ...]:
    """For a local proposal with lines of other contents than Điều 6 TTLT 26/2014 (item
    ``other``): whether the provincial People's Council has regulated them (Điểm b khoản 3
    Điều 6) — declared as ``council_regulation``; ``False`` is an error on each such line,
    ``None`` leaves it undetermined.  A national proposal, or one with no such line, yields
    nothing."""
    as_of = check_date(as_of, "as_of")
    if proposal.funding.kind is not FundingSourceKind.LOCAL:
        return ()
    lines = [i for i, line in enumerate(proposal.budget_lines) if line.item is SupportItem.OTHER]
    if not lines:
        return ()
    rb = rulebook_or_national(rulebook)
    rule = rb.resolve("local.other_contents_need_council", as_of)
    if isinstance(rule, NotEncoded):
        return tuple(Finding.not_encoded(rule, line=i) for i in lines)
    if council_regulation is True:
        return ()
    if council_regulation is False:
        return tuple(
            Finding.of(
                "local_other_content_unregulated",
                Severity.ERROR,
                NO_PARAMS,
                rule,
                i,
            )
            for i in lines
        )
    return tuple(
        Finding.of(
            "local_other_content_undeclared",
            Severity.UNDETERMINED,
            NO_PARAMS,
            rule,
            i,
        )
        for i in lines
    )


@attrs.frozen(slots=True)
class CarryOver:
    """Unspent budget funds of a plan year and the year they carry over to."""

    amount: Decimal
    to_year: int
    findings: tuple[Finding, ...]


def carry_over(
    unspent: Decimal, plan_year: int, *, rulebook: Rulebook | None = None
) -> CarryOver | NotEncoded:
    """Budget funds of ``plan_year`` not spent carry over to the following year (Khoản 4
    Điều 14 NĐ 45/2012/NĐ-CP), by the rule in force at the end of the plan year; the conditions
    of the State budget law it refers to ("theo quy định hiện hành") are not encoded, and the
    result says so.  Raises ``ValueError`` for a negative amount."""
    if unspent < 0:
        raise ValueError(f"unspent funds cannot be negative: {unspent}")
    rb = rulebook_or_national(rulebook)
    rule = rb.resolve("budget.carry_over_unspent", date(plan_year, 12, 31))
    if isinstance(rule, NotEncoded):
        return rule
    warning = Finding.of(
        "carry_over_conditions_not_encoded",
        Severity.WARNING,
        NO_PARAMS,
        rule,
    )
    return CarryOver(amount=unspent, to_year=plan_year + 1, findings=(warning,))
