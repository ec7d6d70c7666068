"""Điều 12 Thông tư 26/2014/TT-BCT: the registration dossier of each level."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.schemas import Citation
from khuyencong.selection import PhotoAngle, Refusal, SelectionLevel, Verdict, check_dossier

from .builders import certificate, dossier, photos

TT26 = "26/2014/TT-BCT"


def _verdict(result: object) -> Verdict:
    assert isinstance(result, Verdict), result
    return result


@pytest.mark.clause(f"{TT26}:12.1")
def test_art12_1_complete_district_dossier() -> None:
    verdict = _verdict(check_dossier(dossier(SelectionLevel.DISTRICT)))
    assert verdict.status == "passed"
    assert verdict.codes() == (
        "registration_form",
        "product_description",
        "photos_angles",
        "photos_size_colour",
    )


@pytest.mark.clause(f"{TT26}:12.1.a")
def test_art12_1_a_business_registration_copy_missing() -> None:
    verdict = _verdict(
        check_dossier(dossier(SelectionLevel.DISTRICT, business_registration_copy=False))
    )
    (failure,) = verdict.failures
    assert failure.code == "registration_form"
    assert failure.citation == Citation(document="26/2014/TT-BCT", article=12, clause=1, point="a")


@pytest.mark.clause(f"{TT26}:12.1.b")
@pytest.mark.parametrize(
    ("width", "height", "ok"),
    [
        ("10", "15", True),  # exactly the minimum (10 x 15) cm
        ("15", "10", True),  # landscape
        ("9.9", "15", False),
        ("10", "14.9", False),
        ("13", "18", True),
    ],
)
def test_art12_1_b_photo_minimum_size(width: str, height: str, ok: bool) -> None:
    verdict = _verdict(
        check_dossier(dossier(SelectionLevel.DISTRICT, photos=photos(width, height)))
    )
    assert verdict.check("photos_size_colour").passed is ok


@pytest.mark.clause(f"{TT26}:12.1.b")
def test_art12_1_b_three_angles() -> None:
    two = photos(angles=(PhotoAngle.FRONT, PhotoAngle.SIDE))
    assert (
        _verdict(check_dossier(dossier(SelectionLevel.DISTRICT, photos=two)))
        .check("photos_angles")
        .passed
        is False
    )
    three_front = photos(angles=(PhotoAngle.FRONT,) * 3)
    assert (
        _verdict(check_dossier(dossier(SelectionLevel.DISTRICT, photos=three_front)))
        .check("photos_angles")
        .passed
        is False
    )


@pytest.mark.parametrize(
    ("level", "below", "clause"),
    [
        pytest.param(
            SelectionLevel.PROVINCE,
            SelectionLevel.DISTRICT,
            2,
            marks=[pytest.mark.clause(f"{TT26}:12.2.b"), pytest.mark.clause(f"{TT26}:12.2.c")],
        ),
        pytest.param(
            SelectionLevel.REGION,
            SelectionLevel.PROVINCE,
            3,
            marks=[pytest.mark.clause(f"{TT26}:12.3.b"), pytest.mark.clause(f"{TT26}:12.3.c")],
        ),
        pytest.param(
            SelectionLevel.NATIONAL,
            SelectionLevel.REGION,
            4,
            marks=[pytest.mark.clause(f"{TT26}:12.4.b"), pytest.mark.clause(f"{TT26}:12.4.c")],
        ),
    ],
)
def test_art12_higher_levels_need_valid_certificate_below_and_letter(
    level: SelectionLevel, below: SelectionLevel, clause: int
) -> None:
    good = dossier(
        level,
        lower_level_certificate=certificate(below, date(2015, 9, 1)),
        recommendation_letter=True,
    )
    assert _verdict(check_dossier(good)).passed
    missing = _verdict(check_dossier(dossier(level)))
    assert {c.code: c.citation for c in missing.failures} == {
        "lower_level_certificate": Citation(
            document="26/2014/TT-BCT", article=12, clause=clause, point="b"
        ),
        "recommendation_letter": Citation(
            document="26/2014/TT-BCT", article=12, clause=clause, point="c"
        ),
    }


@pytest.mark.clause(f"{TT26}:12.4.b")
def test_art12_certificate_of_the_wrong_level() -> None:
    wrong = dossier(
        SelectionLevel.NATIONAL,
        lower_level_certificate=certificate(SelectionLevel.PROVINCE, date(2015, 9, 1)),
        recommendation_letter=True,
    )
    assert [c.code for c in _verdict(check_dossier(wrong)).failures] == ["lower_level_certificate"]


@pytest.mark.clause(f"{TT26}:12.3.b")
@pytest.mark.clause(f"{TT26}:17.3")
def test_art12_certificate_still_valid_on_submission() -> None:
    # Issued 01/09/2015: valid until 31/12/2017 (khoản 3 Điều 17).
    cert = certificate(SelectionLevel.PROVINCE, date(2015, 9, 1))
    last_day = dossier(
        SelectionLevel.REGION,
        date(2017, 12, 31),
        lower_level_certificate=cert,
        recommendation_letter=True,
    )
    too_late = dossier(
        SelectionLevel.REGION,
        date(2018, 1, 1),
        lower_level_certificate=cert,
        recommendation_letter=True,
    )
    assert _verdict(check_dossier(last_day)).passed
    assert [c.code for c in _verdict(check_dossier(too_late)).failures] == [
        "lower_level_certificate"
    ]


@pytest.mark.clause(f"{TT26}:12.2.d")
def test_art12_2_d_no_district_round() -> None:
    ok = dossier(SelectionLevel.PROVINCE, lower_round_held=False, recommendation_letter=True)
    verdict = _verdict(check_dossier(ok))
    assert verdict.passed
    assert verdict.check("recommendation_letter").citation == Citation(
        document="26/2014/TT-BCT", article=12, clause=2, point="d"
    )
    assert "lower_level_certificate" not in verdict.codes()


@pytest.mark.clause(f"{TT26}:3.1.a")
@pytest.mark.clause(f"{TT26}:12.2")
def test_dossiers_at_district_and_province_refused_after_the_reform() -> None:
    assert isinstance(check_dossier(dossier(SelectionLevel.DISTRICT, date(2025, 7, 1))), Refusal)
    assert isinstance(check_dossier(dossier(SelectionLevel.PROVINCE, date(2025, 7, 1))), Refusal)
    assert isinstance(check_dossier(dossier(SelectionLevel.DISTRICT, date(2025, 6, 30))), Verdict)
