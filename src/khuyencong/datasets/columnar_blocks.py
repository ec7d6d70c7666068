"""Runs of rows read from profiles' templates (the columnar engine, :mod:`.columnar_check`) as
columns: a :class:`RowBlock`.

A proposal read from a template shares everything but a few values with the template's rows:
its rows' status, funding source, province, year, content, item, date, findings (bar their row
number, and the parameters of the few that name a free text or a row of the proposal) are the
template's, line for line.  A block keeps, per row, the template line it was read from
(:class:`_Line`: what every row read from it shares, its report fragments prepared once per
language) and the values that vary: row number, code, title, amounts, and the findings of a
row only when they name a free text or a row.  The JSON and CSV writers write a block from
its columns (:mod:`.jsonrows`, :mod:`.csvrows`), the summary adds it as a whole
(:meth:`.summary.Accumulator.add_block`); every other reader of a check sees the same
:class:`~.rows.RowResult` objects as before, made from the block when asked for
(:meth:`RowBlock.results`).

No dataframe library is imported here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from .findings import RowFinding
from .rows import RowResult

if TYPE_CHECKING:
    from .columnar_frame import FrameBlock

__all__ = ["RowBlock", "as_row_block"]

_BASE: Final = 1_000_000_000
"""The first run of a profile numbers a proposal's rows from this, the second from twice this
(:mod:`.columnar_profiles`)."""

_DECIDED: Final = frozenset({"eligible", "ineligible"})

_T = TypeVar("_T")

_Own = tuple[Mapping[str, str], list[int]]
"""The free texts and the row numbers of a proposal (what its rows' findings may name)."""

_FIELD_NAMES: Final = tuple(a.name for a in attrs.fields(RowFinding))
_ROW: Final = _FIELD_NAMES.index("row")
_PARAMS: Final = _FIELD_NAMES.index("params")
_FIELDS_OF: Final = attrgetter(*_FIELD_NAMES)
"""The fields of a row finding in the order of its constructor (an attrs class)."""


def _with(f: RowFinding, row: int, params: Mapping[str, Any]) -> RowFinding:
    """``f`` on ``row`` with ``params``."""
    values = list(_FIELDS_OF(f))
    values[_ROW] = row
    values[_PARAMS] = params
    return RowFinding(*values)


def _swapped(
    params: Mapping[str, Any],
    names: tuple[str, ...],
    old: Mapping[str, str],
    new: Mapping[str, str],
) -> Mapping[str, Any]:
    if not names:
        return params
    out = dict(params)
    for name in names:
        text = out[name]
        for field, stand_in in old.items():
            if stand_in in text:
                text = text.replace(stand_in, new.get(field, ""))
        out[name] = text
    return out


def _rows_named(
    params: Mapping[str, Any], refs: tuple[str, ...], rows: list[int]
) -> dict[str, Any]:
    """``params`` with each of ``refs`` (the first run's row number of a line of the proposal)
    naming that line's row in ``rows``."""
    out = dict(params)
    for name in refs:
        out[name] = str(rows[int(out[name]) - _BASE])
    return out


@attrs.define(slots=True, eq=False)
class _Line:
    """One row of a template: what every row read from it shares.

    ``result`` is the template's row (its row number, code, title and amounts are the first
    run's stand-ins, never shown); ``swaps`` its findings with the names of their parameters
    that hold a free text or a row of the proposal; ``fixed`` when none does (the findings of
    a row read from it are the template's, on that row).  ``shown`` says where the row's
    allowed amount goes (:func:`.summary.allowed_shown`): 1 in ``allowed``, 2 in
    ``allowed_if_eligible``, 0 nowhere.  ``prepared`` holds the report fragments of the line,
    made once per format and language by the writers."""

    result: RowResult
    swaps: tuple[tuple[RowFinding, tuple[str, ...], tuple[str, ...]], ...]
    free: Mapping[str, str]
    """The template's stand-ins for the free texts (by field)."""
    code_free: bool
    title_free: bool
    second: RowResult
    """The same row in the profile's second run (other stand-ins: ``second_free``)."""
    second_free: Mapping[str, str]
    fixed: bool = attrs.field(init=False)
    shown: int = attrs.field(init=False)
    prepared: dict[tuple[str, str], Any] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self.fixed = all(not names and not refs for _, names, refs in self.swaps)
        status = self.result.status
        self.shown = 2 if status == "not_assessable" else 1 if status in _DECIDED else 0

    def findings_on(
        self, row: int, real: Mapping[str, str], numbers: list[int]
    ) -> tuple[RowFinding, ...]:
        """The findings of a row read from this line: on ``row``, with the free texts ``real``
        of its proposal and its rows ``numbers`` where a finding names them."""
        found = []
        for f, names, refs in self.swaps:
            params = _swapped(f.params, names, self.free, real) if names else f.params
            if refs:
                params = _rows_named(params, refs, numbers)
            found.append(_with(f, row, params))
        return tuple(found)

    def own_parts(
        self,
        pieces: tuple[tuple[int, str], ...],
        row: int,
        own: _Own,
        replace: Callable[[str, Mapping[str, str], Mapping[str, str]], str],
        render: Callable[[RowFinding], str],
    ) -> list[str]:
        """The texts of the findings of ``row``, read from this line, whose findings name its
        proposal (``own``): each of ``pieces`` (a writer's prepared texts of the line's
        findings) as it is (kind 0), with the stand-ins replaced by the proposal's free texts
        by ``replace`` (kind 1), or, for a finding naming a row, the finding made for this row
        and written by ``render`` (kind 2)."""
        real, numbers = own
        parts = []
        made: tuple[RowFinding, ...] | None = None
        for k, (kind, text) in enumerate(pieces):
            if kind == 0:
                parts.append(text)
            elif kind == 1:
                parts.append(replace(text, self.free, real))
            else:
                if made is None:
                    made = self.findings_on(row, real, numbers)
                parts.append(render(made[k]))
        return parts


def _lines(
    results: list[RowResult],
    swaps: list[list[tuple[RowFinding, tuple[str, ...], tuple[str, ...]]]],
    free: Mapping[str, str],
    second: list[RowResult],
    second_free: Mapping[str, str],
) -> list[_Line]:
    """The lines of a template (its rows, their findings' swaps, its free texts, and the same
    of its second run)."""
    return [
        _Line(r, tuple(s), free, "code" in free, "title" in free, b, second_free)
        for r, s, b in zip(results, swaps, second, strict=True)
    ]


def placed(line: _Line, allowed: int | None, none: bytes, formats: tuple[bytes, bytes]) -> bytes:
    """Where the allowed amount of a row read from ``line`` goes (:attr:`_Line.shown`), as a
    writer writes it: ``none`` when nowhere or not known, else ``formats[0] % allowed`` (in
    ``allowed``) or ``formats[1] % allowed`` (in ``allowed_if_eligible``)."""
    shown = line.shown
    if allowed is None or not shown:
        return none
    return formats[shown - 1] % allowed


def _dec(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


@attrs.define(slots=True, eq=False)
class RowBlock:
    """Consecutive rows read from templates, as columns (one entry per row, in file order).

    Amounts are whole đồng as ``int`` (``None`` when not given or not known), as the row's
    :class:`~.rows.RowResult` holds them as ``Decimal``; ``allowed`` is the line's computed
    support before :func:`.summary.allowed_shown` places it.
    """

    lines: list[_Line] = attrs.field(factory=list)
    rows: list[int] = attrs.field(factory=list)
    codes: list[str | None] = attrs.field(factory=list)
    titles: list[str | None] = attrs.field(factory=list)
    cost: list[int | None] = attrs.field(factory=list)
    requested: list[int | None] = attrs.field(factory=list)
    counterpart: list[int | None] = attrs.field(factory=list)
    allowed: list[int | None] = attrs.field(factory=list)
    own: list[_Own | None] = attrs.field(factory=list)
    """Per row, ``None`` when its line is ``fixed``, else the free texts and the row numbers
    of its proposal (what its findings name: :meth:`_Line.findings_on`)."""

    def __len__(self) -> int:
        return len(self.rows)

    def add(
        self,
        lines: list[_Line],
        numbers: list[int],
        real: Mapping[str, str],
        amounts: list[tuple[int | None, int | None, int | None]],
        allowed: list[int | None] | None,
    ) -> None:
        """Add the rows of one proposal read from the template of ``lines``: its row numbers,
        free texts, amounts (cost, requested, counterpart per row) and allowed amounts."""
        code = real.get("code")
        title = real.get("title")
        count = len(numbers)
        self.lines.extend(lines)
        self.rows.extend(numbers)
        for line in lines:
            self.codes.append(code if line.code_free else line.result.proposal_code)
            self.titles.append(title if line.title_free else line.result.title)
        for cost, requested, counterpart in amounts:
            self.cost.append(cost)
            self.requested.append(requested)
            self.counterpart.append(counterpart)
        self.allowed.extend([None] * count if allowed is None else allowed)
        mine = (real, numbers)
        self.own.extend([None if line.fixed else mine for line in lines])

    def each(
        self, encode: Callable[[str | None], _T]
    ) -> Iterator[
        tuple[_Line, int, _T, _T, int | None, int | None, int | None, int | None, _Own | None]
    ]:
        """Each row as the writers read it: its line, number, code and title as ``encode``
        writes them (once for a run of rows that share them: a proposal's), amounts, ``own``."""
        last_code: object = self  # no code is this
        last_title: object = self
        code_text = title_text = encode(None)
        for line, row, code, title, cost, requested, counterpart, allowed, own in zip(
            self.lines,
            self.rows,
            self.codes,
            self.titles,
            self.cost,
            self.requested,
            self.counterpart,
            self.allowed,
            self.own,
            strict=True,
        ):
            if code is not last_code:
                code_text = encode(code)
                last_code = code
            if title is not last_title:
                title_text = encode(title)
                last_title = title
            yield line, row, code_text, title_text, cost, requested, counterpart, allowed, own

    def results(self) -> Iterator[RowResult]:
        """The rows as :class:`~.rows.RowResult` objects, each made when asked for."""
        for i in range(len(self.rows)):
            yield self.result(i)

    def line_at(self, i: int) -> _Line:
        """The template line row ``i`` was read from."""
        return self.lines[i]

    def problems(self, passing: Collection[str]) -> list[int]:
        """The rows with a finding or a status not in ``passing`` (their template line's)."""
        return [
            i
            for i, line in enumerate(self.lines)
            if line.result.findings or line.result.status not in passing
        ]

    def result(self, i: int) -> RowResult:
        """Row ``i`` of the block as a :class:`~.rows.RowResult`."""
        line = self.lines[i]
        row = self.rows[i]
        own = self.own[i]
        r = line.result
        return RowResult(
            row=row,
            status=r.status,
            proposal_code=self.codes[i],
            title=self.titles[i],
            funding=r.funding,
            province=r.province,
            year=r.year,
            content=r.content,
            item=r.item,
            cost=_dec(self.cost[i]),
            requested=_dec(self.requested[i]),
            counterpart=_dec(self.counterpart[i]),
            allowed=_dec(self.allowed[i]),
            as_of=r.as_of,
            first_of_proposal=r.first_of_proposal,
            findings=tuple(_with(f, row, f.params) for f in r.findings)
            if own is None
            else line.findings_on(row, *own),
            unreadable=r.unreadable,
        )


def as_row_block(block: RowBlock | FrameBlock) -> RowBlock:
    """A block of either kind as a :class:`RowBlock` (a :class:`.columnar_frame.FrameBlock`
    is made into one when first asked)."""
    return block if type(block) is RowBlock else block.block()  # type: ignore[union-attr]
