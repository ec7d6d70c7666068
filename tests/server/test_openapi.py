"""The committed OpenAPI document matches the application."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi", reason="the server needs khuyencong[serve]")

from khuyencong.server.app import openapi_text

from ..conftest import REPO_ROOT

DOCUMENT = REPO_ROOT / "docs" / "api" / "openapi.json"


def test_the_committed_openapi_document_is_current() -> None:
    assert DOCUMENT.read_text(encoding="utf-8") == openapi_text(), (
        "docs/api/openapi.json is out of date; regenerate it with: "
        ".venv/bin/python scripts/gen_openapi.py"
    )


def test_the_document_describes_every_route_from_the_models() -> None:
    document = json.loads(openapi_text())
    assert set(document["paths"]) == {
        "/assess",
        "/explain",
        "/check",
        "/rulebooks",
        "/rulebooks/{rulebook_id}/catalogue",
        "/gaps",
        "/schema/{model}",
        "/labels",
        "/health",
    }
    schemas = document["components"]["schemas"]
    assert "Proposal-Input" in schemas or "Proposal" in schemas
    check = document["paths"]["/check"]["post"]
    assert "multipart/form-data" in check["requestBody"]["content"]
    assert "413" in check["responses"]
