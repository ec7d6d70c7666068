"""The one message catalogue (issue 17): both languages, the same placeholders, every code.

The finding codes are ENUMERATED from the source (every literal code passed to a finding
constructor, found with ``ast``), not listed by hand: a new code without its texts fails here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

import khuyencong
from khuyencong.l10n.catalog import LANGS, Msg, catalogue, po_path, render

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


def _entries(lang: str) -> dict[str, tuple[str, ...]]:
    """Every entry of ``lang``'s ``.po`` file: its forms (one, or the plural forms)."""
    with po_path(lang).open("rb") as f:
        cat = read_po(f, locale=lang)
    return {
        str(m.id[0] if isinstance(m.id, tuple) else m.id): (
            tuple(str(s) for s in m.string) if isinstance(m.string, tuple) else (str(m.string),)
        )
        for m in cat
        if m.id
    }


def test_every_key_has_both_languages() -> None:
    vi, en = _entries("vi"), _entries("en")
    assert sorted(set(vi) ^ set(en)) == []
    assert [k for k, v in vi.items() if not all(form.strip() for form in v)] == []
    assert [k for k, v in en.items() if not all(form.strip() for form in v)] == []


def test_placeholders_are_the_same_in_both_languages_and_every_form() -> None:
    vi, en = _entries("vi"), _entries("en")
    differ = {
        k: (vi[k], en[k])
        for k in vi
        if len({tuple(_placeholders(form)) for form in vi[k] + en[k]}) != 1
    }
    assert differ == {}


# ---- plural forms ------------------------------------------------------------------------------


def _po(lang: str) -> Catalog:
    with po_path(lang).open("rb") as f:
        return read_po(f, locale=lang)


def test_plural_entries_have_the_forms_of_their_language() -> None:
    vi, en = _po("vi"), _po("en")
    assert (vi.num_plurals, en.num_plurals) == (1, 2)  # the Plural-Forms headers
    plural_vi = {str(m.id[0]): m for m in vi if isinstance(m.id, tuple)}
    plural_en = {str(m.id[0]): m for m in en if isinstance(m.id, tuple)}
    assert len(plural_en) >= 30  # the check is not vacuous
    assert sorted(plural_vi) == sorted(plural_en)  # a key is plural in both languages or neither
    for key, m in plural_en.items():
        forms_en, forms_vi = _entries("en")[key], _entries("vi")[key]
        assert len(forms_en) == 2, key
        assert len(forms_vi) == 1, key
        count = str(m.id[1])
        assert count == str(plural_vi[key].id[1]), key  # the same counting parameter
        if key.startswith(("detail.layout.", "detail.total_")):
            continue  # "header rows 1–2", "row 18": the rows are listed, their count chooses
        for form in (*forms_en, *forms_vi):
            assert count in _placeholders(str(form)), (key, form)  # the count is shown


ENGLISH_PLURAL_NOUN = re.compile(r"%\((\w+)\)s(?: (?:more|unreadable|deputy))? ([a-z]+s)\b(?!/)")
"""A placeholder directly followed by a word ending in "s" (with an adjective or two between,
as "%(n)s more findings"): a plural noun after a count, unless the word is a verb."""

NOT_A_PLURAL_NOUN = frozenset(
    [
        "is",
        "has",
        "was",
        "does",
        "as",
        "appears",
        "belongs",
        "exceeds",
        "follows",
        "governs",
        "joins",
        "lists",
        "names",
        "plus",
        "replaces",
        "rounds",
        "starts",
    ]
)
"""Words ending in "s" that follow a placeholder as verbs ("%(name)s is …")."""

NOT_A_COUNT = {
    # key: why its placeholder before a plural noun is not a count
    "server.detail.unsupported_format.2": "'.xls files': the placeholder is a file suffix",
}


def test_no_english_text_counts_with_a_singular_only_entry() -> None:
    en = _entries("en")
    plural = {str(m.id[0]) for m in _po("en") if isinstance(m.id, tuple)}
    suspects = {
        key: match.group(0)
        for key, forms in en.items()
        if key not in plural
        for form in forms
        for match in ENGLISH_PLURAL_NOUN.finditer(form)
        if match.group(2) not in NOT_A_PLURAL_NOUN
    }
    assert {k: v for k, v in suspects.items() if k not in NOT_A_COUNT} == {}
    assert {k for k, forms in en.items() for form in forms if "(s)" in form} == set()


