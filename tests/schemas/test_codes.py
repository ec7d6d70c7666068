"""Codes: stable snake_case identifiers, each with a Vietnamese and an English label."""

from __future__ import annotations

import re

import pytest

from khuyencong.schemas import codes
from khuyencong.schemas.codes import (
    ActivityContent,
    CityClass,
    FundingSourceKind,
    LabelledEnum,
    SupportItem,
)

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")

ENUMS: list[type[LabelledEnum]] = [
    obj
    for name in codes.__all__
    if isinstance(obj := getattr(codes, name), type)
    and issubclass(obj, LabelledEnum)
    and obj is not LabelledEnum
]


def test_every_enum_of_the_module_is_checked() -> None:
    assert len(ENUMS) == 16
    assert {e.__name__ for e in ENUMS} == set(codes.__all__) - {"LabelledEnum"}


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_member_has_both_labels(enum: type[LabelledEnum]) -> None:
    for member in enum:
        assert member.vi.strip(), f"{enum.__name__}.{member.name} has no Vietnamese label"
        assert member.en.strip(), f"{enum.__name__}.{member.name} has no English label"
        assert member.label("vi") == member.vi
        assert member.label("en") == member.en


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_values_are_snake_case(enum: type[LabelledEnum]) -> None:
    for member in enum:
        if enum is CityClass and member.value.isdigit():
            # Urban classes 1-5 are numbered in law; their codes are the numbers ("1" ... "5").
            continue
        assert SNAKE_CASE.match(member.value), f"{enum.__name__}.{member.name} = {member.value!r}"


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_values_are_unique(enum: type[LabelledEnum]) -> None:
    # A repeated value would silently turn the second member into an alias of the first.
    assert len(enum.__members__) == len(list(enum)), f"{enum.__name__} has aliased members"
    values = [member.value for member in enum]
    assert len(values) == len(set(values))


def test_members_are_their_codes() -> None:
    assert SupportItem("brand") is SupportItem.BRAND
    assert isinstance(FundingSourceKind.NATIONAL, str)
    assert str(FundingSourceKind.NATIONAL) == "national"
    assert SupportItem.BRAND.vi == "Xây dựng, đăng ký thương hiệu"
    assert SupportItem.BRAND.en == "Building and registering a brand"


def test_the_nine_activity_contents_are_the_clauses_of_article_4() -> None:
    # Điều 4 Nghị định 45/2012/NĐ-CP has nine clauses, in this order.
    assert [content.clause for content in ActivityContent] == list(range(1, 10))
    assert ActivityContent.VOCATIONAL_TRAINING.clause == 1
    assert ActivityContent.PROGRAMME_MANAGEMENT.clause == 9
