"""Datasets: check tables of khuyến công proposals (CSV, Excel, JSON Lines, pandas).

>>> from khuyencong.datasets import validate, example_path
>>> report = validate(example_path())
>>> summary = report.summary()
>>> summary.rows == sum(summary.rows_by_status.values())
True

:func:`validate` streams the rows of a source, maps its columns (Vietnamese or English headers,
see :mod:`.columns`), reads Vietnamese amounts and dates exactly (:mod:`khuyencong.l10n`), groups
budget-line rows into proposals by Mã đề án, validates each with :class:`khuyencong.Proposal`,
and assesses it with the rule engine (:func:`khuyencong.assess`).  Every problem is a row-level finding;
no row is dropped and nothing but :class:`~khuyencong.errors.KhuyenCongError` is raised.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from datetime import date
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .._args import check_optional_date, check_rulebooks
from ..errors import DatasetError
from .columns import DEFAULT_ALIASES, FIELDS, ColumnMapping, fold
from .findings import MESSAGES, RowFinding
from .guard import require_rows
from .layout import Layout, LayoutError, load_layout
from .pipeline import Assessor, Engine, Grouping, RowResult
from .readers import Table, open_table
from .report import COLUMNS, Report
from .summary import Summary, SummaryRow

WORKERS_DEPRECATED = (
    "workers= (and khuyencong check --workers) is deprecated and ignored: every row is checked "
    "in this process. To spread a large plan over cores or machines, run the columnar step "
    "khuyencong.datasets.columnar.cofund_batch with Dask's map_partitions (see "
    "docs/performance.md)."
)

if TYPE_CHECKING:
    from ..rules import Assessment
    from ..schemas import Proposal

__all__ = [
    "COLUMNS",
    "DEFAULT_ALIASES",
    "FIELDS",
    "MESSAGES",
    "Assessor",
    "ColumnMapping",
    "Layout",
    "LayoutError",
    "Report",
    "RowFinding",
    "RowResult",
    "Summary",
    "SummaryRow",
    "default_assessor",
    "example_path",
    "fold",
    "load_layout",
    "validate",
]


EXAMPLES = {
    "tidy": "data/example_plan.csv",
    "mau-2": "data/ke-hoach-minh-hoa.csv",
}
"""The embedded illustrative files: ``tidy`` (one budget line per row, with codes) and ``mau-2``
(a plan table laid out like Mẫu số 2 TT 36/2013/TT-BCT: title rows, amounts in millions, sections,
subtotals, a signature block).  Every name and figure in them is invented."""


def example_path(name: str = "tidy") -> Path:
    """The path of an embedded illustrative dataset (invented records, not real ones); ``name``
    is a key of :data:`EXAMPLES`."""
    if name not in EXAMPLES:
        raise DatasetError(f"no example {name!r}; examples: {', '.join(EXAMPLES)}")
    resource = files("khuyencong.datasets").joinpath(EXAMPLES[name])
    with as_file(resource) as path:
        return Path(path)


@attrs.frozen
class _EngineAssessor:
    """:func:`khuyencong.assess` bound to rulebooks; a class, not a closure, so that it can be
    sent to worker processes."""

    rulebooks: Any = None

    def __call__(self, proposal: Proposal, as_of: date) -> Assessment:
        from ..rules import assess

        return assess(proposal, as_of=as_of, rulebooks=self.rulebooks)


def default_assessor(rulebooks: Any = None) -> Assessor:
    """:func:`khuyencong.assess` bound to ``rulebooks`` (a province's overlay from
    :func:`khuyencong.load_rulebook`, a list of rulebooks, or ``None`` for the built-in national
    rulebook; paths of rulebook files are loaded).

    This is the one place where the dataset layer meets the rule engine.
    """
    return _EngineAssessor(check_rulebooks(rulebooks, "rulebooks"))


def validate(
    source: Any,
    *,
    as_of: date | None = None,
    rulebooks: Any = None,
    columns: Mapping[str, str] | None = None,
    layout: Layout | str | Path | Mapping[str, Any] | None = None,
    format: str | None = None,
    sheet: str | None = None,
    grouping: Grouping = "consecutive",
    assessor: Assessor | Literal["auto"] | None = "auto",
    workers: int = 1,
    engine: Engine = "auto",
) -> Report:
    """Check a table of proposals and return a lazy :class:`Report`.

    ``source``: a path (``.csv``, ``.xlsx``, ``.jsonl``), bytes or a binary file object (``format``
    says which, else CSV unless it is a zip), a pandas DataFrame, or an iterable of dicts.
    ``as_of``: the date the rules are read at; by default each proposal's approval date, else its
    start date, else 1 January of its plan year.  ``columns`` maps your headers to
    :data:`FIELDS` and overrides the built-in aliases.  ``layout``: a province's own layout (a
    :class:`Layout`, the path of a layout TOML file, or its tables as a mapping; see
    :func:`load_layout`): its columns, unit of amounts, header rows and sections.  ``grouping``: see
    :mod:`.pipeline`.  ``assessor``: ``"auto"`` assesses each valid proposal with
    :func:`khuyencong.assess` (and ``rulebooks``), ``None`` validates only (with a note), or any
    callable ``(proposal, as_of) -> Assessment``.  ``workers``: deprecated and ignored (a
    ``DeprecationWarning`` when it is not 1): every row is checked in this process; to spread
    a large plan over cores or machines, run the columnar step
    :func:`khuyencong.datasets.columnar.cofund_batch` with Dask (see docs/performance.md).
    ``engine``: ``"auto"`` (the default) evaluates a tidy CSV file as columns
    (:mod:`khuyencong.datasets.columnar_check`: the same rows, faster) and anything else row by
    row; ``"rows"`` evaluates every source row by row, the reference path.

    ``as_of`` is a ``datetime.date`` and ``rulebooks`` are loaded rulebooks or paths of rulebook
    files; anything else is an :class:`~khuyencong.errors.ArgumentError` naming the argument.

    Raises :class:`~khuyencong.errors.DatasetError` only when the source cannot be read at all
    (its encoding cannot be told, for one), and its subclass
    :class:`~khuyencong.errors.NothingToCheckError` when it holds nothing to check (an empty
    file, no recognisable header, a header without data rows); the source is opened (and its
    header and first data row read) before this function returns.
    """
    as_of = check_optional_date(as_of, "as_of")
    rulebooks = check_rulebooks(rulebooks, "rulebooks")
    if grouping not in ("consecutive", "all"):
        raise DatasetError(f"grouping must be 'consecutive' or 'all', not {grouping!r}")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise DatasetError(
            f"workers must be a whole number of processes, 1 or more, not {workers!r}"
        )
    if engine not in ("auto", "rows"):
        raise DatasetError(f"engine must be 'auto' or 'rows', not {engine!r}")
    if workers != 1:
        warnings.warn(WORKERS_DEPRECATED, DeprecationWarning, stacklevel=2)
    from .layout import as_layout

    mapping = ColumnMapping(columns, layout=as_layout(layout))
    chosen = default_assessor(rulebooks) if isinstance(assessor, str) else assessor
    reopenable = True
    if hasattr(source, "read") and not isinstance(source, str | Path):
        data = source.read()
        source = data.encode("utf-8") if isinstance(data, str) else data
    elif isinstance(source, Iterator):
        reopenable = False

    def opener() -> Table:
        return require_rows(open_table(source, mapping, format=format, sheet=sheet), mapping)

    report = Report(
        opener,
        opener(),
        mapping,
        assessor=chosen,
        as_of=as_of,
        grouping=grouping,
        reopenable=reopenable,
        engine=engine,
    )
    if isinstance(source, str | Path):
        report.source_path = Path(source)
    return report
