"""The examples in the procedural rules' docstrings are part of the specification."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from khuyencong.rules import advances, calendar, procurement

TT36 = "36/2013/TT-BCT"


@pytest.mark.parametrize(
    "module",
    [
        pytest.param(advances, marks=pytest.mark.clause(f"{TT36}:12.6")),
        pytest.param(
            calendar,
            marks=[
                pytest.mark.clause(f"{TT36}:10.1.b"),
                pytest.mark.clause(f"{TT36}:10.2.b"),
                pytest.mark.clause(f"{TT36}:18.2"),
            ],
        ),
        pytest.param(procurement, marks=pytest.mark.clause(f"{TT36}:3.1")),
    ],
)
def test_doctests(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
