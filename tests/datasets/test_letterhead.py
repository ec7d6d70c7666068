"""A Mẫu số 2 plan's letterhead names its province; an empty item cell is not stated (issue 17)."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from khuyencong.datasets import validate
from khuyencong.datasets.layout import layout_from_mapping

PLAN = [
    ["UBND TỈNH NAM ĐỊNH", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", ""],
    ["SỞ CÔNG THƯƠNG", "", "", "Độc lập - Tự do - Hạnh phúc", "", ""],
    ["KẾ HOẠCH KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2018", "", "", "", "", ""],
    ["STT", "Tên đề án", "Hạng mục chi", "Tổng kinh phí", "KCĐP", "Đối ứng"],
    ["I", "Đào tạo nghề", "", "", "", ""],
    ["1", "Truyền nghề đan lát", "", "150.000.000", "120.000.000", "30.000.000"],
    ["2", "Đào tạo nghề mộc", "vocational_training", "82.500.000", "70.000.000", "12.500.000"],
]


def _csv(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "ke-hoach.csv"
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _xlsx(tmp_path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append([cell or None for cell in row])
    path = tmp_path / "ke-hoach.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("write", [_csv, _xlsx])
def test_the_province_is_read_from_the_letterhead_with_a_note(
    tmp_path: Path, write: object
) -> None:
    report = validate(write(tmp_path, PLAN))  # type: ignore[operator]
    rows = {r.row: r for r in report}
    assert rows[6].province == rows[7].province == "Nam Định"
    summary = report.summary()
    assert [r.key for r in summary.tables["province"]] == ["Nam Định"]
    notes = [n for n in summary.notes if n.code == "value_from_title"]
    assert "Tỉnh/thành phố “Nam Định” lấy từ tiêu đề văn bản (dòng 1)" in [
        n.message("vi") for n in notes
    ]
    assert "Province “Nam Định” read from the letterhead (title row 1)" in [
        n.message("en") for n in notes
    ]


def test_an_empty_item_cell_is_not_stated_like_a_missing_column(tmp_path: Path) -> None:
    rows = {r.row: r for r in validate(_csv(tmp_path, PLAN))}
    line = rows[6]  # "Hạng mục chi" is a column, its cell on row 6 is empty
    assert line.status == "not_assessable"
    assert [f.code for f in line.findings] == ["not_stated"]
    assert line.item is None  # the placeholder given to validation is not shown
    assert line.cost == Decimal(150_000_000)
    assert rows[7].item == "vocational_training"
    assert rows[7].status != "invalid"


@pytest.mark.parametrize(
    ("letterhead", "province"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "Bà Rịa - Vũng Tàu"),
        ("UBND THÀNH PHỐ HÀ NỘI", "Hà Nội"),
        ("SỞ CÔNG THƯƠNG TỈNH THÁI NGUYÊN", "Thái Nguyên"),
        # A city of a province is not a province: its name is not read as one.
        ("UBND THÀNH PHỐ THÁI NGUYÊN", None),
        ("UBND HUYỆN PHÚ LƯƠNG", None),
    ],
)
def test_letterheads(tmp_path: Path, letterhead: str, province: str | None) -> None:
    plan = [[letterhead, "", "", "", "", ""], *PLAN[2:]]
    lines = [r for r in validate(_csv(tmp_path, plan)) if r.first_of_proposal]
    assert len(lines) == 2
    assert {r.province for r in lines} == {province}


def test_two_provinces_in_the_letterhead_are_not_guessed_between(tmp_path: Path) -> None:
    plan = [
        ["UBND TỈNH NAM ĐỊNH", "", "", "", "", ""],
        ["SỞ CÔNG THƯƠNG TỈNH HÀ NAM", "", "", "", "", ""],
        *PLAN[2:],
    ]
    report = validate(_csv(tmp_path, plan))
    assert {r.province for r in report if r.status != "section"} == {None}
    assert any("Nam Định, Hà Nam" in n.message("vi") for n in report.summary().notes)


def test_a_province_column_or_the_layout_wins_over_the_letterhead(tmp_path: Path) -> None:
    plan = [
        [*row[:2], "Tỉnh/Thành phố" if i == 3 else "Hà Nam", *row[2:]] for i, row in enumerate(PLAN)
    ]
    rows = {r.row: r for r in validate(_csv(tmp_path, plan))}
    assert rows[6].province == "Hà Nam"
    layout = layout_from_mapping({"layout": {"province": "Ninh Bình"}})
    rows = {r.row: r for r in validate(_csv(tmp_path, PLAN), layout=layout)}
    assert rows[6].province == "Ninh Bình"


def test_the_clerk_reads_the_province_in_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from khuyencong.cli import main

    monkeypatch.setenv("COLUMNS", "100")
    out = io.StringIO()
    main(["check", str(_xlsx(tmp_path, PLAN))], out=out, err=io.StringIO())
    text = out.getvalue()
    assert "(không rõ)" not in text
    assert any(line.startswith("Nam Định") for line in text.splitlines())
