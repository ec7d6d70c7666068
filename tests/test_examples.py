"""``python -m khuyencong`` validates the bundled illustrative proposals."""

from __future__ import annotations

import subprocess
import sys

import pytest

from khuyencong.__main__ import main
from khuyencong.examples import illustrative_proposals

# Totals worked out by hand from examples/proposals.json.
EXPECTED = [
    (
        "VD-QG-2016-01",
        "valid | chi phí/cost 1.230.000.000 đ | đề nghị hỗ trợ/requested 390.000.000 đ",
    ),
    (
        "VD-DP-2019-01",
        "valid | chi phí/cost 160.000.000 đ | đề nghị hỗ trợ/requested 130.000.000 đ",
    ),
    (
        "VD-DP-2026-01",
        "valid | chi phí/cost 850.000.000 đ | đề nghị hỗ trợ/requested 225.000.000 đ",
    ),
    (
        "VD-QG-2026-02",
        (
            "invalid | budget_lines.0.requested: Value error, requested support 150000000 exceeds "
            "the line's cost 100000000"
        ),
    ),
]


def test_each_example_is_labelled_illustrative() -> None:
    proposals = illustrative_proposals()
    assert [p["code"] for p in proposals] == [code for code, _ in EXPECTED]
    for proposal in proposals:
        assert "illustrative" in proposal["title"]
        assert "ví dụ minh họa" in proposal["title"]


def test_examples_cover_both_funding_sources_and_geographies() -> None:
    proposals = illustrative_proposals()
    assert {p["funding"]["kind"] for p in proposals} == {"national", "local"}
    geographies = {place["geography"] for p in proposals for place in p.get("locations", [])}
    assert geographies == {"pre2025", "2025"}


def test_main_prints_one_line_per_proposal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main() == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(EXPECTED)
    for line, (code, ending) in zip(lines, EXPECTED, strict=True):
        assert line.startswith(f"{code} | ")
        assert line.endswith(f" | {ending}")


def test_python_dash_m_exits_zero() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "khuyencong"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == len(EXPECTED)
