"""Rules of the selection of typical rural industrial products, Thông tư 26/2014/TT-BCT.

Pure functions of (inputs, rulebook, date).  Every figure and list is a ``typical_products.*``
parameter of the rulebook, resolved at the date asked, so before 21/10/2014 each rule answers
:class:`~khuyencong.rulebooks.NotEncoded` naming Thông tư 35/2010/TT-BCT.  From 01/07/2025 the
district level no longer exists (two-tier local government): rules about it answer a
:class:`~khuyencong.selection.results.Refusal` naming the reform instead of inventing a successor.

>>> from datetime import date
>>> council_sizes(SelectionLevel.REGION, date(2016, 6, 1))
(9, 11)
>>> certificate_valid_until(date(2016, 5, 10))
datetime.date(2018, 12, 31)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from functools import wraps
from typing import ParamSpec, TypeVar, cast

from .._args import check_date, check_optional_date, check_rulebook
from ..errors import NotEncodedError
from ..rulebooks import NotEncoded, Resolved, Rulebook, national
from ..schemas.citation import Citation, Provenance
from .codes import (
    CouncilBody,
    CouncilRole,
    EntryCondition,
    PhotoAngle,
    SelectionAuthority,
    SelectionLevel,
)
from .geography import REFORM_DATE, REFORM_SOURCE
from .models import Certificate, Council, Product, RegistrationDossier, SelectionRound
from .results import (
    Check,
    Deadline,
    EntryRequirement,
    LocalFunding,
    NationalFunding,
    Refusal,
    Verdict,
)

__all__ = [
    "DOCUMENT",
    "certificate_valid_until",
    "check_certificate",
    "check_council",
    "check_dossier",
    "check_jury",
    "check_product",
    "check_recognition",
    "check_round",
    "check_selection_funding",
    "complaint_deadline",
    "complaint_in_time",
    "complaint_resolution_deadline",
    "council_sizes",
    "entry_requirement",
    "level_in_force",
    "selection_funding",
]

DOCUMENT = "26/2014/TT-BCT"
"""Thông tư 26/2014/TT-BCT, the Circular these rules encode."""

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _cite(article: int, clause: int | None = None, point: str | None = None) -> Citation:
    return Citation(document=DOCUMENT, article=article, clause=clause, point=point)


class _Unencoded(NotEncodedError):
    """Internal: carries a NotEncoded out of a rule to its public entry point, which returns it
    (only these, not a NotEncodedError from elsewhere)."""

    def __init__(self, result: NotEncoded) -> None:
        super().__init__(result.reason_en, result)


def _get(rb: Rulebook, code: str, as_of: date) -> Resolved:
    found = rb.resolve(code, as_of)
    if isinstance(found, NotEncoded):
        raise _Unencoded(found)
    return found


def _returns_not_encoded(func: Callable[_P, _R]) -> Callable[_P, _R | NotEncoded]:
    @wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R | NotEncoded:
        try:
            return func(*args, **kwargs)
        except _Unencoded as exc:
            return cast(NotEncoded, exc.not_encoded)  # always set by _Unencoded

    return wrapper


def _district_refusal(level: SelectionLevel, as_of: date) -> Refusal | None:
    """From 01/07/2025 there is no district level: điểm a khoản 1 Điều 3 no longer has an object."""
    if level is not SelectionLevel.DISTRICT or as_of < REFORM_DATE:
        return None
    return Refusal(
        code="district_level_abolished",
        as_of=as_of,
        reason_vi=(
            "Từ 01/07/2025 chính quyền địa phương tổ chức theo hai cấp, không còn cấp huyện: "
            "cấp bình chọn cấp huyện (điểm a khoản 1 Điều 3, khoản 2 Điều 6 Thông tư "
            "26/2014/TT-BCT) không còn đối tượng áp dụng. Thư viện không biết văn bản nào quy "
            "định cấp thay thế và không tự suy ra."
        ),
        reason_en=(
            "From 2025-07-01 local government has two tiers and no district level: the district "
            "level of selection (Art 3.1.a, Art 6.2 of Circular 26/2014/TT-BCT) has nothing left to "
            "apply to. The library knows no instrument that sets a replacement and does not "
            "invent one."
        ),
        provenance=Provenance.SECONDARY,
        source=REFORM_SOURCE,
        citation=_cite(3, 1, "a"),
    )


def _level_gate(rb: Rulebook, level: SelectionLevel, as_of: date) -> Resolved | Refusal:
    levels = _get(rb, "typical_products.levels", as_of)
    refusal = _district_refusal(level, as_of)
    return refusal if refusal is not None else levels


# ---- levels (Điều 3, 6, 10, 12) ---------------------------------------------------------------


@_returns_not_encoded
def level_in_force(
    level: SelectionLevel, as_of: date, rulebook: Rulebook | None = None
) -> Check | Refusal:
    """Whether selection at ``level`` exists on ``as_of``: the four levels of khoản 2 Điều 6
    Thông tư 26/2014/TT-BCT; the district level is refused from 01/07/2025."""
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    gate = _level_gate(rb, level, as_of)
    if isinstance(gate, Refusal):
        return gate
    present = level.value in gate.codes
    return Check(
        code="level",
        passed=present,
        citation=gate.citation,
        provenance=gate.provenance,
        message_vi=f"{level.vi} là một trong {len(gate.codes)} cấp bình chọn.",
        message_en=f"The {level.en.lower()} is one of the {len(gate.codes)} levels of selection.",
    )


_RECOMMENDER = {
    SelectionLevel.PROVINCE: ("Ủy ban nhân dân cấp huyện", "the district People's Committee"),
    SelectionLevel.REGION: ("Ủy ban nhân dân cấp tỉnh", "the provincial People's Committee"),
    SelectionLevel.NATIONAL: (
        "Cục trưởng Cục Công nghiệp địa phương",
        "the Director of the Agency for Regional Industry",
    ),
}


@_returns_not_encoded
def entry_requirement(
    level: SelectionLevel, as_of: date, rulebook: Rulebook | None = None
) -> EntryRequirement | Refusal:
    """How a product enters ``level``: through a still-valid certificate of the level below and a
    recommending letter (khoản 2 Điều 10; điểm b, c khoản 2-4 Điều 12 Thông tư 26/2014/TT-BCT).
    A district round is entered directly (khoản 1 Điều 12).

    From 01/07/2025 the provincial route (district certificate, letter of the district People's
    Committee, or điểm d khoản 2 Điều 12 through that committee) has no district level to run
    through: the answer is a :class:`Refusal`, as for the district level itself.
    """
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    gate = _level_gate(rb, level, as_of)
    if isinstance(gate, Refusal):
        return gate
    if level is SelectionLevel.PROVINCE and as_of >= REFORM_DATE:
        return Refusal(
            code="province_entry_after_reform",
            as_of=as_of,
            reason_vi=(
                "Khoản 2 Điều 12 Thông tư 26/2014/TT-BCT yêu cầu Giấy chứng nhận cấp huyện và văn "
                "bản đề nghị của Ủy ban nhân dân cấp huyện; từ 01/07/2025 không còn cấp huyện. "
                "Thư viện không biết quy định thay thế nên không xác định được cách đăng ký cấp tỉnh."
            ),
            reason_en=(
                "Art 12.2 of Circular 26/2014/TT-BCT requires a district certificate and a letter of "
                "the district People's Committee; from 2025-07-01 there is no district level. The "
                "library knows no replacement rule, so it cannot say how a product enters the "
                "provincial level."
            ),
            provenance=Provenance.SECONDARY,
            source=REFORM_SOURCE,
            citation=_cite(12, 2),
        )
    if level is SelectionLevel.DISTRICT:
        return EntryRequirement(
            level=level,
            certificate_of=None,
            recommender_vi="",
            recommender_en="",
            citation=_cite(12, 1),
            provenance=gate.provenance,
        )
    vi, en = _RECOMMENDER[level]
    return EntryRequirement(
        level=level,
        certificate_of=level.below,
        recommender_vi=vi,
        recommender_en=en,
        citation=_cite(12, level.rank + 1),
        provenance=gate.provenance,
    )


# ---- products (Điều 3, 4, 5) -------------------------------------------------------------------


@_returns_not_encoded
def check_product(product: Product, as_of: date, rulebook: Rulebook | None = None) -> Verdict:
    """Whether ``product`` may take part: its group (Điều 5), what makes it a product set
    (khoản 2 Điều 3), and the conditions of Điều 4 Thông tư 26/2014/TT-BCT as declared.

    An undeclared condition is "not assessable", never met.
    """
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    groups = _get(rb, "typical_products.product_groups", as_of)
    conditions = _get(rb, "typical_products.entry_conditions", as_of)
    checks = [
        Check(
            code="product_group",
            passed=product.group.value in groups.codes,
            citation=groups.citation,
            provenance=groups.provenance,
            message_vi=f"Sản phẩm thuộc {product.group.vi.lower()}.",
            message_en=f"The product belongs to the group: {product.group.en}.",
        )
    ]
    if product.set_kind is not None:
        checks.append(
            Check(
                code="product_set",
                passed=True,
                citation=_cite(3, 2, product.set_kind.point),
                provenance=Provenance.OFFICIAL_TEXT,
                message_vi=(
                    f"Bộ sản phẩm gồm {len(product.components)} sản phẩm do cùng cơ sở sản xuất: "
                    f"{product.set_kind.vi.lower()}."
                ),
                message_en=(
                    f"A product set of {len(product.components)} products by the same "
                    f"establishment: {product.set_kind.en.lower()}."
                ),
            )
        )
    for code in conditions.codes:
        condition = EntryCondition(code)
        declared = product.declared.get(condition)
        if declared is None:
            vi, en = "chưa được khai", "not declared"
        elif declared:
            vi, en = "đáp ứng (theo khai báo)", "met (as declared)"
        else:
            vi, en = "không đáp ứng", "not met"
        checks.append(
            Check(
                code=condition.value,
                passed=declared,
                citation=_cite(4, condition.clause),
                provenance=conditions.provenance,
                message_vi=f"{condition.vi}: {vi}.",
                message_en=f"{condition.en}: {en}.",
            )
        )
    return Verdict(subject="product", as_of=as_of, checks=tuple(checks))


# ---- councils and jury (Điều 8, 9, 11) ---------------------------------------------------------


@_returns_not_encoded
def council_sizes(
    level: SelectionLevel, as_of: date, rulebook: Rulebook | None = None
) -> tuple[int, ...] | Refusal:
    """The numbers of members a council of ``level`` may have (Điều 9 Thông tư 26/2014/TT-BCT:
    5 or 7, 7 or 9, 9 or 11, 11 or 13 from district to national)."""
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    gate = _level_gate(rb, level, as_of)
    if isinstance(gate, Refusal):
        return gate
    return tuple(
        int(x) for x in _get(rb, f"typical_products.council_size.{level.value}", as_of).codes
    )


def _holds(held: CouncilRole, required: str) -> bool:
    # A standing vice-chair is a vice-chair (khoản 4 Điều 9 names vice-chairs without "thường trực").
    if required == CouncilRole.VICE_CHAIR.value:
        return held in (CouncilRole.VICE_CHAIR, CouncilRole.STANDING_VICE_CHAIR)
    return held.value == required


def _point(role: str) -> str:
    # Điều 9, each clause: point a names the chair, point b the vice-chairs.
    return "a" if role == CouncilRole.CHAIR.value else "b"


@_returns_not_encoded
def check_council(
    council: Council, as_of: date, rulebook: Rulebook | None = None
) -> Verdict | Refusal:
    """Check a selection council: who establishes it (khoản 1 Điều 8), its size and its chair and
    vice-chairs (Điều 9 Thông tư 26/2014/TT-BCT)."""
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    level = council.level
    gate = _level_gate(rb, level, as_of)
    if isinstance(gate, Refusal):
        return gate
    size = _get(rb, f"typical_products.council_size.{level.value}", as_of)
    allowed = tuple(int(x) for x in size.codes)
    n = len(council.members)
    allowed_vi = " hoặc ".join(f"{x:02d}" for x in allowed)
    allowed_en = " or ".join(str(x) for x in allowed)
    checks = [
        Check(
            code="council_size",
            passed=n in allowed,
            citation=size.citation,
            provenance=size.provenance,
            message_vi=f"Hội đồng {level.vi.lower()} có {allowed_vi} thành viên; có {n}.",
            message_en=f"A council of the {level.en.lower()} has {allowed_en} members; it has {n}.",
        )
    ]
    composition = _get(rb, f"typical_products.council_composition.{level.value}", as_of)
    chairs = [m for m in council.members if m.role is CouncilRole.CHAIR]
    checks.append(
        Check(
            code="council_one_chair",
            passed=len(chairs) == 1,
            citation=_cite(9, level.rank + 1, "a"),
            provenance=composition.provenance,
            message_vi=f"Hội đồng có một Chủ tịch; có {len(chairs)}.",
            message_en=f"The council has one chair; it has {len(chairs)}.",
        )
    )
    for role, requirements in composition.table.items():
        for requirement in requirements:
            bodies = tuple(CouncilBody(b) for b in requirement.split("|"))
            met = any(_holds(m.role, role) and m.represents in bodies for m in council.members)
            role_label = CouncilRole(role)
            checks.append(
                Check(
                    code=f"council_{role}_{requirement.replace('|', '_or_')}",
                    passed=met,
                    citation=_cite(9, level.rank + 1, _point(role)),
                    provenance=composition.provenance,
                    message_vi=(
                        f"{role_label.vi} là đại diện Lãnh đạo "
                        + " hoặc ".join(b.vi for b in bodies)
                        + (": có." if met else ": không có.")
                    ),
                    message_en=(
                        f"{role_label.en}: a leader of "
                        + " or ".join(b.en for b in bodies)
                        + (": present." if met else ": missing.")
                    ),
                )
            )
    founders = _get(rb, "typical_products.council_founder", as_of)
    expected = SelectionAuthority(founders.table[level.value][0])
    given = council.established_by
    checks.append(
        Check(
            code="council_founder",
            passed=None if given is None else given is expected,
            citation=_cite(8, 1, "abcd"[level.rank]),
            provenance=founders.provenance,
            message_vi=(
                f"Hội đồng {level.vi.lower()} do {expected.vi} quyết định thành lập"
                + ("; người thành lập chưa được khai." if given is None else f"; khai: {given.vi}.")
            ),
            message_en=(
                f"A council of the {level.en.lower()} is established by the {expected.en}"
                + (
                    "; who established it is not declared."
                    if given is None
                    else f"; declared: {given.en}."
                )
            ),
        )
    )
    return Verdict(subject="council", as_of=as_of, checks=tuple(checks))


@_returns_not_encoded
def check_jury(size: int, as_of: date, rulebook: Rulebook | None = None) -> Check:
    """The jury (Ban Giám khảo) has an odd number of members: khoản 2 Điều 11 Thông tư
    26/2014/TT-BCT."""
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    odd = _get(rb, "typical_products.jury_size_odd", as_of)
    passed = size >= 1 and (size % 2 == 1 or not odd.flag)
    return Check(
        code="jury_size_odd",
        passed=passed,
        citation=odd.citation,
        provenance=odd.provenance,
        message_vi=f"Số lượng thành viên Ban Giám khảo là số lẻ; có {size}.",
        message_en=f"The jury has an odd number of members; it has {size}.",
    )


@_returns_not_encoded
def check_round(
    selection_round: SelectionRound, as_of: date | None = None, rulebook: Rulebook | None = None
) -> Verdict | Refusal:
    """Check a selection round as of ``as_of`` (default: its first day): its level exists, its
    year against the usual schedule of Điều 14 (district and provincial rounds usually in odd years,
    regional and national in even years; other years are allowed where the competent authority
    decides, so this check never fails), its council and its jury when given."""
    as_of = check_optional_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    when = as_of or selection_round.starts_on
    level = selection_round.level
    gate = _level_gate(rb, level, when)
    if isinstance(gate, Refusal):
        return gate
    scope = "local" if level.rank <= SelectionLevel.PROVINCE.rank else "central"
    usual = _get(rb, f"typical_products.usual_year.{scope}", when)
    year = selection_round.starts_on.year
    parity = "odd" if year % 2 else "even"
    parity_vi = {"odd": "lẻ", "even": "chẵn"}
    usual_value = str(usual.value)
    if parity == usual_value:
        vi = f"Năm {year} là năm {parity_vi[parity]}, năm thường tổ chức bình chọn {level.vi.lower()}."
        en = f"{year} is an {parity} year, when {level.en.lower()} rounds are usually held."
    else:
        vi = (
            f"Năm {year} không phải năm thường tổ chức ({parity_vi[usual_value]}); được tổ chức "
            "khi cấp có thẩm quyền quy định (trường hợp khác)."
        )
        en = (
            f"{year} is not the usual ({usual_value}) year; allowed where the competent "
            "authority so decides."
        )
    checks = [
        Check(
            code="round_year",
            passed=True,
            citation=usual.citation,
            provenance=usual.provenance,
            message_vi=vi,
            message_en=en,
        )
    ]
    if selection_round.council is not None:
        council = check_council(selection_round.council, when, rb)
        if isinstance(council, Verdict):
            checks.extend(council.checks)
    if selection_round.jury_size is not None:
        jury = check_jury(selection_round.jury_size, when, rb)
        if isinstance(jury, Check):
            checks.append(jury)
    return Verdict(subject="round", as_of=when, checks=tuple(checks))


# ---- registration dossier (Điều 12) ------------------------------------------------------------


def _photo_checks(dossier: RegistrationDossier, rb: Rulebook, as_of: date) -> list[Check]:
    count = _get(rb, "typical_products.dossier_photos", as_of)
    short = _get(rb, "typical_products.photo_min_short_side_cm", as_of)
    long = _get(rb, "typical_products.photo_min_long_side_cm", as_of)
    photos = dossier.photos
    angles = {p.angle for p in photos}
    missing = [a for a in PhotoAngle if a not in angles]
    good_count = len(photos) >= count.integer and not missing
    small = [
        p
        for p in photos
        if min(p.width_cm, p.height_cm) < short.integer
        or max(p.width_cm, p.height_cm) < long.integer
        or not p.colour
    ]
    missing_vi = ", ".join(a.vi.lower() for a in missing) or "không"
    missing_en = ", ".join(a.en.lower() for a in missing) or "none"
    return [
        Check(
            code="photos_angles",
            passed=good_count,
            citation=count.citation,
            provenance=count.provenance,
            message_vi=(
                f"Kèm {count.integer:02d} ảnh màu chụp tại 3 góc độ (chính diện, mặt bên, từ trên "
                f"xuống); có {len(photos)} ảnh, thiếu góc: {missing_vi}."
            ),
            message_en=(
                f"{count.integer} colour photographs from 3 angles (front, side, above); "
                f"{len(photos)} given, angles missing: {missing_en}."
            ),
        ),
        Check(
            code="photos_size_colour",
            passed=bool(photos) and not small,
            citation=short.citation,
            provenance=short.provenance,
            message_vi=(
                f"Ảnh màu, cỡ tối thiểu ({short.integer} x {long.integer}) cm; "
                f"{len(small)} ảnh không đạt."
            ),
            message_en=(
                f"Colour photographs of at least {short.integer} x {long.integer} cm; "
                f"{len(small)} do not comply."
            ),
        ),
    ]


@_returns_not_encoded
def check_dossier(
    dossier: RegistrationDossier, rulebook: Rulebook | None = None
) -> Verdict | Refusal:
    """Check a registration dossier on the day it is submitted, Điều 12 Thông tư 26/2014/TT-BCT:
    the documents of khoản 1 for every level, and for higher levels a certificate of the level
    below still valid on that day (điểm b) and the recommending letter (điểm c), or for a
    provincial round without district round the route of điểm d khoản 2."""
    rb = check_rulebook(rulebook) or national()
    as_of = dossier.submitted_on
    requirement = entry_requirement(dossier.level, as_of, rb)
    if isinstance(requirement, NotEncoded):
        raise _Unencoded(requirement)
    if isinstance(requirement, Refusal):
        return requirement
    prov = requirement.provenance
    checks = [
        Check(
            code="registration_form",
            passed=dossier.registration_form and dossier.business_registration_copy,
            citation=_cite(12, 1, "a"),
            provenance=prov,
            message_vi=(
                "Phiếu đăng ký (Phụ lục 1) kèm bản sao hợp lệ Giấy chứng nhận đăng ký kinh doanh: "
                + (
                    "có."
                    if dossier.registration_form and dossier.business_registration_copy
                    else "thiếu."
                )
            ),
            message_en=(
                "Registration form (Annex 1) with a valid copy of the business registration "
                "certificate: "
                + (
                    "present."
                    if dossier.registration_form and dossier.business_registration_copy
                    else "missing."
                )
            ),
        ),
        Check(
            code="product_description",
            passed=dossier.product_description,
            citation=_cite(12, 1, "b"),
            provenance=prov,
            message_vi="Bản thuyết minh sản phẩm (Phụ lục 2): "
            + ("có." if dossier.product_description else "thiếu."),
            message_en="Product description (Annex 2): "
            + ("present." if dossier.product_description else "missing."),
        ),
        *_photo_checks(dossier, rb, as_of),
    ]
    level = dossier.level
    clause = level.rank + 1
    if level is SelectionLevel.PROVINCE and not dossier.lower_round_held:
        checks.append(
            Check(
                code="recommendation_letter",
                passed=dossier.recommendation_letter,
                citation=_cite(12, 2, "d"),
                provenance=prov,
                message_vi=(
                    "Không tổ chức bình chọn cấp huyện: hồ sơ gửi Ủy ban nhân dân cấp huyện xem xét, "
                    "có văn bản gửi đăng ký cấp tỉnh: "
                    + ("có." if dossier.recommendation_letter else "thiếu.")
                ),
                message_en=(
                    "No district round was held: the dossier goes through the district People's "
                    "Committee, whose letter registers it for the provincial round: "
                    + ("present." if dossier.recommendation_letter else "missing.")
                ),
            )
        )
    elif requirement.certificate_of is not None:
        checks.append(
            _lower_certificate_check(dossier, requirement.certificate_of, clause, rb, prov)
        )
        checks.append(
            Check(
                code="recommendation_letter",
                passed=dossier.recommendation_letter,
                citation=_cite(12, clause, "c"),
                provenance=prov,
                message_vi=(
                    f"Văn bản đề nghị của {requirement.recommender_vi} kèm danh sách trích ngang "
                    "(Phụ lục 5): " + ("có." if dossier.recommendation_letter else "thiếu.")
                ),
                message_en=(
                    f"Letter of {requirement.recommender_en} with the summary list (Annex 5): "
                    + ("present." if dossier.recommendation_letter else "missing.")
                ),
            )
        )
    return Verdict(subject="dossier", as_of=as_of, checks=tuple(checks))


def _lower_certificate_check(
    dossier: RegistrationDossier,
    needed: SelectionLevel,
    clause: int,
    rb: Rulebook,
    provenance: Provenance,
) -> Check:
    citation = _cite(12, clause, "b")
    cert = dossier.lower_level_certificate
    on = dossier.submitted_on
    if cert is None or cert.level is not needed:
        given_vi = "không có" if cert is None else f"có Giấy chứng nhận {cert.level.vi.lower()}"
        given_en = "none given" if cert is None else f"a certificate of the {cert.level.en.lower()}"
        return Check(
            code="lower_level_certificate",
            passed=False,
            citation=citation,
            provenance=provenance,
            message_vi=f"Cần bản sao Giấy chứng nhận {needed.vi.lower()} còn giá trị; {given_vi}.",
            message_en=f"A valid certificate of the {needed.en.lower()} is needed; {given_en}.",
        )
    status = check_certificate(cert, on, rb)
    if isinstance(status, NotEncoded):
        return Check(
            code="lower_level_certificate",
            passed=None,
            citation=citation,
            provenance=provenance,
            message_vi=f"Không xác định được hạn của Giấy chứng nhận: {status.reason_vi}",
            message_en=f"The certificate's validity cannot be determined: {status.reason_en}",
        )
    valid = status.check("certificate_valid")
    return Check(
        code="lower_level_certificate",
        passed=valid.passed,
        citation=citation,
        provenance=provenance,
        message_vi=f"Giấy chứng nhận {needed.vi.lower()}: {valid.message_vi}",
        message_en=f"Certificate of the {needed.en.lower()}: {valid.message_en}",
    )


# ---- recognition and certificate (Điều 17, 20) ------------------------------------------------


@_returns_not_encoded
def check_recognition(
    scores: Sequence[Decimal | int],
    as_of: date,
    product: Verdict | None = None,
    rulebook: Rulebook | None = None,
) -> Verdict:
    """Whether a product earns a certificate, khoản 1 Điều 17 Thông tư 26/2014/TT-BCT: the
    average of the jury's scores is 70 or more, and the product meets Điều 4 (pass the verdict of
    :func:`check_product` as ``product``; Điều 7 is applied through the scores).

    The number and mix of certificates is the council's decision and is not checked.
    """
    as_of = check_date(as_of, "as_of")
    if not scores:
        raise ValueError("at least one jury score is needed")
    rb = check_rulebook(rulebook) or national()
    threshold = _get(rb, "typical_products.pass_score", as_of)
    average = sum((Decimal(s) for s in scores), Decimal(0)) / len(scores)
    checks = [
        Check(
            code="average_score",
            passed=average >= threshold.integer,
            citation=threshold.citation,
            provenance=threshold.provenance,
            message_vi=f"Điểm bình quân {average:.2f}, cần từ {threshold.integer} điểm trở lên.",
            message_en=f"Average score {average:.2f}; {threshold.integer} or more is needed.",
        )
    ]
    if product is not None:
        passed = {"passed": True, "failed": False, "not_assessable": None}[product.status]
        checks.append(
            Check(
                code="meets_article_4",
                passed=passed,
                citation=_cite(17, 1),
                provenance=product.provenance,
                message_vi=f"Sản phẩm đáp ứng Điều 4: {product.status}.",
                message_en=f"The product meets Art 4: {product.status}.",
            )
        )
    return Verdict(subject="recognition", as_of=as_of, checks=tuple(checks))


@_returns_not_encoded
def certificate_valid_until(issued_on: date, rulebook: Rulebook | None = None) -> date:
    """The last day a certificate issued on ``issued_on`` is valid: 31 December of the third year,
    counting the year of issue as the first (khoản 3 Điều 17 Thông tư 26/2014/TT-BCT)."""
    issued_on = check_date(issued_on, "issued_on")
    rb = check_rulebook(rulebook) or national()
    years = _get(rb, "typical_products.certificate_years", issued_on).integer
    return date(issued_on.year + years - 1, 12, 31)


@_returns_not_encoded
def check_certificate(
    certificate: Certificate, on: date, rulebook: Rulebook | None = None
) -> Verdict:
    """Check a certificate on ``on``: issued by the authority of its level (khoản 2 Điều 17),
    valid from its issue until 31 December of the third year (khoản 3 Điều 17) and not revoked
    (khoản 3 Điều 20 Thông tư 26/2014/TT-BCT)."""
    on = check_date(on, "on")
    rb = check_rulebook(rulebook) or national()
    issued = certificate.issued_on
    years = _get(rb, "typical_products.certificate_years", issued)
    approvers = _get(rb, "typical_products.approver", issued)
    until = date(issued.year + years.integer - 1, 12, 31)
    expected = SelectionAuthority(approvers.table[certificate.level.value][0])
    given = certificate.issued_by
    checks = [
        Check(
            code="certificate_issuer",
            passed=None if given is None else given is expected,
            citation=approvers.citation,
            provenance=approvers.provenance,
            message_vi=f"Giấy chứng nhận {certificate.level.vi.lower()} do {expected.vi} cấp"
            + ("; người cấp chưa được khai." if given is None else f"; khai: {given.vi}."),
            message_en=f"A certificate of the {certificate.level.en.lower()} is granted by the "
            f"{expected.en}"
            + ("; the issuer is not declared." if given is None else f"; declared: {given.en}."),
        )
    ]
    revoked = certificate.revoked_on is not None and certificate.revoked_on <= on
    if revoked:
        checks.append(
            Check(
                code="certificate_valid",
                passed=False,
                citation=_cite(20, 3),
                provenance=Provenance.OFFICIAL_TEXT,
                message_vi=f"Giấy chứng nhận đã bị thu hồi ngày {certificate.revoked_on:%d/%m/%Y}.",
                message_en=f"The certificate was revoked on {certificate.revoked_on}.",
            )
        )
    else:
        valid = issued <= on <= until
        checks.append(
            Check(
                code="certificate_valid",
                passed=valid,
                citation=years.citation,
                provenance=years.provenance,
                message_vi=(
                    f"Giấy chứng nhận cấp ngày {issued:%d/%m/%Y} có giá trị đến hết ngày "
                    f"{until:%d/%m/%Y}; ngày {on:%d/%m/%Y} "
                    + ("còn giá trị." if valid else "không còn giá trị.")
                ),
                message_en=(
                    f"Issued {issued}, valid until the end of {until}; on {on} it is "
                    + ("valid." if valid else "not valid.")
                ),
            )
        )
    return Verdict(subject="certificate", as_of=on, checks=tuple(checks))


def _add_working_days(start: date, days: int, holidays: frozenset[date]) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself not counted)."""
    current, counted = start, 0
    while counted < days:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            counted += 1
    return current


