"""The command line in a terminal: width, language of every label, --version, --help, progress."""

from __future__ import annotations

import io
import json
import os
import re
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khuyencong import __version__
from khuyencong.cli import main
from khuyencong.cli.terminal import Progress, default_lang, fit_table, wrap
from khuyencong.l10n import LABELS, label
from khuyencong.rules import engine_build


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# Statuses, severities and headers that must not appear in English in the Vietnamese report.
ENGLISH = re.compile(
    r"\b(eligible|ineligible|not_assessable|not assessable|invalid|undetermined)\b"
    r"|\b(warning|error|info):"
    r"|\b(Row|Code|Status|Column|Finding|Proposals|Rows|Cost|Requested|Allowed)\b"
)
VIETNAMESE_ONLY = re.compile(
    r"đủ điều kiện|không hợp lệ|chưa xác định được|cảnh báo|\blỗi:|ghi chú|Trạng thái|Phát hiện"
)


@pytest.mark.parametrize("width", [100, 80])
def test_example_fits_the_terminal(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, _ = run("check", "--example")
    assert code == 1
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    # Nothing is lost to the wrapping: every row with findings is still there.
    for code_ in ("QG-2016-005", "DP-2017-011", "QG-2017-012", "DP-2018-013"):
        assert code_ in out


def test_example_in_vietnamese_has_no_english_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    _, out, _ = run("check", "--example")
    assert ENGLISH.findall(out) == []
    text = " ".join(out.split())
    # 14 rows in the example: 6 eligible, 3 ineligible, 3 invalid, 2 not assessable.
    assert (
        "14 dòng, 13 đề án (đủ điều kiện: 6, không đủ điều kiện: 3, không hợp lệ: 3, "
        "chưa xác định được: 2)"
    ) in text
    assert "Dòng  Mã đề án" in out
    assert "cảnh báo: Chưa khai báo máy móc thiết bị là" in out
    assert "[ghi chú] Dòng 1: Dòng tiêu đề" in out


def test_example_in_english_has_no_vietnamese_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    _, out, _ = run("check", "--example", "--lang", "en")
    assert VIETNAMESE_ONLY.findall(out) == []
    assert "14 rows, 13 proposals (eligible: 6, ineligible: 3, invalid: 3, not assessable: 2)" in (
        " ".join(out.split())
    )


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    build = "mypyc" if engine_build() == "mypyc" else "Python"
    assert out == f"khuyencong {__version__} ({build})\n"


def test_engine_build_is_the_one_ci_installed() -> None:
    # .ci/run installs the compiled engine in a second venv and says so here: the second run
    # of the suite must test the compiled modules, not fall back on the pure-Python ones.
    expected = os.environ.get("KHUYENCONG_EXPECT_ENGINE", "python")
    assert engine_build() == expected


def test_help_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert out.startswith("Cách dùng: khuyencong")
    assert "kiểm tra một tệp CSV/XLSX/JSONL các đề án" in out
    assert "usage:" not in out
    assert "show this help" not in out
    code, out, _ = run("--help", "--lang", "en")
    assert code == 0
    assert out.startswith("usage: khuyencong")
    assert "check a CSV/XLSX/JSONL file of proposals" in out
    code, out, _ = run("check", "--help")
    assert "tệp cần kiểm tra" in out
    assert "tùy chọn" in out
    code, out, _ = run("check", "--lang", "en", "--help")
    assert "the file to check" in out
    assert "options:" in out
    # The locale chooses when --lang is not given.
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    _, out, _ = run("--help")
    assert out.startswith("usage: khuyencong")


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "vi"),
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "vi"),
        ({"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, "vi"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"),
    ],
)
def test_default_lang_from_the_locale(env: dict[str, str], lang: str) -> None:
    assert default_lang(env) == lang


def test_locale_sets_the_report_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    _, out, _ = run("check", "--example")
    assert "Rows with findings" in out
    _, out, _ = run("check", "--example", "--lang", "vi")
    assert "Dòng có phát hiện" in out


def test_assess_headline_in_vietnamese(tmp_path: Path) -> None:
    from tests.test_cli import proposal

    path = tmp_path / "p.json"
    path.write_text(json.dumps(proposal(), ensure_ascii=False), encoding="utf-8")
    _, out, _ = run("assess", str(path))
    lines = out.splitlines()
    # Point c khoản 2 Điều 6 TTLT 26/2014: 50 % of 1.200.000.000 capped at 200.000.000.
    assert lines[0] == "Kết quả: đủ điều kiện"
    assert lines[1] == "Được hỗ trợ: 200.000.000 đ (đề nghị 300.000.000 đ)"
    assert re.fullmatch(r"Ngày áp dụng quy định: \d\d/\d\d/\d{4}", lines[3])
    assert "đã tính" in out
    assert "computed" not in out
    _, out, _ = run("assess", str(path), "--lang", "en")
    assert out.startswith("Result: eligible\nSupport: 200,000,000 VND")


