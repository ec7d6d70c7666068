"""Điều 4 TT 46/2012/TT-BCT: the conditions that rest on the managing agency's judgement, as
declared checks — a new technology demonstrated outperforms what is used locally and is one to
encourage (khoản 2 điểm a, second dash); transferred technology is advanced and on the list of
technologies encouraged for transfer (khoản 3 điểm a) and follows the transfer procedure (khoản 3
điểm b); machinery is a unit, cluster or group of one kind (khoản 4 điểm a); a cleaner-production
pilot improves efficiency and cuts pollution (khoản 5 điểm b)."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.errors import NotEncodedError
from khuyencong.rules import ItemStatus, declared_conditions
from khuyencong.schemas import Proposal

from ..builders import line, proposal

TT46 = "46/2012/TT-BCT"
ON = date(2015, 6, 1)


def _with(*items: str) -> Proposal:
    return proposal(*(line(item, 100_000_000) for item in items))


def _applying(p: Proposal, declared: dict[str, bool | None], **kw: object) -> dict[str, str]:
    c = declared_conditions(p, declared, as_of=ON, **kw)  # type: ignore[arg-type]
    return {i.code: i.status.value for i in c.items if i.status is not ItemStatus.NOT_REQUIRED}


@pytest.mark.clause(f"{TT46}:4.2.a.d2")
@pytest.mark.parametrize(
    ("declared", "status", "finding"),
    [
        (True, "present", None),
        (False, "missing", "activity_missing"),
        (None, "unknown", "activity_undeclared"),
    ],
)
def test_art4_2_a_second_dash_demonstrated_technology_outperforms(
    declared: bool | None, status: str, finding: str | None
) -> None:
    p = _with("demonstration_new_technology")
    c = declared_conditions(p, {"demonstration_superior": declared}, as_of=ON)
    assert _applying(p, {"demonstration_superior": declared}) == {"demonstration_superior": status}
    assert [f.code for f in c.findings] == ([] if finding is None else [finding])
    if finding:
        assert c.findings[0].citation is not None
        assert c.findings[0].citation.key == f"{TT46}:4.2.a.d2"


@pytest.mark.clause(f"{TT46}:4.2.a.d2")
def test_art4_conditions_follow_the_lines_of_the_proposal() -> None:
    # A training proposal has none of these conditions.
    assert _applying(_with("vocational_training"), {}) == {}


@pytest.mark.clause(f"{TT46}:4.3.a")
@pytest.mark.clause(f"{TT46}:4.3.b")
@pytest.mark.clause(f"{TT46}:4.4.a")
@pytest.mark.parametrize(
    ("transfer", "expected"),
    [
        (False, {"machinery_configuration": "present"}),
        (
            True,
            {
                "technology_advanced": "missing",
                "technology_transfer_procedure": "present",
                "machinery_configuration": "present",
            },
        ),
        (
            None,  # whether the line transfers technology is not declared
            {
                "technology_advanced": "unknown",
                "technology_transfer_procedure": "present",
                "machinery_configuration": "present",
            },
        ),
    ],
)
def test_art4_3_and_4_4_a_machinery_and_technology_transfer(
    transfer: bool | None, expected: dict[str, str]
) -> None:
    p = _with("machinery_and_technology")
    declared: dict[str, bool | None] = {
        "technology_advanced": False,
        "technology_transfer_procedure": True,
        "machinery_configuration": True,
    }
    assert _applying(p, declared, technology_transfer=transfer) == expected


@pytest.mark.clause(f"{TT46}:4.4.a")
def test_art4_4_a_machinery_configuration_not_met() -> None:
    c = declared_conditions(
        _with("machinery_and_technology"), {"machinery_configuration": False}, as_of=ON
    )
    assert [(i.code, i.citation.key) for i in c.missing] == [
        ("machinery_configuration", f"{TT46}:4.4.a")
    ]


@pytest.mark.clause(f"{TT46}:4.5.b")
@pytest.mark.parametrize(("met", "complete"), [(True, True), (False, False)])
def test_art4_5_b_cleaner_production_pilot(met: bool, complete: bool) -> None:
    c = declared_conditions(
        _with("cleaner_production_pilot"), {"cleaner_production_effect": met}, as_of=ON
    )
    assert c.complete is complete


@pytest.mark.clause(f"{TT46}:4.5.b")
def test_art4_from_the_circulars_effective_date() -> None:
    p = _with("cleaner_production_pilot")
    ok = declared_conditions(p, {"cleaner_production_effect": True}, as_of=date(2013, 2, 10))
    assert ok.complete is True
    with pytest.raises(NotEncodedError, match="03/2005/TT-BCN"):
        declared_conditions(p, {"cleaner_production_effect": True}, as_of=date(2013, 2, 9))
