"""``khuyencong check``: a dataset, as a table that fits the terminal or as a report file."""

from __future__ import annotations

import argparse
import codecs
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Final, TextIO, cast

from ..errors import DatasetError, KhuyenCongError, NothingToCheckError
from ..l10n.catalog import Msg

if TYPE_CHECKING:
    from ..datasets import Report
from .common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, _rulebooks

_TABLE_LIMIT: Final = 200


_PROGRESS_EVERY: Final = 10_000


def _print_table(report: Report, lang: str, out: TextIO, *, total: int | None = None) -> bool:
    """The report as tables that fit the terminal (``COLUMNS``): rows with findings, the file
    notes, the summary tables; statuses, severities and headers in ``lang``."""
    from decimal import Decimal

    from ..datasets.rows import RowResult
    from ..datasets.summary import DIMENSIONS, dimension_label, key_label, status_counts
    from ..l10n import format_vnd, heading, label
    from ..l10n.catalog import render as _t
    from ..l10n.formatting import format_count
    from .terminal import Progress, fit_table, terminal_width, wrap

    width = terminal_width()

    def money(value: object) -> str:
        return format_vnd(value, lang) if isinstance(value, Decimal) else ""

    problem_rows: list[list[str]] = []
    more = 0
    progress = Progress(sys.stderr, lang=lang, total=total, every=_PROGRESS_EVERY)

    def track(items: Iterator[Any]) -> Iterator[Any]:
        return progress.track(items, size=lambda item: 1 if type(item) is RowResult else len(item))

    # Only the rows with findings or a status that does not pass; a row of a block is made
    # (a RowResult) only while the table has room for its lines, else its lines are counted.
    for problem in report._problems(track):
        if type(problem) is RowResult:
            r = problem
        else:
            assert isinstance(problem, tuple)
            block, i = problem
            if len(problem_rows) >= _TABLE_LIMIT:
                more += len(block.line_at(i).result.findings) or 1
                continue
            r = block.result(i)
        for f in r.findings or (None,):
            if len(problem_rows) >= _TABLE_LIMIT:
                more += 1
                continue
            text = ""
            if f is not None:
                clause = f.citation(lang)
                text = f"{label('severity', f.severity, lang)}: {f.message(lang)}" + (
                    f" ({clause})" if clause else ""
                )
            column = "" if f is None else f.where(lang) or ""
            same = f is not None and f is not r.findings[0]  # the row is named on its first line
            problem_rows.append(
                ["", "", "", column, text]
                if same
                else [
                    str(r.row),
                    r.proposal_code or "",
                    label("status", r.status, lang),
                    column,
                    text,
                ]
            )
    summary = report.summary()
    title = _t("cli.rows_with_findings", None, lang)
    if problem_rows:
        out.write(f"{title}\n")
        cols = [heading(c, lang) for c in ("row", "proposal_code", "status", "column", "findings")]
        table = fit_table(
            cols, problem_rows, right={0}, wrap_columns={2: 10, 3: 10, 4: 24}, width=width
        )
        out.write(table + "\n")
        if more:
            out.write(_t("cli.more_findings", {"n": more}, lang) + "\n")
        out.write("\n")
    for note in summary.notes:
        where = f"{heading('row', lang)} {note.row}: " if note.row is not None else ""
        text = (
            f"[{label('severity', note.severity, lang)}] {where}"
            f"{note.column + ': ' if note.column else ''}{note.message(lang)}"
        )
        out.write("\n".join(wrap(text, width, "    ")) + "\n")
    out.write("\n")
    unknown = _t("cli.not_known", None, lang)
    currency = _t("cli.currency", None, lang)

    def summary_table(dimension: str, bare: bool) -> str:
        """One summary table; ``bare``: the amounts without their unit, which the headers of
        the amount columns name instead (when the table would not fit otherwise)."""

        def cell(value: object) -> str:
            if not isinstance(value, Decimal):
                return "—"
            return format_count(int(value), lang) if bare else money(value)

        rows = [
            [
                key_label(dimension, r.key, lang),
                str(r.proposals),
                str(r.rows),
                cell(r.cost),
                cell(r.requested),
                cell(r.allowed)
                + ("" if not r.allowed_unknown else f" (+{r.allowed_unknown} {unknown})"),
            ]
            for r in summary.tables[dimension]
        ]
        cols = [dimension_label(dimension, lang)] + [
            heading(c, lang) for c in ("proposals", "rows", "cost", "requested", "allowed")
        ]
        if bare:
            cols[3:] = [_t("cli.in_unit", {"heading": c, "unit": currency}, lang) for c in cols[3:]]
        narrowest = {0: 12, 5: 13 if bare else 15}  # "(+1 not known)" wraps under the amount
        return fit_table(cols, rows, right={1, 2, 3, 4, 5}, wrap_columns=narrowest, width=width)

    for dimension in DIMENSIONS:
        table = summary_table(dimension, bare=False)
        if max(len(line) for line in table.splitlines()) > width:
            table = summary_table(dimension, bare=True)  # "Cost (VND)" over "3,647,000,000"
        out.write(table + "\n\n")
    tail: list[str] = []
    if summary.allowed_unknown:
        n = summary.allowed_unknown
        tail.append(_t("cli.allowed_not_known", {"n": n}, lang))
    if summary.values_left_out:
        n = summary.values_left_out
        tail.append(_t("cli.unreadable_left_out", {"n": n}, lang))
    status = status_counts(summary.rows_by_status, lang)
    counts = {
        "rows": Msg("cli.rows", {"n": summary.rows}),
        "proposals": Msg("cli.proposals", {"n": summary.proposals}),
        "statuses": status,
    }
    tail.append(_t("cli.summary_line", counts, lang))
    for text in tail:
        out.write("\n".join(wrap(text, width, "    ")) + "\n")
    return summary.ok


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if (args.example is not None) == (args.file is not None):
        from ..l10n.catalog import render

        err.write(f"khuyencong check: {render('cli.file_or_example', None, args.lang)}\n")
        return EXIT_UNREADABLE
    if args.file == "-":
        import tempfile

        with tempfile.TemporaryDirectory(prefix="khuyencong-") as folder:
            path = Path(folder) / "stdin"
            with open(path, "wb") as spool:
                _copy_stdin(spool)
            fmt = args.input_format
            if fmt is None:
                with open(path, "rb") as head:
                    fmt = "xlsx" if head.read(4) == b"PK\x03\x04" else "csv"
            # openpyxl tells a workbook by its file name's suffix
            path = path.rename(path.with_suffix(f".{fmt}"))
            try:
                return _check_source(args, path, fmt, "<stdin>", out, err)
            except NothingToCheckError as exc:
                exc.name = "<stdin>"
                raise
            except KhuyenCongError as exc:
                raise DatasetError(str(exc).replace(str(path), "<stdin>")) from None
    from ..datasets import example_path

    source = example_path(args.example) if args.example else Path(args.file)
    return _check_source(args, source, args.input_format, None, out, err)


