"""Builders shared by the TT 36/2013 specification tests (no law in here: the tests hold it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from khuyencong.rules.lifecycle import transition
from khuyencong.schemas import Proposal


def national(
    item: str = "vocational_training",
    requested: int = 100_000_000,
    *,
    kind: str = "regular",
    plan_year: int = 2016,
    contents: tuple[str, ...] = ("vocational_training",),
    start: str = "2016-03-01",
    end: str = "2016-10-31",
    **extra: Any,
) -> Proposal:
    """A national proposal with one budget line."""
    data: dict[str, Any] = {
        "code": "QG-TEST-01",
        "title": "Đề án thử",
        "plan_year": plan_year,
        "funding": {"kind": "national"},
        "kind": kind,
        "contents": list(contents),
        "start_date": start,
        "end_date": end,
        "budget_lines": [{"item": item, "cost": requested * 2, "requested": requested}],
    }
    data.update(extra)
    return Proposal.model_validate(data)


# (event, actor, date) of the ordinary national path for plan year 2016.
PATH: tuple[tuple[str, str, date], ...] = (
    ("register", "implementing_unit", date(2015, 5, 10)),
    ("appraise_base", "provincial_department", date(2015, 5, 30)),
    ("appraise_ministry", "department", date(2015, 9, 1)),
    ("approve", "ministry", date(2016, 1, 10)),
    ("contract", "department", date(2016, 2, 1)),
    ("start", "implementing_unit", date(2016, 3, 1)),
)


def walk(proposal: Proposal, until: str) -> Proposal:
    """Move ``proposal`` along :data:`PATH` up to and including the event ``until``."""
    for event, actor, on in PATH:
        proposal = transition(proposal, event, as_of=on, actor=actor)
        if event == until:
            return proposal
    raise ValueError(until)
