"""Headers as clerks write them, and an STT column that numbers every line."""

from __future__ import annotations

import pytest

from khuyencong.datasets import validate
from khuyencong.datasets.columns import ColumnMapping


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Tên cơ sở", "beneficiary"),
        ("Tên đơn vị thụ hưởng", "beneficiary"),
        ("TÊN CƠ SỞ CÔNG NGHIỆP NÔNG THÔN", "beneficiary"),
        ("Kinh phí đề nghị", "requested"),
    ],
)
def test_a_clerks_header_names_its_field(header: str, field: str) -> None:
    assert ColumnMapping().field_for(header) == field


PLAN = (
    "STT,Mã đề án,Tên đề án,Năm kế hoạch,Nguồn kinh phí,Tên cơ sở,Loại hình,Ngành nghề,"
    "Tỉnh,Huyện,Xã,Hạng mục,Tổng kinh phí,Kinh phí đề nghị\n"
    "1,A1,Thương hiệu mây tre,2016,KCQG,HTX A,hợp tác xã,handicraft,Hà Nam,huyện Kim Bảng,"
    "xã Ba Sao,brand,70.000.000,40.000.000\n"
    "2,A1,Thương hiệu mây tre,2016,KCQG,HTX A,hợp tác xã,handicraft,Hà Nam,huyện Kim Bảng,"
    "xã Ba Sao,brand,10.000.000,5.000.000\n"
)


@pytest.mark.parametrize("engine", ["auto", "rows"])
def test_an_stt_numbering_each_line_is_no_conflict(engine: str) -> None:
    # Two lines of proposal A1 numbered 1 and 2: the number counts lines, it is not a value of
    # the proposal that could conflict.
    rows = list(validate(PLAN.encode(), engine=engine))  # type: ignore[arg-type]
    assert [r.proposal_code for r in rows] == ["A1", "A1"]
    assert [f.code for r in rows for f in r.findings if f.code == "conflicting_value"] == []
    assert rows[0].cost == 70_000_000
