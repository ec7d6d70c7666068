"""Shared test configuration.

Hypothesis runs a modest number of examples by default so the whole suite stays within seconds;
set ``HYPOTHESIS_PROFILE=thorough`` to run many more locally.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

pytest_plugins = ["pytester", "tests.spec.plugin"]

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The repository root (tests read committed files such as README.md and docs/schema/)."""

settings.register_profile(
    "default",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def _proposal_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": "VD-2016-01",
        "title": "Đào tạo nghề mây tre đan",
        "plan_year": 2016,
        "funding": {"kind": "local", "level": "province"},
        "contents": ["vocational_training"],
        "start_date": "2016-03-01",
        "end_date": "2016-09-30",
        "budget_lines": [
            {"item": "vocational_training", "cost": "150000000", "requested": "120000000"}
        ],
    }
    data.update(overrides)
    return data


@pytest.fixture
def proposal_data() -> Callable[..., dict[str, Any]]:
    """A factory of valid proposal input (plain JSON-like data); keyword arguments replace keys."""
    return _proposal_data


@pytest.fixture(autouse=True)
def _terminal_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line reads its language from the locale and its width from ``COLUMNS``: the
    suite runs with no locale (Vietnamese) and an 80-column terminal, whatever the machine's."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")
