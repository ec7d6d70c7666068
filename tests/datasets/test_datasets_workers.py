"""``validate(..., workers=N)``: the same rows, findings and summary as one process, in order."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from khuyencong import Proposal, assess, load_rulebook
from khuyencong.datasets import example_path, validate
from khuyencong.datasets.workers import BATCH_ROWS
from khuyencong.errors import DatasetError
from khuyencong.rulebooks import template

HEADER = [
    "Mã đề án",
    "Tên đề án",
    "Năm kế hoạch",
    "Nguồn kinh phí",
    "Tỉnh/Thành phố",
    "Nội dung",
    "Hạng mục chi",
    "Tổng kinh phí",
    "Kinh phí KCQG",
    "Kinh phí KCĐP",
    "Ngày bắt đầu",
    "Huyện",
    "Đơn vị thụ hưởng",
    "Loại hình",
    "Ngành nghề",
]
ITEMS = ("machinery_and_technology", "brand", "conference")


def _plan(proposals: int) -> bytes:
    """Three budget-line rows per proposal, with something to report every few proposals: a bad
    amount, a blank row, a code that comes back, a large enterprise, a local proposal."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for p in range(proposals):
        local = p % 11 == 0
        for i, item in enumerate(ITEMS):
            cost = 1_000_000 * (p % 37 + 3 + i)
            requested = "1,500" if p % 13 == 5 and i == 1 else f"{cost // 2:,}".replace(",", ".")
            writer.writerow(
                [
                    f"P-{p:05d}" if p % 17 != 16 else "P-00000",  # comes back: not consecutive
                    f"Đề án {p}",
                    2016,
                    "KCĐP" if local else "KCQG",
                    "Tỉnh Mẫu" if local else "Hà Nam",
                    "demonstration_and_technology; typical_products_and_promotion",
                    item,
                    f"{cost:,}".replace(",", "."),
                    "" if local else requested,
                    requested if local else "",
                    "01/06/2016",
                    "Huyện Kim Bảng",
                    f"Cơ sở {p}",
                    "Doanh nghiệp lớn" if p % 7 == 3 else "Hộ kinh doanh",
                    "Chế biến nông - lâm - thủy sản và thực phẩm",
                ]
            )
        if p % 19 == 4:
            writer.writerow([""] * len(HEADER))
    return buffer.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def plan() -> bytes:
    data = _plan(1200)
    assert data.count(b"\n") > 3 * BATCH_ROWS  # several batches, more than are in flight
    return data


def _compare(source: Any, **kwargs: Any) -> None:
    alone = validate(source, **kwargs)
    shared = validate(source, workers=2, **kwargs)
    rows_alone, rows_shared = list(alone), list(shared)
    assert rows_shared == rows_alone  # same rows, findings and amounts, in the same order
    assert shared.summary() == alone.summary()


def test_two_workers_give_what_one_process_gives(plan: bytes) -> None:
    rows = list(validate(plan))
    statuses = {r.status for r in rows}
    assert {"eligible", "ineligible", "invalid", "blank"} <= statuses
    assert any(f.code == "code_not_consecutive" for r in rows for f in r.findings)
    _compare(plan)


def test_two_workers_validate_only_and_with_a_date(plan: bytes) -> None:
    _compare(plan, assessor=None)
    _compare(plan, as_of=date(2016, 9, 1), grouping="all")


def test_a_provincial_rulebook_travels_to_the_workers(plan: bytes, tmp_path: Path) -> None:
    book = tmp_path / "tinh-mau.toml"
    book.write_text(template(), encoding="utf-8")
    overlay = load_rulebook(book)
    rows = list(validate(plan, rulebooks=overlay, workers=2))
    local = [r for r in rows if r.proposal_code == "P-00011" and r.item == "brand"]
    # Brand line of proposal 11: cost 15,000,000, requested 7,500,000.  The template's brand
    # level (illustrative): 50 % of the cost (7,500,000), at most 20,000,000 đồng.
    assert [r.allowed for r in local] == [Decimal(7_500_000)]
    _compare(plan, rulebooks=overlay)


def test_the_example_plan(plan: bytes) -> None:
    _compare(example_path())


def module_level_assessor(proposal: Proposal, as_of: date) -> Any:
    return assess(proposal, as_of=as_of)


def test_a_module_level_assessor_can_be_sent(plan: bytes) -> None:
    _compare(plan, assessor=module_level_assessor)


def test_an_assessor_that_cannot_be_pickled_is_refused_up_front(plan: bytes) -> None:
    with pytest.raises(DatasetError, match="cannot be pickled"):
        validate(plan, assessor=lambda proposal, as_of: assess(proposal, as_of=as_of), workers=2)


@pytest.mark.parametrize("workers", [0, -1, 1.5, "2", True, None])
def test_workers_must_be_a_count(plan: bytes, workers: Any) -> None:
    with pytest.raises(DatasetError, match="workers"):
        validate(plan, workers=workers)


def test_stopping_early_leaves_nothing_running(plan: bytes) -> None:
    rows = iter(validate(plan, workers=2))
    first = next(rows)
    assert first.row == 2
    rows.close()  # type: ignore[attr-defined]  # a generator: shuts the workers down


def test_input_of_one_batch_starts_no_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    from khuyencong.datasets import workers

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("no worker process should start for one batch")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", refuse)
    small = _plan(100)  # 300 rows and a few blank ones: less than one batch
    assert list(validate(small, workers=2)) == list(validate(small))


def test_a_dataframe_and_a_workbook_through_workers(plan: bytes, tmp_path: Path) -> None:
    import openpyxl
    import pandas as pd

    frame = pd.read_csv(io.BytesIO(plan), dtype=str, keep_default_na=False)
    _compare(frame)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for record in csv.reader(io.StringIO(plan.decode("utf-8"))):
        sheet.append(record)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    _compare(path)


def dying_assessor(proposal: Proposal, as_of: date) -> Any:
    import os

    os._exit(3)  # a worker killed mid-run (out of memory, say)


def test_a_worker_that_dies_is_a_dataset_error(plan: bytes) -> None:
    with pytest.raises(DatasetError, match="worker process stopped unexpectedly"):
        list(validate(plan, assessor=dying_assessor, workers=2))
