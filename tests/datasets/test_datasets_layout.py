"""Real plan tables (issue #12): Mẫu số 2 layout, units, sections, subtotals, province layouts,
DataFrames with title rows, Excel sheets.  Every file here is built the way Excel or LibreOffice
writes it (openpyxl for XLSX with merged cells; CSV as Excel's "CSV UTF-8" export: BOM, CRLF)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from khuyencong.datasets import LayoutError, RowResult, example_path, load_layout, validate
from khuyencong.datasets.layout import unit_in_text
from khuyencong.errors import DatasetError

TITLE = [
    ["UBND TỈNH THỬ", "", "", "", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", ""],
    ["KẾ HOẠCH KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2019 (số liệu bịa để thử)"] + [""] * 8,
    ["", "", "", "", "", "", "Đơn vị tính: triệu đồng", "", ""],
]
HEADER = [
    [
        "STT",
        "Tên đề án",
        "Đơn vị thực hiện",
        "Đơn vị thụ hưởng",
        "Ghi chú",
        "Thời gian",
        "Kinh phí",
        "",
        "",
    ],
    ["", "", "", "", "", "", "Tổng số", "KCĐP", "Đối ứng"],
]
BODY = [
    ["A", "KHUYẾN CÔNG ĐỊA PHƯƠNG", "", "", "", "", "", "", ""],
    ["I", "Đào tạo nghề, truyền nghề", "", "", "", "", "", "", ""],
    [
        "1",
        "Truyền nghề gốm (thử)",
        "TT Khuyến công",
        "HTX Gốm Thử",
        "",
        "Quý II",
        "100",
        "80",
        "20",
    ],
    [
        "2",
        "Đào tạo nghề dệt (thử)",
        "TT Khuyến công",
        "HTX Dệt Thử",
        "",
        "Quý III",
        "60,25",
        "50",
        "10,25",
    ],
    ["", "Cộng mục I", "", "", "", "", "160,25", "130", "30,25"],
    ["II", "Xây dựng mô hình trình diễn kỹ thuật", "", "", "", "", "", "", ""],
    ["1", "Máy sấy (thử)", "TT Khuyến công", "Công ty Thử", "", "Quý IV", "1.000", "300", "700"],
    ["", "Cộng II", "", "", "", "", "1.000", "300", "600"],
    ["", "TỔNG CỘNG", "", "", "", "", "1.160,25", "430", "730,25"],
    ["", "", "", "", "", "", "", "", ""],
    ["", "", "", "", "", "", "GIÁM ĐỐC", "", ""],
]


def excel_csv(rows: list[list[str]]) -> bytes:
    """A CSV as Excel's "CSV UTF-8" export writes it: a BOM, CRLF line ends."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def by_row(rows: list[RowResult]) -> dict[int, RowResult]:
    return {r.row: r for r in rows}


def codes(result: RowResult) -> list[str]:
    return [f.code for f in result.findings]


