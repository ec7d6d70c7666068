"""Regenerate the generated documentation pages.

- ``docs/rules/catalogue.md``: every parameter of the built-in rulebook (``khuyencong.catalogue``).
- ``docs/clause-coverage.md``: every cited clause and the tests and spec cases that exercise it
  (``khuyencong.coverage``, from the collected test suite).
- ``docs/article-coverage.md``: every article of the six instruments, executable, data only, not
  encoded or out of scope (``khuyencong.coverage.article_coverage``).

Usage (from the repository root)::

    .venv/bin/python scripts/gen_docs.py                    # write both pages
    .venv/bin/python scripts/gen_docs.py --prune-allowlist  # also drop now-covered clauses from
                                                            # tests/spec/uncovered.txt

The test suite fails when either page differs from what this script writes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "docs" / "rules" / "catalogue.md"
COVERAGE = ROOT / "docs" / "clause-coverage.md"
ARTICLES = ROOT / "docs" / "article-coverage.md"
ALLOWLIST = ROOT / "tests" / "spec" / "uncovered.txt"

sys.path.insert(0, str(ROOT))

from khuyencong.catalogue import render_catalogue  # noqa: E402
from khuyencong.coverage import (  # noqa: E402
    article_coverage,
    builtin_rulebooks,
    cited_clauses,
    code_cited_clauses,
    code_sources,
    group_covering,
    load_articles,
    parse_allowlist,
    render_articles,
    render_coverage,
)
from khuyencong.rulebooks import national  # noqa: E402


class _Recorder:
    """Keeps the (clause, test) pairs of a collect-only run."""

    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = []

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        from tests.spec.plugin import covering_pairs

        self.pairs = list(covering_pairs(session.items, session.config.rootpath))


def collect_covering() -> dict[str, list[str]]:
    """Collect the whole suite (without running it) and group its clause markers."""
    recorder = _Recorder()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = pytest.main(
            ["--collect-only", "-q", "-p", "no:cacheprovider", "--rootdir", str(ROOT)],
            plugins=[recorder],
        )
    if status != 0:
        raise SystemExit(f"collecting the test suite failed ({status}):\n{out.getvalue()}")
    return group_covering(recorder.pairs)


def prune_allowlist(covering: dict[str, list[str]]) -> list[str]:
    """Remove the clauses that are covered now from the allow-list; return them."""
    kept: list[str] = []
    removed: list[str] = []
    for line in ALLOWLIST.read_text(encoding="utf-8").splitlines():
        key = line.partition("#")[0].strip()
        if key and covering.get(key):
            removed.append(key)
        else:
            kept.append(line)
    ALLOWLIST.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return removed


def main() -> None:
    """Write the generated pages and list them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prune-allowlist", action="store_true")
    args = parser.parse_args()

    CATALOGUE.parent.mkdir(parents=True, exist_ok=True)
    CATALOGUE.write_text(render_catalogue(national()), encoding="utf-8")
    print(CATALOGUE.relative_to(ROOT))

    covering = collect_covering()
    if args.prune_allowlist:
        for key in prune_allowlist(covering):
            print(f"removed from {ALLOWLIST.relative_to(ROOT)}: {key}")
    allow = parse_allowlist(ALLOWLIST.read_text(encoding="utf-8"))
    cited = cited_clauses(*builtin_rulebooks())
    code_cited = code_cited_clauses(code_sources(ROOT / "src" / "khuyencong"))
    COVERAGE.write_text(render_coverage(cited, covering, allow, code_cited), encoding="utf-8")
    print(COVERAGE.relative_to(ROOT))
    rows, problems = article_coverage(load_articles(), cited, covering)
    ARTICLES.write_text(render_articles(rows), encoding="utf-8")
    print(ARTICLES.relative_to(ROOT))
    for problem in problems:
        print(f"article coverage: {problem}", file=sys.stderr)


if __name__ == "__main__":
    main()
