"""The columnar engine of ``check`` / :func:`~khuyencong.datasets.validate` for tidy CSV plans.

The row path (:mod:`.pipeline`) reads, groups, validates and assesses every proposal in Python.
For a tidy CSV file — one header, no quoted cells, UTF-8 — this engine does the same work as
columns (polars) and gives the same rows:

* **reading**: the head of the file (encoding, delimiter, header, column mapping, layout) is the
  row path's sniffing, reused; the body is read in batches of physical lines, split on the
  delimiter and cleaned as columns.  A cell whose field is not plain text is converted once per
  distinct text of the batch by the row path's own converter (so ``1.500.000``, ``50 triệu``,
  ``1.500.000 đ``, dates and labels read exactly as they do row by row);
* **grouping** into proposals is the row path's (consecutive codes, a blank code continues the
  proposal above, a code that comes back is an error);
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
  proposal whose line amounts break a validator, a section, subtotal or total row (from it to
  the end of the file), a file with quotes, NUL bytes, bare carriage returns or another
  encoding — takes the row path for that proposal (or that rest of the file), never a guess.

Rows come out in file order as :class:`~.rows.RowResult` objects, the same as the row path's, so
the summary and every report format are unchanged.  polars is imported with this module, when
a plan is checked, never by ``import khuyencong``.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any, Final

import attrs
import polars as pl

from .build import _Builder
from .cells import EXCEL_ERRORS, _text
from .columnar import cofund
from .csvread import MAX_FIELD, csv_rows
from .findings import RowFinding
from .layout import AMOUNT_FIELDS
from .pipeline import _BLANK, _groups, _parse, _Plan, _Problem
from .readers import RawRow, Table
from .rows import LINE_FIELDS, RowResult, _Parsed
from .sections import _STRUCT_FIRST, _label_kind
from .structure import Structure
from .values import commune_kind_from_name

__all__ = ["BATCH_LINES", "columnar_results"]

BATCH_LINES: Final = 10_000
"""Physical lines read and evaluated as one batch (bounded memory)."""

_CHUNK: Final = 1 << 20

_FREE: Final = frozenset({"code", "title", "beneficiary", "commune", "implementing_unit"})
"""Fields whose text the rules carry into messages but never decide on: a proposal's profile
holds only whether they are given."""

_LIMIT: Final = 10**15

_MARK: Final = "\ue000"

_PROFILES_MAX: Final = 4096
"""Profiles kept (each with the rows of its first proposal); more, and the engine starts afresh."""

_ONCE_MAX: Final = 1 << 20
"""Profiles remembered as seen once (by hash) before starting afresh."""

_DISTINCT_MAX: Final = 50_000
"""Distinct values of a field (other than text and amounts) the engine keeps ids for; lines
with further values take the row path."""


def _sentinel(run: int, field: str) -> str:
    return f"{_MARK}{field}{run}{_MARK}"


# -- is the file one this engine reads? ---------------------------------------------------------


def _file_ok(source: Any) -> bool:
    """No quote, NUL byte or bare carriage return anywhere in the file."""
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        return b'"' not in data and b"\x00" not in data and data.count(b"\r") == data.count(b"\r\n")
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below
    except OSError:
        return False
    with handle:
        tail = b""
        while chunk := handle.read(_CHUNK):
            block = tail + chunk
            if b'"' in chunk or b"\x00" in chunk:
                return False
            # A chunk may end between \r and \n: keep its last byte for the next round.
            tail = b"\r" if block.endswith(b"\r") else b""
            body = block[:-1] if tail else block
            if body.count(b"\r") != body.count(b"\r\n"):
                return False
        return tail != b"\r"


def _body_lines(source: Any, encoding: str, skip: int) -> Iterator[str]:
    """The physical lines after the first ``skip`` (without their line ends)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    handle: Any
    if isinstance(source, bytes | bytearray):
        import io

        handle = io.BytesIO(bytes(source))
    else:
        handle = open(source, "rb")  # noqa: SIM115 - closed below
    with handle:
        pending = ""
        seen = 0
        while True:
            chunk = handle.read(_CHUNK)
            text = pending + decoder.decode(chunk, final=not chunk)
            if not chunk:
                if text:
                    lines = text.split("\n")
                    for line in lines:
                        seen += 1
                        if seen > skip:
                            yield line.removesuffix("\r")
                return
            lines = text.split("\n")
            pending = lines.pop()
            for line in lines:
                seen += 1
                if seen > skip:
                    yield line.removesuffix("\r")


