"""The free texts of a proposal — its code and title, the names of its beneficiaries and of their
communes, its implementing unit — are carried into messages but never decide anything.

The columnar engine of ``check`` rests on this (datasets/columnar_read.py ``_FREE``): it assesses
one proposal of a *profile* and reuses the answer for proposals that differ only in those texts
and in their amounts.  Here the scalar engine itself is the witness: renaming every free text
leaves the status, the amounts and every finding's code, severity and clause unchanged, and
changes a message only by the renamed text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import khuyencong as kc
from khuyencong.schemas import Proposal

from ..schemas.strategies import proposals

DATES = [
    date(2014, 4, 8),
    date(2016, 6, 1),
    date(2018, 5, 11),
    date(2025, 7, 1),
    date(2025, 10, 15),
]
NAMES = (
    st.text(alphabet="ABCDEFGHXYZ ăâđêôơưạảấầẩẫậ", min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)


def _renamed(p: Proposal, data: st.DataObject) -> Proposal:
    draw = data.draw
    beneficiaries = []
    for b in p.beneficiaries:
        site = b.production_site
        if site is not None and getattr(site, "commune", None) is not None:
            site = site.model_copy(update={"commune": "Xã " + draw(NAMES)})
        beneficiaries.append(b.model_copy(update={"name": draw(NAMES), "production_site": site}))
    return p.model_copy(
        update={
            "code": draw(NAMES),
            "title": draw(NAMES),
            "implementing_unit": draw(NAMES),
            "beneficiaries": tuple(beneficiaries),
        }
    )


def _decision(a: kc.Assessment) -> Any:
    return (
        a.status,
        a.support,
        [(line.status, line.allowed, line.counterpart, line.citation) for line in a.lines],
        [(f.code, f.severity, f.citation, f.line, f.beneficiary) for f in a.findings],
    )


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_renaming_the_free_texts_changes_no_decision(data: st.DataObject) -> None:
    proposal = data.draw(proposals())
    when = data.draw(st.sampled_from(DATES))
    renamed = _renamed(proposal, data)
    assert _decision(kc.assess(renamed, as_of=when)) == _decision(kc.assess(proposal, as_of=when))


def _verdicts(a: kc.Assessment) -> Any:
    return (
        a.status,
        [line.status for line in a.lines],
        sorted((f.code, f.severity, str(f.citation), f.line) for f in a.findings),
    )


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_scaling_the_amounts_changes_no_status_or_finding(data: st.DataObject) -> None:
    # The other half of a profile: the amounts decide only the line formula (the columnar
    # co-funding step) — given the profile keeps whether each is zero and requested against cost,
    # which scaling preserves.
    proposal = data.draw(proposals())
    when = data.draw(st.sampled_from(DATES))
    k = data.draw(st.integers(2, 1000))
    scaled = proposal.model_copy(
        update={
            "budget_lines": tuple(
                line.model_copy(
                    update={
                        "cost": line.cost * k,
                        "requested": line.requested * k,
                        "other_sources": line.other_sources * k,
                    }
                )
                for line in proposal.budget_lines
            )
        }
    )
    assert _verdicts(kc.assess(scaled, as_of=when)) == _verdicts(kc.assess(proposal, as_of=when))
