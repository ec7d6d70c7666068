"""Illustrative example proposals bundled with the package (ví dụ minh họa).

They are NOT real proposals: titles, beneficiaries and amounts are invented to show the data
model; the places are real administrative units used only as examples.  One example is invalid on
purpose, to show what validation reports.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["illustrative_proposals"]


def illustrative_proposals() -> list[dict[str, Any]]:
    """Return the bundled illustrative proposals as plain JSON data, not yet validated."""
    text = resources.files(__name__).joinpath("proposals.json").read_text(encoding="utf-8")
    proposals: list[dict[str, Any]] = json.loads(text)["proposals"]
    return proposals