def test_mau_2_plan_sections_subtotals_and_millions() -> None:
    data = excel_csv(TITLE + HEADER + BODY)
    report = validate(data, format="csv", assessor=None)
    rows = by_row(list(report))
    summary = report.summary()
    # Lines 1-3 title, 4-5 header; data lines 6..16: every one is a report row.
    assert sorted(rows) == list(range(6, 17))
    status = {n: r.status for n, r in rows.items()}
    assert status == {
        6: "section",
        7: "section",
        8: "not_assessable",
        9: "not_assessable",
        10: "subtotal",
        11: "section",
        12: "not_assessable",
        13: "subtotal",
        14: "total",
        15: "blank",
        16: "footer",
    }
    # Codes from section + STT; content from the Roman section, funding from the letter one.
    assert [rows[n].proposal_code for n in (8, 9, 12)] == ["A.I.1", "A.I.2", "A.II.1"]
    assert rows[8].content == "vocational_training"
    assert rows[12].content == "demonstration_and_technology"
    assert {rows[n].funding for n in (8, 9, 12)} == {"local"}
    assert {rows[n].year for n in (8, 9, 12)} == {2019}  # from the title row
    # Millions, exactly: 60,25 triệu = 60.250.000 đồng.
    assert rows[9].cost == Decimal("60250000")
    assert rows[9].counterpart == Decimal("10250000")
    # Subtotal I: 100 + 60,25 = 160,25 ✓; 80 + 50 = 130 ✓; 20 + 10,25 = 30,25 ✓.
    assert codes(rows[10]) == ["total_checked"]
    # Subtotal II: the counterpart is written 600 but the row says 700: a finding on that row.
    assert codes(rows[13]) == ["total_mismatch"]
    assert rows[13].findings[0].column == "Kinh phí Đối ứng"
    assert "100.000.000" in rows[13].findings[0].message_vi
    # TỔNG CỘNG: 100 + 60,25 + 1.000 = 1.160,25; 80 + 50 + 300 = 430; 20 + 10,25 + 700 = 730,25.
    assert codes(rows[14]) == ["total_checked"]
    # The summary counts the three proposals once, in đồng, without subtotals or totals.
    assert summary.proposals == 3
    assert summary.cost == Decimal("1160250000")
    assert summary.requested == Decimal("430000000")
    assert summary.rows == 11
    assert summary.rows_by_status["footer"] == 1
    # What the table does not say is a finding, never a guess.
    assert codes(rows[8]).count("not_stated") == 2  # support item, beneficiary kind
    assert rows[8].item is None
    notes = {n.code: n for n in summary.notes}
    assert "triệu đồng" in notes["amount_unit"].message_vi
    layout = notes["table_layout"].message_vi
    assert "dòng tiêu đề 1–3" in layout
    assert "dòng tên cột 4–5" in layout
    assert "dòng cuối bảng (chữ ký, ghi chú) 16" in layout
    assert not summary.ok  # a wrong subtotal and proposals that cannot be assessed
    assert not rows[13].ok
    assert rows[10].ok
    assert rows[6].ok


def test_mau_2_as_xlsx_with_merged_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in TITLE + HEADER + BODY:
        sheet.append([_number(c) for c in row])
    sheet.merge_cells("G4:I4")  # "Kinh phí" over "Tổng số | KCĐP | Đối ứng"
    for column in "ABCDEF":
        sheet.merge_cells(f"{column}4:{column}5")
    path = tmp_path / "ke-hoach.xlsx"
    book.save(path)
    report = validate(path, assessor=None)
    rows = by_row(list(report))
    summary = report.summary()
    assert rows[9].cost == Decimal("60250000")  # 60.25 (a float cell) triệu đồng
    assert codes(rows[13]) == ["total_mismatch"]
    assert summary.cost == Decimal("1160250000")
    assert summary.proposals == 3


def _number(cell: str) -> object:
    """What Excel stores: Vietnamese numbers typed in a cell become numbers."""
    text = cell.replace(".", "").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return cell or None
    return int(value) if value.is_integer() and "," not in cell else value


@pytest.mark.parametrize(
    ("header", "factor"),
    [
        ("Tổng kinh phí (triệu đồng)", 10**6),
        ("Tổng kinh phí (nghìn đồng)", 10**3),
        ("Tổng kinh phí (đồng)", 1),
        ("Tổng kinh phí (tr.đ)", 10**6),
        ("Tổng kinh phí, Tr.đ", 10**6),
        ("Tổng kinh phí (ĐVT: 1.000 đồng)", 10**3),
    ],
)
def test_unit_from_header(header: str, factor: int) -> None:
    data = excel_csv(
        [
            ["Mã đề án", "Tên đề án", "Năm kế hoạch", "Nguồn kinh phí", "Hạng mục chi", header],
            ["A", "T", "2016", "KCQG", "other", "12"],
        ]
    )
    (row,) = list(validate(data, format="csv", assessor=None))
    assert row.cost == Decimal(12 * factor)


