"""Regenerate the committed JSON Schema files in docs/schema/ from the models.

Usage (from the repository root)::

    .venv/bin/python scripts/gen_schema.py
"""

from __future__ import annotations

from pathlib import Path

from khuyencong.schemas.jsonschema import write

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "docs" / "schema"


def main() -> None:
    """Write one ``<Model>.json`` per public model and list the files."""
    for path in write(SCHEMA_DIR):
        print(path.relative_to(SCHEMA_DIR.parent.parent))


if __name__ == "__main__":
    main()
