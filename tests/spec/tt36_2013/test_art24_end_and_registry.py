"""The end of TT 36/2013/TT-BCT and the instruments the closing articles replace.

- Điều 24 TT 36/2013 gives no end date; its successor TT 17/2018/TT-BCT has no known effective
  date.  01/01/2018 is the library's convention (provenance ``convention``,
  ``workflow.tt36_end_convention``, in force from that day), said in every "not encoded" answer
  from that day, and a rulebook may set another date.
- Khoản 1 Điều 24 TT 36/2013 replaces QĐ 08/2008, QĐ 17/2008 and QĐ 5918/QĐ-BCT; khoản 1 Điều 11
  TT 46/2012 replaces TT 03/2005 and QĐ 07/2008; Điều 6 TTLT 16/2011 replaces TT 18/2008.
- ``registration.years_ahead`` is an inference from Điểm a khoản 1 Điều 6, not its wording (its
  note says so).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from khuyencong import load_rulebook
from khuyencong.errors import NotEncodedError
from khuyencong.rulebooks import national as national_rulebook
from khuyencong.rules.calendar import DeadlineNotEncoded, registration_deadline
from khuyencong.rules.procurement import procurement_method
from khuyencong.schemas import ProcurementMethod, Provenance

from .helpers import national

TT36 = "36/2013/TT-BCT"


@pytest.mark.clause(f"{TT36}:24.1")
def test_tt36_end_is_a_dated_convention_that_matches_the_domain() -> None:
    rb = national_rulebook()
    (value,) = rb.param("workflow.tt36_end_convention").values
    assert value.provenance is Provenance.CONVENTION
    assert value.start == date(2018, 1, 1)
    assert value.note_vi  # the reasoning is written down, in both languages
    assert value.note_en
    period = rb.governing("national_procedures", date(2017, 12, 31))
    assert period is not None
    assert period.document == TT36
    assert period.end == value.start
    # not in force before its day: nothing in 2017 rests on the convention
    assert not rb.resolve("workflow.tt36_end_convention", date(2017, 12, 31))
    assert Provenance.CONVENTION.vi == "quy ước của thư viện"
    assert Provenance.CONVENTION.en == "library convention"


@pytest.mark.clause(f"{TT36}:3.2")
def test_on_the_last_day_of_the_convention_tt36_applies() -> None:
    decision = procurement_method(
        national("consulting", contents=("consulting",)), date(2017, 12, 31)
    )
    assert decision.method is ProcurementMethod.SELECTION


@pytest.mark.clause(f"{TT36}:24.1")
def test_from_the_conventional_end_the_answer_says_it_is_a_convention() -> None:
    with pytest.raises(NotEncodedError) as caught:
        procurement_method(national("consulting", contents=("consulting",)), date(2018, 1, 1))
    assert caught.value.instrument == "17/2018/TT-BCT"
    answer = caught.value.not_encoded
    assert answer is not None
    assert "quy ước của thư viện" in answer.reason_vi
    assert "convention" in answer.reason_en


@pytest.mark.clause(f"{TT36}:24.1")
@pytest.mark.clause(f"{TT36}:10.1.b")
def test_a_deadline_from_the_conventional_end_says_it_is_a_convention() -> None:
    # Plan 2019 registers by 19/05/2018, after 01/01/2018: TT 17/2018/TT-BCT governs, and that
    # TT 36/2013 stops on 01/01/2018 is the library's convention (as for every other answer).
    found = registration_deadline(2019, as_of=date(2018, 1, 1))
    assert isinstance(found, DeadlineNotEncoded)
    assert found.instrument == "17/2018/TT-BCT"
    assert "quy ước của thư viện" in found.not_encoded.reason_vi
    assert "convention" in found.not_encoded.reason_en
    # before 10/02/2014 the governing instrument is simply not encoded: no convention to name
    before = registration_deadline(2014, as_of=date(2013, 1, 1))
    assert isinstance(before, DeadlineNotEncoded)
    assert "convention" not in before.not_encoded.reason_en


_OVERRIDE = """
[meta]
id = "national-tt36-until-march-2018"
title_vi = "Thử: Thông tư 36/2013 áp dụng đến 28/02/2018"
title_en = "Test: Circular 36/2013 applies until 28/02/2018"
kind = "national"

