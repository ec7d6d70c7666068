"""``khuyencong rulebook gaps``, ``template --instrument`` / ``--example``, ``check`` of
amendments and ``diff --rulebook`` (issue 14)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from khuyencong.cli import main
from khuyencong.rulebooks import example_amendment


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_gaps_today_list_tt28_levels_and_tt17_procedures() -> None:
    code, out, _ = run("rulebook", "gaps", "--as-of", "2026-06-01")
    assert code == 1
    assert "28/2018/TT-BTC — chưa có văn bản" in out
    assert "17/2018/TT-BCT — chưa có văn bản" in out
    assert "support.brand: Xây dựng và đăng ký thương hiệu sản phẩm CNNT" in out
    assert "procedure.national_steps *:" in out
    assert "ảnh hưởng: Mức hỗ trợ của dòng chi" in out


def test_gaps_in_2016_are_empty() -> None:
    code, out, _ = run("rulebook", "gaps", "--as-of", "2016-06-01", "--lang", "en")
    assert code == 0
    assert out == "On 2016-06-01: nothing is unknown.\n"


def test_gaps_as_json_in_english() -> None:
    code, out, _ = run(
        "rulebook", "gaps", "--as-of", "2026-06-01", "--format", "json", "--lang", "en"
    )
    assert code == 1
    report = json.loads(out)
    rows = {row["code"]: row for row in report["gaps"]}
    assert rows["support.brand"]["instrument"] == "28/2018/TT-BTC"
    assert rows["support.brand"]["reason"] == "text_unknown"
    assert rows["support.brand"]["affects"] == ["line_support"]
    assert rows["procedure.advance_documents"]["instrument"] == "17/2018/TT-BCT"
    assert rows["procedure.advance_documents"]["kind"] == "rule"
    assert report["filled"] == []


def test_gaps_with_the_example_amendment_say_what_it_fills(tmp_path: Path) -> None:
    code, text, _ = run("rulebook", "template", "--example")
    assert code == 0
    assert "INVENTED" in text
    path = tmp_path / "example.toml"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(
        "rulebook", "gaps", "--as-of", "2026-06-01", "--rulebook", str(path), "--lang", "en"
    )
    assert "Filled by loaded amendment rulebooks (2):" in out
    assert "support.brand = 50%, cap 40.000.000 (Art 4.2.h of Circular 28/2018/TT-BTC" in out
    assert "ILLUSTRATIVE" in out
    assert "\n  support.brand:" not in out


def test_template_for_an_instrument_and_check(tmp_path: Path) -> None:
    code, text, _ = run("rulebook", "template", "--instrument", "28/2018/TT-BTC")
    assert code == 0
    assert 'kind = "national_amendment"' in text
    path = tmp_path / "tt28.toml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run("rulebook", "check", str(path))
    assert code == 1
    # Vietnamese by default, the problems too (issue 17)
    assert f'{path}: params."support.brand".values[0].rate: chưa điền' in out
    assert "vấn đề" in err
    _, out, _ = run("--lang", "en", "rulebook", "check", str(path))
    assert f'{path}: params."support.brand".values[0].rate: not filled in' in out


def test_check_two_amendments_together(tmp_path: Path) -> None:
    a = tmp_path / "a.toml"
    b = tmp_path / "b.toml"
    a.write_text(example_amendment(), encoding="utf-8")
    b.write_text(example_amendment().replace("example-tt28-2018", "copy"), encoding="utf-8")
    assert run("rulebook", "check", str(a)) == (0, f"{a}: đạt\n", "")
    code, out, _ = run("rulebook", "check", str(a), str(b))
    assert code == 1
    assert "hai quy định sửa đổi không thể cùng cho một tham số trong cùng giai đoạn" in out
    code, out, _ = run("--lang", "en", "rulebook", "check", str(a), str(b))
    assert "two amendments cannot cover the same parameter and period" in out


def test_assess_with_an_amendment(tmp_path: Path) -> None:
    rulebook = tmp_path / "example.toml"
    rulebook.write_text(example_amendment(), encoding="utf-8")
    proposal = tmp_path / "p.json"
    proposal.write_text(
        json.dumps(
            {
                "code": "QG-2026-01",
                "title": "Thương hiệu (minh họa)",
                "plan_year": 2026,
                "funding": {"kind": "national"},
                "contents": ["typical_products_and_promotion"],
                "counterpart_committed": True,
                "no_other_state_funding": True,
                "budget_lines": [{"item": "brand", "cost": 100_000_000, "requested": 60_000_000}],
            }
        ),
        encoding="utf-8",
    )
    _, out, _ = run(
        "assess",
        str(proposal),
        "--as-of",
        "2026-06-01",
        "--rulebook",
        str(rulebook),
        "--lang",
        "en",
    )
    assert "40,000,000" in out
    assert "user_supplied" in out
    assert "illustrative" in out


def test_diff_dates_with_an_amendment(tmp_path: Path) -> None:
    path = tmp_path / "example.toml"
    path.write_text(example_amendment(), encoding="utf-8")
    code, out, _ = run(
        "rulebook", "diff", "2018-05-10", "2026-06-01", "--rulebook", str(path), "--lang", "en"
    )
    assert code == 1
    assert (
        "support.brand: changed: 50 %, at most 35,000,000 VND/brand (Art 6.2.h of Joint Circular "
        "26/2014/TTLT-BTC-BCT) → 50 %, at most 40,000,000 VND/brand (Art 4.2.h of Circular "
        "28/2018/TT-BTC; user supplied)"
    ) in " ".join(out.split())  # wrapped to COLUMNS (conftest); the provenance in words


def test_template_options_are_exclusive() -> None:
    code, _, err = run("rulebook", "template", "--example", "--instrument", "28/2018/TT-BTC")
    assert code == 2
    assert "không phải cả hai" in err  # in the chosen language (issue 17)
    code, _, err = run(
        "--lang", "en", "rulebook", "template", "--example", "--instrument", "28/2018/TT-BTC"
    )
    assert "not both" in err


def test_gaps_with_a_missing_file() -> None:
    code, _, err = run("rulebook", "gaps", "--as-of", "2026-06-01", "--rulebook", "nope.toml")
    assert code == 2
    assert "nope.toml: không có tệp này" in err  # in the chosen language (issue 17)
    err = run(
        "--lang", "en", "rulebook", "gaps", "--as-of", "2026-06-01", "--rulebook", "nope.toml"
    )[2]
    assert "nope.toml: no such file" in err
