"""The columnar engine of ``check`` / :func:`~khuyencong.datasets.validate` for tidy CSV plans.

The row path (:mod:`.pipeline`) reads, groups, validates and assesses every proposal in Python.
For a tidy CSV file — one header, UTF-8 (with or without a byte-order mark) as Excel's "CSV
UTF-8" writes it, or UTF-16 with a byte-order mark as its "Unicode Text" does — this engine does the same work as columns (polars) and gives the same rows:

* **reading**: the head of the file (encoding, delimiter, header, column mapping, layout) is the
  row path's sniffing, reused; the body is read in batches of physical lines, split on the
  delimiter and cleaned as columns.  A line holding a quote is split by the row path's reader
  (:mod:`csv`, strict: a quoted cell may hold the delimiter, ``""`` is a quote) when its record
  closes on the line.  A cell whose field is not plain text is converted once per
  distinct text of the batch by the row path's own converter (so ``1.500.000``, ``50 triệu``,
  ``1.500.000 đ``, dates and labels read exactly as they do row by row);
* **grouping** into proposals is the row path's (consecutive codes, a blank code continues the
  proposal above, a code that comes back is an error);
* **an STT column** (a plan table for the row path: what it does not state is a finding) is
  read: a line with an Arabic number is a data row (without a code column, its STT is the
  proposal's code, as :meth:`.structure.Structure.data_values` gives it), any other line is classified by the row path's own :meth:`.structure.Structure.classify` (a Roman
  numeral or a letter is a section, a blank STT with a signature is the footer…), and a
  section, subtotal, total or footer row hands the rest of the file to the row path.  A
  profile holds only which lines of a proposal repeat which number (the rules read an STT only
  as equal or not to the first line's: ``conflicting_value``, whose row is moved to the
  proposal's);
* **proposals by profile**: a proposal's *profile* is everything the rules read except its
  free texts (code, title, beneficiary's name, commune's name, implementing unit) and its line
  amounts (only whether each is given and whether it is zero).  The first proposal of each
  profile is built, validated and assessed by the row path itself, twice, with different
  stand-ins for the free texts, the row numbers and the amounts; the profile is used for the
  other proposals only when the two runs agree (status, findings, their texts once the
  stand-ins are swapped, citations) — else each of its proposals takes the row path;
* **amounts**: each line's allowed support is computed with the columnar co-funding step
  (:func:`.columnar.cofund`) — levels joined by item, the management share by a group-by —
  and checked against the scalar engine on both runs of the profile; a line whose level is
  not known stays not known;
* **fall-back**: anything else — a line with a cell the converters refuse, a ragged or damaged
  line, a blank line, an amount beyond 10¹⁵ đồng, a negative or fractional amount, a
  proposal whose line amounts break a validator, a section, subtotal or total row or a quote
  that does not close on its line — a cell with a line break, damaged quoting — (from it to
  the end of the file, read by the row path's reader, told the widest record before it), a
  header or title row running over several lines, an STT neither Arabic nor blank when codes
  come from STT, values the title rows or the layout set, a file with NUL characters, bare
  carriage returns, undecodable bytes or another encoding (UTF-32, Windows-1258) — takes the
  row path
  for that proposal (or that rest of the file, or the whole file), never a guess.

**The vector lane** (:mod:`.columnar_vector`): once a batch's proposals are all read from
profiles already built, the next batches are read as blocks of text split by polars, grouped,
keyed and co-funded as columns, and come out as a :class:`.columnar_frame.FrameBlock` (no
Python object per line or per proposal; its JSON rows made by polars).  A batch the lane does
not take (a line the engine does not read by columns, a profile not built, a code that comes
back…) takes the way above.

Rows come out in file order as :class:`~.rows.RowResult` objects, the same as the row path's,
and the rows of consecutive proposals read from templates as a :class:`.columnar_blocks.RowBlock`
(columns, which the summary and the JSON and CSV writers read as such, and which give the same
:class:`~.rows.RowResult` objects to every other reader).  The engine runs one batch ahead
of its caller, in a thread of its own (:func:`.columnar_batch._ahead`).  polars is imported
with this module, when a plan is checked, never by ``import khuyencong``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import Any, Final

import polars as pl

from .build import _Builder
from .cells import _text
from .columnar_batch import _ahead, _frozen
from .columnar_blocks import RowBlock
from .columnar_frame import FrameBlock
from .columnar_lines import _head, _lines, _Quoted, _Source, lines_of
from .columnar_profiles import _bulk_add, _Profiles, _report_ints, _Template
from .columnar_read import _FREE, _Reader, _Row
from .columnar_vector import _Vector
from .csvread import csv_rows
from .layout import AMOUNT_FIELDS
from .pipeline import _groups, _parse, _Plan
from .readers import RawRow, Table
from .rows import RowResult, _Parsed
from .structure import Structure

__all__ = ["BATCH_LINES", "columnar_results"]

BATCH_LINES: Final = 10_000
"""Physical lines read and evaluated as one batch (bounded memory)."""

FIRST_LINES: Final = 2_000
"""Physical lines of the first batch: enough for the profiles of a plan that repeats them to
be built on their second proposal, so that the next batch may take the vector lane."""

VECTOR_BYTES: Final = 1 << 21
"""Bytes of whole lines read as one batch after one the vector lane took
(:mod:`.columnar_vector`: no object per line, so a larger batch costs less per line)."""

_PROFILES_MAX: Final = 4096
"""Profiles kept (each with the rows of its first proposal); more, and the engine starts afresh."""

_ONCE_MAX: Final = 1 << 20
"""Profiles remembered as seen once (by hash) before starting afresh."""


class _Engine(_Reader, _Profiles, _Vector):
    """One pass of the columnar engine over a file: its batches, groups, profiles and rows."""

    def __init__(
        self,
        table: Table,
        plan: _Plan,
        structure: Structure,
        builder: _Builder,
        rulebooks: Any,
        delimiter: str,
        widest: int = 0,
    ) -> None:
        self.plan = plan
        self.widest = widest
        """The widest record read so far (what the row path's reader knows when the engine
        hands it the rest of the file)."""
        self.quoted = _Quoted(delimiter)
        self.structure = structure
        self.builder = builder
        self.rulebooks = rulebooks
        self.delimiter = delimiter
        self.seen: dict[str, int] = {}
        self.profiles: dict[tuple[str, ...], _Template | None] = {}
        self.once: set[int] = set()
        self.columns = {c.field: c for c in plan.columns}
        self.text_fields = {c.field for c in plan.columns if c.convert is _text}
        self.slim = tuple(
            c.field
            for c in plan.columns
            if c.field in _FREE or c.field in AMOUNT_FIELDS or c.field == "units"
        ) + (("code",) if structure.derive_code else ())
        """The fields a proposal read from a profile needs: free texts (the code derived from
        STT among them), amounts, units."""
        self.amount_fields = tuple(c.field for c in plan.columns if c.field in AMOUNT_FIELDS)
        self.captured: list[Any] = []
        self.outcomes: dict[str, list[Any]] = {}
        self.ids: dict[str, dict[tuple[str, str], int]] = {}

    # -- the rows of a file ------------------------------------------------------------------

    def run(self, source: _Source, first: int) -> Iterator[RowResult | RowBlock | FrameBlock]:
        number = first
        """The number of the first line of ``carry``, else of the next batch."""
        carry: list[str] = []
        """The lines of the proposal still open at the end of the last batch (read again with
        the next one: its lines may continue it)."""
        vector = False
        """Whether the last batch went by the vector lane (the next is then read as a block of
        text, split as columns)."""
        while True:
            frame: pl.DataFrame | None = None
            if vector:
                vector = False
                new = source.block(VECTOR_BYTES)
                data = "".join(carry).encode("utf-8") + new if carry else new
                if not data:
                    return
                if new and b'"' not in data:
                    made, frame = self._vector_bytes(data, number)
                    if made is not None:
                        block, open_at, offset = made
                        carry = lines_of(data[offset:].decode("utf-8"))
                        del made, data, new  # a batch at a time in memory
                        number += open_at
                        vector = True
                        yield block
                        del block
                        continue
                    chunk = kept = lines_of(data.decode("utf-8"))
                    joined: list[str] | None = None
                    stop: int | None = None
                else:
                    chunk = lines_of(data.decode("utf-8"))
                    kept, joined, stop = self._split(chunk)
                    frame = self._frame(kept, joined) if kept else None
                # At the end of the file (no new line) the last proposal is closed below.
                batch = chunk if new else []
            else:
                batch = source.take(
                    BATCH_LINES if number > first else min(FIRST_LINES, BATCH_LINES)
                )
                chunk = carry + batch if carry else batch
                if not chunk:
                    return
                kept, joined, stop = self._split(chunk)
                frame = self._frame(kept, joined) if kept else None
                if batch and stop is None and frame is not None:
                    taken = self._vector(frame, number)
                    if taken is not None:
                        block, open_at = taken
                        yield block
                        carry = chunk[open_at:]
                        number += open_at
                        vector = True
                        continue
            rows = self._rows_of(frame, kept, joined, number) if frame is not None else []
            label_at = next((i for i, r in enumerate(rows) if r.label), None)
            if label_at is not None or stop is not None:
                cut = len(rows) if label_at is None else label_at
                groups, open_group = self._group(rows[:cut])
                yield from self._emit(groups)
                rest = (open_group or []) + rows[cut:]
                start = rest[0].number if rest else number + (stop or 0)
                after = chunk[stop:] if stop is not None else []
                yield from self._tail([r.line for r in rest] + after, start, source)
                return
            groups, open_group = self._group(rows)
            if not batch:
                if open_group:
                    groups.append(self._close(open_group))
                yield from self._emit(groups)
                return
            yield from self._emit(groups)
            carry = [r.line for r in open_group] if open_group else []
            number = open_group[0].number if open_group else number + len(chunk)

    def _vector_bytes(
        self, data: bytes, first: int
    ) -> tuple[tuple[FrameBlock, int, int] | None, pl.DataFrame]:
        """The vector lane on a block of whole lines in UTF-8, the first numbered ``first``:
        the block of its closed proposals, the index of the first line of the proposal still
        open and where that line starts in ``data``; else ``None``, with the batch's
        columns."""
        # The lines as columns, without their line ends (``_frame`` strips a CR).
        column = pl.Series("_t", [data], dtype=pl.Binary).cast(pl.String).str.split("\n").explode()
        if not column[-1]:
            column = column.head(-1)
        frame = self._frame(column)
        made = self._vector(frame, first)
        if made is None:
            return None, frame
        block, open_at = made
        offset = int(column.head(open_at).str.len_bytes().sum()) + open_at
        return (block, open_at, offset), frame.clear()

    # -- grouping: the row path's rule (pipeline._groups), on _Row ------------------------------

    def _group(
        self, rows: list[_Row]
    ) -> tuple[list[tuple[list[_Row], int | None]], list[_Row] | None]:
        """Closed groups (each with the row number its code first appeared at, for a code
        that comes back) and the group still open at the end."""
        groups: list[tuple[list[_Row], int | None]] = []
        current: list[_Row] = []
        current_code: str | None = None
        for row in rows:
            parsed = row.parsed
            if parsed is not None and parsed.damaged:
                if current:
                    current.append(row)
                else:
                    groups.append(([row], None))
                continue
            if parsed is not None and (parsed.blank or parsed.model is not None):
                if current:
                    groups.append(self._close(current))
                    current, current_code = [], None
                groups.append(([row], None))
                continue
            code = row.code
            if code is None or code == current_code:
                current.append(row)
                continue
            if current:
                groups.append(self._close(current))
            current, current_code = [row], code
        return groups, (current or None)

    def _close(self, group: list[_Row]) -> tuple[list[_Row], int | None]:
        code = group[0].code
        if code is None:
            return group, None
        first = self.seen.get(code)
        if first is None:
            self.seen[code] = group[0].number
        return group, first

    # -- results --------------------------------------------------------------------------------

    def _emit(self, groups: list[tuple[list[_Row], int | None]]) -> Iterator[RowResult | RowBlock]:
        plans: list[tuple[list[_Row], _Template | None, int | None, list[dict[str, Any]]]] = []
        pending: dict[tuple[str, ...], tuple[_Template, list[list[dict[str, Any]]]] | None] = {}
        waiting: list[tuple[int, tuple[str, ...]]] = []
        for group, again in groups:
            template = None
            values: list[dict[str, Any]] = []
            if again is None and all(r.fast for r in group):
                values = self._values(group)
                key = self._key(group, values)
                if key is not None:
                    if key in self.profiles:
                        template = self.profiles[key]
                    elif key in pending or self._again(key):
                        if key not in pending:
                            pending[key] = self._profile(group, values)
                        waiting.append((len(plans), key))
            plans.append((group, template, again, values))
        if pending:
            self._verify(pending)
            for index, key in waiting:
                group, _, again, values = plans[index]
                plans[index] = (group, self.profiles.get(key), again, values)
        allowed = self._allowed(plans)
        block: RowBlock | None = None
        for (group, template, again, values), amounts in zip(plans, allowed, strict=True):
            if template is None or amounts is None:
                if block is not None:
                    yield block
                    block = None
                yield from self._by_rows(group, again)
            else:
                if block is None:
                    block = RowBlock()
                self._from_template(block, group, template, amounts, values)
        if block is not None:
            yield block

    def _values(self, group: list[_Row]) -> list[dict[str, Any]]:
        """The values of :attr:`slim` on each line of ``group`` (fast lines): a slice of the
        batch's dicts when the group's lines are one run of a batch."""
        first, last = group[0], group[-1]
        batch = first.batch
        if batch is not None and last.batch is batch and last.i - first.i == len(group) - 1:
            return batch.dicts(self.slim)[first.i : last.i + 1]
        return [r.some_values(self.slim) for r in group]

    def _again(self, key: tuple[str, ...]) -> bool:
        """Whether a profile came before (a profile is built on its second proposal, so that a
        file of proposals all unlike each other costs no more than the row path)."""
        mark = hash(key)
        if mark in self.once:
            return True
        if len(self.once) >= _ONCE_MAX:
            self.once.clear()
        self.once.add(mark)
        return False

    def _verify(
        self, pending: dict[tuple[str, ...], tuple[_Template, list[list[dict[str, Any]]]] | None]
    ) -> None:
        """Keep the profiles whose amounts the columnar step gives as the scalar engine did, on
        both runs (one call of the columnar step for the batch)."""
        if len(self.profiles) + len(pending) > _PROFILES_MAX:
            self.profiles.clear()
        work: list[tuple[_Template, list[dict[str, Any]]]] = []
        for candidate in pending.values():
            if candidate is not None:
                template, runs = candidate
                work.extend((template, run) for run in runs)
        check = iter(self._cofund(work) if work else [])
        for key, candidate in pending.items():
            if candidate is None:
                self.profiles[key] = None
                continue
            template, runs = candidate
            ok = True
            for results in (template.results, template.second):
                amounts = next(check)
                if amounts is None or [None if a is None else Decimal(a) for a in amounts] != [
                    r.allowed for r in results
                ]:
                    ok = False
            self.profiles[key] = template if ok else None

    def _by_rows(self, group: list[_Row], again: int | None) -> Iterator[RowResult]:
        parsed_rows: list[_Parsed] = []
        for row in group:
            parsed, cells = (
                (row.parsed, row.cells)
                if row.parsed is not None
                else self._read_line(row.number, row.text)
            )
            if not parsed.blank:
                self.structure.apply(cells, parsed)
            parsed_rows.append(parsed)
        if again is not None:
            from .findings import finding

            head = parsed_rows[0]
            head.findings.append(finding("code_not_consecutive", head.number, detail=str(again)))
        for piece in _groups(iter(parsed_rows), "consecutive"):
            yield from self.builder.results(piece)

    def _tail(self, lines: list[str], start: int, source: Iterable[str]) -> Iterator[RowResult]:
        """From a section, subtotal or total row, or a quote not closed on its line, to the end
        of the file: the row path (its reader, told the widest record read before)."""
        plan = self.plan
        structure = self.structure

        def parsed() -> Iterator[_Parsed]:
            for number, cells, problems, damaged in csv_rows(
                chain(lines, source),
                self.delimiter,
                replaced=False,
                encoding="UTF-8",
                start=start - 1,
                widest=self.widest,
            ):
                row = _parse(RawRow(number, cells, problems, text=True, damaged=damaged), plan)
                if not row.blank:
                    structure.apply(cells, row)
                yield row

        yield from self._grouped(parsed())

    def _grouped(self, parsed: Iterator[_Parsed]) -> Iterator[RowResult]:
        for piece in _groups(parsed, "consecutive", self.seen):
            yield from self.builder.results(piece)

    # -- amounts ------------------------------------------------------------------------------

    def _allowed(
        self,
        plans: list[tuple[list[_Row], _Template | None, int | None, list[dict[str, Any]]]],
    ) -> list[list[int | None] | None]:
        """The allowed amounts of each group read from a template (``None`` for the others and
        for a proposal the columnar step does not decide, which then takes the row path)."""
        work = [(template, values) for _, template, _, values in plans if template is not None]
        amounts = iter(self._cofund(work) if work else [])
        return [None if template is None else next(amounts) for _, template, _, _ in plans]

    def _from_template(
        self,
        block: RowBlock,
        group: list[_Row],
        template: _Template,
        allowed: list[int | None] | None,
        values: list[dict[str, Any]],
    ) -> None:
        """Add the rows of a proposal read from ``template`` to ``block``."""
        real: dict[str, str] = {}
        for field in _FREE:
            for v in values:
                if v.get(field) is not None:
                    real[field] = v[field]
                    break
        sums: dict[str, int] = {}
        for field in self.amount_fields:
            total = [v[field] for v in values if v[field] is not None]
            if total:
                sums[field] = sum(total)
        _bulk_add(self.structure, group[0].number, group[-1].number, sums)
        line_of = template.line_of
        amounts = [
            _report_ints(values[k], result.funding, line_of[k] is not None)
            for k, result in enumerate(template.results)
        ]
        block.add(template.lines, [row.number for row in group], real, amounts, allowed)


# -- entry ------------------------------------------------------------------------------------


def columnar_results(
    table: Table,
    plan: _Plan,
    structure: Structure | None,
    builder: _Builder,
    rulebooks: Any,
) -> Iterator[RowResult | RowBlock | FrameBlock] | None:
    """The rows of ``table`` by this engine, or ``None`` when it does not read this file (the
    caller then takes the row path from the start)."""
    origin = table.origin
    if origin is None or structure is None or not table.headers or not plan.columns:
        return None
    source, encoding, errors, delimiter = origin
    if errors != "strict" or encoding not in ("utf-8", "utf-8-sig", "utf-16"):
        return None
    if len(delimiter) != 1:
        return None
    # An STT column is read (see _Engine._label), codes derived from it too; sections and
    # values set by the title rows or the layout are the row path's.
    if structure.defaults or structure.sections:
        return None
    if any(n < 1 for n in table.header_lines) or not table.header_lines:
        return None
    if not isinstance(source, str | Path | bytes | bytearray):
        return None
    # No NUL and no bare carriage return, as the pass that told the encoding found.
    if not table.plain:
        return None
    skip = max(table.header_lines)
    lines = _lines(source, encoding)
    head = lines.take(skip)
    widest = _head(head, delimiter) if len(head) == skip else None
    if widest is None:
        lines.close()
        return None
    engine = _Engine(table, plan, structure, builder, rulebooks, delimiter, widest)
    return _frozen(_ahead(engine.run(lines, skip + 1), RowResult))
