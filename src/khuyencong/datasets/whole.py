"""A report file is there whole or not at all: written under a temporary name beside it and
moved over it once complete, so that a check stopped half-way (Ctrl+C, a full disk, an error)
leaves no truncated report that reads like a finished one."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["whole_file"]


@contextlib.contextmanager
def whole_file(path: str | Path, mode: str, **options: Any) -> Iterator[IO[Any]]:
    """``open(path, mode, **options)`` for writing (``mode``: ``"w"`` or ``"wb"``), but the
    file becomes ``path`` only when the block ends without an error: until then it is
    ``.<name>.<random>.part`` in the same folder (so that moving it is one rename, and it is
    made with the permissions any new file gets there); on an error it is removed and ``path``
    stays as it was.  A ``path`` that is not a regular file (``/dev/stdout``, a named pipe) is
    written directly, as it cannot be replaced; a symbolic link, the file it points to."""
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()  # the file the link points to is the report, as open() writes
    try:
        special = not stat.S_ISREG(target.stat().st_mode)
    except OSError:
        special = False  # no such file yet: it is made
    if special:
        with open(target, mode, **options) as handle:
            yield handle
        return
    part = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    handle = open(part, mode.replace("w", "x"), **options)  # noqa: SIM115 - closed below
    try:
        with handle:
            yield handle
        os.replace(part, target)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
