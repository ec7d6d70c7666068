"""What changed between two dates of a rulebook, or between two rulebooks."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Final

import attrs

from .._args import check_date, check_optional_date, check_rulebook
from ..errors import ArgumentError
from ..schemas.citation import Citation, Provenance
from ..schemas.labelled import LabelledEnum
from .core import NotEncoded, Resolution, Resolved, Rulebook, SupportLevel
from .loader import national

__all__ = ["Change", "diff"]


@attrs.frozen(slots=True)
class Change:
    """One parameter that differs: ``added`` (only after), ``removed`` (only before) or
    ``changed`` (value or citation differs).

    A procedural rule held in Python (``[rules."procedure.*"]``) differs when it applies on one
    date and not on the other: ``before`` and ``after`` are then the resolutions of its gate, and
    ``rule_citation`` is the clause of the rule itself.
    """

    code: str
    kind: str
    before: Resolution | None
    after: Resolution | None
    rule_citation: Citation | None = None

    def describe(self, lang: str = "vi") -> str:
        """One line saying what changed, with the citations."""

        def show(r: Resolution | None) -> str:
            if r is None:
                return "—"
            if isinstance(r, NotEncoded):
                text = "chưa mã hóa" if lang == "vi" else "not encoded"
                return f"{text} ({r.instrument})" if r.instrument else text
            if self.rule_citation is not None:
                cite = self.rule_citation.vi if lang == "vi" else self.rule_citation.en
                return f"{'áp dụng' if lang == 'vi' else 'applies'} ({cite})"
            cite = r.citation.vi if lang == "vi" else r.citation.en
            official = r.provenance is Provenance.OFFICIAL_TEXT
            tier = "" if official else f"; {r.provenance.label(lang)}"  # "nguồn thứ cấp"
            return f"{_value(r.value, lang, self.code)} ({cite}{tier})"

        from ..l10n.catalog import render

        kind = render(f"rulebook.diff.{self.kind}", None, lang)
        return f"{self.code}: {kind}: {show(self.before)} → {show(self.after)}"


@cache
def _code_labels() -> dict[str, tuple[str, str]]:
    """The labels of the domain's codes (``schemas.codes``) by value, where a value names one
    thing only."""
    from ..schemas import codes

    found: dict[str, set[tuple[str, str]]] = {}
    for name in codes.__all__:
        kind = getattr(codes, name)
        if isinstance(kind, type) and issubclass(kind, LabelledEnum) and kind is not LabelledEnum:
            for member in kind:
                found.setdefault(member.value, set()).add((member.vi, member.en))
    return {value: next(iter(pairs)) for value, pairs in found.items() if len(pairs) == 1}


def _code(value: str, lang: str, param: str) -> str:
    """A code in words: a kind of adjustment (``adjustment.*``) from the message catalogue, a
    code of the domain by its label; anything else as it is.  The codes of the advance rules
    (``advance.*``: forms of Điều 13 TT 36/2013 beside support items, some spelt alike) are read
    by what each parameter holds (:func:`_advance_code`)."""
    from ..l10n.catalog import has, render

    head = param.partition(".")[0]  # the parameter's family: adjustment, advance, support…
    if head == "adjustment" and has(f"adjustment_kind.{value}"):
        return render(f"adjustment_kind.{value}", None, lang)
    if value in ("always", "optional"):  # when a dossier item is required (rules/checklists.py)
        return render(f"diff.when.{value}", None, lang)
    condition = _condition(value, lang)
    if condition is not None:
        return condition
    if head == "advance":
        return _advance_code(value, lang, param.split(".")[1])
    if has(f"code.{value}"):  # a code with no labelled enum (reporting periods, loan terms…)
        return render(f"code.{value}", None, lang)
    label = _code_labels().get(value)
    return value if label is None else label[0 if lang == "vi" else 1]


def _condition(value: str, lang: str) -> str | None:
    """When a checklist item is required, in words (``rules/checklists.py``: facts, ``not:``,
    ``item:<code>``, joined by ``,``, and ``optional``): "khi đơn vị thực hiện không lập hóa đơn
    tài chính…"; ``None`` when ``value`` is not such a condition."""
    from ..l10n.catalog import has, render
    from ..schemas.support import SupportItem

    items = {i.value for i in SupportItem}
    words: list[str] = []
    optional = False
    for token in value.split(","):
        fact = token.removeprefix("not:")
        if token == "optional":
            optional = True
        elif token.startswith("item:") and token[5:] in items:
            item = SupportItem(token[5:]).label(lang)
            words.append(render("diff.when.item", {"item": item}, lang))
        elif has(f"fact.{fact}"):
            words.append(render(f"fact.{fact}{'.not' if token != fact else ''}", None, lang))
        else:
            return None
    if not words:
        return None
    text = render(
        "diff.when.if", {"conditions": render("diff.when.and", None, lang).join(words)}, lang
    )
    return f"{text}, {render('diff.when.optional', None, lang)}" if optional else text


_ADVANCE_HOLDS: Final = {
    "first_documents": "advance_form",
    "form_clause": "advance_form",
    "multi_year_first_forms": "advance_form",
    "forms": "advance_form",  # the keys; the values are support items (_row)
    "next_documents": "advance_stage",
    "remaining_common_documents": "advance_stage",
    "remaining_documents": "item",
    "relocation_documents": "item",
}
"""What the values of each ``advance.<name>…`` parameter are: forms of proposal (Điều 13 TT
36/2013/TT-BCT), stages of advance, or support items."""


