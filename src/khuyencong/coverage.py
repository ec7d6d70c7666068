"""Clause coverage: which legal clauses the built-in rulebooks cite, and which tests exercise them.

The test suite is an executable specification: every clause a rulebook value cites (its
:attr:`Citation.key <khuyencong.schemas.citation.Citation.key>`) should be exercised by at least
one test marked ``@pytest.mark.clause(key)`` or one spec case (``tests/spec/cases/*.toml``).  This
module holds the pure part of that check — what is cited, what is covered, what the allow-list of
known gaps says, and the Markdown report — so that the test suite and ``scripts/gen_docs.py``
compute exactly the same thing.  It reads no files and imports no test framework.

>>> from khuyencong.rulebooks import national
>>> cited = cited_clauses(national())
>>> [code for code, _ in cited["26/2014/TTLT-BTC-BCT:6.2.h"]]
['support.brand']
>>> citation_from_key("26/2014/TTLT-BTC-BCT:6.2.g.d1").vi
'Gạch đầu dòng thứ nhất điểm g khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT'
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from .article_coverage import (
    ARTICLE_STATUSES,
    ArticleEntry,
    ArticleRow,
    article_coverage,
    load_articles,
    render_articles,
)
from .clause_keys import citation_from_key, clause_sort_key
from .rulebooks.core import ParamValue, Rulebook
from .schemas.citation import Citation
from .text import md_cell

__all__ = [
    "ARTICLE_STATUSES",
    "AllowList",
    "ArticleEntry",
    "ArticleRow",
    "CoverageReport",
    "article_coverage",
    "builtin_rulebooks",
    "check_coverage",
    "citation_from_key",
    "cited_clauses",
    "clause_sort_key",
    "code_cited_clauses",
    "code_sources",
    "group_covering",
    "load_articles",
    "parse_allowlist",
    "render_articles",
    "render_coverage",
]


def builtin_rulebooks() -> tuple[Rulebook, ...]:
    """The rulebooks shipped with the library (today the national one)."""
    from .rulebooks.loader import national

    return (national(),)


def cited_clauses(*rulebooks: Rulebook) -> dict[str, list[tuple[str, ParamValue]]]:
    """Every clause key cited by the rulebooks' values, in legal order, with the (parameter code,
    value) pairs that cite it."""
    found: dict[str, list[tuple[str, ParamValue]]] = {}
    for rulebook in rulebooks:
        for code, value in rulebook.citations():
            found.setdefault(value.citation.key, []).append((code, value))
    return {key: found[key] for key in sorted(found, key=clause_sort_key)}


@attrs.frozen(slots=True)
class AllowList:
    """The parsed allow-list of clauses known to be uncovered: key → reason, and its problems."""

    reasons: Mapping[str, str]
    problems: tuple[str, ...] = ()


def parse_allowlist(text: str, name: str = "uncovered.txt") -> AllowList:
    """Read an allow-list: one ``KEY  # reason`` per line; blank lines and ``#`` comments are
    ignored.  Every entry needs a reason; a key given twice or not a clause key is a problem.

    >>> allow = parse_allowlist("# gaps\\n28/2018/TT-BTC  # levels not known\\n")
    >>> dict(allow.reasons), allow.problems
    ({'28/2018/TT-BTC': 'levels not known'}, ())
    """
    reasons: dict[str, str] = {}
    problems: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _, reason = (part.strip() for part in line.partition("#"))
        where = f"{name}:{number}"
        try:
            citation_from_key(key)
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
            continue
        if not reason:
            problems.append(f"{where}: {key} needs a reason after '#'")
        if key in reasons:
            problems.append(f"{where}: {key} is listed twice")
        reasons[key] = reason
    return AllowList(reasons=reasons, problems=tuple(problems))


@attrs.frozen(slots=True)
class CoverageReport:
    """The outcome of :func:`check_coverage`."""

    cited: tuple[str, ...]
    covered: tuple[str, ...]
    allowed: tuple[str, ...]
    """Cited, uncovered and on the allow-list."""
    problems: tuple[str, ...]
    """Everything that must fail the suite."""

    @property
    def ok(self) -> bool:
        """Whether the suite passes the coverage check."""
        return not self.problems


_CITE_DEFAULTS: Mapping[str, str] = {"cite": "36/2013/TT-BCT", "_cite": "26/2014/TT-BCT"}
"""The helpers that build a citation from (article, clause, point) and the document they
default to (``rules._procedure.cite``, ``selection._common._cite``)."""


def code_sources(package: Path | None = None) -> dict[str, str]:
    """The text of every Python module of ``package`` (the installed ``khuyencong`` unless
    told), keyed by its path relative to the package's parent (``khuyencong/rules/...``)."""
    root = Path(__file__).parent if package is None else package
    return {
        str(path.relative_to(root.parent)): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*.py"))
    }