def _deadline(
    code: str, start: date, holidays: Iterable[date], rulebook: Rulebook | None
) -> Deadline:
    rb = check_rulebook(rulebook) or national()
    period = _get(rb, code, start)
    days = frozenset(holidays)
    return Deadline(
        start=start,
        last_day=_add_working_days(start, period.integer, days),
        working_days=period.integer,
        citation=period.citation,
        provenance=period.provenance,
        holidays_declared=len(days),
    )


@_returns_not_encoded
def complaint_deadline(
    notified_on: date, holidays: Iterable[date] = (), rulebook: Rulebook | None = None
) -> Deadline:
    """The last day to complain about the results: 15 working days from their notification
    (khoản 1 Điều 20 Thông tư 26/2014/TT-BCT).

    Working days are Monday to Friday minus the ``holidays`` the caller declares; the day of
    notification is not counted.
    """
    notified_on = check_date(notified_on, "notified_on")
    return _deadline(
        "typical_products.complaint_period_working_days", notified_on, holidays, rulebook
    )


@_returns_not_encoded
def complaint_resolution_deadline(
    received_on: date, holidays: Iterable[date] = (), rulebook: Rulebook | None = None
) -> Deadline:
    """The last day for the council to settle a complaint: 10 working days from receiving it
    (khoản 2 Điều 20 Thông tư 26/2014/TT-BCT); same counting as :func:`complaint_deadline`."""
    received_on = check_date(received_on, "received_on")
    return _deadline(
        "typical_products.complaint_resolution_working_days", received_on, holidays, rulebook
    )