def test_amount_not_whole_dong_after_scaling_is_a_finding() -> None:
    data = excel_csv(
        [
            [
                "Mã đề án",
                "Tên đề án",
                "Năm kế hoạch",
                "Nguồn kinh phí",
                "Hạng mục chi",
                "Tổng kinh phí (nghìn đồng)",
            ],
            ["A", "T", "2016", "KCQG", "other", "1,2345"],  # 1.234,5 đồng: not whole
        ]
    )
    (row,) = list(validate(data, format="csv", assessor=None))
    assert row.status == "invalid"
    assert row.cost is None
    assert "bad_value" in codes(row)


def test_unit_words() -> None:
    assert unit_in_text("Đơn vị tính: Triệu đồng") is not None
    assert unit_in_text("Kinh phí") is None


def test_section_and_total_rows_in_a_tidy_table_are_not_budget_lines() -> None:
    data = excel_csv(
        [
            [
                "Mã đề án",
                "Tên đề án",
                "Năm kế hoạch",
                "Nguồn kinh phí",
                "Hạng mục chi",
                "Tổng kinh phí",
                "Kinh phí KCQG",
            ],
            ["I. KHUYẾN CÔNG QUỐC GIA", "", "", "", "", "", ""],
            ["QG-1", "Đề án 1", "2016", "KCQG", "conference", "10.000.000", "10.000.000"],
            ["", "Cộng mục I", "", "", "", "10.000.000", "10.000.000"],
            ["", "TỔNG CỘNG", "", "", "", "10.000.000", "10.000.000"],
        ]
    )
    report = validate(data, format="csv", assessor=None)
    rows = list(report)
    assert [r.status for r in rows] == ["section", "valid", "subtotal", "total"]
    assert rows[0].funding == "national"
    assert report.summary().cost == Decimal(10_000_000)  # counted once, not three times


def test_layout_file_describes_a_province_once(tmp_path: Path) -> None:
    layout = tmp_path / "tinh.toml"
    layout.write_text(
        '[layout]\nunit = "triệu đồng"\nheader_rows = 1\nsections = "content"\n'
        'plan_year = 2020\nfunding = "KCĐP"\n\n[columns]\n"Tên nhiệm vụ" = "title"\n'
        '"Ngân sách tỉnh" = "local_amount"\n"Vốn dân" = "counterpart"\n"Loại chi" = "item"\n',
        encoding="utf-8",
    )
    data = excel_csv(
        [
            ["STT", "Tên nhiệm vụ", "Loại chi", "Ngân sách tỉnh", "Vốn dân"],
            ["I", "Tư vấn", "", "", ""],
            ["1", "Tư vấn lập dự án (thử)", "Thuê tư vấn", "40", "10"],
        ]
    )
    report = validate(data, format="csv", layout=layout, assessor=None)
    rows = list(report)
    assert [r.status for r in rows] == ["section", "valid"]
    assert rows[1].proposal_code == "I.1"
    assert rows[1].content == "consulting"
    assert rows[1].year == 2020
    assert rows[1].requested == Decimal(40_000_000)
    assert rows[1].counterpart == Decimal(10_000_000)
    assert rows[1].cost == Decimal(50_000_000)  # derived: 40 + 10 triệu, with a note


def test_layout_file_errors_name_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[layout]\nunit = "lạng"\n', encoding="utf-8")
    with pytest.raises(LayoutError, match=r"bad\.toml: layout\.unit: 'lạng' is not a unit"):
        load_layout(bad)
    bad.write_text('[columns]\n"Tiền" = "money"\n', encoding="utf-8")
    with pytest.raises(LayoutError, match=r"bad\.toml: columns\.'Tiền': 'money' is not a field"):
        load_layout(bad)
    bad.write_text("[layout]\nheader = 2\n", encoding="utf-8")
    with pytest.raises(LayoutError, match=r"layout\.header: unknown key"):
        load_layout(bad)
    bad.write_text("[layout\n", encoding="utf-8")
    with pytest.raises(LayoutError, match="not valid TOML"):
        load_layout(bad)
    with pytest.raises(LayoutError, match="cannot open the layout"):
        load_layout(tmp_path / "missing.toml")


