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


def _awkward_plan(path: Any) -> Any:
    """The tidy example's brand proposal written 40 times (one profile: the columnar engine
    writes them from a template's block), with codes and titles holding what JSON escapes or
    UTF-8 writes in two, three and four bytes."""
    lines = example_path("tidy").read_text(encoding="utf-8-sig").splitlines()
    header, brand = lines[1], next(x for x in lines if x.startswith("QG-2016-002,"))
    titles = [
        'Thương hiệu "nước mắm" Cát Bà',
        "Đường dẫn C:\\mẫu\\tệp",
        "Chè 🍵 Thái Nguyên",
        "Tab\tvà ký tự \u0001 lạ",
        "Ứng dụng máy sao chè",
    ]
    rows = []
    for n in range(40):
        cells = brand.split(",")
        cells[0] = f"QG-2016-{n:03d}"
        cells[1] = '"' + titles[n % len(titles)].replace('"', '""') + '"'
        rows.append(",".join(cells))
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_json_file_is_the_json_text_in_utf8(tmp_path: Any, lang: str) -> None:
    # to_json(path) writes bytes as it makes them, to_json() and a text stream get text:
    # the file must hold exactly the text's UTF-8, and the text json.dumps's rows.
    plan = _awkward_plan(tmp_path / "plan.csv")
    report = validate(plan)
    text = report.to_json(lang=lang)
    assert text is not None
    report.to_json(tmp_path / "report.json", lang=lang)
    assert (tmp_path / "report.json").read_bytes() == text.encode("utf-8")
    body = text.split('{"rows": [\n', 1)[1].split('\n],\n"summary": ', 1)[0]
    expected = [_expected(r, lang) for r in report]
    assert body.split(",\n") == expected
    assert len(expected) == 40
    assert all(part in text for part in ("🍵", '\\"nước mắm\\"', "C:\\\\mẫu", "\\t"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_csv_file_is_the_csv_text_in_utf8_with_a_bom(tmp_path: Any, lang: str) -> None:
    # The CSV report is made as bytes too: a file gets the byte-order mark and the text's
    # UTF-8, a binary stream the UTF-8 alone, and the text reads back as the rows' titles.
    import codecs
    import csv
    import io

    plan = _awkward_plan(tmp_path / "plan.csv")
    report = validate(plan)
    text = report.to_csv(lang=lang)
    report.to_csv(tmp_path / "report.csv", lang=lang)
    assert (tmp_path / "report.csv").read_bytes() == codecs.BOM_UTF8 + text.encode("utf-8")
    raw = io.BytesIO()
    report.to_csv(raw, lang=lang)
    assert raw.getvalue() == text.encode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 41
    plan_titles = [r[1] for r in csv.reader(plan.read_text(encoding="utf-8").splitlines())][1:]
    assert [r[2] for r in rows[1:]] == plan_titles
