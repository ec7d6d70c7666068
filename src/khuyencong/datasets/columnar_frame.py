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
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any, Final, cast

import polars as pl

from .columnar_blocks import RowBlock, _Line
from .rows import RowResult

if TYPE_CHECKING:
    from .columnar_profiles import _Template
    from .findings import RowFinding

__all__ = ["FrameBlock"]

_JSON_SPECIAL: Final = r'[\x00-\x1f"\\]'
"""What JSON escapes in a string (json.dumps with ensure_ascii=False): control characters,
the quote, the backslash."""


def _json_string(value: pl.Expr) -> pl.Expr:
    """A text column as JSON writes it (a string in quotes, ``null`` when missing): only the
    quote and the backslash need escaping (a text holding a control character is not written
    by columns: :meth:`FrameBlock.json_rows`)."""
    escaped = value.str.replace_all("\\", "\\\\", literal=True).str.replace_all(
        '"', '\\"', literal=True
    )
    return (
        pl.when(value.is_null())
        .then(pl.lit("null"))
        .otherwise(pl.concat_str([pl.lit('"'), escaped, pl.lit('"')]))
    )


def _inner(value: pl.Expr) -> pl.Expr:
    """A text as JSON writes it inside a string (no quotes; a missing one is empty)."""
    return (
        value.str.replace_all("\\", "\\\\", literal=True)
        .str.replace_all('"', '\\"', literal=True)
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

    __slots__ = ("_block", "free", "groups", "lines", "rows", "templates")

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
        finding naming another row, a free text holding a control character): the caller then
        writes :meth:`block`."""
        from .jsonrows import _encode_text, _json_or_null, _prepared

        prepared = [_prepared(line, lang, fragments) for line in self.lines]
        if any(kind == 2 for p in prepared for kind, _ in p[3]):
            return False
        rows = self.rows
        if (
            self.free
            and rows.select(
                pl.any_horizontal(pl.col(f).str.contains(r"[\x00-\x1f]") for f in self.free).any()
            ).item()
        ):
            return False
        # Per template line: its findings' text cut where a stand-in for a free text of the
        # proposal goes (what jsonrows._replaced puts back), and the free text that goes there.
        cuts: list[list[str]] = []
        fields: list[list[str]] = []
        for line, (_middle, tail, before, pieces) in zip(self.lines, prepared, strict=True):
            if line.fixed:
                cuts.append([tail])
                fields.append([])
                continue
            text = f'{before}"findings": [{", ".join(t for _, t in pieces)}]}}'
            marks = {_encode_text(s)[1:-1]: f for f, s in line.free.items()}
            parts = re.split("(" + "|".join(map(re.escape, marks)) + ")", text) if marks else [text]
            cuts.append(parts[0::2])
            fields.append([marks[m] for m in parts[1::2]])
        width = max(len(f) for f in fields)
        li = pl.col("li")

        def per_line(values: list[Any], dtype: Any = pl.String) -> pl.Expr:
            """The value of each row's template line (a constant when every line has it)."""
            if all(v == values[0] for v in values):
                return pl.lit(values[0], dtype=dtype)
            return pl.lit(pl.Series(values, dtype=dtype)).gather(li)

        def text_of(field: str, free: list[bool], fixed: list[str | None]) -> pl.Expr:
            """A row's code or title as JSON: its proposal's, or its template line's."""
            own = _json_string(pl.col(field)) if field in self.free else pl.lit("null")
            if all(free):
                return own
            constant = per_line([_json_or_null(v) for v in fixed])
            if not any(free):
                return constant
            return pl.when(per_line(free, pl.Boolean)).then(own).otherwise(constant)

        inner = {f: _inner(pl.col(f)) for f in self.free}
        ends: list[pl.Expr] = [per_line([c[0] for c in cuts])]
        for k in range(width):
            slot = per_line([f[k] if k < len(f) else None for f in fields])
            value: Any = pl.lit("")
            for f, expr in inner.items():
                value = pl.when(slot == f).then(expr).otherwise(value)
            ends += [value, per_line([c[k + 1] if k + 1 < len(c) else "" for c in cuts])]
        allowed = pl.col("allowed").cast(pl.String)
        shown = per_line([line.shown for line in self.lines], pl.Int64)
        amounts = (
            pl.when(pl.col("allowed").is_null() | (shown == 0))
            .then(pl.lit('"allowed": null, "allowed_if_eligible": null, '))
            .when(shown == 1)
            .then(
                pl.concat_str(
                    [pl.lit('"allowed": "'), allowed, pl.lit('", "allowed_if_eligible": null, ')]
                )
            )
            .otherwise(
                pl.concat_str(
                    [pl.lit('"allowed": null, "allowed_if_eligible": "'), allowed, pl.lit('", ')]
                )
            )
        )
        start = pl.lit(',\n{"row": ')
        if not lead:
            start = pl.when(pl.int_range(pl.len()) == 0).then(pl.lit('{"row": ')).otherwise(start)
        row_text = pl.concat_str(
            [
                start,
                pl.col("row").cast(pl.String),
                pl.lit(', "proposal_code": '),
                text_of(
                    "code",
                    [line.code_free for line in self.lines],
                    [line.result.proposal_code for line in self.lines],
                ),
                pl.lit(', "title": '),
                text_of(
                    "title",
                    [line.title_free for line in self.lines],
                    [line.result.title for line in self.lines],
                ),
                pl.lit(", "),
                per_line([p[0] for p in prepared]),
                pl.lit('"cost": '),
                _amount(pl.col("cost")),
                pl.lit(', "requested": '),
                _amount(pl.col("requested")),
                pl.lit(', "counterpart": '),
                _amount(pl.col("counterpart")),
                pl.lit(", "),
                amounts,
                *ends,
            ]
        )
        rows.select(row_text).write_csv(
            cast(IO[bytes], _Sink(write)),
            include_header=False,
            quote_style="never",
            line_terminator="",
        )
        return True


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
