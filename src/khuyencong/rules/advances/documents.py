"""The dossier of each advance (Điều 13-15 Thông tư 36/2013/TT-BCT).

The documents are rulebook data (``rulebooks/data/params/advance_checklists.toml`` and
``advance_documents.toml``): each checklist is the parameters whose codes start with its name,
one document each, whose value lists the keys that need it (a form, a spending item or a stage).
This module only picks the checklists a proposal's stage and items call for."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final

from ..._args import check_date
from ...rulebooks import Rulebook
from ...schemas.codes import (
    SupportItem,
)
from ...schemas.proposal import Proposal
from .._procedure import require, rulebook_or_national
from .forms import AdvanceStage, RequiredDocument, _require_national, advance_form, listed

FIRST_DOCUMENTS: Final = "advance.first_documents"
"""Điều 13 (and Điểm a khoản 3 Điều 23): the first advance's documents, keyed by form."""
RELOCATION_DOCUMENTS: Final = "advance.relocation_documents"
"""Khoản 1 Điều 15: the first advance of relocation interest, keyed by the spending item."""
NEXT_DOCUMENTS: Final = "advance.next_documents"
"""Điểm b khoản 2 Điều 15: the next advance of a multi-year proposal, keyed ``next``."""
REMAINING_COMMON_DOCUMENTS: Final = "advance.remaining_common_documents"
"""Điều 14: the documents of every remaining advance, keyed ``remaining``."""
REMAINING_DOCUMENTS: Final = "advance.remaining_documents"
"""The checklist of Khoản 1-15 Điều 14: one parameter per document, each listing the spending
items that need it (``rulebooks/data/params/advance_documents.toml``)."""


def _all(rb: Rulebook, checklist: str, keys: Iterable[str], as_of: date) -> list[RequiredDocument]:
    return [doc for key in keys for doc in listed(rb, checklist, key, as_of)]


def advance_documents(
    proposal: Proposal,
    stage: AdvanceStage,
    as_of: date,
    *,
    rulebook: Rulebook | None = None,
) -> tuple[RequiredDocument, ...]:
    """The dossier of an advance, as a checklist of (label vi, label en, clause).

    First advance: Điều 13 by form (plus the Sở's confirmation of progress reports that back an
    advance, Điểm a khoản 3 Điều 23); relocation interest: Khoản 1 Điều 15; next advance of a
    multi-year proposal: Điểm b khoản 2 Điều 15; remaining advance: Điều 14 (common documents and
    those of each kind of proposal, clauses 1-15).  A form the law leaves to the Agency head gives
    an empty first-advance list (Khoản 2 Điều 16).  Cleaner-production assessment (Art 14.6) has no
    spending-item code and is not listed.
    """
    as_of = check_date(as_of, "as_of")
    _require_national(proposal)
    rb = rulebook_or_national(rulebook)
    require(rb, "workflow.national", as_of)
    items = [line.item for line in proposal.budget_lines]
    docs: list[RequiredDocument] = []
    if stage is AdvanceStage.FIRST:
        if SupportItem.RELOCATION_INTEREST in items:
            docs += _all(rb, RELOCATION_DOCUMENTS, [SupportItem.RELOCATION_INTEREST.value], as_of)
        decision = advance_form(proposal, as_of, rulebook=rb)
        if decision.form is not None:
            docs += _all(rb, FIRST_DOCUMENTS, [decision.form.value], as_of)
    elif stage is AdvanceStage.NEXT:
        docs += _all(rb, NEXT_DOCUMENTS, [stage.value], as_of)
    else:
        docs += _all(rb, REMAINING_COMMON_DOCUMENTS, [stage.value], as_of)
        docs += _all(rb, REMAINING_DOCUMENTS, [i.value for i in dict.fromkeys(items)], as_of)
    return tuple(dict.fromkeys(docs))
