"""Điều 10 TT 36/2013/TT-BCT: the registration dossier, as a checklist.

Khoản 1 điểm a: three sets to the Department — the implementing unit's request letter (first
dash), the proposal drawn up as Điều 5 says and, when the implementing unit is not the
beneficiary, the beneficiary's written request (second dash), the Phụ lục 2 documents for some
kinds of proposal (third dash).  Khoản 2 điểm a: one set to the Agency — the registration report
(first dash), the base appraisal sheet on Mẫu 4a or 4b (second dash; none for a proposal sent
straight to the Agency, Điểm b khoản 1 Điều 8), the Phụ lục 2 documents (third dash).
"""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.errors import DeclarationError, NotEncodedError
from khuyencong.rules import ItemStatus, registration_dossier
from khuyencong.schemas import Citation

from .helpers import national

TT36 = "36/2013/TT-BCT"
ON = date(2015, 5, 1)
ALL_BASE = {"request_letter", "proposal", "beneficiary_request", "annex2_documents"}


def _status(checklist: object, code: str) -> ItemStatus:
    items = {i.code: i for i in checklist.items}  # type: ignore[attr-defined]
    return items[code].status  # type: ignore[no-any-return]


@pytest.mark.clause(f"{TT36}:10.1.a.d1")
@pytest.mark.clause(f"{TT36}:10.1.a.d2")
def test_art10_1_a_request_letter_and_proposal_are_always_required() -> None:
    d = registration_dossier(
        "base", set(), implementer_is_beneficiary=True, annex2_kind=False, as_of=ON
    )
    assert [i.code for i in d.missing] == ["request_letter", "proposal"]
    assert d.complete is False
    by_code = {f.citation.key: f.code for f in d.findings if f.citation}
    assert by_code == {
        f"{TT36}:10.1.a.d1": "registration_base_missing",
        f"{TT36}:10.1.a.d2": "registration_base_missing",
    }


@pytest.mark.clause(f"{TT36}:10.1.a.d2")
@pytest.mark.parametrize(
    ("implementer_is_beneficiary", "status"),
    [
        (False, ItemStatus.MISSING),  # another unit implements: the beneficiary must ask
        (True, ItemStatus.NOT_REQUIRED),
        (None, ItemStatus.UNKNOWN),  # not declared: never silently "not required"
    ],
)
def test_art10_1_a_beneficiary_request_when_not_the_implementer(
    implementer_is_beneficiary: bool | None, status: ItemStatus
) -> None:
    d = registration_dossier(
        "base",
        {"request_letter", "proposal"},
        implementer_is_beneficiary=implementer_is_beneficiary,
        annex2_kind=False,
        as_of=ON,
    )
    assert _status(d, "beneficiary_request") is status
    assert d.complete is {ItemStatus.MISSING: False, ItemStatus.NOT_REQUIRED: True}.get(status)


@pytest.mark.clause(f"{TT36}:10.1.a.d3")
@pytest.mark.parametrize(
    ("annex2_kind", "status"), [(True, ItemStatus.MISSING), (False, ItemStatus.NOT_REQUIRED)]
)
def test_art10_1_a_annex2_documents_for_listed_kinds(annex2_kind: bool, status: ItemStatus) -> None:
    d = registration_dossier(
        "base",
        {"request_letter", "proposal"},
        implementer_is_beneficiary=True,
        annex2_kind=annex2_kind,
        as_of=ON,
    )
    assert _status(d, "annex2_documents") is status


@pytest.mark.clause(f"{TT36}:10.1.a")
@pytest.mark.parametrize(("sets", "short"), [(2, True), (3, False), (4, False)])
def test_art10_1_a_three_sets(sets: int, short: bool) -> None:
    d = registration_dossier(
        "base", ALL_BASE, implementer_is_beneficiary=False, annex2_kind=True, sets=sets, as_of=ON
    )
    codes = [f.code for f in d.findings]
    assert codes == (["registration_base_sets"] if short else [])
    if short:
        assert d.findings[0].citation == Citation(document=TT36, article=10, clause=1, point="a")
        assert "3 bộ" in d.findings[0].message_vi


@pytest.mark.clause(f"{TT36}:10.2.a")
@pytest.mark.clause(f"{TT36}:10.2.a.d1")
@pytest.mark.parametrize(("sets", "short"), [(0, True), (1, False)])
def test_art10_2_a_one_set_with_the_registration_report(sets: int, short: bool) -> None:
    d = registration_dossier("ministry", set(), direct=True, annex2_kind=False, sets=sets, as_of=ON)
    assert [i.code for i in d.missing] == ["registration_report"]
    assert ("registration_ministry_sets" in [f.code for f in d.findings]) is short


@pytest.mark.clause(f"{TT36}:10.2.a.d2")
def test_art10_2_a_base_appraisal_sheet_unless_sent_straight_to_the_agency() -> None:
    # A proposal registered through the Department has a base appraisal (Mẫu 4a/4b)...
    through = national()
    d = registration_dossier(
        "ministry", {"registration_report"}, proposal=through, annex2_kind=False, as_of=ON
    )
    assert [i.code for i in d.missing] == ["base_appraisal_sheet"]
    # ... one sent straight to the Agency (Điểm b khoản 1 Điều 8) has none.
    d = registration_dossier(
        "ministry", {"registration_report"}, direct=True, annex2_kind=False, as_of=ON
    )
    assert _status(d, "base_appraisal_sheet") is ItemStatus.NOT_REQUIRED
    assert d.complete is True


@pytest.mark.clause(f"{TT36}:10.2.a.d3")
def test_art10_2_a_annex2_documents() -> None:
    d = registration_dossier(
        "ministry",
        {"registration_report", "base_appraisal_sheet"},
        direct=False,
        annex2_kind=True,
        as_of=ON,
    )
    assert [(i.code, i.citation.key) for i in d.missing] == [
        ("annex2_documents", f"{TT36}:10.2.a.d3")
    ]


@pytest.mark.clause(f"{TT36}:10.1.a")
def test_art10_dossier_from_the_day_the_circular_took_effect() -> None:
    ok = registration_dossier(
        "base",
        ALL_BASE,
        implementer_is_beneficiary=False,
        annex2_kind=True,
        as_of=date(2014, 2, 10),
    )
    assert ok.complete is True
    with pytest.raises(NotEncodedError, match="08/2008/QĐ-BCT"):
        registration_dossier("base", ALL_BASE, as_of=date(2014, 2, 9))
    with pytest.raises(NotEncodedError, match="17/2018/TT-BCT"):
        registration_dossier("base", ALL_BASE, as_of=date(2019, 1, 1))


@pytest.mark.clause(f"{TT36}:10.1.a")
def test_art10_unknown_items_and_local_proposals_are_refused() -> None:
    with pytest.raises(DeclarationError, match="request_letter"):
        registration_dossier("base", {"cover_letter"}, as_of=ON)
    local = national(funding={"kind": "local", "province": "Bắc Giang"})
    with pytest.raises(NotEncodedError, match="46/2012/TT-BCT"):
        registration_dossier("base", ALL_BASE, proposal=local, as_of=ON)
