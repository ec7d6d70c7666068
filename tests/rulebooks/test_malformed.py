"""A malformed rulebook file is refused whole, with errors naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from khuyencong import RulebookError, load_rulebook
from khuyencong.rulebooks import check_rulebook, template

HEADER = """
[meta]
id = "test-province"
title_vi = "Thử"
title_en = "Test"
kind = "provincial"
province = "Tỉnh Thử"

[[documents]]
number = "5/2016/QĐ-UBND"
title_vi = "Quyết định thử"
title_en = "Test decision"
issuer = "UBND Tỉnh Thử"
effective_from = 2016-01-01

[domains.local_funding]
label_vi = "Mức hỗ trợ"
label_en = "Levels"
periods = [{ document = "5/2016/QĐ-UBND", from = 2016-01-01 }]
"""

CITE = 'citation = { document = "5/2016/QĐ-UBND", article = 3 }'


def param(code: str, values: str, kind: str = "support", extra: str = 'per = "brand"') -> str:
    return f"""
[params."{code}"]
type = "{kind}"
label_vi = "x"
label_en = "x"
domain = "local_funding"
{extra}
values = [{values}]
"""


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "overlay.toml"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_a_good_overlay_loads(tmp_path: Path) -> None:
    body = param(
        "support.brand",
        f'{{ from = 2016-01-01, rate = "40%", cap = 20_000_000, provenance = "official_text", {CITE} }}',
    )
    book = load_rulebook(write(tmp_path, body))
    assert book.kind == "provincial"
    assert check_rulebook(write(tmp_path, body)) == []


@pytest.mark.parametrize(
    ("body", "key", "words"),
    [
        (
            param(
                "support.brand", '{ from = 2016-01-01, rate = "40%", provenance = "official_text" }'
            ),
            'params."support.brand".values[0].citation',
            "Field required",
        ),
        (
            param(
                "support.brand",
                f'{{ from = 2016-01-01, rate = "-5%", provenance = "official_text", {CITE} }}',
            ),
            'params."support.brand".values[0].rate',
            "not a percentage",
        ),
        (
            param(
                "support.brand",
                f'{{ from = 2016-01-01, rate = "120%", provenance = "official_text", {CITE} }}',
            ),
            'params."support.brand".values[0].rate',
            "outside 0 % to 100 %",
        ),
        (
            param(
                "support.brand",
                f'{{ from = 2016-01-01, cap = -1, provenance = "official_text", {CITE} }}',
            ),
            'params."support.brand".values[0].cap',
            "negative",
        ),
        (
            param(
                "support.brand",
                f'{{ from = 2016-01-01, until = 2017-06-01, rate = "40%", provenance = "official_text", {CITE} }},'
                f' {{ from = 2017-01-01, rate = "30%", provenance = "official_text", {CITE} }}',
            ),
            'params."support.brand".values[0]',
            "overlaps",
        ),
        (
            param(
                "support.jewellery",
                f'{{ from = 2016-01-01, rate = "40%", provenance = "official_text", {CITE} }}',
            ),
            'params."support.jewellery"',
            "unknown support item code",
        ),
        (
            param(
                "support.brand",
                '{ from = 2016-01-01, rate = "40%", provenance = "official_text", citation = { document = "9/2016/QĐ-UBND" } }',
            ),
            'params."support.brand".values[0].citation.document',
            "unknown document",
        ),
        (
            param(
                "support.brand",
                f'{{ from = 2016-01-01, rate = "40%", provenance = "secondary", {CITE} }}',
            ),
            'params."support.brand".values[0].source_vi',
            "names that source",
        ),
        (
            param(
                "support.brand",
                f'{{ from = 2015-01-01, rate = "40%", provenance = "official_text", {CITE} }}',
            ),
            'params."support.brand".values[0].from',
            "before 5/2016/QĐ-UBND took effect",
        ),
        ("[params.broken\ntype = ", "(file)", "not valid TOML"),
    ],
    ids=[
        "missing citation",
        "negative rate",
        "rate above 100 %",
        "negative cap",
        "overlapping periods",
        "unknown item code",
        "unknown document",
        "secondary without source",
        "value before its instrument",
        "bad TOML",
    ],
)
def test_malformed_files_are_refused_naming_file_and_key(
    tmp_path: Path, body: str, key: str, words: str
) -> None:
    path = write(tmp_path, body)
    with pytest.raises(RulebookError) as caught:
        load_rulebook(path)
    message = str(caught.value)
    assert f"{path}: {key}: " in message
    assert words in message
    problems = check_rulebook(path)
    assert any(p.key == key and words in p.message for p in problems), problems


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    body = param(
        "support.brand",
        f'{{ from = 2016-01-01, rate = "120%", provenance = "official_text", {CITE} }}',
    )
    body += param(
        "support.consulting",
        f'{{ from = 2016-01-01, cap = -3, provenance = "official_text", {CITE} }}',
    )
    body += param(
        "support.nothing",
        f'{{ from = 2016-01-01, rate = "10%", provenance = "official_text", {CITE} }}',
    )
    keys = {p.key for p in check_rulebook(write(tmp_path, body))}
    assert keys == {
        'params."support.brand".values[0].rate',
        'params."support.consulting".values[0].cap',
        'params."support.nothing"',
    }


def test_an_unreadable_file_is_a_rulebook_error(tmp_path: Path) -> None:
    with pytest.raises(RulebookError, match="cannot be read"):
        load_rulebook(tmp_path / "missing.toml")
    (tmp_path / "latin1.toml").write_bytes(b"title = 'H\xe0 N\xf4i'")  # not UTF-8
    with pytest.raises(RulebookError, match="cannot be read"):
        load_rulebook(tmp_path / "latin1.toml")


def test_the_template_loads_and_says_it_is_illustrative(tmp_path: Path) -> None:
    path = tmp_path / "template.toml"
    path.write_text(template(), encoding="utf-8")
    assert check_rulebook(path) == []
    book = load_rulebook(path)
    assert book.illustrative
    assert book.province == "Tỉnh Mẫu"


@pytest.mark.parametrize(
    ("values", "key", "words"),
    [
        (
            (
                f'{{ from = 2016-01-01, rate = "40%", provenance = "secondary", {CITE},'
                ' source_vi = "bản tóm tắt" }'
            ),
            'params."support.brand".values[0]',
            "source is given in one language (source_vi): write source_en too",
        ),
        (
            (
                f'{{ from = 2016-01-01, rate = "40%", provenance = "official_text", {CITE},'
                ' note_en = "Only in difficult areas." }'
            ),
            'params."support.brand".values[0]',
            "note is given in one language (note_en): write note_vi too",
        ),
        (
            (
                f'{{ from = 2016-01-01, rate = "40%", provenance = "official_text", {CITE},'
                ' note = "Chỉ tại địa bàn khó khăn." }'
            ),
            'params."support.brand".values[0]',
            "note is a text in one language: write note_vi (Vietnamese) and note_en (English)",
        ),
    ],
    ids=["source in Vietnamese only", "note in English only", "one-language note key"],
)
def test_a_text_in_one_language_fails_the_check(
    tmp_path: Path, values: str, key: str, words: str
) -> None:
    # Issue 17: a source or note a person reads comes in both languages, like the labels.
    problems = check_rulebook(write(tmp_path, param("support.brand", values)))
    assert [(p.key, p.message) for p in problems] == [(key, words)]


def test_a_text_in_both_languages_loads(tmp_path: Path) -> None:
    values = (
        f'{{ from = 2016-01-01, rate = "40%", provenance = "official_text", {CITE},'
        ' note_vi = "Chỉ tại địa bàn khó khăn.", note_en = "Only in difficult areas." }'
    )
    book = load_rulebook(write(tmp_path, param("support.brand", values)))
    (value,) = book.param("support.brand").values
    assert (value.note_vi, value.note_en) == (
        "Chỉ tại địa bàn khó khăn.",
        "Only in difficult areas.",
    )
