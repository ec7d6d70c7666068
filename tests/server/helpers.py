"""Shared inputs of the server tests (invented, illustrative records)."""

from __future__ import annotations

from typing import Any


def proposal(**changes: Any) -> dict[str, Any]:
    """A national demonstration proposal: one machinery line of 1,200,000,000 đ, 300,000,000
    requested (Điểm c khoản 2 Điều 6 TTLT 26/2014: 50 % of the cost, at most 200,000,000)."""
    data: dict[str, Any] = {
        "code": "QG-01",
        "title": "Máy sao chè (minh họa)",
        "plan_year": 2016,
        "funding": {"kind": "national"},
        "contents": ["demonstration_and_technology"],
        "start_date": "2016-06-01",
        "counterpart_committed": True,
        "no_other_state_funding": True,
        "beneficiaries": [
            {
                "name": "HTX A (minh họa)",
                "kind": "cooperative",
                "industries": ["agro_food_processing"],
                "production_site": {
                    "geography": "pre2025",
                    "province": "Thái Nguyên",
                    "district": "Huyện Phú Lương",
                    "district_kind": "huyen",
                    "commune": "Xã Yên Lạc",
                    "commune_kind": "xa",
                },
            }
        ],
        "budget_lines": [
            {
                "item": "machinery_and_technology",
                "cost": "1200000000",
                "requested": "300000000",
                "machinery_is_new": True,
            }
        ],
        "state": "approved",
    }
    data.update(changes)
    return data


CLEAN_CSV = (
    "Mã đề án,Tên đề án,Năm kế hoạch,Nguồn kinh phí,Tỉnh/Thành phố,Huyện,Xã,Nội dung,"
    "Đơn vị thụ hưởng,Loại hình,Ngành nghề,Cam kết đối ứng,Cam kết không trùng nguồn NSNN,"
    "Hạng mục chi,Tổng kinh phí,Kinh phí KCQG\n"
    "A,Đề án A,2016,KCQG,Hà Nam,Huyện Kim Bảng,Xã Thanh Sơn,typical_products_and_promotion,"
    'Hộ A (minh họa),Hộ kinh doanh,handicraft,có,có,brand,"80.000.000","50.000.000"\n'
)
"""One brand line: 50 % of 80,000,000 = 40,000,000, capped at 35,000,000 (Điểm h khoản 2
Điều 6 TTLT 26/2014/TTLT-BTC-BCT)."""
