"""Receive a ``/check`` upload into a temporary directory, refusing it as soon as it is too large.

The body is read as a stream: a ``Content-Length`` beyond the limit is refused before a byte is
read, and a body without one (or lying about it) is counted while it arrives and refused at the
first byte over the limit.  A ``multipart/form-data`` body (field ``file``, as a browser form
sends) is parsed on the fly; any other body is the file itself, its format named by the
``format`` parameter or its ``Content-Type``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import IO, Final

from babel.numbers import format_decimal
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from ..l10n.catalog import NO_PARAMS, Msg, Text
from .problems import Problem

__all__ = ["FORMATS", "receive"]

FORMATS: Final = ("csv", "xlsx", "jsonl")
_SUFFIXES: Final = {
    ".csv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_MEDIA: Final = {
    "text/csv": "csv",
    "application/csv": "csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/jsonl": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/x-jsonlines": "jsonl",
}


def size_words(limit: int) -> Msg:
    """A size as a person reads it: bytes under 1 KB ("1.000 byte"), else KB or MB to one
    decimal with the exact bytes beside ("1,5 KB (1.536 byte)"; 1 KB = 1.024 byte)."""
    if limit < 1024:
        return Msg("size.bytes", {"n": limit})
    key, scale = ("size.kb", 1024) if limit < 1024 * 1024 else ("size.mb", 1024 * 1024)
    shown = Decimal(limit) / scale
    vi, en = (format_decimal(shown, "#,##0.#", locale=lang) for lang in ("vi", "en"))
    return Msg(key, {"size": Text(vi, en), "n": limit})


def _too_large(limit: int) -> Problem:
    return Problem(
        413,
        "upload_too_large",
        {"size": size_words(limit)},
        extra={"limit_bytes": limit},
        key="server.detail.upload_too_large.2",
    )


class _Multipart:
    """Callbacks of the streaming multipart parser: the part named ``file`` goes to disk."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.filename: str | None = None
        self.seen_file = False
        self._handle: IO[bytes] | None = None
        self._field = b""
        self._value = b""
        self._headers: dict[bytes, bytes] = {}

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[self._field.lower()] = self._value
        self._field = self._value = b""

    def on_headers_finished(self) -> None:
        _, params = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._headers = {}
        if params.get(b"name") == b"file" and not self.seen_file:
            self.seen_file = True
            raw = params.get(b"filename")
            self.filename = raw.decode("utf-8", "replace") if raw else None
            self._handle = self.target.open("wb")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._handle is not None:
            self._handle.write(data[start:end])

    def on_part_end(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def close(self) -> None:
        self.on_part_end()


def _format(given: str | None, filename: str | None, media: str, head: bytes) -> str:
    if given:
        if given not in FORMATS:
            raise Problem(
                415,
                "unsupported_format",
                {"given": repr(given)},
            )
        return given
    if filename:
        suffix = Path(filename).suffix.lower()
        if suffix in _SUFFIXES:
            return _SUFFIXES[suffix]
        if suffix in (".xls", ".ods", ".xlsm", ".json"):
            raise Problem(
                415,
                "unsupported_format",
                {"suffix": suffix},
                key="server.detail.unsupported_format.2",
            )
    if media in _MEDIA:
        return _MEDIA[media]
    return "xlsx" if head.startswith(b"PK\x03\x04") else "csv"


def _display_name(filename: str | None, fmt: str) -> str:
    """The name the client gave its file (base name only, printable, at most 120 characters),
    shown in the report instead of the server's temporary path."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable()).strip()[:120]
    return name or f"upload.{fmt}"


async def receive(
    request: Request, directory: Path, limit: int, given: str | None
) -> tuple[Path, str]:
    """Stream the uploaded file of ``request`` into ``directory``; return its path, named
    ``upload.<format>``, and the name to show for it (the client's file name).  Raises :class:`Problem` 413 past ``limit`` bytes (counted over the
    whole body), 400 when there is no file, 415 for a format that cannot be read."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise _too_large(limit)
    media, params = parse_options_header(request.headers.get("content-type", ""))
    media_type = media.decode("latin-1").lower()
    partial = directory / "upload.part"
    received = 0
    parts: _Multipart | None = None
    parser: MultipartParser | None = None
    if media_type == "multipart/form-data":
        boundary = params.get(b"boundary")
        if not boundary:
            raise Problem(
                400,
                "no_file",
                NO_PARAMS,
                key="server.detail.no_file.2",
            )
        parts = _Multipart(partial)
        parser = MultipartParser(
            boundary,
            {
                "on_header_field": parts.on_header_field,
                "on_header_value": parts.on_header_value,
                "on_header_end": parts.on_header_end,
                "on_headers_finished": parts.on_headers_finished,
                "on_part_data": parts.on_part_data,
                "on_part_end": parts.on_part_end,
            },
        )
    raw = partial.open("wb") if parser is None else None
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise _too_large(limit)
            if parser is not None:
                parser.write(chunk)
            elif raw is not None:
                raw.write(chunk)
        if parser is not None:
            parser.finalize()
    except ValueError as exc:  # python-multipart's errors derive from ValueError
        raise Problem(
            400,
            "invalid_request",
            {"exc": exc},
        ) from None
    finally:
        if parts is not None:
            parts.close()
        if raw is not None:
            raw.close()
    if not partial.exists() or partial.stat().st_size == 0:
        raise Problem(
            400,
            "no_file",
            NO_PARAMS,
        )
    with partial.open("rb") as handle:
        head = handle.read(4)
    filename = parts.filename if parts else None
    fmt = _format(given, filename, media_type, head)
    return partial.rename(directory / f"upload.{fmt}"), _display_name(filename, fmt)
