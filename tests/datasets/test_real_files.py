"""Files as provinces, Excel and LibreOffice really write them (issue #12): encodings,
structural damage, nothing to check, unreadable values, reports safe to open, streams.

Every expected figure is worked out from the input written here, not copied from the code.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from khuyencong.cli import main
from khuyencong.datasets import RowResult, validate
from khuyencong.datasets.safe import neutralise
from khuyencong.errors import DatasetError, NothingToCheckError

from .files import HEADER, cp1258


def record(
    code: str, title: str | None = None, cost: str = "1.000", requested: str = "1.000"
) -> list[str]:
    return [
        code,
        title or f"Đào tạo nghề mây tre đan {code}",
        "2016",
        "KCQG",
        "Hà Nam",
        "vocational_training",
        "curriculum",
        cost,
        requested,
        "",
    ]


def excel_csv(rows: list[list[str]], *, delimiter: str = ",", bom: bool = True) -> str:
    """Text as Excel's "CSV UTF-8" writes it: CRLF line ends, minimal quoting."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return ("\ufeff" if bom else "") + buffer.getvalue()


def read(data: Any, **kwargs: Any) -> list[RowResult]:
    return list(validate(data, assessor=None, **kwargs))


def codes(row: RowResult) -> list[str]:
    return [f.code for f in row.findings]


# ------------------------------------------------------------------------------------ encodings


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_excel_unicode_text_is_utf16_with_bom_and_tabs(encoding: str) -> None:
    # Excel's "Unicode text": UTF-16 little-endian with a BOM, tab-separated, CRLF.  Three
    # rows in, three rows out, each valid (the bug: decoded as Windows-1258, 8 rows, invalid).
    text = excel_csv([record("A"), record("B"), record("C")], delimiter="\t", bom=False)
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    rows = read(bom + text.encode(encoding))
    assert [(r.row, r.status, r.province) for r in rows] == [
        (2, "valid", "Hà Nam"),
        (3, "valid", "Hà Nam"),
        (4, "valid", "Hà Nam"),
    ]


def test_utf8_with_and_without_bom_read_alike() -> None:
    text = excel_csv([record("A")])
    assert read(text.encode("utf-8"))[0].title == read(text[1:].encode("utf-8"))[0].title


def test_windows_1258_tone_marks_are_normalised_to_nfc() -> None:
    # Windows-1258 writes "ạ" (a + dot below) as the letter a followed by the combining mark
    # U+0323 (byte 0xF2); "Hà Nam" has "à" precomposed (0xE0).  Read back, names are NFC.
    title = "Đào tạo nghề"
    data = cp1258(excel_csv([record("A", title)], bom=False))
    assert b"a\xf2" in data  # the tone mark really is a separate byte
    report = validate(data, assessor=None)
    rows = list(report)
    assert rows[0].title == title
    assert unicodedata.is_normalized("NFC", rows[0].title or "")
    assert "decoded_as_cp1258" in [n.code for n in report.summary().notes]


@pytest.mark.parametrize(
    "data",
    [
        # Russian in Windows-1251: decodes as Windows-1258 but not as Vietnamese letters.
        excel_csv([record("A", "Обучение ремеслу")], bom=False).encode("cp1251", "replace"),
        # UTF-16 without a byte-order mark.
        excel_csv([record("A")], bom=False).encode("utf-16-le"),
    ],
    ids=["cp1251", "utf16-no-bom"],
)
def test_an_encoding_that_cannot_be_told_stops(data: bytes, tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="cannot tell the encoding"):
        validate(data, assessor=None)
    path = tmp_path / "plan.csv"
    path.write_bytes(data)
    err = io.StringIO()
    assert main(["check", str(path)], out=io.StringIO(), err=err) == 2
    assert "không xác định được bảng mã" in err.getvalue()  # in the language of --lang
    err = io.StringIO()
    assert main(["check", str(path), "--lang", "en"], out=io.StringIO(), err=err) == 2
    assert "cannot tell the encoding" in err.getvalue()


# ------------------------------------------------------------------------- structural damage


