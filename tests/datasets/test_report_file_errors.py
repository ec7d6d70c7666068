"""A report that cannot be written says why, in the clerk's words, naming the report the user
asked for (never the temporary ``.part`` file), and leaves the old report as it was
(:class:`khuyencong.ReportFileError`, :mod:`khuyencong.datasets.whole`)."""

from __future__ import annotations

import builtins
import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest

from khuyencong import KhuyenCongError, ReportFileError
from khuyencong.cli import main
from khuyencong.datasets import example_path, validate, whole
from khuyencong.datasets.whole import whole_file

EXPORTS = ["to_csv", "to_json", "to_html", "to_excel"]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def _left_as_it_was(path: Path) -> None:
    """The old report is there, unchanged, and no temporary file beside it."""
    assert path.read_bytes() == b"old"
    assert not _leftovers(path.parent)


@pytest.mark.parametrize("export", EXPORTS)
def test_a_folder_that_does_not_exist_is_named(tmp_path: Path, export: str) -> None:
    path = tmp_path / "chua-tao" / f"bao-cao.{export[3:]}"
    with pytest.raises(ReportFileError) as caught:
        getattr(validate(example_path("tidy")), export)(path)
    error = caught.value
    assert (error.reason, error.name, error.folder) == ("no_folder", str(path), str(path.parent))
    assert error.message("vi") == (
        f"không ghi được báo cáo {path}: không có thư mục {path.parent} — hãy tạo thư mục đó "
        "hoặc ghi báo cáo vào nơi khác"
    )
    assert ".part" not in str(error)
    assert isinstance(error.__cause__, FileNotFoundError)
    assert isinstance(error, KhuyenCongError)


@pytest.mark.parametrize("export", EXPORTS)
def test_a_folder_given_as_the_report_is_refused(tmp_path: Path, export: str) -> None:
    with pytest.raises(ReportFileError) as caught:
        getattr(validate(example_path("tidy")), export)(tmp_path)
    assert caught.value.reason == "is_folder"
    assert caught.value.message("en").startswith(f"cannot write the report {tmp_path}: it is a")
    assert tmp_path.is_dir()
    assert not _leftovers(tmp_path)


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "html", "xlsx"])
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "không ghi được báo cáo {p}: không có thư mục {f} — hãy tạo thư mục đó hoặc"),
        ("en", "cannot write the report {p}: the folder {f} does not exist — create it or"),
    ],
    ids=["vi", "en"],
)
def test_the_command_says_it_in_one_line_with_status_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, lang: str, said: str
) -> None:
    monkeypatch.setenv("COLUMNS", "500")  # the message is wrapped to the terminal's width
    path = tmp_path / "chua-tao" / "bao-cao"
    out, err = io.StringIO(), io.StringIO()
    argv = ["check", str(example_path("tidy")), "-o", str(path), "--format", fmt, "--lang", lang]
    assert main(argv, out=out, err=err) == 2
    text = err.getvalue()
    assert text.startswith("khuyencong check: " + said.format(p=path, f=path.parent))
    assert text.count("\n") == 1
    assert "Traceback" not in text
    assert ".part" not in text
    assert out.getvalue() == ""


def _refuse(monkeypatch: pytest.MonkeyPatch, mode: str, error: OSError) -> None:
    """Make ``open(..., mode)`` in :mod:`whole` fail with ``error``; other opens go through."""

    def fake(file: Any, how: str = "r", *args: Any, **options: Any) -> Any:
        if how == mode:
            raise error
        return builtins.open(file, how, *args, **options)

    monkeypatch.setattr(whole, "open", fake, raising=False)


def test_on_windows_a_report_open_in_excel_is_found_before_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bao-cao.xlsx"
    path.write_bytes(b"old")
    monkeypatch.setattr(whole, "_WINDOWS", True)
    # Windows: a file Excel holds open cannot be opened for writing (a sharing violation).
    _refuse(monkeypatch, "r+b", PermissionError(errno.EACCES, "Permission denied", str(path)))
    with pytest.raises(ReportFileError) as caught, whole_file(path, "wb"):
        pytest.fail("the report was begun")
    assert caught.value.reason == "in_use"
    assert "(như Excel)" in caught.value.message("vi")
    _left_as_it_was(path)


def test_on_windows_a_report_opened_in_excel_during_the_check_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bao-cao.json"
    path.write_bytes(b"old")
    monkeypatch.setattr(whole, "_WINDOWS", True)

    def locked(source: Any, target: Any) -> None:
        raise PermissionError(errno.EACCES, "Access is denied", str(source), None, str(target))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ReportFileError) as caught:
        validate(example_path("tidy")).to_json(path)
    assert (caught.value.reason, caught.value.name) == ("in_use", str(path))
    _left_as_it_was(path)


def test_a_folder_without_permission_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bao-cao.csv"
    _refuse(monkeypatch, "xb", PermissionError(errno.EACCES, "Permission denied", "x.part"))
    with pytest.raises(ReportFileError) as caught:
        validate(example_path("tidy")).to_csv(path)
    assert caught.value.reason == "not_allowed"
    assert caught.value.message("vi") == (
        f"không ghi được báo cáo {path}: không có quyền ghi vào đó — hãy chọn thư mục khác"
    )


def _fill(path: Path) -> None:
    with whole_file(path, "wb") as handle:
        handle.write(b"[")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_while_writing_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.json"
    path.write_bytes(b"old")
    with pytest.raises(ReportFileError) as caught:
        _fill(path)
    assert caught.value.reason == "disk_full"
    assert "ổ đĩa đã đầy" in caught.value.message("vi")
    _left_as_it_was(path)


def test_another_refusal_gives_what_the_system_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bao-cao.csv"
    _refuse(monkeypatch, "xb", OSError(errno.EROFS, "Read-only file system", "x.part"))
    with pytest.raises(ReportFileError) as caught:
        validate(example_path("tidy")).to_csv(path, lang="en")
    assert caught.value.reason == "cannot_write"
    assert caught.value.message("en") == (f"cannot write the report {path}: Read-only file system")


def test_an_error_of_the_rows_is_not_called_a_report_error(tmp_path: Path) -> None:
    # What goes wrong while the rows are made (here, the source) is raised as it is.
    path = tmp_path / "bao-cao.json"
    with pytest.raises(OSError, match="mất kết nối") as caught, whole_file(path, "wb"):
        raise OSError(errno.ECONNRESET, "mất kết nối")
    assert not isinstance(caught.value, ReportFileError)
    assert not path.exists()
