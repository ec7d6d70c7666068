"""The package's layout (issue 13): modules a reader can hold, split along the law, and no import
cycle between the modules of ``src/``."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "khuyencong"

MAX_LINES = 500
"""About the most a reader holds in one module."""

SPLIT_ALONG_THE_LAW = (
    "rules/procedure",
    "rules/advances",
    "selection",
    "rules/calendar.py",
    "rules/procurement.py",
    "rules/_procedure.py",
    "rules/plans.py",
    "rules/lifecycle.py",
    "rulebooks/amend.py",
    "rulebooks/amendment_template.py",
    "rulebooks/periods.py",
    "rulebooks/gaplist.py",
)
"""The procedures, the selection rules and the national amendments, split by article or by task
(the rest follows as it is split)."""


def _modules() -> dict[str, tuple[Path, bool]]:
    found: dict[str, tuple[Path, bool]] = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _imports(name: str, path: Path, is_package: bool, known: set[str]) -> Iterator[str]:
    """The modules of ``src/`` that ``name`` imports when it is imported (top-level statements;
    imports under ``if TYPE_CHECKING`` or inside functions are not run at import)."""
    package = name.split(".") if is_package else name.split(".")[:-1]
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            # ``from . import x`` imports the submodule x; its package is always imported
            # before any of its modules, so that is no edge to the package.
            if target in known and node.module is not None:
                yield target
            for alias in node.names:
                if f"{target}.{alias.name}" in known:
                    yield f"{target}.{alias.name}"
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name in known)


def test_no_import_cycle() -> None:
    modules = _modules()
    graph = {
        name: set(_imports(name, path, is_package, set(modules)))
        for name, (path, is_package) in modules.items()
    }
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if name in trail:
            pytest.fail("import cycle: " + " -> ".join((*trail[trail.index(name) :], name)))
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, (*trail, name))
        done.add(name)

    for name in sorted(graph):
        visit(name, ())


def test_the_procedure_and_selection_modules_are_short() -> None:
    paths: list[Path] = []
    for part in SPLIT_ALONG_THE_LAW:
        where = PACKAGE / part
        paths.extend(sorted(where.rglob("*.py")) if where.is_dir() else [where])
    assert len(paths) > 20
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in paths
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_module_is_short() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in sorted(PACKAGE.rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
