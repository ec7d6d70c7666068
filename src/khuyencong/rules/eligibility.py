"""Who and where: beneficiary kinds, places and industries.

- Who is a rural industrial establishment: Khoản 2 Điều 1 NĐ 45/2012/NĐ-CP and Điều 3 TT 46/2012/
  TT-BCT; from 15/10/2025 the new Khoản 2 Điều 1 of NĐ 235/2025/NĐ-CP (secondary).
- Where: the old geography (huyện, thị xã, thị trấn, xã, phường of class-2/3 cities, phường of
  class-1 cities converted from a commune not more than 5 years before) until the reform; from
  15/10/2025 communes, wards and special zones of provinces, communes and special zones of
  centrally-run cities, and recognised craft villages.
- What: the industries of Điều 5 NĐ 45/2012/NĐ-CP, with mining only in difficult areas and no
  fired clay bricks from improved manual or ring kilns (Khoản 1 Điều 5 TT 46/2012/TT-BCT).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final, SupportsIndex

from dateutil.relativedelta import relativedelta

from .._args import check_date, check_integer
from ..l10n.catalog import Msg, Text
from ..rulebooks.core import NotEncoded, Resolved
from ..schemas.beneficiary import Beneficiary
from ..schemas.codes import AreaAttribute, BeneficiaryKind, CommuneKind, Industry, LabelledEnum
from ..schemas.locality import Locality2025, LocalityPre2025
from .context import Context
from .findings import Finding, Severity

__all__ = ["check_beneficiary", "check_industry", "check_location", "converted_ward_qualifies"]

Place = LocalityPre2025 | Locality2025


def _codes(result: Resolved | NotEncoded) -> tuple[str, ...]:
    return result.codes if isinstance(result, Resolved) else ()


_KIND_LISTS: Final = (
    ("rural", "beneficiary.rural_establishment_kinds"),
    ("cleaner", "beneficiary.cleaner_production_kinds"),
    ("service", "beneficiary.service_kinds"),
    ("artisan", "beneficiary.artisan_kinds"),
)
"""The lists of beneficiary kinds, in the order a kind is looked up."""
_INDUSTRY_CODES: Final = ("industry.eligible", "industry.eligible_2025_extension")


_SME: Final = BeneficiaryKind.SME
_PHUONG: Final = CommuneKind.PHUONG
_MINING: Final = Industry.MINING_AND_MINERALS


_Kinds = dict[str, tuple[str, Resolved, dict[str, None]]]


def _kind_index(ctx: Context) -> _Kinds:
    """Each beneficiary kind of the lists of the programme date, with the first list naming it,
    that list's answer, and the documents of the lists read up to it (as :func:`_kind_group`
    reads them, in order: a list not encoded notes nothing); compiled once per date.  It stops
    at the first list with a warning to record: the kinds from there on are read one by one."""
    compiled = ctx.programme_tables.compiled
    try:
        known: _Kinds = compiled["kind index"]
        return known
    except KeyError:
        pass
    index: _Kinds = {}
    read: list[str] = []
    for name, code in _KIND_LISTS:
        listed = ctx.answer(code)
        if isinstance(listed, NotEncoded):
            continue
        if not listed.quiet:
            break
        read.append(listed.citation.document)
        documents = dict.fromkeys(read)
        for kind in listed.codes:
            index.setdefault(kind, (name, listed, documents))
    compiled["kind index"] = index
    return index


def check_beneficiary(ctx: Context, b: Beneficiary, i: int) -> None:
    """Check one beneficiary's kind, and then its place and industry where the law asks."""
    kind = b.kind
    hit = _kind_index(ctx).get(kind)
    cited: Resolved | NotEncoded
    if hit is not None:
        group, cited, documents = hit
        ctx.documents.update(documents)
    else:
        found = _kind_group(ctx, b, i)
        if found is None:
            return
        group, cited = found
    if kind is _SME and b.enterprise_size is None:
        ctx.add(
            Finding(
                code="enterprise_size_missing",
                severity=Severity.UNDETERMINED,
                params={"name": b.name},
                citation=cited.citation if isinstance(cited, Resolved) else None,
                beneficiary=i,
            )
        )
    if group == "rural":
        check_location(ctx, b, i)
        check_industry(ctx, b, i)
    elif group == "cleaner":
        # Khoản 2 Điều 3 TT 46/2012: no limit of size or place; the industry list still applies.
        ctx.programme("beneficiary.cleaner_production_any_size_or_place")
        check_industry(ctx, b, i)


