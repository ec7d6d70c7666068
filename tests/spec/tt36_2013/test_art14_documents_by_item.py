"""Khoản 1-15 Điều 14 TT 36/2013/TT-BCT: the documents of the remaining advance, by kind of
proposal (spending item).  Each expected clause is read from the circular: 1 vocational
training; 2.a consulting, 2.b training, 2.c conferences; 3 demonstration models; 4 technology
transfer and 5 machinery; 7 brands; 8 media; 9 associations; 10 organising fairs; 11 taking
part in domestic fairs; 12 linkage clusters; 13 detailed cluster planning; 14 cluster
infrastructure and pollution systems; 15 contests."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rules.advances import AdvanceStage, advance_documents

from .helpers import national

TT36 = "36/2013/TT-BCT"

BY_ITEM: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("vocational_training", ("14.1",)),
    ("consulting", ("14.2.a",)),
    ("staff_training", ("14.2.b",)),
    ("conference", ("14.2.c",)),
    ("demonstration_new_technology", ("14.3",)),
    ("demonstration_existing", ("14.3",)),
    ("machinery_and_technology", ("14.4", "14.5")),
    ("brand", ("14.7",)),
    ("media", ("14.8",)),
    ("association_regional", ("14.9",)),
    ("association_national", ("14.9",)),
    ("domestic_fair_organisation", ("14.10",)),
    ("domestic_fair_participation", ("14.11",)),
    ("linkage_cluster", ("14.12",)),
    ("cluster_detailed_planning", ("14.13",)),
    ("cluster_infrastructure", ("14.14",)),
    ("contest", ("14.15",)),
)


@pytest.mark.parametrize(
    ("item", "clauses"),
    [
        pytest.param(
            item, clauses, id=item, marks=[pytest.mark.clause(f"{TT36}:{c}") for c in clauses]
        )
        for item, clauses in BY_ITEM
    ],
)
def test_remaining_advance_lists_the_documents_of_the_item(
    item: str, clauses: tuple[str, ...]
) -> None:
    p = national(item, 50_000_000, contents=())
    docs = advance_documents(p, AdvanceStage.REMAINING, date(2016, 9, 5))
    keys = {d.citation.key for d in docs}
    # The common part (Điều 14, opening words) and the item's own clause(s).
    assert f"{TT36}:14" in keys
    for clause in clauses:
        assert f"{TT36}:{clause}" in keys, (item, sorted(keys))
    # No other item's clause creeps in.
    own = {f"{TT36}:{c}" for c in clauses}
    assert not {k for k in keys if k.startswith(f"{TT36}:14.")} - own
