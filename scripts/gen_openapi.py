"""Regenerate the committed OpenAPI document of the HTTP API, docs/api/openapi.json.

Usage (from the repository root; needs ``khuyencong[serve]``)::

    .venv/bin/python scripts/gen_openapi.py
"""

from __future__ import annotations

from pathlib import Path

from khuyencong.server.app import openapi_text

TARGET = Path(__file__).resolve().parent.parent / "docs" / "api" / "openapi.json"


def main() -> None:
    """Write the document and name it."""
    TARGET.write_text(openapi_text(), encoding="utf-8", newline="\n")
    print(TARGET.relative_to(TARGET.parent.parent.parent))


if __name__ == "__main__":
    main()