[domains.national_procedures]
label_vi = "Thủ tục khuyến công quốc gia"
label_en = "National procedures"
periods = [
  { document = "36/2013/TT-BCT", from = 2014-02-10, until = 2018-03-01 },
  { document = "17/2018/TT-BCT", from = 2018-03-01 },
]

[params."workflow.national"]
type = "flag"
label_vi = "Quy trình quốc gia"
label_en = "National procedure"
domain = "national_procedures"
values = [{ from = 2014-02-10, value = true, provenance = "official_text", citation = { document = "36/2013/TT-BCT", article = 1, clause = 1 } }]

[params."procurement.bidding_items"]
type = "codes"
label_vi = "Đấu thầu"
label_en = "Bidding"
domain = "national_procedures"
values = [{ from = 2014-02-10, value = ["media"], provenance = "official_text", citation = { document = "36/2013/TT-BCT", article = 3, clause = 1 } }]

[params."procurement.default_method"]
type = "text"
label_vi = "Mặc định"
label_en = "Default"
domain = "national_procedures"
values = [{ from = 2014-02-10, value = "selection", provenance = "official_text", citation = { document = "36/2013/TT-BCT", article = 3, clause = 2 } }]
"""


@pytest.mark.clause(f"{TT36}:24.1")
def test_a_rulebook_may_set_another_end(tmp_path: Path) -> None:
    path = tmp_path / "national.toml"
    path.write_text(_OVERRIDE, encoding="utf-8")
    rb = load_rulebook(path)
    p = national("consulting", contents=("consulting",))
    on = date(2018, 2, 1)
    assert procurement_method(p, on, rulebook=rb).method is ProcurementMethod.SELECTION
    with pytest.raises(NotEncodedError) as caught:
        procurement_method(p, date(2018, 3, 1), rulebook=rb)
    answer = caught.value.not_encoded
    assert answer is not None
    # this rulebook's end is not a convention: the answer does not call it one
    assert "convention" not in answer.reason_en


@pytest.mark.clause(f"{TT36}:24.1")
@pytest.mark.clause("46/2012/TT-BCT:11.1")
@pytest.mark.clause("16/2011/TTLT-BCT-BNV:6")
@pytest.mark.parametrize(
    ("replacing", "replaced", "on"),
    [
        (TT36, "08/2008/QĐ-BCT", date(2014, 2, 10)),
        (TT36, "17/2008/QĐ-BCT", date(2014, 2, 10)),
        (TT36, "5918/QĐ-BCT", date(2014, 2, 10)),
        ("46/2012/TT-BCT", "03/2005/TT-BCN", date(2013, 2, 10)),
        ("46/2012/TT-BCT", "07/2008/QĐ-BCT", date(2013, 2, 10)),
        ("16/2011/TTLT-BCT-BNV", "18/2008/TT-BCT", date(2011, 5, 20)),
    ],
)
def test_the_registry_lists_what_the_closing_articles_replace(
    replacing: str, replaced: str, on: date
) -> None:
    documents = national_rulebook().documents
    assert replaced in documents[replacing].replaces
    old = documents[replaced]
    assert old.replaced_by == replacing
    assert old.replaced_on == on


@pytest.mark.clause(f"{TT36}:6.1.a")
def test_registration_years_ahead_is_an_inference_not_the_text() -> None:
    (value,) = national_rulebook().param("registration.years_ahead").values
    assert "Suy ra, không phải lời văn" in value.note_vi
    assert "An inference, not the wording" in value.note_en
