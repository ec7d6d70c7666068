"""The API routes: assess, explain, check, rulebooks, catalogue, gaps, schema, health."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import AsyncIterator, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache, partial
from pathlib import Path
from typing import Annotated, Any, Literal

import anyio
import attrs
from fastapi import APIRouter, Query, Request
from fastapi.responses import PlainTextResponse, StreamingResponse
from starlette.types import Receive, Scope, Send

from .. import __version__
from .. import rulebooks as kc_rulebooks
from ..cli import assessment_json
from ..rulebooks import Rulebook
from ..rules import Assessment, assess
from .checking import OUTPUTS, TimeUp, run_check, time_up
from .models import AssessmentOut, AssessRequest, ExplanationOut, Health, ProblemOut, RulebookOut
from .problems import MEDIA_TYPE, Problem, language
from .settings import Settings
from .upload import receive

__all__ = ["router"]

_PROBLEMS: dict[int | str, dict[str, Any]] = {
    code: {"model": ProblemOut, "content": {MEDIA_TYPE: {}}, "description": text}
    for code, text in (
        (404, "Not found"),
        (422, "Invalid input: every problem by field path"),
    )
}
_CHUNK = 64 * 1024

router = APIRouter()


def _books(request: Request) -> Mapping[str, Rulebook]:
    books: Mapping[str, Rulebook] = request.app.state.rulebooks
    return books


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _chosen(request: Request, ids: list[str]) -> list[Rulebook] | None:
    """The rulebooks named by ``ids`` (None: the built-in national rulebook alone)."""
    books = _books(request)
    unknown = [i for i in ids if i not in books]
    if unknown:
        offered = ", ".join(books)
        raise Problem(
            422,
            "unknown_rulebook",
            {"unknown": ", ".join(unknown), "offered": offered},
            extra={"unknown": unknown, "available": list(books)},
        )
    return [books[i] for i in ids] or None


async def _assess(request: Request, body: AssessRequest) -> Assessment:
    """:func:`khuyencong.assess` in a worker thread, answered with 503 past the time limit."""
    books = _chosen(request, body.rulebooks)
    limit = _settings(request).time_limit
    job = partial(assess, body.proposal, as_of=body.as_of, rulebooks=books)
    try:
        with anyio.fail_after(limit):
            return await anyio.to_thread.run_sync(job, abandon_on_cancel=True)
    except TimeoutError:
        raise time_up(limit) from None


@router.post(
    "/assess",
    response_model=AssessmentOut,
    responses=_PROBLEMS,
    summary="Assess one proposal (khuyencong.assess)",
    tags=["proposals"],
)
async def post_assess(request: Request, body: AssessRequest) -> dict[str, Any]:
    """The assessment of the proposal under the rules in force on ``as_of``: status, support
    per budget line with its clause, findings in the language of ``Accept-Language`` (vi by
    default) and in both languages.  Amounts are strings of whole đồng."""
    return assessment_json(await _assess(request, body), language(request))


@router.post(
    "/explain",
    response_model=ExplanationOut,
    responses=_PROBLEMS,
    summary="Explain the assessment of one proposal (Assessment.explain)",
    tags=["proposals"],
)
async def post_explain(request: Request, body: AssessRequest) -> dict[str, Any]:
    """The readable explanation, with citations, as a clerk would write it."""
    lang = language(request)
    a = await _assess(request, body)
    return {"lang": lang, "as_of": a.as_of, "status": str(a.status), "explanation": a.explain(lang)}


_CHECK_BODY = {
    "requestBody": {
        "required": True,
        "description": "The plan file: a form field `file` (multipart/form-data), or the file "
        "itself as the body (its type from `format` or Content-Type).",
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            },
            "text/csv": {"schema": {"type": "string", "format": "binary"}},
            OUTPUTS["xlsx"][0]: {"schema": {"type": "string", "format": "binary"}},
            "application/x-ndjson": {"schema": {"type": "string", "format": "binary"}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


async def _chunks(path: Path) -> AsyncIterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            yield chunk


class _Report(StreamingResponse):
    """A report streamed from the request's temporary directory, which is removed once the
    response is over — sent, failed, or abandoned by a client that went away."""

    def __init__(self, directory: Path, path: Path, **kwargs: Any) -> None:
        super().__init__(_chunks(path), **kwargs)
        self.directory = directory

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)


@router.post(
    "/check",
    summary="Check a plan file (khuyencong.datasets.validate)",
    tags=["datasets"],
    openapi_extra=_CHECK_BODY,
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The report: JSON {rows, summary}, CSV, XLSX or HTML",
            "content": {media: {} for media, _ in OUTPUTS.values()},
        },
        400: {"model": ProblemOut, "description": "No file"},
        413: {"model": ProblemOut, "description": "Upload too large or too many rows"},
        415: {"model": ProblemOut, "description": "Unsupported format"},
        422: {"model": ProblemOut, "description": "Unreadable file, unknown rulebook"},
        503: {"model": ProblemOut, "description": "Time limit exceeded"},
    },
)
async def post_check(
    request: Request,
    as_of: Annotated[
        date | None,
        Query(description="Date the rules are read at; default: each proposal's own date"),
    ] = None,
    rulebook: Annotated[
        list[str] | None, Query(description="Rulebook ids (GET /rulebooks), repeatable")
    ] = None,
    output: Annotated[
        Literal["json", "csv", "xlsx", "html"], Query(description="The report's format")
    ] = "json",
    format: Annotated[
        Literal["csv", "xlsx", "jsonl"] | None,
        Query(description="The upload's format; default: from its name, type or content"),
    ] = None,
    lang: Annotated[
        Literal["vi", "en"] | None, Query(description="Overrides Accept-Language")
    ] = None,
) -> StreamingResponse:
    """Check every row of a plan file (CSV, XLSX, JSON Lines): rows in = rows out, each with
    its status and findings citing their clauses, and a summary.  The upload is limited in
    size and rows (413), the work in time (503); the file and the report live in a temporary
    directory removed once the response is sent."""
    settings = _settings(request)
    deadline = time.monotonic() + settings.time_limit
    books = _chosen(request, rulebook or [])
    lang_ = lang or language(request)
    directory = Path(tempfile.mkdtemp(prefix="khuyencong-check-"))
    try:
        try:
            with anyio.fail_after(settings.time_limit):
                path, name = await receive(request, directory, settings.max_upload_bytes, format)
        except TimeoutError:
            raise time_up(settings.time_limit) from None
        job = partial(
            run_check,
            path,
            name=name,
            as_of=as_of,
            rulebooks=books,
            output=output,
            lang=lang_,
            max_rows=settings.max_rows,
            deadline=deadline,
        )
        try:
            report = await anyio.to_thread.run_sync(job)
        except TimeUp:
            raise time_up(settings.time_limit) from None
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    media, suffix = OUTPUTS[output]
    headers = {
        "Content-Disposition": f'attachment; filename="khuyencong-report.{suffix}"',
        "Content-Language": lang_,
        "Content-Length": str(report.stat().st_size),
    }
    if output == "html":
        headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
        )
    return _Report(directory, report, media_type=media, headers=headers)


@router.get(
    "/rulebooks", response_model=list[RulebookOut], summary="Rulebooks offered", tags=["rules"]
)
def get_rulebooks(request: Request) -> list[dict[str, Any]]:
    """The built-in national rulebook and the provincial or amendment rulebooks this server
    was started with; name them by ``id`` in ``/assess``, ``/explain``, ``/check``."""
    return [
        {
            "id": b.id,
            "title_vi": b.title_vi,
            "title_en": b.title_en,
            "kind": b.kind,
            "province": b.province,
            "illustrative": b.illustrative,
        }
        for b in _books(request).values()
    ]


@router.get(
    "/rulebooks/{rulebook_id}/catalogue",
    response_class=PlainTextResponse,
    responses={
        200: {"content": {"text/markdown": {}}, "description": "The catalogue (Markdown)"},
        **_PROBLEMS,
    },
    summary="A rulebook's catalogue: every parameter, dated and cited",
    tags=["rules"],
)
def get_catalogue(request: Request, rulebook_id: str) -> PlainTextResponse:
    """Every parameter of the rulebook with its dated values, citations and provenance, as
    Markdown (the page ``docs/rules/catalogue.md`` is this for the national rulebook)."""
    from ..catalogue import render_catalogue

    books = _books(request)
    if rulebook_id not in books:
        raise Problem(
            404,
            "unknown_rulebook",
            {"rulebook_id": rulebook_id},
            extra={"available": list(books)},
            key="server.detail.unknown_rulebook.2",
        )
    return PlainTextResponse(
        render_catalogue(books[rulebook_id]), media_type="text/markdown; charset=utf-8"
    )


def _plain(value: Any) -> Any:
    """A library result as JSON-ready data: amounts and dates as strings, never floats."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "to_dict"):
        return _plain(value.to_dict())
    if hasattr(value, "model_dump"):
        return _plain(value.model_dump())
    if attrs.has(type(value)):
        return {f.name: _plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    return str(value)


@router.get(
    "/gaps",
    summary="What the law governs on a date but the rulebooks do not encode",
    tags=["rules"],
)
def get_gaps(
    request: Request,
    as_of: Annotated[date, Query(description="The date (YYYY-MM-DD)")],
    rulebook: Annotated[list[str] | None, Query(description="Rulebook ids, repeatable")] = None,
) -> Any:
    """The gaps of the rulebooks at ``as_of`` (:func:`khuyencong.rulebooks.gaps`): every parameter
    and rule not known on that date, with its governing instrument and why, in the language of
    ``Accept-Language``; and what the loaded amendment rulebooks fill."""
    report = kc_rulebooks.gaps(as_of, rulebooks=_chosen(request, rulebook or []))
    return report.to_dict(language(request))


@cache
def _schemas() -> dict[str, dict[str, Any]]:
    from ..schemas.jsonschema import generate

    return generate()


@router.get(
    "/schema/{model}",
    responses={200: {"content": {"application/schema+json": {}}}, **_PROBLEMS},
    summary="JSON Schema of a public model",
    tags=["schemas"],
)
def get_schema(model: str) -> Any:
    """The JSON Schema (draft 2020-12, what a user may send) of ``Proposal``, ``AnnualPlan``,
    ``Beneficiary``, ``BudgetLine``, ``FundingSource``, ``Citation``… (as ``docs/schema/``)."""
    schemas = _schemas()
    if model not in schemas:
        raise Problem(
            404,
            "unknown_model",
            {"model": model, "schemas": ", ".join(schemas)},
            extra={"available": list(schemas)},
        )
    return schemas[model]


@router.get("/labels", summary="Labels of the codes a report uses", tags=["schemas"])
def get_labels() -> dict[str, dict[str, dict[str, str]]]:
    """The Vietnamese and English labels of the activity-content and funding-source codes (a
    report's summary is keyed by code; a key of several contents joins them with ``+``)."""
    from ..schemas import ActivityContent, FundingSourceKind

    return {
        name: {m.value: {"vi": m.label("vi"), "en": m.label("en")} for m in kind}
        for name, kind in (("content", ActivityContent), ("funding", FundingSourceKind))
    }


@router.get("/health", response_model=Health, summary="Liveness", tags=["service"])
def get_health(request: Request) -> dict[str, Any]:
    """``ok``, the library's version and the rulebook ids offered."""
    return {"status": "ok", "version": __version__, "rulebooks": list(_books(request))}
