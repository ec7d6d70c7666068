"""How a server is configured: limits, CORS origins and the rulebooks it offers, given once at
start (command-line options, or the environment of each worker process)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from ..errors import RulebookError
from ..rulebooks import Rulebook, load_rulebook, national

__all__ = ["ENV_VAR", "Settings", "load_rulebooks"]

ENV_VAR: Final = "KHUYENCONG_SERVE_SETTINGS"
"""The environment variable that carries the settings (JSON) to each worker process."""


@attrs.frozen
class Settings:
    """The server's configuration.

    ``max_upload_bytes`` and ``max_rows`` bound a ``/check`` upload (413 beyond them);
    ``time_limit`` is the seconds one request may take (503 beyond it); ``cors_origins`` are
    the origins allowed to call the API from a browser (none: CORS off); ``rulebooks`` are
    rulebook files or directories of ``*.toml`` files, offered to requests by their ``id`` —
    a request never names a server path.
    """

    max_upload_bytes: int = 50 * 1024 * 1024
    max_rows: int = 200_000
    time_limit: float = 120.0
    cors_origins: tuple[str, ...] = ()
    rulebooks: tuple[str, ...] = ()

    def to_env(self) -> str:
        """These settings as JSON, for :data:`ENV_VAR`."""
        return json.dumps(attrs.asdict(self))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings in :data:`ENV_VAR`, or the defaults when it is not set."""
        text = (os.environ if environ is None else environ).get(ENV_VAR)
        if not text:
            return cls()
        data: dict[str, Any] = json.loads(text)
        data["cors_origins"] = tuple(data.get("cors_origins", ()))
        data["rulebooks"] = tuple(data.get("rulebooks", ()))
        return cls(**data)


def _files(paths: Iterable[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(path.glob("*.toml"))
        else:
            files.append(path)
    return files


def load_rulebooks(paths: Iterable[str]) -> dict[str, Rulebook]:
    """The built-in national rulebook and every rulebook in ``paths`` (files, or directories
    of ``*.toml`` files), by id.  Raises :class:`~khuyencong.errors.RulebookError` for a file
    that does not load or an id given twice."""
    books = {national().id: national()}
    for path in _files(paths):
        book = load_rulebook(path)
        if book.id in books:
            raise RulebookError(f"{path}: the rulebook id {book.id!r} is already taken")
        books[book.id] = book
    return books
