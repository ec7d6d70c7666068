"""A subtotal over a line the reader could not split (a stray quote) cannot be checked: the line
may hold any amount. It is ``total_unchecked`` naming the span, never a ``total_mismatch``
against the lines that could be read."""

from __future__ import annotations

import pytest

from khuyencong.datasets import validate

PLAN = (
    "\ufeffKẾ HOẠCH KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2026,,,,\r\n"
    "Đơn vị tính: triệu đồng,,,,\r\n"
    "STT,Tên đề án,Hạng mục chi,Tổng kinh phí,Kinh phí KCĐP\r\n"
    "I,Đào tạo nghề,,,\r\n"
    '1,"Truyền nghề mây, tre đan",vocational_training,150,120\r\n'
    '2,"Đào tạo nghề thêu "Hoa Lộc",vocational_training,"82,5",70\r\n'
    ',Cộng I,,"232,5",190\r\n'
    "II,Hỗ trợ ứng dụng máy móc thiết bị,,,\r\n"
    "1,Máy sấy,machinery_and_technology,1.500,300\r\n"
    ",Cộng II,,1.500,300\r\n"
    ',TỔNG CỘNG,,"1.732,5",490\r\n'
)


@pytest.mark.parametrize("engine", ["auto", "rows"])
def test_a_total_over_a_damaged_line_is_unchecked(engine: str) -> None:
    rows = {r.row: r for r in validate(PLAN.encode(), engine=engine)}  # type: ignore[arg-type]
    assert [f.code for f in rows[6].findings] == ["unreadable_line"]
    # Cộng I (line 7) and TỔNG CỘNG (line 11) span line 6: both amounts unchecked, none wrong.
    for total in (7, 11):
        assert sorted(f.code for f in rows[total].findings) == ["total_unchecked"] * 2
    # Cộng II spans only line 9: 1.500 and 300 triệu, as written.
    assert [f.code for f in rows[10].findings] == ["total_checked"]
