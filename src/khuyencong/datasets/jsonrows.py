"""The findings of the JSON report, each written once per distinct finding (see
:meth:`.report.Report.to_json`)."""

from __future__ import annotations

import json
from typing import Any, Final

from .findings import RowFinding

__all__ = ["finding_json"]

_FRAGMENTS_MAX: Final = 4096


def finding_json(
    f: RowFinding, lang: str, cache: dict[tuple[Any, ...], tuple[RowFinding, str]]
) -> str:
    """A finding as its JSON object in the report (its row is not in it), written once per
    distinct finding: findings that share their parameters (the columnar engine's findings of
    one profile) share their text."""
    key = (
        id(f.params),
        f.code,
        f.key,
        f.severity,
        f.column,
        f.line,
        f.citation_vi,
        f.citation_en,
        f.citation_key,
    )
    hit = cache.get(key)
    if hit is not None and hit[0].params is f.params:
        return hit[1]
    text = json.dumps(
        {
            "code": f.code,
            "severity": f.severity,
            "column": f.column,
            "message": f.message(lang),
            "citation": f.citation(lang),
            "citation_key": f.citation_key,
            "line": f.line,
        },
        ensure_ascii=False,
    )
    if len(cache) >= _FRAGMENTS_MAX:
        cache.clear()
    cache[key] = (f, text)
    return text
