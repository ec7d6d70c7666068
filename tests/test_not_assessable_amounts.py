"""The amounts of a not_assessable proposal (issue 17): `assess` and `explain` say they hold only
if the proposal turns out eligible, as the row reports and the summary do."""

from __future__ import annotations

import io
import json
import re
from importlib.resources import files
from pathlib import Path

import pytest

from khuyencong.cli import main


@pytest.fixture
def undecided(tmp_path: Path) -> Path:
    # The first example proposal (a demonstration model for a new technology, 2016), its
    # conference line dropped and the enterprise's size class not declared: whether it is a
    # small or medium enterprise cannot be told (Điểm a khoản 2 Điều 1 NĐ 45/2012/NĐ-CP), so it
    # is not_assessable.  Its line: 30 % of the cost 1.200.000.000 đ = 360.000.000 đ, under the
    # cap 500.000.000 đ (Đoạn 1 điểm b khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT) and equal to
    # the request: 360.000.000 đ — if the proposal turns out eligible.
    proposal = json.loads(
        files("khuyencong.examples").joinpath("proposals.json").read_text(encoding="utf-8")
    )["proposals"][0]
    del proposal["budget_lines"][1]
    del proposal["beneficiaries"][0]["enterprise_size"]
    path = tmp_path / "p.json"
    path.write_text(json.dumps(proposal, ensure_ascii=False), encoding="utf-8")
    return path


def _run(*argv: str) -> str:
    """The output, its lines wrapped to the terminal's width joined again."""
    out = io.StringIO()
    main(list(argv), out=out, err=out)
    return re.sub(r"\n +", " ", out.getvalue())


@pytest.mark.parametrize(
    ("lang", "status", "support", "line"),
    [
        (
            "vi",
            "Kết quả: chưa xác định được",
            "Được hỗ trợ: 360.000.000 đ nếu đủ điều kiện (đề nghị 360.000.000 đ)",
            "đề nghị 360.000.000 đ, được hỗ trợ 360.000.000 đ nếu đủ điều kiện (",
        ),
        (
            "en",
            "Result: not assessable",
            "Support: 360,000,000 VND if eligible (requested 360,000,000 VND)",
            "requested 360,000,000 VND, allowed 360,000,000 VND if eligible (",
        ),
    ],
)
def test_assess_says_the_amounts_hold_if_eligible(
    undecided: Path, lang: str, status: str, support: str, line: str
) -> None:
    text = _run("assess", str(undecided), "--lang", lang)
    lines = text.splitlines()
    assert lines[:2] == [status, support]
    assert line in text
    data = json.loads(_run("assess", str(undecided), "--format", "json"))
    # the JSON keeps the engine's fields as they are, with the status beside them
    assert (data["status"], data["support"]) == ("not_assessable", "360000000")
    assert data["lines"][0]["allowed"] == "360000000"


@pytest.mark.parametrize(
    ("lang", "support", "line"),
    [
        (
            "vi",
            (
                "Kinh phí khuyến công được hỗ trợ: 360.000.000 đ nếu đủ điều kiện "
                "(đề nghị 360.000.000 đ)."
            ),
            "được hỗ trợ 360.000.000 đ nếu đủ điều kiện; đối ứng 840.000.000 đ.",
        ),
        (
            "en",
            "Khuyến công support allowed: 360,000,000 VND if eligible (requested 360,000,000 VND).",
            "support allowed 360,000,000 VND if eligible; counterpart 840,000,000 VND.",
        ),
    ],
)
def test_explain_says_the_amounts_hold_if_eligible(
    undecided: Path, lang: str, support: str, line: str
) -> None:
    text = _run("explain", str(undecided), "--lang", lang)
    assert text.splitlines()[1] == support
    assert text.splitlines()[2].endswith(line)


def test_an_eligible_proposal_reads_without_the_condition(tmp_path: Path) -> None:
    proposal = json.loads(
        files("khuyencong.examples").joinpath("proposals.json").read_text(encoding="utf-8")
    )["proposals"][0]
    del proposal["budget_lines"][1]  # the conference line, whose level is not encoded
    path = tmp_path / "p.json"
    path.write_text(json.dumps(proposal, ensure_ascii=False), encoding="utf-8")
    text = _run("assess", str(path))
    assert text.splitlines()[:2] == [
        "Kết quả: đủ điều kiện",
        "Được hỗ trợ: 360.000.000 đ (đề nghị 360.000.000 đ)",
    ]
    assert "nếu đủ điều kiện" not in text