def test_the_heuristic_finds_a_singular_only_count() -> None:
    found = [
        m.group(0)
        for text in ("%(n)s more findings", "%(rows)s rows, %(n)s lines", "%(name)s is ok")
        for m in ENGLISH_PLURAL_NOUN.finditer(text)
        if m.group(2) not in NOT_A_PLURAL_NOUN
    ]
    assert found == ["%(n)s more findings", "%(rows)s rows", "%(n)s lines"]


@pytest.mark.parametrize(
    ("key", "params", "en", "vi"),
    [
        ("cli.problems", {"n": 1}, "1 problem", "1 vấn đề"),
        ("cli.problems", {"n": 0}, "0 problems", "0 vấn đề"),
        ("cli.problems", {"n": 2}, "2 problems", "2 vấn đề"),
        ("cli.problems", {"n": 12500}, "12,500 problems", "12.500 vấn đề"),
        ("cli.problems", {"n": "1"}, "1 problem", "1 vấn đề"),  # a count written as digits
        ("cli.problems", {"n": "1–2"}, "1–2 problems", "1–2 vấn đề"),  # not a count: general form
        ("cli.problems", {}, "%(n)s problems {}", "%(n)s vấn đề {}"),  # never hidden
        ("pydantic.too_short", {"min_length": 1}, "List should have at least 1 item", None),
        ("finding.pattern.sets", {"sets": 1, "integer": 2}, "1 set of the dossier sent", None),
    ],
)
def test_render_chooses_the_form_by_the_count(
    key: str, params: dict[str, object], en: str, vi: str | None
) -> None:
    assert render(key, params, "en").startswith(en)
    if vi is not None:
        assert render(key, params, "vi") == vi


def test_a_nested_count_chooses_its_own_form() -> None:
    # "1 row, 2 proposals": each count is its own plural entry, nested as a Msg
    params = {
        "rows": Msg("cli.rows", {"n": 1}),
        "proposals": Msg("cli.proposals", {"n": 2}),
        "statuses": "-",
    }
    assert render("cli.summary_line", params, "en") == "1 row, 2 proposals (-)"
    assert render("cli.summary_line", params, "vi") == "1 dòng, 2 đề án (-)"


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_is_a_valid_python_format(lang: str) -> None:
    texts = [(k, form) for k, forms in _entries(lang).items() for form in forms]
    for key, text in texts:
        names = {n for n in _placeholders(text) if n not in ("%%", "%")}
        assert "%" not in PLACEHOLDER.sub("", text), key  # a lone % is written %%
        assert "%(" not in (text % dict.fromkeys(names, "x")), key


def _module_names(tree: ast.Module) -> dict[str, ast.expr]:
    """The module-level ``NAME = <expression>`` and ``NAME: Final = <expression>`` assignments
    of a module (constants such as a tuple of codes or catalogue keys passed to a finding
    constructor by name)."""
    names: dict[str, ast.expr] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign):
            names.update((t.id, stmt.value) for t in stmt.targets if isinstance(t, ast.Name))
        elif (
            isinstance(stmt, ast.AnnAssign)
            and stmt.value is not None
            and isinstance(stmt.target, ast.Name)
        ):
            names[stmt.target.id] = stmt.value
    return names


def _literal_codes(node: ast.Call, names: Mapping[str, ast.expr]) -> Iterator[tuple[str, bool]]:
    """(code, keyed) for each literal code given to a finding constructor: ``keyed`` when the
    call names its catalogue text with ``key=``/``keys=`` instead of ``finding.<code>``."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name not in FINDING_MAKERS:
        return
    keyed = any(kw.arg in ("key", "keys") for kw in node.keywords)
    for kw in node.keywords:
        if kw.arg in ("code", "codes"):
            yield from ((code, keyed) for code in _constants(kw.value, names))
    if node.args:
        yield from ((code, keyed) for code in _constants(node.args[0], names))


def _literal_keys(node: ast.Call, names: Mapping[str, ast.expr]) -> Iterator[str]:
    """The literal catalogue keys a finding constructor names with ``key=``/``keys=``."""
    for kw in node.keywords:
        if kw.arg in ("key", "keys"):
            yield from _constants(kw.value, names)


def _constants(node: ast.expr, names: Mapping[str, ast.expr]) -> Iterator[str]:
    """The literal strings of an argument: a string, either branch of ``a if c else b``, the
    strings of a tuple, or a module-level constant holding any of these."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _constants(node.body, names)
        yield from _constants(node.orelse, names)
    elif isinstance(node, ast.Tuple):
        for element in node.elts:
            yield from _constants(element, names)
    elif isinstance(node, ast.Subscript):
        yield from _constants(node.value, names)
    elif isinstance(node, ast.Name) and node.id in names:
        yield from _constants(names[node.id], names)


