"""Clause keys: a :attr:`Citation.key <khuyencong.schemas.citation.Citation.key>` read back as a
citation, and their reading order (moved from ``coverage.py``)."""

from __future__ import annotations

import re

from .schemas.citation import POINT_LETTERS, Citation, number_year

__all__ = ["citation_from_key", "clause_sort_key"]

_PART = re.compile(r"^(?:(?P<num>\d+)|(?P<point>[a-zđ])|p(?P<paragraph>\d+)|d(?P<dash>\d+))$")


def citation_from_key(key: str) -> Citation:
    """The :class:`~khuyencong.schemas.citation.Citation` a key such as
    ``26/2014/TTLT-BTC-BCT:6.2.b.p1`` stands for (the inverse of ``Citation.key``).

    Raises ``ValueError`` naming the key when it is not one.

    >>> citation_from_key("45/2012/NĐ-CP:5.1.e").en
    'Art 5.1.e of Decree 45/2012/NĐ-CP'
    >>> citation_from_key("28/2018/TT-BTC").key
    '28/2018/TT-BTC'
    """
    document, _, path = key.partition(":")
    fields: dict[str, int | str] = {}
    numbers = ["article", "clause"]
    for part in path.split(".") if path else []:
        match = _PART.match(part)
        if match is None:
            raise ValueError(f"{key!r}: {part!r} is not an article, clause, point, pN or dN")
        if match["num"] is not None:
            if not numbers or "point" in fields:
                raise ValueError(f"{key!r}: too many numbers before the point")
            fields[numbers.pop(0)] = int(match["num"])
        elif match["point"] is not None:
            fields["point"] = match["point"]
        elif match["paragraph"] is not None:
            fields["paragraph"] = int(match["paragraph"])
        else:
            fields["dash"] = int(match["dash"])
    try:
        citation = Citation.model_validate({"document": document, **fields})
    except ValueError as exc:
        raise ValueError(f"{key!r} is not a clause key: {exc}") from None
    if citation.key != key:
        raise ValueError(f"{key!r} is not a clause key (did you mean {citation.key!r}?)")
    return citation


def clause_sort_key(key: str) -> tuple[int, int, str, int, int, int, int, int]:
    """Sort keys by instrument (year, then number), then article, clause, point, paragraph, dash,
    in the order the law reads (points in Vietnamese alphabetical order: d before đ)."""
    citation = citation_from_key(key)
    number = citation.document.split("/")[0]
    point = POINT_LETTERS.index(citation.point) + 1 if citation.point else 0
    return (
        number_year(citation.document) or 0,
        int(number) if number.isdigit() else 0,
        citation.document,
        citation.article or 0,
        citation.clause or 0,
        point,
        citation.paragraph or 0,
        citation.dash or 0,
    )
