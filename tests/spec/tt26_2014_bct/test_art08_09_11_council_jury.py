"""Khoản 1 Điều 8 (who establishes), Điều 9 (size and composition of the council) and khoản 2
Điều 11 (odd jury) Thông tư 26/2014/TT-BCT."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rulebooks import NotEncoded
from khuyencong.schemas import Citation
from khuyencong.selection import (
    Check,
    Council,
    CouncilBody,
    CouncilMember,
    CouncilRole,
    Refusal,
    SelectionAuthority,
    SelectionLevel,
    Verdict,
    check_council,
    check_jury,
    council_sizes,
)

from .builders import IN_FORCE

TT26 = "26/2014/TT-BCT"

LEADERS = {
    SelectionLevel.DISTRICT: (
        [(CouncilRole.CHAIR, CouncilBody.DISTRICT_PEOPLES_COMMITTEE)],
        [(CouncilRole.STANDING_VICE_CHAIR, CouncilBody.DISTRICT_ECONOMIC_OFFICE)],
        SelectionAuthority.DISTRICT_PC_CHAIR,
    ),
    SelectionLevel.PROVINCE: (
        [(CouncilRole.CHAIR, CouncilBody.PROVINCIAL_PEOPLES_COMMITTEE)],
        [(CouncilRole.STANDING_VICE_CHAIR, CouncilBody.PROVINCIAL_DEPARTMENT)],
        SelectionAuthority.PROVINCIAL_PC_CHAIR,
    ),
    SelectionLevel.REGION: (
        [(CouncilRole.CHAIR, CouncilBody.DEPARTMENT)],
        [(CouncilRole.STANDING_VICE_CHAIR, CouncilBody.HOST_PROVINCIAL_DEPARTMENT)],
        SelectionAuthority.DEPARTMENT_DIRECTOR,
    ),
    SelectionLevel.NATIONAL: (
        [(CouncilRole.CHAIR, CouncilBody.MINISTRY)],
        [
            (CouncilRole.VICE_CHAIR, CouncilBody.DEPARTMENT),
            (CouncilRole.VICE_CHAIR, CouncilBody.HOST_PROVINCIAL_PEOPLES_COMMITTEE),
        ],
        SelectionAuthority.MINISTER,
    ),
}


def council(level: SelectionLevel, size: int, *, founder: bool = True) -> Council:
    chair, vices, authority = LEADERS[level]
    leaders = chair + vices
    members = [
        CouncilMember(name=f"Lãnh đạo {i}", role=r, represents=b)
        for i, (r, b) in enumerate(leaders)
    ]
    members += [CouncilMember(name=f"Chuyên gia {i}") for i in range(size - len(leaders))]
    return Council(
        level=level, members=tuple(members), established_by=authority if founder else None
    )


def _verdict(result: object) -> Verdict:
    assert isinstance(result, Verdict), result
    return result


@pytest.mark.parametrize(
    ("level", "sizes", "clause"),
    [
        # "có 05 hoặc 07 thành viên"
        pytest.param(SelectionLevel.DISTRICT, (5, 7), 1, marks=pytest.mark.clause(f"{TT26}:9.1")),
        # "có 07 hoặc 09 thành viên"
        pytest.param(SelectionLevel.PROVINCE, (7, 9), 2, marks=pytest.mark.clause(f"{TT26}:9.2")),
        # "có 09 hoặc 11 thành viên"
        pytest.param(SelectionLevel.REGION, (9, 11), 3, marks=pytest.mark.clause(f"{TT26}:9.3")),
        # "có 11 hoặc 13 thành viên"
        pytest.param(SelectionLevel.NATIONAL, (11, 13), 4, marks=pytest.mark.clause(f"{TT26}:9.4")),
    ],
)
def test_art9_council_size_both_sides(
    level: SelectionLevel, sizes: tuple[int, int], clause: int
) -> None:
    assert council_sizes(level, IN_FORCE) == sizes
    low, high = sizes
    for n in range(low - 1, high + 2):
        verdict = _verdict(check_council(council(level, n), IN_FORCE))
        size_check = verdict.check("council_size")
        assert size_check.passed is (n in (low, high)), n
        assert size_check.citation == Citation(document="26/2014/TT-BCT", article=9, clause=clause)
    assert _verdict(check_council(council(level, low), IN_FORCE)).status == "passed"


@pytest.mark.clause(f"{TT26}:9.1.b")
def test_art9_1_district_council_without_its_standing_vice_chair() -> None:
    members = (
        CouncilMember(
            name="A", role=CouncilRole.CHAIR, represents=CouncilBody.DISTRICT_PEOPLES_COMMITTEE
        ),
        *(CouncilMember(name=f"B{i}") for i in range(4)),
    )
    verdict = _verdict(
        check_council(
            Council(
                level=SelectionLevel.DISTRICT,
                members=members,
                established_by=SelectionAuthority.DISTRICT_PC_CHAIR,
            ),
            IN_FORCE,
        )
    )
    (failure,) = verdict.failures
    assert failure.code == "council_standing_vice_chair_district_economic_office"
    assert failure.citation == Citation(document="26/2014/TT-BCT", article=9, clause=1, point="b")


@pytest.mark.clause(f"{TT26}:9.2.a")
def test_art9_two_chairs_fail_point_a() -> None:
    base = council(SelectionLevel.PROVINCE, 6)
    extra = CouncilMember(
        name="X", role=CouncilRole.CHAIR, represents=CouncilBody.PROVINCIAL_PEOPLES_COMMITTEE
    )
    verdict = _verdict(
        check_council(base.model_copy(update={"members": (*base.members, extra)}), IN_FORCE)
    )
    assert [c.code for c in verdict.failures] == ["council_one_chair"]


@pytest.mark.clause(f"{TT26}:9.4.b")
def test_art9_4_national_vice_chair_from_host_department_also_counts() -> None:
    base = council(SelectionLevel.NATIONAL, 11)
    members = tuple(
        m.model_copy(update={"represents": CouncilBody.HOST_PROVINCIAL_DEPARTMENT})
        if m.represents is CouncilBody.HOST_PROVINCIAL_PEOPLES_COMMITTEE
        else m
        for m in base.members
    )
    assert _verdict(check_council(base.model_copy(update={"members": members}), IN_FORCE)).passed
    without_host = tuple(
        m for m in base.members if m.represents is not CouncilBody.HOST_PROVINCIAL_PEOPLES_COMMITTEE
    )
    short = base.model_copy(update={"members": (*without_host, CouncilMember(name="Z"))})
    failures = _verdict(check_council(short, IN_FORCE)).failures
    assert [c.code for c in failures] == [
        "council_vice_chair_host_provincial_peoples_committee_or_host_provincial_department"
    ]


@pytest.mark.clause(f"{TT26}:8.1")
def test_art8_1_founder() -> None:
    wrong = council(SelectionLevel.REGION, 9).model_copy(
        update={"established_by": SelectionAuthority.MINISTER}
    )
    failure = _verdict(check_council(wrong, IN_FORCE)).check("council_founder")
    assert failure.passed is False
    assert failure.citation == Citation(document="26/2014/TT-BCT", article=8, clause=1, point="c")
    unknown = _verdict(check_council(council(SelectionLevel.REGION, 9, founder=False), IN_FORCE))
    assert unknown.status == "not_assessable"


@pytest.mark.clause(f"{TT26}:3.1.a")
def test_district_council_refused_after_the_reform() -> None:
    assert isinstance(
        check_council(council(SelectionLevel.DISTRICT, 5), date(2025, 6, 30)), Verdict
    )
    assert isinstance(check_council(council(SelectionLevel.DISTRICT, 5), date(2025, 7, 1)), Refusal)


@pytest.mark.clause(f"{TT26}:9.2")
@pytest.mark.clause(f"{TT26}:25.1")
def test_council_not_encoded_before_21_october_2014() -> None:
    result = check_council(council(SelectionLevel.PROVINCE, 7), date(2014, 10, 20))
    assert isinstance(result, NotEncoded)
    assert result.instrument == "35/2010/TT-BCT"
    assert isinstance(
        check_council(council(SelectionLevel.PROVINCE, 7), date(2014, 10, 21)), Verdict
    )


@pytest.mark.clause(f"{TT26}:11.2")
@pytest.mark.parametrize(("size", "ok"), [(1, True), (2, False), (3, True), (4, False), (5, True)])
def test_art11_2_jury_odd(size: int, ok: bool) -> None:
    result = check_jury(size, IN_FORCE)
    assert isinstance(result, Check)
    assert result.passed is ok
    assert result.citation == Citation(document="26/2014/TT-BCT", article=11, clause=2)