def _copy_stdin(spool: BinaryIO) -> None:
    """Copy standard input (bytes) to ``spool`` in chunks."""
    import shutil

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream without bytes (tests)
        spool.write(sys.stdin.read().encode("utf-8"))
        return
    shutil.copyfileobj(stream, spool, 1 << 20)


def _utf8_bytes(out: TextIO) -> IO[bytes] | None:
    """The binary buffer under ``out`` when writing UTF-8 bytes to it is what writing text to
    ``out`` would do: UTF-8, "\n" not translated (POSIX), and errors "strict" or
    "surrogateescape" (Python's for standard output under a C or UTF-8 locale; the report of a
    file holds no surrogate: files are decoded strictly or with U+FFFD); ``None`` otherwise."""
    binary = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    errors = getattr(out, "errors", None)
    if binary is None or encoding is None or os.linesep != "\n":
        return None
    if errors not in ("strict", "surrogateescape"):
        return None
    try:
        utf8 = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return None
    return cast("IO[bytes]", binary) if utf8 else None


def _check_source(
    args: argparse.Namespace,
    source: Path,
    fmt: str | None,
    name: str | None,
    out: TextIO,
    err: TextIO,
) -> int:
    """Check ``source`` and write the report in the chosen format, streaming it row by row to
    the output file or to ``out`` (flat memory whatever the size of the file)."""
    from ..datasets import validate
    from ..l10n.catalog import render

    if args.workers != 1:
        deprecated = render("cli.workers_deprecated", None, args.lang)
        print(f"khuyencong: --workers: {deprecated}", file=err)
    rulebooks = _rulebooks(args.rulebook)
    report = validate(
        source,
        as_of=args.as_of,
        rulebooks=rulebooks,
        sheet=args.sheet,
        format=fmt,
        layout=args.layout,
        engine=args.engine,
    )
    if name is not None:
        report.source = name
    fmt_in, fmt = fmt, args.format
    if fmt == "table":
        from .terminal import count_lines

        total = count_lines(source, fmt_in) if sys.stderr.isatty() else None
        if args.output is not None:
            from ..datasets.whole import whole_file

            with whole_file(
                args.output, "w", encoding="utf-8", source=report.source_path
            ) as handle:
                ok = _print_table(report, args.lang, cast("TextIO", handle), total=total)
        else:
            ok = _print_table(report, args.lang, out, total=total)
        return EXIT_OK if ok else EXIT_FINDINGS
    if fmt == "xlsx":
        if args.output is not None:
            report.to_excel(args.output, lang=args.lang)
        else:
            binary = getattr(out, "buffer", None)
            if binary is None:
                from ..l10n.catalog import render

                needs = render("cli.xlsx_needs_output", None, args.lang)
                err.write(f"khuyencong check: {needs}\n")
                return EXIT_UNREADABLE
            out.flush()
            report.to_excel(binary, lang=args.lang)
            binary.flush()
    elif fmt in ("csv", "json"):
        export = report.to_csv if fmt == "csv" else report.to_json
        binary = None if args.output is not None else _utf8_bytes(out)
        if binary is not None:
            # The report's UTF-8 as it is made, straight to standard output's buffer.
            out.flush()
            export(binary, lang=args.lang)
            binary.flush()
        else:
            export(args.output if args.output is not None else out, lang=args.lang)
    else:
        report.to_html(args.output if args.output is not None else out, lang=args.lang)
    return EXIT_OK if report.summary().ok else EXIT_FINDINGS
