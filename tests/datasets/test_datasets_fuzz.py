"""Fuzzing the readers: any input gives KhuyenCongError or a report with every row in it."""

from __future__ import annotations

import contextlib
import csv
import io
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khuyencong.datasets import validate
from khuyencong.errors import KhuyenCongError

HEADERS = [
    "Mã đề án",
    "Tên đề án",
    "Năm kế hoạch",
    "Nguồn kinh phí",
    "Hạng mục chi",
    "Tổng kinh phí",
    "Kinh phí KCQG",
    "Đối ứng",
    "Ngày bắt đầu",
    "Ghi chú",
]
cells = st.one_of(
    st.sampled_from(
        [
            "",
            "A",
            "B",
            "2016",
            "KCQG",
            "KCĐP",
            "curriculum",
            "1.500.000",
            "1,5 tỷ",
            "1,500",
            "=SUM(A1:A2)",
            "#REF!",
            "31/02/2016",
            "01/06/2016",
            "9" * 40,
            "1e999",
            "-5",
            "\x00",
            '"',
            "\n",
        ]
    ),
    st.text(max_size=12),
)


def _rows_out(data: bytes) -> tuple[int, int] | None:
    """Rows in the report and lines above the header noted, or None when the source is
    unreadable."""
    try:
        report = validate(data, assessor=None, format="csv")
        rows = list(report)
    except KhuyenCongError:
        return None
    summary = report.summary()
    assert summary.rows == len(rows)
    assert len({r.row for r in rows}) == len(rows)
    # Lines above the header are notes: title rows, and damaged lines (a NUL byte, a stray quote).
    titles = sum(1 for n in summary.notes if n.code in ("preamble_row", "unreadable_line"))
    return len(rows), titles


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    _rows_out(data)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(HEADERS), min_size=0, max_size=10),
    st.lists(st.lists(cells, max_size=12), max_size=8),
    st.sampled_from(["utf-8", "utf-8-sig", "latin-1"]),
)
def test_no_row_is_lost(headers: list[str], rows: list[list[str]], encoding: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding, errors="replace")
    counted = _rows_out(data)
    if counted is None:
        # Refused as a whole (nothing to check, or an encoding that cannot be told): exit 2.
        return
    out, titles = counted
    records = [
        r
        for r in csv.reader(io.StringIO(data.decode(encoding, errors="replace")))
        if any(c.strip() for c in r)
    ]
    # Every non-blank record is a report row, a title row above the header, or part of the header
    # (at most two rows when a header spans two rows).
    assert out + titles + 2 >= len(records)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=10**18), min_size=1, max_size=5))
def test_amounts_round_trip_file_to_report(amounts: list[int]) -> None:
    from khuyencong.l10n import format_vnd

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "Mã đề án",
            "Tên đề án",
            "Năm kế hoạch",
            "Nguồn kinh phí",
            "Hạng mục chi",
            "Tổng kinh phí",
            "Kinh phí KCQG",
        ]
    )
    for amount in amounts:
        writer.writerow(["A", "T", "2016", "KCQG", "other", format_vnd(Decimal(amount)), amount])
    results = list(validate(buffer.getvalue().encode(), assessor=None))
    assert [r.cost for r in results] == [Decimal(a) for a in amounts]
    assert [r.requested for r in results] == [Decimal(a) for a in amounts]


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_random_bytes_as_xlsx_and_jsonl(data: bytes) -> None:
    for fmt in ("xlsx", "jsonl"):
        with contextlib.suppress(KhuyenCongError):
            list(validate(data, assessor=None, format=fmt))