def code_cited_clauses(sources: Mapping[str, str]) -> dict[str, list[str]]:
    r"""Every clause key the Python ``sources`` (path → text) cite with a literal
    ``Citation(document=..., article=...)``, ``cite(article, clause, point)`` or
    ``_cite(...)`` call, with the ``path:line`` of each call, in legal order.  A document named by
    a module-level constant (``TT36``) is resolved; a call whose parts are not constants (the
    helpers themselves) is skipped.

    >>> code_cited_clauses({"m.py": 'TT = "36/2013/TT-BCT"\nx = Citation(document=TT, article=8)'})
    {'36/2013/TT-BCT:8': ['m.py:2']}
    """
    trees = {name: ast.parse(text) for name, text in sources.items()}
    constants: dict[str, object] = {}
    for tree in trees.values():
        for node in tree.body:
            # NAME = "..." and NAME: Final = "..." alike
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            value = getattr(node, "value", None)
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                for target in targets:
                    if isinstance(target, ast.Name):
                        constants[target.id] = value.value

    def constant(node: ast.expr) -> object:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name) and node.id in constants:
            return constants[node.id]
        raise LookupError(node)

    found: dict[str, list[str]] = {}
    for name, tree in sorted(trees.items()):
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
                continue
            helper = call.func.id
            parts: dict[str, object]
            positional: tuple[str, ...]
            if helper in _CITE_DEFAULTS:
                parts = {"document": _CITE_DEFAULTS[helper]}
                positional = ("article", "clause", "point")
            elif helper == "Citation":
                parts, positional = {}, ()
            else:
                continue
            try:
                parts.update(zip(positional, (constant(a) for a in call.args), strict=False))
                parts.update({k.arg: constant(k.value) for k in call.keywords if k.arg})
                key = Citation.model_validate(parts).key
            except (LookupError, ValueError, TypeError):
                continue
            found.setdefault(key, []).append(f"{name}:{call.lineno}")
    return {key: found[key] for key in sorted(found, key=clause_sort_key)}


def check_coverage(
    cited: Mapping[str, Sequence[tuple[str, ParamValue]]],
    covering: Mapping[str, Sequence[str]],
    allow: AllowList,
    allowlist_name: str = "tests/spec/uncovered.txt",
    code_cited: Mapping[str, Sequence[str]] | None = None,
) -> CoverageReport:
    """Compare what is cited with what the tests cover (key → tests) and the allow-list.

    Fails when a cited clause is uncovered and not allowed, when an allowed clause is in fact
    covered (the list only shrinks), when an allowed clause is cited by no rulebook, and on any
    problem of the allow-list itself.  ``code_cited`` (from :func:`code_cited_clauses`) adds
    the clauses the Python code cites: they are held to the same rule.
    """
    problems = list(allow.problems)
    covered: list[str] = []
    allowed: list[str] = []
    uses_of: dict[str, str] = {
        key: ", ".join(sorted({code for code, _ in uses})) for key, uses in cited.items()
    }
    for key, places in (code_cited or {}).items():
        uses_of.setdefault(key, ", ".join(places))
    for key, params in uses_of.items():
        tests = covering.get(key, ())
        if tests:
            covered.append(key)
            if key in allow.reasons:
                problems.append(
                    f"{key} is covered now (by {tests[0]}{' and others' if len(tests) > 1 else ''}); "
                    f"remove it from {allowlist_name}"
                )
        elif key in allow.reasons:
            allowed.append(key)
        else:
            problems.append(
                f"{key} ({citation_from_key(key).vi}; {params}) has no test: mark one with "
                f'@pytest.mark.clause("{key}") or write a case in tests/spec/cases/ '
                f"(or, with a reason, list it in {allowlist_name})"
            )
    for key in allow.reasons:
        if key not in uses_of:
            problems.append(
                f"{key} is in {allowlist_name} but no built-in rulebook cites it; remove it"
            )
    return CoverageReport(
        cited=tuple(uses_of),
        covered=tuple(covered),
        allowed=tuple(allowed),
        problems=tuple(problems),
    )


