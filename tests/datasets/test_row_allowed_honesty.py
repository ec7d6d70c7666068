"""A row of a not_assessable proposal (issue 17): its line's computed support is not shown as if
known.  The row reports say what the summary's totals count — ``allowed`` is not known (empty,
``null``, "—") — and give the computed amount beside it as ``allowed_if_eligible`` ("Được hỗ trợ
nếu đủ điều kiện"), the amount that holds only if the proposal turns out eligible."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from khuyencong.datasets import COLUMNS, validate

HEADER = (
    "Mã đề án,Tên đề án,Năm kế hoạch,Nguồn kinh phí,Tỉnh/Thành phố,Huyện,Xã,Nội dung,"
    "Đơn vị thụ hưởng,Loại hình,Quy mô,Ngành nghề,Cam kết đối ứng,Cam kết không trùng nguồn NSNN,"
    "Ngày bắt đầu,Ngày kết thúc,Hạng mục chi,Tổng kinh phí,Kinh phí KCQG,Đối ứng"
)
ELIGIBLE = (
    "QG-A,Thương hiệu nước mắm,2016,KCQG,Hải Phòng,Huyện Cát Hải,Thị trấn Cát Bà,"
    "typical_products_and_promotion,HTX A,Hợp tác xã,,Chế biến nông - lâm - thủy sản,có,có,"
    "01/04/2016,31/12/2016,brand,80.000.000,50.000.000,30.000.000"
)
# Gia Lâm / Bát Tràng of Hà Nội with no kind given: whether the place is rural cannot be told,
# so the proposal is not_assessable (the finding place_incomplete, severity undetermined).
NOT_ASSESSABLE = (
    "QG-B,Thương hiệu gốm,2017,KCQG,Hà Nội,Gia Lâm,Bát Tràng,typical_products_and_promotion,"
    "Công ty B,Doanh nghiệp nhỏ và vừa,vừa,handicraft,có,có,01/04/2017,31/12/2017,brand,"
    "40.000.000,20.000.000,20.000.000"
)
# Brand support (điểm h khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT): at most 50 % of the cost and
# 35 million đồng a brand, never more than requested.
#   QG-A: min(50M requested, 50 % × 80M = 40M, 35M) = 35M, allowed.
#   QG-B: min(20M requested, 50 % × 40M = 20M, 35M) = 20M, only if it turns out eligible.
ALLOWED_A = Decimal(35_000_000)
IF_ELIGIBLE_B = Decimal(20_000_000)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.csv"
    path.write_text("\n".join([HEADER, ELIGIBLE, NOT_ASSESSABLE]) + "\n", encoding="utf-8")
    return path


def test_records_keep_the_conditional_amount_beside_an_unknown_allowed(plan: Path) -> None:
    a, b = validate(plan).records()
    assert (a["status"], a["allowed"], a["allowed_if_eligible"]) == ("eligible", ALLOWED_A, None)
    assert (b["status"], b["allowed"], b["allowed_if_eligible"]) == (
        "not_assessable",
        None,
        IF_ELIGIBLE_B,
    )
    assert "place_incomplete" in b["findings"]  # the reason is on the row
    assert COLUMNS.index("allowed_if_eligible") == COLUMNS.index("allowed") + 1


def test_the_json_rows_add_up_to_the_summary(plan: Path) -> None:
    data = json.loads(validate(plan).to_json(lang="en"))
    a, b = data["rows"]
    assert (a["allowed"], a["allowed_if_eligible"]) == ("35000000", None)
    assert (b["allowed"], b["allowed_if_eligible"]) == (None, "20000000")
    # the allowed column sums to the summary's total; the unknown row is counted, not added
    assert data["summary"]["allowed"] == "35000000"
    assert data["summary"]["allowed_unknown"] == 1


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_csv_shows_the_amount_only_under_if_eligible(plan: Path, lang: str) -> None:
    rows = list(csv.reader(io.StringIO(validate(plan).to_csv(lang=lang))))
    header = rows[0]
    allowed = header.index("Được hỗ trợ" if lang == "vi" else "allowed")
    assert header[allowed + 1] == (
        "Được hỗ trợ nếu đủ điều kiện" if lang == "vi" else "allowed_if_eligible"
    )
    assert rows[1][allowed : allowed + 2] == ["35000000", ""]
    assert rows[2][allowed : allowed + 2] == ["", "20000000"]


def test_the_workbook_shows_the_amount_only_under_if_eligible(plan: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "report.xlsx"
    validate(plan).to_excel(path)
    sheet = openpyxl.load_workbook(path)["Kết quả"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    allowed = rows[0].index("Được hỗ trợ")
    assert rows[0][allowed + 1] == "Được hỗ trợ nếu đủ điều kiện"
    assert rows[1][allowed : allowed + 2] == [35_000_000, None]
    assert rows[2][allowed : allowed + 2] == [None, 20_000_000]


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("vi", "— (nếu đủ điều kiện: 20.000.000 đ)"),
        ("en", "— (if eligible: 20,000,000 VND)"),
    ],
)
def test_the_html_rows_say_the_amount_holds_only_if_eligible(
    plan: Path, lang: str, shown: str
) -> None:
    page = validate(plan).to_html(lang=lang)
    assert f"<td class=n>{shown}</td>" in page


def test_the_pandas_frame_has_no_allowed_for_the_not_assessable_row(plan: Path) -> None:
    pytest.importorskip("pandas")
    frame = validate(plan).to_pandas()
    assert list(frame["allowed"]) == [ALLOWED_A, None]
    assert list(frame["allowed_if_eligible"]) == [None, IF_ELIGIBLE_B]
