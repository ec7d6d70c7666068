"""Hypothesis strategies that build VALID instances of the public models.

Every strategy respects the data-level rules of the models (requested ≤ cost, end ≥ start, a point
proposal has two distinct contents, enterprise size only for an SME, ...), so a failure of a
property test is a bug in the models, not in the test data.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import cache

from hypothesis import strategies as st

from khuyencong.schemas import (
    ActivityContent,
    AnnualPlan,
    AreaAttribute,
    Authority,
    Beneficiary,
    BeneficiaryKind,
    BudgetLine,
    Citation,
    CityClass,
    CommuneKind,
    DistrictKind,
    EnterpriseSize,
    FundingLevel,
    FundingSource,
    FundingSourceKind,
    HistoryEntry,
    Industry,
    LifecycleEvent,
    Locality2025,
    LocalityPre2025,
    ProcurementMethod,
    Proposal,
    ProposalKind,
    ProposalState,
    SupportItem,
)
from khuyencong.schemas.citation import POINT_LETTERS

# Real document numbers of the programme (regulations README), including yearless decisions.
DOCUMENTS = [
    "45/2012/NĐ-CP",
    "235/2025/NĐ-CP",
    "46/2012/TT-BCT",
    "36/2013/TT-BCT",
    "26/2014/TTLT-BTC-BCT",
    "26/2014/TT-BCT",
    "28/2018/TT-BTC",
    "1288/QĐ-TTg",
    "20/CT-BCT",
]

# Tax codes whose check digit was verified by hand (see test_beneficiary.py).
VALID_TAX_CODES = ["0100233488", "0314409058", "0100112437", "0314409058-002"]


@cache
def ward_pairs_2025() -> list[tuple[int, int]]:
    """Every (province code, commune/ward/special-zone code) pair of the 2025 geography."""
    from vietnam_provinces import Ward

    return sorted((int(ward.province_code), int(ward.code)) for ward in Ward.iter_all())


@cache
def province_codes_2025() -> list[int]:
    """The 34 province codes of the 2025 geography."""
    from vietnam_provinces import Province

    return sorted(int(province.code) for province in Province.iter_all())


names = st.text(min_size=1, max_size=30)
optional_names = st.none() | names
dates = st.dates(min_value=date(2005, 1, 1), max_value=date(2035, 12, 31))
money = st.integers(min_value=0, max_value=10**13).map(Decimal)
small_positive = st.integers(min_value=1, max_value=500)


def optional_small(min_value: int = 1) -> st.SearchStrategy[int | None]:
    """None or a small integer from ``min_value``."""
    return st.none() | st.integers(min_value=min_value, max_value=60)


citations: st.SearchStrategy[Citation] = st.builds(
    Citation,
    document=st.sampled_from(DOCUMENTS),
    article=optional_small(),
    clause=optional_small(),
    point=st.none() | st.sampled_from(POINT_LETTERS),
    paragraph=optional_small(),
    dash=optional_small(),
)

area_attributes = st.frozensets(st.sampled_from(AreaAttribute), max_size=3)


@st.composite
def localities_pre2025(draw: st.DrawFn) -> LocalityPre2025:
    """A place of the geography before 01/07/2025."""
    commune_kind = draw(st.none() | st.sampled_from(CommuneKind))
    converted = (
        draw(st.none() | dates) if commune_kind is CommuneKind.PHUONG else None
    )  # only a ward has a conversion date
    return LocalityPre2025(
        province=draw(names),
        district=draw(optional_names),
        district_kind=draw(st.none() | st.sampled_from(DistrictKind)),
        commune=draw(optional_names),
        commune_kind=commune_kind,
        city_class=draw(st.none() | st.sampled_from(CityClass)),
        ward_converted_on=converted,
        attributes=draw(area_attributes),
    )


@st.composite
def localities_2025(draw: st.DrawFn) -> Locality2025:
    """A real 2025 province, alone or with one of its own communes, wards or special zones."""
    if draw(st.booleans()):
        province_code, ward_code = draw(st.sampled_from(ward_pairs_2025()))
        return Locality2025(
            province_code=province_code, ward_code=ward_code, attributes=draw(area_attributes)
        )
    return Locality2025(
        province_code=draw(st.sampled_from(province_codes_2025())),
        attributes=draw(area_attributes),
    )


localities: st.SearchStrategy[LocalityPre2025 | Locality2025] = (
    localities_pre2025() | localities_2025()
)


@st.composite
def beneficiaries(draw: st.DrawFn) -> Beneficiary:
    """A beneficiary; enterprise size only for an SME."""
    kind = draw(st.sampled_from(BeneficiaryKind))
    size = (
        draw(st.none() | st.sampled_from(EnterpriseSize)) if kind is BeneficiaryKind.SME else None
    )
    return Beneficiary(
        name=draw(names),
        kind=kind,
        enterprise_size=size,
        tax_code=draw(st.none() | st.sampled_from(VALID_TAX_CODES)),
        registered_on=draw(st.none() | dates),
        registered_office=draw(st.none() | localities),
        production_site=draw(st.none() | localities),
        industries=tuple(draw(st.lists(st.sampled_from(Industry), max_size=3))),
        fired_clay_bricks_in_manual_or_ring_kiln=draw(st.booleans()),
        workforce=draw(st.none() | st.integers(min_value=0, max_value=5000)),
        local_raw_material_share=draw(
            st.none()
            | st.decimals(
                min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False
            )
        ),
        has_export_contract=draw(st.booleans()),
        typical_product_certificate=draw(st.booleans()),
        supporting_industry_product=draw(st.booleans()),
        woman_owned=draw(st.booleans()),
        ethnic_minority_owned=draw(st.booleans()),
        foreign_fair_supports_in_year=draw(st.integers(min_value=0, max_value=5)),
    )


@st.composite
def funding_sources(draw: st.DrawFn) -> FundingSource:
    """National funds (no level) or local funds (any level, or none)."""
    kind = draw(st.sampled_from(FundingSourceKind))
    level = (
        draw(st.none() | st.sampled_from(FundingLevel)) if kind is FundingSourceKind.LOCAL else None
    )
    return FundingSource(kind=kind, level=level, province=draw(optional_names))


@st.composite
def budget_lines(draw: st.DrawFn) -> BudgetLine:
    """A budget line whose requested support and other sources together do not exceed its cost."""
    cost = draw(money)
    requested = Decimal(draw(st.integers(min_value=0, max_value=int(cost))))
    return BudgetLine(
        item=draw(st.sampled_from(SupportItem)),
        description=draw(st.text(max_size=30)),
        units=draw(small_positive),
        cost=cost,
        requested=requested,
        counterpart=draw(st.none() | money),
        other_sources=Decimal(draw(st.integers(min_value=0, max_value=int(cost - requested)))),
        machinery_is_new=draw(st.none() | st.booleans()),
        technology_new_in_district=draw(st.none() | st.booleans()),
    )


history_entries: st.SearchStrategy[HistoryEntry] = st.builds(
    HistoryEntry,
    event=st.sampled_from(LifecycleEvent),
    on=dates,
    from_state=st.sampled_from(ProposalState),
    to_state=st.sampled_from(ProposalState),
    authority=st.none() | st.sampled_from(Authority),
    actor=optional_names,
    reason=st.text(max_size=30),
    citation=st.none() | citations,
    amount=st.none() | money,
)


@st.composite
def proposals(draw: st.DrawFn, code: str | None = None) -> Proposal:
    """A proposal that passes every data-level check."""
    kind = draw(st.sampled_from(ProposalKind))
    contents = draw(
        st.lists(
            st.sampled_from(ActivityContent),
            min_size=2 if kind is ProposalKind.POINT else 0,
            max_size=4,
            unique=kind is ProposalKind.POINT,
        )
    )
    start = draw(st.none() | dates)
    end = (
        draw(st.none() | dates)
        if start is None
        else draw(
            st.none()
            | st.integers(min_value=0, max_value=730).map(lambda n: start + timedelta(days=n))
        )
    )
    return Proposal(
        code=code if code is not None else draw(names),
        title=draw(names),
        plan_year=draw(st.integers(min_value=2000, max_value=2100)),
        funding=draw(funding_sources()),
        kind=kind,
        contents=tuple(contents),
        implementing_unit=draw(st.text(max_size=30)),
        beneficiaries=tuple(draw(st.lists(beneficiaries(), max_size=2))),
        coordinating_units=tuple(draw(st.lists(names, max_size=2))),
        locations=tuple(draw(st.lists(localities, max_size=2))),
        start_date=start,
        end_date=end,
        budget_lines=tuple(draw(st.lists(budget_lines(), max_size=3))),
        procurement=draw(st.none() | st.sampled_from(ProcurementMethod)),
        priority_factor=draw(
            st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1.5"), places=2)
        ),
        counterpart_committed=draw(st.none() | st.booleans()),
        no_other_state_funding=draw(st.none() | st.booleans()),
        approved_on=draw(st.none() | dates),
        state=draw(st.sampled_from(ProposalState)),
        history=tuple(draw(st.lists(history_entries, max_size=2))),
    )


@st.composite
def annual_plans(draw: st.DrawFn) -> AnnualPlan:
    """A plan whose proposals have distinct codes."""
    codes = draw(st.lists(names, max_size=3, unique=True))
    return AnnualPlan(
        year=draw(st.integers(min_value=2000, max_value=2100)),
        funding=draw(funding_sources()),
        allocation=draw(st.none() | money),
        proposals=tuple(draw(proposals(code=code)) for code in codes),
    )
