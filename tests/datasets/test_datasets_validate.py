"""Reading and validating datasets (khuyencong.datasets)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from khuyencong import Proposal
from khuyencong.datasets import (
    ColumnMapping,
    RowResult,
    example_path,
    fold,
    validate,
)
from khuyencong.errors import DatasetError, NothingToCheckError

from .files import HEADER, cp1258


def line(code: str, item: str, cost: str, requested: str, counterpart: str = "") -> list[str]:
    return [
        code,
        f"Đề án {code}",
        "2016",
        "KCQG",
        "Hà Nam",
        "vocational_training",
        item,
        cost,
        requested,
        counterpart,
    ]


def csv_bytes(rows: list[list[str]], header: list[str] = HEADER, encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    if encoding == "cp1258":
        return cp1258(buffer.getvalue())
    return buffer.getvalue().encode(encoding)


def results(source: Any, **kwargs: Any) -> list[RowResult]:
    return list(validate(source, assessor=None, **kwargs))


def test_fold_handles_d_and_diacritics() -> None:
    assert fold("Kinh phí KCĐP") == fold("kinh phi kcdp") == "kinhphikcdp"
    assert fold("  TỈNH / Thành-phố ") == "tinhthanhpho"


def test_column_mapping_overrides() -> None:
    mapping = ColumnMapping({"Tiền xin": "requested", "Tên đề án": "line_description"})
    assert mapping.field_for("tien xin") == "requested"
    assert mapping.field_for("TÊN ĐỀ ÁN") == "line_description"
    with pytest.raises(DatasetError, match="not a field"):
        ColumnMapping({"x": "nonsense"})


def test_example_dataset() -> None:
    report = validate(example_path(), assessor=None)
    rows = list(report)
    summary = report.summary()
    assert summary.rows == len(rows) == 14
    assert summary.proposals == 13
    invalid = {r.proposal_code for r in rows if r.status == "invalid"}
    assert invalid == {
        "DP-2017-011",  # bad amount "1,500"
        "QG-2017-012",  # requested > cost
        "DP-2018-013",  # 31/02/2018
    }
    codes = {f.code for r in rows for f in r.findings}
    assert {"bad_value", "invalid"} <= codes
    assert not summary.ok
    assert [n.code for n in summary.notes] == ["not_assessed", "preamble_row"]


def test_budget_lines_group_into_one_proposal() -> None:
    data = csv_bytes(
        [
            line("A", "vocational_training", "100.000.000", "80 triệu", "20.000.000"),
            line("A", "curriculum", "10.000.000", "10.000.000"),
            line("B", "conference", "5.000.000", "5.000.000"),
        ]
    )
    rows = results(data)
    assert [r.status for r in rows] == ["valid"] * 3
    assert [r.first_of_proposal for r in rows] == [True, False, True]
    assert rows[0].requested == Decimal(80_000_000)


def test_empty_code_continues_the_proposal_above() -> None:
    cont = ["", "", "", "", "", "", "curriculum", "10.000.000", "10.000.000", ""]
    rows = results(csv_bytes([line("A", "vocational_training", "1.000", "1.000"), cont]))
    assert [r.proposal_code for r in rows] == ["A", "A"]
    assert all(r.status == "valid" for r in rows)


def test_non_consecutive_code_is_reported_not_merged() -> None:
    data = csv_bytes(
        [
            line("A", "curriculum", "1.000", "1.000"),
            line("B", "curriculum", "1.000", "1.000"),
            line("A", "conference", "1.000", "1.000"),
        ]
    )
    rows = results(data)
    assert len(rows) == 3
    assert rows[2].status == "invalid"
    assert rows[2].findings[0].code == "code_not_consecutive"
    grouped = results(data, grouping="all")
    assert sorted(r.row for r in grouped) == [2, 3, 4]
    assert all(r.status == "valid" for r in grouped)


def test_conflicting_proposal_values_are_warned() -> None:
    second = line("A", "conference", "1.000", "1.000")
    second[1] = "Một tên khác"
    rows = results(csv_bytes([line("A", "curriculum", "1.000", "1.000"), second]))
    assert rows[1].findings[0].code == "conflicting_value"
    assert rows[1].findings[0].column == "Tên đề án"


def test_funding_inferred_from_amount_columns() -> None:
    header = ["Mã đề án", "Tên đề án", "Năm kế hoạch", "Hạng mục chi", "Kinh phí KCĐP", "Đối ứng"]
    rows = results(csv_bytes([["X", "T", "2018", "brand", "50 triệu", "50 triệu"]], header))
    assert rows[0].status == "valid"
    assert rows[0].funding == "local"
    assert rows[0].cost == Decimal(100_000_000)
    assert [f.code for f in rows[0].findings] == ["cost_derived"]


def test_amount_in_the_wrong_funding_column() -> None:
    header = [*HEADER, "Kinh phí KCĐP"]
    row = [*line("A", "curriculum", "2.000", "1.000"), "1.000"]
    rows = results(csv_bytes([row], header))
    assert rows[0].status == "invalid"
    assert rows[0].findings[0].code == "amount_mismatch"


def test_missing_columns_are_reported() -> None:
    report = validate(csv_bytes([["x", "y"]], ["Mã đề án", "Ghi chú"]), assessor=None)
    rows = list(report)
    assert len(rows) == 1
    assert rows[0].status == "invalid"
    codes = [n.code for n in report.summary().notes]
    assert "missing_column" in codes
    assert "unknown_column" in codes


@pytest.mark.parametrize("data", [b"", b"\n\n", "\ufeff".encode(), b" , ,\r\n"])
def test_empty_files_are_refused(data: bytes) -> None:
    with pytest.raises(NothingToCheckError) as caught:
        validate(data, assessor=None)
    assert caught.value.reason == "empty"
    assert "trống" in caught.value.message("vi")
    assert "empty" in caught.value.message("en")


def test_header_only_file_is_refused() -> None:
    with pytest.raises(NothingToCheckError) as caught:
        validate(csv_bytes([]) + b",,,\r\n", assessor=None)
    assert caught.value.reason == "no_data"


def test_file_without_a_known_header_is_refused() -> None:
    with pytest.raises(NothingToCheckError) as caught:
        validate(csv_bytes([["x"]], ["Ghi chú"]), assessor=None)
    assert caught.value.reason == "no_header"
    assert isinstance(caught.value, DatasetError)


def test_cp1258_and_bom_files() -> None:
    rows_data = [line("A", "Hội nghị, hội thảo, tập huấn, diễn đàn", "1.000", "1.000")]
    cp = csv_bytes(rows_data, encoding="cp1258")
    report = validate(cp, assessor=None)
    rows = list(report)
    assert rows[0].status == "valid", rows[0].findings
    assert rows[0].province == "Hà Nam"
    assert [n.code for n in report.summary().notes][-1] == "decoded_as_cp1258"
    bom = csv_bytes(rows_data, encoding="utf-8-sig")
    assert results(bom)[0].status == "valid"


def test_undecodable_bytes_are_a_finding() -> None:
    data = csv_bytes([line("A", "curriculum", "1.000", "1.000")]) + b"B,\x81\x8d\x8f\x90\xff,2016\n"
    report = validate(data, assessor=None)
    rows = list(report)
    assert len(rows) == 2
    assert any(f.code == "undecodable_bytes" for f in rows[1].findings)


def test_semicolon_delimited() -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADER)
    writer.writerow(line("A", "curriculum", "1,5 triệu", "1,5 triệu"))
    rows = results(buffer.getvalue().encode())
    assert rows[0].status == "valid"
    assert rows[0].cost == Decimal(1_500_000)


def test_more_distinct_cells_than_a_column_remembers() -> None:
    # The pipeline remembers what each distinct CSV text of a column reads as, up to a bound;
    # past it (twice here) every row still gets its own value, and an unreadable value repeated
    # across the whole file gets its own finding on each row.
    from khuyencong.datasets.pipeline import _SEEN_MAX

    count = 2 * _SEEN_MAX + 100
    rows = []
    for i in range(count):
        amount = "không rõ" if i % 1000 == 7 else f"{(i + 1) * 1000:,}".replace(",", ".")
        rows.append(line(f"P{i}", "curriculum", amount, amount, " 5.000 " if i % 2 else "5.000"))
    out = results(csv_bytes(rows))
    assert len(out) == count
    for i, result in enumerate(out):
        assert result.row == i + 2
        assert result.proposal_code == f"P{i}"
        if i % 1000 == 7:
            assert result.status == "invalid"
            bad = [f for f in result.findings if f.code == "bad_value"]
            assert [(f.row, f.column) for f in bad] == [
                (i + 2, "Tổng kinh phí"),
                (i + 2, "Kinh phí KCQG"),
            ]
        else:
            assert result.status == "valid", result.findings
            assert result.cost == result.requested == Decimal((i + 1) * 1000)
            assert result.counterpart == Decimal(5000)


def test_xlsx_merged_header_formulas_and_errors(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["KẾ HOẠCH KHUYẾN CÔNG NĂM 2016 (minh họa)"])
    sheet.merge_cells("A1:H1")
    sheet.append(
        [
            "Mã đề án",
            "Tên đề án",
            "Năm kế hoạch",
            "Nguồn kinh phí",
            "Hạng mục chi",
            "Kinh phí",
            None,
            None,
        ]
    )
    sheet.append([None, None, None, None, None, "Tổng", "KCQG", "Đối ứng"])
    for cell in ("A", "B", "C", "D", "E"):
        sheet.merge_cells(f"{cell}2:{cell}3")
    sheet.merge_cells("F2:H2")
    sheet.append(
        ["A", "Đề án A", 2016, "KCQG", "curriculum", 1_500_000_000, 1_000_000_000, "=F4-G4"]
    )
    sheet.append(["B", "Đề án B", 2016.0, "KCQG", "conference", 2_000_000, 2_000_000, 0])
    sheet.append(["C", "Đề án C", 2016, "KCQG", "conference", "#REF!", 1_000, 0])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    report = validate(path, assessor=None)
    rows = list(report)
    assert [r.row for r in rows] == [4, 5, 6]
    assert rows[0].cost == Decimal(1_500_000_000)
    assert rows[0].requested == Decimal(1_000_000_000)
    assert [f.code for f in rows[0].findings] == ["formula_without_value"]
    assert rows[1].status == "valid"
    assert rows[2].findings[0].code == "excel_error_value"
    assert [n.code for n in report.summary().notes if n.code == "preamble_row"] == ["preamble_row"]


def test_broken_xlsx_is_a_dataset_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DatasetError):
        validate(path)


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="format"):
        validate(tmp_path / "plan.doc")
    with pytest.raises(DatasetError, match="no such file"):
        validate(tmp_path / "plan.csv")


def test_jsonl_flat_rows_and_whole_proposals(tmp_path: Path) -> None:
    proposal = Proposal.model_validate(
        {
            "code": "P",
            "title": "Đề án P",
            "plan_year": 2016,
            "funding": {"kind": "national"},
            "budget_lines": [{"item": "curriculum", "cost": "100", "requested": "100"}],
        }
    )
    lines = [
        json.dumps(dict(zip(HEADER, line("A", "curriculum", "1.000", "1.000"), strict=True))),
        proposal.model_dump_json(),
        "not json",
        "",
        "[1, 2]",
        json.dumps({"Mã đề án": "B", "Tổng kinh phí": 1.5}),
    ]
    path = tmp_path / "plan.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = results(path)
    assert [r.status for r in rows] == ["valid", "valid", "invalid", "blank", "invalid", "invalid"]
    assert rows[1].proposal_code == "P"
    assert rows[1].cost == Decimal(100)


def test_dataframe_and_records() -> None:
    import pandas as pd

    frame = pd.DataFrame(
        [line("A", "curriculum", "1.000", "1.000"), line("B", "conference", "2.000", "2.000")],
        columns=HEADER,
    )
    frame["Năm kế hoạch"] = [2016, 2017]
    frame.loc[1, "Đối ứng"] = float("nan")
    rows = results(frame)
    assert [r.row for r in rows] == [0, 1]
    assert [r.status for r in rows] == ["valid", "valid"]
    records = [dict(zip(HEADER, line("A", "curriculum", "1.000", "1.000"), strict=True))]
    assert results(records)[0].status == "valid"
    assert results(iter(records))[0].status == "valid"


def test_one_shot_iterator_cannot_be_read_twice() -> None:
    records = [dict(zip(HEADER, line("A", "curriculum", "1.000", "1.000"), strict=True))]
    report = validate(iter(records), assessor=None)
    list(report)
    with pytest.raises(DatasetError):
        list(report)


def test_plugged_in_assessor() -> None:
    class Line:
        def __init__(self, allowed: Decimal) -> None:
            self.allowed = allowed

    class Finding:
        code = "cap_applied"
        severity = "info"
        citation = "Điểm b khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT"

        def message(self, lang: str) -> str:
            return "áp trần" if lang == "vi" else "cap applied"

    class Assessment:
        status = "eligible"

        def __init__(self, proposal: Proposal) -> None:
            self.lines = [Line(b.requested // 2) for b in proposal.budget_lines]
            self.findings = [Finding()]

    seen: list[date] = []

    def assessor(proposal: Proposal, as_of: date) -> Assessment:
        seen.append(as_of)
        return Assessment(proposal)

    data = csv_bytes(
        [line("A", "curriculum", "1.000", "1.000"), line("A", "conference", "10", "10")]
    )
    report = validate(data, assessor=assessor)
    rows = list(report)
    assert [r.allowed for r in rows] == [Decimal(500), Decimal(5)]
    assert rows[0].status == "eligible"
    assert seen == [date(2016, 1, 1)]
    summary = report.summary()
    assert summary.allowed == Decimal(505)
    assert summary.ok
    assert rows[0].findings[0].citation("vi") == Finding.citation
    assert rows[0].findings[0].citation("en") == Finding.citation


def test_exports_keep_amounts_exact(tmp_path: Path) -> None:
    big = "987.654.321.987.654.321"
    data = csv_bytes([line("A", "cluster_infrastructure", big, "1.234.567.891.234")])
    report = validate(data, assessor=None)
    text = report.to_csv()
    assert "987654321987654321" in text
    document = json.loads(report.to_json())
    assert document["rows"][0]["cost"] == "987654321987654321"
    assert document["summary"]["cost"] == "987654321987654321"
    frame = report.to_pandas()
    assert frame.loc[0, "cost"] == Decimal("987654321987654321")
    report.to_excel(tmp_path / "out.xlsx")
    html = report.to_html(tmp_path / "out.html")
    assert "<svg" in html
    assert "<script" not in html
    assert "987.654.321.987.654.321 đ" in html
    assert "<svg" in report._repr_html_()
    csv_path = tmp_path / "out.csv"
    report.to_csv(csv_path)
    assert csv_path.read_text(encoding="utf-8-sig").startswith("Dòng,Mã đề án,")


def test_report_headers_and_words_per_language(tmp_path: Path) -> None:
    """Vietnamese CSV/XLSX: Vietnamese headers, statuses and severities as words, the codes kept
    in ``status_code``/``severity_code``; English: the stable identifiers as before."""
    from openpyxl import load_workbook

    from khuyencong.datasets import example_path, validate

    report = validate(example_path())
    vi = list(csv.DictReader(io.StringIO(report.to_csv(lang="vi"))))
    en = list(csv.DictReader(io.StringIO(report.to_csv(lang="en"))))
    assert len(vi) == len(en) == 14
    invalid = next(r for r in vi if r["Mã đề án"] == "DP-2017-011")
    # "1,500" in the Kinh phí KCĐP column cannot be read: the row is invalid, an error.
    assert (invalid["Trạng thái"], invalid["status_code"]) == ("không hợp lệ", "invalid")
    assert (invalid["Mức độ"], invalid["severity_code"]) == ("lỗi", "error")
    assert invalid["Phát hiện"].startswith("lỗi:")
    same = next(r for r in en if r["proposal_code"] == "DP-2017-011")
    assert (same["status"], same["severity"]) == ("invalid", "error")
    assert "status_code" not in same
    path = tmp_path / "r.xlsx"
    report.to_excel(path, lang="vi")
    book = load_workbook(path)
    assert book.sheetnames == ["Kết quả", "Tổng hợp", "Ghi chú"]
    assert [c.value for c in book["Tổng hợp"][1]][1:3] == ["Số đề án", "Số dòng"]
    report.to_excel(path, lang="en")
    assert load_workbook(path).sheetnames == ["Rows", "Summary", "Notes"]