def test_dataframe_read_with_title_rows_finds_its_header() -> None:
    data = excel_csv(TITLE + HEADER + BODY)
    frame = pd.read_csv(io.BytesIO(data), header=None, dtype=str, encoding="utf-8-sig")
    report = validate(frame, assessor=None)
    rows = list(report)
    # 0-based positions: the data starts at position 5 (line 6 of the file).
    assert rows[0].row == 5
    assert rows[0].status == "section"
    assert report.summary().cost == Decimal("1160250000")
    # The default read (first line as labels, "Unnamed: n" for the empty cells): the same.
    frame = pd.read_csv(io.BytesIO(data), dtype=str, encoding="utf-8-sig")
    assert validate(frame, assessor=None).summary().cost == Decimal("1160250000")


def test_dataframe_with_multiindex_labels() -> None:
    columns = pd.MultiIndex.from_tuples(
        [
            ("Mã đề án", ""),
            ("Tên đề án", ""),
            ("Năm kế hoạch", ""),
            ("Hạng mục chi", ""),
            ("Kinh phí", "Tổng số"),
            ("Kinh phí", "KCQG"),
        ]
    )
    frame = pd.DataFrame([["A", "T", 2016, "conference", 5_000_000, 5_000_000]], columns=columns)
    (row,) = list(validate(frame, assessor=None))
    assert row.status == "valid"
    assert row.cost == Decimal(5_000_000)
    assert row.funding == "national"


def test_dataframe_without_any_header_is_one_clear_finding() -> None:
    frame = pd.DataFrame([[1, 2], [3, 4]])
    report = validate(frame, assessor=None)
    assert len(list(report)) == 2  # no row taken for a header
    notes = [n.code for n in report.summary().notes]
    assert notes.count("dataframe_header") == 1


