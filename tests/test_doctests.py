"""The package's doctests (``>>>`` examples in docstrings) run and pass: they are specification."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import khuyencong

MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(khuyencong.__path__, prefix="khuyencong.")
    if not name.endswith("__main__")
)


def test_the_package_has_doctests() -> None:
    total = 0
    for name in MODULES:
        total += sum(
            len(t.examples) for t in doctest.DocTestFinder().find(importlib.import_module(name))
        )
    assert total >= 10


@pytest.mark.parametrize("name", MODULES)
def test_doctests_pass(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False, report=True)
    assert result.failed == 0, f"{result.failed} doctest(s) of {name} failed (see the output above)"
