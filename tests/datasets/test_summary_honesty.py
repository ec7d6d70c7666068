"""The summary's honesty (issue 17): an amount no row of a group could give is not known ("—"),
never 0; the allowed total adds only what the rules decided."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from khuyencong.datasets import example_path, validate

from .files import HEADER

GOOD = "QG-1,Thương hiệu,2016,KCQG,Hà Nam,typical_products_and_promotion,brand,80.000.000,50.000.000,30.000.000"
DAMAGED = (
    'QG-2,"Thương hiệu,2016,KCQG,Nam Định,typical_products_and_promotion,brand,80.000.000,'
    "50.000.000,30.000.000"
)


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.csv"
    path.write_text("\n".join([",".join(HEADER), GOOD, DAMAGED]) + "\n", encoding="utf-8")
    return path


def test_a_group_made_only_of_a_damaged_line_has_no_known_amount(tmp_path: Path) -> None:
    summary = validate(_plan(tmp_path)).summary()
    for dimension in ("funding", "content", "province", "year"):
        rows = {r.key: r for r in summary.tables[dimension]}
        # The damaged line 3 (an unclosed quote) gives no column: its group is "not known",
        # and so are its cost and requested support.
        damaged = rows[""]
        assert (damaged.rows, damaged.cost, damaged.requested, damaged.allowed) == (
            1,
            None,
            None,
            None,
        )
        assert damaged.allowed_unknown == 0  # an invalid row is not assessed
        # The good line: brand 50 % of 80M = 40M, capped at 35M (điểm h khoản 2 Điều 6 TTLT 26/2014)
        good = next(r for k, r in rows.items() if k)
        assert (good.cost, good.requested, good.allowed) == (
            Decimal(80_000_000),
            Decimal(50_000_000),
            Decimal(35_000_000),
        )
    # The totals sum what could be read and say what was left out.
    assert summary.cost == Decimal(80_000_000)
    assert summary.requested == Decimal(50_000_000)
    dumped = summary.to_dict()["tables"]["province"]
    assert {k: dumped[0][k] for k in ("key", "cost", "requested")} == {
        "key": "",
        "cost": None,
        "requested": None,
    }


def test_the_terminal_shows_a_dash_not_zero_for_an_unknown_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from khuyencong.cli import main

    monkeypatch.setenv("COLUMNS", "100")
    out = io.StringIO()
    main(["check", str(_plan(tmp_path))], out=out, err=io.StringIO())
    lines = [line for line in out.getvalue().splitlines() if line.startswith("(không rõ)")]
    assert len(lines) == 4  # one per table
    for line in lines:
        assert "0 đ" not in line
        assert line.split()[-3:] == ["—", "—", "—"]


def test_not_assessable_rows_are_not_added_to_the_allowed_total() -> None:
    summary = validate(example_path()).summary()
    by_province = {r.key: r for r in summary.tables["province"]}
    # QG-2017-010 (row 13, Hà Nội) is not_assessable: its place cannot be told rural or not.
    # Its line would get 20M (the requested amount) if it were eligible: not added, counted
    # among the lines whose allowed support is not known.
    assert by_province["Hà Nội"].allowed is None
    assert by_province["Hà Nội"].allowed_unknown == 1
    # Ineligible proposals are decided: 0 is their honest total (Hà Nam: rows 8 and 10).
    assert by_province["Hà Nam"].allowed == Decimal(0)
    assert by_province["Hà Nam"].allowed_unknown == 0
    # DP-2017-011 (Thanh Hóa): its requested cell '1,500' cannot be read, its cost can.
    assert by_province["Thanh Hóa"].cost == Decimal(80_000_000)
    assert by_province["Thanh Hóa"].requested is None
    # Eligible rows 3-7: 200M + 5M + 35M + 300M + 10M.
    assert summary.allowed == Decimal(550_000_000)
    assert summary.allowed_unknown == 3  # rows 11 (eligible, level not known), 12 and 13
