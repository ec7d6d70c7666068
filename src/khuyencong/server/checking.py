"""``/check``: a dataset checked with :func:`khuyencong.datasets.validate` and written with the
report's own (formula-safe) writers into the request's temporary directory, under a row limit
and a time limit."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any, Final

import attrs

from ..datasets import Assessor, default_assessor, validate
from ..errors import DatasetError
from ..rulebooks import Rulebook
from .problems import Problem

__all__ = ["OUTPUTS", "TimeUp", "run_check", "time_up"]

OUTPUTS: Final[dict[str, tuple[str, str]]] = {
    "json": ("application/json", "json"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "html": ("text/html; charset=utf-8", "html"),
}
"""Report formats: media type and file suffix."""

_EVERY: Final = 256


class TimeUp(Exception):
    """The request's time limit passed (stops the check; answered with 503)."""


def time_up(limit: float) -> Problem:
    """The problem answered when a request takes longer than ``limit`` seconds."""
    return Problem(
        503,
        "time_limit",
        {"limit": format(limit, "g")},
        extra={"limit_seconds": limit},
    )


@attrs.frozen
class _Timed:
    """An assessor that stops the check once the deadline (``time.monotonic``) has passed."""

    inner: Assessor
    deadline: float

    def __call__(self, proposal: Any, as_of: date) -> Any:
        if time.monotonic() > self.deadline:
            raise TimeUp
        return self.inner(proposal, as_of)


def run_check(
    path: Path,
    *,
    name: str | None = None,
    as_of: date | None,
    rulebooks: list[Rulebook] | None,
    output: str,
    lang: str,
    max_rows: int,
    deadline: float,
) -> Path:
    """Check the file at ``path`` and write the report beside it; return the report's path.

    A first pass counts the rows (stopping at ``max_rows`` + 1: 413) and computes the summary;
    the export is a second pass.  Raises :class:`TimeUp` past ``deadline``.  ``name`` (the
    client's file name) stands for the server's temporary path in the report and in errors.
    """
    shown = name or path.name
    try:
        return _check(path, shown, as_of, rulebooks, output, lang, max_rows, deadline)
    except DatasetError as exc:
        raise DatasetError(str(exc).replace(str(path), shown)) from None


def _check(
    path: Path,
    name: str,
    as_of: date | None,
    rulebooks: list[Rulebook] | None,
    output: str,
    lang: str,
    max_rows: int,
    deadline: float,
) -> Path:
    assessor = _Timed(default_assessor(rulebooks), deadline)
    report = validate(path, as_of=as_of, rulebooks=rulebooks, assessor=assessor)
    report.source = name
    for rows, _ in enumerate(report, start=1):
        if rows > max_rows:
            raise Problem(
                413,
                "too_many_rows",
                {"max_rows": max_rows},
                extra={"limit_rows": max_rows},
            )
        if rows % _EVERY == 0 and time.monotonic() > deadline:
            raise TimeUp
    target = path.with_name(f"report.{OUTPUTS[output][1]}")
    if output == "json":
        report.to_json(target, lang=lang)
    elif output == "csv":
        report.to_csv(target, lang=lang)
    elif output == "xlsx":
        report.to_excel(target, lang=lang)
    else:
        report.to_html(target, lang=lang)
    return target
