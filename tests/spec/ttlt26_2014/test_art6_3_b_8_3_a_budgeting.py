"""Điểm b khoản 3 Điều 6 TTLT 26/2014/TTLT-BTC-BCT (other local support contents need the
provincial People's Council's regulation) and Điểm a khoản 3 Điều 8 (funds accounted for under
loại 070 khoản 102 "hoạt động khuyến công")."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rules import budget_classification, local_other_contents
from khuyencong.schemas import Proposal

from ..builders import line, proposal

TTLT = "26/2014/TTLT-BTC-BCT"
ON = date(2016, 6, 1)


@pytest.mark.clause(f"{TTLT}:8.3.a")
@pytest.mark.parametrize(
    ("loai", "khoan", "code", "severity"),
    [
        ("070", "102", "budget_classification_ok", "info"),
        (" 070", "102 ", "budget_classification_ok", "info"),
        ("070", "103", "budget_classification_wrong", "error"),
        ("280", "309", "budget_classification_wrong", "error"),
    ],
)
def test_art8_3_a_loai_070_khoan_102(loai: str, khoan: str, code: str, severity: str) -> None:
    (finding,) = budget_classification(loai, khoan, as_of=ON)
    assert (finding.code, finding.severity.value) == (code, severity)
    assert finding.citation is not None
    assert finding.citation.key == f"{TTLT}:8.3.a"
    if severity == "error":
        assert "loại 070 khoản 102" in finding.message_vi


@pytest.mark.clause(f"{TTLT}:8.3.a")
@pytest.mark.parametrize(
    ("day", "instrument"),
    [(date(2014, 4, 7), "125/2009/TTLT-BTC-BCT"), (date(2018, 5, 11), "28/2018/TT-BTC")],
)
def test_art8_3_a_only_while_the_circular_is_in_force(day: date, instrument: str) -> None:
    (finding,) = budget_classification("070", "102", as_of=day)
    assert (finding.code, finding.instrument) == ("not_encoded", instrument)
    (ok,) = budget_classification("070", "102", as_of=date(2014, 4, 8))
    assert ok.code == "budget_classification_ok"


def _local(*items: str) -> Proposal:
    return proposal(
        *(line(item, 50_000_000) for item in items),
        funding={"kind": "local", "province": "Bắc Giang"},
    )


@pytest.mark.clause(f"{TTLT}:6.3.b")
@pytest.mark.parametrize(
    ("regulated", "codes"),
    [
        (True, []),
        (False, [("local_other_content_unregulated", 1)]),
        (None, [("local_other_content_undeclared", 1)]),
    ],
)
def test_art6_3_b_other_local_contents_need_the_councils_regulation(
    regulated: bool | None, codes: list[tuple[str, int]]
) -> None:
    p = _local("vocational_training", "other")
    found = local_other_contents(p, council_regulation=regulated, as_of=ON)
    assert [(f.code, f.line) for f in found] == codes
    assert all(f.citation is not None and f.citation.key == f"{TTLT}:6.3.b" for f in found)


@pytest.mark.clause(f"{TTLT}:6.3.b")
def test_art6_3_b_not_for_national_funds_nor_listed_contents() -> None:
    assert (
        local_other_contents(_local("vocational_training"), council_regulation=False, as_of=ON)
        == ()
    )
    national = proposal(line("other", 50_000_000))
    assert local_other_contents(national, council_regulation=False, as_of=ON) == ()
