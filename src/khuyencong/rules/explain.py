"""Readable explanations of an assessment, in Vietnamese or English, with citations.

The words are the message catalogue's ``explain.*`` entries (:mod:`khuyencong.l10n.catalog`).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from ..l10n import format_date, format_vnd
from ..l10n.catalog import render
from .cofunding import LineResult, LineStatus
from .findings import Severity

if TYPE_CHECKING:
    from .assess import Assessment

__all__ = ["explain"]


def _percent(rate: Decimal, lang: str) -> str:
    text = f"{(rate * 100).normalize():f}"
    return (text.replace(".", ",") if lang == "vi" else text) + " %"


_SUFFIX = {"vi": " đ", "en": " VND"}


@cache
def _money(lang: str) -> Callable[[Decimal], str]:
    """A formatter of whole đồng that writes what :func:`~khuyencong.l10n.format_vnd` writes,
    with Python's own digit grouping (the locale's group symbol is read once per language,
    not per amount); anything but whole đồng goes to ``format_vnd``."""
    lang = "vi" if lang == "vi" else "en"
    sample = format_vnd(1000, lang)  # "1.000 đ" or "1,000 VND"
    group, suffix = sample[1], _SUFFIX[lang]
    if not sample.endswith(suffix):
        return lambda amount: format_vnd(amount, lang)

    def money(amount: Decimal) -> str:
        whole = int(amount)
        if whole != amount:
            return format_vnd(amount, lang)  # refuses it, as before
        text = f"{whole:,}"
        return (text if group == "," else text.replace(",", group)) + suffix

    return money


def _line(line: LineResult, lang: str, conditional: bool = False) -> str:
    """One line; ``conditional`` when the proposal is not_assessable: its computed support
    holds only if the proposal turns out eligible, and says so."""

    def t(key: str, **params: Any) -> str:
        return render(f"explain.{key}", params, lang)

    money = _money(lang)

    head = t(
        "line",
        n=line.index + 1,
        item=line.item.vi if lang == "vi" else line.item.en,
        cost=money(line.cost),
        requested=money(line.requested),
    )
    if line.status is LineStatus.PROPOSAL_INELIGIBLE:
        return t("line_proposal_ineligible", head=head)
    if line.status is not LineStatus.COMPUTED:
        extra = f" ({', '.join(line.instruments)})" if line.instruments else ""
        return t(f"line_{line.status.value}", head=head, extra=extra)
    limits: list[str] = []
    if line.rate is not None:
        limits.append(t("at_most", rate=_percent(line.rate, lang)))
    if line.cap is not None:
        limits.append(t("not_above", cap=money(line.cap)))
    level = t("and").join(limits) or t("by_contract")
    factor = "" if line.factor == 1 else t("factor", factor=line.factor)
    cite = ""
    if line.citation is not None:
        cite = f" ({line.citation.vi if lang == 'vi' else line.citation.en})"
    allowed = money(line.allowed or Decimal(0))
    return t(
        "line_computed",
        head=head,
        level=level,
        factor=factor,
        cite=cite,
        allowed=t("if_eligible", amount=allowed) if conditional else allowed,
        counterpart=money(line.counterpart or Decimal(0)),
    )


def explain(assessment: Assessment, lang: str = "vi") -> str:
    """Explain ``assessment`` in ``lang`` ("vi" or "en")."""

    def t(key: str, **params: Any) -> str:
        return render(f"explain.{key}", params, lang)

    a = assessment
    out = [
        t(
            "head",
            code=a.proposal_code,
            title=a.title,
            date=format_date(a.as_of, lang),
            status=t(f"status.{a.status.value}"),
        )
    ]
    money = _money(lang)
    requested = money(a.requested)
    # A not_assessable proposal's computed amounts hold only if it turns out eligible.
    conditional = a.status == "not_assessable"

    def allowed(amount: Decimal) -> str:
        return t("if_eligible", amount=money(amount)) if conditional else money(amount)

    if a.support is not None:
        out.append(t("support", allowed=allowed(a.support), requested=requested))
    else:
        unknown = a.unknown_lines
        numbers = ", ".join(str(line.index + 1) for line in unknown)
        known = [line.allowed for line in a.lines if line.allowed is not None]
        partial = allowed(sum(known, Decimal(0)))
        out.append(
            t("support_not_known", requested=requested, n=len(unknown), numbers=numbers)
            + (t("partial", partial=partial) if known else ".")
        )
    out += [_line(line, lang, conditional) for line in a.lines]
    order = (Severity.ERROR, Severity.UNDETERMINED, Severity.WARNING, Severity.INFO)
    for severity in order:
        findings = [f for f in a.findings if f.severity is severity]
        if not findings:
            continue
        out.append(t(f"severity.{severity.value}") + ":")
        for f in findings:
            cite = ""
            if f.citation is not None:
                cite = f" ({f.citation.vi if lang == 'vi' else f.citation.en})"
            out.append(f"  - {f.message(lang)}{cite}")
    return "\n".join(out)
