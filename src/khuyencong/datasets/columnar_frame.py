"""Proposals read from profiles' templates a whole batch at a time, as a polars frame: a
:class:`FrameBlock` (the columnar engine's vector lane, :mod:`.columnar_vector`).

A :class:`.columnar_blocks.RowBlock` is built proposal by proposal in Python.  A batch whose
proposals are all read from templates is built as columns instead: per row its number, its
template line, its proposal's free texts and its amounts.  The JSON writer writes it with
polars expressions (:meth:`FrameBlock.json_rows`: a template line's parts are the same text
:mod:`.jsonrows` prepares, a row's own parts put in as columns), the summary adds it by
template line (:meth:`FrameBlock.tally`); every other reader gets the same
:class:`~.columnar_blocks.RowBlock` the row-by-row build would have made
(:meth:`FrameBlock.block`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from typing import IO, TYPE_CHECKING, Any, cast

import polars as pl

from .columnar_blocks import RowBlock, _Line
from .rows import RowResult

if TYPE_CHECKING:
    from .columnar_profiles import _Template
    from .findings import RowFinding

__all__ = ["FrameBlock"]


def _json_string(value: pl.Expr) -> pl.Expr:
    """A text column as JSON writes it (a string in quotes, ``null`` when missing)."""
    escaped = _inner(value)
    return (
        pl.when(value.is_null())
        .then(pl.lit("null"))
        .otherwise(pl.concat_str([pl.lit('"'), escaped, pl.lit('"')]))
    )


def _inner(value: pl.Expr) -> pl.Expr:
    """A text as JSON writes it inside a string (no quotes; a missing one is empty): the
    backslash, the quote and the tab escaped — the texts of a block come from lines read by
    columns, which hold no other control character (:func:`.columnar_lines._cells`)."""
    return (
        value.str.replace_all("\\", "\\\\", literal=True)
        .str.replace_all('"', '\\"', literal=True)
        .str.replace_all("\t", "\\t", literal=True)
        .fill_null("")
    )


def _amount(value: pl.Expr) -> pl.Expr:
    """An amount as the JSON report writes it: its digits in quotes, or ``null``."""
    return (
        pl.when(value.is_null())
        .then(pl.lit("null"))
        .otherwise(pl.concat_str([pl.lit('"'), value.cast(pl.String), pl.lit('"')]))
    )


class FrameBlock:
    """The rows of consecutive proposals read from templates, as a polars frame (one row per
    row of the file, in file order).

    ``rows`` has the columns ``row`` (the row number), ``li`` (the row's template line, an
    index into :attr:`lines`), ``g`` (its proposal, an index into :attr:`groups`), one column
    per free text of the plan (its proposal's text: the first given on its lines), and the
    amounts ``cost``, ``requested``, ``counterpart`` and ``allowed`` in whole đồng (null when
    not given or not known).
    """

    __slots__ = ("_block", "_li", "free", "groups", "lines", "rows", "templates")

    def __init__(
        self,
        rows: pl.DataFrame,
        lines: list[_Line],
        templates: list[_Template],
        groups: pl.DataFrame,
        free: tuple[str, ...],
    ) -> None:
        self.rows = rows
        self.lines = lines
        self.templates = templates
        self.groups = groups
        """Per proposal: ``t`` (its template, an index into :attr:`templates`), ``first`` (the
        number of its first row) and ``size`` (its rows)."""
        self.free = free
        """The free texts the plan gives (columns of :attr:`rows`)."""
        self._block: RowBlock | None = None
        self._li: list[int] | None = None

    def __len__(self) -> int:
        return self.rows.height

    # -- every reader: the RowBlock ------------------------------------------------------------

    def block(self) -> RowBlock:
        """The rows as the :class:`~.columnar_blocks.RowBlock` the engine builds proposal by
        proposal (made once, when first asked for)."""
        if self._block is not None:
            return self._block
        block = RowBlock()
        rows = self.rows
        free = {f: rows.get_column(f).to_list() for f in self.free}
        amounts = list(
            zip(
                rows.get_column("cost").to_list(),
                rows.get_column("requested").to_list(),
                rows.get_column("counterpart").to_list(),
                strict=True,
            )
        )
        allowed = rows.get_column("allowed").to_list()
        at = 0
        for t, first, size in self.groups.select("t", "first", "size").iter_rows():
            template = self.templates[t]
            real = {f: values[at] for f, values in free.items() if values[at] is not None}
            numbers = list(range(first, first + size))
            block.add(
                template.lines,
                numbers,
                real,
                amounts[at : at + size],
                allowed[at : at + size],
            )
            at += size
        self._block = block
        return block

    def results(self) -> Iterator[RowResult]:
        """The rows as :class:`~.rows.RowResult` objects, each made when asked for."""
        return self.block().results()

    def result(self, i: int) -> RowResult:
        """Row ``i`` as a :class:`~.rows.RowResult` (the block's rows made when first asked:
        a table shows few)."""
        return self.block().result(i)

    def line_at(self, i: int) -> _Line:
        """The template line row ``i`` was read from."""
        if self._li is None:
            self._li = self.rows.get_column("li").to_list()
        return self.lines[self._li[i]]

    def problems(self, passing: Collection[str]) -> list[int]:
        """The rows with a finding or a status not in ``passing`` (their template line's),
        found as columns."""
        lines = [
            k
            for k, line in enumerate(self.lines)
            if line.result.findings or line.result.status not in passing
        ]
        if not lines:
            return []
        found: list[int] = (
            self.rows.select(pl.arg_where(pl.col("li").is_in(lines))).to_series().to_list()
        )
        return found

    # -- the summary -----------------------------------------------------------------------

    def tally(
        self,
    ) -> Iterator[tuple[_Line, int, tuple[int, int], tuple[int, int], tuple[int, int]]]:
        """Per template line, in the order of their first row: the line, its rows, and the
        sum and count of the cost, requested and allowed amounts given on them."""
        sums = (
            self.rows.group_by("li", maintain_order=True)
            .agg(
                pl.len().alias("n"),
                *(
                    e
                    for name in ("cost", "requested", "allowed")
                    for e in (
                        pl.col(name).cast(pl.Int128).sum().alias(f"{name}_sum"),
                        pl.col(name).count().alias(f"{name}_n"),
                    )
                ),
            )
            .iter_rows()
        )
        for li, n, cost, n_cost, requested, n_requested, allowed, n_allowed in sums:
            yield (
                self.lines[li],
                n,
                (int(cost), n_cost),
                (int(requested), n_requested),
                (int(allowed), n_allowed),
            )

    # -- the JSON report -----------------------------------------------------------------------

    def json_rows(
        self,
        lang: str,
        fragments: dict[tuple[Any, ...], tuple[RowFinding, str]],
        lead: bool,
        write: Callable[[bytes], object],
    ) -> bool:
        """Write the JSON text of the rows (as :func:`.jsonrows.write_rows` writes them) to
        ``write`` in UTF-8, each after ``",\n"`` (but the first when ``lead`` is false);
        ``False`` (nothing written) when a row needs what only the row-by-row writer makes (a
        finding naming another row): the caller then writes :meth:`block`."""
        from .jsonrows import _encode_text, _json_or_null, _prepared

        prepared = [_prepared(line, lang, fragments) for line in self.lines]
        if any(kind == 2 for p in prepared for kind, _ in p[3]):
            return False
        # Per template line: its findings' text cut where a stand-in for a free text of the
        # proposal goes (what jsonrows._replaced puts back), and the free text that goes there.
        cuts: list[tuple[list[str], list[str]]] = []
        for line, (_middle, tail, before, pieces) in zip(self.lines, prepared, strict=True):
            if line.fixed:
                cuts.append(([tail], []))
            else:
                text = f'{before}"findings": [{", ".join(t for _, t in pieces)}]}}'
                cuts.append(_cut(text, {_encode_text(s)[1:-1]: f for f, s in line.free.items()}))
        amounts = self._allowed(
            '"allowed": null, "allowed_if_eligible": null, ',
            ('"allowed": "', '", "allowed_if_eligible": null, '),
            ('"allowed": null, "allowed_if_eligible": "', '", '),
        )
        start = pl.lit(',\n{"row": ')
        if not lead:
            start = pl.when(pl.int_range(pl.len()) == 0).then(pl.lit('{"row": ')).otherwise(start)
        row_text = pl.concat_str(
            [
                start,
                pl.col("row").cast(pl.String),
                pl.lit(', "proposal_code": '),
                self._own_text("code", _json_string, _json_or_null),
                pl.lit(', "title": '),
                self._own_text("title", _json_string, _json_or_null),
                pl.lit(", "),
                _per_line([p[0] for p in prepared]),
                pl.lit('"cost": '),
                _amount(pl.col("cost")),
                pl.lit(', "requested": '),
                _amount(pl.col("requested")),
                pl.lit(', "counterpart": '),
                _amount(pl.col("counterpart")),
                pl.lit(", "),
                amounts,
                *_filled(cuts, {f: _inner(pl.col(f)) for f in self.free}),
            ]
        )
        _write(self.rows.select(row_text), write)
        return True

    # -- the CSV report ----------------------------------------------------------------------

    def csv_rows(self, lang: str, write: Callable[[bytes], object]) -> bool:
        """Write the CSV text of the rows (as :func:`.csvrows.write_csv` writes them, each with
        its line end) to ``write`` in UTF-8; ``False`` (nothing written) when a row needs what
        only the row-by-row writer makes (a finding naming another row)."""
        from .csvrows import _prepared, _text_cell, _texts

        prepared = [_prepared(line, lang) for line in self.lines]
        if any(kind == 2 for p in prepared for kind, _ in p[2]):
            return False
        texts = [_texts(line, lang) for line in self.lines]
        # The findings' cell of a row whose findings name its proposal: its findings' text
        # with the proposal's free texts put in, then neutralised and quoted as a cell.
        cuts: list[tuple[list[str], list[str]]] = [
            ([""], [])
            if line.fixed
            else _cut(" | ".join(t for _, t in pieces), {s: f for f, s in line.free.items()})
            for line, (_, _, pieces) in zip(self.lines, prepared, strict=True)
        ]
        cell = _csv_cell(
            pl.concat_str(_filled(cuts, {f: pl.col(f).fill_null("") for f in self.free}))
        )
        fixed = _per_line([line.fixed for line in self.lines], pl.Boolean)
        after = (
            pl.when(fixed)
            .then(_per_line([t[1] for t in texts]))
            .otherwise(
                pl.concat_str(
                    [_per_line([t[2] for t in texts]), cell, _per_line([t[3] for t in texts])]
                )
            )
        )
        amounts = self._allowed(",,", (",", ","), (",,", ""))

        def own(value: pl.Expr) -> pl.Expr:
            return _csv_cell(value).fill_null("")

        row_text = pl.concat_str(
            [
                pl.col("row").cast(pl.String),
                pl.lit(","),
                self._own_text("code", own, _text_cell),
                pl.lit(","),
                self._own_text("title", own, _text_cell),
                _per_line([t[0] for t in texts]),
                pl.lit(","),
                pl.col("cost").cast(pl.String).fill_null(""),
                pl.lit(","),
                pl.col("requested").cast(pl.String).fill_null(""),
                pl.lit(","),
                pl.col("counterpart").cast(pl.String).fill_null(""),
                amounts,
                after,
                pl.lit("\r\n"),
            ]
        )
        _write(self.rows.select(row_text), write)
        return True

    def _allowed(
        self, none: str, allowed: tuple[str, str], if_eligible: tuple[str, str]
    ) -> pl.Expr:
        """Where a row's allowed amount goes (:func:`.summary.allowed_shown`: its template
        line's ``shown``), as a writer writes it: ``none`` when nowhere or not known, else the
        amount between the two texts of ``allowed`` or of ``if_eligible``."""
        amount = pl.col("allowed").cast(pl.String)
        shown = _per_line([line.shown for line in self.lines], pl.Int64)
        return (
            pl.when(pl.col("allowed").is_null() | (shown == 0))
            .then(pl.lit(none))
            .when(shown == 1)
            .then(pl.concat_str([pl.lit(allowed[0]), amount, pl.lit(allowed[1])]))
            .otherwise(pl.concat_str([pl.lit(if_eligible[0]), amount, pl.lit(if_eligible[1])]))
        )

    def _own_text(
        self,
        field: str,
        own: Callable[[pl.Expr], pl.Expr],
        fixed: Callable[[str | None], str],
    ) -> pl.Expr:
        """A row's code or title as a report writes it (``own``): its proposal's, or its
        template line's (``fixed``) on a line that gives none."""
        value = own(pl.col(field)) if field in self.free else pl.lit(fixed(None))
        free = [line.code_free if field == "code" else line.title_free for line in self.lines]
        if all(free):
            return value
        constant = _per_line(
            [
                fixed(line.result.proposal_code if field == "code" else line.result.title)
                for line in self.lines
            ]
        )
        if not any(free):
            return constant
        return pl.when(_per_line(free, pl.Boolean)).then(value).otherwise(constant)


def _per_line(values: list[Any], dtype: Any = pl.String) -> pl.Expr:
    """The value of each row's template line (a constant when every line has it)."""
    if all(v == values[0] for v in values):
        return pl.lit(values[0], dtype=dtype)
    return pl.lit(pl.Series(values, dtype=dtype)).gather(pl.col("li"))


def _cut(text: str, marks: dict[str, str]) -> tuple[list[str], list[str]]:
    """``text`` cut where each of ``marks`` (a stand-in, by the field it stands for) is, and
    the fields in the cuts, in order."""
    if not marks:
        return [text], []
    parts = re.split("(" + "|".join(map(re.escape, marks)) + ")", text)
    return parts[0::2], [marks[m] for m in parts[1::2]]


def _filled(cuts: list[tuple[list[str], list[str]]], values: dict[str, pl.Expr]) -> list[pl.Expr]:
    """The pieces of each row's text (``cuts``: per template line, :func:`_cut`) with the
    field between two pieces as ``values`` gives it (an empty text when none does)."""
    width = max(len(fields) for _, fields in cuts)
    ends: list[pl.Expr] = [_per_line([c[0] for c, _ in cuts])]
    for k in range(width):
        slot = _per_line([f[k] if k < len(f) else None for _, f in cuts])
        value: Any = pl.lit("")
        for field, expr in values.items():
            value = pl.when(slot == field).then(expr).otherwise(value)
        ends += [value, _per_line([c[k + 1] if k + 1 < len(c) else "" for c, _ in cuts])]
    return ends


def _csv_cell(value: pl.Expr) -> pl.Expr:
    """A text as the CSV report writes its cell: neutralised when it starts like a formula
    (:func:`.safe.neutralise`), then quoted as :mod:`csv`'s writer quotes it."""
    safe = (
        pl.when(value.str.contains(r"^[=+\-@\t\r]"))
        .then(pl.concat_str([pl.lit("'"), value]))
        .otherwise(value)
    )
    return (
        pl.when(safe.str.contains(r'[,"\r\n]'))
        .then(
            pl.concat_str([pl.lit('"'), safe.str.replace_all('"', '""', literal=True), pl.lit('"')])
        )
        .otherwise(safe)
    )


def _write(frame: pl.DataFrame, write: Callable[[bytes], object]) -> None:
    """The one text column of ``frame`` passed to ``write`` as it is, in UTF-8."""
    frame.write_csv(
        cast(IO[bytes], _Sink(write)),
        include_header=False,
        quote_style="never",
        line_terminator="",
    )


class _Sink:
    """A file-like object passing what polars writes to ``write`` as bytes."""

    __slots__ = ("_write",)

    def __init__(self, write: Callable[[bytes], object]) -> None:
        self._write = write

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._write(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass
