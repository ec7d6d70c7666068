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

import argparse
import csv
import os
import resource
import tempfile
import threading
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


def _tree_rss_mb() -> float:
    """Resident memory of this process and all its descendants (Linux: read from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, frontier = {os.getpid()}, [os.getpid()]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


class _TreeMemory:
    """Samples :func:`_tree_rss_mb` twice a second in a thread and keeps the peak."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._done.wait(0.5):
            self.peak = max(self.peak, _tree_rss_mb())

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self.peak


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
        sampler = _TreeMemory()
        started = time.perf_counter()
        validate(path, assessor=assessor).summary()
        plain = time.perf_counter() - started
        tree_peak = sampler.stop()
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
    print(f"peak resident set of this process and its descendants: {tree_peak:.0f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("rows", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--validate-only", action="store_true")
    args = parser.parse_args()
    main(args.rows, assess=not args.validate_only)
