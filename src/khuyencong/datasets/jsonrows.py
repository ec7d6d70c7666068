"""The rows of the JSON report (see :meth:`.report.Report.to_json`): each row put together as
``json.dumps`` writes it, and each distinct finding written once."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from .columnar_blocks import RowBlock, _Line, placed
from .findings import RowFinding, worst
from .rows import RowResult
from .summary import allowed_shown

if TYPE_CHECKING:
    from .columnar_frame import FrameBlock

__all__ = ["finding_json", "write_rows"]

_FRAGMENTS_MAX: Final = 4096

_JSON_BLOCK: Final = 1000
"""Rows of the JSON report written at once."""

_encode_text: Callable[[str], str] = (
    getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring
)
"""How json.dumps(..., ensure_ascii=False) writes a string (its C encoder when there is one)."""


def _json(value: Any) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False)`` writes it."""
    if type(value) is str:
        return _encode_text(value)
    if value is None:
        return "null"
    if type(value) is int:
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)


def _json_text(value: Any) -> str:
    """An amount or a date as the report writes it: a string (exact), or ``null``."""
    if value is None:
        return "null"
    return _encode_text(value.isoformat() if isinstance(value, date) else str(value))


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
        f.path,
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
            "column": f.where(lang),
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


_Prepared = tuple[str, str, str, tuple[tuple[int, str], ...]]


def _replaced(text: str, old: Mapping[str, str], new: Mapping[str, str]) -> str:
    """``text`` (JSON) with each stand-in of ``old`` (by field) as the text of ``new`` there
    (none: empty), both as JSON writes them inside a string (as :func:`.columnar_blocks._swapped`
    does in a parameter)."""
    for field, stand_in in old.items():
        mark = _encode_text(stand_in)[1:-1]
        if mark in text:
            text = text.replace(mark, _encode_text(new.get(field, ""))[1:-1])
    return text


def _prepared(
    line: _Line, lang: str, fragments: dict[tuple[Any, ...], tuple[RowFinding, str]]
) -> _Prepared:
    """The parts of the JSON text of a row read from ``line`` that every such row shares: from
    ``"status"`` to ``"item"``, from ``"as_of"`` to the end, the same up to its findings, and
    each finding for a row whose findings name a free text or a row: ``(0, text)`` its text
    on every row, ``(1, text)`` its text with the template's stand-ins for the free texts
    (put back by :func:`_replaced`: the text of the second run's finding is so made from the
    first's, checked here), ``(2, "")`` one written from the row's finding."""
    key = ("json", lang)
    found: _Prepared | None = line.prepared.get(key)
    if found is None:
        r = line.result
        middle = (
            f'"status": {_json(r.status)}, '
            f'"funding": {_json(r.funding)}, "province": {_json(r.province)}, '
            f'"year": {_json(r.year)}, "content": {_json(r.content)}, '
            f'"item": {_json(r.item)}, '
        )
        findings = r.findings
        before = f'"as_of": {_json_text(r.as_of)}, "severity": {_json(worst(findings))}, '
        texts = [finding_json(f, lang, fragments) for f in findings]
        pieces: list[tuple[int, str]] = []
        for (_f, names, refs), text, other in zip(
            line.swaps, texts, line.second.findings, strict=True
        ):
            if not names and not refs:
                pieces.append((0, text))
            elif not refs and _replaced(text, line.free, line.second_free) == finding_json(
                other, lang, {}
            ):
                pieces.append((1, text))
            else:
                pieces.append((2, ""))
        tail = f'{before}"findings": [{", ".join(texts)}]}}'
        found = line.prepared[key] = (middle, tail, before, tuple(pieces))
    return found


def _own_tail(
    line: _Line,
    prepared: _Prepared,
    row: int,
    own: tuple[Mapping[str, str], list[int]],
    lang: str,
    fragments: dict[tuple[Any, ...], tuple[RowFinding, str]],
) -> str:
    """The end of the JSON text of a row whose findings name a free text or a row."""
    parts = line.own_parts(
        prepared[3], row, own, _replaced, lambda f: finding_json(f, lang, fragments)
    )
    return f'{prepared[2]}"findings": [{", ".join(parts)}]}}'


def _json_or_null(text: str | None) -> str:
    """A code or title as JSON text."""
    return "null" if text is None else _encode_text(text)