def test_fit_table_wraps_the_long_column() -> None:
    table = fit_table(
        ["Dòng", "Phát hiện"],
        [["1", "một hai ba bốn năm sáu bảy tám chín mười"]],
        right={0},
        wrap_columns={1: 10},
        width=20,
    )
    assert table.splitlines() == [
        "Dòng  Phát hiện",
        "----  --------------",
        "   1  một hai ba bốn",
        "      năm sáu bảy",
        "      tám chín mười",
    ]


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # A word too long for the line breaks after a separator, as late as fits ...
        ("budget_lines.0.requested", 20, ["budget_lines.0.", "requested"]),
        ("Kinh_phi/de_nghi/dong", 12, ["Kinh_phi/", "de_nghi/dong"]),
        ("Dòng kinh phí 1›Kinh phí đề nghị", 16, ["Dòng kinh phí", "1›Kinh phí đề", "nghị"]),
        ("a›bbbbbbbbbbbbbbbb", 10, ["a›", "bbbbbbbbbb", "bbbbbb"]),
        # ... starting on the current line when a piece fits there ...
        ("lỗi: [budget_lines.0.requested]", 20, ["lỗi: [budget_lines.", "0.requested]"]),
        # ... and only without a separator in reach in the middle; a word that fits a line
        # of its own goes there whole.
        ("mã QG2016000123456", 10, ["mã", "QG20160001", "23456"]),
        ("26/2014/TTLT-BTC-BCT xx", 12, ["26/2014/", "TTLT-BTC-BCT", "xx"]),
        ("", 10, [""]),
    ],
)
def test_wrap_breaks_at_spaces_then_separators(text: str, width: int, lines: list[str]) -> None:
    assert wrap(text, width) == lines


def test_wrap_indents_the_continuation_lines() -> None:
    assert wrap("Ghi chú: budget_lines.0.requested", 20, "    ") == [
        "Ghi chú:",
        "    budget_lines.0.",
        "    requested",
    ]


@given(
    st.text(alphabet="ab.›/ đề\n", max_size=60),
    st.integers(min_value=1, max_value=16),
    st.integers(min_value=0, max_value=4),
)
def test_wrap_never_loses_a_character(text: str, width: int, indent: int) -> None:
    lines = wrap(text, width, " " * indent)
    # Every character but the spaces of a break is kept, in order; no line is wider than the
    # width (a continuation line holds at least one character after its indent).
    assert "".join(lines).replace(" ", "") == text.replace("\n", " ").replace(" ", "")
    assert all(len(line) <= max(width, indent + 1) for line in lines)
    # A word that fits on a line of its own is never cut.
    for word in text.split():
        if len(word) <= width - indent:
            assert any(word in line for line in lines)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_rate_and_time_left() -> None:
    progress = Progress(io.StringIO(), lang="vi", total=40_000)
    # 10.000 of 40.000 rows in 2 s: 5.000 rows a second, 30.000 left: 6 s.
    assert progress.line(10_000, 2.0) == (
        "[#####...............]  25% 10.000 dòng… 5.000 dòng/giây, còn khoảng 0:06"
    )
    english = Progress(io.StringIO(), lang="en")
    assert english.line(20_000, 4.0) == "20,000 rows… 5,000 rows/s"
    ticks = iter(float(i) for i in range(100))
    stream = _Terminal()
    shown = Progress(stream, lang="vi", total=4, every=2, clock=lambda: next(ticks))
    assert list(shown.track(iter("abcd"))) == list("abcd")
    assert "2 dòng…" in stream.getvalue()
    quiet = io.StringIO()
    assert list(Progress(quiet, every=1).track(iter("ab"))) == ["a", "b"]
    assert quiet.getvalue() == ""


def test_labels_have_both_languages() -> None:
    for kind, table in LABELS.items():
        for code, (vi, en) in table.items():
            assert vi, (kind, code)
            assert en, (kind, code)
    assert label("status", "not_assessable") == "chưa xác định được"
    assert label("severity", "error") == "lỗi"
    assert label("status", "not_assessable", "en") == "not assessable"
    # Every status and severity the engine and the datasets layer know has a label.
    from khuyencong.datasets.layout import LAYOUT_STATUSES
    from khuyencong.rules.assess import Status
    from khuyencong.rules.cofunding import LineStatus
    from khuyencong.rules.findings import Severity

    statuses = {*Status, "invalid", "valid", "blank", *LAYOUT_STATUSES}
    assert {str(s) for s in statuses} <= set(LABELS["status"])
    assert {str(s) for s in LineStatus} <= set(LABELS["line_status"])
    assert {str(s) for s in Severity} <= set(LABELS["severity"])


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            [
                "khuyencong assess: bad.json: không phải đề án hợp lệ (1 lỗi):",
                "  Dòng kinh phí 1 › Kinh phí đề nghị: 150.000.000 đ vượt tổng kinh phí của dòng",
                "      (100.000.000 đ)",
            ],
        ),
        (
            "en",
            [
                "khuyencong assess: bad.json: not a valid proposal (1 error):",
                "  budget line 1 › requested support: 150,000,000 VND exceeds the line's cost of",
                "      100,000,000 VND",
            ],
        ),
    ],
)
def test_the_errors_of_assess_fit_the_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str, expected: list[str]
) -> None:
    # requested 150.000.000 đ on a line that costs 100.000.000 đ: one error, wrapped at 80
    # columns under its own indent (it was one line of 98 and 110 columns)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.chdir(tmp_path)
    example = files("khuyencong.examples").joinpath("proposals.json")
    data = json.loads(example.read_text(encoding="utf-8"))["proposals"][0]
    data["budget_lines"][0].update(cost="100000000", requested="150000000")
    Path("bad.json").write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run("assess", "bad.json", "--lang", lang)
    assert code == 2
    assert err.splitlines() == expected


