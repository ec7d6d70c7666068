"""Rows read from templates as blocks (:class:`khuyencong.datasets.columnar_blocks.RowBlock`):
the JSON and CSV reports written from a block's columns, the summary added block by block, and
the rows a user iterates made from the block, are those of the row path — byte for byte, in
both languages, to a file and to a stream, with template proposals between proposals the row
path checks, and findings that name the proposal's own beneficiary or row.

The plan: 24 proposals of three lines (a machine, a brand, the implementing unit's management
share), four kinds repeating: a household business (eligible), a large enterprise (not a
rural industrial establishment, a finding naming the beneficiary), a beneficiary without its
kind (every other one of them with an unreadable cost: the row path), an enterprise without
its size class (a finding naming the beneficiary), whose third line names another province (a
``conflicting_value`` naming the proposal's first row).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from khuyencong.cli import main
from khuyencong.datasets import columnar_check as engine_module
from khuyencong.datasets import validate
from khuyencong.datasets.columnar_blocks import RowBlock
from khuyencong.datasets.csvrows import _cell
from khuyencong.datasets.report import Report

HEADER = [
    "Mã đề án",
    "Tên đề án",
    "Năm kế hoạch",
    "Nguồn kinh phí",
    "Tỉnh/Thành phố",
    "Nội dung",
    "Hạng mục chi",
    "Tổng kinh phí",
    "Kinh phí KCQG",
    "Đối ứng",
    "Ngày bắt đầu",
    "Huyện",
    "Xã",
    "Đơn vị thụ hưởng",
    "Loại hình",
    "Ngành nghề",
]
ITEMS = ["machinery_and_technology", "brand", "management_implementing_unit"]
KINDS = ["Hộ kinh doanh", "doanh nghiệp lớn", "", "DNNVV"]
PROPOSALS = 24


def _name(p: int) -> str:
    if p % 8 == 5:  # a quote and a backslash: escaped in JSON
        return f'Công ty "Minh\\Anh" ({p})'
    return f"Công ty TNHH Minh, Anh ({p})"


def _title(p: int) -> str:
    if p % 8 == 3:  # a formula start and a comma: neutralised and quoted in CSV
        return f"=SUM(A1), Đề án {p}"
    return f'Đề án "Làng nghề" {p}'


def _cost(p: int, k: int) -> int:
    return (p + 1) * 10_000_000 + k * 1_000_000


def _plan(proposals: int = PROPOSALS) -> bytes:
    rows = []
    for p in range(proposals):
        kind = p % 4
        for k, item in enumerate(ITEMS):
            cost = _cost(p, k)
            requested = cost // 2
            row = [
                f"QG-{p:03d}" if k == 0 else "",
                _title(p) if k == 0 else "",
                "2016",
                "KCQG",
                "Hà Nam" if kind == 3 and k == 2 else "Thái Nguyên",
                "demonstration_and_technology; typical_products_and_promotion",
                item,
                f"{cost:,}".replace(",", "."),
                str(requested),
                str(cost - requested),
                "01/06/2016",
                "Huyện Phú Lương",
                f"Xã Minh Họa {p}",
                _name(p),
                KINDS[kind],
                "Chế biến thực phẩm",
            ]
            if kind == 2 and p % 8 == 2 and k == 1:
                row[7] = "mười triệu"
            rows.append(row)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.csv"
    path.write_bytes(_plan())
    return path


def _rows(report: Report) -> list[tuple[Any, ...]]:
    return [
        (
            *(getattr(r, a.name) for a in r.__attrs_attrs__ if a.name != "findings"),
            tuple(
                (
                    f.row,
                    f.column,
                    f.code,
                    f.severity,
                    dict(f.params),
                    f.message("vi"),
                    f.message("en"),
                    f.citation_key,
                    f.line,
                )
                for f in r.findings
            ),
        )
        for r in report
    ]


@pytest.mark.parametrize("batch", [10_000, 7])
def test_blocks_between_row_path_proposals_write_what_the_row_path_writes(
    plan: Path, tmp_path: Path, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BATCH_LINES", batch)
    fast, slow = validate(plan), validate(plan, engine="rows")
    items = list(fast._items())
    blocks = [i for i in items if isinstance(i, RowBlock)]
    # The first proposal of each of the four kinds, its second (the profile is built on it)
    # and the proposals with an unreadable cost take the row path; the rest come in blocks.
    assert blocks
    assert len(blocks) < len(items)
    assert sum(len(b) for b in blocks) >= 3 * (PROPOSALS - 8 - 3)
    assert _rows(fast) == _rows(slow)
    assert fast.summary() == slow.summary()
    # The HTML report's rows with findings: the first ones shown, the others counted.
    assert fast._problem_rows(limit=10) == slow._problem_rows(limit=10)
    for lang in ("vi", "en"):
        assert fast.to_json(lang=lang) == slow.to_json(lang=lang)
        assert fast.to_csv(lang=lang) == slow.to_csv(lang=lang)
        assert fast.to_html(lang=lang) == slow.to_html(lang=lang)
        for report, name in ((fast, "fast"), (slow, "slow")):
            report.to_json(tmp_path / f"{name}.json", lang=lang)
            report.to_csv(tmp_path / f"{name}.csv", lang=lang)
        for suffix in ("json", "csv"):
            assert (tmp_path / f"fast.{suffix}").read_bytes() == (
                tmp_path / f"slow.{suffix}"
            ).read_bytes()


def test_a_block_in_csv_neutralises_and_quotes_its_texts(plan: Path) -> None:
    text = validate(plan).to_csv(lang="en")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 1 + 3 * PROPOSALS
    third = rows[1 + 3 * 3]  # proposal 3, its first line
    assert third[1:3] == ["QG-003", "'=SUM(A1), Đề án 3"]
    assert '"\'=SUM(A1), Đề án 3"' in text.splitlines()[1 + 3 * 3]
    assert rows[1][2] == 'Đề án "Làng nghề" 0'


def test_a_vietnamese_report_names_funding_contents_and_items_in_words(
    plan: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from khuyencong import ActivityContent, FundingSourceKind, SupportItem

    contents = "demonstration_and_technology+typical_products_and_promotion"
    in_words = " + ".join(ActivityContent(c).vi for c in contents.split("+"))
    report = validate(plan)
    rows = list(csv.reader(io.StringIO(report.to_csv(lang="vi"))))
    header = rows[0]
    assert header[-5:] == [
        "status_code",
        "severity_code",
        "funding_code",
        "content_code",
        "item_code",
    ]
    # Every proposal's rows, the row path's and the blocks' alike (the 24th is in a block).
    for p in (0, 23):
        for k, code in enumerate(ITEMS):
            row = dict(zip(header, rows[1 + 3 * p + k], strict=True))
            assert row["Nguồn kinh phí"] == FundingSourceKind.NATIONAL.vi
            assert row["Nội dung"] == in_words
            assert row["Khoản mục"] == SupportItem(code).vi
            assert (row["funding_code"], row["content_code"], row["item_code"]) == (
                "national",
                contents,
                code,
            )
    # The workbook says it the same way.
    report.to_excel(tmp_path / "ket-qua.xlsx")
    sheet = load_workbook(tmp_path / "ket-qua.xlsx", read_only=True).worksheets[0]
    first, second = sheet.iter_rows(min_row=1, max_row=2, values_only=True)
    assert list(first) == header
    assert dict(zip(header, second, strict=True))["Nội dung"] == in_words


def test_a_finding_in_a_block_names_its_own_proposal(plan: Path) -> None:
    report = json.loads(validate(plan).to_json(lang="en"))
    rows = report["rows"]
    assert len(rows) == 3 * PROPOSALS
    for p in range(PROPOSALS):
        first = 2 + 3 * p  # the header is line 1
        lines = rows[3 * p : 3 * p + 3]
        assert [r["row"] for r in lines] == [first, first + 1, first + 2]
        assert {r["proposal_code"] for r in lines} == {f"QG-{p:03d}"}
        assert {r["title"] for r in lines} == {_title(p)}
        messages = [f["message"] for f in lines[0]["findings"]]
        codes = [f["code"] for f in lines[0]["findings"]]
        if p % 4 == 1:
            assert "large_enterprise" in codes
        if p % 4 == 3:
            assert "enterprise_size_missing" in codes
            conflict = [f for f in lines[2]["findings"] if f["code"] == "conflicting_value"]
            assert [f["message"] for f in conflict] == [
                f"Differs from row {first} of the same proposal; the first value is used"
            ]
        if p % 4 in (1, 3):
            named = [m for m in messages if _name(p) in m]
            assert named, messages
            assert not any(_name(q) in m for m in messages for q in range(PROPOSALS) if q != p)
        for k, r in enumerate(lines):
            unreadable = p % 8 == 2 and k == 1
            assert r["cost"] == (None if unreadable else str(_cost(p, k)))


def test_the_summary_of_blocks_is_the_plans_by_hand(plan: Path) -> None:
    summary = validate(plan).summary()
    assert summary.rows == 3 * PROPOSALS
    assert summary.proposals == PROPOSALS
    # Every cost, less the three that cannot be read (proposals 2, 10, 18, their brand line).
    every = sum(_cost(p, k) for p in range(PROPOSALS) for k in range(3))
    unreadable = sum(_cost(p, 1) for p in (2, 10, 18))
    assert summary.cost == every - unreadable == 8_739_000_000
    assert summary.values_left_out == 3
    # Large enterprises are ineligible; an enterprise without its size class cannot be
    # assessed; a beneficiary without its kind is not checked (a warning), so such a proposal
    # is decided as the household's, bar the three with an unreadable cost (invalid).
    assert summary.proposals_by_status == {
        "eligible": 6 + 3,
        "ineligible": 6,
        "invalid": 3,
        "not_assessable": 6,
    }
    assert summary.rows_by_status["ineligible"] == 3 * 6
    assert summary.allowed_unknown == 3 * 6  # the not_assessable proposals' lines
    assert summary.findings_by_code["conflicting_value"] == PROPOSALS // 4
    assert summary.findings_by_code["large_enterprise"] == PROPOSALS // 4


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["json", "csv", "html", "table"])
def test_the_command_writes_blocks_to_a_file_and_to_stdout_as_the_row_path(
    plan: Path, tmp_path: Path, lang: str, fmt: str
) -> None:
    outputs = {}
    for engine in ("auto", "rows"):
        target = tmp_path / f"{engine}.{fmt}"
        argv = ["check", str(plan), "--format", fmt, "--lang", lang, "--engine", engine]
        out, err = io.StringIO(), io.StringIO()
        assert main([*argv, "-o", str(target)], out=out, err=err) == 1  # findings
        stdout = io.StringIO()
        assert main(argv, out=stdout, err=io.StringIO()) == 1
        outputs[engine] = (target.read_bytes(), stdout.getvalue(), out.getvalue())
    assert outputs["auto"] == outputs["rows"]


@pytest.mark.parametrize(
    "text", ["", "a", "Đề án, số 1", 'Công ty "Minh"', "a\nb", "a\rb", " a ", "a;b\tc", "'=1"]
)
def test_a_cell_of_a_block_is_quoted_as_the_csv_writer_quotes_it(text: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([1, text, text])
    assert buffer.getvalue() == f"1,{_cell(text)},{_cell(text)}\r\n"
