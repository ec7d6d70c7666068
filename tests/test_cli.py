"""The khuyencong command line: every subcommand, exit codes 0/1/2, both languages."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from khuyencong.cli import main
from khuyencong.rulebooks import template


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# ---- check -------------------------------------------------------------------------------------

CLEAN_CSV = (
    "Mã đề án,Tên đề án,Năm kế hoạch,Nguồn kinh phí,Tỉnh/Thành phố,Huyện,Xã,Nội dung,"
    "Đơn vị thụ hưởng,Loại hình,Ngành nghề,Cam kết đối ứng,Cam kết không trùng nguồn NSNN,"
    "Hạng mục chi,Tổng kinh phí,Kinh phí KCQG\n"
    "A,Đề án A,2016,KCQG,Hà Nam,Huyện Kim Bảng,Xã Thanh Sơn,typical_products_and_promotion,"
    'Hộ A (minh họa),Hộ kinh doanh,handicraft,có,có,brand,"80.000.000","50.000.000"\n'
)


def test_check_example_has_findings() -> None:
    code, out, _ = run("check", "--example")
    assert code == 1
    assert "DP-2017-011" in out
    assert "Nguồn kinh phí" in out
    text = " ".join(out.split())  # the findings column wraps to the terminal's width
    # Findings of the engine show their severity (in Vietnamese) and clause.
    assert "lỗi: " in text
    assert "(Điểm a khoản 2 Điều 1 Nghị định 45/2012/NĐ-CP)" in text
    # Row 12 (2019): Điều 7 TTLT 26/2014 is not encoded then, so it is not_assessable.
    assert "đủ điều kiện: 6" in text
    assert "chưa xác định được cho 3 dòng"  # rows 11, 12 and 13 in text


def test_check_example_english_json() -> None:
    code, out, _ = run("check", "--example", "--format", "json", "--lang", "en")
    assert code == 1
    document = json.loads(out)
    assert document["summary"]["proposals"] == 13
    assert (
        document["summary"]["allowed"] == "550000000"
    )  # not_assessable rows are not added (issue 17)
    first = document["rows"][0]
    assert first["status"] == "eligible"
    assert first["allowed"] == "200000000"
    finding = first["findings"][0]
    assert finding["severity"] == "warning"
    assert finding["citation"] == "Art 4.4.b of Circular 46/2012/TT-BCT"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "html", "table"])
def test_check_writes_output(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    code, _, _ = run("check", "--example", "--format", fmt, "--output", str(target))
    assert code == 1
    assert target.stat().st_size > 0


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text(CLEAN_CSV, encoding="utf-8")
    code, out, _ = run("check", str(path), "--as-of", "01/06/2016")
    assert code == 0, out
    code, out, _ = run("check", str(path), "--as-of", "2016-06-01", "--format", "csv")
    assert code == 0, out
    assert ",eligible," in out
    assert ",35000000," in out  # brand: 50 % of 80,000,000 capped at 35,000,000


def test_row_without_the_facts_exits_one(tmp_path: Path) -> None:
    path = tmp_path / "thin.csv"
    path.write_text(
        "Mã đề án,Tên đề án,Năm kế hoạch,Nguồn kinh phí,Hạng mục chi,Tổng kinh phí,Kinh phí KCQG\n"
        'A,Đề án A,2016,KCQG,curriculum,"1.000.000","500.000"\n',
        encoding="utf-8",
    )
    code, out, _ = run("check", str(path), "--lang", "en")
    assert code == 1
    assert "not_assessable" in out or "warning" in out


def test_check_with_a_provincial_rulebook(tmp_path: Path) -> None:
    book = tmp_path / "tinh-mau.toml"
    book.write_text(template(), encoding="utf-8")
    data = tmp_path / "local.csv"
    data.write_text(
        CLEAN_CSV.replace(",KCQG,Hà Nam,", ",KCĐP,Tỉnh Mẫu,").replace(
            "Kinh phí KCQG", "Kinh phí KCĐP"
        ),
        encoding="utf-8",
    )
    code, out, _ = run("check", str(data), "--format", "csv")
    assert code == 1  # without the province's levels, the line is not encoded
    assert "level_not_encoded" in out
    code, out, _ = run("check", str(data), "--rulebook", str(book), "--format", "csv")
    # The template's brand level: 50 % up to 20,000,000 (illustrative figures, said so).
    assert ",20000000," in out
    assert "illustrative_rulebook" in out
    assert code == 1
    assert run("check", str(data), "--rulebook", str(tmp_path / "missing.toml"))[0] == 2


def test_unreadable_input_exits_two(tmp_path: Path) -> None:
    assert run("check", str(tmp_path / "missing.csv"))[0] == 2
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"garbage")
    assert run("check", str(broken))[0] == 2
    assert run("check")[0] == 2
    code, _, err = run("check", "--as-of", "31/02/2016", "--example")
    assert code == 2
    assert "31/02/2016" in err
    assert "Traceback" not in err


def test_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert "budget_lines" in json.loads(out)["properties"]


# ---- assess and explain ------------------------------------------------------------------------


def proposal(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": "QG-01",
        "title": "Máy sao chè (minh họa)",
        "plan_year": 2016,
        "funding": {"kind": "national"},
        "contents": ["demonstration_and_technology"],
        "start_date": "2016-06-01",
        "counterpart_committed": True,
        "no_other_state_funding": True,
        "beneficiaries": [
            {
                "name": "HTX A (minh họa)",
                "kind": "cooperative",
                "industries": ["agro_forestry_fishery_processing"],
                "production_site": {
                    "geography": "pre2025",
                    "province": "Thái Nguyên",
                    "district": "Huyện Phú Lương",
                    "district_kind": "huyen",
                    "commune": "Xã Yên Lạc",
                    "commune_kind": "xa",
                },
            }
        ],
        "budget_lines": [
            {
                "item": "machinery_and_technology",
                "cost": "1200000000",
                "requested": "300000000",
                "machinery_is_new": True,
            }
        ],
        "state": "approved",
    }
    data.update(changes)
    return data


@pytest.fixture
def proposal_file(tmp_path: Path) -> Path:
    path = tmp_path / "proposal.json"
    path.write_text(json.dumps(proposal(), ensure_ascii=False), encoding="utf-8")
    return path


def test_assess_text_both_languages(proposal_file: Path) -> None:
    code, out, _ = run("assess", str(proposal_file))
    assert code == 0, out
    # Point c: 50 % of 1,200,000,000 = 600,000,000, capped at 200,000,000.
    assert out.startswith("Kết quả: đủ điều kiện\n")
    assert "Được hỗ trợ: 200.000.000 đ" in out
    assert all(len(line) <= 80 for line in out.splitlines())  # wrapped to COLUMNS (conftest)
    flat = " ".join(out.split())
    assert "Điểm c khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT" in flat
    code, out, _ = run("assess", str(proposal_file), "--lang", "en")
    assert code == 0
    flat = " ".join(out.split())
    assert "200,000,000 VND" in flat
    assert "Art 6.2.c of Joint Circular 26/2014/TTLT-BTC-BCT" in flat


def test_assess_json_is_a_stable_dict(proposal_file: Path) -> None:
    code, out, _ = run("assess", str(proposal_file), "--format", "json", "--lang", "en")
    assert code == 0
    document = json.loads(out)
    assert set(document) == {
        "proposal_code",
        "title",
        "as_of",
        "programme_date",
        "status",
        "support",
        "requested",
        "counterpart",
        "complete",
        "lines",
        "findings",
        "priority",
        "rulebooks",
        "documents",
    }
    assert document["status"] == "eligible"
    assert document["as_of"] == "2016-06-01"  # the start date, without --as-of
    assert document["support"] == "200000000"
    assert document["counterpart"] == "1000000000"
    [line] = document["lines"]
    assert line["allowed"] == "200000000"
    assert line["limit"] == "cap"
    assert line["rate"] == "0.5"
    assert line["citation"]["key"] == "26/2014/TTLT-BTC-BCT:6.2.c"


def test_assess_2019_machinery_is_not_encoded(proposal_file: Path) -> None:
    code, out, _ = run("assess", str(proposal_file), "--as-of", "2019-06-01", "--format", "json")
    assert code == 1
    document = json.loads(out)
    [line] = document["lines"]
    assert line["status"] == "not_encoded"
    assert line["allowed"] is None
    assert line["instruments"] == ["28/2018/TT-BTC"]
    assert document["complete"] is False


def test_assess_ineligible_exits_one(tmp_path: Path) -> None:
    path = tmp_path / "large.json"
    large = proposal()
    large["beneficiaries"][0]["kind"] = "large_enterprise"
    path.write_text(json.dumps(large), encoding="utf-8")
    code, out, _ = run("assess", str(path), "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["status"] == "ineligible"
    assert document["support"] == "0"
    assert "large_enterprise" in {f["code"] for f in document["findings"]}


def test_explain_both_languages(proposal_file: Path) -> None:
    code, out, _ = run("explain", str(proposal_file))
    assert code == 0
    assert "ĐỦ ĐIỀU KIỆN" in out
    assert "200.000.000 đ" in out
    code, out, _ = run("explain", str(proposal_file), "--lang", "en", "--as-of", "01/06/2016")
    assert code == 0
    assert "ELIGIBLE" in out
    assert "200,000,000 VND" in out


def test_assess_reads_stdin(proposal_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(proposal_file.read_text(encoding="utf-8")))
    code, out, _ = run("assess", "-", "--format", "json")
    assert code == 0
    assert json.loads(out)["support"] == "200000000"


@pytest.mark.parametrize("command", ["assess", "explain"])
def test_assess_bad_inputs_exit_two(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "missing.json"
    code, _, err = run(command, str(missing))
    assert code == 2
    assert "không có tệp này" in err
    code, _, err = run(command, str(missing), "--lang", "en")
    assert "no such file" in err

    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = run(command, str(broken))
    assert code == 2
    assert "không phải JSON hợp lệ" in err
    assert "dòng 1" in err
    code, _, err = run(command, str(broken), "--lang", "en")
    assert "not valid JSON" in err
    assert "line 1" in err

    invalid = tmp_path / "invalid.json"
    bad = proposal()
    bad["budget_lines"][0]["requested"] = "2000000000"
    del bad["title"]
    invalid.write_text(json.dumps(bad), encoding="utf-8")
    code, _, err = run(command, str(invalid))
    assert code == 2
    # in Vietnamese by default: the path with the fields' labels, lines counted from 1
    assert "Tên đề án: thiếu thông tin bắt buộc" in err
    # the path names the field once; the reason says the amount and the line's cost (1.200.000.000 đ)
    assert (
        "Dòng kinh phí 1 › Kinh phí đề nghị: 2.000.000.000 đ vượt tổng kinh phí của dòng "
        "(1.200.000.000 đ)"
    ) in " ".join(err.split())
    assert "Field required" not in err
    code, _, err = run(command, str(invalid), "--lang", "en")
    assert code == 2
    assert "title: Field required" in err
    assert (
        "budget line 1 › requested support: 2,000,000,000 VND exceeds the line's cost of "
        "1,200,000,000 VND"
    ) in " ".join(err.split())

    valid = tmp_path / "valid.json"
    valid.write_text(json.dumps(proposal()), encoding="utf-8")
    code, _, err = run(command, str(valid), "--as-of", "2016-13-01")
    assert code == 2
    assert "--as-of" in err
    for text in (err,):
        assert "Traceback" not in text


# ---- rulebook ----------------------------------------------------------------------------------


def test_rulebook_template() -> None:
    code, out, _ = run("rulebook", "template")
    assert code == 0
    assert out == template()


def test_rulebook_check(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(template(), encoding="utf-8")
    code, out, _ = run("rulebook", "check", str(good))
    assert code == 0
    assert "đạt" in out  # Vietnamese by default
    assert "ok" in run("--lang", "en", "rulebook", "check", str(good))[1]

    bad = tmp_path / "bad.toml"
    text = template().replace('rate = "50%", cap = 100_000_000', 'rate = "fifty", cap = -1')
    bad.write_text(text, encoding="utf-8")
    code, out, err = run("rulebook", "check", str(bad))
    assert code == 1
    lines = out.strip().splitlines()
    assert len(lines) >= 2  # every problem, not only the first
    assert all(line.startswith(str(bad)) for line in lines)
    assert "vấn đề" in err

    not_toml = tmp_path / "broken.toml"
    not_toml.write_text("[meta\n", encoding="utf-8")
    code, out, _ = run("rulebook", "check", str(not_toml))
    assert code == 1
    assert "không phải TOML hợp lệ" in out  # in the chosen language (issue 17)
    assert "not valid TOML" in run("--lang", "en", "rulebook", "check", str(not_toml))[1]

    code, _, err = run("rulebook", "check", str(tmp_path / "missing.toml"))
    assert code == 2
    assert "không có tệp này" in " ".join(err.split())  # wrapped to COLUMNS (conftest)


def test_rulebook_diff_between_dates() -> None:
    code, out, _ = run("rulebook", "diff", "2018-05-10", "2018-05-11")
    assert code == 1
    assert all(len(line) <= 80 for line in out.splitlines())  # wrapped to COLUMNS (conftest)
    out = " ".join(out.split())
    assert "support.machinery_and_technology: bỏ" in out  # in the chosen language (issue 17)
    assert "Điểm c khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT" in out
    assert "Decimal(" not in out  # a ratio reads as a number, not as Python
    code, out, _ = run("rulebook", "diff", "2018-05-10", "2018-05-11", "--lang", "en")
    out = " ".join(out.split())
    assert "support.machinery_and_technology: removed" in out
    assert "not encoded" in out
    code, out, _ = run("rulebook", "diff", "2016-06-01", "2016-06-02", "--lang", "en")
    assert code == 0
    assert out == "No differences.\n"


def test_rulebook_diff_between_files(tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    old.write_text(template(), encoding="utf-8")
    new = tmp_path / "new.toml"
    new.write_text(template().replace("cap = 20_000_000", "cap = 25_000_000"), encoding="utf-8")
    code, out, _ = run("rulebook", "diff", str(old), str(new), "--as-of", "2016-06-01")
    assert code == 1
    assert out.startswith("support.brand: thay đổi")  # in the chosen language (issue 17)
    assert "25.000.000 đ/thương hiệu" in out  # the unit in words (issue 17)
    english = run("--lang", "en", "rulebook", "diff", str(old), str(new), "--as-of", "2016-06-01")
    assert english[1].startswith("support.brand: changed")
    code, _, err = run("rulebook", "diff", str(old), str(new))
    assert code == 2
    assert "--as-of" in err
    code, _, err = run("rulebook", "diff", str(old), "2016-06-01")
    assert code == 2
    assert "hai ngày hoặc hai tệp quy định" in err
    code, _, err = run("--lang", "en", "rulebook", "diff", str(old), "2016-06-01")
    assert "two dates or two rulebook files" in err
    code, _, err = run("rulebook", "diff", "2016-02-30", "2016-06-01")
    assert code == 2
    assert "không phải ngày hợp lệ" in err
    code, _, err = run("--lang", "en", "rulebook", "diff", "2016-02-30", "2016-06-01")
    assert "not a valid date" in err
    code, _, err = run("rulebook", "diff", str(tmp_path / "nope.toml"), "2016-06-01")
    assert code == 2
    assert "không phải ngày (YYYY-MM-DD) cũng không phải tệp có sẵn" in err
    code, _, err = run(
        "--lang", "en", "rulebook", "diff", str(tmp_path / "nope.toml"), "2016-06-01"
    )
    assert "neither a date" in err


def test_usage_errors_exit_two() -> None:
    code, _, err = run("rulebook")
    assert code == 2
    assert "lỗi: thiếu tham số bắt buộc: ACTION" in err  # argparse's message, in Vietnamese
    assert err.startswith("Cách dùng: khuyencong rulebook")
    code, _, err = run("--lang", "en", "rulebook")
    assert "error: the following arguments are required: ACTION" in err
    assert run("nonsense")[0] == 2
    assert run("assess", "x.json", "--format", "yaml")[0] == 2


def test_cli_module_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import json, sys, khuyencong.cli; "
        "print(json.dumps(sorted(m for m in ('pandas', 'openpyxl', 'babel') if m in sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(result.stdout) == []


class _ClosedPipe(io.StringIO):
    """An output whose reader has gone away."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_output_stops_quietly_with_the_sigpipe_status() -> None:
    err = io.StringIO()
    assert main(["check", "--example"], out=_ClosedPipe(), err=err) == 141
    assert err.getvalue() == ""


