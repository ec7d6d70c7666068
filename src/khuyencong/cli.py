"""The ``khuyencong`` command line (argparse; nothing heavy is imported at module level).

Commands: ``check`` (a dataset), ``assess`` and ``explain`` (one proposal), ``rulebook check``,
``rulebook diff``, ``rulebook gaps``, ``rulebook template``, ``schema``, ``serve`` (the HTTP API,
:mod:`khuyencong.server`).

Exit codes: 0 — every row (or the proposal) is eligible and nothing beyond notes was found;
1 — there are findings (for ``rulebook check``: problems; for ``rulebook diff``: differences;
for ``rulebook gaps``: something is not known on the date);
2 — the input cannot be read or used (missing file, invalid JSON or proposal, bad date or option,
an encoding that cannot be told, nothing to check: an empty file, no header, no data rows);
141 — the reader of the output went away (``khuyencong check plan.csv | head``): the command stops
quietly with the status a shell gives a program ended by SIGPIPE.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final, NoReturn, TextIO, TypeVar

from .errors import DatasetError, KhuyenCongError, NothingToCheckError

if TYPE_CHECKING:
    from .datasets import Report
    from .rules import Assessment
    from .schemas import Proposal

__all__ = ["assessment_json", "main"]

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_UNREADABLE: Final = 2
EXIT_BROKEN_PIPE: Final = 128 + 13  # SIGPIPE
_TABLE_LIMIT: Final = 200
_PROGRESS_EVERY: Final = 10_000
_T = TypeVar("_T")


class _UsageError(Exception):
    """A command-line usage error (argparse's message), printed without a traceback."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message}")


def _parse_as_of(text: str) -> date:
    from .l10n import parse_date

    try:
        return parse_date(text)
    except KhuyenCongError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive_count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a whole number, 1 or more, not {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="khuyencong",
        description=(
            "Khuyến công (industrial extension) proposals: check datasets, assess and explain "
            "proposals, check and compare rulebooks, print schemas."
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check a CSV/XLSX/JSONL file of proposals")
    check.add_argument("file", nargs="?", help="the file to check ('-' reads standard input)")
    check.add_argument(
        "--input-format",
        choices=("csv", "xlsx", "jsonl"),
        help="format of the input (default: from the file name; for '-', xlsx when it is a "
        "zip, else csv)",
    )
    check.add_argument(
        "--example",
        nargs="?",
        const="tidy",
        choices=("tidy", "mau-2"),
        help="check an embedded illustrative file: tidy (default) or mau-2 (a plan table "
        "laid out like Mẫu số 2 TT 36/2013)",
    )
    check.add_argument(
        "--layout", type=Path, help="a province's table layout (TOML): columns, unit, sections"
    )
    check.add_argument("--as-of", type=_parse_as_of, help="date the rules are read at")
    check.add_argument("--rulebook", type=Path, help="a province's rulebook (TOML) to apply")
    check.add_argument(
        "--format", choices=("table", "csv", "xlsx", "json", "html"), default="table"
    )
    check.add_argument("--output", "-o", type=Path, help="write the report here")
    check.add_argument("--lang", choices=("vi", "en"), default="vi")
    check.add_argument("--sheet", help="worksheet of an .xlsx file (default: the first)")
    check.add_argument(
        "--workers",
        type=_positive_count,
        default=1,
        help="deprecated and ignored: every row is checked in one process (see "
        "docs/performance.md for Dask)",
    )

    assess = sub.add_parser("assess", help="assess one proposal (a JSON file, '-' for stdin)")
    explain = sub.add_parser("explain", help="explain the assessment of one proposal")
    for command in (assess, explain):
        command.add_argument("proposal", help="a Proposal as JSON ('-' reads stdin)")
        command.add_argument(
            "--as-of",
            type=_parse_as_of,
            help="date the rules are read at (default: approval date, else start date, "
            "else 1 January of the plan year)",
        )
        command.add_argument("--rulebook", type=Path, help="a province's rulebook (TOML)")
        command.add_argument("--lang", choices=("vi", "en"), default="vi")
    assess.add_argument("--format", choices=("text", "json"), default="text")

    sub.add_parser("schema", help="print the JSON Schema of a Proposal")

    rulebook = sub.add_parser("rulebook", help="check, compare or start a rulebook")
    actions = rulebook.add_subparsers(dest="action", required=True)
    rb_check = actions.add_parser(
        "check",
        help="list every problem of a rulebook file (national amendments: give them together)",
    )
    rb_check.add_argument("file", type=Path)
    rb_check.add_argument("more", type=Path, nargs="*", help="more national amendment rulebooks")
    rb_diff = actions.add_parser(
        "diff", help="what differs between two dates (YYYY-MM-DD) or two rulebook files"
    )
    rb_diff.add_argument("a", help="a date (built-in rulebook) or a rulebook file")
    rb_diff.add_argument("b", help="a date (built-in rulebook) or a rulebook file")
    rb_diff.add_argument("--as-of", type=_parse_as_of, help="the date two files are compared at")
    rb_diff.add_argument("--lang", choices=("vi", "en"), default="vi")
    rb_diff.add_argument(
        "--rulebook",
        type=Path,
        action="append",
        default=[],
        help="a national amendment rulebook to load before comparing two dates (repeatable)",
    )
    rb_gaps = actions.add_parser(
        "gaps", help="what the rulebooks do not know on a date, and what amendments fill"
    )
    rb_gaps.add_argument("--as-of", type=_parse_as_of, required=True, help="the date (YYYY-MM-DD)")
    rb_gaps.add_argument(
        "--rulebook",
        type=Path,
        action="append",
        default=[],
        help="a national amendment rulebook or a province's overlay (repeatable)",
    )
    rb_gaps.add_argument("--format", choices=("table", "json"), default="table")
    rb_gaps.add_argument("--lang", choices=("vi", "en"), default="vi")
    rb_template = actions.add_parser(
        "template",
        help="print the documented provincial template, or a national amendment skeleton",
    )
    rb_template.add_argument(
        "--instrument",
        help="the skeleton of a national amendment rulebook for this instrument "
        "(e.g. 28/2018/TT-BTC)",
    )
    rb_template.add_argument(
        "--example",
        action="store_true",
        help="the illustrative national amendment rulebook (INVENTED figures)",
    )
    _serve_parser(sub)
    return parser


def _serve_parser(sub: Any) -> None:
    serve = sub.add_parser(
        "serve", help="run the HTTP API and the web page (needs khuyencong[serve])"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=_positive_count, default=1, help="uvicorn processes")
    serve.add_argument(
        "--rulebook",
        action="append",
        default=[],
        metavar="FILE_OR_DIR",
        help="a provincial or amendment rulebook (TOML), or a directory of them, offered to "
        "requests by id (repeatable)",
    )
    serve.add_argument("--max-upload-mb", type=float, default=50.0, help="largest upload")
    serve.add_argument("--max-rows", type=_positive_count, default=200_000)
    serve.add_argument("--time-limit", type=float, default=120.0, help="seconds per request")
    serve.add_argument(
        "--cors-origin", action="append", default=[], help="allow this origin (repeatable)"
    )


def _serve(args: argparse.Namespace, err: TextIO) -> int:
    try:
        from .server.run import serve
        from .server.settings import Settings
    except ImportError as exc:
        err.write(f"khuyencong serve needs: pip install 'khuyencong[serve]' ({exc})\n")
        return EXIT_UNREADABLE
    settings = Settings(
        max_upload_bytes=int(args.max_upload_mb * 1024 * 1024),
        max_rows=args.max_rows,
        time_limit=args.time_limit,
        cors_origins=tuple(args.cors_origin),
        rulebooks=tuple(args.rulebook),
    )
    serve(settings, host=args.host, port=args.port, workers=args.workers)
    return EXIT_OK


def _progress(rows: Iterator[_T], stream: TextIO) -> Iterator[_T]:
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


def _print_table(report: Report, lang: str, out: TextIO) -> bool:
    from decimal import Decimal

    from .datasets.summary import DIMENSIONS, dimension_label, key_label
    from .l10n import format_vnd

    vi = lang == "vi"

    def money(value: object) -> str:
        return format_vnd(value, lang) if isinstance(value, Decimal) else ""

    from .datasets.pipeline import PASSING_STATUSES

    problem_rows: list[list[str]] = []
    more = 0
    for r in _progress(iter(report), sys.stderr):
        if not r.findings and r.status in PASSING_STATUSES:
            continue
        for f in r.findings or (None,):
            if len(problem_rows) >= _TABLE_LIMIT:
                more += 1
                continue
            text = ""
            if f is not None:
                clause = f.citation(lang)
                text = f"{f.severity}: {f.message(lang)}" + (f" ({clause})" if clause else "")
            column = "" if f is None else f.column or ""
            problem_rows.append([str(r.row), r.proposal_code or "", r.status, column, text])
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
                (money(r.allowed) or "—")
                + (
                    ""
                    if not r.allowed_unknown
                    else f" (+{r.allowed_unknown} chưa rõ)"
                    if vi
                    else f" (+{r.allowed_unknown} not known)"
                ),
            ]
            for r in summary.tables[dimension]
        ]
        cols = [dimension_label(dimension, lang)] + (
            ["Đề án", "Dòng", "Tổng kinh phí", "Đề nghị", "Được hỗ trợ"]
            if vi
            else ["Proposals", "Rows", "Cost", "Requested", "Allowed"]
        )
        out.write(_table(cols, rows, {1, 2, 3, 4, 5}) + "\n\n")
    if summary.allowed_unknown:
        n = summary.allowed_unknown
        out.write(
            f"Được hỗ trợ: chưa xác định được cho {n} dòng (không cộng vào tổng)\n"
            if vi
            else f"Allowed: not known for {n} lines (not added to the totals)\n"
        )
    if summary.values_left_out:
        n = summary.values_left_out
        out.write(
            f"{n} số tiền không đọc được đã được để ra ngoài các tổng.\n"
            if vi
            else f"{n} unreadable amounts are left out of the totals.\n"
        )
    status = ", ".join(f"{k}: {v}" for k, v in sorted(summary.rows_by_status.items()))
    out.write(
        f"{summary.rows} dòng, {summary.proposals} đề án ({status})\n"
        if vi
        else f"{summary.rows} rows, {summary.proposals} proposals ({status})\n"
    )
    return summary.ok


def _rulebooks(path: Path | None) -> list[Any] | None:
    """The overlay given with ``--rulebook``, loaded with :func:`khuyencong.load_rulebook`."""
    if path is None:
        return None
    from .rulebooks import load_rulebook

    return [load_rulebook(path)]


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if (args.example is not None) == (args.file is not None):
        err.write("khuyencong check: give a FILE or --example (not both)\n")
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
            try:
                return _check_source(args, path, fmt, "<stdin>", out, err)
            except NothingToCheckError as exc:
                exc.name = "<stdin>"
                raise
            except KhuyenCongError as exc:
                raise DatasetError(str(exc).replace(str(path), "<stdin>")) from None
    from .datasets import example_path

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
    from .datasets import WORKERS_DEPRECATED, validate

    if args.workers != 1:
        print(f"khuyencong: --workers: {WORKERS_DEPRECATED}", file=err)
    rulebooks = _rulebooks(args.rulebook)
    report = validate(
        source,
        as_of=args.as_of,
        rulebooks=rulebooks,
        sheet=args.sheet,
        format=fmt,
        layout=args.layout,
    )
    if name is not None:
        report.source = name
    fmt = args.format
    if fmt == "table":
        if args.output is not None:
            with open(args.output, "w", encoding="utf-8") as handle:
                ok = _print_table(report, args.lang, handle)
        else:
            ok = _print_table(report, args.lang, out)
        return EXIT_OK if ok else EXIT_FINDINGS
    if fmt == "xlsx":
        if args.output is not None:
            report.to_excel(args.output, lang=args.lang)
        else:
            binary = getattr(out, "buffer", None)
            if binary is None:
                err.write("khuyencong check: --format xlsx needs --output FILE.xlsx here\n")
                return EXIT_UNREADABLE
            out.flush()
            report.to_excel(binary, lang=args.lang)
            binary.flush()
    elif fmt == "csv":
        report.to_csv(args.output if args.output is not None else out, lang=args.lang)
    elif fmt == "json":
        report.to_json(args.output if args.output is not None else out, lang=args.lang)
    else:
        report.to_html(args.output if args.output is not None else out, lang=args.lang)
    return EXIT_OK if report.summary().ok else EXIT_FINDINGS


class _InputError(Exception):
    """An input that cannot be used, with the message to print (exit code 2)."""


def _load_proposal(name: str) -> Proposal:
    """Read a Proposal from a JSON file (``-`` for stdin); every problem is an :class:`_InputError`
    with a plain message, pydantic's errors listed by field path."""
    from pydantic import ValidationError

    from .schemas import Proposal

    if name == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(name).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise _InputError(f"{name}: no such file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise _InputError(f"{name}: cannot be read: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _InputError(
            f"{name}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    try:
        return Proposal.model_validate(data)
    except ValidationError as exc:
        lines = [f"{name}: not a valid proposal ({exc.error_count()} errors):"]
        for error in exc.errors(include_url=False):
            where = ".".join(str(part) for part in error["loc"]) or "(proposal)"
            message = str(error["msg"]).removeprefix("Value error, ")
            lines.append(f"  {where}: {message}")
        raise _InputError("\n".join(lines)) from None


def _assessment(args: argparse.Namespace) -> Assessment:
    from .datasets.pipeline import default_as_of
    from .rules import assess

    proposal = _load_proposal(args.proposal)
    as_of = args.as_of or default_as_of(proposal)
    return assess(proposal, as_of=as_of, rulebooks=_rulebooks(args.rulebook))


def _citation_json(citation: Any) -> dict[str, str] | None:
    if citation is None:
        return None
    return {"key": citation.key, "vi": citation.vi, "en": citation.en}


def assessment_json(a: Assessment, lang: str = "vi") -> dict[str, Any]:
    """An assessment as a JSON-ready dict with stable keys; amounts are strings of whole đồng,
    rates decimal strings ("0.5"), dates ISO.  ``message`` is in ``lang``; both languages are
    under ``message_vi`` and ``message_en``."""

    def money(value: Any) -> str | None:
        return None if value is None else str(value)

    def enum(value: Any) -> str | None:
        return None if value is None else str(value)

    return {
        "proposal_code": a.proposal_code,
        "title": a.title,
        "as_of": a.as_of.isoformat(),
        "programme_date": a.programme_date.isoformat(),
        "status": str(a.status),
        "support": money(a.support),
        "requested": money(a.requested),
        "counterpart": money(a.counterpart),
        "complete": a.complete,
        "lines": [
            {
                "index": line.index,
                "item": str(line.item),
                "status": str(line.status),
                "cost": money(line.cost),
                "requested": money(line.requested),
                "other_sources": money(line.other_sources),
                "allowed": money(line.allowed),
                "counterpart": money(line.counterpart),
                "rate": money(line.rate),
                "cap": money(line.cap),
                "factor": money(line.factor),
                "basis": enum(line.basis),
                "limit": line.limit,
                "citation": _citation_json(line.citation),
                "provenance": enum(line.provenance),
                "instruments": list(line.instruments),
            }
            for line in a.lines
        ],
        "findings": [
            {
                "code": f.code,
                "severity": str(f.severity),
                "message": f.message(lang),
                "message_vi": f.message_vi,
                "message_en": f.message_en,
                "citation": _citation_json(f.citation),
                "provenance": enum(f.provenance),
                "line": f.line,
                "beneficiary": f.beneficiary,
                "instrument": f.instrument,
            }
            for f in a.findings
        ],
        "priority": {
            "area_group": a.priority.area_group,
            "industry_group": a.priority.industry_group,
            "cleaner_production": a.priority.cleaner_production,
            "tags": list(a.priority.tags),
        },
        "rulebooks": list(a.rulebooks),
        "documents": list(a.documents),
    }


def _assessment_text(a: Assessment, lang: str) -> str:
    from .l10n import format_vnd

    vi = lang == "vi"
    out = [
        f"{'Đề án' if vi else 'Proposal'}: {a.proposal_code} — {a.title}",
        f"{'Ngày áp dụng quy định' if vi else 'Rules as of'}: {a.as_of.isoformat()}",
        f"{'Kết quả' if vi else 'Status'}: {a.status}",
        f"{'Được hỗ trợ' if vi else 'Support'}: "
        + (
            format_vnd(a.support, lang)
            if a.support is not None
            else (
                f"chưa xác định được ({len(a.unknown_lines)} dòng chưa tính được)"
                if vi
                else f"not known ({len(a.unknown_lines)} line(s) not computed)"
            )
        )
        + f" ({'đề nghị' if vi else 'requested'} {format_vnd(a.requested, lang)})",
        ("Các dòng:" if vi else "Lines:"),
    ]
    for line in a.lines:
        allowed = "—" if line.allowed is None else format_vnd(line.allowed, lang)
        cite = "" if line.citation is None else f" ({line.citation.vi if vi else line.citation.en})"
        extra = f" [{', '.join(line.instruments)}]" if line.instruments else ""
        out.append(
            f"  {line.index + 1}. {line.item.label(lang)}: {line.status}, "
            f"{'đề nghị' if vi else 'requested'} {format_vnd(line.requested, lang)}, "
            f"{'được hỗ trợ' if vi else 'allowed'} {allowed}{cite}{extra}"
        )
    out.append("Phát hiện:" if vi else "Findings:")
    for f in a.findings:
        cite = "" if f.citation is None else f" ({f.citation.vi if vi else f.citation.en})"
        out.append(f"  [{f.severity}] {f.code}: {f.message(lang)}{cite}")
    return "\n".join(out) + "\n"


def _assess(args: argparse.Namespace, out: TextIO) -> int:
    a = _assessment(args)
    if args.format == "json":
        out.write(json.dumps(assessment_json(a, args.lang), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(_assessment_text(a, args.lang))
    return _exit_code(a)


def _exit_code(a: Assessment) -> int:
    """0 when the proposal is eligible and no finding goes beyond ``info``, else 1."""
    clean = str(a.status) == "eligible" and all(str(f.severity) == "info" for f in a.findings)
    return EXIT_OK if clean else EXIT_FINDINGS


def _explain(args: argparse.Namespace, out: TextIO) -> int:
    a = _assessment(args)
    out.write(a.explain(args.lang) + "\n")
    return _exit_code(a)


def _rulebook_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .rulebooks import check_rulebook

    path: Path = args.file
    try:
        path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _InputError(f"{path}: cannot be read: {exc}") from None
    for other in args.more:
        if not other.exists():
            raise _InputError(f"{other}: no such file")
    problems = check_rulebook(path, *args.more)
    for problem in problems:
        out.write(f"{problem}\n")
    if problems:
        err.write(f"{len(problems)} problem(s)\n")
        return EXIT_FINDINGS
    for checked in (path, *args.more):
        out.write(f"{checked}: ok\n")
    return EXIT_OK


def _loaded(paths: Sequence[Path]) -> list[Any]:
    """Rulebook files given with ``--rulebook``: national amendments merged, overlays apart."""
    from .rulebooks import load_rulebooks

    for path in paths:
        if not path.exists():
            raise _InputError(f"{path}: no such file")
    return load_rulebooks(paths)


def _rulebook_gaps(args: argparse.Namespace, out: TextIO) -> int:
    from .rulebooks import gaps

    report = gaps(args.as_of, rulebooks=_loaded(args.rulebook))
    if args.format == "json":
        out.write(json.dumps(report.to_dict(args.lang), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(report.table(args.lang))
    return EXIT_FINDINGS if report.gaps else EXIT_OK


def _diff_side(text: str) -> date | Any:
    """A date (YYYY-MM-DD) or a rulebook loaded from a file."""
    from .rulebooks import load_rulebook

    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.replace("-", "").isdigit():
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise _InputError(f"{text!r} is not a valid date (YYYY-MM-DD)") from None
    path = Path(text)
    if not path.exists():
        raise _InputError(f"{text!r} is neither a date (YYYY-MM-DD) nor an existing file")
    return load_rulebook(path)


def _rulebook_diff(args: argparse.Namespace, out: TextIO) -> int:
    from .rulebooks import diff

    a, b = _diff_side(args.a), _diff_side(args.b)
    if isinstance(a, date) and isinstance(b, date):
        books = [book for book in _loaded(args.rulebook) if book.kind == "national"]
        changes = diff(a, b, rulebook=books[0] if books else None)
    elif args.rulebook:
        raise _InputError("--rulebook applies when comparing two dates")
    elif isinstance(a, date) or isinstance(b, date):
        raise _InputError("compare two dates or two rulebook files, not a date with a file")
    elif args.as_of is None:
        raise _InputError("comparing two rulebook files needs --as-of DATE")
    else:
        changes = diff(a, b, as_of=args.as_of)
    for change in changes:
        out.write(change.describe(args.lang) + "\n")
    if not changes:
        out.write("Không có khác biệt.\n" if args.lang == "vi" else "No differences.\n")
        return EXIT_OK
    return EXIT_FINDINGS


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "check":
        return _check(args, out, err)
    if args.command == "assess":
        return _assess(args, out)
    if args.command == "explain":
        return _explain(args, out)
    if args.command == "serve":
        return _serve(args, err)
    if args.command == "schema":
        from .schemas import Proposal

        out.write(json.dumps(Proposal.model_json_schema(), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if args.action == "check":
        return _rulebook_check(args, out, err)
    if args.action == "diff":
        return _rulebook_diff(args, out)
    if args.action == "gaps":
        return _rulebook_gaps(args, out)
    from .rulebooks import example_amendment, template

    if args.example and args.instrument:
        raise _InputError("give --instrument or --example, not both")
    out.write(example_amendment() if args.example else template(args.instrument))
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        err.write(f"{exc}\n")
        return EXIT_UNREADABLE
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        return _run(args, out, err)
    except BrokenPipeError:
        _discard_output(out)
        return EXIT_BROKEN_PIPE
    except _InputError as exc:
        err.write(f"khuyencong {args.command}: {exc}\n")
    except NothingToCheckError as exc:
        err.write(f"khuyencong {args.command}: {exc.message(getattr(args, 'lang', 'vi'))}\n")
    except KhuyenCongError as exc:
        err.write(f"khuyencong {args.command}: {exc}\n")
    except OSError as exc:
        err.write(f"khuyencong {args.command}: {exc}\n")
    return EXIT_UNREADABLE


def _discard_output(out: TextIO) -> None:
    """After the reader of ``out`` closed it, send what is still buffered to /dev/null, so that
    the interpreter's final flush does not fail with a second broken pipe."""
    import os

    try:
        fileno = out.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a file (a StringIO in tests): nothing is flushed at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


def console() -> None:  # pragma: no cover - thin wrapper
    """Entry point of the ``khuyencong`` console script."""
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    console()
