"""Reading a tidy CSV plan as columns for the columnar engine of ``check``
(:mod:`.columnar_check`): the checks that a file qualifies, its body lines, and one batch of
lines as polars columns (cells cleaned as columns, other fields converted once per distinct
text by the row path's converters)."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Generator
from decimal import Decimal
from typing import Any, Final

import attrs
import polars as pl

from ..l10n import parse_amount
from .cells import EXCEL_ERRORS
from .csvread import MAX_FIELD, csv_rows
from .layout import AMOUNT_FIELDS
from .pipeline import _BLANK, _parse, _Plan, _Problem
from .readers import RawRow
from .rows import _Parsed
from .values import commune_kind_from_name

__all__: list[str] = []

_CHUNK: Final = 1 << 20

_FREE: Final = frozenset({"code", "title", "beneficiary", "commune", "implementing_unit"})
"""Fields whose text the rules carry into messages but never decide on: a proposal's profile
holds only whether they are given."""

_LIMIT: Final = 10**15

_STAND_IN: Final = "\ue000"
"""The private-use character the profiles' stand-ins are made of: a text holding it takes the
row path (its stand-in could not be told from it)."""

_PLAIN: Final = -2
"""The id of an amount read as columns (plain whole đồng)."""

_DISTINCT_MAX: Final = 50_000
"""Distinct values of a field (other than text and amounts) the engine keeps ids for; lines
with further values take the row path."""


# -- is the file one this engine reads? ---------------------------------------------------------


def _file_ok(source: Any) -> bool:
    """No NUL byte or bare carriage return anywhere in the file (quotes are read: see
    :func:`_quoted`)."""
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        return b"\x00" not in data and data.count(b"\r") == data.count(b"\r\n")
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below
    except OSError:
        return False
    with handle:
        tail = b""
        while chunk := handle.read(_CHUNK):
            block = tail + chunk
            if b"\x00" in chunk:
                return False
            # A chunk may end between \r and \n: keep its last byte for the next round.
            tail = b"\r" if block.endswith(b"\r") else b""
            body = block[:-1] if tail else block
            if body.count(b"\r") != body.count(b"\r\n"):
                return False
        return tail != b"\r"


def _lines(source: Any, encoding: str) -> Generator[str]:
    """The physical lines of the file, with their line ends (``\n`` or ``\r\n``: the file has
    no bare carriage return), as a text stream opened with ``newline=""`` gives them."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    handle: Any
    if isinstance(source, bytes | bytearray):
        import io

        handle = io.BytesIO(bytes(source))
    else:
        handle = open(source, "rb")  # noqa: SIM115 - closed below
    with handle:
        pending = ""
        while True:
            chunk = handle.read(_CHUNK)
            text = pending + decoder.decode(chunk, final=not chunk)
            lines = text.split("\n")
            pending = lines.pop()
            for line in lines:
                yield line + "\n"
            if not chunk:
                if pending:
                    yield pending
                return


def _head(lines: list[str], delimiter: str) -> int | None:
    """The widest record of the lines above the body (as :func:`.csvread.csv_rows` counts
    it), or ``None`` when one of them is not a record of its own (a quoted cell running over
    several lines, a damaged line): the engine then leaves the file to the row path."""
    widest = 0
    count = 0
    for _, cells, problems, damaged in csv_rows(
        iter(lines), delimiter, replaced=False, encoding="UTF-8"
    ):
        count += 1
        if damaged or problems:
            return None
        widest = max(widest, len(cells))
    return widest if count == len(lines) else None


class _OneLine:
    """Feeds one line at a time to a persistent :func:`csv.reader` (building a reader per
    line costs more than the line)."""

    __slots__ = ("line",)

    def __init__(self) -> None:
        self.line: str | None = None

    def __iter__(self) -> _OneLine:
        return self

    def __next__(self) -> str:
        line = self.line
        if line is None:
            raise StopIteration
        self.line = None
        return line


class _Quoted:
    """The cells of a physical line holding a quote, read as the row path's reader reads a
    record (RFC 4180, strict): ``None`` when the record is not closed on the line or the
    quoting is damaged — what the row path then reads (a cell over several lines, a damaged
    line and the lines after it read again) is left to it."""

    __slots__ = ("feed", "reader")

    def __init__(self, delimiter: str) -> None:
        self.feed = _OneLine()
        self.reader = csv.reader(self.feed, delimiter=delimiter, strict=True)

    def cells(self, line: str) -> list[str] | None:
        self.feed.line = line
        try:
            return next(self.reader)
        except (csv.Error, StopIteration):
            return None


_SEP: Final = "\x1f"
"""Joins the cells of a batch holding quoted lines (a line holding it is not read by columns:
it is a control character)."""


# -- one batch --------------------------------------------------------------------------------


@attrs.define(slots=True)
class _Row:
    """What the grouping needs of a line: its number, code, and whether it is read by columns
    (``fast``); the row path's parse of a line that is not."""

    number: int
    text: str
    """The line without its line end."""
    line: str
    """The line as read, with its line end."""
    fast: bool
    code: str | None
    parsed: _Parsed | None = None
    label: bool = False
    values: dict[str, list[Any]] | None = None
    """The values of the fields of the batch the line is in (its own at ``i``)."""
    i: int = 0
    key: str = ""
    cells: tuple[str, ...] = ()
    """The cells of a line read by the row path (``parsed``)."""

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


