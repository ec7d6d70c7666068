"""The one message catalogue (issue 17): both languages, the same placeholders, every code.

The finding codes are ENUMERATED from the source (every literal code passed to a finding
constructor, found with ``ast``), not listed by hand: a new code without its texts fails here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import khuyencong
from khuyencong.l10n.catalog import LANGS, catalogue, po_path

SRC = Path(khuyencong.__file__).parent
PLACEHOLDER = re.compile(r"%\((\w+)\)s|%%|%")

FINDING_MAKERS = {
    # name of the callable: how the code is given (first positional argument or code=)
    "finding",  # datasets layer
    "Finding",
    "of",  # Finding.of
    "note",
    "_finding",  # rules/relocation.py
    "RowFinding",
    "Check",
    "_declared",  # rules/activity.py: codes=(not met, not declared)
    "_document",  # selection/dossier.py
    "_cap_check",  # selection/funding.py
}
"""Constructors of findings, whose literal ``code`` the enumeration collects."""


def _placeholders(text: str) -> list[str]:
    return sorted(m.group(1) or m.group(0) for m in PLACEHOLDER.finditer(text))


def _entries(lang: str) -> dict[str, str]:
    with po_path(lang).open("rb") as f:
        cat = read_po(f, locale=lang)
    return {str(m.id): str(m.string) for m in cat if m.id}


def test_every_key_has_both_languages() -> None:
    vi, en = _entries("vi"), _entries("en")
    assert sorted(set(vi) ^ set(en)) == []
    assert [k for k, v in vi.items() if not v.strip()] == []
    assert [k for k, v in en.items() if not v.strip()] == []


def test_placeholders_are_the_same_in_both_languages() -> None:
    vi, en = _entries("vi"), _entries("en")
    differ = {k: (vi[k], en[k]) for k in vi if _placeholders(vi[k]) != _placeholders(en[k])}
    assert differ == {}


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_is_a_valid_python_format(lang: str) -> None:
    for key, text in catalogue(lang).items():
        names = {n for n in _placeholders(text) if n not in ("%%", "%")}
        assert "%" not in PLACEHOLDER.sub("", text), key  # a lone % is written %%
        assert "%(" not in (text % dict.fromkeys(names, "x")), key


def _literal_codes(node: ast.Call) -> Iterator[str]:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name not in FINDING_MAKERS:
        return
    for kw in node.keywords:
        if kw.arg in ("code", "codes"):
            yield from _constants(kw.value)
    if node.args:
        yield from _constants(node.args[0])


def _constants(node: ast.expr) -> Iterator[str]:
    """The literal codes of an argument: a string, either branch of ``a if c else b``, or the
    strings of a tuple."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _constants(node.body)
        yield from _constants(node.orelse)
    elif isinstance(node, ast.Tuple):
        for element in node.elts:
            yield from _constants(element)


def emitted_codes(*packages: str) -> dict[str, set[str]]:
    """Every literal finding code passed to a finding constructor in ``packages`` (folders of
    the source), with the files that emit it."""
    codes: dict[str, set[str]] = {}
    for package in packages:
        for path in sorted((SRC / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call):
                    for code in _literal_codes(node):
                        codes.setdefault(code, set()).add(str(path.relative_to(SRC)))
    return codes


def test_the_enumeration_finds_codes_of_the_datasets_layer() -> None:
    # guard against a vacuous enumeration: codes known to be emitted are found
    found = emitted_codes("datasets")
    assert {"unreadable_line", "invalid", "total_mismatch", "not_assessed"} <= set(found)


SHOWN_VERBATIM: dict[str, str] = {
    # code: why its text is not (yet) a catalogue entry.  Their texts are built from rulebook
    # data or assembled in variables, and shown as they are (``finding.verbatim``).  The list
    # may only shrink: a code that gains its text, or is no longer emitted, must leave it.
    "advance_form_decided_by_department_head": "text assembled from a rulebook reason",
    "round_year": "text assembled in variables",
}
"""Finding codes whose texts are shown verbatim (both languages given by the code or the data)."""


@pytest.mark.parametrize("package", ["datasets", "rules", "selection"])
def test_every_emitted_code_has_its_text(package: str) -> None:
    missing = {
        code: sorted(files)
        for code, files in emitted_codes(package).items()
        if f"finding.{code}" not in catalogue("vi") and code not in SHOWN_VERBATIM
    }
    assert missing == {}


def test_the_verbatim_list_only_shrinks() -> None:
    emitted = emitted_codes("datasets", "rules", "selection")
    stale = {c for c in SHOWN_VERBATIM if c not in emitted or f"finding.{c}" in catalogue("vi")}
    assert stale == set()


def test_the_enumeration_finds_codes_of_the_engine_procedures_and_selection() -> None:
    found = emitted_codes("rules", "selection")
    assert {"large_enterprise", "industry_not_listed", "registration_late"} & set(found)
    assert len(found) > 50


def test_every_literal_key_rendered_in_the_source_exists() -> None:
    keys: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None))
                in ("render", "_t", "Msg")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and "." in node.args[0].value
            ):
                keys[node.args[0].value] = str(path.relative_to(SRC))
    assert keys  # the check is not vacuous
    assert {k: v for k, v in keys.items() if k not in catalogue("vi")} == {}


