"""The default report of ``khuyencong check`` — the text table of the rows with findings, then
the summary — read from the columnar engine's blocks (:class:`RowBlock`) is the row path's,
byte for byte, and makes a row of a block (a ``RowResult``) only to print it.

The plan is that of :mod:`tests.columnar.test_blocks`, 200 proposals of three lines: a
household business's proposal (every fourth) is eligible and its second and third lines have
no finding (not printed); so are those of a beneficiary without its kind (every eighth); the
other rows have findings or a status that does not pass (450 rows, far more than the table's
200 lines)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from khuyencong.cli import check as check_module
from khuyencong.cli import main
from khuyencong.datasets import validate
from khuyencong.datasets.columnar_blocks import RowBlock
from khuyencong.datasets.rows import RowResult

from .test_blocks import _plan

PROPOSALS = 200


@pytest.fixture(scope="module")
def big_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("table") / "plan.csv"
    path.write_bytes(_plan(PROPOSALS))
    return path


def test_the_plan_has_blocks_rows_without_findings_and_more_than_the_table_shows(
    big_plan: Path,
) -> None:
    report = validate(big_plan)
    items = list(report._items())
    assert any(type(i) is not RowResult for i in items)
    rows = [r for i in items for r in ((i,) if isinstance(i, RowResult) else i.results())]
    assert len(rows) == 3 * PROPOSALS
    # The header is line 1: proposal p's lines are rows 2 + 3p to 4 + 3p.  A household
    # business's (p % 4 == 0) and a beneficiary's without its kind whose costs all read
    # (p % 8 == 6: the warning is on its first line) are eligible: their second and third
    # lines have no finding.
    quiet = [r for r in rows if (r.row - 2) // 3 % 8 in (0, 4, 6) and (r.row - 2) % 3 != 0]
    assert len(quiet) == 2 * (PROPOSALS // 4 + PROPOSALS // 8)
    assert all(not r.findings and r.status == "eligible" for r in quiet)
    shown = [r for r in rows if r.findings or r.status != "eligible"]
    assert len(shown) == 3 * PROPOSALS - len(quiet) > check_module._TABLE_LIMIT


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_table_from_blocks_is_the_row_paths(
    big_plan: Path, tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    outputs = {}
    for engine in ("auto", "rows"):
        target = tmp_path / f"{engine}.txt"
        argv = ["check", str(big_plan), "--lang", lang, "--engine", engine]
        assert main([*argv, "-o", str(target)], out=io.StringIO(), err=io.StringIO()) == 1
        stdout = io.StringIO()
        assert main([*argv, "--format", "table"], out=stdout, err=io.StringIO()) == 1
        outputs[engine] = (target.read_bytes(), stdout.getvalue())
    assert outputs["auto"] == outputs["rows"]
    text = outputs["auto"][1]
    # The table names its rows in file order from row 2 (the first household's first line,
    # with warnings), never the household's second and third lines; the lines past the 200th
    # are counted, not printed.
    table = text.split("\n\n")[0].splitlines()  # the rows with findings, then the summary
    named = [int(m[1]) for m in (re.match(r" {0,4}(\d+) ", line) for line in table) if m]
    assert named[:4] == [2, 5, 6, 7]
    assert not {3, 4, 15, 16} & set(named)
    assert named == sorted(named)
    more = {"vi": "phát hiện khác", "en": "more finding"}[lang]
    assert more in text


def test_a_row_of_a_block_is_made_only_to_be_printed(
    big_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[int] = []
    original = RowBlock.result

    def counted(self: RowBlock, i: int) -> RowResult:
        made.append(self.rows[i])
        return original(self, i)

    monkeypatch.setattr(RowBlock, "result", counted)
    monkeypatch.setattr(RowBlock, "results", lambda self: pytest.fail("every row made"))
    out = io.StringIO()
    assert main(["check", str(big_plan)], out=out, err=io.StringIO()) == 1
    assert made
    assert len(made) <= check_module._TABLE_LIMIT


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_workbook_from_blocks_is_the_row_paths(tmp_path: Path, lang: str) -> None:
    # Titles that start like a formula (neutralised with a leading ' in both paths), amounts,
    # findings naming the beneficiary; the workbooks' parts equal but for their creation time.
    text = _plan(24).decode("utf-8")
    assert '"Đề án ""Làng' in text
    path = tmp_path / "plan.csv"
    path.write_text(text.replace('"Đề án ""Làng', '"=Đề án ""Làng'), encoding="utf-8")
    fast = validate(path)
    assert any(isinstance(i, RowBlock) for i in fast._items())
    parts = {}
    for engine in ("auto", "rows"):
        target = tmp_path / f"{engine}.xlsx"
        validate(path, engine=engine).to_excel(target, lang=lang)
        with zipfile.ZipFile(target) as book:
            parts[engine] = {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}
    assert parts["auto"] == parts["rows"]
    rows = parts["auto"]["xl/worksheets/sheet1.xml"].decode("utf-8")
    assert "<t>'=Đề án" in rows
    assert "<t>=Đề án" not in rows
