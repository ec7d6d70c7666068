"""Validation errors as a person reads them: the path names the field once, the reason does not
repeat it, amounts are written the language's way, and a union's tag reads as words."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from khuyencong import Proposal
from khuyencong.l10n.errors import render_errors
from khuyencong.schemas import BudgetLine


def _errors(model: Any, data: dict[str, Any], lang: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return render_errors(caught.value, lang)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "Kinh phí đề nghị: 150.000.000 đ vượt tổng kinh phí của dòng (100.000.000 đ)"),
        ("en", "requested support: 150,000,000 VND exceeds the line's cost of 100,000,000 VND"),
    ],
)
def test_requested_over_cost_is_said_once(lang: str, expected: str) -> None:
    line = {"item": "brand", "cost": "100000000", "requested": "150000000"}
    assert _errors(BudgetLine, line, lang) == [expected]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            (
                "Nguồn khác: 40.000.001 đ cộng kinh phí đề nghị 60.000.000 đ vượt tổng kinh phí "
                "của dòng (100.000.000 đ)"
            ),
        ),
        (
            "en",
            (
                "other sources: 40,000,001 VND plus the requested support of 60,000,000 VND "
                "exceeds the line's cost of 100,000,000 VND"
            ),
        ),
    ],
)
def test_other_sources_over_cost_is_said_once(lang: str, expected: str) -> None:
    # 60.000.000 + 40.000.001 = 100.000.001 > 100.000.000
    line = {"item": "brand", "cost": 100_000_000, "requested": 60_000_000}
    line["other_sources"] = 40_000_001
    assert _errors(BudgetLine, line, lang) == [expected]


def _proposal(**site: Any) -> dict[str, Any]:
    place = {"geography": "pre2025", "province": "Bắc Giang", "district": "Việt Yên", **site}
    return {
        "code": "X-1",
        "title": "Ví dụ",
        "plan_year": 2016,
        "funding": {"kind": "national"},
        "contents": ["demonstration_and_technology"],
        "beneficiaries": [
            {
                "name": "HTX A",
                "kind": "cooperative",
                "industries": ["agro_forestry_fishery_processing"],
                "production_site": place,
            }
        ],
        "budget_lines": [{"item": "conference", "cost": "30000000", "requested": "30000000"}],
    }


@pytest.mark.parametrize(
    ("lang", "path"),
    [
        (
            "vi",
            "Đơn vị thụ hưởng 1 › Cơ sở sản xuất › Địa giới trước 01/07/2025 › Loại đơn vị cấp huyện",
        ),
        ("en", "beneficiary 1 › production site › geography before 2025-07-01 › district kind"),
    ],
)
def test_the_tag_of_a_place_reads_as_words(lang: str, path: str) -> None:
    (error,) = _errors(Proposal, _proposal(district_kind="xyz"), lang)
    assert error.startswith(path + ": ")
    assert "pre2025" not in error
