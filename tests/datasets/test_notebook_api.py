"""The notebook round trip: a DataFrame read with pandas from a real sheet in, DataFrames and
HTML out (``validate(df)``, ``Report.to_pandas``, ``Summary.to_pandas``, ``_repr_html_``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from khuyencong.datasets import validate
from khuyencong.errors import DatasetError

pd = pytest.importorskip("pandas")
openpyxl = pytest.importorskip("openpyxl")

HEADER = [
    "Mã đề án",
    "Tên đề án",
    "Năm kế hoạch",
    "Nguồn kinh phí",
    "Tỉnh/Thành phố",
    "Huyện",
    "Xã",
    "Nội dung",
    "Đơn vị thụ hưởng",
    "Loại hình",
    "Ngành nghề",
    "Cam kết đối ứng",
    "Cam kết không trùng nguồn NSNN",
    "Hạng mục chi",
    "Tổng kinh phí",
    "Kinh phí KCQG",
]


def _row(
    code: str, province: str, district: str, commune: str, cost: int, asked: int
) -> list[object]:
    return [
        code,
        f"Đề án {code} (minh họa)",
        2016,
        "KCQG",
        province,
        district,
        commune,
        "typical_products_and_promotion",
        f"Hộ {code} (minh họa)",
        "Hộ kinh doanh",
        "handicraft",
        "có",
        "có",
        "brand",
        cost,
        asked,
    ]


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    """A province's plan as a clerk saves it: two title rows and a blank row above the header,
    amounts as numbers."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["ỦY BAN NHÂN DÂN TỈNH HÀ NAM (minh họa)"])
    ws.append(["KẾ HOẠCH KHUYẾN CÔNG NĂM 2016"])
    ws.append([])
    ws.append(HEADER)
    ws.append(_row("A", "Hà Nam", "Huyện Kim Bảng", "Xã Thanh Sơn", 80_000_000, 50_000_000))
    ws.append(_row("B", "Hà Nam", "Huyện Kim Bảng", "Xã Thanh Sơn", 60_000_000, 20_000_000))
    path = tmp_path / "ke-hoach.xlsx"
    book.save(path)
    return path


def test_validate_a_dataframe_read_from_a_sheet_with_title_rows(sheet: Path) -> None:
    frame = pd.read_excel(sheet)  # the title row becomes the labels, the header a data row
    report = validate(frame, as_of=date(2016, 6, 1))
    rows = list(report)
    assert [r.proposal_code for r in rows] == ["A", "B"]
    # Brand (Điểm h khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT): 50 %, at most 35.000.000 đ.
    # A: 50 % of 80.000.000 = 40.000.000, capped at 35.000.000; B: 50 % of 60.000.000 =
    # 30.000.000, above the 20.000.000 requested, so 20.000.000.
    assert [(r.status, r.allowed) for r in rows] == [
        ("eligible", Decimal(35_000_000)),
        ("eligible", Decimal(20_000_000)),
    ]
    assert report.summary().allowed == Decimal(55_000_000)

    out = report.to_pandas()
    assert list(out["proposal_code"]) == ["A", "B"]
    assert list(out["allowed"]) == [Decimal(35_000_000), Decimal(20_000_000)]

    # The same sheet read with header=None finds its header too.
    again = validate(pd.read_excel(sheet, header=None), as_of=date(2016, 6, 1))
    assert [r.allowed for r in again] == [Decimal(35_000_000), Decimal(20_000_000)]


def test_summary_to_pandas_is_tidy_with_numeric_amounts(sheet: Path) -> None:
    report = validate(pd.read_excel(sheet), as_of=date(2016, 6, 1))
    summary = report.summary()
    frame = summary.to_pandas()
    assert set(frame["dimension"]) == {"funding", "content", "province", "year"}
    province = summary.to_pandas("province")
    assert list(province["key"]) == ["Hà Nam"]
    assert str(province["allowed"].dtype) == "Int64"
    # 80.000.000 + 60.000.000 cost; 50.000.000 + 20.000.000 requested; 35 + 20 million allowed.
    assert province.loc[0, ["proposals", "rows", "cost", "requested", "allowed"]].tolist() == [
        2,
        2,
        140_000_000,
        70_000_000,
        55_000_000,
    ]
    content = summary.to_pandas("content", lang="en")
    assert content.loc[0, "key"] == "typical_products_and_promotion"
    assert content.loc[0, "label"].startswith("Typical")
    with pytest.raises(DatasetError, match="province"):
        summary.to_pandas("district")


def test_allowed_not_known_is_na_never_zero() -> None:
    frame = pd.DataFrame(
        [
            dict(
                zip(
                    HEADER,
                    _row("A", "Hà Nam", "Huyện Kim Bảng", "Xã Thanh Sơn", 80_000_000, 50_000_000),
                    strict=True,
                )
            )
        ]
    )
    summary = validate(frame, assessor=None).summary()  # validated, not assessed
    table = summary.to_pandas("province")
    assert table.loc[0, "requested"] == 50_000_000
    assert table["allowed"].isna().all()


def test_html_of_the_report_and_the_summary(sheet: Path) -> None:
    report = validate(pd.read_excel(sheet), as_of=date(2016, 6, 1))
    html = report._repr_html_()
    assert "<svg" in html
    summary_html = report.summary()._repr_html_()
    assert summary_html.startswith("<div>")
    assert "<svg" in summary_html
    assert "đủ điều kiện: 2" in summary_html
    assert "55.000.000 đ" in summary_html