ENGLISH_WORDS = re.compile(
    r"\b(eligible|ineligible|not[ _]assessable|invalid|undetermined|warning|info|error|"
    r"computed|needs[ _]input|Field required|Extra inputs|Input should|exceeds|is not a|"
    r"rows?|proposals?)\b"
)
"""English statuses, severities and validation phrases that Vietnamese output must not hold."""


@pytest.mark.parametrize("kind", ["status", "line_status", "severity", "pydantic", "error", "cli"])
def test_vietnamese_texts_hold_no_english_status_severity_or_validation_phrase(kind: str) -> None:
    english = {
        key: text
        for key, text in catalogue("vi").items()
        if key.startswith(f"{kind}.") and ENGLISH_WORDS.search(PLACEHOLDER.sub("", text))
    }
    assert english == {}


def _check(monkeypatch: pytest.MonkeyPatch, *argv: str) -> str:
    import io

    from khuyencong.cli import main

    monkeypatch.setenv("COLUMNS", "100")
    out, err = io.StringIO(), io.StringIO()
    main(["check", *argv], out=out, err=err)
    return out.getvalue() + err.getvalue()


@pytest.mark.parametrize("example", [[], ["mau-2"]])
def test_the_vietnamese_report_speaks_vietnamese_and_fits_100_columns(
    monkeypatch: pytest.MonkeyPatch, example: list[str]
) -> None:
    text = _check(monkeypatch, "--example", *example)
    assert "Dòng có phát hiện" in text  # the report is there
    assert [line for line in text.splitlines() if len(line) > 100] == []
    assert ENGLISH_WORDS.findall(text) == []
    # the validation errors of the example are in Vietnamese, with their reason
    if not example:
        flat = " ".join(line.strip() for line in text.splitlines())
        assert "'1,500' không rõ nghĩa: trong tiếng Việt dấu phẩy ngăn phần thập phân" in flat


@pytest.mark.parametrize("example", [[], ["mau-2"]])
def test_the_english_report_holds_no_vietnamese_only_word(
    monkeypatch: pytest.MonkeyPatch, example: list[str]
) -> None:
    text = _check(monkeypatch, "--example", *example, "--lang", "en")
    assert "Rows with findings" in text
    vietnamese = {
        catalogue("vi")[key]
        for key in catalogue("vi")
        if key.split(".")[0] in ("status", "severity", "line_status", "heading", "cli")
        and catalogue("vi")[key] != catalogue("en")[key]
        and "%(" not in catalogue("vi")[key]
        and len(catalogue("vi")[key]) > 4
    }
    assert sorted(v for v in vietnamese if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", text)) == []


@pytest.mark.parametrize("command", ["assess", "explain"])
def test_assess_and_explain_in_vietnamese_hold_no_english_status_or_severity(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: str
) -> None:
    import io
    import json
    from importlib.resources import files

    from khuyencong.cli import main

    monkeypatch.setenv("COLUMNS", "100")
    examples = json.loads(
        files("khuyencong.examples").joinpath("proposals.json").read_text(encoding="utf-8")
    )["proposals"]
    for i, proposal in enumerate(examples):
        path = tmp_path / f"p{i}.json"
        path.write_text(json.dumps(proposal, ensure_ascii=False), encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        main([command, str(path)], out=out, err=err)
        text = out.getvalue() + err.getvalue()
        assert text.strip()
        assert ENGLISH_WORDS.findall(text) == [], path
        assert [line for line in out.getvalue().splitlines() if len(line) > 100] == []


def test_every_problem_code_of_the_http_api_has_its_title() -> None:
    codes: set[str] = set()
    for path in sorted((SRC / "server").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "Problem"
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
            ):
                codes.add(str(node.args[1].value))
    assert len(codes) > 5
    assert {c for c in codes if f"server.title.{c}" not in catalogue("vi")} == set()
