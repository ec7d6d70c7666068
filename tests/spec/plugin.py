"""The pytest plugin of the executable specification (registered in ``tests/conftest.py``).

1. Spec cases: every ``*.toml`` file in a folder named ``cases`` is collected; each ``[[case]]``
   becomes a test item ``<file>::<clause key(s)>::<case name>`` carrying a ``clause`` marker per
   key.  A malformed file or case becomes a failing item that names the file and the case; the
   rest of the run goes on.
2. Clause coverage: when the whole suite is collected (no path narrower than ``testpaths``, no
   ``-k``/``-m`` deselection, no ``--lf``), one more item, ``<allow-list>::clause coverage``,
   checks that every clause the built-in rulebooks cite is named by a ``clause`` marker, unless
   the allow-list (ini ``clause_allowlist``) lists it with a reason — and that the allow-list
   names no clause that is covered.  With ini ``clause_coverage_doc`` it also checks that the
   committed coverage page is up to date; with ini ``article_coverage_doc``, that every article of
   the six instruments has a status (``rulebooks/data/articles.toml``) and that the article
   coverage page is up to date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from khuyencong.coverage import (
    article_coverage,
    builtin_rulebooks,
    check_coverage,
    cited_clauses,
    code_cited_clauses,
    code_sources,
    group_covering,
    load_articles,
    parse_allowlist,
    render_articles,
    render_coverage,
)

from .casefile import (
    Case,
    CaseError,
    TransitionCase,
    check_case,
    check_transition,
    load_cases,
    report,
    run_case,
    run_transition,
)

__all__ = [
    "CaseFile",
    "CaseItem",
    "CoverageItem",
    "covering_pairs",
    "whole_suite",
]

REGENERATE = ".venv/bin/python scripts/gen_docs.py"
_DESELECTED = pytest.StashKey[bool]()


class SpecFailure(Exception):
    """A spec case or the coverage check failed; the message is the whole report."""


class _ReportingItem(pytest.Item):
    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> Any:
        if isinstance(excinfo.value, SpecFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)


class CaseItem(_ReportingItem):
    """One spec case."""

    def __init__(self, *, case: Case | TransitionCase, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        for key in case.spec.clauses:
            self.add_marker(pytest.mark.clause(key))

    def runtest(self) -> None:
        if isinstance(self.case, TransitionCase):
            proposal, refused, done = run_transition(self.case)
            problems = check_transition(self.case, proposal, refused, done)
            if problems:
                raise SpecFailure(
                    f"spec case {self.case.name!r} ({self.case.path.name}, transition):\n"
                    + "\n".join(f"  - {p}" for p in problems)
                )
            return
        assessment = run_case(self.case)
        diffs = check_case(self.case, assessment)
        if diffs:
            raise SpecFailure(report(self.case, assessment, diffs))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.case.line, f"spec case {self.case.name!r}"


class CaseErrorItem(_ReportingItem):
    """A malformed case file or case: fails with the problems, naming the file and case."""

    def __init__(self, *, error: CaseError, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error = error

    def runtest(self) -> None:
        raise SpecFailure(self.error.describe())

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.error.line, "malformed spec case"


class CaseGroup(pytest.Collector):
    """The cases of one file that name the same clause(s)."""

    def __init__(self, *, cases: Sequence[Case | TransitionCase], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cases = tuple(cases)

    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        return [CaseItem.from_parent(self, name=case.name, case=case) for case in self.cases]


class CaseFile(pytest.File):
    """A TOML file of spec cases."""

    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        groups: dict[str, list[Case | TransitionCase]] = {}
        nodes: list[pytest.Item | pytest.Collector] = []
        for entry in load_cases(self.path):
            if isinstance(entry, CaseError):
                name = (
                    "malformed file"
                    if entry.index is None
                    else f"malformed case {entry.index + 1}"
                    + (f" {entry.name!r}" if entry.name else "")
                )
                nodes.append(CaseErrorItem.from_parent(self, name=name, error=entry))
            else:
                groups.setdefault(" + ".join(entry.spec.clauses), []).append(entry)
        for key, cases in groups.items():
            nodes.append(CaseGroup.from_parent(self, name=key, cases=cases))
        return nodes


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "clause_allowlist",
        "allow-list of clause keys known to be uncovered (path from the rootdir); enables the "
        "clause coverage check",
        default="",
    )
    parser.addini(
        "clause_code_package",
        "package whose Python citations (cite(), Citation(...)) the clause coverage check also "
        "holds to a test (path from the rootdir)",
        default="",
    )
    parser.addini(
        "clause_coverage_doc",
        "generated clause coverage page checked for drift (path from the rootdir)",
        default="",
    )
    parser.addini(
        "article_coverage_doc",
        "generated article coverage page checked for drift (path from the rootdir)",
        default="",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_DESELECTED] = False


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".toml" and file_path.parent.name == "cases":
        return CaseFile.from_parent(parent, path=file_path)
    return None


def pytest_deselected(items: Sequence[pytest.Item]) -> None:
    if items:
        items[0].config.stash[_DESELECTED] = True


def whole_suite(config: pytest.Config) -> bool:
    """Whether this run collects the whole suite: every ``testpaths`` entry (or the rootdir)
    lies under a command-line path, and nothing was deselected or filtered."""
    if config.stash.get(_DESELECTED, False):
        return False
    if config.getoption("lf", False) or config.getoption("stepwise", False):
        return False
    if config.getoption("keyword", "") or config.getoption("markexpr", ""):
        return False
    if any(config.getoption(name, None) for name in ("ignore", "ignore_glob", "deselect")):
        return False
    if any("::" in arg for arg in config.args):
        return False
    root = config.rootpath
    wanted = [(root / p).resolve() for p in config.getini("testpaths")] or [root.resolve()]
    given = [(config.invocation_params.dir / arg).resolve() for arg in config.args]
    return all(any(g == w or g in w.parents for g in given) for w in wanted)


class _AllowListFile(pytest.File):
    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        return []


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def covering_pairs(items: Iterable[pytest.Item], root: Path) -> Iterator[tuple[str, str]]:
    """(clause key, test or case) for every ``clause`` marker of the collected items."""
    for item in items:
        if isinstance(item, CoverageItem):
            continue
        where = _relative(item.path, root)
        if isinstance(item, CaseItem):
            where += f": {item.case.name}"
        for mark in item.iter_markers("clause"):
            for key in (*mark.args, *mark.kwargs.values()):
                if isinstance(key, str):
                    yield key, where


class CoverageItem(_ReportingItem):
    """Fails when a clause cited by the built-in rulebooks has no test and is not allowed."""

    def runtest(self) -> None:
        root = self.config.rootpath
        name = _relative(self.path, root)
        text = self.path.read_text(encoding="utf-8") if self.path.is_file() else ""
        allow = parse_allowlist(text, name)
        cited = cited_clauses(*builtin_rulebooks())
        covering = group_covering(covering_pairs(self.session.items, root))
        package = self.config.getini("clause_code_package")
        code_cited = code_cited_clauses(code_sources(root / str(package))) if package else None
        problems = list(check_coverage(cited, covering, allow, name, code_cited).problems)
        doc = self.config.getini("clause_coverage_doc")
        if doc:
            page = root / str(doc)
            expected = render_coverage(cited, covering, allow, code_cited)
            if not page.is_file() or page.read_text(encoding="utf-8") != expected:
                problems.append(f"{doc} is out of date; regenerate it with: {REGENERATE}")
        articles_doc = self.config.getini("article_coverage_doc")
        if articles_doc:
            rows, article_problems = article_coverage(load_articles(), cited, covering)
            problems += article_problems
            page = root / str(articles_doc)
            if not page.is_file() or page.read_text(encoding="utf-8") != render_articles(rows):
                problems.append(f"{articles_doc} is out of date; regenerate it with: {REGENERATE}")
        if problems:
            raise SpecFailure(
                f"clause coverage: {len(problems)} problem(s)\n"
                + "\n".join(f"  - {problem}" for problem in problems)
            )

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, "clause coverage"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    allowlist = config.getini("clause_allowlist")
    if not allowlist or not whole_suite(config):
        return
    parent = _AllowListFile.from_parent(session, path=config.rootpath / str(allowlist))
    items.append(CoverageItem.from_parent(parent, name="clause coverage"))
