"""Khoản 1 Điều 6 TTLT 26/2014/TTLT-BTC-BCT: general levels that other instruments set.

The library does not encode those instruments: a line of such an item is "not encoded" and names
them, it is never given a made-up level.
"""

from __future__ import annotations

import pytest

from khuyencong import Status
from khuyencong.rules import LineStatus
from khuyencong.schemas import SupportItem

from ..builders import line, proposal, run

TTLT = "26/2014/TTLT-BTC-BCT"
I = SupportItem  # noqa: E741

REFERRALS = [
    ("a", I.CURRICULUM, ("123/2009/TT-BTC",), "curricula follow Circular 123/2009"),
    (
        "b",
        I.VOCATIONAL_TRAINING,
        ("112/2010/TTLT-BTC-BLĐTBXH", "128/2012/TTLT-BTC-BLĐTBXH"),
        "vocational training follows Joint Circulars 112/2010 and 128/2012",
    ),
    ("c", I.CONFERENCE, ("97/2010/TT-BTC",), "conferences follow Circular 97/2010"),
    ("d", I.TRAVEL_ABROAD, ("102/2012/TT-BTC",), "travel abroad follows Circular 102/2012"),
    ("đ", I.CONTEST, ("101/2009/TT-BTC",), "contests follow Circular 101/2009"),
    ("e", I.STAFF_TRAINING, ("139/2010/TT-BTC",), "staff training follows Circular 139/2010"),
    ("g", I.IT_APPLICATION, ("19/2012/TTLT-BTC-BKHĐT-BTTTT",), "IT follows Joint Circular 19/2012"),
    (
        "h",
        I.CLEANER_PRODUCTION_PILOT,
        ("221/2012/TTLT-BTC-BCT",),
        "cleaner-production pilots follow Joint Circular 221/2012",
    ),
]


@pytest.mark.parametrize(
    ("item", "instruments"),
    [
        pytest.param(item, docs, id=name, marks=pytest.mark.clause(f"{TTLT}:6.1.{point}"))
        for point, item, docs, name in REFERRALS
    ],
)
def test_general_level_is_not_encoded_and_names_its_instrument(
    item: SupportItem, instruments: tuple[str, ...]
) -> None:
    a = run(proposal(line(item, 50_000_000)))
    (result,) = a.lines
    assert result.status is LineStatus.NOT_ENCODED
    assert result.allowed is None
    assert result.instruments == instruments
    (note,) = [f for f in a.findings if f.code == "level_not_encoded"]
    assert note.instrument == instruments[0]
    assert not a.complete
    # The proposal itself breaks no rule; only its total is incomplete.
    assert a.status is Status.ELIGIBLE
