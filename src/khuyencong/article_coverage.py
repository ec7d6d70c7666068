"""Article coverage: every article of the six instruments, and what it is to the library (moved
from ``coverage.py``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from .clause_keys import citation_from_key, clause_sort_key
from .rulebooks.core import ParamValue
from .text import md_cell

__all__ = [
    "ARTICLE_STATUSES",
    "ArticleEntry",
    "ArticleRow",
    "article_coverage",
    "load_articles",
    "render_articles",
]

# ---- Article coverage: every article of the six instruments ---------------------------------

ARTICLE_STATUSES = ("executable", "data_only", "not_encoded", "out_of_scope")
"""What an article is to the library: ``executable`` (a test is marked with one of its clauses),
``data_only`` (a built-in rulebook value cites it, no test names it) — both computed —, and
``not_encoded`` or ``out_of_scope``, declared with a reason in ``rulebooks/data/articles.toml``."""

_STATUS_TEXT = {
    "executable": "executable",
    "data_only": "data only",
    "not_encoded": "not encoded",
    "out_of_scope": "out of scope",
}


@attrs.frozen(slots=True)
class ArticleEntry:
    """One article as ``articles.toml`` lists it: number, title, and a declared status and
    reason for an article that is neither executable nor data only."""

    document: str
    article: int
    title: str
    declared: str | None = None
    why: str = ""


@attrs.frozen(slots=True)
class ArticleRow:
    """One row of the article coverage table."""

    entry: ArticleEntry
    status: str
    tests: tuple[str, ...]
    """The tests and spec cases that name a clause of the article."""
    params: tuple[str, ...]
    """The rulebook parameters whose values cite the article."""
    clauses: tuple[str, ...] = ()
    """The keys of its clauses that tests name, in legal order."""


def load_articles(text: str | None = None) -> tuple[ArticleEntry, ...]:
    """The article list (``rulebooks/data/articles.toml``, or ``text`` in that format).

    Raises ``ValueError`` naming the article when a declared status is not one of
    ``not_encoded``/``out_of_scope`` or has no reason."""
    import tomllib
    from importlib import resources

    if text is None:
        path = resources.files("khuyencong.rulebooks") / "data" / "articles.toml"
        text = path.read_text("utf-8")
    out: list[ArticleEntry] = []
    for instrument in tomllib.loads(text).get("instruments", ()):
        document = str(instrument["document"])
        for row in instrument.get("articles", ()):
            entry = ArticleEntry(
                document=document,
                article=int(row["article"]),
                title=str(row["title"]),
                declared=row.get("status"),
                why=str(row.get("why", "")),
            )
            where = f"Điều {entry.article} {document}"
            if entry.declared is not None and entry.declared not in ARTICLE_STATUSES[2:]:
                raise ValueError(
                    f"{where}: status {entry.declared!r} is not declared, it is computed"
                )
            if entry.declared is not None and not entry.why:
                raise ValueError(f"{where}: a {entry.declared} article needs a reason ('why')")
            out.append(entry)
    return tuple(out)


def _article_of(key: str) -> tuple[str, int] | None:
    try:
        citation = citation_from_key(key)
    except ValueError:
        return None
    return None if citation.article is None else (citation.document, citation.article)


def article_coverage(
    articles: Sequence[ArticleEntry],
    cited: Mapping[str, Sequence[tuple[str, ParamValue]]],
    covering: Mapping[str, Sequence[str]],
) -> tuple[tuple[ArticleRow, ...], tuple[str, ...]]:
    """Each article's status, computed from the clause markers (``covering``: key → tests) and
    the rulebooks' citations (``cited``), or as declared; and the problems that must fail the
    suite: an article with no status, a declaration on an article that computes as executable or
    data only, an article listed twice, a test or rulebook value naming an article not listed."""
    tests: dict[tuple[str, int], set[str]] = {}
    params: dict[tuple[str, int], set[str]] = {}
    clauses: dict[tuple[str, int], set[str]] = {}
    for key, found in covering.items():
        at = _article_of(key)
        if at is not None and found:
            tests.setdefault(at, set()).update(found)
            clauses.setdefault(at, set()).add(key)
    for key, uses in cited.items():
        at = _article_of(key)
        if at is not None:
            params.setdefault(at, set()).update(code for code, _ in uses)
    rows: list[ArticleRow] = []
    problems: list[str] = []
    seen: set[tuple[str, int]] = set()
    for entry in articles:
        at = (entry.document, entry.article)
        where = f"Điều {entry.article} {entry.document}"
        if at in seen:
            problems.append(f"{where} is listed twice in articles.toml")
        seen.add(at)
        computed = "executable" if at in tests else "data_only" if at in params else None
        if computed is not None and entry.declared is not None:
            problems.append(
                f"{where} is {_STATUS_TEXT[computed]} now; remove its status "
                f"{entry.declared!r} from articles.toml"
            )
        status = computed or entry.declared
        if status is None:
            problems.append(
                f"{where} has no test, no rulebook value, and no declared status in articles.toml"
            )
            status = "not_encoded"
        rows.append(
            ArticleRow(
                entry=entry,
                status=status,
                tests=tuple(sorted(tests.get(at, ()))),
                params=tuple(sorted(params.get(at, ()))),
                clauses=tuple(sorted(clauses.get(at, ()), key=clause_sort_key)),
            )
        )
    documents = {entry.document for entry in articles}
    for at in sorted({*tests, *params} - seen):
        if at[0] in documents:
            problems.append(f"Điều {at[1]} {at[0]} is named by a test or value but not listed")
    return tuple(rows), tuple(problems)


def render_articles(rows: Sequence[ArticleRow]) -> str:
    """The Markdown page ``docs/article-coverage.md``: one table per instrument."""
    lines = [
        "# Article coverage",
        "",
        (
            "<!-- Generated by scripts/gen_docs.py from src/khuyencong/rulebooks/data/articles.toml, "
            "the built-in rulebooks and the collected test suite. Do not edit. -->"
        ),
        "",
        (
            "Every article of the six instruments whose official text the library encodes from. "
            "**executable**: a test marked `@pytest.mark.clause` with one of its clauses exercises a "
            "rule; **data only**: a value of the built-in rulebook cites it but no test names it; "
            "both are computed. **not encoded** and **out of scope** are declared, with the reason, "
            "in `articles.toml`. An executable article may still hold parts that are not encoded "
            "(see [Clause coverage](clause-coverage.md) for the clauses)."
        ),
        "",
    ]
    by_document: dict[str, list[ArticleRow]] = {}
    for row in rows:
        by_document.setdefault(row.entry.document, []).append(row)
    for document, group in by_document.items():
        counts = {s: sum(r.status == s for r in group) for s in ARTICLE_STATUSES}
        summary = ", ".join(f"{counts[s]} {_STATUS_TEXT[s]}" for s in ARTICLE_STATUSES)
        lines += [
            f"## {document}",
            "",
            f"{len(group)} articles: {summary}.",
            "",
            "| article | title | status | clauses tested, or why |",
            "|---|---|---|---|",
        ]
        for row in group:
            if row.status == "executable":
                named = ", ".join(k.partition(":")[2] for k in row.clauses)
                shown = f"tests name {named} ({len(row.tests)} test file(s) or case(s))"
            elif row.status == "data_only":
                shown = "cited by " + ", ".join(f"`{p}`" for p in row.params)
            else:
                shown = md_cell(row.entry.why)
            lines.append(
                f"| Điều {row.entry.article} | {md_cell(row.entry.title)} | "
                f"{_STATUS_TEXT[row.status]} | {shown} |"
            )
        lines.append("")
    total = {s: sum(r.status == s for r in rows) for s in ARTICLE_STATUSES}
    lines.append(
        f"**{len(rows)}** articles in all: "
        + ", ".join(f"**{total[s]}** {_STATUS_TEXT[s]}" for s in ARTICLE_STATUSES)
        + "."
    )
    return "\n".join(lines) + "\n"
