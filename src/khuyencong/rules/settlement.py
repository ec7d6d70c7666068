"""Settlement of a national proposal (Điều 18, 19 Thông tư 36/2013/TT-BCT).

* The settlement dossier (Điều 19): without a financial invoice to the Agency (khoản 1), the base
  acceptance record (Mẫu 5a), the payment request (Mẫu 9, if any), the settlement detail
  (Mẫu 7), and the list of vouchers — Mẫu 8a, or Mẫu 8b including the share paid from other
  sources when the State supports a percentage of the total cost — with every voucher and the
  documents of Điều 13-16; with an invoice (khoản 2), the base acceptance record (Mẫu 5b or 5c),
  the invoice and the documents of Điều 13-16; at the liquidation of the year's last contract,
  the funds reconciliation on Mẫu 10 (khoản 3).
* Force majeure (Khoản 4 Điều 18): settlement by the work done, on the unit's explanation, a
  record of the work done certified by the Department or the district or commune People's
  Committee, and the vouchers of that work.
* A late dossier (Khoản 3 Điều 18): when the unit's dossier misses the settlement limit of
  khoản 2 (22 January of the following year), the Agency settles the advanced amount with the
  State Treasury on the base acceptance record and the payment request on Mẫu 9.

>>> from datetime import date
>>> d = settlement_dossier({"base_acceptance_5a", "settlement_detail_7", "voucher_list_8a",
...                         "spending_vouchers"}, invoiced=False, percentage_support=True,
...                         last_contract_of_year=False, as_of=date(2016, 12, 1))
>>> [i.code for i in d.missing]
['voucher_list_8b']
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

import attrs

from .._args import check_date, check_optional_date
from ..rulebooks import Rulebook
from ..schemas.proposal import Proposal
from ._procedure import implementation_year, require, require_national, rulebook_or_national
from .checklists import Checklist, ChecklistItem, tick
from .findings import Finding, Severity

__all__ = ["LateSettlement", "late_settlement", "settlement_dossier"]

Ticked = Collection[str] | Mapping[str, bool | None]


def settlement_dossier(
    present: Ticked,
    *,
    as_of: date,
    invoiced: bool | None,
    percentage_support: bool | None,
    last_contract_of_year: bool | None,
    force_majeure: bool = False,
    rulebook: Rulebook | None = None,
) -> Checklist:
    """The settlement dossier of a national contract, ticked (Điều 19 TT 36/2013/TT-BCT; with
    ``force_majeure``, the dossier of Khoản 4 Điều 18 instead).

    Facts: ``invoiced`` (the unit issues a financial invoice to the Agency: khoản 2 rather than
    khoản 1), ``percentage_support`` (the State supports a percentage of the total cost, so the
    vouchers are listed on Mẫu 8b with the other sources' share), ``last_contract_of_year``
    (Mẫu 10).  ``None`` leaves the items they govern ``unknown``.
    """
    as_of = check_date(as_of, "as_of")
    if force_majeure:
        return tick("dossier.settlement_force_majeure", present, as_of=as_of, rulebook=rulebook)
    return tick(
        "dossier.settlement",
        present,
        as_of=as_of,
        facts={
            "invoiced": invoiced,
            "percentage_support": percentage_support,
            "last_contract_of_year": last_contract_of_year,
        },
        rulebook=rulebook,
    )


@attrs.frozen(slots=True)
class LateSettlement:
    """Whether a settlement dossier is late (Khoản 2, 3 Điều 18 TT 36/2013/TT-BCT), and what the
    Agency then settles on."""

    limit: date
    """The last day for the liquidation and settlement (Khoản 2 Điều 18)."""
    late: bool | None
    """``True`` once the limit has passed without the dossier (or it came after); ``None``
    while the limit has not passed and no dossier is recorded."""
    documents: tuple[ChecklistItem, ...]
    """What the Agency settles on when late (Khoản 3 Điều 18); empty otherwise."""
    findings: tuple[Finding, ...]


def late_settlement(
    subject: Proposal | int,
    *,
    as_of: date,
    dossier_filed_on: date | None = None,
    rulebook: Rulebook | None = None,
) -> LateSettlement:
    """Whether the settlement dossier of a national proposal (or of the contracts of a year) is
    late, and, if so, the route of Khoản 3 Điều 18 TT 36/2013/TT-BCT: the Agency settles the
    advanced amount with the State Treasury on the base acceptance record and Mẫu 9, and fixes the
    time and place of liquidation.  The limit is 22 January of the year after the
    implementation year (Khoản 2 Điều 18; an extension moves the year on, Điểm a khoản 2
    Điều 11)."""
    as_of = check_date(as_of, "as_of")
    dossier_filed_on = check_optional_date(dossier_filed_on, "dossier_filed_on")
    rb = rulebook_or_national(rulebook)
    if isinstance(subject, Proposal):
        require_national(
            subject,
            "The settlement of Thông tư 36/2013/TT-BCT concerns national proposals; a province "
            "sets the procedure of local proposals",
        )
        year = implementation_year(subject)
    else:
        year = subject
    probe = date(year + 1, 1, 1)
    rule = require(rb, "settlement.latest", probe)
    month, day = rule.month_day
    limit = date(year + 1, month, day)
    rule = require(rb, "settlement.latest", limit)
    if dossier_filed_on is not None:
        late: bool | None = dossier_filed_on > limit
    else:
        late = True if as_of > limit else None
    if not late:
        return LateSettlement(limit=limit, late=late, documents=(), findings=())
    route = tick("dossier.settlement_late", {}, as_of=limit, rulebook=rb)
    basis = require(rb, "dossier.settlement_late.base_acceptance", limit)
    finding = Finding.of(
        "settlement_late",
        Severity.WARNING,
        {"limit": limit},
        basis,
    )
    return LateSettlement(
        limit=limit,
        late=True,
        documents=tuple(attrs.evolve(i, required=True) for i in route.items),
        findings=(finding,),
    )
