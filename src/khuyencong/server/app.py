"""The ASGI application: :func:`create_app` builds it from :class:`Settings`;
:func:`app_from_env` is the factory each uvicorn worker calls."""

from __future__ import annotations

from importlib.resources import files
from typing import Final

from fastapi import FastAPI
from fastapi.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from .problems import Problem, install, language
from .routes import router
from .settings import Settings, load_rulebooks

__all__ = ["JSON_BODY_LIMIT", "PAGE_CSP", "app_from_env", "create_app", "openapi_text"]

JSON_BODY_LIMIT: Final = 2 * 1024 * 1024
"""Largest body of a request other than ``/check`` (a proposal as JSON), in bytes."""

PAGE_CSP: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
"""Content-Security-Policy of the page: nothing from anywhere but this server."""

_API_CSP: Final = "default-src 'none'; frame-ancestors 'none'"
_STATIC: Final = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
}


class Guard:
    """ASGI middleware: security headers on every response, and a byte limit on every request
    body but ``/check``'s (which limits and streams its own upload)."""

    def __init__(self, app: ASGIApp, limit: int = JSON_BODY_LIMIT) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        page = scope["path"] == "/" or scope["path"].startswith("/static/")
        csp = (PAGE_CSP if page else _API_CSP).encode()
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                extra = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                    (b"cache-control", b"no-store"),
                ]
                if b"content-security-policy" not in names:
                    extra.append((b"content-security-policy", csp))
                message["headers"] = headers + [(k, v) for k, v in extra if k not in names]
            await send(message)

        limited = scope["path"] != "/check"
        length = dict(scope.get("headers", [])).get(b"content-length", b"")
        if limited and length.isdigit() and int(length) > self.limit:
            await self._refuse(scope, receive, send_with_headers)
            return
        received = 0
        over = False

        async def counted() -> Message:
            # A body without Content-Length is counted as it arrives; past the limit the
            # application is told the client went away, and its answer is replaced by a 413.
            nonlocal received, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if limited and message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    over = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not over:
                await send_with_headers(message)

        try:
            await self.app(scope, counted, guarded_send)
        except Exception:
            if not over:
                raise
        if over and not started:
            await self._refuse(scope, receive, send_with_headers)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        from starlette.requests import Request

        problem = Problem(
            413,
            "upload_too_large",
            {"limit": self.limit},
            extra={"limit_bytes": self.limit},
        )
        await problem.response(language(Request(scope)))(scope, receive, send)


def _static(name: str) -> Response:
    body = files("khuyencong.server").joinpath("static", name).read_bytes()
    return Response(body, media_type=_STATIC[name])


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application, configured by ``settings`` (the defaults when ``None``).

    Rulebook files named in the settings are loaded now, so a bad file stops the server at
    start rather than failing a request.
    """
    settings = settings or Settings()
    app = FastAPI(
        title="khuyencong",
        version=__version__,
        summary="Khuyến công proposals and plans checked against the dated, cited rules.",
        description=(
            "Assess and explain a proposal, check a plan file, read the rulebooks. Errors are "
            "RFC 9457 problem details (application/problem+json) in Vietnamese (default) or "
            "English (Accept-Language). Amounts are strings of whole đồng."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.rulebooks = load_rulebooks(settings.rulebooks)
    install(app)
    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def page() -> Response:
        return _static("index.html")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in _STATIC or name == "index.html":
            raise Problem(404, "not_found", {"name": name})
        return _static(name)

    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Accept-Language"],
        )
    app.add_middleware(Guard)
    return app


def app_from_env() -> FastAPI:
    """The application configured by :data:`~khuyencong.server.settings.ENV_VAR` (the factory
    uvicorn's workers call)."""
    return create_app(Settings.from_env())


def openapi_text() -> str:
    """The OpenAPI document of the application (default settings) as the committed
    ``docs/api/openapi.json`` holds it: pretty-printed, Vietnamese kept readable."""
    import json

    return json.dumps(create_app().openapi(), indent=2, ensure_ascii=False) + "\n"
