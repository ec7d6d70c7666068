"""Resolution at a date: the value in force, or NotEncoded naming the governing instrument."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from khuyencong.errors import NotEncodedError
from khuyencong.rulebooks import NotEncoded, Resolved, national
from khuyencong.schemas.citation import Provenance


def resolved(code: str, on: date) -> Resolved:
    result = national().resolve(code, on)
    assert isinstance(result, Resolved), result
    return result


def not_encoded(code: str, on: date) -> NotEncoded:
    result = national().resolve(code, on)
    assert isinstance(result, NotEncoded), result
    return result


@pytest.mark.clause("26/2014/TTLT-BTC-BCT:6.2.b.p1")
def test_demonstration_model_2016_is_30_percent_and_500_million_official() -> None:
    # Đoạn 1 điểm b khoản 2 Điều 6 TTLT 26/2014: "tối đa 30% nhưng không quá 500 triệu đồng/mô hình"
    r = resolved("support.demonstration_new_technology", date(2016, 6, 1))
    assert r.support.rate == Decimal("0.30")
    assert r.support.cap == Decimal(500_000_000)
    assert r.support.per == "model"
    assert r.provenance is Provenance.OFFICIAL_TEXT
    assert r.citation.vi == "Đoạn 1 điểm b khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT"


@pytest.mark.clause("28/2018/TT-BTC")
def test_demonstration_model_2019_is_30_percent_and_1000_million_secondary() -> None:
    r = resolved("support.demonstration_new_technology", date(2019, 1, 1))
    assert r.support.rate == Decimal("0.30")
    assert r.support.cap == Decimal(1_000_000_000)
    assert r.provenance is Provenance.SECONDARY
    assert r.citation.document == "28/2018/TT-BTC"


def test_machinery_2019_is_not_encoded_naming_tt28_2018() -> None:
    r = not_encoded("support.machinery_and_technology", date(2019, 1, 1))
    assert r.instrument == "28/2018/TT-BTC"
    assert "28/2018/TT-BTC" in r.reason_en
    assert "28/2018/TT-BTC" in r.reason_vi
    with pytest.raises(NotEncodedError, match=r"28/2018/TT-BTC"):
        national().value("support.machinery_and_technology", date(2019, 1, 1))


# ---- the day before and the day of each effective date ---------------------------------------


@pytest.mark.clause("26/2014/TTLT-BTC-BCT:6.2.c")
def test_ttlt26_2014_takes_effect_on_8_april_2014() -> None:
    before = not_encoded("support.machinery_and_technology", date(2014, 4, 7))
    assert before.instrument == "125/2009/TTLT-BTC-BCT"  # Khoản 1 Điều 10 TTLT 26/2014 replaced it
    day_of = resolved("support.machinery_and_technology", date(2014, 4, 8))
    assert (day_of.support.rate, day_of.support.cap) == (Decimal("0.5"), Decimal(200_000_000))


def test_tt28_2018_replaces_ttlt26_2014_on_11_may_2018() -> None:
    last = resolved("support.machinery_and_technology", date(2018, 5, 10))
    assert last.valid_until == date(2018, 5, 11)
    assert not_encoded("support.machinery_and_technology", date(2018, 5, 11)).instrument == (
        "28/2018/TT-BTC"
    )
    # The demonstration model changes level on that day instead of disappearing.
    assert resolved("support.demonstration_new_technology", date(2018, 5, 10)).support.cap == (
        Decimal(500_000_000)
    )
    assert resolved("support.demonstration_new_technology", date(2018, 5, 11)).support.cap == (
        Decimal(1_000_000_000)
    )


@pytest.mark.clause("45/2012/NĐ-CP:1.2.a")
def test_nd45_2012_takes_effect_on_5_july_2012() -> None:
    assert not_encoded("beneficiary.rural_establishment_kinds", date(2012, 7, 4)).instrument == (
        "134/2004/NĐ-CP"
    )
    kinds = resolved("beneficiary.rural_establishment_kinds", date(2012, 7, 5)).codes
    assert set(kinds) == {"sme", "cooperative", "cooperative_group", "business_household"}


@pytest.mark.clause("46/2012/TT-BCT:3.1.đ")
def test_tt46_2012_takes_effect_on_10_february_2013() -> None:
    code = "location.converted_ward_counted_to_year_before_plan"
    assert not_encoded(code, date(2013, 2, 9)).instrument == "03/2005/TT-BCN"
    assert resolved(code, date(2013, 2, 10)).flag is True


@pytest.mark.clause("235/2025/NĐ-CP")
def test_nd235_2025_takes_effect_on_15_october_2025() -> None:
    old = resolved("beneficiary.rural_establishment_kinds", date(2025, 10, 14))
    new = resolved("beneficiary.rural_establishment_kinds", date(2025, 10, 15))
    assert "cooperative_union" not in old.codes
    assert "cooperative_union" in new.codes
    assert new.provenance is Provenance.SECONDARY
    assert not_encoded("location.eligible_district_kinds", date(2025, 10, 15)).instrument == (
        "45/2012/NĐ-CP"
    )
    assert resolved("location.eligible_units_2025_province", date(2025, 10, 15)).codes == (
        "xa",
        "phuong",
        "dac_khu",
    )


def test_tt36_2013_after_its_unknown_replacement_is_not_encoded() -> None:
    # TT 17/2018/TT-BCT replaced TT 36/2013 on a date not known here: from 1 January 2018 the
    # library refuses to say which applied, and says why.
    from khuyencong.rulebooks import Rulebook

    book: Rulebook = national()
    period = book.governing("national_procedures", date(2018, 1, 1))
    assert period is not None
    assert (period.document, period.uncertain) == ("17/2018/TT-BCT", True)
    period = book.governing("national_procedures", date(2017, 12, 31))
    assert period is not None
    assert period.document == "36/2013/TT-BCT"


def test_amendments_not_encoded_are_caveats() -> None:
    r = resolved("limits.foreign_fair_supports_per_year", date(2019, 1, 1))
    assert [c.document for c in r.caveats] == ["20/2017/TT-BCT"]
    # Before the year in its number, TT 20/2017 cannot have amended anything.
    assert resolved("limits.foreign_fair_supports_per_year", date(2016, 12, 31)).caveats == ()


def test_resolution_is_cached_and_fast_to_repeat() -> None:
    assert national() is national()
    on = date(2016, 6, 1)
    first = national().resolve("support.brand", on)
    assert national().resolve("support.brand", on) is first
    assert national().on(on)["support.brand"] is first
    # A NotEncoded answer is falsy but memoised all the same.
    missing = national().resolve("support.machinery_and_technology", date(2019, 1, 1))
    assert not missing
    assert national().resolve("support.machinery_and_technology", date(2019, 1, 1)) is missing


def test_typed_accessors_refuse_values_of_another_type() -> None:
    on = date(2016, 6, 1)
    deadline = resolved("registration.base_deadline", on)  # a (month, day) pair
    items = resolved("content.items", on)  # a table
    codes = resolved("industry.eligible", on)  # codes
    assert deadline.month_day == (5, 20)
    assert "any" in items.table
    assert "agro_food_processing" in codes.codes
    with pytest.raises(TypeError, match="not a list of codes"):
        _ = deadline.codes
    with pytest.raises(TypeError, match="not a list of codes"):
        _ = items.codes
    with pytest.raises(TypeError, match="not a table"):
        _ = codes.table
    with pytest.raises(TypeError, match="not a day of the year"):
        _ = codes.month_day
    with pytest.raises(TypeError, match="not a support level"):
        _ = codes.support


def test_unknown_parameter_names_the_code() -> None:
    with pytest.raises(KeyError, match=r"support\.nothing"):
        national().resolve("support.nothing", date(2016, 1, 1))


def test_a_compiled_rulebook_pickles_and_answers_the_same() -> None:
    import pickle

    on = date(2016, 6, 1)
    national().resolve("support.brand", on)  # something in the memo
    copy = pickle.loads(pickle.dumps(national()))
    assert copy.on(on) == {}  # the memo stays behind
    for code in national():
        assert copy.resolve(code, on) == national().resolve(code, on), code
    assert copy.resolve("content.items", on).table == resolved("content.items", on).table


def test_rulebook_tables_are_read_only() -> None:
    table = resolved("content.items", date(2016, 6, 1)).table
    with pytest.raises(TypeError, match="read-only"):
        table["any"] = ()  # type: ignore[index]
    with pytest.raises(TypeError, match="read-only"):
        table.update({})  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match="read-only"):
        national().params.pop("support.brand")  # type: ignore[attr-defined]
