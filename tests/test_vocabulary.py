"""One vocabulary of results (issue 13): one Severity, one Finding, one ``message(lang)``.

The engine's findings, the datasets layer's row findings, the selection checks and the
lifecycle refusals all speak it; these tests hold the seams between them.
"""

from __future__ import annotations

from datetime import date
from typing import get_args

import pytest

from khuyencong import Finding, Severity
from khuyencong.datasets import findings as row_findings
from khuyencong.l10n.catalog import Catalogued, Text
from khuyencong.rules.findings import SEVERITY_ORDER, Bilingual
from khuyencong.rules.lifecycle import Refusal, TransitionRefused, transition
from khuyencong.schemas import Citation, Provenance
from khuyencong.selection import Check
from khuyencong.selection.results import Refusal as SelectionRefusal

from .spec.tt36_2013.helpers import national

TT26 = Citation(document="26/2014/TT-BCT", article=4, clause=2)


def test_row_severity_is_the_one_severity_as_strings() -> None:
    assert set(get_args(row_findings.Severity)) == {s.value for s in Severity}
    assert row_findings.SEVERITY_ORDER is SEVERITY_ORDER
    # mildest to worst, whether keyed by the enum or by its plain string
    assert sorted(Severity, key=SEVERITY_ORDER.__getitem__) == [
        Severity.INFO,
        Severity.WARNING,
        Severity.UNDETERMINED,
        Severity.ERROR,
    ]
    assert SEVERITY_ORDER["error"] == SEVERITY_ORDER[Severity.ERROR]


def test_every_result_type_has_the_one_message_method() -> None:
    assert Bilingual is Catalogued  # one base: code, params, text from the message catalogue
    for cls in (Finding, row_findings.RowFinding, Check, Refusal):
        assert issubclass(cls, Bilingual)
        assert cls.message is Bilingual.message
    f = row_findings.finding("bad_value", 3, "Chi phí", detail="x")
    assert f.message("vi") == "Giá trị không hợp lệ: x"
    assert f.message("en") == "Invalid value: x"


@pytest.mark.parametrize(
    ("passed", "severity"),
    [(True, Severity.INFO), (False, Severity.ERROR), (None, Severity.UNDETERMINED)],
)
def test_a_selection_check_is_a_finding(passed: bool | None, severity: Severity) -> None:
    check = Check(
        code="own_production",
        passed=passed,
        citation=TT26,
        provenance=Provenance.OFFICIAL_TEXT,
        params={"text": Text("Sản phẩm do chính cơ sở sản xuất", "Made by the producer itself")},
        key="finding.verbatim",
    )
    assert check.severity is severity
    f = check.finding()
    assert (f.code, f.severity, f.citation, f.provenance) == (
        "own_production",
        severity,
        TT26,
        Provenance.OFFICIAL_TEXT,
    )
    assert f.message("en") == "Made by the producer itself"


def test_a_selection_refusal_is_an_undetermined_finding() -> None:
    refusal = SelectionRefusal(
        code="district_level_abolished",
        as_of=date(2025, 7, 1),
        reason_vi="Cấp huyện không còn",
        reason_en="The district level no longer exists",
        provenance=Provenance.OFFICIAL_TEXT,
        source="test",
    )
    f = refusal.finding()
    assert (f.code, f.severity) == ("district_level_abolished", Severity.UNDETERMINED)
    assert f.message("vi") == "Cấp huyện không còn"


def test_a_lifecycle_refusal_is_an_error_finding() -> None:
    # Art 10.1.b TT 36/2013: a national proposal for 2016 registers by 19/05/2015 at the latest.
    with pytest.raises(TransitionRefused) as caught:
        transition(national(), "register", as_of=date(2015, 5, 20), actor="implementing_unit")
    f = caught.value.refusal.finding()
    assert f.severity is Severity.ERROR
    assert f.code == "registration_late"
    assert f.citation == Citation(document="36/2013/TT-BCT", article=10, clause=1, point="b")
    assert f.message("en") == caught.value.refusal.message_en
