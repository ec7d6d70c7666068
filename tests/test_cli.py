"""The khuyencong command line: output and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from khuyencong.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_check_example_has_findings() -> None:
    code, out, _ = run("check", "--example")
    assert code == 1
    assert "DP-2017-004" in out
    assert "Nguồn kinh phí" in out


def test_check_example_english_json() -> None:
    code, out, _ = run("check", "--example", "--format", "json", "--lang", "en")
    assert code == 1
    assert json.loads(out)["summary"]["proposals"] == 12


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "html", "table"])
def test_check_writes_output(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    code, _, _ = run("check", "--example", "--format", fmt, "--output", str(target))
    assert code == 1
    assert target.stat().st_size > 0


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text(
        "Mã đề án,Tên đề án,Năm kế hoạch,Nguồn kinh phí,Hạng mục chi,Tổng kinh phí,Kinh phí KCQG\n"
        'A,Đề án A,2016,KCQG,curriculum,"1.000.000","500.000"\n',
        encoding="utf-8",
    )
    code, out, _ = run("check", str(path), "--as-of", "01/06/2016")
    assert code == 0, out


def test_unreadable_input_exits_two(tmp_path: Path) -> None:
    assert run("check", str(tmp_path / "missing.csv"))[0] == 2
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"garbage")
    assert run("check", str(broken))[0] == 2
    assert run("check")[0] == 2
    assert run("check", "--as-of", "31/02/2016", "--example")[0] == 2


def test_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert "budget_lines" in json.loads(out)["properties"]


@pytest.mark.parametrize(
    "argv", [["assess", "x"], ["explain"], ["rulebook", "check"], ["rulebook", "diff", "a", "b"]]
)
def test_stubs(argv: list[str]) -> None:
    code, _, err = run(*argv)
    assert code == 2
    assert "not yet available" in err