def test_one_stray_quote_costs_one_line_not_seven_hundred() -> None:
    # 3,000 rows; the title on physical line 101 opens a quote that never closes.
    lines = excel_csv([record(f"P{i:04d}") for i in range(3000)]).split("\r\n")
    lines[100] = lines[100].replace("Đào tạo", '"Đào tạo', 1)
    report = validate("\r\n".join(lines).encode("utf-8"), assessor=None)
    rows = list(report)
    assert len(rows) == 3000  # physical lines 2..3001
    assert [r.row for r in rows] == list(range(2, 3002))
    damaged = [r for r in rows if r.findings]
    assert [(r.row, r.status, codes(r)) for r in damaged] == [(101, "invalid", ["unreadable_line"])]
    assert damaged[0].proposal_code is None
    # the rows after it are read normally
    assert all(r.status == "valid" for r in rows if r.row != 101)
    assert rows[100].proposal_code == "P0100"
    assert report.summary().requested == Decimal(1000 * 2999)


def test_quote_left_open_at_the_end_of_the_file() -> None:
    text = excel_csv([record("A"), record("B")]) + 'C,"Đào tạo,2016\r\n'
    rows = read(text.encode())
    assert [(r.row, r.status) for r in rows] == [(2, "valid"), (3, "valid"), (4, "invalid")]
    assert codes(rows[2]) == ["unreadable_line"]


def test_a_cell_on_two_lines_as_excel_writes_it() -> None:
    # Alt+Enter in a cell: Excel quotes the cell and keeps the line break inside it.
    text = excel_csv([record("A", "Đào tạo nghề\nmây tre đan"), record("B")])
    rows = read(text.encode())
    assert [(r.row, r.status) for r in rows] == [(2, "valid"), (4, "valid")]
    assert rows[0].title == "Đào tạo nghề\nmây tre đan"
    # the second physical line is accounted for by a note on the row
    assert codes(rows[0]) == ["multiline_cell"]
    assert "3" in rows[0].findings[0].message("en")


def test_oversized_field_and_nul_byte_are_findings_on_their_lines() -> None:
    text = excel_csv(
        [record("A"), record("B", "x" * 40_000), record("C", "Đào\x00tạo"), record("D")]
    )
    rows = read(text.encode())
    assert [(r.row, r.status) for r in rows] == [
        (2, "valid"),
        (3, "invalid"),
        (4, "invalid"),
        (5, "valid"),
    ]
    assert codes(rows[1]) == ["unreadable_line"] == codes(rows[2])
    assert "32767" in rows[1].findings[0].message("en")
    assert "NUL" in rows[2].findings[0].message("en")


def test_a_nul_byte_in_a_cell_over_two_lines_damages_that_record_only() -> None:
    # Record C's title holds an Alt+Enter and a NUL byte: Excel quotes it over lines 3-4.  The
    # record is one damaged row; the line holding the rest of its title is not read as a row,
    # and D after it is read as it is (found by the no-row-lost property, a one-column file).
    text = excel_csv([record("A"), record("C", "Đào\x00\ntạo"), record("D")])
    rows = read(text.encode())
    assert [(r.row, r.status, r.proposal_code) for r in rows] == [
        (2, "valid", "A"),
        (3, "invalid", None),
        (5, "valid", "D"),
    ]
    assert codes(rows[1]) == ["unreadable_line"]
    assert rows[1].findings[0].message("en") == (
        "This line cannot be read: a NUL byte (0x00) in the record, which runs to line 4"
    )
    assert rows[1].findings[0].message("vi") == (
        "Không đọc được dòng này: bản ghi đến dòng 4 có byte NUL (0x00)"
    )


def test_a_ragged_row_is_a_warning() -> None:
    text = excel_csv([record("A")]) + "B,Đề án B,2016\r\n"
    rows = read(text.encode())
    assert "ragged_row" in codes(rows[1])
    assert (
        rows[1]
        .findings[codes(rows[1]).index("ragged_row")]
        .message("en")
        .startswith("The row has 3 cells")
    )


