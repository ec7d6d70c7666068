"""The bundled illustrative proposals, and ``python -m khuyencong``."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

from khuyencong import Proposal
from khuyencong.examples import illustrative_proposals

# Totals worked out by hand from examples/proposals.json.
EXPECTED = [
    ("VD-QG-2016-01", "1230000000", "390000000"),
    ("VD-DP-2019-01", "160000000", "130000000"),
    ("VD-DP-2026-01", "850000000", "225000000"),
    ("VD-QG-2026-02", None, None),  # invalid on purpose: requested 150,000,000 > cost 100,000,000
]


def test_each_example_is_labelled_illustrative() -> None:
    proposals = illustrative_proposals()
    assert [p["code"] for p in proposals] == [code for code, _, _ in EXPECTED]
    for proposal in proposals:
        assert "illustrative" in proposal["title"]
        assert "ví dụ minh họa" in proposal["title"]


def test_examples_cover_both_funding_sources_and_geographies() -> None:
    proposals = illustrative_proposals()
    assert {p["funding"]["kind"] for p in proposals} == {"national", "local"}
    geographies = {place["geography"] for p in proposals for place in p.get("locations", [])}
    assert geographies == {"pre2025", "2025"}


def test_examples_validate_as_documented() -> None:
    for data, (code, cost, requested) in zip(illustrative_proposals(), EXPECTED, strict=True):
        assert data["code"] == code
        if cost is None:
            with pytest.raises(ValidationError, match="exceeds the line's cost"):
                Proposal.model_validate(data)
            continue
        proposal = Proposal.model_validate(data)
        assert (str(proposal.total_cost), str(proposal.total_requested)) == (cost, requested)


def test_python_dash_m_runs_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "khuyencong", "check", "--example", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # The example dataset holds deliberate problems: exit 1 means "findings", not a crash.
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.strip()