def _kind_group(ctx: Context, b: Beneficiary, i: int) -> tuple[str, Resolved | NotEncoded] | None:
    """The list naming the beneficiary's kind, read one by one; ``None`` (with its finding)
    when none does."""
    kinds: dict[str, Resolved | NotEncoded] = {}
    for name, code in _KIND_LISTS:
        listed = kinds[name] = ctx.programme(code)
        if isinstance(listed, Resolved) and b.kind in listed.codes:
            return name, listed
    # Say "not encoded" when the list that might have named this kind is not encoded.
    unknown = [r for r in kinds.values() if isinstance(r, NotEncoded)]
    encoded = [r for r in kinds.values() if isinstance(r, Resolved)]
    rural = kinds["rural"]
    if b.kind is BeneficiaryKind.LARGE_ENTERPRISE and isinstance(rural, Resolved):
        ctx.add(
            Finding.of(
                code="large_enterprise",
                severity=Severity.ERROR,
                params={"name": b.name},
                rule=rural,
                beneficiary=i,
            )
        )
    elif unknown and (b.kind is BeneficiaryKind.SERVICE_ORGANISATION or not encoded):
        ctx.add(Finding.not_encoded(unknown[0], beneficiary=i))
    else:
        cite = encoded[0] if encoded else None
        ctx.add(
            Finding(
                code="beneficiary_kind_not_covered",
                severity=Severity.ERROR,
                params={"name": b.name, "kind": b.kind},
                citation=None if cite is None else cite.citation,
                provenance=None if cite is None else cite.provenance,
                beneficiary=i,
            )
        )
    return None


# ---- places --------------------------------------------------------------------------------


def converted_ward_qualifies(
    converted_on: date, plan_year: SupportsIndex, max_years: SupportsIndex
) -> bool:
    """Điểm đ khoản 1 Điều 3 TT 46/2012: a ward converted from a commune qualifies while the span
    from the conversion decision's effective date to 31 December of the year before the plan year
    is not more than ``max_years`` years.

    >>> converted_ward_qualifies(date(2011, 12, 31), 2017, 5)
    True
    >>> converted_ward_qualifies(date(2011, 12, 30), 2017, 5)
    False
    """
    converted_on = check_date(converted_on, "converted_on")
    end = date(check_integer(plan_year, "plan_year") - 1, 12, 31)
    return end <= converted_on + relativedelta(years=check_integer(max_years, "max_years"))


Why = tuple[str, str]
"""The reason for a place's answer, in Vietnamese and English."""

_NO_REASON: Final[Why] = ("", "")


def _label(code: LabelledEnum) -> Why:
    return code.vi, code.en


_NEW_UNITS: Final = "location.eligible_units_2025_province"
_OLD_GEOGRAPHY: Final = (
    "location.eligible_district_kinds",
    "location.eligible_commune_kinds",
    "location.eligible_ward_city_classes",
    "location.converted_ward_city_classes",
    "location.converted_ward_max_years",
)
_OldRules = tuple[tuple[Resolved, ...], dict[str, None]]


def _old_rules(ctx: Context) -> _OldRules | None:
    """The rules of the pre-2025 geography at the programme date and their documents, compiled
    once per date when the 2025 geography is not encoded then (reading it notes nothing) and no
    rule carries a warning; else ``None`` (:func:`place_qualifies` reads them one by one)."""
    compiled = ctx.programme_tables.compiled
    try:
        rules: _OldRules | None = compiled["old geography"]
        return rules
    except KeyError:
        pass
    found = None
    if isinstance(ctx.answer(_NEW_UNITS), NotEncoded):
        found = ctx.quiet_bundle(_OLD_GEOGRAPHY)
    compiled["old geography"] = found
    return found


