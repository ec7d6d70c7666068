"""The periods a national instrument governs in the built-in rulebook (the span a national
amendment rulebook may fill), and the date arithmetic the amendment checks share."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from .._args import check_optional_date
from ..errors import RulebookError
from ..schemas.citation import LegalDocument
from .compiler import (
    _Collector,
    _parse_file,
)
from .core import Rulebook
from .loader import _data_texts
from .model import (
    DomainSpec,
    MetaSpec,
    ParamSpec,
    RulebookFile,
)

__all__ = ["governed_periods"]


@cache
def _national_file() -> RulebookFile:
    """The built-in national rulebook's parts, merged into one file (parsed once)."""
    documents: list[LegalDocument] = []
    domains: dict[str, DomainSpec] = {}
    params: dict[str, ParamSpec] = {}
    meta: MetaSpec | None = None
    extra: dict[str, Any] = {"rules": {}, "results": {}, "affects": {}}
    for name, text in _data_texts():
        out = _Collector(name)
        part = _parse_file(name, text, out)
        if not isinstance(part, RulebookFile):  # pragma: no cover - the suite loads them
            raise RulebookError("\n".join(str(p) for p in out.problems))
        meta = part.meta or meta
        documents += part.documents
        domains.update(part.domains)
        params.update(part.params)
        extra["rules"].update(part.rules)
        extra["results"].update(part.results)
        extra["affects"].update(part.affects)
    return RulebookFile.model_construct(
        meta=meta, documents=tuple(documents), domains=domains, params=params, **extra
    )


def governed_periods(
    book: Rulebook, instrument: str, *, fallback: date | None = None
) -> dict[str, tuple[tuple[date | None, date | None], ...]]:
    """Domain → the periods in which ``instrument`` governs it in ``book``: the periods it is
    named for, and, for an instrument that amends another, the amended instrument's periods from
    the amendment's effective date (``fallback`` when no date is known)."""
    fallback = check_optional_date(fallback, "fallback")
    found: dict[str, list[tuple[date | None, date | None]]] = {}
    for domain, periods in book.domains.items():
        for period in periods:
            if period.document == instrument:
                found.setdefault(domain, []).append((period.start, period.end))
    for amended in book.documents.values():
        for amendment in amended.amended_by:
            if amendment.document != instrument:
                continue
            own = book.documents.get(instrument)
            start = amendment.effective_from or (own.effective_from if own else None) or fallback
            if start is None:
                continue
            for domain, periods in book.domains.items():
                for period in periods:
                    if period.document == amended.number and (
                        period.end is None or period.end > start
                    ):
                        begin = start if period.start is None else max(start, period.start)
                        found.setdefault(domain, []).append((begin, period.end))
    return {domain: tuple(spans) for domain, spans in found.items()}


def _overlaps(a0: date, a1: date | None, b0: date, b1: date | None) -> bool:
    return (b1 is None or a0 < b1) and (a1 is None or b0 < a1)


def _show(day: date | None) -> str:
    return "…" if day is None else day.isoformat()
