"""Every test of the specification names the clause it specifies.

A test under ``tests/spec`` without ``@pytest.mark.clause(key)``, or whose key is not a
:attr:`khuyencong.Citation.key` (``26/2014/TTLT-BTC-BCT:6.2.b.p1``), stops the run before any test
does: the specification is organised by clause, and a test that names none cannot be found by a
reader of the law.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from khuyencong.schemas import Citation
from khuyencong.schemas.citation import POINT_LETTERS

HERE = Path(__file__).resolve().parent

_PARTS = re.compile(
    r"^(?P<article>\d+)(?:\.(?P<clause>\d+))?(?:\.(?P<point>[a-zđ]))?"
    r"(?:\.p(?P<paragraph>\d+))?(?:\.d(?P<dash>\d+))?$"
)


def citation_from_key(key: str) -> Citation:
    """Parse a ``Citation.key`` back into a citation (``ValueError`` when it is not one)."""
    document, _, rest = key.partition(":")
    if not rest:
        return Citation(document=document)
    match = _PARTS.match(rest)
    if match is None or (match["point"] is not None and match["point"] not in POINT_LETTERS):
        raise ValueError(f"{key!r}: {rest!r} is not article.clause.point[.pN][.dN]")
    citation = Citation(
        document=document,
        article=int(match["article"]),
        clause=None if match["clause"] is None else int(match["clause"]),
        point=match["point"],
        paragraph=None if match["paragraph"] is None else int(match["paragraph"]),
        dash=None if match["dash"] is None else int(match["dash"]),
    )
    if citation.key != key:
        raise ValueError(f"{key!r} does not round-trip (reads back as {citation.key!r})")
    return citation


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    problems: list[str] = []
    for item in items:
        if HERE not in Path(str(item.path)).resolve().parents:
            continue
        marks = list(item.iter_markers("clause"))
        if not marks:
            problems.append(f"{item.nodeid}: no @pytest.mark.clause(key)")
            continue
        for mark in marks:
            try:
                citation_from_key(str(mark.args[0]))
            except (ValueError, IndexError) as exc:
                problems.append(f"{item.nodeid}: {exc}")
    if problems:
        raise pytest.UsageError("tests/spec must name their clause:\n" + "\n".join(problems))