def render_coverage(
    cited: Mapping[str, Sequence[tuple[str, ParamValue]]],
    covering: Mapping[str, Sequence[str]],
    allow: AllowList,
    code_cited: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """The Markdown page ``docs/clause-coverage.md``: one row per cited clause (and, with
    ``code_cited``, one per clause only the Python code cites)."""
    code_only = {k: v for k, v in (code_cited or {}).items() if k not in cited}
    report = check_coverage(cited, covering, allow, code_cited=code_cited)
    lines = [
        "# Clause coverage",
        "",
        (
            "<!-- Generated by scripts/gen_docs.py from the built-in rulebooks and the collected test "
            "suite. Do not edit. -->"
        ),
        "",
        (
            "Every clause (*điều, khoản, điểm*) that a value of the built-in rulebooks cites, with the "
            "parameters that cite it and the tests (marked `@pytest.mark.clause(key)`) and spec cases "
            "(`tests/spec/cases/*.toml`) that exercise it. The suite fails when a clause has no test "
            "and is not on the allow-list `tests/spec/uncovered.txt` (see "
            "[Writing a spec case](spec-cases.md))."
        ),
        "",
        (
            f"**{len(report.cited)}** clauses cited, **{len(report.covered)}** covered, "
            f"**{len(report.allowed)}** known gaps on the allow-list."
        ),
        "",
        "| clause (Vietnamese) | key | parameters | covered by |",
        "|---|---|---|---|",
    ]
    for key, uses in cited.items():
        params = "<br>".join(f"`{code}`" for code in sorted({code for code, _ in uses}))
        tests = covering.get(key, ())
        if tests:
            by = "<br>".join(md_cell(t) for t in tests)
        else:
            by = "**not covered**: " + md_cell(allow.reasons.get(key, "no reason given"))
        vi = citation_from_key(key).vi
        lines.append(f"| {md_cell(vi)} | `{key}` | {params} | {by} |")
    if code_only:
        lines += [
            "",
            "## Clauses cited in the code",
            "",
            (
                "Clauses that no rulebook value cites but the Python code does (a condition that is "
                "logic, a refusal's clause), with the places that cite them; the same gate applies."
            ),
            "",
            "| clause (Vietnamese) | key | cited at | covered by |",
            "|---|---|---|---|",
        ]
        for key, places in code_only.items():
            tests = covering.get(key, ())
            if tests:
                by = "<br>".join(md_cell(t) for t in tests)
            else:
                by = "**not covered**: " + md_cell(allow.reasons.get(key, "no reason given"))
            at = "<br>".join(f"`{md_cell(p)}`" for p in places)
            lines.append(f"| {md_cell(citation_from_key(key).vi)} | `{key}` | {at} | {by} |")
    known = {*cited, *code_only}
    others = sorted(
        (k for k in covering if k not in known and _is_key(k)), key=clause_sort_key
    ) + sorted(k for k in covering if k not in known and not _is_key(k))
    if others:
        lines += [
            "",
            "## Other clauses the tests name",
            "",
            (
                "Clauses named by tests or cases that no built-in rulebook value cites (rules coded in "
                "functions, provincial overlays, or clauses cited inside a parameter's note)."
            ),
            "",
            "| clause | key | covered by |",
            "|---|---|---|",
        ]
        for key in others:
            vi = citation_from_key(key).vi if _is_key(key) else "(not a clause key)"
            by = "<br>".join(md_cell(t) for t in covering[key])
            lines.append(f"| {md_cell(vi)} | `{md_cell(key)}` | {by} |")
    return "\n".join(lines) + "\n"


def _is_key(key: str) -> bool:
    try:
        citation_from_key(key)
    except ValueError:
        return False
    return True


def group_covering(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Group (clause key, test or case) pairs into key → sorted distinct tests."""
    grouped: dict[str, set[str]] = {}
    for key, where in pairs:
        grouped.setdefault(key, set()).add(where)
    return {key: sorted(found) for key, found in grouped.items()}
