"""Every built-in value names its source: a citation of a registered document, and a provenance."""

from __future__ import annotations

import pytest

from khuyencong.rulebooks import national, registry
from khuyencong.schemas.citation import Provenance


def test_every_value_has_a_citation_and_a_provenance() -> None:
    book = national()
    count = 0
    for code, value in book.citations():
        count += 1
        assert value.citation is not None, code
        assert value.citation.document in registry(), (code, value.citation.document)
        assert isinstance(value.provenance, Provenance), code
        if value.provenance is Provenance.SECONDARY:
            assert value.source_vi.strip(), f"{code}: a secondary value names its source"
            assert value.source_en.strip(), f"{code}: a secondary value names its source"
    assert count >= 60  # the built-in rulebook is not accidentally empty


def test_provenance_matches_what_the_registry_knows_of_the_text() -> None:
    # An official_text value must cite an instrument whose full text is known; a secondary one,
    # an instrument known only from a summary; a convention (what the text does not give) writes
    # its reasoning down in its note.
    docs = registry()
    for code, value in national().citations():
        known = docs[value.citation.document].text
        if value.provenance is Provenance.CONVENTION:
            assert value.note_vi, code
            assert value.note_en, code
            continue
        assert known is value.provenance, (code, value.citation.document, known)


@pytest.mark.parametrize(
    ("number", "effective", "text"),
    [
        ("45/2012/NĐ-CP", "2012-07-05", Provenance.OFFICIAL_TEXT),
        ("46/2012/TT-BCT", "2013-02-10", Provenance.OFFICIAL_TEXT),
        ("36/2013/TT-BCT", "2014-02-10", Provenance.OFFICIAL_TEXT),
        ("26/2014/TTLT-BTC-BCT", "2014-04-08", Provenance.OFFICIAL_TEXT),
        ("26/2014/TT-BCT", "2014-10-21", Provenance.OFFICIAL_TEXT),
        ("28/2018/TT-BTC", "2018-05-11", Provenance.SECONDARY),
        ("235/2025/NĐ-CP", "2025-10-15", Provenance.SECONDARY),
        ("16/2011/TTLT-BCT-BNV", "2011-05-20", Provenance.OFFICIAL_TEXT),
    ],
)
def test_registry_dates_of_the_instruments(number: str, effective: str, text: Provenance) -> None:
    document = registry()[number]
    assert document.effective_from is not None
    assert document.effective_from.isoformat() == effective
    assert document.text is text


def test_registry_knows_the_unknown_instruments_by_name_only() -> None:
    for number in ("17/2018/TT-BCT", "20/2017/TT-BCT"):
        document = registry()[number]
        assert document.text is None
        assert document.effective_from is None
    assert registry()["36/2013/TT-BCT"].replaced_by == "17/2018/TT-BCT"
    assert [a.document for a in registry()["46/2012/TT-BCT"].amended_by] == ["20/2017/TT-BCT"]
    ttlt = registry()["26/2014/TTLT-BTC-BCT"]
    assert (ttlt.replaced_by, str(ttlt.replaced_on)) == ("28/2018/TT-BTC", "2018-05-11")
