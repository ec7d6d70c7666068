"""One meaning, two paths: the columnar co-funding (:mod:`khuyencong.datasets.columnar`) gives,
on every line it decides, the same line status, allowed amount, bound, rate, cap, counterpart
and citation as the scalar :func:`khuyencong.assess`, which stays the reference; a proposal it
does not decide is left wholly to the scalar engine, and the scalar engine then records no line
finding the columnar path could have missed.

Proposals are generated over every item, kind, place and funding source (tests/schemas
strategies), at dates across the instruments (08/04/2014, 11/05/2018, 01/07/2025, 15/10/2025),
with the illustrative provincial template as an overlay and priority factors up to 1.5.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Any

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

import khuyencong as kc
from khuyencong.datasets.columnar import cofund
from khuyencong.rulebooks.core import Rulebook
from khuyencong.schemas import FundingSourceKind, Proposal

from ..schemas.strategies import proposals

COFUNDING_FINDINGS = {"level_not_encoded", "allocation_needed", "proposal_budget_unknown"}
DATES = [date(2014, 4, 8), date(2018, 5, 11), date(2025, 7, 1), date(2025, 10, 15)]


def _overlay() -> Rulebook:
    path = resources.files("khuyencong.rulebooks.data.templates").joinpath("provincial.toml")
    with resources.as_file(path) as file:
        return kc.load_rulebook(file)


OVERLAY = _overlay()


@dataclass
class Case:
    proposal: Proposal
    as_of: date
    overlay: bool


# Items whose levels are compiled at some date (national 2014; the template's overlay from
# 2015): drawn half of the time so that many proposals are decided by the columnar path.
FOCUS = [
    item
    for item in kc.SupportItem
    if not item.value.startswith(("pollution_system", "management_agency", "other"))
    and item.value
    not in {
        "curriculum",
        "vocational_training",
        "conference",
        "travel_abroad",
        "contest",
        "staff_training",
        "it_application",
        "cleaner_production_pilot",
    }
]


@st.composite
def cases(draw: st.DrawFn) -> Case:
    proposal = draw(proposals())
    when = draw(st.sampled_from(DATES))
    overlay = draw(st.booleans())
    if draw(st.booleans()):
        local = overlay and when.year > 2015
        pool = [kc.SupportItem.MACHINERY_AND_TECHNOLOGY, kc.SupportItem.BRAND] if local else FOCUS
        lines = tuple(
            line.model_copy(update={"item": draw(st.sampled_from(pool))})
            for line in proposal.budget_lines
        )
        update: dict[str, Any] = {"budget_lines": lines}
        if local:
            update["funding"] = proposal.funding.model_copy(
                update={"kind": FundingSourceKind.LOCAL, "province": None}
            )
        proposal = proposal.model_copy(update=update)
    return Case(proposal, when, overlay)


def _rows(key: int, case: Case, assessment: kc.Assessment) -> list[dict[str, Any]]:
    """The lines of one proposal as the columnar path reads them.  The proposal-level decisions
    (the priority factor applied, ineligibility, which overlay applies) are the scalar engine's:
    they are read from the assessment."""
    # The factor the proposal-level rule (point t) let through: the scalar engine's decision.
    factors = {line.factor for line in assessment.lines if line.basis is not None}
    factors.discard(Decimal(1))
    factor = factors.pop() if factors else Decimal(1)
    local = case.proposal.funding.kind is FundingSourceKind.LOCAL
    overlay_applies = OVERLAY.id in assessment.rulebooks
    num, den = factor.as_integer_ratio()
    return [
        {
            "proposal": key,
            "line": i,
            "funding": ("local" if overlay_applies else "local-none") if local else "national",
            "as_of": case.as_of,
            "item": line.item.value,
            "cost": int(line.cost),
            "requested": int(line.requested),
            "other_sources": int(line.other_sources),
            "units": line.units,
            "factor_num": num,
            "factor_den": den,
            "ineligible": assessment.status == "ineligible",
        }
        for i, line in enumerate(case.proposal.budget_lines)
    ]


def check(batch: list[Case]) -> int:
    """Assess each case both ways and compare; the number of lines the columnar path decided."""
    rows: list[dict[str, Any]] = []
    assessments: list[kc.Assessment] = []
    for key, case in enumerate(batch):
        books = [OVERLAY] if case.overlay else None
        assessment = kc.assess(case.proposal, as_of=case.as_of, rulebooks=books)
        assessments.append(assessment)
        rows.extend(_rows(key, case, assessment))
    if not rows:
        return 0
    frame = pl.DataFrame(
        rows,
        schema_overrides={"cost": pl.Int128, "requested": pl.Int128, "other_sources": pl.Int128},
    )
    out = cofund(frame, rulebooks=[OVERLAY]).to_dicts()
    decided = 0
    for row in out:
        assessment = assessments[row["proposal"]]
        line = assessment.lines[row["line"]]
        if not row["decided"]:
            continue
        decided += 1
        where = (row["proposal"], row["line"], row["item"], batch[row["proposal"]].as_of)
        assert row["line_status"] == line.status.value, where
        assert row["allowed"] == line.allowed, where
        assert row["limit"] == line.limit, where
        assert row["rate"] == (None if line.rate is None else str(line.rate)), where
        assert row["cap"] == line.cap, where
        assert row["counterpart"] == line.counterpart, where
        assert row["citation"] == (None if line.citation is None else line.citation.key), where
        # The scalar engine records no co-funding finding on a line the columnar path decides
        # (its other line findings, e.g. support conditions, are proposal-level rules).
        codes = {f.code for f in assessment.findings if f.line == row["line"]}
        assert not codes & COFUNDING_FINDINGS, where
    return decided


@given(batch=st.lists(cases(), min_size=1, max_size=6))
@settings(max_examples=40)
def test_columnar_lines_equal_scalar_lines(batch: list[Case]) -> None:
    check(batch)


def test_a_plan_of_every_item_at_every_date_is_mostly_decided() -> None:
    """Every item at every date, national funds: the columnar path decides the proposals whose
    levels are all encoded — at 08/04/2014 the 25 levels of points a-r khoản 2 Điều 6 TTLT
    26/2014 with the management share of point s; the levels of TT 28/2018 (in force from
    2018) are not encoded, so later dates go to the scalar engine — and agrees with the scalar
    engine on each of their lines."""
    items = list(kc.SupportItem)
    batch = [
        Case(
            Proposal.model_validate(
                {
                    "code": f"P{i}",
                    "title": "Đề án",
                    "plan_year": when.year,
                    "funding": {"kind": "national"},
                    "priority_factor": "1.2" if i % 3 == 0 else "1",
                    "budget_lines": [
                        {
                            "item": item.value,
                            "units": 2,
                            "cost": 900_000_000,
                            "requested": 400_000_000,
                        },
                        {
                            "item": "management_implementing_unit",
                            "cost": 50_000_000,
                            "requested": 50_000_000,
                        },
                    ],
                }
            ),
            when,
            False,
        )
        for when in DATES
        for i, item in enumerate(items)
    ]
    decided = check(batch)
    assert decided == 2 * (25 + 1)  # and the proposal whose both lines are point s


def test_a_local_plan_with_the_overlay_is_decided() -> None:
    """Local funds with the province's (illustrative) overlay: its levels for machinery and
    brand apply from 2015, with a priority factor; both lines are decided and agree."""
    proposal = Proposal.model_validate(
        {
            "code": "L1",
            "title": "Đề án địa phương",
            "plan_year": 2018,
            "funding": {"kind": "local"},
            "budget_lines": [
                {"item": "machinery_and_technology", "cost": 700_000_001, "requested": 600_000_000},
                {"item": "brand", "units": 3, "cost": 90_000_000, "requested": 90_000_000},
            ],
        }
    )
    assert check([Case(proposal, date(2018, 5, 11), True)]) == 2
