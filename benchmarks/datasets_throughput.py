"""Throughput and peak memory of ``khuyencong.datasets.validate`` on a large CSV.

Generates an N-row CSV (default 1,000,000 rows; 4 budget lines per proposal, Vietnamese headers
and amount formats, and the beneficiary facts the rule engine reads) in a temporary directory,
runs ``validate(...).summary()`` end to end — validation and assessment with
``khuyencong.assess`` — and prints rows per second and peak memory.  ``--validate-only`` measures
validation alone (``assessor=None``).

    python benchmarks/datasets_throughput.py [ROWS] [--validate-only]

Peak memory is measured twice: ``tracemalloc`` (Python allocations during the run) and the
process's maximum resident set size (``resource.getrusage``), which includes the interpreter and
imported libraries.
"""

from __future__ import annotations

import csv
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ITEMS = ("machinery_and_technology", "curriculum", "conference", "management_implementing_unit")
PROVINCES = ("Thái Nguyên", "Hà Nam", "Nam Định", "Đắk Lắk", "Cần Thơ", "Bắc Ninh")
DISTRICTS = ("Huyện Phú Lương", "Thị xã Phổ Yên", "Huyện Ý Yên", "Thành phố Buôn Ma Thuột")
KINDS = ("Hộ kinh doanh", "Hợp tác xã", "Doanh nghiệp lớn")


def generate(path: Path, rows: int) -> None:
    """Write ``rows`` budget-line rows, four per proposal."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Mã đề án",
                "Tên đề án",
                "Năm kế hoạch",
                "Nguồn kinh phí",
                "Tỉnh/Thành phố",
                "Nội dung",
                "Hạng mục chi",
                "Tổng kinh phí",
                "Kinh phí KCQG",
                "Đối ứng",
                "Ngày bắt đầu",
                "Huyện",
                "Xã",
                "Đơn vị thụ hưởng",
                "Loại hình",
                "Ngành nghề",
                "Cam kết đối ứng",
                "Cam kết không trùng nguồn NSNN",
            ]
        )
        for index in range(rows):
            proposal = index // 4
            cost = 1_000_000 * (index % 97 + 3)
            writer.writerow(
                [
                    f"QG-{proposal:07d}",
                    f"Đề án minh họa số {proposal}",
                    2016 + proposal % 4,
                    "KCQG",
                    PROVINCES[proposal % len(PROVINCES)],
                    "demonstration_and_technology; capacity_building",
                    ITEMS[index % 4],
                    f"{cost:,}".replace(",", "."),
                    f"{cost // 2 // 1_000_000} triệu",
                    f"{cost - cost // 2:,}".replace(",", ".") + " đ",
                    "01/06/2016",
                    DISTRICTS[proposal % len(DISTRICTS)],
                    f"Xã Minh Họa {proposal % 50}",
                    f"Cơ sở minh họa {proposal}",
                    KINDS[proposal % len(KINDS)],
                    "Chế biến nông - lâm - thủy sản và thực phẩm",
                    "có",
                    "x",
                ]
            )


def main(rows: int = 1_000_000, *, assess: bool = True) -> None:
    """Generate, validate (and assess), report."""
    from khuyencong.datasets import validate

    assessor = "auto" if assess else None

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.csv"
        started = time.perf_counter()
        generate(path, rows)
        print(
            f"generated {rows:,} rows ({path.stat().st_size / 1e6:.0f} MB) in "
            f"{time.perf_counter() - started:.1f} s"
        )
        tracemalloc.start()
        started = time.perf_counter()
        summary = validate(path, assessor=assessor).summary()
        elapsed = time.perf_counter() - started
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        # Without tracemalloc's overhead, for the rate.
        started = time.perf_counter()
        validate(path, assessor=assessor).summary()
        plain = time.perf_counter() - started
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert summary.rows == rows, summary.rows
    print(
        f"rows: {summary.rows:,}; proposals: {summary.proposals:,}; "
        f"status: {dict(summary.rows_by_status)}"
    )
    print(f"assessed: {summary.assessed}; proposals by status: {dict(summary.proposals_by_status)}")
    print(f"throughput: {rows / plain:,.0f} rows/s ({plain:.1f} s)")
    print(f"throughput under tracemalloc: {rows / elapsed:,.0f} rows/s")
    print(f"peak traced Python memory: {traced_peak / 1e6:.1f} MB")
    print(f"max resident set size of the process: {maxrss_mb:.0f} MB")


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(
        int(numbers[0]) if numbers else 1_000_000,
        assess="--validate-only" not in sys.argv[1:],
    )
