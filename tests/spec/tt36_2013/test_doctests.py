"""The examples in the procedural rules' docstrings are part of the specification."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from khuyencong.rules import advances, calendar, procurement


@pytest.mark.parametrize("module", [advances, calendar, procurement])
def test_doctests(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
