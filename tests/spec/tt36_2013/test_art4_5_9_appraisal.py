"""Điều 5 TT 36/2013/TT-BCT (the main parts of a national proposal), Điều 4 (the principles a
proposal must fit) and Điều 9 (what the appraisal examines, khoản 1 naming the principles of
Điều 4), as checklists; and Khoản 3 Điều 2 (a point proposal has two or more contents)."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from khuyencong.rules import ItemStatus, appraise, proposal_parts, registration_dossier

from .helpers import national

TT36 = "36/2013/TT-BCT"
ON = date(2015, 5, 1)
PARTS = {
    "implementer": "5.1",
    "partners_beneficiaries_place": "5.1",
    "necessity": "5.2",
    "objectives": "5.3",
    "scale": "5.4",
    "content_and_schedule": "5.5",
    "budget_form1": "5.6",
    "organisation": "5.7",
    "effectiveness": "5.8",
}
CRITERIA = {
    "policy_fit": "4.1",
    "content_industry_fit": "4.2",
    "programme_fit": "4.3",
    "legal_fit": "4.4",
    "objectives_need_effect": "9.2",
    "capacity": "9.3",
    "integration": "9.4",
    "dossier_complete": "9.5",
}


@pytest.mark.clause(f"{TT36}:5.1")
@pytest.mark.clause(f"{TT36}:5.2")
@pytest.mark.clause(f"{TT36}:5.3")
@pytest.mark.clause(f"{TT36}:5.4")
@pytest.mark.clause(f"{TT36}:5.5")
@pytest.mark.clause(f"{TT36}:5.6")
@pytest.mark.clause(f"{TT36}:5.7")
@pytest.mark.clause(f"{TT36}:5.8")
@pytest.mark.parametrize("absent", sorted(PARTS))
def test_art5_each_part_missing_is_listed_with_its_clause(absent: str) -> None:
    c = proposal_parts(set(PARTS) - {absent}, proposal=national(), as_of=ON)
    assert [(i.code, i.citation.key) for i in c.missing] == [(absent, f"{TT36}:{PARTS[absent]}")]
    assert [f.code for f in c.findings] == ["proposal_parts_missing"]
    everything = proposal_parts(set(PARTS), proposal=national(), as_of=ON)
    assert everything.complete is True
    assert everything.findings == ()


@pytest.mark.clause(f"{TT36}:5.1")
@pytest.mark.clause(f"{TT36}:10.1.a.d3")
@pytest.mark.parametrize(("kind", "status"), [("group", "not_required"), ("regular", "missing")])
def test_art5_1_a_group_proposal_need_not_name_place_and_beneficiaries(
    kind: str, status: str
) -> None:
    c = proposal_parts(
        set(PARTS) - {"partners_beneficiaries_place"}, proposal=national(kind=kind), as_of=ON
    )
    item = next(i for i in c.items if i.code == "partners_beneficiaries_place")
    assert item.status == status
    # Not knowing the kind leaves it to declare.
    unknown = proposal_parts(set(PARTS) - {"partners_beneficiaries_place"}, as_of=ON)
    assert unknown.complete is None


@pytest.mark.clause(f"{TT36}:4.1")
@pytest.mark.clause(f"{TT36}:4.2")
@pytest.mark.clause(f"{TT36}:4.3")
@pytest.mark.clause(f"{TT36}:4.4")
@pytest.mark.clause(f"{TT36}:9.1")
@pytest.mark.clause(f"{TT36}:9.2")
@pytest.mark.clause(f"{TT36}:9.3")
@pytest.mark.clause(f"{TT36}:9.4")
@pytest.mark.clause(f"{TT36}:9.5")
@pytest.mark.parametrize("unmet", sorted(CRITERIA))
def test_art9_each_unmet_criterion_is_listed_with_its_clause(unmet: str) -> None:
    c = appraise({code: code != unmet for code in CRITERIA}, as_of=ON)
    assert [(i.code, i.citation.key) for i in c.missing] == [(unmet, f"{TT36}:{CRITERIA[unmet]}")]
    assert c.complete is False


@pytest.mark.clause(f"{TT36}:9.2")
def test_art9_an_undeclared_criterion_is_unknown_not_met() -> None:
    declared: dict[str, bool | None] = dict.fromkeys(CRITERIA, True)
    declared["capacity"] = None
    c = appraise(declared, as_of=ON)
    assert c.complete is None
    assert [f.code for f in c.findings] == ["appraisal_undeclared"]
    assert [i.code for i in c.unknown] == ["capacity"]


@pytest.mark.clause(f"{TT36}:9.5")
def test_art9_5_dossier_completeness_is_read_from_the_ticked_dossier() -> None:
    others = set(CRITERIA) - {"dossier_complete"}
    short = registration_dossier(
        "base", {"proposal"}, implementer_is_beneficiary=True, annex2_kind=False, as_of=ON
    )
    c = appraise(others, dossier=short, as_of=ON)
    assert [i.code for i in c.missing] == ["dossier_complete"]
    full = registration_dossier(
        "base",
        {"request_letter", "proposal"},
        implementer_is_beneficiary=True,
        annex2_kind=False,
        as_of=ON,
    )
    c = appraise(others, dossier=full, as_of=ON)
    assert c.complete is True
    assert all(i.status is ItemStatus.PRESENT for i in c.items)


@pytest.mark.clause(f"{TT36}:2.3")
def test_art2_3_a_point_proposal_has_two_or_more_contents() -> None:
    with pytest.raises(ValidationError, match="Khoản 3 Điều 2"):
        national(kind="point", contents=("vocational_training",))
    p = national(kind="point", contents=("vocational_training", "consulting"))
    assert p.kind == "point"
