"""The "Cột" (column) of a finding on a proposal-shaped record (a JSON Lines line, a dict of
``validate(records)``): the field's label in the report's language — the words its message
names the field by — never the machine path, and a key the model does not have as written.

The cells below are worked out by hand from the records: the proposal model names the plan year
``plan_year`` ("Năm kế hoạch" / "plan year"), the funding source ``funding`` (an object: "Nguồn
kinh phí" / "funding source"), a budget line's requested support ``requested`` ("Kinh phí đề
nghị" / "requested support"), budget lines counted from 1 ("Dòng kinh phí 1"), the path's
separator " › "; it has no ``year``, ``province`` (at the top), ``content`` or ``start``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from khuyencong.cli import main
from khuyencong.datasets import validate

# The line of the defect: a flat plan row written as a proposal (it has budget_lines).
BROKEN: dict[str, Any] = {
    "code": "QG-1",
    "title": "Đề án thử",
    "year": 2016,
    "funding": "KCQG",
    "province": "Thái Nguyên",
    "budget_lines": [
        {"item": "machinery_and_technology", "cost": "3000000", "requested": "9000000"}
    ],
}

# (path, Vietnamese cell, English cell), in the order of the model's fields, then the extra keys.
BROKEN_CELLS = [
    (("plan_year",), "Năm kế hoạch", "plan year"),
    (("funding",), "Nguồn kinh phí", "funding source"),
    (
        ("budget_lines", 0, "requested"),
        "Dòng kinh phí 1 › Kinh phí đề nghị",
        "budget line 1 › requested support",
    ),
    (("year",), "year", "year"),
    (("province",), "province", "province"),
]

# A valid proposal but for keys the model does not have: at the top and on a budget line.
EXTRA: dict[str, Any] = {
    "code": "QG-2",
    "title": "Đề án thử hai",
    "plan_year": 2016,
    "funding": {"kind": "national"},
    "content": "demonstration_and_technology",
    "start": "2016-04-01",
    "budget_lines": [
        {"item": "conference", "cost": "30000000", "requested": "30000000"},
        {"item": "conference", "cost": "20000000", "requested": "20000000", "note": "x"},
    ],
}
EXTRA_CELLS = [
    (("content",), "content", "content"),
    (("start",), "start", "start"),
    (("budget_lines", 1, "note"), "Dòng kinh phí 2 › note", "budget line 2 › note"),
]


def _jsonl(tmp_path: Path, *records: dict[str, Any]) -> Path:
    path = tmp_path / "plan.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def _invalid(report: Any, row: int) -> list[Any]:
    (result,) = [r for r in report if r.row == row]
    assert result.status == "invalid"
    return [f for f in result.findings if f.code == "invalid"]


@pytest.mark.parametrize(
    ("record", "cells"), [(BROKEN, BROKEN_CELLS), (EXTRA, EXTRA_CELLS)], ids=["broken", "extra"]
)
def test_the_column_is_the_label_the_message_names(
    tmp_path: Path, record: dict[str, Any], cells: list[tuple[Any, str, str]]
) -> None:
    findings = _invalid(validate(_jsonl(tmp_path, record), assessor=None), 1)
    # In the order of pydantic's errors (a budget line's before the proposal's extra keys).
    assert sorted((f.path, f.where("vi"), f.where("en")) for f in findings) == sorted(cells)
    for f in findings:
        # The Python API keeps the machine path in ``column``.
        assert f.column == ".".join(str(part) for part in f.path)
        for lang in ("vi", "en"):
            # The message names the place with the same words, then says what is wrong.
            assert f.message(lang).split(": ", 1)[1].startswith(f.where(lang) + ": ")


def test_records_get_the_same_cells() -> None:
    for row, cells in ((1, BROKEN_CELLS), (2, EXTRA_CELLS)):
        findings = _invalid(validate([BROKEN, EXTRA], assessor=None), row)
        assert sorted((f.path, f.where("vi"), f.where("en")) for f in findings) == sorted(cells)


def test_a_flat_record_and_a_dataframe_show_the_header_as_written() -> None:
    # No proposal shape: the keys (column labels) are headers, and a finding's column is the
    # header the user wrote, in both languages; there is no path.
    flat = {
        "Mã đề án": "QG-3",
        "Tên đề án": "Đề án phẳng",
        "Năm kế hoạch": 2016,
        "Nguồn kinh phí": "KCQG",
        "Hạng mục chi": "Hội nghị",
        "Tổng kinh phí": "abc",
        "Kinh phí đề nghị": "1000000",
    }
    pd = pytest.importorskip("pandas")
    for source in ([flat], pd.DataFrame([flat])):
        report = validate(source, assessor=None)
        found = [f for r in report for f in r.findings if f.severity == "error"]
        assert found, "the unreadable amount is an error"
        assert {(f.column, f.where("vi"), f.where("en"), f.path) for f in found} == {
            ("Tổng kinh phí", "Tổng kinh phí", "Tổng kinh phí", None)
        }


def _check(path: Path, *args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(path), *args], out=out, err=err) == 1, err.getvalue()
    return out.getvalue()


@pytest.mark.parametrize(
    ("lang", "column", "cells"),
    [
        (
            "vi",
            "Cột",
            ["Năm kế hoạch", "Nguồn kinh phí", "Dòng kinh phí 1 ›", "Kinh phí đề nghị", "year"],
        ),
        (
            "en",
            "Column",
            ["plan year", "funding source", "budget line 1 ›", "requested support", "year"],
        ),
    ],
)
def test_the_table_a_clerk_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, column: str, cells: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    lines = _check(_jsonl(tmp_path, BROKEN), "--lang", lang).splitlines()
    header = lines[1]
    start = header.index(column)
    rule = lines[2]
    end = rule.index(" ", start)  # the dashes under the column give its width
    body = []
    for line in lines[3:]:
        if not line.strip():
            break
        body.append(line[start:end].strip())
    # The long label wraps at its spaces, after the path's "›"; no word is cut.
    assert [c for c in body if c] == [*cells, "province"]


def test_the_report_files_show_the_label(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, BROKEN)
    csv_vi = _check(path, "--format", "csv")
    assert "lỗi:invalid [Dòng kinh phí 1 › Kinh phí đề nghị]: " in csv_vi
    assert "budget_lines.0" not in csv_vi
    csv_en = _check(path, "--format", "csv", "--lang", "en")
    assert "error:invalid [budget line 1 › requested support]: " in csv_en
    html = _check(path, "--format", "html")
    assert "</span> Dòng kinh phí 1 › Kinh phí đề nghị: Dữ liệu không hợp lệ" in html
    assert "budget_lines.0" not in html
    for lang, cells in (("vi", [c[1] for c in BROKEN_CELLS]), ("en", [c[2] for c in BROKEN_CELLS])):
        data = json.loads(_check(path, "--format", "json", "--lang", lang))
        (row,) = data["rows"]
        assert [f["column"] for f in row["findings"]] == cells