def _block_rows(
    block: RowBlock,
    lang: str,
    fragments: dict[tuple[Any, ...], tuple[RowFinding, str]],
    errors: str,
) -> Iterator[bytes]:
    """The JSON text of each row of ``block`` (as :func:`write_rows` writes its row), in UTF-8:
    a template line's shared parts are encoded once, a row's own (number, code, title, amounts)
    put in as bytes."""
    key = ("json", lang)
    coded_key = ("json " + errors, lang)

    def encode(text: str | None) -> bytes:
        return _json_or_null(text).encode("utf-8", errors)

    for line, row, code, title, cost, requested, counterpart, allowed, own in block.each(encode):
        coded: tuple[bytes, bytes] | None = line.prepared.get(coded_key)
        if coded is None:
            prepared = line.prepared.get(key) or _prepared(line, lang, fragments)
            coded = line.prepared[coded_key] = (
                prepared[0].encode("utf-8", errors),
                prepared[1].encode("utf-8", errors),
            )
        if own is None:
            tail = coded[1]
        else:
            prepared = line.prepared.get(key) or _prepared(line, lang, fragments)
            tail = _own_tail(line, prepared, row, own, lang, fragments).encode("utf-8", errors)
        amounts = placed(line, allowed, _NOWHERE, _PLACES)
        yield (
            b'{"row": %d, "proposal_code": %b, "title": %b, %b"cost": %b, "requested": %b, '
            b'"counterpart": %b, %b%b'
            % (
                row,
                code,
                title,
                coded[0],
                b"null" if cost is None else b'"%d"' % cost,
                b"null" if requested is None else b'"%d"' % requested,
                b"null" if counterpart is None else b'"%d"' % counterpart,
                amounts,
                tail,
            )
        )


_NOWHERE: Final = b'"allowed": null, "allowed_if_eligible": null, '
_PLACES: Final = (
    b'"allowed": "%d", "allowed_if_eligible": null, ',
    b'"allowed": null, "allowed_if_eligible": "%d", ',
)
"""A row's allowed amount in the JSON report: in neither key, in ``allowed``, in
``allowed_if_eligible`` (:func:`.columnar_blocks.placed`)."""


def write_rows(
    write: Callable[[bytes], object],
    results: Iterable[RowResult | RowBlock | FrameBlock],
    lang: str,
    errors: str = "strict",
) -> None:
    """Write ``results`` as the JSON report's rows, in UTF-8 (``errors`` as for
    :meth:`str.encode`), each as ``json.dumps`` writes :func:`.report.record` with its findings
    as objects (keys in the order of :data:`.report.COLUMNS`, ", " and ": " between them),
    separated by ",\n" and passed to ``write`` in blocks of :data:`_JSON_BLOCK` rows (those of
    a :class:`.columnar_blocks.RowBlock` from its columns).  Bytes, not text: a row's text is
    mostly its template line's, encoded once (a text stream would encode every row again, and
    a row holding Vietnamese letters is built two bytes a character)."""
    fragments: dict[tuple[Any, ...], tuple[RowFinding, str]] = {}
    block: list[bytes] = []
    separator = b""

    def flush() -> None:
        """Write the rows held, after the separator from the rows before them."""
        nonlocal separator
        if block:
            write(separator + b",\n".join(block))
            separator = b",\n"
            block.clear()

    for r in results:
        if type(r) is not RowResult and type(r) is not RowBlock:
            # A batch of proposals read from templates as a polars frame: its rows' text made
            # by polars (FrameBlock.json_rows), else the rows of its RowBlock.
            flush()
            if r.json_rows(lang, fragments, bool(separator), write):  # type: ignore[union-attr]
                separator = b",\n"
                continue
            r = r.block()  # type: ignore[union-attr]
        if type(r) is not RowResult:
            assert isinstance(r, RowBlock)
            for text in _block_rows(r, lang, fragments, errors):
                block.append(text)
                if len(block) >= _JSON_BLOCK:
                    flush()
            continue
        assert isinstance(r, RowResult)
        findings = r.findings
        allowed, if_eligible = allowed_shown(r)
        parts = ", ".join(finding_json(f, lang, fragments) for f in findings)
        block.append(
            (
                f'{{"row": {_json(r.row)}, "proposal_code": {_json(r.proposal_code)}, '
                f'"title": {_json(r.title)}, "status": {_json(r.status)}, '
                f'"funding": {_json(r.funding)}, "province": {_json(r.province)}, '
                f'"year": {_json(r.year)}, "content": {_json(r.content)}, '
                f'"item": {_json(r.item)}, "cost": {_json_text(r.cost)}, '
                f'"requested": {_json_text(r.requested)}, '
                f'"counterpart": {_json_text(r.counterpart)}, '
                f'"allowed": {_json_text(allowed)}, '
                f'"allowed_if_eligible": {_json_text(if_eligible)}, '
                f'"as_of": {_json_text(r.as_of)}, '
                f'"severity": {_json(worst(findings))}, "findings": [{parts}]}}'
            ).encode("utf-8", errors)
        )
        if len(block) >= _JSON_BLOCK:
            flush()
    flush()
