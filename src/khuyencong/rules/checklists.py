"""Checklists a clerk ticks: dossiers, the parts of a proposal, appraisal criteria, declared
conditions.

A checklist is data: the rulebook parameters whose codes start with its name (for example
``dossier.registration_base.``), each an item with its label and clause, dated like every value.
An item's value says when it is required — ``always``, a fact (``implementer_not_beneficiary``),
its negation (``not:invoiced``), several joined by ``,`` that must all hold, and ``optional`` for
what the text lists with "(nếu có)".  The facts are declared by the caller (or read from the
proposal by the module of the article); the clerk declares what is present or met.

An item whose condition rests on an undeclared fact is ``unknown`` (to declare), never silently
dropped; an item declared neither present nor absent is ``unknown`` too, not "missing".

>>> from datetime import date
>>> c = tick("dossier.registration_base", {"request_letter", "proposal"},
...          facts={"implementer_not_beneficiary": True, "annex2_kind": False},
...          as_of=date(2015, 4, 1))
>>> [i.code for i in c.missing]
['beneficiary_request']
>>> c.complete
False
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from enum import StrEnum

import attrs

from .._args import check_date
from ..errors import DeclarationError
from ..l10n.catalog import Msg, Text
from ..rulebooks import Resolved, Rulebook
from ..schemas.citation import Citation, Provenance
from ._procedure import require, rulebook_or_national
from .findings import Finding, Severity

__all__ = ["Checklist", "ChecklistItem", "ItemStatus", "tick"]


class ItemStatus(StrEnum):
    """Where an item of a checklist stands."""

    PRESENT = "present"
    """Required (or optional, or required depending on an undeclared fact) and declared present
    or met."""
    MISSING = "missing"
    """Required and declared absent or not met."""
    UNKNOWN = "unknown"
    """Required, or perhaps required, and not declared either way."""
    NOT_REQUIRED = "not_required"
    """The facts say the item does not apply, even if it is present; or it is optional and
    absent."""


@attrs.frozen(slots=True)
class ChecklistItem:
    """One item: its code (without the checklist's prefix), labels, clause, and status."""

    code: str
    label_vi: str
    label_en: str
    citation: Citation
    provenance: Provenance
    status: ItemStatus
    required: bool | None
    """Whether the facts make it required; ``None`` when a fact it depends on is undeclared."""
    note_vi: str = ""
    note_en: str = ""
    """The rulebook's remark on the item, in Vietnamese and English."""


@attrs.frozen(slots=True)
class Checklist:
    """A ticked checklist: every item with its status, and a finding per item not present."""

    name: str
    as_of: date
    items: tuple[ChecklistItem, ...]
    findings: tuple[Finding, ...]

    @property
    def missing(self) -> tuple[ChecklistItem, ...]:
        """Required items declared absent or not met."""
        return tuple(i for i in self.items if i.status is ItemStatus.MISSING)

    @property
    def unknown(self) -> tuple[ChecklistItem, ...]:
        """Items whose presence, or whether they are required, is not declared."""
        return tuple(i for i in self.items if i.status is ItemStatus.UNKNOWN)

    @property
    def complete(self) -> bool | None:
        """``True`` when nothing required is missing or unknown, ``False`` when something is
        missing, ``None`` when nothing is missing but something is unknown."""
        if self.missing:
            return False
        return None if self.unknown else True


def _required(condition: str, facts: Mapping[str, bool | None]) -> tuple[bool | None, bool]:
    """(required, optional) for an item's condition under the declared facts."""
    optional = False
    required: bool | None = True
    for token in (t.strip() for t in condition.split(",")):
        if token in ("always", ""):
            continue
        if token == "optional":
            optional = True
            continue
        negate = token.startswith("not:")
        fact = facts.get(token.removeprefix("not:"))
        if fact is None:
            if required is True:
                required = None
            continue
        if fact is negate:
            required = False
    return required, optional


def tick(
    name: str,
    ticked: Collection[str] | Mapping[str, bool | None],
    *,
    as_of: date,
    facts: Mapping[str, bool | None] | None = None,
    rulebook: Rulebook | None = None,
) -> Checklist:
    """Tick the checklist ``name`` (the prefix of its parameters) at ``as_of``.

    ``ticked`` is either the codes of the items present (the rest are absent) or a mapping code
    → ``True`` (present, met), ``False`` (absent, not met), ``None`` (not declared).  ``facts``
    decide which items are required.  Raises :class:`~khuyencong.errors.NotEncodedError` when the
    checklist's instrument on ``as_of`` is not encoded, and
    :class:`~khuyencong.errors.DeclarationError` for a ticked code the checklist does not have.
    """
    as_of = check_date(as_of, "as_of")
    rb = rulebook_or_national(rulebook)
    prefix = name.rstrip(".") + "."
    codes = [code for code in rb if code.startswith(prefix)]
    if not codes:
        raise DeclarationError(f"no checklist {name!r} in rulebook {rb.id!r}")
    known = {code.removeprefix(prefix) for code in codes}
    if isinstance(ticked, Mapping):
        declared: Mapping[str, bool | None] = ticked
    else:
        declared = dict.fromkeys(ticked, True)
        declared = {code: declared.get(code, False) for code in known | set(declared)}
    unknown_codes = sorted(set(declared) - known)
    if unknown_codes:
        raise DeclarationError(
            f"{name}: no item {', '.join(map(repr, unknown_codes))}; the items are "
            f"{', '.join(sorted(known))}"
        )
    facts = facts or {}
    items: list[ChecklistItem] = []
    findings: list[Finding] = []
    for code in codes:
        rule = require(rb, code, as_of)
        short = code.removeprefix(prefix)
        param = rb.param(code)
        required, optional = _required(str(rule.value), facts)
        present = declared.get(short)
        if required is False:
            status = ItemStatus.NOT_REQUIRED
        elif present is True:
            status = ItemStatus.PRESENT
        elif optional:
            status = ItemStatus.NOT_REQUIRED
        elif present is False and required is True:
            status = ItemStatus.MISSING
        else:
            status = ItemStatus.UNKNOWN
        note_vi, note_en = _note(rb, code, rule)
        items.append(
            ChecklistItem(
                code=short,
                label_vi=param.label_vi,
                label_en=param.label_en,
                citation=rule.citation,
                provenance=rule.provenance,
                status=status,
                required=None if optional else required,
                note_vi=note_vi,
                note_en=note_en,
            )
        )
        if status is ItemStatus.MISSING:
            findings.append(
                Finding.of(
                    f"{name.rsplit('.', 1)[-1]}_missing",
                    Severity.ERROR,
                    {"label": Text(param.label_vi, param.label_en)},
                    rule,
                    key="finding.pattern.missing",
                )
            )
        elif status is ItemStatus.UNKNOWN:
            findings.append(
                Finding.of(
                    f"{name.rsplit('.', 1)[-1]}_undeclared",
                    Severity.UNDETERMINED,
                    {
                        "label": Text(param.label_vi, param.label_en),
                        "applies": Msg(
                            "detail.nor_whether_applies" if required is None else "detail.period"
                        ),
                    },
                    rule,
                    key="finding.pattern.undeclared.2",
                )
            )
    return Checklist(name=name, as_of=as_of, items=tuple(items), findings=tuple(findings))


def _note(rb: Rulebook, code: str, rule: Resolved) -> tuple[str, str]:
    for value in rb.param(code).values:
        if value.start == rule.valid_from:
            return value.note_vi, value.note_en
    return "", ""  # pragma: no cover - a resolved value is one of the parameter's values