@_returns_not_encoded
def complaint_in_time(
    notified_on: date,
    filed_on: date,
    holidays: Iterable[date] = (),
    rulebook: Rulebook | None = None,
) -> Check:
    """Whether a complaint filed on ``filed_on`` is within the time limit of khoản 1 Điều 20
    Thông tư 26/2014/TT-BCT."""
    notified_on = check_date(notified_on, "notified_on")
    filed_on = check_date(filed_on, "filed_on")
    deadline = complaint_deadline(notified_on, holidays, rulebook)
    if isinstance(deadline, NotEncoded):
        raise _Unencoded(deadline)
    ok = notified_on <= filed_on <= deadline.last_day
    return Check(
        code="complaint_in_time",
        passed=ok,
        citation=deadline.citation,
        provenance=deadline.provenance,
        message_vi=(
            f"Thời hiệu khiếu nại {deadline.working_days} ngày làm việc kể từ ngày thông báo "
            f"{notified_on:%d/%m/%Y}, đến hết ngày {deadline.last_day:%d/%m/%Y}; nộp ngày "
            f"{filed_on:%d/%m/%Y}: " + ("trong thời hiệu." if ok else "ngoài thời hiệu.")
        ),
        message_en=(
            f"{deadline.working_days} working days from the notification on {notified_on}, until "
            f"{deadline.last_day}; filed on {filed_on}: " + ("in time." if ok else "out of time.")
        ),
    )


