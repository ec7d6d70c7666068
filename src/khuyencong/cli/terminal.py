"""The terminal side of the command line: the language, tables that fit the width, progress.

Nothing here imports more than the standard library and :mod:`khuyencong.l10n`.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final, TextIO, TypeVar

__all__ = [
    "Progress",
    "count_lines",
    "default_lang",
    "fit",
    "fit_table",
    "terminal_width",
    "wrap",
]

_T = TypeVar("_T")
_MIN_WIDTH: Final = 60


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """The language of the messages when ``--lang`` is not given: from the locale (``LC_ALL``,
    else ``LC_MESSAGES``, else ``LANG``): ``en`` when it names English (``en_US.UTF-8``),
    otherwise — Vietnamese locales, ``C``, none — ``vi``."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "vi"
    return "vi"


def terminal_width() -> int:
    """The width to fit: ``COLUMNS`` when set, else the terminal's, else 80 (never below 60)."""
    return max(_MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


_SEPARATORS: Final = frozenset("›./")
"""Where a word longer than a line may break, after the character: the path separator of the
messages ("Dòng kinh phí 1›…"), a dot (``budget_lines.0.requested``, ``26/2014/TTLT-BTC-BCT``)
and a slash."""
_SPACES: Final = str.maketrans("\t\n\r\v\f", "     ")


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` wrapped to ``width`` columns, continuation lines indented by ``indent``.

    Lines break at spaces (the spaces of a break are dropped; other whitespace counts as a
    space).  A word too long for a line of its own breaks after a separator (``›``, ``.``,
    ``/``) — as late as fits, starting on the current line when a piece fits there — and only
    where it has none in reach, in the middle; no other character is ever dropped."""
    room_of_line = max(1, width - len(indent))
    lines: list[str] = []
    line = ""
    fresh = True  # nothing but the indent on the current line yet

    def new_line() -> None:
        nonlocal line, fresh
        lines.append(line)
        line, fresh = indent, True

    for space, word in re.findall(r"( *)([^ ]+)", text.translate(_SPACES)):
        gap = space if not fresh or (not lines and not line) else ""  # leading spaces kept
        while word:
            if fresh and len(line) + len(gap) + len(word) > width:
                gap = ""  # the text's leading spaces give way to its first word
            room = max(width - len(line) - len(gap), 1 if fresh else 0)
            if len(word) <= room:
                line += gap + word
                fresh = False
                break
            if not fresh and len(word) <= room_of_line:
                new_line()  # the word goes whole to the next line
                gap = ""
                continue
            cut = max((i + 1 for i, ch in enumerate(word[:room]) if ch in _SEPARATORS), default=0)
            if not cut and not fresh:
                new_line()
                gap = ""
                continue
            cut = cut or max(1, room)
            line += gap + word[:cut]
            word = word[cut:]
            gap = ""
            new_line()
    if not fresh or line.strip():
        lines.append(line)
    return [ln.rstrip() for ln in lines] or [""]


def fit(text: str, stream: TextIO) -> str:
    """``text`` with each line wrapped to the terminal's width when ``stream`` is a terminal or
    ``COLUMNS`` is set (a file or a pipe gets whole lines), continuation lines indented under
    the line's own indent (an assessment, ``explain``, the error lines on stderr)."""
    if "COLUMNS" not in os.environ and not stream.isatty():
        return text
    width = terminal_width()
    lines: list[str] = []
    for line in text.splitlines():
        indent = " " * (len(line) - len(line.lstrip(" ")) + 4)
        lines.extend(wrap(line, width, indent) if len(line) > width else [line])
    return "\n".join(lines) + "\n"


def fit_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: set[int],
    wrap_columns: Mapping[int, int],
    width: int,
) -> str:
    """A plain-text table no wider than ``width``: the columns in ``wrap_columns`` (index →
    narrowest width, never below the header) give up room, the one furthest above its narrowest
    width first, and their cells wrap onto more lines."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    gap = 2
    floor = {i: max(narrowest, len(headers[i])) for i, narrowest in wrap_columns.items()}
    while True:
        overflow = sum(widths) + gap * (len(widths) - 1) - width
        shrinkable = [i for i in floor if widths[i] > floor[i]]
        if overflow <= 0 or not shrinkable:
            break
        # One column at a time: the one furthest above its narrowest width, in proportion.
        widest = max(shrinkable, key=lambda i: widths[i] / floor[i])
        widths[widest] -= 1

    def lines(cells: Sequence[str]) -> list[str]:
        wrapped = [
            wrap(cell, widths[i]) if i in wrap_columns else [cell] for i, cell in enumerate(cells)
        ]
        out = []
        for k in range(max(len(w) for w in wrapped)):
            parts = []
            for i, w in enumerate(wrapped):
                piece = w[k] if k < len(w) else ""
                parts.append(piece.rjust(widths[i]) if i in right else piece.ljust(widths[i]))
            out.append((" " * gap).join(parts).rstrip())
        return out

    rule = (" " * gap).join("-" * w for w in widths)
    body = [line for row in rows for line in lines(row)]
    return "\n".join([*lines(headers), rule, *body])


def count_lines(path: Path, fmt: str | None) -> int | None:
    """About how many rows a CSV or JSON Lines file holds (its line breaks), for the time left
    of the progress bar; ``None`` for other formats or when the file cannot be read."""
    if fmt not in ("csv", "jsonl") and path.suffix.lower() not in (".csv", ".jsonl", ".txt"):
        return None
    try:
        count = 0
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                count += chunk.count(b"\n")
        return count
    except OSError:
        return None


def _group(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "." if lang == "vi" else ",")


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """A one-line progress bar on ``stream`` (only a terminal): rows done, a bar and the time
    left when the total is known, and the rate — "10.000 dòng… 5.000 dòng/giây"."""

    def __init__(
        self,
        stream: TextIO,
        *,
        lang: str = "vi",
        total: int | None = None,
        every: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.lang = lang
        self.total = total
        self.every = every
        self._clock = clock
        self._shown = False

    def line(self, done: int, elapsed: float) -> str:
        """The text shown after ``done`` rows in ``elapsed`` seconds."""
        from ..l10n.catalog import render as _t

        lang = self.lang
        rate = done / elapsed if elapsed > 0 else 0.0
        text = _t("cli.progress_rows", {"n": done}, lang)
        if self.total and self.total >= done:
            share = done / self.total
            filled = int(share * 20)
            text = f"[{'#' * filled}{'.' * (20 - filled)}] {share:4.0%} {text}"
        if rate:
            text += " " + _t("cli.progress_rate", {"n": _group(int(rate), lang)}, lang)
            if self.total and self.total > done:
                left = _clock((self.total - done) / rate)
                text += ", " + _t("cli.progress_left", {"left": left}, lang)
        return text

    def track(self, rows: Iterator[_T], size: Callable[[_T], int] | None = None) -> Iterator[_T]:
        """Pass ``rows`` through, updating the line every ``every`` rows; ``size``: how many
        rows an item holds (a block of rows), else one each."""
        if not self.stream.isatty():
            yield from rows
            return
        clock = self._clock
        start = clock()
        count = 0
        every = self.every
        for row in rows:
            before = count
            count += 1 if size is None else size(row)
            if count // every > before // every:
                text = self.line(count, clock() - start)
                self.stream.write("\r" + text[: terminal_width() - 1])
                self.stream.flush()
                self._shown = True
            yield row
        if self._shown:
            self.stream.write("\r" + " " * (terminal_width() - 1) + "\r")
            self.stream.flush()