def test_xlsx_hidden_sheet_is_skipped_and_names_are_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    hidden = book.active
    assert hidden is not None
    hidden.title = "Tra cứu"
    hidden.append(["Mã đề án", "Tên đề án"])
    hidden.append(["X", "ẩn"])
    hidden.sheet_state = "hidden"
    notes = book.create_sheet("Ghi chú")
    notes.append(["Bảng này chỉ có ghi chú"])
    plan = book.create_sheet("Kế hoạch")
    plan.append(["Mã đề án", "Tên đề án", "Năm kế hoạch", "Nguồn kinh phí", "Hạng mục chi"])
    plan.append(["A", "T", 2016, "KCQG", "conference"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    report = validate(path, assessor=None)
    assert [r.proposal_code for r in report] == ["A"]
    assert "Kế hoạch" in report.summary().source
    with pytest.raises(DatasetError, match=r"'Tra cứu' \(ẩn, hidden\), 'Ghi chú', 'Kế hoạch'"):
        validate(path, sheet="Không có", assessor=None)
    del book["Kế hoạch"]
    book.save(path)
    with pytest.raises(
        DatasetError, match=r"no visible sheet .*'Tra cứu' \(ẩn, hidden\), 'Ghi chú'"
    ):
        validate(path, assessor=None)


def test_xls_has_its_own_message(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    with pytest.raises(DatasetError, match=r"\.xls.*not supported.*save it as \.xlsx"):
        validate(path)
    with pytest.raises(DatasetError, match="not supported"):
        validate(path.read_bytes())


def test_labels_and_short_forms_for_codes() -> None:
    data = excel_csv(
        [
            [
                "Mã đề án",
                "Tên đề án",
                "Năm kế hoạch",
                "Nguồn kinh phí",
                "Nội dung",
                "Hạng mục chi",
                "Tổng kinh phí",
                "Kinh phí khuyến công",
            ],
            ["A", "T", "2016", "KCQG", "Đào tạo nghề", "conference", "10.000.000", "5.000.000"],
        ]
    )
    (row,) = list(validate(data, format="csv", assessor=None))
    assert row.content == "vocational_training"
    assert row.funding == "national"


def test_the_embedded_mau_2_example() -> None:
    report = validate(example_path("mau-2"), assessor=None)
    rows = by_row(list(report))
    summary = report.summary()
    # The example's "Cộng II" is written 2.000 where its rows add up to 1.400 + 700 = 2.100.
    assert codes(rows[16]) == ["total_mismatch"]
    # Proposals: 150 + 82,5 + 1.400 + 700 + 30 = 2.362,5 triệu đồng.
    assert summary.cost == Decimal("2362500000")
    assert summary.proposals == 5


def test_cli_check_mau_2_example_and_layout(tmp_path: Path) -> None:
    from khuyencong.cli import main

    out, err = io.StringIO(), io.StringIO()
    assert main(["check", "--example", "mau-2", "--lang", "en"], out=out, err=err) == 1
    assert "The total is wrong" in out.getvalue()
    layout = tmp_path / "tinh.toml"
    layout.write_text('[layout]\nunit = "lạng"\n', encoding="utf-8")
    source = tmp_path / "plan.csv"
    source.write_bytes(excel_csv(TITLE + HEADER + BODY))
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(source), "--layout", str(layout)], out=out, err=err)
    assert code == 2
    assert "layout.unit" in err.getvalue()


def test_a_total_over_an_unreadable_amount_names_its_row_or_rows() -> None:
    # Line 12, the one proposal of section II, has a cost no one can read ("1.0x0"): the subtotal
    # of section II (line 13) totals that row alone; the grand total (line 14) totals lines 8–12.
    body = [list(row) for row in BODY]
    body[6][6] = "1.0x0"
    rows = by_row(list(validate(excel_csv(TITLE + HEADER + body), format="csv", assessor=None)))
    (section,) = [f for f in rows[13].findings if f.code == "total_unchecked"]
    assert section.message_vi == (
        "Không kiểm tra được dòng cộng: có số tiền không đọc được ở dòng 12"
    )
    assert section.message_en == "The total cannot be checked: an amount in row 12 cannot be read"
    (table,) = [f for f in rows[14].findings if f.code == "total_unchecked"]
    assert table.message_vi == (
        "Không kiểm tra được dòng cộng: có số tiền không đọc được ở các dòng 8–12"
    )
    assert table.message_en == (
        "The total cannot be checked: an amount in rows 8–12 cannot be read"
    )
    # the subtotal of section I (lines 8–9) still checks out, in words for both languages
    (checked,) = rows[10].findings
    assert checked.message_vi == "Khớp với tổng các dòng (mục I, các dòng 8–9)"
    assert checked.message_en == "Matches the sum of the rows it totals (section I, rows 8–9)"


def test_the_funding_source_read_from_the_title_is_named_by_its_label() -> None:
    # Title row 2: "KẾ HOẠCH KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2019": local khuyến công funds
    # (Khoản 2 Điều 11 NĐ 45/2012/NĐ-CP), named in words, not by the code "local".
    summary = validate(excel_csv(TITLE + HEADER + BODY), format="csv", assessor=None).summary()
    notes = [n for n in summary.notes if n.code == "value_from_title"]
    assert "Nguồn kinh phí: Kinh phí khuyến công địa phương, lấy từ dòng tiêu đề 2" in [
        n.message_vi for n in notes
    ]
    assert "Funding source: Local khuyến công funds, from title row 2" in [
        n.message_en for n in notes
    ]
