"""Khoản 2 Điều 3 (product set), Điều 4 (what may take part) and Điều 5 (product groups)
Thông tư 26/2014/TT-BCT."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from khuyencong.rulebooks import NotEncoded, national
from khuyencong.schemas import Citation
from khuyencong.selection import (
    EntryCondition,
    Product,
    ProductGroup,
    ProductSetKind,
    Verdict,
    check_product,
)

from .builders import IN_FORCE, all_conditions_met, producer, product

TT26 = "26/2014/TT-BCT"


def _verdict(result: object) -> Verdict:
    assert isinstance(result, Verdict), result
    return result


@pytest.mark.clause(f"{TT26}:5")
def test_art5_four_groups() -> None:
    groups = national().value("typical_products.product_groups", IN_FORCE)
    assert groups.codes == (
        "handicraft",
        "processed_agro_forestry_fishery_food",
        "machinery_tools_parts",
        "other",
    )
    assert groups.citation == Citation(document="26/2014/TT-BCT", article=5)
    assert ProductGroup.MACHINERY_TOOLS_PARTS.vi == (
        "Nhóm sản phẩm về thiết bị, máy móc, dụng cụ và phụ tùng cơ khí"
    )


@pytest.mark.clause(f"{TT26}:4")
def test_art4_all_conditions_declared_met() -> None:
    verdict = _verdict(check_product(all_conditions_met(), IN_FORCE))
    assert verdict.status == "passed"
    assert set(verdict.codes()) == {"product_group"} | {c.value for c in EntryCondition}


@pytest.mark.parametrize(
    ("condition", "clause"),
    [
        pytest.param(EntryCondition.OWN_PRODUCTION, 2, marks=pytest.mark.clause(f"{TT26}:4.2")),
        pytest.param(EntryCondition.NOT_A_COPY, 3, marks=pytest.mark.clause(f"{TT26}:4.3")),
        pytest.param(EntryCondition.NO_IP_INFRINGEMENT, 3, marks=pytest.mark.clause(f"{TT26}:4.3")),
        pytest.param(EntryCondition.MASS_PRODUCIBLE, 4, marks=pytest.mark.clause(f"{TT26}:4.4")),
        pytest.param(EntryCondition.NOT_ONE_OF_A_KIND, 4, marks=pytest.mark.clause(f"{TT26}:4.4")),
    ],
)
def test_art4_one_condition_not_met_fails_citing_its_clause(
    condition: EntryCondition, clause: int
) -> None:
    facts = {c.value: True for c in EntryCondition}
    facts[condition.value] = False
    verdict = _verdict(check_product(product(**facts), IN_FORCE))
    assert verdict.status == "failed"
    (failure,) = verdict.failures
    assert failure.code == condition.value
    assert failure.citation == Citation(document="26/2014/TT-BCT", article=4, clause=clause)


@pytest.mark.clause(f"{TT26}:4")
def test_art4_undeclared_condition_is_not_assessable_never_met() -> None:
    facts = {c.value: True for c in EntryCondition if c is not EntryCondition.NOT_A_COPY}
    verdict = _verdict(check_product(product(**facts), IN_FORCE))
    assert verdict.status == "not_assessable"
    assert [c.code for c in verdict.undecided] == ["not_a_copy"]


@pytest.mark.clause(f"{TT26}:3.2")
def test_art3_2_product_set_needs_kind_and_at_least_two_products() -> None:
    s = Product(
        name="Bộ ấm chén gốm",
        group=ProductGroup.HANDICRAFT,
        producer=producer(),
        set_kind=ProductSetKind.COMBINABLE,
        components=("Ấm", "Chén"),
    )
    assert s.is_set
    verdict = _verdict(check_product(s, IN_FORCE))
    assert verdict.check("product_set").citation == Citation(
        document="26/2014/TT-BCT", article=3, clause=2, point="c"
    )
    with pytest.raises(ValidationError, match="at least two"):
        Product(
            name="Ấm",
            group=ProductGroup.HANDICRAFT,
            producer=producer(),
            set_kind=ProductSetKind.COMBINABLE,
            components=("Ấm",),
        )
    with pytest.raises(ValidationError, match="set_kind"):
        Product(
            name="Ấm",
            group=ProductGroup.HANDICRAFT,
            producer=producer(),
            components=("Ấm", "Chén"),
        )


@pytest.mark.clause(f"{TT26}:3.2.a")
@pytest.mark.clause(f"{TT26}:3.2.b")
@pytest.mark.clause(f"{TT26}:3.2.c")
def test_product_set_kinds_are_points_a_b_c() -> None:
    assert [k.point for k in ProductSetKind] == ["a", "b", "c"]


@pytest.mark.clause(f"{TT26}:4")
@pytest.mark.clause(f"{TT26}:25.1")
def test_dates_20_and_21_october_2014() -> None:
    before = check_product(all_conditions_met(), date(2014, 10, 20))
    assert isinstance(before, NotEncoded)
    assert before.instrument == "35/2010/TT-BCT"
    assert _verdict(check_product(all_conditions_met(), date(2014, 10, 21))).passed
