"""The ``khuyencong`` command line (argparse, standard library only).

Exit codes: 0 — every row is valid or eligible; 1 — there are findings; 2 — the input cannot be
read (or the command is not available yet).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Final, TextIO

from .errors import KhuyenCongError

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_UNREADABLE: Final = 2
_TABLE_LIMIT: Final = 200
_PROGRESS_EVERY: Final = 10_000


def _parse_as_of(text: str) -> date:
    from .l10n import parse_date

    try:
        return parse_date(text)
    except KhuyenCongError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khuyencong",
        description="Khuyến công (industrial extension) proposals: check datasets, print schemas.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check a CSV/XLSX/JSONL file of proposals")
    check.add_argument("file", nargs="?", help="the file to check")
    check.add_argument("--example", action="store_true", help="check the embedded example")
    check.add_argument("--as-of", type=_parse_as_of, help="date the rules are read at")
    check.add_argument("--rulebook", type=Path, help="a rulebook file to use")
    check.add_argument(
        "--format", choices=("table", "csv", "xlsx", "json", "html"), default="table"
    )
    check.add_argument("--output", "-o", type=Path, help="write the report here")
    check.add_argument("--lang", choices=("vi", "en"), default="vi")
    check.add_argument("--sheet", help="worksheet of an .xlsx file (default: the first)")

    sub.add_parser("schema", help="print the JSON Schema of a Proposal")
    for name in ("assess", "explain"):
        stub = sub.add_parser(name, help="(not yet available)")
        stub.add_argument("args", nargs="*")
    rulebook = sub.add_parser("rulebook", help="rulebook tools (not yet available)")
    rulebook.add_argument("action", choices=("check", "diff"))
    rulebook.add_argument("args", nargs="*")
    return parser


def _progress(rows: Iterator[object], stream: TextIO) -> Iterator[object]:
    """Pass rows through, printing a count on ``stream`` when it is a terminal."""
    if not stream.isatty():
        yield from rows
        return
    count = 0
    for count, row in enumerate(rows, start=1):
        if count % _PROGRESS_EVERY == 0:
            stream.write(f"\r{count:,} rows…".replace(",", "."))
            stream.flush()
        yield row
    if count >= _PROGRESS_EVERY:
        stream.write("\r" + " " * 30 + "\r")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def _print_table(report: object, lang: str, out: TextIO) -> bool:
    from .datasets import Report
    from .datasets.summary import DIMENSIONS, dimension_label, key_label
    from .l10n import format_vnd

    if not isinstance(report, Report):  # pragma: no cover - typed by the caller
        raise TypeError("expected a Report")
    vi = lang == "vi"

    def money(value: object) -> str:
        from decimal import Decimal

        return format_vnd(value, lang) if isinstance(value, Decimal) else ""

    problem_rows: list[list[str]] = []
    more = 0
    for result in _progress(iter(report), sys.stderr):
        r = result  # RowResult
        if not getattr(r, "findings", ()) and getattr(r, "status", "") in (
            "valid",
            "eligible",
            "blank",
        ):
            continue
        for f in r.findings or [None]:  # type: ignore[attr-defined]
            if len(problem_rows) >= _TABLE_LIMIT:
                more += 1
                continue
            problem_rows.append(
                [
                    str(r.row),  # type: ignore[attr-defined]
                    r.proposal_code or "",  # type: ignore[attr-defined]
                    r.status,  # type: ignore[attr-defined]
                    f.column or "" if f else "",
                    f"{f.severity}: {f.message(lang)}" if f else "",
                ]
            )
    summary = report.summary()
    heading = "Dòng có phát hiện" if vi else "Rows with findings"
    if problem_rows:
        out.write(f"{heading}\n")
        cols = (
            ["Dòng", "Mã đề án", "Trạng thái", "Cột", "Phát hiện"]
            if vi
            else ["Row", "Code", "Status", "Column", "Finding"]
        )
        out.write(_table(cols, problem_rows, {0}) + "\n")
        if more:
            out.write(
                f"… và {more} phát hiện khác; dùng --format csv để xem hết\n"
                if vi
                else f"… and {more} more findings; use --format csv for all\n"
            )
        out.write("\n")
    for note in summary.notes:
        out.write(
            f"[{note.severity}] {note.column + ': ' if note.column else ''}{note.message(lang)}\n"
        )
    out.write("\n")
    for dimension in DIMENSIONS:
        rows = [
            [
                key_label(dimension, r.key, lang),
                str(r.proposals),
                str(r.rows),
                money(r.cost),
                money(r.requested),
                money(r.allowed) or "—",
            ]
            for r in summary.tables[dimension]
        ]
        cols = [dimension_label(dimension, lang)] + (
            ["Đề án", "Dòng", "Tổng kinh phí", "Đề nghị", "Được hỗ trợ"]
            if vi
            else ["Proposals", "Rows", "Cost", "Requested", "Allowed"]
        )
        out.write(_table(cols, rows, {1, 2, 3, 4, 5}) + "\n\n")
    status = ", ".join(f"{k}: {v}" for k, v in sorted(summary.rows_by_status.items()))
    out.write(
        f"{summary.rows} dòng, {summary.proposals} đề án ({status})\n"
        if vi
        else f"{summary.rows} rows, {summary.proposals} proposals ({status})\n"
    )
    return summary.ok


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .datasets import example_path, validate

    if args.example == (args.file is not None):
        err.write("khuyencong check: give a FILE or --example (not both)\n")
        return EXIT_UNREADABLE
    rulebooks = None
    if args.rulebook is not None:
        import khuyencong

        loader = getattr(khuyencong, "load_rulebook", None)
        if loader is None:
            err.write("khuyencong check: --rulebook is not yet available\n")
            return EXIT_UNREADABLE
        rulebooks = [loader(args.rulebook)]
    source = example_path() if args.example else Path(args.file)
    report = validate(source, as_of=args.as_of, rulebooks=rulebooks, sheet=args.sheet)
    fmt = args.format
    if fmt == "table":
        if args.output is not None:
            with open(args.output, "w", encoding="utf-8") as handle:
                ok = _print_table(report, args.lang, handle)
        else:
            ok = _print_table(report, args.lang, out)
        return EXIT_OK if ok else EXIT_FINDINGS
    if fmt == "xlsx":
        if args.output is None:
            err.write("khuyencong check: --format xlsx needs --output FILE.xlsx\n")
            return EXIT_UNREADABLE
        report.to_excel(args.output, lang=args.lang)
    elif fmt == "csv":
        if args.output is None:
            out.write(report.to_csv(lang=args.lang))
        else:
            report.to_csv(args.output, lang=args.lang)
    elif fmt == "json":
        if args.output is None:
            out.write(report.to_json(lang=args.lang))
        else:
            report.to_json(args.output, lang=args.lang)
    else:
        text = report.to_html(args.output, lang=args.lang)
        if args.output is None:
            out.write(text)
    return EXIT_OK if report.summary().ok else EXIT_FINDINGS


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        if args.command == "check":
            return _check(args, out, err)
        if args.command == "schema":
            from .schemas import Proposal

            out.write(json.dumps(Proposal.model_json_schema(), ensure_ascii=False, indent=2) + "\n")
            return EXIT_OK
        name = args.command if args.command != "rulebook" else f"rulebook {args.action}"
        err.write(f"khuyencong {name}: not yet available\n")
        return EXIT_UNREADABLE
    except KhuyenCongError as exc:
        err.write(f"khuyencong: {exc}\n")
        return EXIT_UNREADABLE
    except OSError as exc:
        err.write(f"khuyencong: {exc}\n")
        return EXIT_UNREADABLE


def console() -> None:  # pragma: no cover - thin wrapper
    """Entry point of the ``khuyencong`` console script."""
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    console()
