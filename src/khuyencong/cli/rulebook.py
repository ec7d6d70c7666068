"""``khuyencong rulebook check|diff|gaps``."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    pass
from .common import EXIT_FINDINGS, EXIT_OK, _InputError
from .terminal import fit


def _rulebook_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..l10n.catalog import render as _t
    from ..rulebooks import check_rulebook

    lang = args.lang
    path: Path = args.file
    try:
        path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _InputError(_t("cli.no_such_file", {"name": path}, lang)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _InputError(_t("cli.cannot_read", {"name": path, "reason": exc}, lang)) from None
    for other in args.more:
        if not other.exists():
            raise _InputError(_t("cli.no_such_file", {"name": other}, lang))
    problems = check_rulebook(path, *args.more)
    for problem in problems:
        out.write(f"{problem.text(lang)}\n")  # one a line, "file: path: problem", as a compiler
    if problems:
        err.write(_t("cli.problems", {"n": len(problems)}, lang) + "\n")
        return EXIT_FINDINGS
    for checked in (path, *args.more):
        out.write(_t("cli.ok", {"name": checked}, lang) + "\n")
    return EXIT_OK


def _loaded(paths: Sequence[Path], lang: str = "vi") -> list[Any]:
    """Rulebook files given with ``--rulebook``: national amendments merged, overlays apart."""
    from ..l10n.catalog import render as _t
    from ..rulebooks import load_rulebooks

    for path in paths:
        if not path.exists():
            raise _InputError(_t("cli.no_such_file", {"name": path}, lang))
    return load_rulebooks(paths)


def _rulebook_gaps(args: argparse.Namespace, out: TextIO) -> int:
    from ..rulebooks import gaps

    report = gaps(args.as_of, rulebooks=_loaded(args.rulebook, args.lang))
    if args.format == "json":
        out.write(json.dumps(report.to_dict(args.lang), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(fit(report.table(args.lang), out))
    return EXIT_FINDINGS if report.gaps else EXIT_OK


def _diff_side(text: str, lang: str = "vi") -> date | Any:
    """A date (YYYY-MM-DD) or a rulebook loaded from a file."""
    from ..l10n.catalog import render as _t
    from ..rulebooks import load_rulebook

    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.replace("-", "").isdigit():
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise _InputError(_t("cli.not_a_date", {"value": repr(text)}, lang)) from None
    path = Path(text)
    if not path.exists():
        raise _InputError(_t("cli.neither_date_nor_file", {"value": repr(text)}, lang))
    return load_rulebook(path)


def _rulebook_diff(args: argparse.Namespace, out: TextIO) -> int:
    from ..l10n.catalog import render as _t
    from ..rulebooks import diff

    lang = args.lang
    a, b = _diff_side(args.a, lang), _diff_side(args.b, lang)
    if isinstance(a, date) and isinstance(b, date):
        books = [book for book in _loaded(args.rulebook, lang) if book.kind == "national"]
        changes = diff(a, b, rulebook=books[0] if books else None)
    elif args.rulebook:
        raise _InputError(_t("cli.diff_rulebook_with_dates", None, lang))
    elif isinstance(a, date) or isinstance(b, date):
        raise _InputError(_t("cli.diff_date_with_file", None, lang))
    elif args.as_of is None:
        raise _InputError(_t("cli.diff_files_need_as_of", None, lang))
    else:
        changes = diff(a, b, as_of=args.as_of)
    for change in changes:  # wrapped to COLUMNS, as the other reports
        out.write(fit(change.describe(args.lang) + "\n", out))
    if not changes:
        out.write(_t("cli.no_differences", None, args.lang) + "\n")
        return EXIT_OK
    return EXIT_FINDINGS
