"""Interest support for a polluting rural industrial establishment that moves into an industrial
zone or cluster (Điểm n khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT; Khoản 6 Điều 4 TT 46/2012/TT-BCT).

* Who: an establishment chosen by decision of the provincial People's Committee chairman, on an
  assessment of its pollution under Thông tư 04/2012/TT-BTNMT (Khoản 6 Điều 4 TT 46/2012) —
  declared (``chairman_decision``).
* When: after the establishment has completed the investment (point n) — declared
  (``investment_completed_on``); before that day nothing is payable.
* Which loans: medium- and long-term loans in Vietnamese đồng to invest in premises, workshops,
  machinery and equipment, repaid early or on time; not loans overdue under the credit contract.
* How much: at most 50 % of the interest of the first two years, at most 500 million đồng per
  establishment (``support.relocation_interest``), at the lowest lending rate in the frame of
  rates of the Investment Bank of Vietnam (Ngân hàng Đầu tư Việt Nam) for investment loans of the
  same term and period.  That rate is a declared input (``reference_rate``, % a year): the library
  holds no bank's rates.  A loan at a higher contract rate counts the interest it would bear at
  the reference rate (interest paid × reference ÷ contract rate, the same principal and days);
  at a rate no higher, the interest paid.

The result is ``not_assessable`` — never a guess — while a condition is undeclared or the
reference rate is missing, and ``not encoded`` (naming the instrument) for dates the funding
circular does not govern here (from 11/05/2018, Thông tư 28/2018/TT-BTC).

Hook: pass the result to :func:`khuyencong.assess` as ``relocation=``: a proposal's
``relocation_interest`` lines are capped by ``support`` (unknown while it is ``None``, nothing
when ineligible); without it such a line is ``undetermined`` (``relocation_undeclared``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

import attrs
from pydantic import BaseModel, ConfigDict, Field

from .._args import check_date, check_optional_date
from ..l10n.catalog import NO_PARAMS, Text
from ..rulebooks import NotEncoded, Resolved, Rulebook
from ..schemas.money import Money, floor_dong
from ._procedure import rulebook_or_national
from .findings import Finding, Severity

__all__ = [
    "LoanResult",
    "RelocationLoan",
    "RelocationResult",
    "RelocationStatus",
    "relocation_interest",
]


class RelocationLoan(BaseModel):
    """A loan of the relocating establishment, as its credit contract and bank vouchers show."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    term: Annotated[
        Literal["short_term", "medium_term", "long_term"],
        Field(description="Kỳ hạn khoản vay (ngắn hạn, trung hạn, dài hạn)"),
    ]
    purpose: Annotated[
        Literal["premises", "machinery", "other"],
        Field(description="Mục đích: nhà xưởng, máy móc thiết bị, khác"),
    ]
    interest_paid: Annotated[
        Money,
        Field(description="Lãi đã trả cho ngân hàng trong 02 năm đầu của khoản vay (đồng)"),
    ]
    currency: Annotated[str, Field(description="Đồng tiền vay", min_length=3, max_length=3)] = "VND"
    overdue: Annotated[
        bool | None, Field(description="Khoản vay đã quá hạn trả nợ theo hợp đồng tín dụng")
    ] = None
    contract_rate: Annotated[
        Decimal | None, Field(gt=0, description="Lãi suất theo hợp đồng tín dụng (%/năm)")
    ] = None


class RelocationStatus(StrEnum):
    """The outcome for the establishment."""

    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    NOT_ASSESSABLE = "not_assessable"


@attrs.frozen(slots=True)
class LoanResult:
    """One loan: whether it counts, and the interest it counts for (``None`` when unknown)."""

    index: int
    included: bool | None
    interest: Decimal | None


@attrs.frozen(slots=True)
class RelocationResult:
    """The interest support of one relocating establishment."""

    status: RelocationStatus
    support: Decimal | None
    """The support in đồng; ``None`` when it cannot be worked out (never 0 for unknown)."""
    interest: Decimal | None
    """The interest the supported loans count for."""
    years: int | None
    """The first years of the loans whose interest is supported (``interest_paid`` covers
    them); ``None`` when not encoded."""
    loans: tuple[LoanResult, ...]
    findings: tuple[Finding, ...]


def _finding(
    code: str,
    severity: Severity,
    params: Mapping[str, Any],
    rule: Resolved,
    *,
    line: int | None = None,
    key: str | None = None,
) -> Finding:
    return Finding.of(code, severity, params, rule, line=line, key=key)