def _calls(*packages: str) -> Iterator[tuple[ast.Call, Mapping[str, ast.expr], str]]:
    for package in packages:
        for path in sorted((SRC / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = _module_names(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    yield node, names, str(path.relative_to(SRC))


def emitted_codes(*packages: str, keyed: bool = False) -> dict[str, set[str]]:
    """Every literal finding code passed to a finding constructor in ``packages`` (folders of
    the source), with the files that emit it: those whose text is ``finding.<code>``, or with
    ``keyed``, those whose call names its text with ``key=``."""
    codes: dict[str, set[str]] = {}
    for node, names, where in _calls(*packages):
        for code, by_key in _literal_codes(node, names):
            if by_key == keyed:
                codes.setdefault(code, set()).add(where)
    return codes


def test_a_code_named_by_a_module_constant_is_enumerated() -> None:
    # rules/activity.py passes its commitment codes and their pattern keys as module constants
    keyed = emitted_codes("rules", keyed=True)
    assert {"counterpart_committed_refused", "no_other_state_funding_undeclared"} <= set(keyed)


def test_every_key_a_finding_is_given_exists() -> None:
    keys = {
        key: where
        for node, names, where in _calls("datasets", "rules", "selection")
        if getattr(node.func, "attr", getattr(node.func, "id", None)) in FINDING_MAKERS
        for key in _literal_keys(node, names)
    }
    assert keys  # the check is not vacuous
    assert {k: v for k, v in keys.items() if k not in catalogue("vi")} == {}


def test_the_enumeration_finds_codes_of_the_datasets_layer() -> None:
    # guard against a vacuous enumeration: codes known to be emitted are found
    found = emitted_codes("datasets")
    assert {"unreadable_line", "invalid", "total_mismatch", "not_assessed"} <= set(found)


SHOWN_VERBATIM: dict[str, str] = {
    # code: why its text is not (yet) a catalogue entry.  Their texts are built from rulebook
    # data or assembled in variables, and shown as they are (``finding.verbatim``).  The list
    # may only shrink: a code that gains its text, or is no longer emitted, must leave it.
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
                in ("render", "_t", "Msg", "bilingual")
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


# ---- issue 17: the texts of the rulebook layer, the command line and the datasets layer ------

ENGLISH_PROSE = re.compile(
    r"\b(the|is|are|of|and|not|only|which|with|from|known|here|levels?|source|summary)\b",
    re.IGNORECASE,
)
"""English words of running prose: a Vietnamese text holds none (codes such as
``key_industry_product`` or ``support.foreign_fair`` are not words to ``\\b``)."""

VIETNAMESE_PROSE = re.compile(
    r"(?<!\w)(của|và|không|được|theo|là|các|cho|trong|với|này|đã|chưa|quy định)(?!\w)",
    re.IGNORECASE,
)
"""Vietnamese words of running prose: an English text holds none (the names of instruments and
bodies, "Thông tư", "Sở Công Thương", are not among them)."""


def _rulebook_dates() -> list[date]:

    from khuyencong.rulebooks import national

    book = national()
    days = {date(2011, 1, 1), date(2026, 6, 1)}
    for day in book.change_dates():
        days.update((day, day - timedelta(days=1)))
    return sorted(days)


def test_every_not_encoded_reason_and_caveat_of_the_built_in_rulebook_speaks_each_language() -> (
    None
):
    from khuyencong.rulebooks import NotEncoded, national

    book = national()
    reasons: set[tuple[str, str]] = set()
    for day in _rulebook_dates():
        for code in book.params:
            found = book.resolve(code, day)
            if isinstance(found, NotEncoded):
                reasons.add((found.reason_vi, found.reason_en))
            else:
                reasons.update((c.message_vi, c.message_en) for c in found.caveats)
    assert len(reasons) > 20  # the enumeration is not vacuous
    assert {vi for vi, _ in reasons if ENGLISH_PROSE.search(vi)} == set()
    assert {en for _, en in reasons if VIETNAMESE_PROSE.search(en)} == set()


def test_every_source_and_note_of_the_built_in_rulebooks_comes_in_both_languages() -> None:
    from khuyencong.rulebooks import example_amendment, load_rulebook, national

    books = [national()]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "example.toml"
        path.write_text(example_amendment(), encoding="utf-8")
        books.append(load_rulebook(path))
    texts: list[tuple[str, str, str]] = []
    for book in books:
        for code, value in book.citations():
            for vi, en in ((value.source_vi, value.source_en), (value.note_vi, value.note_en)):
                assert bool(vi) == bool(en), code
                if vi:
                    texts.append((code, vi, en))
    assert len(texts) > 60
    assert [(c, vi) for c, vi, _ in texts if ENGLISH_PROSE.search(vi)] == []
    assert [(c, en) for c, _, en in texts if VIETNAMESE_PROSE.search(en)] == []


def _literal_arg(node: ast.Call, index: int) -> str | None:
    if len(node.args) > index:
        arg = node.args[index]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            return arg.value
    return None


def test_every_problem_of_rulebook_check_has_its_text() -> None:
    # out.add(key, "<code>", ...) and Problem.of(file, key, "<code>") in the rulebook layer
    codes: dict[str, str] = {}
    for path in sorted((SRC / "rulebooks").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            node.targets[0].id: node.value.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            index = {"add": 1, "of": 2}.get(node.func.attr)
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            code = (
                arg.value
                if isinstance(arg, ast.Constant)
                else names.get(arg.id)
                if isinstance(arg, ast.Name)
                else None
            )
            if isinstance(code, str):
                codes[code] = str(path.relative_to(SRC))
    assert len(codes) > 50
    assert {c: f for c, f in codes.items() if f"rulebook_check.{c}" not in catalogue("vi")} == {}


@pytest.mark.parametrize("lang", LANGS)
def test_a_rulebook_problem_speaks_the_chosen_language(tmp_path: Path, lang: str) -> None:
    from khuyencong.rulebooks import check_rulebook, template

    path = tmp_path / "bad.toml"
    path.write_text(
        template().replace('rate = "50%", cap = 100_000_000', 'rate = "fifty", cap = -1'),
        encoding="utf-8",
    )
    problems = check_rulebook(path)
    assert problems
    texts = [p.describe(lang) for p in problems]  # the file's path aside
    assert all(p.text(lang) == f"{path}: {p.key}: {p.describe(lang)}" for p in problems)
    if lang == "vi":
        assert [t for t in texts if ENGLISH_PROSE.search(t)] == []
    else:
        assert [t for t in texts if VIETNAMESE_PROSE.search(t)] == []
        assert [p.text("en") for p in problems] == [str(p) for p in problems]


def test_argparse_speaks_every_message_a_user_can_meet() -> None:
    import argparse

    from khuyencong.cli.parser import _ARGPARSE, argparse_text

    used: set[str] = set()
    for node in ast.walk(ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
            used.update(
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            )
    assert len(used) > 20
    developer_only = {
        # a mistake in building the parser, never a user's: argparse's words are fine
        "%(prog)s: error: %(message)s\n",  # ArgumentParser.error, which the CLI replaces
        "%r is not callable",
        "'required' is an invalid argument for positionals",
        ".__call__() not defined",
        'argument "-" with mode %r',
        "cannot have multiple subparser arguments",
        "cannot merge actions - two groups are named %r",
        "conflicting option string: %s",
        "conflicting option strings: %s",
        "conflicting subparser alias: %s",
        "conflicting subparser: %s",
        "dest= is required for options like %r",
        "invalid conflict_resolution value: %r",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "mutually exclusive arguments must be optional",
    }
    assert sorted(used - developer_only - set(_ARGPARSE)) == []
    for message in _ARGPARSE:
        for lang in LANGS:
            text = argparse_text(message, lang)
            assert _placeholders(text) == _placeholders(message), (message, lang)
            assert "%(" + "detail" not in text


def test_nothing_to_check_speaks_each_language() -> None:
    from khuyencong.errors import NothingToCheckError

    for reason in NothingToCheckError.REASONS:
        error = NothingToCheckError(reason, "plan.csv")
        assert f"error.nothing_to_check.{reason}" in catalogue("vi")
        assert not ENGLISH_PROSE.search(error.message("vi").replace("Mã đề án, Tên đề án", ""))
        assert not VIETNAMESE_PROSE.search(error.message("en"))
        assert str(error) == f"{error.message('vi')} — {error.message('en')}"


def test_a_report_that_cannot_be_written_speaks_each_language() -> None:
    from khuyencong import ReportFileError

    for reason in ReportFileError.REASONS:
        error = ReportFileError(reason, "ket-qua/bao-cao.xlsx", folder="ket-qua")
        for lang in ("vi", "en"):
            assert f"error.report_file.{reason}" in catalogue(lang)
            assert "ket-qua/bao-cao.xlsx" in error.message(lang)
        if reason != "cannot_write":  # the rest is what the system said, in its language
            assert not ENGLISH_PROSE.search(error.message("vi").replace("Excel", ""))
        assert not VIETNAMESE_PROSE.search(error.message("en"))
        assert str(error) == f"{error.message('vi')} — {error.message('en')}"


def test_findings_that_carry_rulebook_texts_speak_each_language() -> None:
    # A 2019 proposal: the founding level is known only from a secondary source (its source
    # note), other levels are not encoded (their reasons), Circular 46/2012 was amended (a
    # caveat).
    import khuyencong as kc

    proposal = kc.Proposal.model_validate(
        {
            "code": "QG-2019-T",
            "title": "Thành lập doanh nghiệp (minh họa)",
            "plan_year": 2019,
            "funding": {"kind": "national"},
            "state": "approved",
            "contents": ["capacity_building", "demonstration_and_technology"],
            "counterpart_committed": True,
            "no_other_state_funding": True,
            "beneficiaries": [
                {
                    "name": "HTX Minh Họa",
                    "kind": "cooperative",
                    "industries": ["handicraft"],
                    "production_site": {
                        "geography": "pre2025",
                        "province": "Bắc Giang",
                        "district": "Việt Yên",
                        "district_kind": "huyen",
                        "commune": "Tăng Tiến",
                        "commune_kind": "xa",
                        "attributes": ["especially_difficult"],
                    },
                }
            ],
            "budget_lines": [
                {"item": "enterprise_founding", "cost": 12_000_000, "requested": 10_000_000},
                {"item": "demonstration_existing", "cost": 500_000_000, "requested": 100_000_000},
            ],
        }
    )
    findings = kc.assess(proposal, as_of=date(2019, 6, 1)).findings
    codes = {f.code for f in findings}
    assert {"secondary_source", "level_not_encoded", "instrument_amended"} <= codes
    assert [f.message("vi") for f in findings if ENGLISH_PROSE.search(f.message("vi"))] == []
    assert [f.message("en") for f in findings if VIETNAMESE_PROSE.search(f.message("en"))] == []


def test_every_layout_error_has_its_text() -> None:
    codes: set[str] = set()
    tree = ast.parse((SRC / "datasets" / "layout.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None)
            code = _literal_arg(node, {"fail": 1, "LayoutError": 0}.get(str(name), 99))
            if code is not None:
                codes.add(code)
    assert len(codes) > 10
    assert {c for c in codes if f"layout.{c}" not in catalogue("vi")} == set()


@pytest.mark.parametrize(
    ("broken", "vi", "en"),
    [
        (["title"], "(1 lỗi):", "(1 error):"),
        (["title", "plan_year"], "(2 lỗi):", "(2 errors):"),
    ],
)
def test_assess_counts_the_errors_of_an_invalid_proposal_in_words(
    tmp_path: Path, broken: list[str], vi: str, en: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # the words, not the wrapping (a long temporary path)
    import io
    import json
    from importlib.resources import files

    from khuyencong.cli import main

    proposal = json.loads(
        files("khuyencong.examples").joinpath("proposals.json").read_text(encoding="utf-8")
    )["proposals"][0]
    for field in broken:  # a required field missing is one error each
        del proposal[field]
    path = tmp_path / "p.json"
    path.write_text(json.dumps(proposal, ensure_ascii=False), encoding="utf-8")
    for lang, expected in (("vi", vi), ("en", en)):
        out, err = io.StringIO(), io.StringIO()
        main(["assess", str(path), "--lang", lang], out=out, err=err)
        head = (out.getvalue() + err.getvalue()).splitlines()[0]
        assert head == f"khuyencong assess: {path}: " + (
            f"không phải đề án hợp lệ {expected}"
            if lang == "vi"
            else f"not a valid proposal {expected}"
        )


def test_every_unit_and_basis_of_a_support_level_has_its_words() -> None:
    from khuyencong.rulebooks.model import Basis, Unit

    keys = [f"unit.{u.value}" for u in Unit] + [f"basis.{b.value}" for b in Basis]
    assert [k for k in keys if k not in catalogue("vi")] == []


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("vi", "50 %, tối đa 35.000.000 đ/thương hiệu"), ("en", "50 %, at most 35,000,000 VND/brand")],
)
def test_rulebook_diff_writes_the_cap_and_its_unit_in_the_chosen_language(
    lang: str, shown: str
) -> None:
    # Điểm h khoản 2 Điều 6 TTLT 26/2014: 50 %, at most 35 million đồng a brand (thương hiệu);
    # from TT 28/2018/TT-BTC (in force 11/05/2018) the built-in rulebook does not encode it.
    from khuyencong.rulebooks import diff

    changes = {c.code: c for c in diff(date(2018, 5, 10), date(2018, 5, 20))}
    assert shown in changes["support.brand"].describe(lang)


def test_the_english_mau_2_report_counts_rows_and_writes_amounts_in_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = " ".join(_check(monkeypatch, "--example", "mau-2", "--lang", "en").split())
    # The subtotal of section III totals one row (row 18); the grand total rows 10–18.
    assert "(section III, row 18)" in text
    assert "(the table, rows 10–18)" in text
    # Section II's subtotal (row 16) says 2.000 triệu; its rows 14–15 hold 1.400 + 700 triệu.
    assert (
        "written 2,000,000,000 VND, rows 14–15 of section II add up to 2,100,000,000 VND "
        "(difference -100,000,000 VND)"
    ) in text


DDMMYYYY = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")
"""A date written the Vietnamese way (dd/mm/yyyy): English texts write dates as ISO."""


def test_the_english_texts_of_the_built_in_rulebook_write_dates_the_english_way() -> None:
    from khuyencong.rulebooks import national

    book = national()
    english = [(code, p.label_en) for code, p in book.params.items()]
    english += [(code, value.source_en) for code, value in book.citations()]
    english += [(code, value.note_en) for code, value in book.citations()]
    assert len(english) > 300
    assert [(code, text) for code, text in english if text and DDMMYYYY.search(text)] == []
    # "Đề án đã phê duyệt trước ngày 15/10/2025…" (NĐ 235/2025/NĐ-CP) in English
    assert "before 2025-10-15" in book.params["transition.approved_proposals_keep_rules"].label_en


def test_assess_names_a_finding_in_words_not_by_its_code(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import json
    import tempfile
    from importlib.resources import files

    from khuyencong.cli import main

    monkeypatch.setenv("COLUMNS", "1000")
    example = files("khuyencong.examples").joinpath("proposals.json").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.json"
        # the first example declares no commitment to fund the rest (Khoản 3 Điều 7 TTLT 26/2014)
        path.write_text(json.dumps(json.loads(example)["proposals"][0]), encoding="utf-8")
        out = io.StringIO()
        main(["assess", str(path)], out=out, err=io.StringIO())
    text = out.getvalue()
    assert (
        "  [cảnh báo] Chưa khai báo cam kết đầu tư đủ phần kinh phí còn lại. "
        "(Khoản 3 Điều 7 Thông tư liên tịch 26/2014/TTLT-BTC-BCT)\n"
    ) in text
    assert "counterpart_committed_undeclared" not in text
    # 360.000.000 + 30.000.000 đ requested; line 2 (a conference) follows 97/2010/TT-BTC, which
    # is not encoded: the total is not known, said once, without nested brackets
    assert (
        "Được hỗ trợ: chưa xác định được — 1 dòng chưa tính được (đề nghị 390.000.000 đ)\n" in text
    )
    assert "mã hoá" not in text  # one spelling: "mã hóa"
