"""Datasets with the real rule engine: the facts flat files carry, and what the report shows.

Expected amounts are worked out by hand from Khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

import pytest

from khuyencong import Proposal
from khuyencong.datasets import ColumnMapping, RowResult, example_path, validate
from khuyencong.datasets.values import (
    CONVERTERS,
    commune_kind_from_name,
    district_kind_from_name,
)

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
    "Ngày bắt đầu",
    "Hạng mục chi",
    "Tổng kinh phí",
    "Kinh phí KCQG",
]


def brand_row(**changes: str) -> dict[str, str]:
    """A national brand proposal of 2016 with every fact the engine needs."""
    row = {
        "Mã đề án": "A",
        "Tên đề án": "Thương hiệu (minh họa)",
        "Năm kế hoạch": "2016",
        "Nguồn kinh phí": "KCQG",
        "Tỉnh/Thành phố": "Hà Nam",
        "Huyện": "Huyện Kim Bảng",
        "Xã": "Xã Thanh Sơn",
        "Nội dung": "typical_products_and_promotion",
        "Đơn vị thụ hưởng": "Hộ kinh doanh A (minh họa)",
        "Loại hình": "Hộ kinh doanh",
        "Ngành nghề": "Sản xuất hàng tiểu thủ công nghiệp",
        "Cam kết đối ứng": "có",
        "Cam kết không trùng nguồn NSNN": "x",
        "Ngày bắt đầu": "01/06/2016",
        "Hạng mục chi": "brand",
        "Tổng kinh phí": "80.000.000",
        "Kinh phí KCQG": "50.000.000",
    }
    row.update(changes)
    return row


def csv_of(*rows: dict[str, str]) -> bytes:
    header = list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def check(*rows: dict[str, str]) -> list[RowResult]:
    return list(validate(csv_of(*rows)))


# ---- columns and values ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Ngành nghề", "industries"),
        ("NGÀNH, NGHỀ", "industries"),
        ("Quy mô", "enterprise_size"),
        ("Thuộc địa bàn", "area_attributes"),
        ("Địa bàn ưu tiên", "area_attributes"),
        ("Cam kết đối ứng", "counterpart_committed"),
        ("Cam kết không trùng nguồn NSNN", "no_other_state_funding"),
        ("Loại đô thị", "city_class"),
        ("Ngày chuyển thành phường", "ward_converted_on"),
        ("Loại đơn vị cấp huyện", "district_kind"),
        ("Loại xã", "commune_kind"),
    ],
)
def test_new_headers(header: str, field: str) -> None:
    assert ColumnMapping().field_for(header) == field


def test_unit_kind_from_prefix() -> None:
    assert district_kind_from_name("Huyện Duy Tiên") == "huyen"
    assert district_kind_from_name("thị xã Hoài Nhơn") == "thi_xa"
    assert district_kind_from_name("QUẬN Ba Đình") == "quan"
    assert district_kind_from_name("Thành phố Nam Định") == "thanh_pho_thuoc_tinh"
    assert commune_kind_from_name("Xã Ngọc Động") == "xa"
    assert commune_kind_from_name("phường Phong Khê") == "phuong"
    assert commune_kind_from_name("Thị trấn Phùng") == "thi_tran"
    # No prefix, or a name that only looks like one without its diacritics: unknown.
    for name in ("Duy Tiên", "Quản Bạ", "Huyện", "Huyenx"):
        assert district_kind_from_name(name) is None, name
    for name in ("Phương Trung", "Xà Phiên", "Ngọc Động"):
        assert commune_kind_from_name(name) is None, name


def test_fact_converters() -> None:
    assert CONVERTERS["area_attributes"]("khó khăn; đặc biệt khó khăn; xã nông thôn mới") == (
        "difficult",
        "especially_difficult",
        "new_rural_commune",
    )
    # A label that itself contains ';' is still one industry.
    assert CONVERTERS["industries"](
        "handicraft; Áp dụng sản xuất sạch hơn; xử lý ô nhiễm môi trường"
    ) == ("handicraft", "cleaner_production_and_pollution")
    assert CONVERTERS["enterprise_size"]("Siêu nhỏ") == "micro"
    assert [CONVERTERS["city_class"](v) for v in ("1", 2, "loại III", "Đô thị loại đặc biệt")] == [
        "1",
        "2",
        "3",
        "special",
    ]
    flag = CONVERTERS["counterpart_committed"]
    assert [flag(v) for v in ("có", "Có", "x", "yes", "không", "no", True)] == [
        True,
        True,
        True,
        True,
        False,
        False,
        True,
    ]
    with pytest.raises(ValueError, match="có / không"):
        flag("có lẽ")
    with pytest.raises(ValueError, match="area attribute"):
        CONVERTERS["area_attributes"]("khó")


# ---- assessment through a flat file -----------------------------------------------------------


def test_brand_line_eligible_with_cap() -> None:
    # Điểm h khoản 2 Điều 6: 50 % up to 35,000,000; 50 % of 80,000,000 is 40,000,000, so the cap.
    [row] = check(brand_row())
    assert row.status == "eligible"
    assert row.allowed == Decimal(35_000_000)
    assert [f.code for f in row.findings] == ["approval_pending"]
    assert row.ok


def test_prefixless_place_is_not_guessed() -> None:
    [row] = check(brand_row(Huyện="Kim Bảng", Xã="Thanh Sơn"))
    assert row.status == "not_assessable"
    place = next(f for f in row.findings if f.code == "place_incomplete")
    assert place.severity == "undetermined"
    # The engine still computes the line: support is what the encoded rules allow.
    assert row.allowed == Decimal(35_000_000)


def test_missing_commitment_is_a_warning_and_refusal_an_error() -> None:
    [row] = check(brand_row(**{"Cam kết đối ứng": ""}))
    assert row.status == "eligible"
    assert "counterpart_committed_undeclared" in {f.code for f in row.findings}
    [row] = check(brand_row(**{"Cam kết không trùng nguồn NSNN": "không"}))
    assert row.status == "ineligible"
    refused = next(f for f in row.findings if f.code == "no_other_state_funding_refused")
    assert refused.severity == "error"
    assert refused.citation("vi") == "Khoản 4 Điều 7 Thông tư liên tịch 26/2014/TTLT-BTC-BCT"
    assert refused.citation("en") is not None
    assert refused.citation_key == "26/2014/TTLT-BTC-BCT:7.4"
    assert row.allowed == 0  # an ineligible proposal is allowed nothing


def test_class1_ward_converted_within_five_years() -> None:
    # Điểm đ khoản 1 Điều 3 TT 46/2012: 01/01/2012 + 5 years reaches 31/12/2015 (the year
    # before the 2016 plan), so the ward qualifies; without the date it does not.
    ward = {
        "Huyện": "Thành phố Thái Nguyên",
        "Xã": "Phường Tân Lập",
        "Loại đô thị": "1",
    }
    [row] = check(brand_row(**ward, **{"Ngày chuyển thành phường": "01/01/2012"}))
    assert row.status == "eligible", [f.message("en") for f in row.findings]
    [row] = check(brand_row(**ward))
    assert row.status == "ineligible"
    assert "place_not_rural" in {f.code for f in row.findings}


def test_enterprise_founding_needs_a_difficult_area() -> None:
    # Điểm a khoản 2 Điều 6: up to 10,000,000, only in difficult or especially difficult areas.
    founding = {
        "Nội dung": "capacity_building",
        "Hạng mục chi": "enterprise_founding",
        "Tổng kinh phí": "15.000.000",
        "Kinh phí KCQG": "15.000.000",
    }
    [row] = check(brand_row(**founding, **{"Thuộc địa bàn": "khó khăn"}))
    assert row.status == "eligible"
    assert row.allowed == Decimal(10_000_000)
    [row] = check(brand_row(**founding, **{"Thuộc địa bàn": "nông thôn mới"}))
    assert row.status == "ineligible"


def test_line_findings_go_to_their_row() -> None:
    first = brand_row(
        Xã="Xã Thanh Sơn",
        **{
            "Nội dung": "demonstration_and_technology",
            "Hạng mục chi": "machinery_and_technology",
            "Tổng kinh phí": "1.000.000.000",
            "Kinh phí KCQG": "300.000.000",
        },
    )
    second = {
        "Mã đề án": "A",
        "Hạng mục chi": "management_implementing_unit",
        "Tổng kinh phí": "10.000.000",
        "Kinh phí KCQG": "10.000.000",
    }
    rows = check(first, second)
    # Machinery: 50 % up to 200,000,000 (point c) → the cap; management: 2.5 % of the
    # proposal's support (point s) → 5,000,000.
    assert [r.allowed for r in rows] == [Decimal(200_000_000), Decimal(5_000_000)]
    newness = next(f for f in rows[0].findings if f.code == "machinery_newness_undeclared")
    assert newness.line == 0
    assert newness.severity == "warning"
    assert not rows[1].findings


def test_beneficiary_facts_without_a_beneficiary() -> None:
    row = brand_row(**{"Đơn vị thụ hưởng": "", "Loại hình": "", "Quy mô": "nhỏ"})
    [result] = check(row)
    assert "beneficiary_missing" in {f.code for f in result.findings}


def test_invalid_fact_points_at_its_column() -> None:
    # A ward conversion date needs a ward: pydantic's error lands on the row, column named.
    [row] = check(brand_row(**{"Ngày chuyển thành phường": "01/01/2012"}))
    assert row.status == "invalid"
    invalid = next(f for f in row.findings if f.code == "invalid")
    assert "phuong" in invalid.message("en")


def test_report_exports_show_clause_and_severity() -> None:
    report = validate(csv_of(brand_row(**{"Cam kết đối ứng": "không"})))
    document = json.loads(report.to_json(lang="en"))
    findings = document["rows"][0]["findings"]
    refused = next(f for f in findings if f["code"] == "counterpart_committed_refused")
    assert refused["severity"] == "error"
    assert refused["citation"] == "Art 7.3 of Joint Circular 26/2014/TTLT-BTC-BCT"
    assert refused["citation_key"] == "26/2014/TTLT-BTC-BCT:7.3"
    text = report.to_csv(lang="vi")
    assert "lỗi:counterpart_committed_refused" in text
    assert "(Khoản 3 Điều 7 Thông tư liên tịch 26/2014/TTLT-BTC-BCT)" in text


def test_jsonl_proposal_dump_gets_allowed() -> None:
    proposal: dict[str, Any] = {
        "code": "J",
        "title": "Dump",
        "plan_year": 2016,
        "funding": {"kind": "national"},
        "contents": ["typical_products_and_promotion", "vocational_training"],
        "budget_lines": [
            {"item": "brand", "cost": "80000000", "requested": "50000000"},
            {"item": "curriculum", "cost": "10000000", "requested": "10000000"},
        ],
    }
    line = Proposal.model_validate(proposal).model_dump_json()
    [row] = list(validate(line.encode(), format="jsonl"))
    # Brand: 35,000,000 (cap); curriculum's level is in TT 123/2009/TT-BTC, not encoded: the
    # proposal's allowed total is not known (never the 35,000,000 of the known line alone).
    assert row.status == "eligible"
    assert row.allowed is None
    assert row.requested == Decimal(60_000_000)
    not_encoded = next(f for f in row.findings if f.code == "level_not_encoded")
    assert not_encoded.line == 1


# ---- the illustrative dataset under the real engine ------------------------------------------

EXPECTED: dict[int, tuple[str, str, Decimal | None]] = {
    # row: (proposal, status, allowed) — worked out by hand from Điều 6 TTLT 26/2014.
    3: ("QG-2016-001", "eligible", Decimal(200_000_000)),  # machinery: cap 200M < 50 % of 1.2B
    4: ("QG-2016-001", "eligible", Decimal(5_000_000)),  # management: 2.5 % × 200M
    5: ("QG-2016-002", "eligible", Decimal(35_000_000)),  # brand: cap 35M < 50 % of 80M
    6: ("QG-2017-003", "eligible", Decimal(300_000_000)),  # demo model: 30 % of 1B < cap 500M
    7: ("QG-2016-004", "eligible", Decimal(10_000_000)),  # enterprise founding: cap 10M
    8: ("QG-2016-005", "ineligible", Decimal(0)),  # large enterprise
    9: ("QG-2017-006", "ineligible", Decimal(0)),  # class-1 city ward, not converted
    10: ("QG-2016-007", "ineligible", Decimal(0)),  # brand outside vocational training
    11: ("DP-2017-008", "eligible", None),  # local: levels set by the province, none loaded
    # 2019 machinery: TT 28/2018/TT-BTC not encoded, its Điều 7 conditions neither
    12: ("QG-2019-009", "not_assessable", None),
    13: ("QG-2017-010", "not_assessable", Decimal(20_000_000)),  # place without prefixes
    14: ("DP-2017-011", "invalid", None),  # '1,500'
    15: ("QG-2017-012", "invalid", None),  # requested > cost
    16: ("DP-2018-013", "invalid", None),  # 31/02/2018
}


def test_example_under_the_engine() -> None:
    report = validate(example_path())
    rows = list(report)
    assert {r.row: (r.proposal_code, r.status, r.allowed) for r in rows} == EXPECTED
    summary = report.summary()
    assert summary.proposals == 13
    assert summary.proposals_by_status == {
        "eligible": 5,
        "ineligible": 3,
        "not_assessable": 2,
        "invalid": 3,
    }
    # The eligible rows 3-7: 200M + 5M + 35M + 300M + 10M, the ineligible rows 8-10 add 0.  Row
    # 13's 20M holds only if QG-2017-010 turns out eligible (its place is undetermined): not
    # added (issue 17; the total was 570M before).
    assert summary.allowed == Decimal(550_000_000)
    assert summary.allowed_unknown == 3  # rows 11, 12 and 13: not known, not added as 0
    by_funding = {r.key: r for r in summary.tables["funding"]}
    assert by_funding["local"].allowed_unknown == 1  # row 11
    assert by_funding["national"].allowed_unknown == 2  # rows 12 and 13
    assert by_funding["national"].allowed == Decimal(550_000_000)
    assert summary.to_dict()["allowed_unknown"] == 3
    by_code = {f.code: f for r in rows for f in r.findings}
    assert by_code["large_enterprise"].severity == "error"
    assert by_code["large_enterprise"].citation_key == "45/2012/NĐ-CP:1.2.a"
    assert by_code["place_not_rural"].row == 9
    assert by_code["item_outside_contents"].row == 10
    assert by_code["place_incomplete"].severity == "undetermined"
    local = next(
        f for r in rows if r.row == 11 for f in r.findings if f.code == "level_not_encoded"
    )
    assert "load_rulebook" in local.message("en")
    machinery_2019 = next(
        f for r in rows if r.row == 12 for f in r.findings if f.code == "level_not_encoded"
    )
    assert "28/2018/TT-BTC" in machinery_2019.message("vi")
    assert not summary.ok
