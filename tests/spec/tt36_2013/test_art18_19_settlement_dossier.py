"""Điều 19 TT 36/2013/TT-BCT (the settlement dossier) and Khoản 3, 4 Điều 18 (a late dossier;
force majeure), as checklists.

Without an invoice to the Agency (khoản 1): Mẫu 5a (a), Mẫu 9 if any (b), Mẫu 7 (c), and the
voucher list — Mẫu 8a, or for a proposal the State supports by a percentage of the total cost
Mẫu 8b including the other sources' share — with every voucher (d).  With an invoice (khoản 2):
Mẫu 5b or 5c (a), the invoice (b), the documents of Điều 13-16 (c).  At the liquidation of the
year's last contract, Mẫu 10 (khoản 3).
"""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.errors import NotEncodedError
from khuyencong.rules import ItemStatus, late_settlement, settlement_dossier

from .helpers import national, walk

TT36 = "36/2013/TT-BCT"
ON = date(2016, 12, 1)
NO_INVOICE = {"base_acceptance_5a", "settlement_detail_7", "spending_vouchers"}


def _codes(items: object) -> list[str]:
    return [i.code for i in items]  # type: ignore[attr-defined]


@pytest.mark.clause(f"{TT36}:19.1.a")
@pytest.mark.clause(f"{TT36}:19.1.b")
@pytest.mark.clause(f"{TT36}:19.1.c")
@pytest.mark.clause(f"{TT36}:19.1.d.p1")
def test_art19_1_without_invoice() -> None:
    d = settlement_dossier(
        set(), invoiced=False, percentage_support=False, last_contract_of_year=False, as_of=ON
    )
    # Mẫu 9 is "(nếu có)": never missing.
    assert _codes(d.missing) == [
        "base_acceptance_5a",
        "settlement_detail_7",
        "voucher_list_8a",
        "spending_vouchers",
    ]
    assert {i.code: i.citation.key for i in d.missing} == {
        "base_acceptance_5a": f"{TT36}:19.1.a",
        "settlement_detail_7": f"{TT36}:19.1.c",
        "voucher_list_8a": f"{TT36}:19.1.d.p1",
        "spending_vouchers": f"{TT36}:19.1.d.p1",
    }
    statuses = {i.code: i.status for i in d.items}
    assert statuses["payment_request_9"] is ItemStatus.NOT_REQUIRED
    for code in ("base_acceptance_5b_5c", "invoice", "advance_documents", "reconciliation_10"):
        assert statuses[code] is ItemStatus.NOT_REQUIRED
    done = settlement_dossier(
        NO_INVOICE | {"voucher_list_8a", "payment_request_9"},
        invoiced=False,
        percentage_support=False,
        last_contract_of_year=False,
        as_of=ON,
    )
    assert done.complete is True
    assert {i.code: i.status for i in done.items}["payment_request_9"] is ItemStatus.PRESENT


@pytest.mark.clause(f"{TT36}:19.1.d.p2")
@pytest.mark.parametrize(
    ("percentage", "needed", "not_needed"),
    [(True, "voucher_list_8b", "voucher_list_8a"), (False, "voucher_list_8a", "voucher_list_8b")],
)
def test_art19_1_d_form_8b_with_other_sources_for_percentage_support(
    percentage: bool, needed: str, not_needed: str
) -> None:
    d = settlement_dossier(
        NO_INVOICE,
        invoiced=False,
        percentage_support=percentage,
        last_contract_of_year=False,
        as_of=ON,
    )
    assert _codes(d.missing) == [needed]
    assert {i.code: i.status for i in d.items}[not_needed] is ItemStatus.NOT_REQUIRED
    if percentage:
        assert "nguồn khác" in d.missing[0].label_vi


@pytest.mark.clause(f"{TT36}:19.1.d.p2")
def test_art19_1_d_undeclared_percentage_leaves_both_lists_unknown() -> None:
    d = settlement_dossier(
        NO_INVOICE, invoiced=False, percentage_support=None, last_contract_of_year=False, as_of=ON
    )
    assert d.missing == ()
    assert _codes(d.unknown) == ["voucher_list_8a", "voucher_list_8b"]
    assert d.complete is None


@pytest.mark.clause(f"{TT36}:19.2.a")
@pytest.mark.clause(f"{TT36}:19.2.b")
@pytest.mark.clause(f"{TT36}:19.2.c")
def test_art19_2_with_invoice() -> None:
    d = settlement_dossier(
        {"invoice"}, invoiced=True, percentage_support=True, last_contract_of_year=False, as_of=ON
    )
    assert [(i.code, i.citation.key) for i in d.missing] == [
        ("base_acceptance_5b_5c", f"{TT36}:19.2.a"),
        ("advance_documents", f"{TT36}:19.2.c"),
    ]
    statuses = {i.code: i.status for i in d.items}
    assert statuses["invoice"] is ItemStatus.PRESENT
    assert statuses["voucher_list_8b"] is ItemStatus.NOT_REQUIRED  # khoản 1 only


@pytest.mark.clause(f"{TT36}:19.3")
@pytest.mark.parametrize(("last", "missing"), [(True, ["reconciliation_10"]), (False, [])])
def test_art19_3_form_10_at_the_years_last_contract(last: bool, missing: list[str]) -> None:
    d = settlement_dossier(
        {"base_acceptance_5b_5c", "invoice", "advance_documents"},
        invoiced=True,
        percentage_support=False,
        last_contract_of_year=last,
        as_of=ON,
    )
    assert _codes(d.missing) == missing


@pytest.mark.clause(f"{TT36}:18.4")
def test_art18_4_force_majeure_dossier() -> None:
    d = settlement_dossier(
        {"explanation"},
        invoiced=None,
        percentage_support=None,
        last_contract_of_year=None,
        force_majeure=True,
        as_of=ON,
    )
    assert [(i.code, i.citation.key) for i in d.missing] == [
        ("volume_acceptance", f"{TT36}:18.4"),
        ("vouchers_for_work_done", f"{TT36}:18.4"),
    ]


@pytest.mark.clause(f"{TT36}:18.3")
@pytest.mark.clause(f"{TT36}:18.2")
@pytest.mark.parametrize(
    ("filed", "as_of", "late"),
    [
        (date(2017, 1, 22), date(2017, 3, 1), False),  # on the last day
        (date(2017, 1, 23), date(2017, 3, 1), True),  # one day after
        (None, date(2017, 1, 22), None),  # not filed, the limit not passed yet
        (None, date(2017, 1, 23), True),  # not filed, the limit passed
    ],
)
def test_art18_3_late_dossier_route(filed: date | None, as_of: date, late: bool | None) -> None:
    result = late_settlement(2016, dossier_filed_on=filed, as_of=as_of)
    assert result.limit == date(2017, 1, 22)
    assert result.late is late
    if late:
        assert _codes(result.documents) == ["base_acceptance", "payment_request_9"]
        assert [f.citation.key for f in result.findings if f.citation] == [f"{TT36}:18.3"]
    else:
        assert result.documents == ()
        assert result.findings == ()


@pytest.mark.clause(f"{TT36}:18.3")
def test_art18_3_a_proposals_limit_follows_its_year_and_the_circulars_period() -> None:
    p = walk(national(), "start")
    assert late_settlement(p, as_of=date(2017, 1, 23)).limit == date(2017, 1, 22)
    with pytest.raises(NotEncodedError, match="17/2018/TT-BCT"):
        late_settlement(2018, as_of=date(2019, 2, 1))
