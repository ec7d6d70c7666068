"""Điều 17 (recognition at 70 points, certificate until 31 December of the third year, who grants
it) and Điều 20 (complaints in working days, revocation) Thông tư 26/2014/TT-BCT."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from khuyencong.rulebooks import NotEncoded
from khuyencong.schemas import Citation
from khuyencong.selection import (
    Check,
    Deadline,
    EntryCondition,
    SelectionAuthority,
    SelectionLevel,
    Verdict,
    certificate_valid_until,
    check_certificate,
    check_product,
    check_recognition,
    complaint_deadline,
    complaint_in_time,
    complaint_resolution_deadline,
)

from .builders import IN_FORCE, all_conditions_met, certificate, product

TT26 = "26/2014/TT-BCT"


def _verdict(result: object) -> Verdict:
    assert isinstance(result, Verdict), result
    return result


# ---- khoản 1 Điều 17: average of 70 points or more ----------------------------------------------


@pytest.mark.clause(f"{TT26}:17.1")
@pytest.mark.parametrize(
    ("scores", "ok"),
    [
        ([70, 70, 70], True),
        ([69, 70, 71], True),  # average exactly 70
        ([69, 70, 70], False),  # average 69.67
        ([Decimal("69.99")], False),
        ([100, 40], True),  # average 70
    ],
)
def test_17_1_average_score(scores: list[Decimal | int], ok: bool) -> None:
    check = _verdict(check_recognition(scores, IN_FORCE)).check("average_score")
    assert check.passed is ok
    assert check.citation == Citation(document="26/2014/TT-BCT", article=17, clause=1)


@pytest.mark.clause(f"{TT26}:17.1")
def test_17_1_product_must_meet_article_4() -> None:
    failing = check_product(
        product(**{c.value: c is not EntryCondition.NOT_A_COPY for c in EntryCondition}), IN_FORCE
    )
    assert isinstance(failing, Verdict)
    assert _verdict(check_recognition([90], IN_FORCE, failing)).status == "failed"
    passing = check_product(all_conditions_met(), IN_FORCE)
    assert isinstance(passing, Verdict)
    assert _verdict(check_recognition([90], IN_FORCE, passing)).passed


@pytest.mark.clause(f"{TT26}:17.1")
def test_17_1_no_scores() -> None:
    with pytest.raises(ValueError, match="score"):
        check_recognition([], IN_FORCE)


# ---- khoản 3 Điều 17: valid until 31 December of the third year ---------------------------------


@pytest.mark.clause(f"{TT26}:17.3")
@pytest.mark.parametrize(
    ("issued", "until"),
    [
        (date(2016, 5, 10), date(2018, 12, 31)),  # 2016 is year 1, 2018 year 3
        (date(2016, 1, 1), date(2018, 12, 31)),
        (date(2016, 12, 31), date(2018, 12, 31)),
        (date(2014, 10, 21), date(2016, 12, 31)),
    ],
)
def test_17_3_valid_until(issued: date, until: date) -> None:
    assert certificate_valid_until(issued) == until


@pytest.mark.clause(f"{TT26}:17.3")
@pytest.mark.clause(f"{TT26}:25.1")
def test_17_3_not_encoded_for_a_certificate_issued_under_tt_35_2010() -> None:
    result = certificate_valid_until(date(2014, 10, 20))
    assert isinstance(result, NotEncoded)
    assert result.instrument == "35/2010/TT-BCT"


@pytest.mark.clause(f"{TT26}:17.3")
def test_17_3_both_sides_of_the_last_day() -> None:
    cert = certificate(SelectionLevel.PROVINCE, date(2016, 5, 10))
    assert _verdict(check_certificate(cert, date(2018, 12, 31))).check("certificate_valid").passed
    assert (
        _verdict(check_certificate(cert, date(2019, 1, 1))).check("certificate_valid").passed
        is False
    )
    assert (
        _verdict(check_certificate(cert, date(2016, 5, 9))).check("certificate_valid").passed
        is False
    )


@pytest.mark.clause(f"{TT26}:17.2")
@pytest.mark.parametrize(
    ("level", "authority"),
    [
        (SelectionLevel.DISTRICT, SelectionAuthority.DISTRICT_PC_CHAIR),
        (SelectionLevel.PROVINCE, SelectionAuthority.PROVINCIAL_PC_CHAIR),
        (SelectionLevel.REGION, SelectionAuthority.DEPARTMENT_DIRECTOR),
        (SelectionLevel.NATIONAL, SelectionAuthority.MINISTER),
    ],
)
def test_17_2_who_grants(level: SelectionLevel, authority: SelectionAuthority) -> None:
    cert = certificate(level, date(2016, 5, 10)).model_copy(update={"issued_by": authority})
    assert _verdict(check_certificate(cert, IN_FORCE)).passed
    other = (
        SelectionAuthority.MINISTER
        if authority is not SelectionAuthority.MINISTER
        else SelectionAuthority.DEPARTMENT_DIRECTOR
    )
    wrong = cert.model_copy(update={"issued_by": other})
    failure = _verdict(check_certificate(wrong, IN_FORCE)).check("certificate_issuer")
    assert failure.passed is False
    assert failure.citation == Citation(document="26/2014/TT-BCT", article=17, clause=2)


@pytest.mark.clause(f"{TT26}:20.3")
def test_20_3_revoked_certificate() -> None:
    cert = certificate(SelectionLevel.REGION, date(2016, 5, 10)).model_copy(
        update={"revoked_on": date(2017, 3, 1)}
    )
    assert _verdict(check_certificate(cert, date(2017, 2, 28))).check("certificate_valid").passed
    revoked = _verdict(check_certificate(cert, date(2017, 3, 1))).check("certificate_valid")
    assert revoked.passed is False
    assert revoked.citation == Citation(document="26/2014/TT-BCT", article=20, clause=3)


# ---- khoản 1, 2 Điều 20: complaints -----------------------------------------------------------------

# Results notified on Monday 06/06/2016.  Working days after it: 7-10 June (4), 13-17 (9),
# 20-24 (14), 27 June is the 15th; 20 June is the 10th.


@pytest.mark.clause(f"{TT26}:20.1")
def test_20_1_complaint_within_15_working_days() -> None:
    deadline = complaint_deadline(date(2016, 6, 6))
    assert isinstance(deadline, Deadline)
    assert deadline.last_day == date(2016, 6, 27)
    assert deadline.citation == Citation(document="26/2014/TT-BCT", article=20, clause=1)
    on_time = complaint_in_time(date(2016, 6, 6), date(2016, 6, 27))
    late = complaint_in_time(date(2016, 6, 6), date(2016, 6, 28))
    assert isinstance(on_time, Check)
    assert isinstance(late, Check)
    assert on_time.passed is True
    assert late.passed is False


@pytest.mark.clause(f"{TT26}:20.1")
def test_20_1_declared_holiday_moves_the_deadline() -> None:
    deadline = complaint_deadline(date(2016, 6, 6), holidays=[date(2016, 6, 8)])
    assert isinstance(deadline, Deadline)
    assert deadline.last_day == date(2016, 6, 28)
    assert deadline.holidays_declared == 1


@pytest.mark.clause(f"{TT26}:20.2")
def test_20_2_council_settles_within_10_working_days() -> None:
    deadline = complaint_resolution_deadline(date(2016, 6, 6))
    assert isinstance(deadline, Deadline)
    assert deadline.last_day == date(2016, 6, 20)
    assert deadline.citation == Citation(document="26/2014/TT-BCT", article=20, clause=2)


@pytest.mark.clause(f"{TT26}:20.1")
@pytest.mark.clause(f"{TT26}:25.1")
def test_20_complaints_not_encoded_before_21_october_2014() -> None:
    assert isinstance(complaint_deadline(date(2014, 10, 20)), NotEncoded)
    assert isinstance(complaint_deadline(date(2014, 10, 21)), Deadline)
