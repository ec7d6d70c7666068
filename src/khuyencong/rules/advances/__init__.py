"""Advances of national khuyến công funds: Điều 12-16 Thông tư 36/2013/TT-BCT and the 70 % ceiling
of Điểm b khoản 2 Điều 8 TTLT 26/2014/TTLT-BTC-BCT.

* First advance (Điều 13), by form of proposal: 30 % for industrial-cluster infrastructure and
  building a cluster's pollution-treatment system once more than 50 % of the supported item's
  work is done (Khoản 1); 70 % for vocational training (2.a); for consulting, courses,
  conferences, forums, study tours, brands, associations, linkage clusters, cleaner-production
  assessment (2.b); for organising fairs (in the country or abroad: the point does not say
  "trong nước"), taking part in domestic fairs, broadcasts, websites, leaflets, cluster detailed
  planning (2.c); for demonstration models, machinery, technology transfer and building a
  pollution-treatment system at a rural establishment once work worth more than 70 % of the
  investment is done (2.d); 100 % for enterprise founding, whose dossier includes the
  base-acceptance minutes (Khoản 3).  Taking part in a fair abroad, and repairing or upgrading a
  pollution-treatment system (Điểm o, p khoản 2 Điều 6 TTLT 26/2014), are in no form: the head
  of the Agency decides (Khoản 2 Điều 16).
* The rest after completion and base acceptance (Điều 14); multi-year proposals (Điều 15);
  other ratios and forms decided by the head of the Agency for Regional Industry (Điều 16) — a
  user input here, never invented.
* Every advance is capped, while TTLT 26/2014 is in force (08/04/2014 - 10/05/2018), at 70 % of
  the support under the contract.  TT 36/2013 Art 13.3 (100 %) and Art 14 (the rest) read
  literally go beyond it; the library applies the later joint financial circular to every
  advance (Art 16.1 TT 36/2013 keeps advance ratios within the financial rules) and says so in
  a note whenever the ceiling binds.  What the ceiling keeps back is not lost: it is paid when
  the contract is liquidated and the funds settled after base acceptance (Điều 18 TT 36/2013;
  the settlement documents of Điểm b khoản 3 Điều 8 TTLT 26/2014) — so for 2014-2018 Điều 14
  advances only what the ceiling leaves, and the rest of Điều 13.3 and 14 is paid at
  settlement (``AdvanceAllowance.at_settlement``).  The ceiling's base is the support under the
  contract ("kinh phí khuyến công hỗ trợ trên cơ sở hợp đồng"): the amount recorded with the
  proposal's ``contract`` event, or ``support=``; failing both, the requested support stands in,
  and the allowance says so.
* Advances without matching work are refunded (Khoản 6 Điều 12).

Money is whole đồng, rounded down.

The package follows the law: ``forms`` (the forms of Điều 13 and the ceiling's base),
``allowance`` (Điều 13-16, refunds of Khoản 6 Điều 12), ``documents`` (the dossiers).
"""

from __future__ import annotations

from .allowance import advance_allowance, refund_due
from .documents import advance_documents
from .forms import (
    AdvanceAllowance,
    AdvanceForm,
    AdvanceStage,
    FormDecision,
    Refund,
    RequiredDocument,
    advance_form,
    advanced_total,
    contract_ceiling,
    contract_support,
    is_multi_year,
)

__all__ = [
    "AdvanceAllowance",
    "AdvanceForm",
    "AdvanceStage",
    "FormDecision",
    "Refund",
    "RequiredDocument",
    "advance_allowance",
    "advance_documents",
    "advance_form",
    "advanced_total",
    "contract_ceiling",
    "contract_support",
    "is_multi_year",
    "refund_due",
]

__test__ = {"is_multi_year": is_multi_year, "refund_due": refund_due}
"""The examples in the docstrings of the package's modules (doctest reads this package)."""
