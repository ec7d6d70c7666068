"""Citations read the Vietnamese way, smallest unit first; bad numbers and points are refused."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from khuyencong.schemas import Citation, Provenance, document_kind


@pytest.mark.parametrize(
    ("fields", "vi", "en"),
    [
        (
            {"document": "26/2014/TTLT-BTC-BCT", "article": 6, "clause": 2, "point": "b"},
            "Điểm b khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT",
            "Art 6.2.b of Joint Circular 26/2014/TTLT-BTC-BCT",
        ),
        (
            {"document": "45/2012/NĐ-CP", "article": 5, "clause": 1, "point": "e"},
            "Điểm e khoản 1 Điều 5 Nghị định 45/2012/NĐ-CP",
            "Art 5.1.e of Decree 45/2012/NĐ-CP",
        ),
        (
            {"document": "46/2012/TT-BCT", "article": 3, "clause": 1},
            "Khoản 1 Điều 3 Thông tư 46/2012/TT-BCT",
            "Art 3.1 of Circular 46/2012/TT-BCT",
        ),
        (
            {"document": "36/2013/TT-BCT", "article": 13},
            "Điều 13 Thông tư 36/2013/TT-BCT",
            "Art 13 of Circular 36/2013/TT-BCT",
        ),
        (
            {"document": "235/2025/NĐ-CP"},
            "Nghị định 235/2025/NĐ-CP",
            "Decree 235/2025/NĐ-CP",
        ),
        (
            {"document": "45/2012/NĐ-CP", "article": 4, "clause": 3, "point": "đ"},
            "Điểm đ khoản 3 Điều 4 Nghị định 45/2012/NĐ-CP",
            "Art 4.3.đ of Decree 45/2012/NĐ-CP",
        ),
        (
            {
                "document": "26/2014/TTLT-BTC-BCT",
                "article": 6,
                "clause": 2,
                "point": "b",
                "paragraph": 2,
            },
            "Đoạn 2 điểm b khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT",
            "Art 6.2.b, paragraph 2 of Joint Circular 26/2014/TTLT-BTC-BCT",
        ),
        (
            {
                "document": "26/2014/TTLT-BTC-BCT",
                "article": 6,
                "clause": 2,
                "point": "b",
                "dash": 1,
            },
            "Gạch đầu dòng thứ nhất điểm b khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT",
            "Art 6.2.b, dash 1 of Joint Circular 26/2014/TTLT-BTC-BCT",
        ),
        (
            {"document": "36/2013/TT-BCT", "article": 10, "clause": 1, "dash": 4},
            "Gạch đầu dòng thứ tư khoản 1 Điều 10 Thông tư 36/2013/TT-BCT",
            "Art 10.1, dash 4 of Circular 36/2013/TT-BCT",
        ),
        (
            {"document": "1288/QĐ-TTg", "article": 1},
            "Điều 1 Quyết định 1288/QĐ-TTg",
            "Art 1 of Decision 1288/QĐ-TTg",
        ),
        (
            {"document": "20/CT-BCT"},
            "Chỉ thị 20/CT-BCT",
            "Directive 20/CT-BCT",
        ),
    ],
)
def test_rendering(fields: dict[str, Any], vi: str, en: str) -> None:
    citation = Citation.model_validate(fields)
    assert citation.vi == vi
    assert citation.en == en
    assert str(citation) == vi


def test_the_acceptance_example() -> None:
    citation = Citation(document="26/2014/TTLT-BTC-BCT", article=6, clause=2, point="b")
    assert citation.vi == "Điểm b khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT"


@pytest.mark.parametrize(
    ("number", "vi", "en"),
    [
        ("26/2014/TTLT-BTC-BCT", "Thông tư liên tịch", "Joint Circular"),
        ("28/2018/TT-BTC", "Thông tư", "Circular"),
        ("45/2012/NĐ-CP", "Nghị định", "Decree"),
        ("1881/QĐ-TTg", "Quyết định", "Decision"),
        ("20/CT-BCT", "Chỉ thị", "Directive"),
        ("12/2023/ABC", "Văn bản", "Document"),
    ],
)
def test_document_kind(number: str, vi: str, en: str) -> None:
    assert document_kind(number) == vi
    assert document_kind(number, "en") == en


@pytest.mark.parametrize(
    "number",
    [
        "",
        "TT 46/2012",
        "46-2012-TT-BCT",
        "46/12/TT-BCT",
        "46/2012/",
        "46/2012/tt-bct",
        "45/2012/NĐ-CP\n",
    ],
)
def test_bad_document_numbers_are_refused(number: str) -> None:
    with pytest.raises(ValidationError, match="is not a Vietnamese document number"):
        Citation(document=number)


@pytest.mark.parametrize("point", ["f", "j", "w", "z", "B", "aa", "1", ""])
def test_bad_points_are_refused(point: str) -> None:
    with pytest.raises(ValidationError, match="is not a point letter"):
        Citation(document="45/2012/NĐ-CP", article=4, clause=1, point=point)


@pytest.mark.parametrize("field", ["article", "clause", "paragraph", "dash"])
@pytest.mark.parametrize("value", [0, -1])
def test_numbers_start_at_one(field: str, value: int) -> None:
    with pytest.raises(ValidationError) as caught:
        Citation.model_validate({"document": "45/2012/NĐ-CP", field: value})
    (error,) = caught.value.errors()
    assert error["loc"] == (field,)
    assert "greater than or equal to 1" in error["msg"]


def test_citations_are_frozen_values() -> None:
    a = Citation(document="45/2012/NĐ-CP", article=6)
    b = Citation(document="45/2012/NĐ-CP", article=6)
    assert a == b
    assert hash(a) == hash(b)
    with pytest.raises(ValidationError):
        Citation(document="45/2012/NĐ-CP", section=1)  # type: ignore[call-arg]


def test_provenance_values() -> None:
    assert [p.value for p in Provenance] == [
        "official_text",
        "secondary",
        "user_supplied",
        "convention",
    ]
    assert Provenance.USER_SUPPLIED.vi == "do người dùng cung cấp"
    assert Provenance.USER_SUPPLIED.en == "user supplied"
    assert Provenance.CONVENTION.vi == "quy ước của thư viện"
    assert Provenance.CONVENTION.en == "library convention"
