"""The columnar path: the co-funding of many budget lines at once, as columns (polars).

:func:`cofund` takes a table of budget lines — one row a line, with the proposal it belongs
to — and computes, for every line the compiled rulebook decides exactly
(:mod:`khuyencong.rules.compiled`), what the scalar :func:`khuyencong.assess` computes for it:
the allowed support, the bound that decided it, the rate, the cap for the line, the
counterpart and the citation.  Levels are joined by (funding, date, item); the management share
of the proposal's budget (point s khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT) is a group-by over
the proposal's other lines.  Arithmetic is on 128-bit integers in whole đồng with the rate as a
numerator/denominator, so amounts are exact and rounded down exactly as the scalar engine does.

What is vectorised, and what is not:

* vectorised — the line formula (requested, rate × basis × factor, cap × units × factor,
  cost − other sources, ties to the earlier bound), the proposal-budget share, an ineligible
  proposal's lines (nothing allowed);
* not vectorised — a proposal with any line whose level is a referral, not encoded, a share of
  the annual allocation, rests on a secondary or user-supplied source, or an amount beyond
  10¹⁵ đồng: every line of that proposal is returned with ``decided`` false, for the scalar
  engine, which stays the reference.  The proposal-level rules (beneficiaries, places,
  industries, activities, the priority factor, hence the status and its findings) are the
  scalar engine's: the priority factor applied and the proposal's status are inputs here.

polars is imported when this module is, never by ``import khuyencong``.
:func:`cofund_batch` is the same step on a ``pyarrow.RecordBatch`` or a pandas partition, for
Dask's ``map_partitions``, Spark's ``mapInArrow`` or Ray's ``map_batches``
(see docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Final

import polars as pl

from ..errors import DatasetError
from ..rulebooks.core import Rulebook
from ..rulebooks.loader import national as national_rulebook
from ..rules.compiled import compile_levels
from ..schemas.codes import SupportItem

__all__ = ["INPUT_COLUMNS", "OUTPUT_COLUMNS", "cofund", "cofund_batch"]

INPUT_COLUMNS: Final = {
    "proposal": "any key of the proposal (lines of one proposal share it)",
    "line": "the line's index in the proposal (0-based)",
    "funding": '"national", or "local" for a proposal the overlay applies to (else undecided)',
    "as_of": "the date the rules are read at (a date, a datetime, or ISO text)",
    "item": "the SupportItem value",
    "cost": "whole đồng",
    "requested": "whole đồng",
    "other_sources": "whole đồng (optional, 0)",
    "units": "units the cap is per (optional, 1)",
    "factor_num": "priority factor applied, numerator (optional, 1)",
    "factor_den": "priority factor applied, denominator (optional, 1)",
    "ineligible": "the proposal is ineligible (optional, false)",
}
"""The columns :func:`cofund` reads."""

_REQUIRED: Final = ("proposal", "line", "funding", "as_of", "item", "cost", "requested")

OUTPUT_COLUMNS: Final = (
    "decided",
    "line_status",
    "allowed",
    "limit",
    "rate",
    "cap",
    "counterpart",
    "citation",
)
"""The columns :func:`cofund` adds."""

_LIMIT: Final = 10**15
"""Amounts above this many đồng go to the scalar engine (keeps 128-bit products exact)."""

_I = pl.Int128


def _levels(
    keys: Iterable[tuple[str, date]], national: Rulebook, overlay: Rulebook | None
) -> pl.DataFrame:
    rows: list[dict[str, Any]] = []
    for funding, as_of in keys:
        book = national if funding == "national" else overlay if funding == "local" else None
        if book is None:
            continue  # e.g. local levels without a province's rulebook: the scalar engine says why
        compiled = compile_levels(book, as_of, national=national)
        for item in SupportItem:
            level = compiled[item.value]
            if level.kind == "scalar":
                continue
            rows.append(
                {
                    "funding": funding,
                    "as_of": as_of,
                    "item": item.value,
                    "_kind": level.kind,
                    "_rate_num": level.rate_num,
                    "_rate_den": level.rate_den,
                    "_cap": level.cap,
                    "rate": None if level.rate is None else str(level.rate),
                    "citation": None if level.citation is None else level.citation.key,
                }
            )
    schema = {
        "funding": pl.String,
        "as_of": pl.Date,
        "item": pl.String,
        "_kind": pl.String,
        "_rate_num": pl.Int64,
        "_rate_den": pl.Int64,
        "_cap": pl.Int64,
        "rate": pl.String,
        "citation": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


def _bounded(frame: pl.DataFrame, basis: pl.Expr, factor: bool, limit: bool = True) -> pl.DataFrame:
    """Allowed and (with ``limit``) the bound that decided it, of each line, from scaled
    integer bounds (all × the common denominator, so comparisons and ties are exact)."""
    num = pl.col("_fnum") if factor else pl.lit(1, dtype=_I)
    den = pl.col("_fden") if factor else pl.lit(1, dtype=_I)
    rate_den = pl.col("_rate_den").cast(_I).fill_null(1)
    common = rate_den * den
    b_req = pl.col("requested").cast(_I) * common
    b_rate = pl.col("_rate_num").cast(_I) * basis * num
    b_cap = pl.col("_cap").cast(_I) * pl.col("units").cast(_I) * num * rate_den
    b_src = pl.when(pl.col("other_sources") != 0).then(
        (pl.col("cost").cast(_I) - pl.col("other_sources").cast(_I)) * common
    )
    frame = frame.with_columns(
        _m=pl.min_horizontal(b_req, b_rate, b_cap, b_src), _d=common, _b_req=b_req
    )
    m = pl.col("_m")
    allowed = pl.max_horizontal(m // pl.col("_d"), pl.lit(0, dtype=_I))
    if not limit:
        return frame.with_columns(allowed=allowed).drop("_m", "_d", "_b_req")
    return frame.with_columns(
        allowed=allowed,
        limit=pl.when(pl.col("_b_req") == m)
        .then(pl.lit("requested"))
        .when(b_rate == m)
        .then(pl.lit("rate"))
        .when(b_cap == m)
        .then(pl.lit("cap"))
        .otherwise(pl.lit("sources")),
    ).drop("_m", "_d", "_b_req")


def cofund(
    lines: pl.DataFrame,
    *,
    rulebooks: Rulebook | Iterable[Rulebook] | None = None,
) -> pl.DataFrame:
    """The co-funding of every line of ``lines`` (columns: :data:`INPUT_COLUMNS`), with the
    columns of :data:`OUTPUT_COLUMNS` added, rows in the same order.

    ``rulebooks``: the national rulebook (default: the built-in one) and at most one province's
    overlay for the local lines.  A proposal the compiled levels cannot decide has ``decided``
    false on each of its lines and no amounts: assess it with :func:`khuyencong.assess`.
    A missing column is a :class:`~khuyencong.errors.DatasetError` naming it.
    """
    if not isinstance(lines, pl.DataFrame):
        raise DatasetError(f"cofund() takes a polars DataFrame, not {type(lines).__name__}")
    missing = [c for c in _REQUIRED if c not in lines.columns]
    if missing:
        raise DatasetError(
            f"cofund(): missing column(s) {', '.join(missing)}; see columnar.INPUT_COLUMNS"
        )
    return _cofund(lines, *_books(rulebooks), full=True)


def allowed_of(
    lines: pl.DataFrame, rulebooks: Rulebook | Iterable[Rulebook] | None = None
) -> pl.DataFrame:
    """:func:`cofund`'s ``decided`` and ``allowed`` (whole đồng, ``Int64``) alone, in the order
    of ``lines`` (the columnar engine of ``check``, which reads no other output)."""
    return _cofund(lines, *_books(rulebooks), full=False)


def _books(rulebooks: Rulebook | Iterable[Rulebook] | None) -> tuple[Rulebook, Rulebook | None]:
    """The national rulebook (default: the built-in one) and the overlay, if one only."""
    books = (
        []
        if rulebooks is None
        else [rulebooks]
        if isinstance(rulebooks, Rulebook)
        else list(rulebooks)
    )
    nationals = [b for b in books if b.kind == "national"]
    overlays = [b for b in books if b.kind != "national"]
    return (
        nationals[0] if nationals else national_rulebook(),
        overlays[0] if len(overlays) == 1 else None,
    )


def _cofund(
    lines: pl.DataFrame, national: Rulebook, overlay: Rulebook | None, *, full: bool
) -> pl.DataFrame:
    """:func:`cofund` (``full``), else :func:`allowed_of`."""
    frame = lines.with_row_index("_row")
    defaults = {
        "other_sources": pl.lit(0),
        "units": pl.lit(1),
        "factor_num": pl.lit(1),
        "factor_den": pl.lit(1),
        "ineligible": pl.lit(False),
    }
    frame = frame.with_columns(
        [expr.alias(name) for name, expr in defaults.items() if name not in frame.columns]
    ).with_columns(
        (
            pl.col("as_of").str.to_date("%Y-%m-%d")
            if frame.schema["as_of"] == pl.String
            else pl.col("as_of").cast(pl.Date)
        ),
        pl.col("item").cast(pl.String),
        pl.col("funding").cast(pl.String),
        _fnum=pl.col("factor_num").cast(_I),
        _fden=pl.col("factor_den").cast(_I),
    )
    keys = frame.select("funding", "as_of").unique().iter_rows()
    levels = _levels(keys, national, overlay)
    frame = frame.join(levels, on=["funding", "as_of", "item"], how="left")
    too_big = (
        (pl.col("cost").abs() > _LIMIT)
        | (pl.col("requested").abs() > _LIMIT)
        | (pl.col("other_sources").abs() > _LIMIT)
        | (pl.col("units") > 10**9)
        | (pl.col("_fnum") > 10**6)
        | (pl.col("_fden") > 10**6)
        | (pl.col("_fden") < 1)
    )
    frame = frame.with_columns(
        decided=(pl.col("_kind").is_not_null() & ~too_big).all().over("proposal")
    )
    computed = _bounded(frame, pl.col("cost").cast(_I), factor=True, limit=full)
    own = pl.when(pl.col("decided") & (pl.col("_kind") == "computed"))
    frame = computed.with_columns(
        allowed=own.then(pl.col("allowed")),
        **({"limit": own.then(pl.col("limit"))} if full else {}),
    )
    budget = pl.col("allowed").sum().over("proposal")
    shares = _bounded(frame.with_columns(_basis=budget), pl.col("_basis"), factor=False, limit=full)
    share = pl.when(pl.col("decided") & (pl.col("_kind") == "share"))
    frame = frame.with_columns(
        allowed=share.then(shares["allowed"]).otherwise(pl.col("allowed")),
        **({"limit": share.then(shares["limit"]).otherwise(pl.col("limit"))} if full else {}),
    )
    ineligible = pl.col("decided") & pl.col("ineligible")
    if not full:
        return frame.sort("_row").select(
            "decided",
            allowed=pl.when(ineligible)
            .then(pl.lit(0, dtype=_I))
            .otherwise(pl.col("allowed"))
            .cast(pl.Int64),
        )
    cost, other = pl.col("cost").cast(_I), pl.col("other_sources").cast(_I)
    frame = frame.with_columns(
        line_status=pl.when(~pl.col("decided"))
        .then(pl.lit(None, dtype=pl.String))
        .when(ineligible)
        .then(pl.lit("proposal_ineligible"))
        .otherwise(pl.lit("computed")),
        allowed=pl.when(ineligible).then(pl.lit(0, dtype=_I)).otherwise(pl.col("allowed")),
        limit=pl.when(ineligible).then(pl.lit("ineligible")).otherwise(pl.col("limit")),
        cap=pl.when(pl.col("decided")).then(pl.col("_cap").cast(_I) * pl.col("units").cast(_I)),
        rate=pl.when(pl.col("decided")).then(pl.col("rate")),
        citation=pl.when(pl.col("decided")).then(pl.col("citation")),
    ).with_columns(
        counterpart=pl.when(pl.col("decided")).then(cost - pl.col("allowed") - other),
    )
    money = pl.Decimal(38, 0)
    return (
        frame.with_columns([pl.col(c).cast(money) for c in ("allowed", "cap", "counterpart")])
        .sort("_row")
        .drop("_row", "_fnum", "_fden", "_kind", "_rate_num", "_rate_den", "_cap")
        .select([*lines.columns, *[c for c in OUTPUT_COLUMNS if c not in lines.columns]])
    )


def cofund_batch(batch: Any, rulebooks: Rulebook | Iterable[Rulebook] | None = None) -> Any:
    """:func:`cofund` on one partition: a ``pyarrow.RecordBatch`` or ``Table`` gives a
    ``pyarrow.Table``, a pandas ``DataFrame`` gives a pandas ``DataFrame`` (amounts as
    ``Decimal`` in ``object`` columns), a polars ``DataFrame`` gives one.  A pandas partition
    indexed by ``proposal`` (Dask: ``set_index("proposal")``, so that no proposal is split
    between partitions) keeps its index.  For Dask's
    ``map_partitions``, Spark's ``mapInArrow`` and Ray's ``map_batches``."""
    if isinstance(batch, pl.DataFrame):
        return cofund(batch, rulebooks=rulebooks)
    module = type(batch).__module__
    if module.startswith("pandas"):
        index = batch.index
        if "proposal" not in batch.columns and index.name == "proposal":
            batch = batch.reset_index()  # partitioned by proposal (Dask: set_index("proposal"))
        out = cofund(pl.from_pandas(batch), rulebooks=rulebooks)
        if index.name == "proposal" and "proposal" not in index.names[1:]:
            out = out.drop("proposal")
        result = out.to_pandas()
        result.index = index
        return result
    frame = pl.from_arrow(batch)
    assert isinstance(frame, pl.DataFrame)
    return cofund(frame, rulebooks=rulebooks).to_arrow()
