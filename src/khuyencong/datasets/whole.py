"""A report file is there whole or not at all: written under a temporary name beside it and
moved over it once complete, so that a check stopped half-way (Ctrl+C, a full disk, an error)
leaves no truncated report that reads like a finished one.  When the file cannot be written,
the error says why in the clerk's words and names the report, not the temporary file
(:class:`~khuyencong.errors.ReportFileError`)."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Final

from ..errors import ReportFileError

__all__ = ["whole_file"]

_WINDOWS: Final = os.name == "nt"
_FULL: Final = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_BUSY: Final = frozenset({errno.EBUSY, errno.ETXTBSY})


@contextlib.contextmanager
def whole_file(
    path: str | Path, mode: str, *, source: Path | None = None, **options: Any
) -> Iterator[IO[Any]]:
    """``open(path, mode, **options)`` for writing (``mode``: ``"w"`` or ``"wb"``), but the
    file becomes ``path`` only when the block ends without an error: until then it is
    ``.<name>.<random>.part`` in the same folder (so that moving it is one rename, and it is
    made with the permissions any new file gets there); on an error it is removed and ``path``
    stays as it was.  A ``path`` that is not a regular file (``/dev/stdout``, a named pipe) is
    written directly, as it cannot be replaced; a symbolic link, the file it points to.

    Opening the file, closing it and moving it over ``path`` raise
    :class:`~khuyencong.errors.ReportFileError` when the system refuses (no such folder, a
    folder's name, no permission, the file open in Excel on Windows, a full disk); so does a
    full disk while writing.  On Windows, a ``path`` already open in another program is found
    before anything is written, not after the check.  ``source``, the file the report is
    made from, is never replaced by it (``check plan.csv -o plan.csv`` would lose the plan).
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()  # the file the link points to is the report, as open() writes
    if source is not None and _same(target, source):
        raise ReportFileError("is_source", str(path))
    try:
        special = not stat.S_ISREG(target.stat().st_mode)
    except OSError:
        special = False  # no such file yet: it is made
    if special:
        try:
            handle = open(target, mode, **options)  # noqa: SIM115 - closed below
        except OSError as exc:
            raise _refused(exc, path, target) from exc
        with handle:
            yield handle
        return
    if _WINDOWS and target.exists():
        _not_in_use(path, target)
    part = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        handle = open(part, mode.replace("w", "x"), **options)  # noqa: SIM115 - closed below
    except OSError as exc:
        raise _refused(exc, path, target) from exc
    written = False
    try:
        with handle:
            yield handle
            written = True
        os.replace(part, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        if isinstance(exc, OSError) and (written or exc.errno in _FULL):
            # closing (the last write) or the move failed, or the disk is full
            raise _refused(exc, path, target) from exc
        raise


def _same(target: Path, source: Path) -> bool:
    """Whether ``target`` is the file ``source`` (through a link, another spelling of its
    path, or a case-insensitive file system)."""
    try:
        return os.path.samefile(target, source)
    except OSError:
        return False  # one of them does not exist (yet)


def _not_in_use(path: str | Path, target: Path) -> None:
    """On Windows, a file Excel has open cannot be replaced: say so before the check runs,
    rather than after (opening it to write, without writing, fails the same way)."""
    try:
        open(target, "r+b").close()  # nothing written
    except OSError as exc:
        raise _refused(exc, path, target) from exc


def _refused(exc: OSError, path: str | Path, target: Path) -> ReportFileError:
    """The report error for what the system said when writing ``target``."""
    name = str(path)
    if isinstance(exc, IsADirectoryError) or target.is_dir():
        return ReportFileError("is_folder", name)
    if isinstance(exc, FileNotFoundError | NotADirectoryError) and not target.parent.is_dir():
        return ReportFileError("no_folder", name, folder=str(target.parent))
    if exc.errno in _FULL:
        return ReportFileError("disk_full", name)
    if exc.errno in _BUSY or (isinstance(exc, PermissionError) and _WINDOWS and target.exists()):
        # Windows refuses to replace a file another program holds open (or a read-only one)
        return ReportFileError("in_use", name)
    if isinstance(exc, PermissionError):
        return ReportFileError("not_allowed", name)
    return ReportFileError("cannot_write", name, exc.strerror or str(exc))
