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

Modules: :mod:`.parser` (arguments, help in vi/en), :mod:`.check`, :mod:`.assess`,
:mod:`.rulebook`, :mod:`.serve`, :mod:`.common` (exit codes, input errors) and :mod:`.terminal`
(width, wrapping, progress).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from ..errors import KhuyenCongError, NothingToCheckError, RulebookError
from .assess import _assess, _explain, assessment_json
from .check import _check
from .common import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_UNREADABLE,
    _InputError,
    _UsageError,
)
from .parser import _chosen_lang, _parser, argparse_speaks
from .rulebook import _rulebook_check, _rulebook_diff, _rulebook_gaps
from .serve import _serve
from .terminal import fit

__all__ = ["assessment_json", "console", "main"]


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
        from ..schemas import Proposal

        out.write(json.dumps(Proposal.model_json_schema(), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if args.action == "check":
        return _rulebook_check(args, out, err)
    if args.action == "diff":
        return _rulebook_diff(args, out)
    if args.action == "gaps":
        return _rulebook_gaps(args, out)
    from ..rulebooks import example_amendment, template

    if args.example and args.instrument:
        from ..l10n.catalog import render

        raise _InputError(render("cli.instrument_or_example", None, args.lang))
    out.write(example_amendment() if args.example else template(args.instrument))
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    out = out or sys.stdout
    err = err or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _chosen_lang(argv)
    try:
        with contextlib.redirect_stdout(out), argparse_speaks(lang):
            args = _parser(lang).parse_args(argv)
    except _UsageError as exc:
        err.write(f"{exc}\n")
        return EXIT_UNREADABLE
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    args.lang = getattr(args, "lang", None) or lang
    try:
        return _run(args, out, err)
    except BrokenPipeError:
        _discard_output(out)
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        from ..l10n.catalog import render

        # A report file given with --output is left as it was (datasets.whole).
        err.write(
            fit(f"khuyencong {args.command}: {render('cli.interrupted', None, args.lang)}\n", err)
        )
        return EXIT_INTERRUPTED
    except _InputError as exc:
        text = str(exc)
    except (NothingToCheckError, RulebookError) as exc:
        text = exc.message(getattr(args, "lang", "vi"))
    except KhuyenCongError as exc:
        # a layout error, an invalid value...: in the chosen language when it can say it
        message = getattr(exc, "message", None)
        text = message(args.lang) if callable(message) else str(exc)
    except OSError as exc:
        text = str(exc)
    # wrapped to the terminal's width (COLUMNS), as the reports on stdout
    err.write(fit(f"khuyencong {args.command}: {text}\n", err))
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