def _advance_code(value: str, lang: str, name: str) -> str:
    """A code of an ``advance.<name>…`` parameter in words, by what that parameter holds."""
    from ..l10n.catalog import has, render
    from ..schemas.support import SupportItem

    holds = _ADVANCE_HOLDS.get(name)
    if holds == "item" and value in {i.value for i in SupportItem}:
        return SupportItem(value).label(lang)
    if holds is not None and has(f"{holds}.{value}"):
        return render(f"{holds}.{value}", None, lang)
    return value


def _codes(values: tuple[str, ...], lang: str, param: str) -> str:
    return "; ".join(_code(v, lang, param) for v in values)


def _row(key: str, values: tuple[str, ...], lang: str, param: str) -> str:
    """One row of a table "key: codes".  A table of activity contents and their support items
    (``content.items``) names both by their own enums: ``vocational_training`` and
    ``consulting`` are each a content and an item, with different labels."""
    from ..schemas.support import ActivityContent, SupportItem

    contents = {c.value for c in ActivityContent}
    items = {i.value for i in SupportItem}
    if set(values) <= items:
        words = "; ".join(SupportItem(v).label(lang) for v in values)
        if param == "advance.forms":  # a form of Điều 13 and the items it covers
            return f"{_advance_code(key, lang, 'forms')}: {words}"
        if key in contents:
            return f"{ActivityContent(key).label(lang)}: {words}"
    return f"{_code(key, lang, param)}: {_codes(values, lang, param)}"


def _value(value: object, lang: str, param: str = "") -> str:
    """A value as a clerk reads it: a support level as its rate, cap and basis; codes by their
    labels; a table as "key: codes; …"."""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, bool):
        from ..l10n.catalog import render

        return render("word.yes" if value else "word.no", None, lang)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _code(value, lang, param)
    if isinstance(value, tuple) and all(isinstance(x, str) for x in value):
        return _codes(value, lang, param)
    if isinstance(value, Mapping) and all(
        isinstance(k, str) and isinstance(v, tuple) for k, v in value.items()
    ):
        return " | ".join(_row(k, v, lang, param) for k, v in value.items())
    if not isinstance(value, SupportLevel):
        return repr(value)
    from ..l10n import format_vnd
    from ..l10n.catalog import render

    parts: list[str] = []
    if value.rate is not None:
        parts.append(f"{(value.rate * 100).normalize():f} %")
    if value.cap is not None:
        cap = format_vnd(value.cap, lang)
        if value.per is not None:  # what the cap is counted per: "đ/thương hiệu", "VND/brand"
            cap += "/" + render(f"unit.{value.per.value}", None, lang)
        parts.append(render("diff.at_most", {"cap": cap}, lang))
    if value.basis.value != "cost":
        parts.append(render(f"basis.{value.basis.value}", None, lang))
    return ", ".join(parts)


def _same(a: Resolution, b: Resolution) -> bool:
    if isinstance(a, Resolved) and isinstance(b, Resolved):
        return a.value == b.value and a.citation == b.citation and a.provenance == b.provenance
    return isinstance(a, NotEncoded) and isinstance(b, NotEncoded)


def diff(
    old: Rulebook | date,
    new: Rulebook | date,
    *,
    as_of: date | None = None,
    rulebook: Rulebook | None = None,
) -> list[Change]:
    """The parameters that differ, then the procedural rules that apply on one side only.

    - ``diff(date_a, date_b)``: the rules in force on two dates (``rulebook`` defaults to the
      built-in national one);
    - ``diff(rulebook_a, rulebook_b, as_of=d)``: two rulebooks on one date.

    >>> from datetime import date
    >>> changes = diff(date(2018, 5, 10), date(2018, 5, 11))
    >>> [c.kind for c in changes if c.code == "support.demonstration_new_technology"]
    ['changed']
    """
    as_of = check_optional_date(as_of, "as_of")
    if isinstance(old, date) and isinstance(new, date):
        old, new = check_date(old, "old"), check_date(new, "new")
        book = check_rulebook(rulebook) or national()
        pairs = [(book, old, book, new)]
    elif isinstance(old, Rulebook) and isinstance(new, Rulebook):
        if as_of is None:
            raise ArgumentError("comparing two rulebooks needs as_of=<date>")
        pairs = [(old, as_of, new, as_of)]
    else:
        raise ArgumentError("diff() compares two dates or two rulebooks")
    before_book, before_date, after_book, after_date = pairs[0]
    changes: list[Change] = []
    for code in sorted(set(before_book.params) | set(after_book.params)):
        before = before_book.resolve(code, before_date) if code in before_book else None
        after = after_book.resolve(code, after_date) if code in after_book else None
        was = isinstance(before, Resolved)
        now = isinstance(after, Resolved)
        if was and not now:
            changes.append(Change(code, "removed", before, after))
        elif now and not was:
            changes.append(Change(code, "added", before, after))
        elif was and now and before is not None and after is not None and not _same(before, after):
            changes.append(Change(code, "changed", before, after))
    for code in sorted(set(before_book.rules) | set(after_book.rules)):
        rule = before_book.rules.get(code) or after_book.rules[code]
        gate_before = (
            before_book.resolve(rule.gate, before_date) if code in before_book.rules else None
        )
        gate_after = after_book.resolve(rule.gate, after_date) if code in after_book.rules else None
        was = isinstance(gate_before, Resolved)
        now = isinstance(gate_after, Resolved)
        if was != now:
            kind = "removed" if was else "added"
            changes.append(Change(code, kind, gate_before, gate_after, rule.citation))
    return changes
