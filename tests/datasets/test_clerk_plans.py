"""Plans as a provincial clerk made them, read the way a clerk reads the answer: proposal codes
that look like section numbers, the ways a subtotal or total is labelled, a total written
above the rows it adds up, a note under the total, spreadsheet numbers with a formula's binary
noise, and a report asked to be written over the plan itself.  Every file is built as Excel
writes it (openpyxl; CSV as Excel's "CSV UTF-8" export)."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from khuyencong import ReportFileError
from khuyencong.cli import main
from khuyencong.datasets import validate

from .test_datasets_layout import by_row, codes, excel_csv

HEADER = [
    "STT",
    "Mã đề án",
    "Tên đề án",
    "Năm kế hoạch",
    "Nguồn kinh phí",
    "Tỉnh",
    "Hạng mục chi",
    "Tổng kinh phí",
    "Kinh phí KCQG",
]


def _line(number: str, code: str, title: str, cost: str = "10.000.000") -> list[str]:
    return [number, code, title, "2016", "KCQG", "Ninh Bình", "other", cost, "5.000.000"]


@pytest.mark.parametrize(
    "code", ["A-01", "B-02", "C.1", "D-2016-01", "I-01", "V-01", "X-05", "L-01", "H-01", "F-0"]
)
def test_a_code_like_a_section_number_is_a_proposal(code: str) -> None:
    # No STT column: the code is the first cell of the row, where a section's number would be.
    data = excel_csv(
        [HEADER[1:], _line("1", code, "Đề án một")[1:], _line("2", "QG-02", "Đề án hai")[1:]]
    )
    report = validate(data, format="csv", assessor=None)
    rows = by_row(list(report))
    assert rows[2].status != "section"
    assert rows[2].proposal_code == code
    summary = report.summary()
    assert summary.proposals == 2
    assert summary.cost == Decimal(20_000_000)


def test_codes_like_section_numbers_in_a_workbook_without_stt(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER[1:])
    for i in range(8):
        sheet.append([f"F-{i}", f"Đề án {i}", 2016, "KCQG", "Ninh Bình", "other", 10**7, 5 * 10**6])
    path = tmp_path / "ke-hoach.xlsx"
    book.save(path)
    report = validate(path, assessor=None)
    assert [r.proposal_code for r in report] == [f"F-{i}" for i in range(8)]
    assert report.summary().proposals == 8


def test_a_section_label_still_opens_a_section() -> None:
    data = excel_csv(
        [
            HEADER,
            ["", "I. KHUYẾN CÔNG QUỐC GIA", "", "", "", "", "", "", ""],
            _line("1", "QG-01", "Đề án một"),
        ]
    )
    rows = by_row(list(validate(data, format="csv", assessor=None)))
    assert rows[2].status == "section"
    assert rows[3].funding == "national"


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Cộng (I)", "subtotal"),
        ("Cộng (mục I)", "subtotal"),
        ("Cộng: I", "subtotal"),
        ("Cộng I:", "subtotal"),
        ("Cộng mục I", "subtotal"),
        ("TỔNG CỘNG TOÀN TỈNH", "total"),
        ("Tổng cộng các đề án", "total"),
        ("Cộng (I + II)", "total"),
        ("Tổng cộng kinh phí", "total"),
        ("Cộng toàn tỉnh", "total"),
        ("Tổng cộng I+II", "total"),
        ("Cộng [I]", "subtotal"),
    ],
)
def test_the_ways_a_total_is_labelled_are_totals_not_budget_lines(label: str, kind: str) -> None:
    data = excel_csv(
        [
            HEADER,
            ["I", "", "KHUYẾN CÔNG QUỐC GIA", "", "", "", "", "", ""],
            _line("1", "QG-01", "Đề án một"),
            ["", "", label, "", "", "", "", "10.000.000", "5.000.000"],
        ]
    )
    report = validate(data, format="csv", assessor=None)
    rows = by_row(list(report))
    assert rows[4].status == kind
    assert codes(rows[4]) == ["total_checked"]
    summary = report.summary()
    # One proposal of 10.000.000 đ: the label row is not a second line of it.
    assert (summary.proposals, summary.cost) == (1, Decimal(10_000_000))


def test_a_proposal_whose_title_starts_with_cong_dong_is_a_proposal() -> None:
    data = excel_csv([HEADER, _line("1", "", "Cộng đồng làng nghề gốm")])
    rows = by_row(list(validate(data, format="csv", assessor=None)))
    assert rows[2].status not in ("subtotal", "total")


@pytest.mark.parametrize(
    "note",
    [
        "Ghi chú: Kinh phí đối ứng do cơ sở tự bảo đảm",
        "Lưu ý: số liệu tạm tính",
        "Nơi nhận:",
    ],
)
def test_a_note_under_the_total_is_not_a_proposal(note: str) -> None:
    data = excel_csv(
        [
            HEADER,
            _line("1", "QG-01", "Đề án một"),
            _line("2", "QG-02", "Đề án hai"),
            ["", "", "TỔNG CỘNG", "", "", "", "", "20.000.000", "10.000.000"],
            ["", note, "", "", "", "", "", "", ""],
        ]
    )
    report = validate(data, format="csv", assessor=None)
    rows = by_row(list(report))
    assert rows[5].status == "footer"
    assert report.summary().proposals == 2


def _total_first(written: str) -> bytes:
    return excel_csv(
        [
            HEADER,
            ["", "", "TỔNG CỘNG", "", "", "", "", written, "12.000.000"],
            ["I", "", "KHUYẾN CÔNG QUỐC GIA", "", "", "", "", "", ""],
            _line("1", "QG-01", "Đề án một"),
            # the second line of the same proposal: its code only on the first
            ["", "", "", "", "", "", "other", "5.000.000", "2.000.000"],
            _line("2", "QG-02", "Đề án hai", "5.000.000"),
        ]
    )


def test_a_total_above_the_rows_it_adds_up_is_checked_at_the_end() -> None:
    report = validate(_total_first("20.000.000"), format="csv", assessor=None)
    rows = by_row(list(report))
    assert rows[2].status == "total"
    assert codes(rows[2]) == ["total_first"]
    assert rows[2].findings[0].severity == "info"
    # The rows below it are data, not a footer (a total usually ends a table).
    assert [rows[n].status for n in (4, 5, 6)] == ["valid"] * 3
    summary = report.summary()
    assert (summary.proposals, summary.cost) == (2, Decimal(20_000_000))
    checked = [n for n in summary.notes if n.code == "total_checked"]
    assert [n.row for n in checked] == [2]
    assert "các dòng 4–6" in checked[0].message("vi")


def test_a_wrong_total_above_the_rows_is_said_at_the_end() -> None:
    report = validate(_total_first("25.000.000"), format="csv", assessor=None)
    list(report)
    mismatch = [n for n in report.summary().notes if n.code == "total_mismatch"]
    assert [n.row for n in mismatch] == [2]
    assert "chênh 5.000.000 đ" in mismatch[0].message("vi")
    assert not report.summary().ok


def test_a_formulas_binary_noise_is_not_a_fraction_of_a_dong(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["KẾ HOẠCH KHUYẾN CÔNG NĂM 2016"])
    sheet.append(["Đơn vị tính: triệu đồng"])
    sheet.append(HEADER[1:])
    # What Excel stores for =0.1*7*1000 and =1.1*3: it shows 700 and 3,3.
    sheet.append(["QG-01", "Một", 2016, "KCQG", "Ninh Bình", "other", 0.1 * 7 * 1000, 3.3])
    sheet.append(["QG-02", "Hai", 2016, "KCQG", "Ninh Bình", "other", 95.5555555, 1])
    path = tmp_path / "ke-hoach.xlsx"
    book.save(path)
    assert 0.1 * 7 * 1000 != 700  # the noise is real
    assert 1.1 * 3 != 3.3
    rows = list(validate(path, assessor=None))
    assert (rows[0].cost, rows[0].requested) == (Decimal(700_000_000), Decimal(3_300_000))
    # A real fraction of a đồng is refused, said in the clerk's words.
    assert rows[1].status == "invalid"
    messages = [f.message("vi") for f in rows[1].findings]
    assert any(
        "95,5555555 triệu đồng không phải số đồng chẵn (95555555,5 đồng)" in m for m in messages
    ), messages


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx", "html", "table"])
def test_the_report_is_never_written_over_the_plan(tmp_path: Path, fmt: str) -> None:
    plan = tmp_path / "ke-hoach.csv"
    plan.write_bytes(excel_csv([HEADER, _line("1", "QG-01", "Đề án một")]))
    before = plan.read_bytes()
    err = io.StringIO()
    argv = ["check", str(plan), "-o", str(tmp_path / "." / "ke-hoach.csv"), "--format", fmt]
    assert main(argv, out=io.StringIO(), err=err) == 2
    assert "đó là chính tệp kế hoạch đang kiểm tra" in err.getvalue()
    assert plan.read_bytes() == before
    with pytest.raises(ReportFileError) as caught:
        validate(plan).to_json(plan)
    assert caught.value.reason == "is_source"
    assert plan.read_bytes() == before


def _sheet(book: openpyxl.Workbook, title: str, year: int) -> None:
    sheet = book.create_sheet(title)
    sheet.append(HEADER[1:])
    sheet.append(["QG-01", "Đề án một", year, "KCQG", "Ninh Bình", "other", 10**7, 5 * 10**6])


def test_a_workbook_with_two_plans_says_which_sheet_was_checked(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    _sheet(book, "KH 2015 (cũ)", 2015)
    _sheet(book, "KH 2016", 2016)
    book.create_sheet("Ghi chú").append(["Số liệu tạm tính"])
    path = tmp_path / "ke-hoach.xlsx"
    book.save(path)
    report = validate(path, assessor=None)
    assert [r.year for r in report] == [2015]
    chosen = [n for n in report.summary().notes if n.code == "sheet_chosen"]
    assert [n.severity for n in chosen] == ["warning"]
    assert chosen[0].message("vi") == (
        "Đã kiểm tra trang tính “KH 2015 (cũ)”, trang đầu tiên có bảng đề án; sổ còn trang tính"
        " có bảng đề án: “KH 2016” — để kiểm tra trang khác, chọn bằng --sheet"
    )
    # Chosen by name: nothing to say.
    named = validate(path, assessor=None, sheet="KH 2016")
    assert [r.year for r in named] == [2016]
    assert not [n for n in named.summary().notes if n.code == "sheet_chosen"]


def test_an_unknown_kind_of_beneficiary_is_said_in_the_clerks_words() -> None:
    header = [*HEADER, "Đơn vị thụ hưởng", "Loại hình"]
    data = excel_csv([header, [*_line("1", "QG-01", "Đề án một"), "Ông A", "Tư nhân"]])
    (row,) = validate(data, format="csv", assessor=None)
    assert row.status == "invalid"
    messages = [f.message("vi") for f in row.findings]
    assert any(
        "'Tư nhân' không phải loại hình đơn vị thụ hưởng đã biết (mã hoặc tên)" in m
        for m in messages
    ), messages
    # Written but unreadable: an error of its own, not "the file does not state it".
    assert "not_stated" not in codes(row)


def test_without_a_title_column_the_content_column_labels_sections_and_totals() -> None:
    # STT | Nội dung | …: the descriptive column is headed "Nội dung"; its cells label the rows.
    header = ["STT", "Nội dung", "Hạng mục chi", "Tổng kinh phí", "Kinh phí KCQG"]
    data = excel_csv(
        [
            header,
            ["I", "KHUYẾN CÔNG QUỐC GIA", "", "", ""],
            ["1", "Đào tạo nghề", "vocational_training", "80.000.000", "80.000.000"],
            ["", "Cộng I", "", "80.000.000", "80.000.000"],
            ["", "Tổng số", "", "80.000.000", "80.000.000"],
        ]
    )
    report = validate(data, format="csv", assessor=None)
    rows = by_row(list(report))
    assert [rows[n].status for n in (2, 4, 5)] == ["section", "subtotal", "total"]
    assert rows[3].funding == "national"  # from the section row's label
    assert codes(rows[2]) == []  # the label is not an unreadable activity content
    assert codes(rows[4]) == codes(rows[5]) == ["total_checked"]
    assert report.summary().cost == Decimal(80_000_000)


@pytest.mark.parametrize(
    "title",
    [
        "DANH MỤC ĐỀ ÁN KHUYẾN CÔNG QUỐC GIA NĂM 2016",
        "KẾ HOẠCH KHUYẾN CÔNG QUỐC GIA NĂM 2016",
    ],
)
def test_the_plan_year_of_the_title(title: str) -> None:
    data = excel_csv([[title, "", ""], [*HEADER[1:3], "Tổng kinh phí"], ["QG-01", "Một", "1.000"]])
    report = validate(data, format="csv", assessor=None)
    assert [r.year for r in report] == [2016]
    years = [n.message("vi") for n in report.summary().notes if n.code == "value_from_title"]
    assert "Năm kế hoạch 2016 lấy từ dòng tiêu đề 1" in years


def test_a_list_that_is_not_of_khuyen_cong_gives_no_year() -> None:
    data = excel_csv(
        [
            ["DANH MỤC MÁY MÓC NĂM 2016", "", ""],
            [*HEADER[1:3], "Tổng kinh phí"],
            ["QG-01", "Một", "1.000"],
        ]
    )
    assert [r.year for r in validate(data, format="csv", assessor=None)] == [None]


@pytest.mark.parametrize("written", ["Hộ KD", "HKD", "hộ kinh doanh", "HTX", "DNNVV"])
def test_the_abbreviations_of_a_kind_plans_use(written: str) -> None:
    from khuyencong.datasets.values import CONVERTERS

    expected = {"HTX": "cooperative", "DNNVV": "sme"}.get(written, "business_household")
    assert CONVERTERS["beneficiary_kind"](written) == expected


def test_sections_as_clerks_number_them() -> None:
    data = excel_csv(
        [
            HEADER,
            ["II.1", "", "Đào tạo nghề", "", "", "", "", "", ""],
            _line("1", "QG-01", "Đề án một"),
            ["II -", "", "Xây dựng mô hình trình diễn kỹ thuật", "", "", "", "", "", ""],
            _line("1", "QG-02", "Đề án hai"),
            ["B.", "", "Hỗ trợ khuyến công địa phương", "", "", "", "", "", ""],
        ]
    )
    rows = by_row(list(validate(data, format="csv", assessor=None)))
    assert [rows[n].status for n in (2, 4, 6)] == ["section"] * 3
    assert (rows[3].content, rows[5].content) == (
        "vocational_training",
        "demonstration_and_technology",
    )
    assert codes(rows[6]) == []  # "Hỗ trợ khuyến công địa phương" names the local funds


def test_without_stt_a_bare_number_in_the_code_column_is_a_section_unless_it_has_amounts() -> None:
    data = excel_csv(
        [
            HEADER[1:],
            ["I", "Xây dựng mô hình trình diễn kỹ thuật", "", "", "", "", "", ""],
            _line("", "A", "Đề án mã A")[1:],  # a proposal coded "A": its amounts
        ]
    )
    report = validate(data, format="csv", assessor=None)
    rows = by_row(list(report))
    assert rows[2].status == "section"
    assert (rows[3].proposal_code, rows[3].content) == ("A", "demonstration_and_technology")
    assert report.summary().proposals == 1


@pytest.mark.parametrize("total", [True, False])
def test_a_signature_and_the_lines_under_a_note_are_not_proposals(total: bool) -> None:
    data = excel_csv(
        [
            HEADER[1:],
            _line("", "QG-01", "Đề án một")[1:],
            *([["", "TỔNG CỘNG", "", "", "", "", "10.000.000", "5.000.000"]] if total else []),
            ["Ghi chú", "", "", "", "", "", "", ""],
            ["- Đề án QG-01 đã được Bộ thỏa thuận", "", "", "", "", "", "", ""],
            ["", "GIÁM ĐỐC", "", "", "", "", "", ""],
            ["", "Nguyễn Văn A", "", "", "", "", "", ""],
        ]
    )
    report = validate(data, format="csv", assessor=None)
    rows = list(report)
    assert [r.status for r in rows[-4:]] == ["footer"] * 4
    assert report.summary().proposals == 1


def test_the_content_column_labels_totals_beside_a_code_column() -> None:
    header = ["STT", "Mã đề án", "Nội dung", "Hạng mục chi", "Tổng kinh phí", "Kinh phí KCQG"]
    data = excel_csv(
        [
            header,
            ["1", "QG-01", "Đào tạo nghề", "vocational_training", "80.000.000", "80.000.000"],
            ["", "", "Cộng I", "", "80.000.000", "80.000.000"],
            ["", "", "TỔNG CỘNG", "", "80.000.000", "80.000.000"],
        ]
    )
    report = validate(data, format="csv", assessor=None)
    rows = by_row(list(report))
    assert [rows[n].status for n in (3, 4)] == ["subtotal", "total"]
    assert report.summary().cost == Decimal(80_000_000)


def test_a_proposal_without_amounts_under_a_note_stays_a_proposal() -> None:
    data = excel_csv(
        [
            ["Mã đề án", "Tên đề án", "Năm kế hoạch", "Hạng mục chi", "Tổng kinh phí"],
            ["QG-01", "Đề án một", "2016", "brand", "1.000.000"],
            ["Ghi chú: đề án sau chưa có kinh phí", "", "", "", ""],
            ["QG-02", "Đề án hai", "2016", "brand", ""],
        ]
    )
    rows = list(validate(data, format="csv", assessor=None))
    # (invalid: amounts and funding missing; but a proposal, said so, never a footer)
    assert [r.status for r in rows] == ["invalid", "footer", "invalid"]
    assert rows[2].proposal_code == "QG-02"