def relocation_interest(
    loans: Sequence[RelocationLoan],
    *,
    as_of: date,
    reference_rate: Decimal | None,
    investment_completed_on: date | None,
    chairman_decision: bool | None,
    rulebook: Rulebook | None = None,
) -> RelocationResult:
    """The interest support of a polluting establishment that moves into an industrial zone or
    cluster, at ``as_of`` (Điểm n khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT; Khoản 6 Điều 4
    TT 46/2012/TT-BCT).  A finding's ``line`` is the index of the loan it is about."""
    as_of = check_date(as_of, "as_of")
    investment_completed_on = check_optional_date(
        investment_completed_on, "investment_completed_on"
    )
    rb = rulebook_or_national(rulebook)
    codes = (
        "support.relocation_interest",
        "relocation.loan_terms",
        "relocation.loan_currency",
        "relocation.loan_purposes",
        "relocation.overdue_excluded",
        "relocation.after_investment_complete",
        "relocation.reference_rate",
        "relocation.chairman_decision",
        "relocation.interest_years",
    )
    resolved = {code: rb.resolve(code, as_of) for code in codes}
    missing = [r for r in resolved.values() if isinstance(r, NotEncoded)]
    if missing:
        return RelocationResult(
            status=RelocationStatus.NOT_ASSESSABLE,
            support=None,
            interest=None,
            years=None,
            loans=(),
            # One finding per governing instrument.
            findings=tuple(
                {r.instrument: Finding.not_encoded(r) for r in reversed(missing)}.values()
            ),
        )
    rule = {code: r for code, r in resolved.items() if isinstance(r, Resolved)}
    findings: list[Finding] = []
    errors = undetermined = False

    chairman = rule["relocation.chairman_decision"]
    if chairman_decision is False:
        errors = True
        findings.append(
            _finding(
                "relocation_not_chosen",
                Severity.ERROR,
                NO_PARAMS,
                chairman,
            )
        )
    elif chairman_decision is None:
        undetermined = True
        findings.append(
            _finding(
                "relocation_decision_undeclared",
                Severity.UNDETERMINED,
                NO_PARAMS,
                chairman,
            )
        )
    after = rule["relocation.after_investment_complete"]
    if investment_completed_on is None:
        undetermined = True
        findings.append(
            _finding(
                "relocation_investment_undeclared",
                Severity.UNDETERMINED,
                NO_PARAMS,
                after,
            )
        )
    elif investment_completed_on > as_of:
        errors = True
        findings.append(
            _finding(
                "relocation_investment_not_complete",
                Severity.ERROR,
                {"investment_completed_on": investment_completed_on},
                after,
            )
        )

    terms = rule["relocation.loan_terms"]
    currency = rule["relocation.loan_currency"]
    purposes = rule["relocation.loan_purposes"]
    overdue = rule["relocation.overdue_excluded"]
    reference = rule["relocation.reference_rate"]
    results: list[LoanResult] = []
    total: Decimal | None = Decimal(0)
    for index, loan in enumerate(loans):
        excluded: list[tuple[str, str, str, Resolved]] = []
        if loan.term not in terms.codes:
            excluded.append(
                (
                    "loan_term",
                    "không phải vay trung hạn, dài hạn",
                    "not medium- or long-term",
                    terms,
                )
            )
        if loan.currency != currency.value:
            excluded.append(
                (
                    "loan_currency",
                    "không vay bằng đồng Việt Nam",
                    "not in Vietnamese đồng",
                    currency,
                )
            )
        if loan.purpose not in purposes.codes:
            excluded.append(
                (
                    "loan_purpose",
                    "không để đầu tư nhà xưởng, máy móc thiết bị",
                    "not for premises or machinery",
                    purposes,
                )
            )
        if loan.overdue is True:
            excluded.append(
                ("loan_overdue", "đã quá hạn trả nợ", "overdue under the credit contract", overdue)
            )
        for code, vi, en, basis in excluded:
            findings.append(
                _finding(
                    f"relocation_{code}",
                    Severity.ERROR,
                    {"index": index + 1, "value": Text(vi, en)},
                    basis,
                    line=index,
                    key="finding.pattern.relocation",
                )
            )
        if excluded:
            results.append(LoanResult(index, False, Decimal(0)))
            continue
        included: bool | None = True
        if loan.overdue is None:
            included = None
            undetermined = True
            findings.append(
                _finding(
                    "relocation_overdue_undeclared",
                    Severity.UNDETERMINED,
                    {"index": index + 1},
                    overdue,
                    line=index,
                )
            )
        interest = _interest(loan, reference_rate)
        if interest is None:
            undetermined = True
            findings.append(
                _finding(
                    "relocation_rate_undeclared",
                    Severity.UNDETERMINED,
                    {"index": index + 1},
                    reference,
                    line=index,
                )
            )
        results.append(LoanResult(index, included, interest))
        total = None if total is None or interest is None else total + interest

    level = rule["support.relocation_interest"]
    support: Decimal | None = None
    if total is not None and not undetermined:
        raw = total if level.support.rate is None else floor_dong(total * level.support.rate)
        support = raw if level.support.cap is None else min(raw, level.support.cap)
    if not loans:
        undetermined = True
        findings.append(
            _finding(
                "relocation_no_loans",
                Severity.UNDETERMINED,
                NO_PARAMS,
                level,
            )
        )
    elif all(r.included is False for r in results):
        errors = True
    if errors:
        status, support = RelocationStatus.INELIGIBLE, Decimal(0)
    elif undetermined:
        status, support = RelocationStatus.NOT_ASSESSABLE, None
    else:
        status = RelocationStatus.ELIGIBLE
    return RelocationResult(
        status=status,
        support=support,
        interest=total,
        years=rule["relocation.interest_years"].integer,
        loans=tuple(results),
        findings=tuple(findings),
    )


def _interest(loan: RelocationLoan, reference_rate: Decimal | None) -> Decimal | None:
    """The interest a loan counts for at the reference rate (``None`` when the rates needed are
    not declared)."""
    if reference_rate is None or loan.contract_rate is None:
        return None
    if loan.contract_rate <= reference_rate:
        return loan.interest_paid
    return floor_dong(loan.interest_paid * reference_rate / loan.contract_rate)
