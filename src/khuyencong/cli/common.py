"""What the commands share: exit codes, the input errors, argument types, ``--rulebook``."""

from __future__ import annotations

import argparse
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ..errors import AmountParseError, KhuyenCongError

if TYPE_CHECKING:
    pass


EXIT_OK: Final = 0


EXIT_FINDINGS: Final = 1


EXIT_UNREADABLE: Final = 2


EXIT_BROKEN_PIPE: Final = 128 + 13  # SIGPIPE


EXIT_INTERRUPTED: Final = 128 + 2  # SIGINT


_ARGS_LANG: ContextVar[str] = ContextVar("khuyencong_cli_lang", default="vi")
"""The language of the command line while its arguments are parsed (for the messages of the
argument types below)."""


class _UsageError(Exception):
    """A command-line usage error (argparse's message), printed without a traceback."""


class _InputError(Exception):
    """An input that cannot be used, with the message to print (exit code 2)."""


def _parse_as_of(text: str) -> date:
    from ..l10n import parse_date

    try:
        return parse_date(text)
    except AmountParseError as exc:
        raise argparse.ArgumentTypeError(exc.message(_ARGS_LANG.get())) from None
    except KhuyenCongError as exc:  # pragma: no cover - parse_date raises AmountParseError
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive_count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        from ..l10n.catalog import render

        message = render("argparse.positive_count", {"value": repr(text)}, _ARGS_LANG.get())
        raise argparse.ArgumentTypeError(message)
    return int(text)


def _rulebooks(path: Path | None) -> list[Any] | None:
    """The overlay given with ``--rulebook``, loaded with :func:`khuyencong.load_rulebook`."""
    if path is None:
        return None
    from ..rulebooks import load_rulebook

    return [load_rulebook(path)]