@pytest.mark.parametrize("width", [100, 80])
def test_the_english_example_fits_the_terminal(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    # "3,647,000,000 VND" is two columns wider than "3.647.000.000 đ": at 80 columns the summary
    # tables name the unit in the headers of the amount columns instead of in every cell
    monkeypatch.setenv("COLUMNS", str(width))
    _, out, _ = run("check", "--example", "--lang", "en")
    assert max(len(line) for line in out.splitlines()) <= width
    headers = [" ".join(line.split()) for line in out.splitlines() if line.startswith("Funding")]
    if width == 80:
        assert headers == ["Funding source Proposals Rows Cost (VND) Requested (VND) Allowed (VND)"]
    else:
        assert headers == ["Funding source Proposals Rows Cost Requested Allowed"]
        assert " VND" in out


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("vi", "(quy ước: Thông tư 17/2018/TT-BCT thay thế, ngày hiệu lực không rõ)"),
        ("en", "(a convention: Circular 17/2018/TT-BCT replaced it, effective date unknown)"),
    ],
)
def test_rulebook_gaps_fits_the_terminal(
    monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run("rulebook", "gaps", "--as-of", "2026-06-01", "--lang", lang)
    lines = out.splitlines()
    assert len(lines) > 100
    assert max(len(line) for line in lines) <= 80
    assert words in " ".join(out.split())  # a long label goes on under its indent, not cut


def test_progress_counts_the_rows_of_a_block_of_rows() -> None:
    # Items of 3, 1 and 4 rows, a line every 2 rows: after 3 rows (2 passed), after 4 (the
    # second 2) and after 8 (6 and 8 passed within the one item: one line, of 8 rows).
    ticks = iter(float(i) for i in range(100))
    stream = _Terminal()
    shown = Progress(stream, lang="en", total=8, every=2, clock=lambda: next(ticks))
    assert list(shown.track(iter(["abc", "d", "efgh"]), size=len)) == ["abc", "d", "efgh"]
    assert re.findall(r"(\d+) rows…", stream.getvalue()) == ["3", "4", "8"]


def _invalid_plan(tmp_path: Path) -> Path:
    """1,200 one-line proposals without a funding source (an empty "Nguồn kinh phí" cell): each
    invalid."""
    header = (
        "Mã đề án,Tên đề án,Năm kế hoạch,Nguồn kinh phí,Tỉnh/Thành phố,Hạng mục chi,Tổng kinh phí"
    )
    lines = [f"P{n},Đề án {n},2016,,Hà Nam,curriculum,1000000" for n in range(1, 1201)]
    plan = tmp_path / "plan.csv"
    plan.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return plan


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "1.200 dòng, 1.200 đề án (không hợp lệ: 1.200)"),
        ("en", "1,200 rows, 1,200 proposals (invalid: 1,200)"),
    ],
)
def test_summary_line_groups_every_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, expected: str
) -> None:
    """The counts of the last line are grouped as the rows and proposals beside them are
    ("không hợp lệ: 1.200", not "1200")."""
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run("check", str(_invalid_plan(tmp_path)), "--lang", lang)
    assert code == 1
    assert expected in " ".join(out.split())


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "Số dòng: 1.200, Số đề án: 1.200; không hợp lệ: 1.200"),
        ("en", "Rows: 1,200, Proposals: 1,200; invalid: 1,200"),
    ],
)
def test_html_report_groups_every_count(tmp_path: Path, lang: str, expected: str) -> None:
    """The HTML report's totals and its summary tables group counts as the language does."""
    out = tmp_path / "report.html"
    code, _, _ = run(
        "check", str(_invalid_plan(tmp_path)), "--lang", lang, "--format", "html", "-o", str(out)
    )
    assert code == 1
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert expected in text
    # The summary tables: 1,200 proposals and 1,200 rows in the one province, year, ...
    cell = "<td class=n>1.200</td>" if lang == "vi" else "<td class=n>1,200</td>"
    assert cell in text
