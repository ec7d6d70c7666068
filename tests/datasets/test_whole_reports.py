"""A report file is there whole or not at all (:mod:`khuyencong.datasets.whole`): a check
stopped half-way — an error, Ctrl+C — leaves the file that was there before, or none, and no
truncated report that reads like a finished one."""

from __future__ import annotations

import gc
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from khuyencong.cli import check as cli_check
from khuyencong.cli import main
from khuyencong.datasets import example_path, validate
from khuyencong.datasets.whole import whole_file


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_file_written_whole_replaces_the_old_one_with_a_new_files_permissions(
    tmp_path: Path,
) -> None:
    path = tmp_path / "report.csv"
    path.write_text("old", encoding="utf-8")
    plain = tmp_path / "plain.csv"
    with open(plain, "w", encoding="utf-8") as handle:
        handle.write("x")
    with whole_file(path, "w", encoding="utf-8") as handle:
        handle.write("mới")
        assert path.read_text(encoding="utf-8") == "old"  # not before the end
    assert path.read_text(encoding="utf-8") == "mới"
    assert stat.S_IMODE(path.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)
    assert not _leftovers(tmp_path)


def _half(path: Path, error: BaseException) -> None:
    with whole_file(path, "wb") as handle:
        handle.write(b'[{"row": 1}')
        raise error


@pytest.mark.parametrize("error", [OSError("đĩa đầy"), KeyboardInterrupt()])
def test_a_file_stopped_half_way_leaves_the_old_one(tmp_path: Path, error: BaseException) -> None:
    path = tmp_path / "report.json"
    path.write_bytes(b"old")
    with pytest.raises(type(error)):
        _half(path, error)
    assert path.read_bytes() == b"old"
    assert not _leftovers(tmp_path)
    new = tmp_path / "new.json"
    with pytest.raises(type(error)):
        _half(new, error)
    assert not new.exists()
    assert not _leftovers(tmp_path)


def test_a_link_keeps_pointing_to_the_report(tmp_path: Path) -> None:
    shared = tmp_path / "chung"
    shared.mkdir()
    (shared / "bao-cao.csv").write_text("cũ", encoding="utf-8")
    link = tmp_path / "bao-cao.csv"
    link.symlink_to(shared / "bao-cao.csv")
    with whole_file(link, "w", encoding="utf-8") as handle:
        handle.write("mới")
    assert link.is_symlink()
    assert (shared / "bao-cao.csv").read_text(encoding="utf-8") == "mới"
    assert not _leftovers(tmp_path)
    assert not _leftovers(shared)


def test_a_device_is_written_directly() -> None:
    with whole_file(os.devnull, "w", encoding="utf-8") as handle:
        handle.write("bỏ đi")
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def _failing_rows(n: int) -> Iterator[dict[str, Any]]:
    """Proposals as dicts, then an error (a source that breaks while it is read)."""
    for i in range(n):
        yield {
            "Mã đề án": f"DA-{i}",
            "Tên đề án": f"Đề án {i}",
            "Hạng mục chi": "brand",
            "Tổng kinh phí": "70000000",
            "Kinh phí đề nghị hỗ trợ": "35000000",
        }
    raise OSError("mất kết nối")


@pytest.mark.parametrize(
    "export",
    [
        "to_csv",
        "to_json",
        "to_html",
        # openpyxl's write-only sheet, left half-written, printed an error when collected.
        pytest.param(
            "to_excel",
            marks=pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning"),
        ),
    ],
)
def test_a_report_whose_rows_fail_half_way_writes_no_file(tmp_path: Path, export: str) -> None:
    path = tmp_path / f"report.{export[3:]}"
    report = validate(_failing_rows(50))
    with pytest.raises(OSError, match="mất kết nối"):
        getattr(report, export)(path)
    assert not path.exists()
    assert not _leftovers(tmp_path)
    del report
    gc.collect()  # what is left of the report goes here, not in another test


def test_a_report_to_a_stream_is_written_as_before(tmp_path: Path) -> None:
    report = validate(example_path("tidy"))
    buffer = io.BytesIO()
    report.to_json(buffer)
    path = tmp_path / "report.json"
    report.to_json(path)
    assert path.read_bytes() == buffer.getvalue()


def test_the_command_stopped_half_way_leaves_the_old_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bang.txt"
    path.write_text("bảng cũ", encoding="utf-8")

    def interrupted(report: Any, lang: str, out: Any, **options: Any) -> bool:
        out.write("một phần")
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_check, "_print_table", interrupted)
    assert main(["check", str(example_path("tidy")), "-o", str(path)], err=io.StringIO()) == 130
    assert path.read_text(encoding="utf-8") == "bảng cũ"
    assert not _leftovers(tmp_path)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "khuyencong check: đã dừng (Ctrl+C) giữa chừng: kết quả chưa được ghi đầy đủ\n"),
        ("en", "khuyencong check: stopped (Ctrl+C) half-way: the output was not written in full\n"),
    ],
)
def test_ctrl_c_is_said_in_one_line_with_status_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    def interrupted(report: Any, lang: str, out: Any, **options: Any) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_check, "_print_table", interrupted)
    out, err = io.StringIO(), io.StringIO()
    path = tmp_path / "bang.txt"
    argv = ["check", str(example_path("tidy")), "-o", str(path), "--lang", lang]
    assert main(argv, out=out, err=err) == 130
    assert err.getvalue() == said
    assert not path.exists()
