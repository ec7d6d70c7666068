"""The engine's results are immutable values: read-only fields, equality and hashing by value,
pickling, ``to_dict`` and ``evolve`` (issue 15: cheap to build, still immutable to callers)."""

from __future__ import annotations

import copy
import pickle
from datetime import date
from decimal import Decimal

import pytest

import khuyencong as kc
from khuyencong.rules import LineStatus

DATA = {
    "code": "R-1",
    "title": "Máy móc",
    "plan_year": 2016,
    "funding": {"kind": "national"},
    "contents": ["demonstration_and_technology"],
    "beneficiaries": [
        {
            "name": "Công ty A",
            "kind": "sme",
            "enterprise_size": "small",
            "industries": ["handicraft"],
            "production_site": {
                "geography": "pre2025",
                "province": "Bắc Giang",
                "district": "Việt Yên",
                "district_kind": "huyen",
            },
        }
    ],
    "budget_lines": [
        {
            "item": "machinery_and_technology",
            "cost": "300000000",
            "requested": "200000000",
            "machinery_is_new": True,
        }
    ],
    "state": "approved",
    "counterpart_committed": True,
    "no_other_state_funding": True,
}


@pytest.fixture
def assessment() -> kc.Assessment:
    return kc.assess(kc.Proposal.model_validate(DATA), as_of=date(2016, 6, 1))


def test_fields_are_read_only(assessment: kc.Assessment) -> None:
    # Điểm c khoản 2 Điều 6 TTLT 26/2014: 50 % of 300,000,000 = 150,000,000, below the 200 M
    # requested and the 200 M cap.
    line = assessment.lines[0]
    assert line.allowed == Decimal(150_000_000)
    assert line.status is LineStatus.COMPUTED
    with pytest.raises(AttributeError):
        assessment.status = kc.Status.INELIGIBLE  # type: ignore[misc]
    with pytest.raises(AttributeError):
        line.allowed = Decimal(0)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        assessment.priority.tags = ()  # type: ignore[misc]


def test_values_compare_hash_and_pickle_by_their_fields(assessment: kc.Assessment) -> None:
    again = kc.assess(kc.Proposal.model_validate(DATA), as_of=date(2016, 6, 1))
    assert again == assessment
    assert hash(again) == hash(assessment)
    assert pickle.loads(pickle.dumps(assessment)) == assessment
    assert copy.deepcopy(assessment) == assessment
    assert repr(assessment.lines[0]).startswith("LineResult(index=0, item=")


def test_to_dict_and_evolve(assessment: kc.Assessment) -> None:
    line = assessment.lines[0]
    fields = line.to_dict()
    assert fields["allowed"] == Decimal(150_000_000)
    assert fields["limit"] == "rate"
    changed = line.evolve(limit="cap")
    assert changed.limit == "cap"
    assert line.limit == "rate"
    assert changed != line
    with pytest.raises(TypeError, match="no field"):
        line.evolve(nonsense=1)