# -- one batch --------------------------------------------------------------------------------


@attrs.define(slots=True)
class _Row:
    """What the grouping needs of a line: its number, code, and whether it is read by columns
    (``fast``); the row path's parse of a line that is not."""

    number: int
    text: str
    fast: bool
    code: str | None
    parsed: _Parsed | None = None
    label: bool = False
    values: dict[str, list[Any]] | None = None
    """The values of the fields of the batch the line is in (its own at ``i``)."""
    i: int = 0
    key: str = ""

    def value(self, field: str) -> Any:
        """The value of ``field`` in this (fast) line, ``None`` when blank."""
        assert self.values is not None
        column = self.values.get(field)
        return None if column is None else column[self.i]

    def some_values(self, fields: tuple[str, ...]) -> dict[str, Any]:
        """The values of ``fields`` (mapped ones) in this (fast) line."""
        assert self.values is not None
        i = self.i
        values = self.values
        return {f: values[f][i] for f in fields}

    def all_values(self) -> dict[str, Any]:
        """The values of every field of this (fast) line (``None`` when blank)."""
        assert self.values is not None
        i = self.i
        return {f: v[i] for f, v in self.values.items()}


@attrs.define(slots=True)
class _Template:
    """A profile's results: the first run's rows, the findings' parameters to re-text, the
    line index of each row, the factor of each computed line."""

    results: list[RowResult]
    swaps: list[list[tuple[RowFinding, tuple[str, ...]]]]
    line_of: list[int | None]
    factor: dict[int, tuple[int, int]]
    computed: list[bool]
    free: dict[str, str]
    second: list[RowResult]
    """The second run's rows (other stand-ins, amounts × 3), checked with the first."""