# ---- funding (Điều 19, 21; điểm g khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT) -----------------

_FUNDING_ITEMS = {
    SelectionLevel.REGION: ("support.selection_round_regional", "support.award_regional"),
    SelectionLevel.NATIONAL: ("support.selection_round_national", "support.award_national"),
}


@_returns_not_encoded
def selection_funding(
    level: SelectionLevel, as_of: date, rulebook: Rulebook | None = None
) -> NationalFunding | LocalFunding | Refusal:
    """Who funds a round of ``level`` and up to how much (Điều 19, khoản 2 Điều 21 Thông tư
    26/2014/TT-BCT).

    District and provincial rounds and awards are paid from local funds at levels the provincial
    People's Committee sets (:class:`LocalFunding`, no national cap).  Regional and national rounds
    are paid from national funds, at most 100 and 200 million đồng per round and 5 and 10 million
    đồng per awarded product (điểm g khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT, until 10/05/2018;
    from 11/05/2018 Thông tư 28/2018/TT-BTC governs and its levels are not encoded).
    """
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    gate = _level_gate(rb, level, as_of)
    if isinstance(gate, Refusal):
        return gate
    local = _get(rb, "typical_products.locally_funded_levels", as_of)
    if level.value in local.codes:
        return LocalFunding(
            level=level,
            citation=local.citation,
            award_citation=_cite(21, 2, "b"),
            provenance=local.provenance,
            message_vi=(
                f"Kinh phí bình chọn {level.vi.lower()} từ nguồn kinh phí khuyến công địa phương; "
                "mức hỗ trợ và mức thưởng do Ủy ban nhân dân cấp tỉnh quy định."
            ),
            message_en=(
                f"A {level.en.lower()} round is paid from local khuyến công funds; support and award "
                "levels are set by the provincial People's Committee."
            ),
        )
    basis = _get(rb, "typical_products.nationally_funded_levels", as_of)
    round_code, award_code = _FUNDING_ITEMS[level]
    round_level = _get(rb, round_code, as_of)
    award_level = _get(rb, award_code, as_of)
    round_cap, award_cap = round_level.support.cap, award_level.support.cap
    if round_cap is None or award_cap is None:
        raise TypeError(f"{round_code} and {award_code} must carry caps")
    provenance = (
        Provenance.SECONDARY
        if Provenance.SECONDARY in (round_level.provenance, award_level.provenance)
        else Provenance.OFFICIAL_TEXT
    )
    return NationalFunding(
        level=level,
        round_cap=round_cap,
        award_cap=award_cap,
        basis=basis.citation,
        round_citation=round_level.citation,
        award_citation=award_level.citation,
        provenance=provenance,
    )


