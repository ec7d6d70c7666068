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


def test_deadlines_and_reports_share_one_status() -> None:
    from khuyencong.rules.calendar import DeadlineStatus, ObligationStatus, obligation_status
    from khuyencong.rules.reporting import ReportStatus

    assert DeadlineStatus is ObligationStatus
    assert ReportStatus is ObligationStatus
    due = date(2016, 3, 24)
    assert obligation_status(due, date(2016, 3, 24), date(2016, 4, 1)) is ObligationStatus.MET
    assert obligation_status(due, date(2016, 3, 25), date(2016, 4, 1)) is ObligationStatus.MET_LATE
    assert obligation_status(due, None, date(2016, 3, 24)) is ObligationStatus.PENDING
    assert obligation_status(due, None, date(2016, 3, 25)) is ObligationStatus.OVERDUE
    assert obligation_status(due, None, date(2016, 3, 25), known=False) is ObligationStatus.PASSED


def test_an_engine_finding_on_a_row_keeps_its_code_text_and_clause() -> None:
    clause = Citation(document="26/2014/TTLT-BTC-BCT", article=7, clause=4)
    engine = Finding(
        code="bad_value",
        severity=Severity.UNDETERMINED,
        params={"detail": Text("thiếu", "missing")},
        citation=clause,
        provenance=Provenance.OFFICIAL_TEXT,
        line=2,
    )
    row = row_findings.RowFinding.of(engine, 7)
    assert (row.row, row.column, row.code, row.severity, row.line) == (
        7,
        None,
        "bad_value",
        "undetermined",
        2,
    )
    assert row.message("vi") == engine.message("vi") == "Giá trị không hợp lệ: thiếu"
    assert row.message("en") == engine.message("en") == "Invalid value: missing"
    assert row.citation("vi") == "Khoản 4 Điều 7 Thông tư liên tịch 26/2014/TTLT-BTC-BCT"
    assert row.citation_key == "26/2014/TTLT-BTC-BCT:7.4"


def test_a_check_rests_on_its_rule() -> None:
    from khuyencong.rulebooks import Resolved, national

    rule = national().resolve("typical_products.jury_size_odd", date(2016, 1, 1))
    assert isinstance(rule, Resolved)
    check = Check.of("jury_size_odd", False, rule, params={"size": 4})
    assert (check.citation, check.provenance) == (rule.citation, rule.provenance)
    finer = Check.of("jury_size_odd", True, rule, citation=TT26)
    assert (finer.citation, finer.provenance) == (TT26, rule.provenance)


def test_attempt_returns_the_answer_require_raised() -> None:
    from khuyencong.rulebooks import NotEncoded, Resolved, national
    from khuyencong.rules._procedure import attempt, require

    found = attempt(require, national(), "settlement.dossier_days", date(2013, 1, 1))
    assert isinstance(found, NotEncoded)
    assert found.instrument == "08/2008/QĐ-BCT"
    found = attempt(require, national(), "settlement.dossier_days", date(2016, 1, 1))
    assert isinstance(found, Resolved)
    assert found.integer == 15  # "Chậm nhất sau 15 ngày", Khoản 1 Điều 18 TT 36/2013/TT-BCT
