"""JSON Schema of the public boundary models.

The schemas are committed under ``docs/schema/`` (one file per model) so that systems written in
other languages can validate data before they send it.  Regenerate them after changing a model::

    python scripts/gen_schema.py

A test fails when the committed files and the models disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .beneficiary import Beneficiary
from .citation import Citation
from .locality import Locality2025, LocalityPre2025
from .proposal import AnnualPlan, BudgetLine, FundingSource, HistoryEntry, Proposal

__all__ = ["JSON_SCHEMA_DIALECT", "MODELS", "generate", "render", "write"]

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

MODELS: tuple[type[BaseModel], ...] = (
    Citation,
    Beneficiary,
    LocalityPre2025,
    Locality2025,
    FundingSource,
    BudgetLine,
    HistoryEntry,
    Proposal,
    AnnualPlan,
)
"""The public models whose schema is published, in the order a reader meets them."""


def generate() -> dict[str, dict[str, Any]]:
    """Return the JSON Schema (validation mode: what a user may send) of every public model,
    keyed by the model's name."""
    schemas: dict[str, dict[str, Any]] = {}
    for model in MODELS:
        schema = {"$schema": JSON_SCHEMA_DIALECT, **model.model_json_schema(mode="validation")}
        schemas[model.__name__] = schema
    return schemas


def render(schema: dict[str, Any]) -> str:
    """Serialise one schema the way the committed files hold it: pretty-printed, keys sorted,
    Vietnamese text kept readable, a trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write(directory: Path) -> list[Path]:
    """Write ``<Model>.json`` for every public model into ``directory``; return the paths.

    Files of models that no longer exist are not deleted: removing a published schema is a
    decision for a person.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, schema in generate().items():
        path = directory / f"{name}.json"
        path.write_text(render(schema), encoding="utf-8", newline="\n")
        written.append(path)
    return written