def _old_geography_ok(
    ctx: Context, place: LocalityPre2025, plan_year: int, rules: Sequence[Resolved] | None
) -> tuple[bool | None, Resolved | None, Why]:
    """Whether a pre-2025 place qualifies under ``rules`` (those of :data:`_OLD_GEOGRAPHY`, or
    ``None`` when one is not encoded): (answer or None if undecidable, clause, reason)."""
    if rules is None:
        return None, None, _NO_REASON
    districts, communes, wards, converted, years = rules
    code_set = ctx.programme_tables.code_set
    # Each field read once: a pydantic model's attribute costs a hooked look-up.
    commune_kind, district_kind = place.commune_kind, place.district_kind
    if commune_kind is not None and commune_kind in code_set(communes):
        return True, communes, _label(commune_kind)
    if district_kind is not None and district_kind in code_set(districts):
        return True, districts, _label(district_kind)
    if commune_kind is _PHUONG:
        if place.city_class is None:
            return None, wards, ("phường chưa khai báo loại đô thị", "a ward without a city class")
        if place.city_class in wards.codes:
            return True, wards, _label(place.city_class)
        if place.city_class in converted.codes:
            if place.ward_converted_on is None:
                return (
                    False,
                    converted,
                    (
                        "phường của thành phố loại 1 không chuyển đổi từ xã",
                        "a class-1 city ward not converted from a commune",
                    ),
                )
            counting = ctx.programme("location.converted_ward_counted_to_year_before_plan")
            ok = converted_ward_qualifies(place.ward_converted_on, plan_year, years.integer)
            cite = counting if isinstance(counting, Resolved) else years
            return ok, cite, ("phường chuyển đổi từ xã", "a ward converted from a commune")
        return False, wards, _label(place.city_class)
    if commune_kind is None and district_kind is None:
        return (
            None,
            districts,
            ("chưa khai báo đơn vị cấp huyện, cấp xã", "no district or commune is declared"),
        )
    return False, districts, _label(district_kind) if district_kind else _NO_REASON


def _new_geography_ok(
    ctx: Context, place: Locality2025
) -> tuple[bool | None, Resolved | None, Why]:
    village = ctx.programme("location.craft_village_eligible")
    if isinstance(village, Resolved) and place.has(AreaAttribute.CRAFT_VILLAGE):
        return True, village, ("làng nghề", "a craft village")
    unit = place.unit
    code = (
        "location.eligible_units_2025_central_city"
        if unit.centrally_run
        else "location.eligible_units_2025_province"
    )
    rule = ctx.programme(code)
    if isinstance(rule, NotEncoded):
        ctx.add(Finding.not_encoded(rule))
        return None, None, _NO_REASON
    if unit.ward_kind is None:
        return (
            None,
            rule,
            ("chưa khai báo xã, phường, đặc khu", "no commune, ward or special zone is declared"),
        )
    name = unit.ward_name or ""  # a proper name, the same in both languages
    return unit.ward_kind in ctx.programme_tables.code_set(rule), rule, (name, name)


def _describe(place: Place) -> str:
    if isinstance(place, Locality2025):
        unit = place.unit
        return ", ".join(x for x in (unit.ward_name, unit.province_name) if x)
    parts = [place.commune, place.district, place.province]
    return ", ".join(p for p in parts if p)


def place_qualifies(
    ctx: Context, place: Place, plan_year: int
) -> tuple[bool | None, Resolved | None, Why | None]:
    """Whether ``place`` qualifies as a rural place at the context's programme date.

    Reads the rules of the place's own geography; a place described in the other geography than
    the rules of the date cannot be decided: then the reason is ``None``.
    """
    if isinstance(place, LocalityPre2025):
        compiled = _old_rules(ctx)
        if compiled is not None:
            ctx.documents.update(compiled[1])
            return _old_geography_ok(ctx, place, plan_year, compiled[0])
        if isinstance(ctx.programme(_NEW_UNITS), Resolved):
            return None, None, None
        return _old_geography_ok(ctx, place, plan_year, ctx.programme_all(*_OLD_GEOGRAPHY))
    if not isinstance(ctx.programme(_NEW_UNITS), Resolved):
        return None, None, None
    return _new_geography_ok(ctx, place)


def check_location(ctx: Context, b: Beneficiary, i: int) -> None:
    """Khoản 2 Điều 1 NĐ 45/2012 (and its 2025 restatement), Khoản 1 Điều 3 TT 46/2012."""
    site = b.production_site
    place = site or b.registered_office
    if place is None:
        ctx.add(
            Finding.of(
                "place_missing",
                Severity.UNDETERMINED,
                {"name": b.name},
                None,
                beneficiary=i,
            )
        )
        return
    plan_year = ctx.programme_date.year + 1 if ctx.plan_year is None else ctx.plan_year
    ok, cite, why = place_qualifies(ctx, place, plan_year)
    if why is None:
        where = _describe(place)
        old = isinstance(place, LocalityPre2025)
        ctx.add(
            Finding.of(
                "geography_mismatch",
                Severity.UNDETERMINED,
                {
                    "name": b.name,
                    "where": where,
                    "given": Msg("word.geography_pre2025" if old else "word.geography_2025"),
                    "date": ctx.programme_date,
                },
                None,
                beneficiary=i,
            )
        )
        return
    if not ok:
        # None: the place does not tell (a finding only when a clause decides it); False: the
        # place is not rural.
        if ok is None and cite is None:
            return
        ctx.add(
            Finding.of(
                "place_incomplete" if ok is None else "place_not_rural",
                Severity.UNDETERMINED if ok is None else Severity.ERROR,
                {"name": b.name, "where": _describe(place), "why": Text(why[0], why[1])},
                cite,
                beneficiary=i,
            )
        )
        return
    office = b.registered_office
    if (
        site is not None
        and isinstance(office, LocalityPre2025)
        and office.commune_kind is _PHUONG
        and office.city_class is not None
        and office.city_class.value == "1"
    ):
        rule = ctx.programme("location.registered_in_class1_ward_allowed")
        if isinstance(rule, Resolved):
            ctx.add(
                Finding.of(
                    "registered_in_class1_ward",
                    Severity.INFO,
                    {"name": b.name},
                    rule,
                    beneficiary=i,
                )
            )


