"""Arguments of the public API (issue #12): dates are ``datetime.date`` objects, rulebooks are
loaded rulebooks or paths of rulebook files; anything else is an ``ArgumentError`` (a
``KhuyenCongError``) naming the argument — never a bare ``TypeError`` from deep inside, never a
silent "not assessable"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import khuyencong as kc
from khuyencong.datasets import example_path, validate
from khuyencong.errors import ArgumentError, KhuyenCongError
from khuyencong.rulebooks import national, template
from khuyencong.rules.advances import contract_ceiling
from khuyencong.rules.calendar import registration_deadline
from khuyencong.selection.rules import certificate_valid_until

WRONG_DATES = [datetime(2016, 6, 1, 9, 30), "2016-06-01", 20160601, None]


@pytest.fixture
def proposal(proposal_data: Callable[..., dict[str, Any]]) -> kc.Proposal:
    return kc.Proposal.model_validate(proposal_data())


@pytest.fixture
def overlay_path(tmp_path: Path) -> Path:
    path = tmp_path / "tinh.toml"
    path.write_text(template(), encoding="utf-8")
    return path


@pytest.mark.parametrize("wrong", WRONG_DATES)
def test_assess_refuses_a_date_that_is_not_a_date(proposal: kc.Proposal, wrong: Any) -> None:
    with pytest.raises(ArgumentError, match=r"as_of must be a datetime\.date") as caught:
        kc.assess(proposal, as_of=wrong)
    assert isinstance(caught.value, KhuyenCongError)


def test_a_datetime_is_refused_with_the_hint_to_take_its_date(proposal: kc.Proposal) -> None:
    with pytest.raises(ArgumentError, match=r"pass as_of\.date\(\)"):
        kc.assess(proposal, as_of=datetime(2016, 6, 1))
    assert kc.assess(proposal, as_of=datetime(2016, 6, 1).date()).as_of == date(2016, 6, 1)


@pytest.mark.parametrize("wrong", [datetime(2016, 6, 1), "2016-06-01"])
def test_validate_refuses_a_wrong_as_of_instead_of_not_assessing(wrong: Any) -> None:
    # Before: every row silently "not_assessable".
    with pytest.raises(ArgumentError, match="as_of"):
        validate(example_path(), as_of=wrong)


def test_rulebooks_may_be_paths(proposal: kc.Proposal, overlay_path: Path) -> None:
    loaded = kc.load_rulebook(overlay_path)
    by_path = list(validate(example_path(), rulebooks=str(overlay_path)))
    by_book = list(validate(example_path(), rulebooks=loaded))
    assert [r.allowed for r in by_path] == [r.allowed for r in by_book]
    as_of = date(2016, 6, 1)
    assert (
        kc.assess(proposal, as_of=as_of, rulebooks=[overlay_path]).support
        == kc.assess(proposal, as_of=as_of, rulebooks=[loaded]).support
    )


@pytest.mark.parametrize("wrong", [42, [national(), 3.5], {"a": 1}])
def test_rulebooks_of_a_wrong_type_are_named(proposal: kc.Proposal, wrong: Any) -> None:
    with pytest.raises(ArgumentError, match="rulebooks must hold rulebooks"):
        validate(example_path(), rulebooks=wrong)
    with pytest.raises(ArgumentError, match="rulebooks must hold rulebooks"):
        kc.assess(proposal, as_of=date(2016, 6, 1), rulebooks=wrong)


def test_a_missing_rulebook_file_is_a_rulebook_error() -> None:
    with pytest.raises(kc.RulebookError, match=r"tinh-khong-co\.toml"):
        validate(example_path(), rulebooks="tinh-khong-co.toml")


def test_the_rulebook_itself_refuses_a_wrong_date() -> None:
    book = national()
    with pytest.raises(ArgumentError, match="as_of"):
        book.resolve("advance.contract_ceiling", datetime(2016, 6, 1))
    with pytest.raises(ArgumentError, match="as_of"):
        book.value("advance.contract_ceiling", "2016-06-01")  # type: ignore[arg-type]


def test_procedures_and_selection_check_their_dates(
    proposal: kc.Proposal, overlay_path: Path
) -> None:
    with pytest.raises(ArgumentError, match="as_of"):
        contract_ceiling(proposal, "2016-06-01")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="as_of"):
        registration_deadline(2016, as_of=datetime(2015, 6, 1))
    with pytest.raises(ArgumentError, match="met_on"):
        registration_deadline(2016, as_of=date(2015, 6, 1), met_on="x")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="issued_on"):
        certificate_valid_until("2016-06-01")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="as_of"):
        kc.transition(proposal, "submit", as_of="2016-06-01", actor="x")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="rulebook"):
        contract_ceiling(proposal, date(2016, 6, 1), rulebook=42)  # type: ignore[arg-type]
    ceiling, _ = contract_ceiling(proposal, date(2016, 6, 1))
    # 70 % of the requested support, rounded down (Điểm b khoản 2 Điều 8 TTLT 26/2014).
    assert ceiling == (Decimal("0.7") * proposal.total_requested).to_integral_value(
        rounding="ROUND_FLOOR"
    )


def test_the_gap_list_checks_its_date_and_rulebooks() -> None:
    from khuyencong.rulebooks import gaps

    with pytest.raises(ArgumentError, match="as_of"):
        gaps("2016-06-01")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="rulebooks"):
        gaps(date(2016, 6, 1), rulebooks=42)  # type: ignore[arg-type]


class _NumpyLikeInt:
    """A whole number that is not an ``int``, as NumPy's and pandas' integers are (``__index__``)."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


def test_whole_numbers_may_be_numpy_like_and_nothing_else() -> None:
    # The same in both builds of the engine: the compiled one would refuse what is not an int
    # itself (a NumPy integer from a DataFrame), the pure-Python one took a float silently.
    from khuyencong.rules import allowed_support
    from khuyencong.rules.eligibility import converted_ward_qualifies

    # The arithmetic alone (figures chosen for it, not a level of the law): 50 % of a 300
    # million cost is 150 million; a cap of 100 million a unit binds for 1 unit, not for 2.
    args = {"requested": Decimal(200_000_000), "cost": Decimal(300_000_000)}
    args |= {"rate": Decimal("0.5"), "cap": Decimal(100_000_000)}
    assert allowed_support(**args, units=_NumpyLikeInt(2)) == (Decimal(150_000_000), "rate")
    assert allowed_support(**args, units=1) == (Decimal(100_000_000), "cap")
    # The function's own example: converted 31/12/2011, plan year 2017, at most 5 years.
    assert converted_ward_qualifies(date(2011, 12, 31), _NumpyLikeInt(2017), _NumpyLikeInt(5))
    for wrong in (2.0, "2", True, None):
        with pytest.raises(ArgumentError, match="units must be a whole number"):
            allowed_support(**args, units=wrong)  # type: ignore[arg-type]
        with pytest.raises(ArgumentError, match="plan_year must be a whole number"):
            converted_ward_qualifies(date(2011, 12, 31), wrong, 5)  # type: ignore[arg-type]
