"""The JSON report's rows are put together by hand for speed (datasets/jsonrows.py): they must be,
byte for byte, what ``json.dumps`` writes of :func:`~khuyencong.datasets.report.record` with the
findings as objects and the amounts and dates as text."""

from __future__ import annotations

import json
from typing import Any

import pytest

from khuyencong.datasets import example_path, validate
from khuyencong.datasets.report import record

AS_TEXT = ("cost", "requested", "counterpart", "allowed", "allowed_if_eligible", "as_of")


def _expected(result: Any, lang: str) -> str:
    item = record(result, lang)
    item["findings"] = [
        {
            "code": f.code,
            "severity": f.severity,
            "column": f.where(lang),
            "message": f.message(lang),
            "citation": f.citation(lang),
            "citation_key": f.citation_key,
            "line": f.line,
        }
        for f in result.findings
    ]
    for key in AS_TEXT:
        value = item[key]
        item[key] = None if value is None else getattr(value, "isoformat", value.__str__)()
    return json.dumps(item, ensure_ascii=False)


@pytest.mark.parametrize("example", ["tidy", "mau-2"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_json_row_is_what_json_dumps_writes(example: str, lang: str) -> None:
    report = validate(example_path(example))
    text = report.to_json(lang=lang)
    assert text is not None
    body = text.split('{"rows": [\n', 1)[1].split('\n],\n"summary": ', 1)[0]
    expected = [_expected(r, lang) for r in report]
    assert body.split(",\n") == expected
    assert len(expected) > 10  # every row of the example, not a vacuous comparison