def test_a_broken_json_line_is_blamed_on_itself() -> None:
    good = dict(zip(HEADER, record("A"), strict=True))
    other = dict(zip(HEADER, record("B"), strict=True))
    text = "\n".join(
        [json.dumps(good, ensure_ascii=False), '{"Mã đề án": "A", "Tên', json.dumps(other)]
    )
    rows = read(text.encode(), format="jsonl")
    assert [(r.row, r.status, codes(r)) for r in rows] == [
        (1, "valid", []),
        (2, "invalid", ["unreadable_line"]),
        (3, "valid", []),
    ]


def test_a_damaged_line_inside_a_proposal_does_not_blame_it() -> None:
    # Two budget lines of proposal A around a damaged line: A stays valid, with both lines.
    lines = excel_csv([record("A"), record("A", cost="2.000", requested="2.000")])
    head, second = lines.rsplit("\r\n", 2)[:2]
    text = f'{head}\r\nA,"broken,2016\r\n{second}\r\n'
    rows = read(text.encode())
    assert [(r.row, r.status, r.proposal_code) for r in rows] == [
        (2, "valid", "A"),
        (3, "invalid", None),
        (4, "valid", "A"),
    ]


# --------------------------------------------------------------------------- nothing to check


@pytest.mark.parametrize(
    ("content", "reason", "vi", "en"),
    [
        (b"", "empty", "trống", "is empty"),
        ("\ufeff\r\n".encode(), "empty", "trống", "is empty"),
        ("Ghi chú,Khác\r\nx,y\r\n".encode(), "no_header", "dòng tên cột", "no header"),
        (excel_csv([]).encode(), "no_data", "không có dòng dữ liệu", "no data rows"),
    ],
)
def test_nothing_to_check_exits_2_in_the_report_language(
    content: bytes, reason: str, vi: str, en: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # the words, not the wrapping (a long temporary path)
    path = tmp_path / "plan.csv"
    path.write_bytes(content)
    with pytest.raises(NothingToCheckError) as caught:
        validate(path)
    assert caught.value.reason == reason
    for lang, words in (("vi", vi), ("en", en)):
        err = io.StringIO()
        assert main(["check", str(path), "--lang", lang], out=io.StringIO(), err=err) == 2
        assert words in err.getvalue()


def test_an_xlsx_with_a_header_and_no_rows(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["KẾ HOẠCH KHUYẾN CÔNG NĂM 2016"])
    book.active.append(HEADER)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    with pytest.raises(NothingToCheckError) as caught:
        validate(path)
    assert caught.value.reason == "no_data"


# ----------------------------------------------------------------------------- unreadable values


def test_an_unreadable_cost_is_left_out_not_computed(tmp_path: Path) -> None:
    text = excel_csv(
        [
            record("A", cost="một triệu", requested="1.000"),
            record("B", cost="3.000", requested="2.000"),
        ]
    )
    report = validate(text.encode(), assessor=None)
    rows = list(report)
    assert rows[0].cost is None  # not 1.000 + 0 = requested + counterpart
    assert rows[0].unreadable == ("cost",)
    assert "cost_derived" not in codes(rows[0])
    summary = report.summary()
    assert summary.cost == Decimal(3000)  # only B's readable cost
    assert summary.requested == Decimal(3000)  # A's 1.000 is readable and counted
    assert summary.values_left_out == 1
    assert summary.to_dict()["values_left_out"] == 1
    path = tmp_path / "plan.csv"
    path.write_bytes(text.encode())
    out = io.StringIO()
    main(["check", str(path), "--lang", "en"], out=out, err=io.StringIO())
    assert "1 unreadable amount is left out of the totals" in out.getvalue()
    out = io.StringIO()
    main(["check", str(path), "--lang", "vi"], out=out, err=io.StringIO())
    assert "1 số tiền không đọc được nên không cộng vào các tổng." in out.getvalue()
    assert "1 unreadable amount is left out" in report.to_html(lang="en")
    openpyxl = pytest.importorskip("openpyxl")
    report.to_excel(tmp_path / "report.xlsx", lang="en")
    sheet = openpyxl.load_workbook(tmp_path / "report.xlsx")["Summary"]
    assert ["Unreadable amounts left out of the totals", 1] in [
        [c.value for c in row[:2]] for row in sheet.iter_rows()
    ]


# ---------------------------------------------------------------------------- safe to open

_DANGEROUS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)"]


