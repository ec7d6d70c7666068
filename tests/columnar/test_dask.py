"""The columnar step on a local Dask cluster (``distributed.LocalCluster(processes=False)``):
partitioned by proposal with ``set_index("proposal")`` and run with ``map_partitions``, it
gives exactly what one process gives."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest

import khuyencong as kc
from khuyencong.datasets.columnar import cofund_batch

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

DATES = [date(2014, 4, 8), date(2018, 5, 11), date(2025, 7, 1), date(2025, 10, 15)]


def _plan(proposals: int) -> pd.DataFrame:
    """A plan of ``proposals`` proposals of one to four lines over every item and date."""
    draw = random.Random(15)
    items = [item.value for item in kc.SupportItem]
    rows = []
    for key in range(proposals):
        when = draw.choice(DATES)
        num, den = draw.choice([(1, 1), (6, 5), (3, 2)])  # priority factor 1, 1.2 or 1.5
        for line in range(draw.randint(1, 4)):
            cost = draw.randint(0, 3_000_000_000)
            rows.append(
                {
                    "proposal": key,
                    "line": line,
                    "funding": "national",
                    "as_of": when,
                    "item": draw.choice(items),
                    "cost": cost,
                    "requested": draw.randint(0, cost),
                    "units": draw.randint(1, 5),
                    "factor_num": num,
                    "factor_den": den,
                }
            )
    return pd.DataFrame(rows)


def test_dask_map_partitions_equals_one_process() -> None:
    plan = _plan(300)
    alone = cofund_batch(plan.set_index("proposal"))
    with (
        distributed.LocalCluster(processes=False, n_workers=2, threads_per_worker=1) as cluster,
        distributed.Client(cluster),
    ):
        parts = dd.from_pandas(plan, npartitions=4).set_index("proposal")
        assert parts.npartitions > 1
        meta = cofund_batch(plan.set_index("proposal").head(0))
        shared = parts.map_partitions(cofund_batch, meta=meta).compute()
    assert len(shared) == len(plan)
    key = ["proposal", "line"]
    left = alone.reset_index().sort_values(key).reset_index(drop=True)
    right = shared.reset_index().sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(left, right, check_dtype=False)
    decided = left[left["decided"]]
    assert len(decided) > 0
    # Every allowed amount is a whole đồng, never above the requested amount.
    assert all(isinstance(v, Decimal) and v == v.to_integral_value() for v in decided["allowed"])
    assert (decided["allowed"].astype(object) <= decided["requested"].astype(object)).all()