def test_piping_into_a_reader_that_stops_early_leaves_no_traceback() -> None:
    import subprocess
    import sys

    child = subprocess.Popen(
        [sys.executable, "-m", "khuyencong", "check", "--example"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.close()  # like `| head -0`: the reader is gone before the first line
    stderr = child.stderr.read()
    assert child.wait(timeout=60) == 141
    assert stderr == b""


def test_check_workers_is_deprecated_and_prints_the_same_report() -> None:
    alone = run("check", "--example", "--format", "csv")
    shared = run("check", "--example", "--format", "csv", "--workers", "2")
    assert shared[:2] == alone[:2]
    assert "--workers" in shared[2]
    assert "không còn dùng" in shared[2]  # in the chosen language (issue 17)
    assert "Dask" in shared[2]
    english = run("check", "--example", "--format", "csv", "--workers", "2", "--lang", "en")
    assert "deprecated" in english[2]
    assert alone[0] == 1
    for bad in ("0", "two", "-1"):
        code, _, err = run("check", "--example", "--workers", bad)
        assert code == 2
        assert "--workers" in err


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_report_to_standard_output_is_the_report_text_in_utf8(fmt: str) -> None:
    # On a real standard output (UTF-8, no newline translation) check writes the JSON and CSV
    # reports' bytes straight to its buffer: they must be the text to_json() / to_csv() give,
    # encoded (no byte-order mark: that is for a file).
    import subprocess
    import sys

    from khuyencong.datasets import example_path, validate

    for lang in ("vi", "en"):
        command = ["-m", "khuyencong", "check", "--example", f"--format={fmt}", f"--lang={lang}"]
        result = subprocess.run(
            [sys.executable, *command],
            capture_output=True,
            check=False,
            timeout=120,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        assert result.returncode == 1, result.stderr  # the example holds deliberate problems
        report = validate(example_path())
        expected = report.to_json(lang=lang) if fmt == "json" else report.to_csv(lang=lang)
        assert expected is not None
        assert result.stdout == expected.encode("utf-8")
