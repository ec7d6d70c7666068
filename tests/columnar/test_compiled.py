"""``khuyencong.rules.compiled``: the levels of a rulebook at a date as plain integers, and the
co-funding formula on them, equal to the scalar ``allowed_support`` on the same figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from khuyencong.rulebooks.loader import national
from khuyencong.rules import allowed_support
from khuyencong.rules.compiled import CompiledLevel, compile_levels, line_allowed


def test_the_2014_levels_compile_to_integers() -> None:
    levels = compile_levels(national(), date(2014, 4, 8))
    # Point c khoản 2 Điều 6 TTLT 26/2014: 50 % of the machinery, at most 200 million đồng.
    machinery = levels["machinery_and_technology"]
    assert (machinery.kind, machinery.rate_num, machinery.rate_den, machinery.cap) == (
        "computed",
        1,
        2,
        200_000_000,
    )
    assert machinery.citation is not None
    assert machinery.citation.key == "26/2014/TTLT-BTC-BCT:6.2.c"
    # Point s: the implementing unit's management, a share of the proposal's budget.
    assert levels["management_implementing_unit"].kind == "share"
    # A referral to another instrument and an item with no level: the scalar engine's.
    assert levels["curriculum"].kind == "scalar"
    assert levels["other"].kind == "scalar"
    assert compile_levels(national(), date(2014, 4, 8)) is levels  # once per (rulebook, date)


def test_levels_not_encoded_at_a_date_are_left_to_the_scalar_engine() -> None:
    levels = compile_levels(national(), date(2025, 10, 15))
    assert {level.kind for level in levels.levels.values()} == {"scalar"}


@given(
    cost=st.integers(0, 10**13),
    requested_share=st.integers(0, 100),
    other_share=st.integers(0, 100),
    rate=st.none() | st.integers(0, 10_000),
    cap=st.none() | st.integers(0, 5 * 10**9),
    units=st.integers(1, 12),
    factor=st.integers(100, 150),
)
def test_line_allowed_equals_allowed_support(
    cost: int,
    requested_share: int,
    other_share: int,
    rate: int | None,
    cap: int | None,
    units: int,
    factor: int,
) -> None:
    requested = cost * requested_share // 100
    other = (cost - requested) * other_share // 100
    level = CompiledLevel(
        item="x",
        kind="computed",
        rate_num=None if rate is None else Fraction(rate, 10_000).numerator,
        rate_den=None if rate is None else Fraction(rate, 10_000).denominator,
        cap=cap,
    )
    expected = allowed_support(
        requested=Decimal(requested),
        cost=Decimal(cost),
        rate=None if rate is None else Decimal(rate) / 10_000,
        cap=None if cap is None else Decimal(cap),
        units=units,
        factor=Decimal(factor) / 100,
        other_sources=Decimal(other),
    )
    got = line_allowed(
        level,
        requested=requested,
        cost=cost,
        units=units,
        other_sources=other,
        factor=Fraction(factor, 100),
    )
    assert (Decimal(got[0]), got[1]) == expected


def test_cofund_names_a_missing_column_and_takes_an_empty_plan() -> None:
    import polars as pl
    import pytest

    from khuyencong.datasets.columnar import OUTPUT_COLUMNS, cofund
    from khuyencong.errors import DatasetError

    with pytest.raises(DatasetError, match="requested"):
        cofund(
            pl.DataFrame(
                {
                    "proposal": [1],
                    "line": [0],
                    "funding": ["national"],
                    "as_of": [date(2016, 1, 1)],
                    "item": ["brand"],
                    "cost": [1],
                }
            )
        )
    empty = pl.DataFrame(
        schema={
            "proposal": pl.Int64,
            "line": pl.Int64,
            "funding": pl.String,
            "as_of": pl.Date,
            "item": pl.String,
            "cost": pl.Int64,
            "requested": pl.Int64,
        }
    )
    out = cofund(empty)
    assert out.height == 0
    assert set(OUTPUT_COLUMNS) <= set(out.columns)


def test_checking_a_plan_loads_polars_only_and_the_row_engine_none() -> None:
    """``check`` works after a plain ``pip install .`` (polars is a core dependency since the
    columnar engine of issue 15): checking a plan loads polars and no other dataframe library;
    the row engine loads none."""
    import json
    import subprocess
    import sys

    loaded = []
    for engine in ("auto", "rows"):
        code = (
            "import sys, json; from khuyencong.datasets import validate, example_path; "
            f"list(validate(example_path(), engine={engine!r})); "
            "print(json.dumps([m for m in ('polars', 'pyarrow', 'dask') if m in sys.modules]))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
        )
        loaded.append(json.loads(done.stdout))
    assert loaded[0] in ([], ["polars"])
    assert loaded[1] == []