class _Engine:
    def __init__(
        self,
        table: Table,
        plan: _Plan,
        structure: Structure,
        builder: _Builder,
        rulebooks: Any,
        delimiter: str,
    ) -> None:
        self.plan = plan
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
        )
        """The fields a proposal read from a profile needs: free texts, amounts, units."""
        self.amount_fields = tuple(c.field for c in plan.columns if c.field in AMOUNT_FIELDS)
        self.captured: list[Any] = []
        self.outcomes: dict[str, list[Any]] = {}
        self.ids: dict[str, dict[tuple[str, str], int]] = {}

    # -- reading ---------------------------------------------------------------------------

    def _frame(self, lines: list[str]) -> pl.DataFrame:
        """The columns of a batch: per line ``_fast``, a profile key part per row, the values
        of the fields; and the outcomes of the converted fields by id."""
        plan = self.plan
        width = plan.width
        delimiter = self.delimiter
        frame = pl.DataFrame({"_t": lines}, schema={"_t": pl.String})
        text = pl.col("_t")
        fast = (
            ~text.str.contains(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
            & (text.str.count_matches(delimiter, literal=True) == width - 1)
            & (text.str.len_chars() <= MAX_FIELD)
            & (text.str.replace_all(delimiter, "", literal=True).str.strip_chars() != "")
        )
        frame = frame.with_columns(_fast=fast)
        if width > 1:
            split = frame.select(
                text.str.split_exact(delimiter, width - 1)
                .struct.rename_fields([f"_c{i}" for i in range(width)])
                .alias("_s")
            ).unnest("_s")
        else:
            split = frame.select(text.alias("_c0"))
        frame = pl.concat([frame, split], how="horizontal")
        ok = pl.col("_fast")
        for position in plan.unnamed:
            ok = ok & (pl.col(f"_c{position}").str.strip_chars() == "")
        exprs: list[pl.Expr] = []
        keys: list[pl.Expr] = []
        converted: list[dict[str, Any]] = []
        outcomes_by_field: dict[str, list[Any]] = {}
        for column in plan.columns:
            raw = pl.col(f"_c{column.position}")
            stripped = raw.str.strip_chars()
            field = column.field
            if field in self.text_fields:
                plain = (stripped == "") | (
                    (
                        ~stripped.str.contains(r"[^\x00-\x7f]")
                        | (stripped == stripped.str.normalize("NFC"))
                    )
                    & ~stripped.is_in(sorted(EXCEL_ERRORS))
                )
                ok = ok & plain
                value = pl.when(stripped != "").then(stripped)
                exprs.append(value.alias(field))
                if field == "commune":
                    # The commune's kind is read from the prefix of its name (when no column
                    # gives it): the profile holds the kind, the name is a stand-in.
                    names = frame.get_column(f"_c{column.position}").str.strip_chars().unique()
                    kinds = {n: commune_kind_from_name(n) or "-" for n in names.to_list() if n}
                    keys.append(stripped.replace_strict(kinds, default="", return_dtype=pl.String))
                elif field in _FREE:
                    keys.append(pl.when(stripped != "").then(pl.lit("P")).otherwise(pl.lit("")))
                else:
                    keys.append(value.fill_null("\x02"))
                continue
            exprs.append(raw.alias(f"_r_{field}"))
        frame = frame.with_columns(*exprs, _ok=ok)
        # Fields read by their converter: once per distinct text of the batch.
        ids: list[pl.Expr] = []
        for column in plan.columns:
            field = column.field
            if field in self.text_fields:
                continue
            distinct = frame.filter(pl.col("_ok")).get_column(f"_r_{field}").unique().to_list()
            amount = field in AMOUNT_FIELDS
            # Amounts are only flagged in a profile: their ids live for the batch.  Other
            # values keep one id for the whole file (a profile names them by id).
            outcomes: list[Any] = [None] if amount else self.outcomes.setdefault(field, [None])
            known: dict[tuple[str, str], int] = {} if amount else self.ids.setdefault(field, {})
            index: dict[str, int] = {}
            for raw_text in distinct:
                outcome = column.read_text(raw_text)
                if outcome is _BLANK:
                    index[raw_text] = 0
                    continue
                if type(outcome) is _Problem:
                    index[raw_text] = -1
                    continue
                if amount:
                    if not (
                        type(outcome) is Decimal
                        and outcome == outcome.to_integral_value()
                        and 0 <= outcome <= _LIMIT
                    ):
                        index[raw_text] = -1
                        continue
                    index[raw_text] = len(outcomes)
                    outcomes.append(int(outcome))
                    continue
                name = (type(outcome).__name__, repr(outcome))
                found = known.get(name)
                if found is None:
                    if len(outcomes) > _DISTINCT_MAX:
                        index[raw_text] = -1  # so many values: the row path reads the rest
                        continue
                    found = known[name] = len(outcomes)
                    outcomes.append(outcome)
                index[raw_text] = found
            outcomes_by_field[field] = outcomes
            converted.append({"field": field, "outcomes": outcomes})
            ids.append(
                pl.col(f"_r_{field}")
                .replace_strict(index, default=-1, return_dtype=pl.Int32)
                .alias(f"_i_{field}")
            )
        if ids:
            frame = frame.with_columns(ids)
        bad = pl.lit(False)
        amounts: dict[str, pl.Expr] = {}
        for item in converted:
            field = item["field"]
            bad = bad | (pl.col(f"_i_{field}") < 0)
            if field in AMOUNT_FIELDS:
                values = item["outcomes"]
                money = (
                    pl.col(f"_i_{field}").replace_strict(
                        list(range(1, len(values))),
                        values[1:],
                        default=None,
                        return_dtype=pl.Int64,
                    )
                    if len(values) > 1
                    else pl.lit(None, dtype=pl.Int64)
                )
                amounts[field] = money
                keys.append(
                    pl.when(money.is_null())
                    .then(pl.lit(""))
                    .when(money == 0)
                    .then(pl.lit("0"))
                    .otherwise(pl.lit("a"))
                )
            else:
                keys.append(pl.col(f"_i_{field}").cast(pl.String))
        # The validators of a budget line compare its amounts (requested within the cost, with
        # the other sources): a profile holds the outcome of each comparison.
        cost = amounts.get("cost")
        if cost is not None:
            other = amounts.get("other_sources", pl.lit(0, dtype=pl.Int64)).fill_null(0)
            for field in ("requested", "national_amount", "local_amount"):
                asked = amounts.get(field)
                if asked is None:
                    continue
                keys.append((asked > cost).fill_null(False).cast(pl.String))
                keys.append((asked + other > cost).fill_null(False).cast(pl.String))
        frame = frame.with_columns(_ok=pl.col("_ok") & ~bad)
        key = pl.concat_str(keys, separator="\x1f") if keys else pl.lit("")
        self._outcomes = outcomes_by_field
        return frame.with_columns(_key=key)

    def _value_lists(self, frame: pl.DataFrame) -> dict[str, list[Any]]:
        """Per field, the value of each row (``None`` when blank)."""
        out: dict[str, list[Any]] = {}
        for column in self.plan.columns:
            field = column.field
            if field in self.text_fields:
                out[field] = frame.get_column(field).to_list()
            else:
                outcomes = self._outcomes[field]
                out[field] = [
                    outcomes[i] if i is not None and i >= 0 else None
                    for i in frame.get_column(f"_i_{field}").to_list()
                ]
        return out

    def _parse_line(self, number: int, text: str) -> _Parsed:
        """The row path's parse of one physical line (a CSV line without quotes)."""
        for _, cells, problems, damaged in csv_rows(
            iter((text,)), self.delimiter, replaced=False, encoding="UTF-8", start=number - 1
        ):
            raw = RawRow(number, cells, problems, text=True, damaged=damaged)
            return _parse(raw, self.plan)
        raise AssertionError("csv_rows gives one record per line without quotes")

    # -- the rows of a file ------------------------------------------------------------------

    def run(self, lines: Iterator[str], first: int) -> Iterator[RowResult]:
        number = first
        carry: list[_Row] = []
        source = iter(lines)
        while True:
            batch = list(islice(source, BATCH_LINES))
            rows = carry + (self._rows(batch, number) if batch else [])
            number += len(batch)
            if not rows:
                return
            label_at = next((i for i, r in enumerate(rows) if r.label), None)
            groups, open_group = self._group(rows if label_at is None else rows[:label_at])
            if label_at is not None:
                yield from self._emit(groups)
                yield from self._tail((open_group or []) + rows[label_at:], source)
                return
            if not batch:
                if open_group:
                    groups.append(self._close(open_group))
                yield from self._emit(groups)
                return
            yield from self._emit(groups)
            carry = open_group or []

    def _rows(self, lines: list[str], first: int) -> list[_Row]:
        frame = self._frame(lines)
        ok = frame.get_column("_ok").to_list()
        keys = frame.get_column("_key").to_list()
        values = self._value_lists(frame)
        codes = values.get("code")
        titles = values.get("title")
        rows: list[_Row] = []
        for i, text in enumerate(lines):
            n = first + i
            if ok[i]:
                code = codes[i] if codes is not None else None
                label_text = code if code is not None else (titles[i] if titles else None)
                label = (
                    type(label_text) is str
                    and label_text[:1] in _STRUCT_FIRST
                    and _label_kind(label_text) is not None
                )
                rows.append(_Row(n, text, True, code, label=label, values=values, i=i, key=keys[i]))
            else:
                parsed = self._parse_line(n, text)
                code = parsed.values.get("code")
                label = False
                if not parsed.blank and not parsed.damaged:
                    label_text = code if code is not None else parsed.values.get("title")
                    label = type(label_text) is str and _label_kind(label_text) is not None
                rows.append(_Row(n, text, False, code, parsed, label=label))
        return rows

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

    def _emit(self, groups: list[tuple[list[_Row], int | None]]) -> Iterator[RowResult]:
        plans: list[tuple[list[_Row], _Template | None, int | None, list[dict[str, Any]]]] = []
        pending: dict[tuple[str, ...], tuple[_Template, list[list[dict[str, Any]]]] | None] = {}
        waiting: list[tuple[int, tuple[str, ...]]] = []
        for group, again in groups:
            template = None
            values: list[dict[str, Any]] = []
            if again is None and all(r.fast for r in group):
                values = [r.some_values(self.slim) for r in group]
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
        for (group, template, again, values), amounts in zip(plans, allowed, strict=True):
            if template is None or amounts is None:
                yield from self._by_rows(group, again)
            else:
                yield from self._from_template(group, template, amounts, values)

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
            parsed = (
                row.parsed if row.parsed is not None else self._parse_line(row.number, row.text)
            )
            if not parsed.blank and not parsed.damaged:
                self.structure.apply(tuple(row.text.split(self.delimiter)), parsed)
            parsed_rows.append(parsed)
        if again is not None:
            from .findings import finding

            head = parsed_rows[0]
            head.findings.append(finding("code_not_consecutive", head.number, detail=str(again)))
        for piece in _groups(iter(parsed_rows), "consecutive"):
            yield from self.builder.results(piece)

    def _tail(self, rows: list[_Row], source: Iterator[str]) -> Iterator[RowResult]:
        """From a section, subtotal or total row to the end: the row path."""
        start = rows[0].number if rows else None

        def raws() -> Iterator[_Parsed]:
            number = start
            texts = [r.text for r in rows]
            for text in texts:
                assert number is not None
                yield self._structured(number, text)
                number += 1
            for text in source:
                assert number is not None
                yield self._structured(number, text)
                number += 1

        yield from self._grouped(raws())

    def _structured(self, number: int, text: str) -> _Parsed:
        parsed = self._parse_line(number, text)
        if not parsed.blank and not parsed.damaged:
            self.structure.apply(tuple(text.split(self.delimiter)) if text else (), parsed)
        return parsed

    def _grouped(self, parsed: Iterator[_Parsed]) -> Iterator[RowResult]:
        for piece in _groups(parsed, "consecutive", self.seen):
            yield from self.builder.results(piece)

    # -- profiles ----------------------------------------------------------------------------

    def _key(self, group: list[_Row], values: list[dict[str, Any]]) -> tuple[str, ...] | None:
        """The profile of a proposal, or ``None`` when its free texts have two values."""
        for field in _FREE:
            given = {v[field] for v in values if v.get(field) is not None}
            if len(given) > 1:
                return None
        return tuple(r.key for r in group)

    def _run(
        self, group: list[_Row], run: int, scale: int
    ) -> tuple[list[RowResult], Any, dict[str, str]]:
        base = run * 1_000_000_000
        free: dict[str, str] = {}
        parsed_rows: list[_Parsed] = []
        for k, row in enumerate(group):
            real = self._parse_line(row.number, row.text)
            values = dict(real.values)
            for field in _FREE:
                if field in values:
                    if field == "commune" and "commune_kind" not in values:
                        kind = commune_kind_from_name(values[field])
                        if kind is not None:
                            values["commune_kind"] = kind
                    values[field] = free.setdefault(field, _sentinel(run, field))
            if scale != 1:
                for field in AMOUNT_FIELDS:
                    if values.get(field):
                        values[field] = values[field] * scale
            parsed_rows.append(_Parsed(base + k, values, dict(real.headers), [], set(real.bad)))
        self.captured = []
        builder = self.builder
        capture = _Builder(
            None if builder.assessor is None else self._capturing,
            builder.as_of,
            builder.has_item_column,
            builder.plan_layout,
        )
        results = list(capture.results(parsed_rows))
        assessment = self.captured[0] if self.captured else None
        return results, assessment, free

    def _capturing(self, proposal: Any, as_of: date) -> Any:
        assert self.builder.assessor is not None
        assessment = self.builder.assessor(proposal, as_of)
        self.captured.append(assessment)
        return assessment

    def _profile(
        self, group: list[_Row], group_values: list[dict[str, Any]]
    ) -> tuple[_Template, list[list[dict[str, Any]]]] | None:
        """A candidate template from two runs of the row path on the proposal, with the amounts
        of both runs (for :meth:`_verify`); ``None`` when the runs disagree."""
        one, assessed_one, free_one = self._run(group, 1, 1)
        two, _, free_two = self._run(group, 2, 3)
        if len(one) != len(group) or len(two) != len(group):
            return None
        swaps: list[list[tuple[RowFinding, tuple[str, ...]]]] = []
        for k, (a, b) in enumerate(zip(one, two, strict=True)):
            if a.row != 1_000_000_000 + k or b.row != 2_000_000_000 + k:
                return None
            for name in (
                "status",
                "funding",
                "province",
                "year",
                "content",
                "item",
                "as_of",
                "first_of_proposal",
                "unreadable",
            ):
                if getattr(a, name) != getattr(b, name):
                    return None
            for name, field in (("proposal_code", "code"), ("title", "title")):
                if getattr(a, name) != free_one.get(field) or getattr(b, name) != free_two.get(
                    field
                ):
                    return None
            if len(a.findings) != len(b.findings):
                return None
            row_swaps: list[tuple[RowFinding, tuple[str, ...]]] = []
            for fa, fb in zip(a.findings, b.findings, strict=True):
                if (
                    fa.code,
                    fa.severity,
                    fa.column,
                    fa.citation_vi,
                    fa.citation_en,
                    fa.citation_key,
                    fa.line,
                    fa.key,
                ) != (
                    fb.code,
                    fb.severity,
                    fb.column,
                    fb.citation_vi,
                    fb.citation_en,
                    fb.citation_key,
                    fb.line,
                    fb.key,
                ):
                    return None
                if fa.row != a.row or fb.row != b.row:
                    return None
                names = tuple(k for k, v in fa.params.items() if type(v) is str and _MARK in v)
                moved = _with(fa, fb.row, _swapped(fa.params, names, free_one, free_two))
                for lang in ("vi", "en"):
                    if moved.message(lang) != fb.message(lang):
                        return None
                row_swaps.append((fa, names))
            swaps.append(row_swaps)
        # Amounts: the report's cost / requested / counterpart, and allowed by the columnar step.
        line_of: list[int | None] = []
        index = 0
        for values in (r.all_values() for r in group):
            if any(values.get(f) is not None for f in LINE_FIELDS):
                line_of.append(index)
                index += 1
            else:
                line_of.append(None)
        status = one[0].status
        computed = [r.allowed is not None for r in one]
        if [r.allowed is not None for r in two] != computed:
            return None
        factor: dict[int, tuple[int, int]] = {}
        if status not in ("ineligible",) and any(computed):
            if assessed_one is None:
                return None
            lines = list(getattr(assessed_one, "lines", ()) or ())
            for k, position in enumerate(line_of):
                if computed[k]:
                    if position is None or position >= len(lines):
                        return None
                    ratio = Decimal(lines[position].factor).as_integer_ratio()
                    factor[k] = ratio
        template = _Template(one, swaps, line_of, factor, computed, free_one, two)
        runs: list[list[dict[str, Any]]] = []
        for results, scale in ((one, 1), (two, 3)):
            scaled = [
                {f: (v * scale if f in AMOUNT_FIELDS and v else v) for f, v in values.items()}
                for values in group_values
            ]
            for k, r in enumerate(results):
                if _report_amounts(scaled[k], r.funding, line_of[k] is not None) != (
                    r.cost,
                    r.requested,
                    r.counterpart,
                ):
                    return None
            runs.append(scaled)
        return template, runs

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

    def _cofund(
        self, work: list[tuple[_Template, list[dict[str, Any]]]]
    ) -> list[list[int | None] | None]:
        """The allowed amount of each row of each proposal (``None`` where not known); ``None``
        for a proposal with a line the columnar step does not decide."""
        cols: dict[str, list[Any]] = {
            k: []
            for k in (
                "proposal",
                "line",
                "funding",
                "as_of",
                "item",
                "cost",
                "requested",
                "other_sources",
                "units",
                "factor_num",
                "factor_den",
            )
        }
        out: list[list[int | None] | None] = []
        slots: list[tuple[int, int]] = []
        for p, (template, values) in enumerate(work):
            fresh: list[int | None] = [None] * len(values)
            out.append(fresh)
            status = template.results[0].status
            for k, result in enumerate(template.results):
                if not template.computed[k]:
                    continue
                if status == "ineligible":
                    fresh[k] = 0
                    continue
                cost, requested, _ = _report_amounts(
                    values[k], result.funding, template.line_of[k] is not None
                )
                num, den = template.factor[k]
                cols["proposal"].append(p)
                cols["line"].append(template.line_of[k])
                cols["funding"].append(result.funding)
                cols["as_of"].append(result.as_of)
                cols["item"].append(result.item)
                cols["cost"].append(None if cost is None else int(cost))
                cols["requested"].append(None if requested is None else int(requested))
                cols["other_sources"].append(int(values[k].get("other_sources") or 0))
                cols["units"].append(int(values[k].get("units") or 1))
                cols["factor_num"].append(num)
                cols["factor_den"].append(den)
                slots.append((p, k))
        if not slots:
            return out
        frame = pl.DataFrame(
            cols,
            schema={
                "proposal": pl.Int64,
                "line": pl.Int64,
                "funding": pl.String,
                "as_of": pl.Date,
                "item": pl.String,
                "cost": pl.Int64,
                "requested": pl.Int64,
                "other_sources": pl.Int64,
                "units": pl.Int64,
                "factor_num": pl.Int64,
                "factor_den": pl.Int64,
            },
        )
        computed = cofund(frame, rulebooks=self.rulebooks)
        decided = computed.get_column("decided").to_list()
        allowed = computed.get_column("allowed").to_list()
        for (p, k), ok, value in zip(slots, decided, allowed, strict=True):
            row_out = out[p]
            if row_out is None:
                continue
            if not ok or value is None:
                out[p] = None
                continue
            row_out[k] = int(value)
        return out

    def _from_template(
        self,
        group: list[_Row],
        template: _Template,
        allowed: list[int | None] | None,
        values: list[dict[str, Any]],
    ) -> Iterator[RowResult]:
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
        code = real.get("code")
        title = real.get("title")
        for k, (row, result) in enumerate(zip(group, template.results, strict=True)):
            line = template.line_of[k] is not None
            cost, requested, counterpart = _report_amounts(values[k], result.funding, line)
            findings = tuple(
                _with(
                    f,
                    row.number,
                    _swapped(f.params, names, template.free, real) if names else f.params,
                )
                for f, names in template.swaps[k]
            )
            value = None if allowed is None else allowed[k]
            yield RowResult(
                row=row.number,
                status=result.status,
                proposal_code=code if "code" in template.free else result.proposal_code,
                title=title if "title" in template.free else result.title,
                funding=result.funding,
                province=result.province,
                year=result.year,
                content=result.content,
                item=result.item,
                cost=cost,
                requested=requested,
                counterpart=counterpart,
                allowed=None if value is None else Decimal(value),
                as_of=result.as_of,
                first_of_proposal=result.first_of_proposal,
                findings=findings,
                unreadable=result.unreadable,
            )


def _swapped(
    params: Mapping[str, Any], names: tuple[str, ...], old: dict[str, str], new: dict[str, str]
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


_FIELD_NAMES: Final = tuple(a.name for a in attrs.fields(RowFinding))
_ROW: Final = _FIELD_NAMES.index("row")
_PARAMS: Final = _FIELD_NAMES.index("params")


def _with(f: RowFinding, row: int, params: Mapping[str, Any]) -> RowFinding:
    """``f`` on ``row`` with ``params``."""
    values = list(f.__reduce__()[1])
    values[_ROW] = row
    values[_PARAMS] = params
    return RowFinding(*values)


def _report_amounts(
    values: Mapping[str, Any], funding: str | None, line: bool
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """The cost, requested and counterpart a row shows (see ``_Builder._line``)."""
    if not line:
        return None, None, None

    def dec(v: Any) -> Decimal | None:
        return None if v is None else Decimal(v)

    requested = values.get("requested")
    if requested is None and funding is not None:
        own = "national_amount" if funding == "national" else "local_amount"
        requested = values.get(own)
    cost = values.get("cost")
    counterpart = values.get("counterpart")
    if cost is None and requested is not None:
        cost = requested + (counterpart or 0) + (values.get("other_sources") or 0)
    return dec(cost), dec(requested), dec(counterpart)


def _bulk_add(structure: Structure, first: int, last: int, sums: Mapping[str, int]) -> None:
    """``Structure.add`` of a run of data rows at once (their amounts summed)."""
    for scope in (structure.table, *structure.sections):
        if scope.first is None:
            scope.first = first
        scope.last = last
        totals = scope.sums
        for field, value in sums.items():
            totals[field] = totals.get(field, Decimal(0)) + value


# -- entry ------------------------------------------------------------------------------------


def columnar_results(
    table: Table,
    plan: _Plan,
    structure: Structure | None,
    builder: _Builder,
    rulebooks: Any,
) -> Iterator[RowResult] | None:
    """The rows of ``table`` by this engine, or ``None`` when it does not read this file (the
    caller then takes the row path from the start)."""
    origin = table.origin
    if origin is None or structure is None or not table.headers or not plan.columns:
        return None
    source, encoding, errors, delimiter = origin
    if errors != "strict" or encoding not in ("utf-8", "utf-8-sig"):
        return None
    if len(delimiter) != 1:
        return None
    if structure.numbered or structure.derive_code or structure.defaults or structure.sections:
        return None
    if structure.plan_layout or builder.plan_layout:
        return None
    if any(n < 1 for n in table.header_lines) or not table.header_lines:
        return None
    if not isinstance(source, str | Path | bytes | bytearray):
        return None
    if not _file_ok(source):
        return None
    skip = max(table.header_lines)
    engine = _Engine(table, plan, structure, builder, rulebooks, delimiter)
    return engine.run(_body_lines(source, encoding, skip), skip + 1)
