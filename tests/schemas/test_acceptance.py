"""Acceptance case of the foundation: one bad proposal, one error, every problem named."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

import khuyencong as kc


def test_four_problems_are_reported_together_by_field_path(
    proposal_data: Callable[..., dict[str, Any]],
) -> None:
    data = proposal_data(
        start_date="2016-09-30",
        end_date="2016-03-01",  # before the start
        beneficiaries=[
            {
                "name": "Hợp tác xã Ví dụ",
                "kind": "cooperative",
                "tax_code": "0100233489",  # 0100233488 with a wrong check digit
            }
        ],
        # province 24 (Bắc Ninh) exists; unit 99999 does not exist in the 2025 geography
        locations=[{"geography": "2025", "province_code": 24, "ward_code": 99999}],
        budget_lines=[{"item": "brand", "cost": "-5000000", "requested": "0"}],
    )

    with pytest.raises(ValidationError) as caught:
        kc.Proposal.model_validate(data)

    errors = caught.value.errors()
    by_path = {".".join(str(part) for part in error["loc"]): error["msg"] for error in errors}
    assert sorted(by_path) == [
        "beneficiaries.0.tax_code",
        "budget_lines.0.cost",
        "end_date",
        "locations.0.2025.ward_code",
    ]
    assert caught.value.error_count() == 4
    # Plain words: each message says what is wrong in terms of the field.
    assert "greater than or equal to 0" in by_path["budget_lines.0.cost"]
    assert "not a valid tax code (MST)" in by_path["beneficiaries.0.tax_code"]
    assert "'0100233489'" in by_path["beneficiaries.0.tax_code"]
    assert (
        "99999 is not a commune, ward or special-zone code of the 2025 geography"
        in (by_path["locations.0.2025.ward_code"])
    )
    assert "the end date 2016-03-01 is before the start date 2016-09-30" in by_path["end_date"]
    # The rendered error names every path, as a user sees it.
    text = str(caught.value)
    assert text.startswith("4 validation errors for Proposal")
    for path in by_path:
        assert path in text


def test_the_same_proposal_without_the_problems_is_valid(
    proposal_data: Callable[..., dict[str, Any]],
) -> None:
    data = proposal_data(
        beneficiaries=[
            {"name": "Hợp tác xã Ví dụ", "kind": "cooperative", "tax_code": "0100233488"}
        ],
        locations=[{"geography": "2025", "province_code": 24, "ward_code": 7525}],
        budget_lines=[{"item": "brand", "cost": "5000000", "requested": "0"}],
    )
    proposal = kc.Proposal.model_validate(data)
    assert proposal.beneficiaries[0].tax_code == "0100233488"
    assert isinstance(proposal.locations[0], kc.Locality2025)