def _dangerous_report() -> Any:
    rows = [record(f"C{i}", title) for i, title in enumerate(_DANGEROUS)]
    rows.append(
        [
            "=1+1",
            "Tiêu đề",
            "20x6",
            "KCQG",
            "@Hà Nam",
            "vocational_training",
            "curriculum",
            "1.000",
            "1.000",
            "",
        ]
    )

    class Line:
        def __init__(self, allowed: Decimal) -> None:
            self.allowed = allowed

    class Assessment:
        status = "eligible"

        def __init__(self, proposal: Any) -> None:
            self.findings: list[Any] = []
            self.lines = [Line(Decimal(-5)) for _ in proposal.budget_lines]

    return validate(excel_csv(rows).encode(), assessor=lambda p, d: Assessment(p))


def test_csv_report_neutralises_formulas() -> None:
    text = _dangerous_report().to_csv()
    table = list(csv.reader(io.StringIO(text)))
    titles = [r[2] for r in table[1:]]
    assert titles[: len(_DANGEROUS)] == ["'" + t for t in _DANGEROUS]
    assert table[-1][1] == "'=1+1"
    allowed = table[0].index("Được hỗ trợ")  # the Vietnamese header of ``allowed``
    assert table[1][allowed] == "-5"  # a number stays a number


def test_xlsx_report_has_no_formula_cells(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "report.xlsx"
    _dangerous_report().to_excel(path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    titles = [row[2].value for row in sheet.iter_rows(min_row=2)]
    assert titles[: len(_DANGEROUS)] == ["'" + t for t in _DANGEROUS]
    allowed = [c.value for c in next(sheet.iter_rows(max_row=1))].index("Được hỗ trợ")
    first = next(sheet.iter_rows(min_row=2, max_row=2))
    assert first[allowed].value == -5
    assert first[allowed].data_type == "n"


@pytest.mark.parametrize("text", ["=1", "+1", "-x", "@x", "\tx", "\rx"])
def test_every_formula_start_is_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert neutralise("Đào tạo " + text) == "Đào tạo " + text


def test_html_report_neutralises_formulas() -> None:
    html = _dangerous_report().to_html()
    assert "<td>&#x27;=1+1</td>" in html  # the code of the invalid row
    assert "<td>&#x27;@Hà Nam</td>" in html  # a province in the summary tables
    assert "<td>=1+1</td>" not in html


# ------------------------------------------------------------------------------------- streams


def test_check_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    data = excel_csv([record("A")]).encode()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    out = io.StringIO()
    assert main(["check", "-", "--format", "json", "--input-format", "csv"], out=out) in (0, 1)
    document = json.loads(out.getvalue())
    assert document["summary"]["source"] == "<stdin>"
    assert [r["row"] for r in document["rows"]] == [2]


def test_check_reads_jsonl_from_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    good = dict(zip(HEADER, record("A"), strict=True))
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(good).encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    out = io.StringIO()
    main(["check", "-", "--format", "csv", "--input-format", "jsonl"], out=out)
    assert out.getvalue().splitlines()[1].startswith("1,A,")


def test_check_reads_a_workbook_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append(record("A"))
    path = tmp_path / "plan.xlsx"
    book.save(path)
    stdin = io.TextIOWrapper(io.BytesIO(path.read_bytes()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    out = io.StringIO()
    main(["check", "-", "--format", "csv"], out=out)  # a zip: read as a workbook
    assert out.getvalue().splitlines()[1].startswith("2,A,")


def test_xlsx_report_to_standard_output(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "plan.csv"
    path.write_text(excel_csv([record("A")]), encoding="utf-8")
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8")
    main(["check", str(path), "--format", "xlsx"], out=out)
    book = openpyxl.load_workbook(io.BytesIO(raw.getvalue()))
    assert book.worksheets[0]["B2"].value == "A"


def test_exports_write_to_an_open_stream() -> None:
    report = validate(excel_csv([record("A")]).encode(), assessor=None)
    for export in (report.to_csv, report.to_json, report.to_html):
        stream = io.StringIO()
        export(stream)
        assert "Hà Nam" in stream.getvalue()