# ---- industries ----------------------------------------------------------------------------


_Industries = tuple[Resolved, frozenset[str], dict[str, None]]


def _allowed(ctx: Context, listed: Resolved, extension: Resolved | NotEncoded) -> frozenset[str]:
    """The eligible industry codes (the list and its 2025 extension), from the compiled
    tables' memo of the programme date."""
    memo = ctx.programme_tables.memo
    key = ("industry.eligible", id(listed), id(extension))
    found = memo.get(key)
    if found is None:
        found = memo[key] = frozenset(listed.codes) | frozenset(_codes(extension))
    return found


def _industries(ctx: Context) -> _Industries | None:
    """The list of eligible industries at the programme date, the eligible codes (the list and
    its 2025 extension) as a set, and the documents reading them notes; compiled once per date,
    ``None`` unless the list is a quiet answer and its extension quiet or not encoded (then
    :func:`check_industry` reads them one by one)."""
    compiled = ctx.programme_tables.compiled
    try:
        industries: _Industries | None = compiled["eligible industries"]
        return industries
    except KeyError:
        pass
    found: _Industries | None = None
    answers = ctx.quiet_many(_INDUSTRY_CODES)
    if answers is not None:
        (listed, extension), documents = answers
        if isinstance(listed, Resolved):
            found = (listed, _allowed(ctx, listed, extension), documents)
    compiled["eligible industries"] = found
    return found


def check_industry(ctx: Context, b: Beneficiary, i: int) -> None:
    """Điều 5 NĐ 45/2012/NĐ-CP and Điều 5 TT 46/2012/TT-BCT."""
    rules = _industries(ctx)
    if rules is not None:
        listed, allowed, documents = rules
        ctx.documents.update(documents)
    else:
        found = ctx.programme("industry.eligible")
        if isinstance(found, NotEncoded):
            ctx.add(Finding.not_encoded(found, beneficiary=i))
            return
        listed = found
        extension = ctx.programme("industry.eligible_2025_extension")
        allowed = _allowed(ctx, listed, extension)
    industries = b.industries
    if not industries:
        ctx.add(
            Finding.of(
                code="industry_missing",
                severity=Severity.UNDETERMINED,
                params={"name": b.name},
                rule=listed,
                beneficiary=i,
            )
        )
        return
    if allowed.isdisjoint(industries):  # StrEnum: hashes as its code
        names_vi = ", ".join(x.vi for x in industries)
        names_en = ", ".join(x.en for x in industries)
        ctx.add(
            Finding.of(
                code="industry_not_listed",
                severity=Severity.ERROR,
                params={"name": b.name, "names": Text(names_vi, names_en)},
                rule=listed,
                beneficiary=i,
            )
        )
        return
    if _MINING in industries:
        areas = ctx.programme("industry.mining_areas")
        site = b.production_site
        if isinstance(areas, Resolved):
            in_area = site is not None and any(
                AreaAttribute(a) in site.attributes for a in areas.codes
            )
            if not in_area:
                ctx.add(
                    Finding.of(
                        code="mining_outside_difficult_area",
                        severity=Severity.ERROR,
                        params={"name": b.name},
                        rule=areas,
                        beneficiary=i,
                    )
                )
    if b.fired_clay_bricks_in_manual_or_ring_kiln:
        rule = ctx.programme("industry.clay_brick_kilns_excluded")
        if isinstance(rule, Resolved) and rule.flag:
            ctx.add(
                Finding.of(
                    code="clay_brick_kiln_excluded",
                    severity=Severity.ERROR,
                    params={"name": b.name},
                    rule=rule,
                    beneficiary=i,
                )
            )
        elif isinstance(rule, NotEncoded):
            ctx.add(Finding.not_encoded(rule, beneficiary=i))