@_returns_not_encoded
def check_selection_funding(
    level: SelectionLevel,
    as_of: date,
    *,
    round_cost: Decimal | None = None,
    award_per_product: Decimal | None = None,
    rulebook: Rulebook | None = None,
) -> Verdict | LocalFunding | Refusal:
    """Check the national support asked for a round's organisation and for each award against
    the caps of :func:`selection_funding` ("không quá": equal to the cap is allowed)."""
    as_of = check_date(as_of, "as_of")
    funding = selection_funding(level, as_of, rulebook)
    if isinstance(funding, NotEncoded):
        raise _Unencoded(funding)
    if not isinstance(funding, NationalFunding):
        return funding
    checks: list[Check] = []
    if round_cost is not None:
        checks.append(
            Check(
                code="selection_round_cap",
                passed=round_cost <= funding.round_cap,
                citation=funding.round_citation,
                provenance=funding.provenance,
                message_vi=f"Hỗ trợ tổ chức bình chọn {level.vi.lower()} không quá "
                f"{funding.round_cap:,} đồng/lần; đề nghị {round_cost:,} đồng.",
                message_en=f"Support for a {level.en.lower()} round is at most "
                f"{funding.round_cap:,} VND; {round_cost:,} VND asked.",
            )
        )
    if award_per_product is not None:
        checks.append(
            Check(
                code="award_cap",
                passed=award_per_product <= funding.award_cap,
                citation=funding.award_citation,
                provenance=funding.provenance,
                message_vi=f"Thưởng sản phẩm đạt giải {level.vi.lower()} không quá "
                f"{funding.award_cap:,} đồng/sản phẩm; đề nghị {award_per_product:,} đồng.",
                message_en=f"An award at the {level.en.lower()} is at most "
                f"{funding.award_cap:,} VND per product; {award_per_product:,} VND asked.",
            )
        )
    return Verdict(subject="funding", as_of=as_of, checks=tuple(checks))
