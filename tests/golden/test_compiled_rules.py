"""What the beneficiary rules compile once per date (issue 15) says what reading each list does.

``check_beneficiary`` looks a beneficiary's kind up in an index of the kind lists of the
programme date, ``check_industry`` in a set of the eligible industries, and ``place_qualifies``
reads the rules of the pre-2025 geography as one compiled bundle, each compiled once per date
(``Tables.compiled``) with the documents that reading those rules notes.  Forcing the one-by-one
reading (an empty index, nothing compiled) must give the same findings and the same documents
in the same order, for every kind and places of both geographies, at dates before and after
NĐ 235/2025.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest

from khuyencong.rulebooks import national
from khuyencong.rules.context import Context
from khuyencong.rules.eligibility import check_beneficiary
from khuyencong.schemas import Beneficiary
from khuyencong.schemas.codes import BeneficiaryKind, Industry

from ..spec.builders import beneficiary, place, place_2025, ward

DATES = [date(2014, 4, 8), date(2016, 6, 1), date(2019, 6, 1), date(2026, 3, 1)]


@contextmanager
def one_by_one(on: date) -> Iterator[None]:
    """The compiled kind index and industries of ``on`` emptied for the duration."""
    compiled = Context(national(), on).programme_tables.compiled
    saved = dict(compiled)
    compiled["kind index"] = {}
    compiled["eligible industries"] = None
    compiled["old geography"] = None
    try:
        yield
    finally:
        compiled.clear()
        compiled.update(saved)


def outcome(b: Beneficiary, on: date) -> tuple[list[Any], list[str]]:
    ctx = Context(national(), on, plan_year=on.year + 1)
    check_beneficiary(ctx, b, 0)
    found = [(f.code, f.severity, f.citation, f.provenance, f.instrument) for f in ctx.findings]
    return found, list(ctx.documents)


SITES = [
    place(),
    place(district_kind="quan", commune_kind="xa"),
    place(district_kind="quan"),
    place(district_kind=None),
    ward("1"),
    ward("2"),
    ward("3", None),
    ward("1", date(2012, 1, 1)),
    ward("1", date(2005, 1, 1)),
    ward(None),  # type: ignore[arg-type]  # a ward without its city class
    place_2025(1, 4),
]


def beneficiaries() -> Iterator[Beneficiary]:
    for kind in BeneficiaryKind:
        size: dict[str, Any] = {} if kind is BeneficiaryKind.SME else {"enterprise_size": None}
        for industries in (["handicraft"], [], [Industry.MINING_AND_MINERALS.value]):
            for site in SITES:
                yield beneficiary(kind=kind, industries=industries, production_site=site, **size)


@pytest.mark.parametrize("on", DATES, ids=str)
def test_compiled_kinds_and_industries_read_as_the_lists_one_by_one(on: date) -> None:
    for b in beneficiaries():
        compiled = outcome(b, on)
        with one_by_one(on):
            read = outcome(b, on)
        assert compiled == read, (b.kind, b.industries, on)


@pytest.mark.clause("45/2012/NĐ-CP:1.2.b")
def test_a_kind_of_the_second_list_notes_the_document_of_both_lists_read() -> None:
    # Khoản 2 Điều 1 NĐ 45/2012: a cleaner-production establishment is named by point b, read
    # after point a; both points are of NĐ 45/2012, noted once; it has no place condition.
    on = date(2016, 6, 1)
    b = beneficiary(kind="cleaner_production_establishment", enterprise_size=None)
    findings, documents = outcome(b, on)
    assert findings == []
    assert documents[0] == "45/2012/NĐ-CP"
    assert documents.count("45/2012/NĐ-CP") == 1
