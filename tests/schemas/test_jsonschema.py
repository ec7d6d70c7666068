"""The committed JSON Schema files in docs/schema/ match the models."""

from __future__ import annotations

import json

from khuyencong.schemas.jsonschema import JSON_SCHEMA_DIALECT, MODELS, generate, render

from ..conftest import REPO_ROOT

SCHEMA_DIR = REPO_ROOT / "docs" / "schema"
REGENERATE = "regenerate them with: .venv/bin/python scripts/gen_schema.py"


def test_one_schema_per_public_model() -> None:
    assert list(generate()) == [
        "Citation",
        "Beneficiary",
        "LocalityPre2025",
        "Locality2025",
        "FundingSource",
        "BudgetLine",
        "HistoryEntry",
        "Proposal",
        "AnnualPlan",
    ]
    assert [model.__name__ for model in MODELS] == list(generate())


def test_committed_files_match_the_models() -> None:
    drifted = []
    for name, schema in generate().items():
        path = SCHEMA_DIR / f"{name}.json"
        if not path.exists() or path.read_text(encoding="utf-8") != render(schema):
            drifted.append(path.name)
    assert not drifted, f"docs/schema/ is out of date for {', '.join(drifted)}; {REGENERATE}"


def test_no_stale_schema_files() -> None:
    committed = {path.stem for path in SCHEMA_DIR.glob("*.json")}
    stale = committed - set(generate())
    assert not stale, f"docs/schema/ has files of no public model: {sorted(stale)}; delete them"


def test_generation_is_stable_and_pretty() -> None:
    first = {name: render(schema) for name, schema in generate().items()}
    second = {name: render(schema) for name, schema in generate().items()}
    assert first == second
    text = first["Citation"]
    assert text.endswith("}\n")
    assert text.startswith('{\n  "')  # two-space indentation
    parsed = json.loads(text)
    assert list(parsed) == sorted(parsed)  # keys sorted
    assert parsed["$schema"] == JSON_SCHEMA_DIALECT


def test_proposal_schema_states_what_is_required() -> None:
    schema = generate()["Proposal"]
    assert sorted(schema["required"]) == ["code", "funding", "plan_year", "title"]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["plan_year"]["minimum"] == 2000
    assert "Nội dung hoạt động khuyến công" in json.dumps(schema, ensure_ascii=False)


def test_money_is_a_non_negative_integer_or_a_string_of_digits() -> None:
    cost = generate()["BudgetLine"]["properties"]["cost"]
    assert cost["anyOf"] == [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": "^[0-9]+$"},
    ]
    assert cost["description"] == "Tổng chi phí"
    assert '"ge"' not in render(generate()["Proposal"])
