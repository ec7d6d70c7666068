"""The advance dossiers held as data (Điều 13-15 TT 36/2013/TT-BCT): every key a checklist item
lists is one the code asks with, so a misspelt key cannot silently drop a document."""

from __future__ import annotations

from datetime import date

from khuyencong.rulebooks import Resolved, national
from khuyencong.rules.advances.documents import (
    FIRST_DOCUMENTS,
    NEXT_DOCUMENTS,
    RELOCATION_DOCUMENTS,
    REMAINING_COMMON_DOCUMENTS,
    REMAINING_DOCUMENTS,
)
from khuyencong.rules.advances.forms import FORM_CLAUSE, AdvanceForm, AdvanceStage, form_clause
from khuyencong.schemas.codes import SupportItem

ON = date(2016, 9, 5)


def _keys(checklist: str) -> dict[str, tuple[str, ...]]:
    book = national()
    out: dict[str, tuple[str, ...]] = {}
    for code in book.params:
        if code.startswith(checklist + "."):
            resolved = book.resolve(code, ON)
            assert isinstance(resolved, Resolved), code
            out[code] = resolved.codes
    assert out, checklist
    return out


def test_every_key_is_one_the_code_asks_with() -> None:
    forms = {f.value for f in AdvanceForm}
    items = {i.value for i in SupportItem}
    allowed = {
        FIRST_DOCUMENTS: forms,
        FORM_CLAUSE: forms,
        RELOCATION_DOCUMENTS: {SupportItem.RELOCATION_INTEREST.value},
        NEXT_DOCUMENTS: {AdvanceStage.NEXT.value},
        REMAINING_COMMON_DOCUMENTS: {AdvanceStage.REMAINING.value},
        REMAINING_DOCUMENTS: items,
    }
    for checklist, keys in allowed.items():
        for code, listed in _keys(checklist).items():
            assert listed, code
            assert set(listed) <= keys, (code, listed)


def test_every_form_has_first_documents_and_one_clause() -> None:
    first = _keys(FIRST_DOCUMENTS)
    for form in AdvanceForm:
        assert any(form.value in listed for listed in first.values()), form
        # Điều 13: clause 1 (cluster works), points a-d of clause 2, clause 3 (enterprises).
        assert form_clause(national(), form.value, ON).article == 13
    assert form_clause(national(), "investment", ON).key == "36/2013/TT-BCT:13.2.d"
    assert form_clause(national(), "cluster_works", ON).key == "36/2013/TT-BCT:13.1"
