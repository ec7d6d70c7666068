"""Provincial overlays in assess(), and diff between dates and rulebooks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import khuyencong as kc
from khuyencong.rulebooks import Rulebook, diff, national, template
from khuyencong.rules import LineStatus
from khuyencong.schemas import Citation


@pytest.fixture
def overlay(tmp_path: Path) -> Rulebook:
    path = tmp_path / "tinh-mau.toml"
    path.write_text(template(), encoding="utf-8")
    return kc.load_rulebook(path)


def local_proposal(**funding: Any) -> kc.Proposal:
    return kc.Proposal.model_validate(
        {
            "code": "DP-01",
            "title": "Hỗ trợ máy móc",
            "plan_year": 2016,
            "funding": {"kind": "local", **funding},
            "contents": ["demonstration_and_technology"],
            "counterpart_committed": True,
            "no_other_state_funding": True,
            "budget_lines": [
                {
                    "item": "machinery_and_technology",
                    "cost": 300_000_000,
                    "requested": 150_000_000,
                    "machinery_is_new": True,
                },
            ],
        }
    )


@pytest.mark.clause("26/2014/TTLT-BTC-BCT:6.3.a")
def test_local_levels_come_from_the_provinces_rulebook(overlay: Rulebook) -> None:
    proposal = local_proposal(province="Tỉnh Mẫu")
    a = kc.assess(proposal, as_of=date(2016, 6, 1), rulebooks=[overlay])
    # Template: 50 % of 300,000,000 = 150,000,000, capped at 100,000,000 per establishment.
    assert a.lines[0].allowed == Decimal(100_000_000)
    assert a.lines[0].limit == "cap"
    assert a.rulebooks == ("national", "template-province")
    assert "illustrative_rulebook" in {f.code for f in a.findings}


@pytest.mark.clause("26/2014/TTLT-BTC-BCT:6.3.a")
def test_without_the_provinces_rulebook_local_levels_are_not_encoded() -> None:
    a = kc.assess(local_proposal(province="Bắc Giang"), as_of=date(2016, 6, 1))
    assert a.lines[0].status is LineStatus.NOT_ENCODED
    assert a.lines[0].allowed is None
    finding = next(f for f in a.findings if f.code == "level_not_encoded")
    assert finding.citation is not None
    assert finding.citation.key == "26/2014/TTLT-BTC-BCT:6.3.a"
    # Eligibility is still assessed: nothing else blocks this proposal.
    assert a.status is kc.Status.ELIGIBLE
    assert a.support is None  # not known: the level is set by the province, none loaded


def test_an_overlay_of_another_province_is_not_applied(overlay: Rulebook) -> None:
    a = kc.assess(local_proposal(province="Bắc Giang"), as_of=date(2016, 6, 1), rulebooks=[overlay])
    assert a.lines[0].status is LineStatus.NOT_ENCODED
    assert "overlay_province_mismatch" in {f.code for f in a.findings}


def test_overlay_outside_its_period_is_not_encoded(overlay: Rulebook) -> None:
    a = kc.assess(
        local_proposal(province="Tỉnh Mẫu"), as_of=date(2014, 12, 31), rulebooks=[overlay]
    )
    assert a.lines[0].status is LineStatus.NOT_ENCODED


def test_diff_between_two_dates_names_the_changes() -> None:
    changes = {c.code: c for c in diff(date(2018, 5, 10), date(2018, 5, 11))}
    assert changes["support.demonstration_new_technology"].kind == "changed"
    assert changes["support.machinery_and_technology"].kind == "removed"
    assert "support.enterprise_founding" in changes  # same cap, new citation and provenance
    assert "support.brand" in changes
    line = changes["support.machinery_and_technology"].describe("vi")
    assert "Điểm c khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT" in line
    assert "chưa mã hóa" in line


def test_diff_on_a_quiet_day_is_empty() -> None:
    assert diff(date(2016, 6, 1), date(2016, 6, 2)) == []


def test_diff_between_two_rulebooks(overlay: Rulebook) -> None:
    changes = {c.code: c.kind for c in diff(national(), overlay, as_of=date(2016, 6, 1))}
    assert (
        changes["support.brand"] == "changed"
    )  # 35,000,000 nationally, 20,000,000 in the template
    assert changes["support.consulting"] == "removed"
    with pytest.raises(TypeError, match="as_of"):
        diff(national(), overlay)


@pytest.mark.clause("36/2013/TT-BCT:1.1")
@pytest.mark.clause("17/2018/TT-BCT")
def test_diff_shows_the_procedures_that_stop_being_known_after_tt36() -> None:
    # TT 36/2013 governs the national steps and advances in 2016; from 01/01/2018 (the library's
    # convention for TT 17/2018, whose text is not encoded) they answer "not encoded".
    changes = {c.code: c for c in diff(date(2016, 6, 1), date(2026, 6, 1))}
    steps = changes["procedure.national_steps"]
    assert steps.kind == "removed"
    assert steps.rule_citation == Citation(document="36/2013/TT-BCT", article=1, clause=1)
    assert steps.describe("en") == (
        "procedure.national_steps: removed: applies (Art 1.1 of Circular 36/2013/TT-BCT)"
        " → not encoded (17/2018/TT-BCT)"
    )
    assert {c for c in changes if c.startswith("procedure.")} == {
        "procedure.national_steps",
        "procedure.advance_form",
        "procedure.advance_stages",
        "procedure.advance_documents",
    }
    # Within the years of TT 36/2013 the procedures do not change.
    assert not any(
        c.code.startswith("procedure.") for c in diff(date(2015, 1, 1), date(2017, 6, 1))
    )
