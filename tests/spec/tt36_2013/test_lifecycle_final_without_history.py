"""A step on a proposal in a final state is refused with a clause even when its history records
no step: the article that ends it (Điều 8: not approved; Điều 11: stopped; Khoản 2 Điều 18:
liquidated and settled, TT 36/2013/TT-BCT)."""

from __future__ import annotations

from datetime import date

import pytest

from khuyencong.rules.lifecycle import TransitionRefused, transition
from khuyencong.schemas import Citation

from .helpers import national

TT36 = "36/2013/TT-BCT"


@pytest.mark.parametrize(
    ("state", "citation"),
    [
        pytest.param(
            "stopped",
            Citation(document=TT36, article=11),
            marks=pytest.mark.clause(f"{TT36}:11"),
        ),
        pytest.param(
            "rejected",
            Citation(document=TT36, article=8),
            marks=pytest.mark.clause(f"{TT36}:8"),
        ),
        pytest.param(
            "settled",
            Citation(document=TT36, article=18, clause=2),
            marks=pytest.mark.clause(f"{TT36}:18.2"),
        ),
    ],
)
def test_a_final_proposal_without_history_is_refused_with_its_clause(
    state: str, citation: Citation
) -> None:
    p = national(state=state)
    assert p.history == ()
    with pytest.raises(TransitionRefused) as caught:
        transition(p, "start", as_of=date(2016, 6, 1), actor="implementing_unit")
    assert caught.value.code == "final_state"
    assert caught.value.citation == citation
