"""The documentation: generated pages match the data, every Python example runs, the site builds."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from khuyencong.catalogue import render_catalogue
from khuyencong.rulebooks import national

from .conftest import REPO_ROOT

DOCS = REPO_ROOT / "docs"
REGENERATE = "regenerate it with: .venv/bin/python scripts/gen_docs.py"
PAGES = sorted(
    path
    for path in DOCS.rglob("*.md")
    if re.search(r"^```python\n", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
)


def python_blocks(text: str) -> list[str]:
    """The ```python blocks of a Markdown page, in order (indented blocks are dedented)."""
    blocks = re.findall(r"^( *)```python\n(.*?)^\1```", text, flags=re.DOTALL | re.MULTILINE)
    return [re.sub(rf"(?m)^{indent}", "", body) for indent, body in blocks]


def test_the_catalogue_matches_the_rulebook() -> None:
    page = DOCS / "rules" / "catalogue.md"
    assert page.is_file(), f"docs/rules/catalogue.md is missing; {REGENERATE}"
    assert page.read_text(encoding="utf-8") == render_catalogue(national()), (
        f"docs/rules/catalogue.md is out of date; {REGENERATE}"
    )


def test_the_catalogue_lists_every_parameter_with_its_citations() -> None:
    page = render_catalogue(national())
    for code, value in national().citations():
        assert f"### `{code}`" in page
        assert f"`{value.citation.key}`" in page


def test_docs_have_python_examples() -> None:
    names = {path.relative_to(DOCS).as_posix() for path in PAGES}
    assert {"index.md", "getting-started.md", "concepts.md", "provincial-rulebooks.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_python_example_runs(page: Path) -> None:
    """The blocks of one page run in order, in one namespace, as a reader would paste them."""
    namespace: dict[str, object] = {"__name__": "__docs__"}
    with contextlib.redirect_stdout(io.StringIO()):
        for number, block in enumerate(python_blocks(page.read_text(encoding="utf-8")), 1):
            code = compile(block, f"{page.relative_to(REPO_ROOT)} (python block {number})", "exec")
            exec(code, namespace)


@pytest.mark.skipif(
    importlib.util.find_spec("zensical") is None,
    reason="zensical is not installed (it is in the 'test' and 'docs' extras)",
)
def test_the_site_builds_strictly_without_warnings() -> None:
    # Zensical writes its site inside the project: a folder of our own, removed afterwards.
    name = f".site-test-{uuid.uuid4().hex[:12]}"
    site = REPO_ROOT / name
    env = {**os.environ, "KHUYENCONG_SITE_DIR": name, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "zensical", "build", "--strict"]
    try:
        result = subprocess.run(
            [*command, "--config-file", str(REPO_ROOT / "mkdocs.yml")],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        output = result.stdout + result.stderr
        assert result.returncode == 0, output
        assert "Warning" not in output, output
        assert (site / "rules" / "catalogue" / "index.html").is_file()
        assert (site / "clause-coverage" / "index.html").is_file()
        assert "khuyencong.rules.assess.assess" in (
            site / "api" / "rules" / "index.html"
        ).read_text(encoding="utf-8")
    finally:
        shutil.rmtree(site, ignore_errors=True)
