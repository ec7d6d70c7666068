"""``validate(workers=N)`` is deprecated: the hand-made worker pool is gone (issue #15); the
argument is still checked, a value other than 1 warns and says what to use instead, and the
rows are the same as without it."""

from __future__ import annotations

from typing import Any

import pytest

from khuyencong.datasets import example_path, validate
from khuyencong.errors import DatasetError


def test_workers_warns_and_changes_nothing() -> None:
    alone = list(validate(example_path()))
    with pytest.warns(DeprecationWarning, match=r"cofund_batch.*Dask"):
        shared = list(validate(example_path(), workers=2))
    assert shared == alone


@pytest.mark.parametrize("workers", [0, -1, 1.5, "2", True, None])
def test_workers_must_still_be_a_count(workers: Any) -> None:
    with pytest.raises(DatasetError, match="workers"):
        validate(example_path(), workers=workers)
