"""Errors as RFC 9457 problem details (``application/problem+json``), in Vietnamese or English.

Every problem carries a stable ``code`` (snake_case English, as the library's finding codes), a
``type`` URI built from it, a ``title`` and a ``detail`` in the language asked for
(``Accept-Language``; Vietnamese by default), and for invalid input ``errors``: every problem
by field path, as pydantic reports them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import DatasetError, KhuyenCongError, NotEncodedError, RulebookError
from ..l10n.catalog import NO_PARAMS, render
from ..l10n.errors import render_path, render_reason

__all__ = ["MEDIA_TYPE", "TITLES", "Problem", "field_errors", "install", "language"]

MEDIA_TYPE: Final = "application/problem+json"
TYPE_PREFIX: Final = "urn:khuyencong:problem:"

TITLES: Final[tuple[str, ...]] = (
    "invalid_request",
    "invalid_proposal",
    "unknown_rulebook",
    "unknown_model",
    "not_found",
    "method_not_allowed",
    "upload_too_large",
    "too_many_rows",
    "no_file",
    "unsupported_format",
    "unreadable_dataset",
    "rulebook_error",
    "not_encoded",
    "khuyencong_error",
    "time_limit",
    "not_available",
    "internal_error",
)
"""The problem codes; the title of each, in Vietnamese and English, is the message catalogue's
``server.title.<code>``."""

_log = logging.getLogger("khuyencong.server")


class Problem(Exception):
    """An error answered as problem details: ``status``, a ``code`` of :data:`TITLES`, the
    detail as named ``params`` of the catalogue's ``server.detail.<code>`` (or ``key``), and
    optional field ``errors`` and extra members."""

    def __init__(
        self,
        status: int,
        code: str,
        params: Mapping[str, Any] = NO_PARAMS,
        *,
        key: str | None = None,
        errors: Sequence[Mapping[str, Any]] = (),
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        self.status = status
        self.code = code
        self.params = params
        self.key = key or f"server.detail.{code}"
        """The catalogue key of the detail (``server.detail.<code>`` unless given)."""
        super().__init__(self.detail("en"))
        self.errors = list(errors)
        self.extra = dict(extra or {})

    def detail(self, lang: str) -> str:
        """The detail in ``lang``, from the message catalogue."""
        return render(self.key, self.params, lang)

    def body(self, lang: str) -> dict[str, Any]:
        """The problem details object, in ``lang``."""
        title = render(
            f"server.title.{self.code if self.code in TITLES else 'khuyencong_error'}", None, lang
        )
        body: dict[str, Any] = {
            "type": TYPE_PREFIX + self.code,
            "title": title,
            "status": self.status,
            "detail": self.detail(lang),
            "code": self.code,
        }
        if self.errors:
            body["errors"] = self.errors
        body.update(self.extra)
        return body

    def response(self, lang: str) -> JSONResponse:
        """The problem as a response with the problem media type."""
        return JSONResponse(
            self.body(lang),
            status_code=self.status,
            media_type=MEDIA_TYPE,
            headers={"Content-Language": lang},
        )


def language(request: Request) -> str:
    """``vi`` or ``en``: the ``lang`` query parameter if given, else the first of the two in
    ``Accept-Language`` by preference, else Vietnamese."""
    asked = request.query_params.get("lang")
    if asked in ("vi", "en"):
        return asked
    best, best_q = "vi", -1.0
    for position, part in enumerate(request.headers.get("accept-language", "").split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("vi", "en"):
            continue
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > best_q and q > 0:
            best, best_q = primary, q - position * 1e-6
    return best


def field_errors(
    errors: Sequence[Any], *, drop: tuple[str, ...] = ("body",), lang: str = "en"
) -> list[dict[str, Any]]:
    """pydantic's errors as ``{"path", "field", "message", "type"}``: the path joined with dots
    and without the request part (``body``) FastAPI puts first, the path in words (fields'
    labels, lists counted from 1) and the message in ``lang`` (from the message catalogue)."""
    listed = []
    for error in errors:
        loc = list(error.get("loc", ()))
        if loc and loc[0] in drop:
            loc = loc[1:]
        listed.append(
            {
                "path": ".".join(str(part) for part in loc) or "(body)",
                "field": render_path(loc, lang),
                "message": render_reason(error, lang),
                "type": str(error.get("type", "")),
            }
        )
    return listed


def from_library(exc: KhuyenCongError) -> Problem:
    """A library error as a problem: its class gives the code, its message the detail (the
    library's messages are English with Vietnamese names and citations)."""
    text = str(exc)
    if isinstance(exc, NotEncodedError):
        extra = {"instrument": exc.instrument} if exc.instrument else None
        return Problem(422, "not_encoded", {"text": text}, extra=extra)
    if isinstance(exc, DatasetError):
        return Problem(422, "unreadable_dataset", {"text": text})
    if isinstance(exc, RulebookError):
        return Problem(422, "rulebook_error", {"text": text})
    return Problem(422, "khuyencong_error", {"text": text})


def _validation_problem(errors: Sequence[Any], lang: str) -> Problem:
    listed = field_errors(errors, lang=lang)
    where = "proposal" in {e["path"].split(".")[0] for e in listed}
    count = len(listed)
    return Problem(
        422,
        "invalid_proposal" if where else "invalid_request",
        {"count": count},
        errors=listed,
        key="server.detail.invalid",
    )


def install(app: FastAPI) -> None:
    """Answer every error of ``app`` with problem details."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return exc.response(language(request))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        lang = language(request)
        return _validation_problem(exc.errors(), lang).response(lang)

    @app.exception_handler(ValidationError)
    async def _invalid_model(request: Request, exc: ValidationError) -> JSONResponse:
        errors = [dict(e, loc=("proposal", *e["loc"])) for e in exc.errors(include_url=False)]
        lang = language(request)
        return _validation_problem(errors, lang).response(lang)

    @app.exception_handler(KhuyenCongError)
    async def _library(request: Request, exc: KhuyenCongError) -> JSONResponse:
        return from_library(exc).response(language(request))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            problem = Problem(
                404,
                "not_found",
                {"path": request.url.path},
                key="server.detail.not_found.2",
            )
        elif exc.status_code == 405:
            problem = Problem(
                405,
                "method_not_allowed",
                {"method": request.method, "path": request.url.path},
            )
        else:
            problem = Problem(
                exc.status_code,
                "invalid_request",
                {"text": str(exc.detail)},
                key="server.detail.verbatim",
            )
        response = problem.response(language(request))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        _log.exception("unexpected error on %s %s", request.method, request.url.path)
        return Problem(
            500,
            "internal_error",
            NO_PARAMS,
        ).response(language(request))