class _Reader:
    """The reading half of the engine (a mixin of :class:`.columnar_check._Engine`)."""

    plan: _Plan
    delimiter: str
    text_fields: set[str]
    outcomes: dict[str, list[Any]]
    ids: dict[str, dict[tuple[str, str], int]]
    _outcomes: dict[str, list[Any]]

    # -- reading ---------------------------------------------------------------------------

    def _frame(self, lines: list[str], joined: list[str] | None = None) -> pl.DataFrame:
        """The columns of a batch: per line ``_fast``, a profile key part per row, the values
        of the fields; and the outcomes of the converted fields by id.  ``joined`` (a batch
        holding quoted lines) is each line's cells joined by :data:`_SEP`."""
        plan = self.plan
        width = plan.width
        delimiter = self.delimiter if joined is None else _SEP
        columns = {"_t": lines} if joined is None else {"_t": lines, "_j": joined}
        frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
        text = pl.col("_t")
        cells = text if joined is None else pl.col("_j")
        fast = (
            ~text.str.contains(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
            & (cells.str.count_matches(delimiter, literal=True) == width - 1)
            & (text.str.len_chars() <= MAX_FIELD)
            & (cells.str.replace_all(delimiter, "", literal=True).str.strip_chars() != "")
        )
        frame = frame.with_columns(_fast=fast)
        if width > 1:
            split = frame.select(
                cells.str.split_exact(delimiter, width - 1)
                .struct.rename_fields([f"_c{i}" for i in range(width)])
                .alias("_s")
            ).unnest("_s")
        else:
            split = frame.select(cells.alias("_c0"))
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
                    & ~stripped.str.contains(_STAND_IN, literal=True)
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
                elif field in _FREE or field == "number":
                    # STT: whether given (the profile adds which lines repeat which number).
                    keys.append(pl.when(stripped != "").then(pl.lit("P")).otherwise(pl.lit("")))
                else:
                    keys.append(value.fill_null("\x02"))
                continue
            exprs.append(raw.alias(f"_r_{field}"))
            if field in AMOUNT_FIELDS:
                # Plain whole đồng ("1500000", "1.500.000") read as columns; other forms
                # ("50 triệu", "1.500.000 đ") by the converter, once per distinct text.
                plain = (column.convert is parse_amount) & (
                    stripped.str.contains(r"^(?:0|[1-9][0-9]{0,14})$")
                    | stripped.str.contains(r"^[1-9][0-9]{0,2}(?:\.[0-9]{3}){1,4}$")
                )
                exprs.append(plain.alias(f"_p_{field}"))
                exprs.append(
                    pl.when(plain)
                    .then(
                        stripped.str.replace_all(".", "", literal=True).cast(pl.Int64, strict=False)
                    )
                    .alias(f"_n_{field}")
                )
        frame = frame.with_columns(*exprs, _ok=ok)
        # Fields read by their converter: once per distinct text of the batch.
        ids: list[pl.Expr] = []
        converters = [c for c in plan.columns if c.field not in self.text_fields]
        uniques = (
            frame.select(
                [
                    pl.col(f"_r_{c.field}")
                    .filter(
                        pl.col("_ok") & ~pl.col(f"_p_{c.field}")
                        if c.field in AMOUNT_FIELDS
                        else pl.col("_ok")
                    )
                    .unique()
                    .implode()
                    for c in converters
                ]
            ).row(0)
            if converters
            else ()
        )
        for column, distinct in zip(converters, uniques, strict=True):
            field = column.field
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
            read = pl.col(f"_r_{field}").replace_strict(index, default=-1, return_dtype=pl.Int32)
            if amount:
                read = pl.when(pl.col(f"_p_{field}")).then(pl.lit(_PLAIN)).otherwise(read)
            ids.append(read.alias(f"_i_{field}"))
        if ids:
            frame = frame.with_columns(ids)
        bad = pl.lit(False)
        amounts: dict[str, pl.Expr] = {}
        moneys: list[pl.Expr] = []
        for item in converted:
            field = item["field"]
            bad = bad | ((pl.col(f"_i_{field}") < 0) & (pl.col(f"_i_{field}") != _PLAIN))
            if field in AMOUNT_FIELDS:
                values = item["outcomes"]
                converted_money = (
                    pl.col(f"_i_{field}").replace_strict(
                        list(range(1, len(values))),
                        values[1:],
                        default=None,
                        return_dtype=pl.Int64,
                    )
                    if len(values) > 1
                    else pl.lit(None, dtype=pl.Int64)
                )
                money = (
                    pl.when(pl.col(f"_p_{field}"))
                    .then(pl.col(f"_n_{field}"))
                    .otherwise(converted_money)
                )
                amounts[field] = money
                moneys.append(money.alias(f"_v_{field}"))
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
        frame = frame.with_columns(*moneys, _ok=pl.col("_ok") & ~bad)
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
            elif field in AMOUNT_FIELDS:
                out[field] = frame.get_column(f"_v_{field}").to_list()
            else:
                outcomes = self._outcomes[field]
                out[field] = [
                    outcomes[i] if i is not None and i >= 0 else None
                    for i in frame.get_column(f"_i_{field}").to_list()
                ]
        return out

    def _parse_line(self, number: int, text: str) -> _Parsed:
        """The row path's parse of one physical line (a record of its own)."""
        return self._read_line(number, text)[0]

    def _read_line(self, number: int, text: str) -> tuple[_Parsed, tuple[str, ...]]:
        """The row path's parse of one physical line (a record of its own) and its cells."""
        for _, cells, problems, damaged in csv_rows(
            iter((text,)), self.delimiter, replaced=False, encoding="UTF-8", start=number - 1
        ):
            raw = RawRow(number, cells, problems, text=True, damaged=damaged)
            return _parse(raw, self.plan), cells
        raise AssertionError("csv_rows gives one record for one line")
