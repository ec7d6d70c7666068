"""Reading a tidy CSV plan as columns for the columnar engine of ``check``
(:mod:`.columnar_check`): one batch of lines (:mod:`.columnar_lines` reads them) as rows and as
polars columns (cells cleaned as columns, other fields converted once per distinct
text by the row path's converters)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final
from unicodedata import is_normalized

import polars as pl

from ..l10n import parse_amount
from .cells import EXCEL_ERRORS
from .columnar_batch import AMOUNT, CONVERTED, TEXT, _Batch, _Row
from .columnar_lines import _SEP, _cells, _Quoted
from .csvread import csv_rows
from .layout import AMOUNT_FIELDS
from .pipeline import _BLANK, _parse, _Plan, _Problem
from .readers import RawRow
from .rows import _Parsed
from .sections import _ARABIC, _STRUCT_FIRST, _label_kind
from .structure import Structure
from .values import commune_kind_from_name

__all__ = ["_Batch", "_Row"]

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


_SIGNED: Final = (
    r"(?:giám|chủ|người|thủ|kế|nơi|ủy)[^\p{L}\p{N}]+(?:đốc|tịch|lập|trưởng|toán|nhận|ban)|ubnd"
    r"|(?:ghi|lưu|chú)[^\p{L}\p{N}]+(?:chú|ý|thích)"
)
"""What every signature of a footer (:data:`.sections._FOOTER`) holds, lowercased: a line
without it is no footer row, whatever its cells.  (The row path reads a signature in NFC: a
line holding a combining mark is read as its cells, whatever it holds; other lines are the same
in NFC, but for singletons no signature holds other than the Kelvin sign, which lowercases to
``k`` either way.)"""


class _Reader:
    """The reading half of the engine (a mixin of :class:`.columnar_check._Engine`)."""

    plan: _Plan
    structure: Structure
    delimiter: str
    quoted: _Quoted
    widest: int
    text_fields: set[str]
    outcomes: dict[str, list[Any]]
    ids: dict[str, dict[tuple[str, str], int]]
    _outcomes: dict[str, list[Any]]

    # -- reading ---------------------------------------------------------------------------

    def _rows(self, lines: list[str], first: int) -> tuple[list[_Row], int | None]:
        """The rows of a batch of lines (with their line ends), and the index of the first line
        holding a quote that does not close on it (``None`` if none): the row path reads from
        there."""
        lines, joined, stop = self._split(lines)
        if not lines:
            return [], stop
        return self._rows_of(self._frame(lines, joined), lines, joined, first), stop

    def _split(self, lines: list[str]) -> tuple[list[str], list[str] | None, int | None]:
        """The lines of a batch up to the first holding a quote that does not close on it, the
        cells of each joined by :data:`_SEP` when one of them holds a quote (``None`` when
        none does: the lines are split on the delimiter), and the index of that first line
        (``None`` if none)."""
        stop: int | None = None
        joined: list[str] | None = None
        if any('"' in line for line in lines):
            joined = []
            cells_of = self.quoted.cells
            delimiter = self.delimiter
            for i, line in enumerate(lines):
                text = line.removesuffix("\n").removesuffix("\r")
                if '"' not in text:
                    joined.append(text.replace(delimiter, _SEP))
                    continue
                record = cells_of(text)
                if record is None:
                    stop = i
                    break
                joined.append(_SEP.join(record))
            if stop is not None:
                lines = lines[:stop]
        return lines, joined, stop

    def _rows_of(
        self, frame: pl.DataFrame, lines: list[str], joined: list[str] | None, first: int
    ) -> list[_Row]:
        """The rows of the lines of a batch (:meth:`_split`) from their columns (``frame``:
        :meth:`_frame`), numbered from ``first``."""
        ok = frame.get_column("_ok").to_list()
        keys = frame.get_column("_key").to_list()
        fresh = frame.get_column("_fresh").to_list()
        batch = self._batch(frame)
        codes = batch.column("code")
        titles = batch.column("title")
        numbers = batch.column("number") if self.structure.numbered else None
        derive = self.structure.derive_code
        if derive and numbers is not None:
            # No code column: a data row's code is its STT (Structure.data_values, no section).
            codes = batch.lists["code"] = [None if n is None else n.rstrip(".") for n in numbers]
        if codes is None:
            codes = [None] * len(lines)
        width = self.plan.width
        if all(ok) and numbers is None:
            # Every line read by columns, no STT: a line is a section, subtotal or total row
            # when its code (else its title) is such a label (what _parse reads).
            labels = [
                type(t) is str and t[:1] in _STRUCT_FIRST and _label_kind(t) is not None
                for t in (
                    codes
                    if titles is None
                    else [c if c is not None else t for c, t in zip(codes, titles, strict=True)]
                )
            ]
            if self.widest < width:
                self.widest = width
            return list(
                map(
                    _Row,
                    range(first, first + len(lines)),
                    lines,
                    [True] * len(lines),
                    codes,
                    [batch] * len(lines),
                    range(len(lines)),
                    keys,
                    labels,
                    fresh,
                )
            )
        signed = (
            frame.select(
                pl.col("_t").str.to_lowercase().str.contains(_SIGNED)
                | pl.col("_t").str.contains(r"\p{M}")
            )
            .to_series()
            .to_list()
            if numbers is not None
            else []
        )
        separator = self.delimiter if joined is None else _SEP
        rows = []
        widest = self.widest
        for i, line in enumerate(lines):
            n = first + i
            if ok[i]:
                code = codes[i]
                if numbers is not None:
                    number = numbers[i]
                    arabic = number is not None and _ARABIC.match(number) is not None
                    # With codes from STT, a line with another STT is left to the row path.
                    label = (derive and number is not None and not arabic) or (
                        (not arabic)
                        and self._label(
                            number,
                            code,
                            titles[i] if titles else None,
                            # Its cells are read only for a signature (the footer).
                            tuple(
                                (
                                    line.removesuffix("\n").removesuffix("\r")
                                    if joined is None
                                    else joined[i]
                                ).split(separator)
                            )
                            if signed[i]
                            else (),
                        )
                    )
                else:
                    label_text = code if code is not None else (titles[i] if titles else None)
                    label = (
                        type(label_text) is str
                        and label_text[:1] in _STRUCT_FIRST
                        and _label_kind(label_text) is not None
                    )
                if width > widest:
                    widest = width
                rows.append(_Row(n, line, True, code, batch, i, keys[i], label, fresh[i]))
            else:
                parsed, cells = self._read_line(n, line.removesuffix("\n").removesuffix("\r"))
                if not parsed.damaged and len(cells) > widest:
                    widest = len(cells)
                code = parsed.values.get("code")
                label = False
                if not parsed.blank and not parsed.damaged:
                    if numbers is not None:
                        number = parsed.values.get("number")
                        label = self._label(number, code, parsed.values.get("title"), cells)
                        if derive and number is not None:
                            stt = str(number).strip()
                            label = label or not _ARABIC.match(stt)
                            code = stt.rstrip(".")
                    else:
                        label_text = code if code is not None else parsed.values.get("title")
                        label = type(label_text) is str and _label_kind(label_text) is not None
                rows.append(_Row(n, line, False, code, label=label, parsed=parsed, cells=cells))
        self.widest = widest
        return rows

    def _label(self, number: Any, code: Any, title: Any, cells: tuple[str, ...]) -> bool:
        """Whether the row path takes a row of a table with an STT column for a section,
        subtotal, total or footer row (its classification, before any such row: it then
        depends on nothing the rows before it set)."""
        return self.structure.classify(number, code, title, cells) is not None

    def _frame(self, lines: list[str] | pl.Series, joined: list[str] | None = None) -> pl.DataFrame:
        """The columns of a batch: per line ``_fast``, a profile key part per row, the values
        of the fields; and the outcomes of the converted fields by id.  ``joined`` (a batch
        holding quoted lines) is each line's cells joined by :data:`_SEP`."""
        plan = self.plan
        width = plan.width
        delimiter = self.delimiter if joined is None else _SEP
        columns = {"_t": lines} if joined is None else {"_t": lines, "_j": joined}
        frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
        # A line comes with its line end (LF or CRLF: the file has no bare CR), or its CR
        # alone (the vector lane splits a block of text on LF).
        frame = frame.with_columns(pl.col("_t").str.strip_chars_end("\r\n"))
        split = _cells(frame, width, delimiter, "_t" if joined is None else "_j")
        frame = pl.concat([frame, split], how="horizontal")
        # Each mapped cell stripped once: a text field's value (null when blank), another
        # field's stripped text beside its raw one (what its converter reads).
        stripped_of: dict[str, pl.Expr] = {}
        firsts: list[pl.Expr] = []
        for column in plan.columns:
            raw = pl.col(f"_c{column.position}")
            field = column.field
            if field in self.text_fields:
                stripped = raw.str.strip_chars()
                firsts.append(pl.when(stripped != "").then(stripped).alias(field))
            else:
                firsts.append(raw.alias(f"_r_{field}"))
                if field in AMOUNT_FIELDS:
                    firsts.append(raw.str.strip_chars().alias(f"_s_{field}"))
                    stripped_of[field] = pl.col(f"_s_{field}")
        frame = frame.with_columns(firsts)
        text_columns = [c.field for c in plan.columns if c.field in self.text_fields]
        distinct_texts = (
            frame.select([pl.col(f).drop_nulls().unique().implode() for f in text_columns]).row(0)
            if text_columns
            else ()
        )
        ok = pl.col("_fast")
        for position in plan.unnamed:
            ok = ok & (pl.col(f"_c{position}").str.strip_chars() == "")
        exprs: list[pl.Expr] = []
        keys: list[pl.Expr] = []
        converted: list[dict[str, Any]] = []
        outcomes_by_field: dict[str, list[Any]] = {}
        texts_of = dict(zip(text_columns, distinct_texts, strict=True))
        for column in plan.columns:
            field = column.field
            if field in self.text_fields:
                value = pl.col(field)
                # Taken as it is when the row path would read it so: in NFC (the row path
                # normalises), no Excel error, no stand-in character.
                odd = [
                    t
                    for t in texts_of[field]
                    if not is_normalized("NFC", t) or t in EXCEL_ERRORS or _STAND_IN in t
                ]
                if odd:
                    ok = ok & ~value.is_in(odd).fill_null(False)
                if field == "commune":
                    # The commune's kind is read from the prefix of its name (when no column
                    # gives it): the profile holds the kind, the name is a stand-in.
                    kinds = {n: commune_kind_from_name(n) or "-" for n in texts_of[field]}
                    keys.append(
                        value.replace_strict(kinds, default="", return_dtype=pl.String).fill_null(
                            ""
                        )
                    )
                elif field in _FREE or field == "number":
                    # STT: whether given (the profile adds which lines repeat which number).
                    keys.append(
                        pl.when(value.is_not_null()).then(pl.lit("P")).otherwise(pl.lit(""))
                    )
                else:
                    keys.append(value.fill_null("\x02"))
                continue
            if field in AMOUNT_FIELDS:
                stripped = stripped_of[field]
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
        # Whether a line gives a free text other than the last one given above it (in the
        # batch): a proposal none of whose lines after its first does so gives each free text
        # at most one value (see _Profiles._key).  A free field not read as text: always.
        fresh: list[pl.Expr] = []
        for column in plan.columns:
            if column.field in _FREE:
                if column.field in self.text_fields:
                    value = pl.col(column.field)
                    above = value.forward_fill().shift(1)
                    fresh.append(value.is_not_null() & (above.is_null() | (value != above)))
                else:
                    fresh.append(pl.lit(True))
        frame = frame.with_columns(
            *exprs, _ok=ok, _fresh=pl.any_horizontal(fresh) if fresh else pl.lit(False)
        )
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
                moneys.append(money.alias(f"_v_{field}"))
                # The key is made once the amounts are columns: it reads them.
                money = amounts[field] = pl.col(f"_v_{field}")
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
        # What the batch is read from (the cells' own columns are dropped: less to hold).
        kept = [c for c in frame.columns if c in self.text_fields or c[:3] in ("_v_", "_i_")]
        return frame.select("_t", "_ok", "_fresh", *kept, _key=key)

    def _batch(self, frame: pl.DataFrame) -> _Batch:
        """The values of the fields of a batch's lines, as columns."""
        kinds = {
            c.field: TEXT
            if c.field in self.text_fields
            else AMOUNT
            if c.field in AMOUNT_FIELDS
            else CONVERTED
            for c in self.plan.columns
        }
        # Only the values are kept (the batch lives as long as a row of it is grouped).
        names = [
            field if kind == TEXT else f"_v_{field}" if kind == AMOUNT else f"_i_{field}"
            for field, kind in kinds.items()
        ]
        return _Batch(frame.select(names), kinds, self._outcomes)

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
