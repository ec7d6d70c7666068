"""The vector lane of the columnar engine of ``check`` (:mod:`.columnar_check`): a batch whose
proposals are all read from profiles already built is grouped, keyed, co-funded and laid out
as columns, with no Python object per line or per proposal (:class:`.columnar_frame.FrameBlock`).

It gives what :meth:`.columnar_check._Engine._emit` gives proposal by proposal, and takes a
batch only when that is so by construction: every line read by columns, no STT column, no
section, subtotal or total row, every proposal with a code of its own (none coming back),
its free texts each with one value, its profile built and kept, and every computed line
decided by the columnar co-funding step.  Any other batch takes the engine's way, unchanged.
"""

from __future__ import annotations

from typing import Any, Final

import polars as pl

from .columnar_blocks import _Line
from .columnar_frame import FrameBlock
from .columnar_profiles import COFUND_INPUT, _bulk_add, _Template
from .columnar_read import _FREE
from .pipeline import _Plan
from .sections import _STRUCT_FIRST, _label_kind
from .structure import Structure

__all__: list[str] = []

_KEYS: Final = "\x1e"
"""Joins the key parts of a proposal's lines (a line holding it is not read by columns)."""


class _Vector:
    """The vector lane (a mixin of :class:`.columnar_check._Engine`)."""

    plan: _Plan
    structure: Structure
    columns: dict[str, Any]
    text_fields: set[str]
    seen: dict[str, int]
    profiles: dict[tuple[str, ...], _Template | None]
    outcomes: dict[str, list[Any]]
    amount_fields: tuple[str, ...]
    rulebooks: Any

    def _vector_reads(self) -> bool:
        """Whether the plan's columns allow the vector lane at all: codes from a code column,
        no STT, every free text read as text."""
        return (
            "code" in self.columns
            and "number" not in self.columns
            and not self.structure.numbered
            and not self.structure.derive_code
            and all(f in self.text_fields for f in _FREE if f in self.columns)
            and "units" not in self.text_fields
        )

    def _vector(self, frame: pl.DataFrame, first: int) -> tuple[FrameBlock, int] | None:
        """The closed proposals of a batch (``frame``: :meth:`._Reader._frame`, its first line
        numbered ``first``) as a :class:`FrameBlock`, and the index of the first line of the
        proposal still open; ``None`` when the batch is not one the lane takes.

        Only the lines above the first one the engine does not read by columns (a blank line,
        a cell a converter refuses…) or that is a section, subtotal or total row are the
        lane's: that line's proposal and the lines after it are left open, for the engine's
        way."""
        if not self._vector_reads():
            return None
        ok = frame.get_column("_ok")
        end = frame.height if ok.all() else int(ok.arg_min() or 0)
        code = pl.col("code")
        label = pl.coalesce(code, pl.col("title")) if "title" in self.columns else code
        labels = [
            text
            for text in frame.select(
                label.filter(label.str.slice(0, 1).is_in(list(_STRUCT_FIRST))).unique()
            )
            .to_series()
            .to_list()
            if _label_kind(text) is not None
        ]
        if labels:  # a section, subtotal or total row: from there on, the engine's way
            end = min(end, int(frame.select(label.is_in(labels).arg_true().first()).item()))
        if end < frame.height:
            frame = frame.head(end)
        if not end or frame.get_column("code")[0] is None:
            return None
        above = code.forward_fill().shift(1)
        frame = frame.with_row_index("_idx").with_columns(
            _g=((code.is_not_null() & (above.is_null() | (code != above))).cum_sum() - 1).cast(
                pl.Int64
            )
        )
        free = tuple(f for f in sorted(_FREE) if f in self.columns)
        groups = frame.group_by("_g", maintain_order=True).agg(
            code=code.first(),
            start=pl.col("_idx").first(),
            size=pl.len(),
            key=pl.col("_key").str.join(_KEYS),
            fresh=pl.col("_fresh").slice(1).any(),
            **{f"_r_{f}": pl.col(f).drop_nulls().first() for f in free},
        )
        closed = groups.height - 1
        if closed < 1:
            return None
        open_at = int(groups.get_column("start")[closed])
        groups = groups.head(closed)
        if groups.get_column("fresh").any():
            return None  # a free text with two values in a proposal: no profile
        codes = groups.get_column("code").to_list()
        if len(set(codes)) != len(codes) or not self.seen.keys().isdisjoint(codes):
            return None  # a code that comes back: the row path's finding
        keys = groups.get_column("key")
        distinct = keys.unique(maintain_order=True).to_list()
        templates: list[_Template] = []
        for key in distinct:
            template = self.profiles.get(tuple(key.split(_KEYS)))
            if template is None:
                return None  # a profile not built yet, or not kept: proposal by proposal
            templates.append(template)
        groups = groups.with_columns(
            t=keys.replace_strict(distinct, list(range(len(distinct))), return_dtype=pl.Int64)
        )
        needed = [c for c in frame.columns if c[:3] in ("_v_", "_i_")]
        made = self._vector_rows(
            frame.select("_idx", "_g", *needed).filter(pl.col("_idx") < open_at),
            groups,
            templates,
        )
        if made is None:
            return None
        rows, lines = made
        starts = groups.get_column("start")
        numbers = starts + first
        self.seen.update(zip(codes, numbers.to_list(), strict=True))
        sums = rows.select(
            *(pl.col(f"_v_{f}").cast(pl.Int128).sum().alias(f) for f in self.amount_fields),
            *(pl.col(f"_v_{f}").count().alias(f"{f}_n") for f in self.amount_fields),
        ).row(0, named=True)
        _bulk_add(
            self.structure,
            first,
            first + open_at - 1,
            {f: int(sums[f]) for f in self.amount_fields if sums[f"{f}_n"]},
        )
        block_groups = groups.select("t", first=numbers, size=pl.col("size").cast(pl.Int64))
        out = rows.select(
            row=pl.col("_idx").cast(pl.Int64) + first,
            li=pl.col("li"),
            g=pl.col("_g"),
            **{f: pl.col(f"_r_{f}") for f in free},
            cost=pl.col("cost"),
            requested=pl.col("requested"),
            counterpart=pl.col("counterpart"),
            allowed=pl.col("allowed"),
        )
        return FrameBlock(out, lines, templates, block_groups, free), open_at

    def _vector_rows(
        self, frame: pl.DataFrame, groups: pl.DataFrame, templates: list[_Template]
    ) -> tuple[pl.DataFrame, list[_Line]] | None:
        """The lines of the closed proposals with their template line (``li``), the amounts a
        row shows and the allowed amount of each; ``None`` when the co-funding step does not
        decide a computed line."""
        lines: list[_Line] = []
        table: dict[str, list[Any]] = {
            k: []
            for k in (
                "t",
                "k",
                "li",
                "is_line",
                "position",
                "computed",
                "ineligible",
                "funding",
                "as_of",
                "item",
                "factor_num",
                "factor_den",
            )
        }
        for t, template in enumerate(templates):
            ineligible = template.results[0].status == "ineligible"
            for k, result in enumerate(template.results):
                factor = template.factor.get(k, (1, 1))
                for name, value in (
                    ("t", t),
                    ("k", k),
                    ("li", len(lines)),
                    ("is_line", template.line_of[k] is not None),
                    ("position", template.line_of[k]),
                    ("computed", template.computed[k]),
                    ("ineligible", ineligible),
                    ("funding", result.funding),
                    ("as_of", result.as_of),
                    ("item", result.item),
                    ("factor_num", factor[0]),
                    ("factor_den", factor[1]),
                ):
                    table[name].append(value)
                lines.append(template.lines[k])
        schema = {
            "t": pl.Int64,
            "k": pl.Int64,
            "li": pl.Int64,
            "is_line": pl.Boolean,
            "position": pl.Int64,
            "computed": pl.Boolean,
            "ineligible": pl.Boolean,
            "funding": pl.String,
            "as_of": pl.Date,
            "item": pl.String,
            "factor_num": pl.Int64,
            "factor_den": pl.Int64,
        }
        by_line = pl.DataFrame(table, schema=schema)
        frame = (
            frame.join(
                groups.select("_g", "t", "start", *(c for c in groups.columns if c[:3] == "_r_")),
                on="_g",
                how="left",
                maintain_order="left",
            )
            .with_columns(k=(pl.col("_idx") - pl.col("start")).cast(pl.Int64))
            .join(by_line, on=["t", "k"], how="left", maintain_order="left")
        )

        def amount(field: str) -> pl.Expr:
            if field in self.amount_fields:
                return pl.col(f"_v_{field}")
            return pl.lit(None, dtype=pl.Int64)

        # What a row shows (columnar_profiles._report_ints), on the lines that are budget lines.
        funding = pl.col("funding")
        requested = (
            pl.when(amount("requested").is_null() & (funding == "national"))
            .then(amount("national_amount"))
            .when(amount("requested").is_null() & funding.is_not_null())
            .then(amount("local_amount"))
            .otherwise(amount("requested"))
        )
        frame = frame.with_columns(_req=requested)
        requested = pl.col("_req")
        cost = (
            pl.when(amount("cost").is_null() & requested.is_not_null())
            .then(
                requested
                + amount("counterpart").fill_null(0)
                + amount("other_sources").fill_null(0)
            )
            .otherwise(amount("cost"))
        )
        is_line = pl.col("is_line")
        units = self._units()
        frame = frame.with_columns(
            cost=pl.when(is_line).then(cost),
            requested=pl.when(is_line).then(requested),
            counterpart=pl.when(is_line).then(amount("counterpart")),
            units=units,
        )
        computed = pl.col("computed") & ~pl.col("ineligible")
        work = frame.filter(computed).select(
            proposal=pl.col("_g"),
            line=pl.col("position"),
            funding=funding,
            as_of=pl.col("as_of"),
            item=pl.col("item"),
            cost=pl.col("cost"),
            requested=pl.col("requested"),
            other_sources=amount("other_sources").fill_null(0),
            units=pl.col("units"),
            factor_num=pl.col("factor_num"),
            factor_den=pl.col("factor_den"),
        )
        allowed = pl.Series("allowed", [None] * frame.height, dtype=pl.Int64)
        if work.height:
            from .columnar import allowed_of

            done = allowed_of(work.cast(COFUND_INPUT), self.rulebooks)
            if not done.get_column("decided").all() or done.get_column("allowed").null_count():
                return None
            spots = frame.select(computed.arg_true()).to_series()
            allowed = allowed.scatter(spots, done.get_column("allowed").cast(pl.Int64))
        # An ineligible proposal's computed lines allow nothing.
        frame = frame.with_columns(
            allowed=pl.when(pl.col("computed") & pl.col("ineligible"))
            .then(pl.lit(0, dtype=pl.Int64))
            .otherwise(allowed)
        )
        return frame, lines

    def _units(self) -> pl.Expr:
        """Each line's units as the co-funding step reads them (1 when not given)."""
        if "units" not in self.columns:
            return pl.lit(1, dtype=pl.Int64)
        outcomes = self.outcomes.get("units", [None])
        values = [1 if not o else int(o) for o in outcomes]
        return pl.col("_i_units").replace_strict(
            list(range(len(values))), values, default=1, return_dtype=pl.Int64
        )
