"""A source that cannot be opened is said in the language asked for (``SourceError``), as the
command line says a missing proposal or rulebook file: a clerk who mistypes a file name, or
gives an .xls workbook, reads why in Vietnamese."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from khuyencong import DatasetError, SourceError
from khuyencong.cli import main
from khuyencong.datasets import validate

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check(*argv: str) -> tuple[int, str]:
    """The exit code and what the command said (its lines, wrapped to the width, joined)."""
    err = io.StringIO()
    code = main(["check", *argv], out=io.StringIO(), err=err)
    return code, " ".join(err.getvalue().split())


@pytest.mark.parametrize(
    ("make", "reason", "vi", "en"),
    [
        (None, "no_such_file", "ke-hoach.csv: không có tệp này", "ke-hoach.csv: no such file"),
        (
            b"x",
            "unknown_format",
            "không biết ke-hoach.doc là tệp loại gì",
            "cannot tell the format of ke-hoach.doc",
        ),
        (OLE2, "xls", "là sổ tính Excel 97-2003 (.xls)", "is an Excel 97-2003 workbook (.xls)"),
    ],
)
def test_a_source_that_cannot_be_opened_is_said_in_the_chosen_language(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: bytes | None,
    reason: str,
    vi: str,
    en: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    suffix = {"no_such_file": ".csv", "unknown_format": ".doc", "xls": ".xls"}[reason]
    path = Path(f"ke-hoach{suffix}")
    if make is not None:
        path.write_bytes(make)
    with pytest.raises(SourceError) as caught:
        validate(path)
    error = caught.value
    assert isinstance(error, DatasetError)
    assert error.reason == reason
    assert vi in error.message("vi")
    assert en in error.message("en")
    assert vi in str(error)
    assert en in str(error)
    code, said = _check(str(path))
    assert code == 2
    assert vi in said
    assert "Traceback" not in said
    code, said = _check(str(path), "--lang", "en")
    assert code == 2
    assert en in said


def test_an_xls_workbook_given_as_bytes_is_refused_the_same_way() -> None:
    with pytest.raises(SourceError) as caught:
        validate(OLE2 + b"\x00" * 100)
    assert caught.value.reason == "xls"


def test_a_file_that_cannot_be_read_says_what_the_system_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from khuyencong.datasets import readers

    monkeypatch.chdir(tmp_path)
    Path("ke-hoach.csv").write_bytes(b"x")

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "ke-hoach.csv")

    monkeypatch.setattr(readers, "open", refused, raising=False)
    with pytest.raises(SourceError) as caught:
        validate("ke-hoach.csv")
    assert caught.value.reason == "cannot_open"
    assert caught.value.message("vi") == "không mở được ke-hoach.csv: Permission denied"
    assert caught.value.message("en") == "cannot open ke-hoach.csv: Permission denied"


@pytest.mark.parametrize("name", ["ke-hoach.csv", "ke-hoach"])
def test_a_folder_is_not_a_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).mkdir()  # a folder named like a plan, or the folder of the plans
    with pytest.raises(SourceError) as caught:
        validate(name)
    assert caught.value.reason == "is_folder"
    code, said = _check(name)
    assert code == 2
    assert f"{name} là một thư mục, không phải tệp" in said


def test_a_workbook_saved_under_a_csv_name_is_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import Workbook

    monkeypatch.chdir(tmp_path)
    Workbook().save("ke-hoach.xlsx")
    Path("ke-hoach.xlsx").rename("ke-hoach.csv")
    Path("cu.csv").write_bytes(OLE2 + b"\x00" * 100)
    with pytest.raises(SourceError) as caught:
        validate("ke-hoach.csv")
    assert caught.value.reason == "xlsx_renamed"
    assert "đổi tên cho có đuôi .xlsx" in caught.value.message("vi")
    with pytest.raises(SourceError) as caught:
        validate("cu.csv")
    assert caught.value.reason == "xls"


def test_the_format_is_asked_for_as_the_command_line_spells_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ke-hoach.ods").write_bytes(b"x")
    code, said = _check("ke-hoach.ods")
    assert code == 2
    assert "--input-format" in said


def test_a_sheet_not_in_the_workbook_is_said_with_its_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import Workbook

    monkeypatch.chdir(tmp_path)
    book = Workbook()
    book.active.title = "Kế hoạch"
    book.active.append(["Mã đề án", "Tên đề án", "Hạng mục chi"])
    book.save("ke-hoach.xlsx")
    with pytest.raises(SourceError) as caught:
        validate("ke-hoach.xlsx", sheet="Năm 2016")
    assert caught.value.reason == "no_sheet"
    code, said = _check("ke-hoach.xlsx", "--sheet", "Năm 2016")
    assert code == 2
    assert (
        "ke-hoach.xlsx không có trang tính nào tên 'Năm 2016'; các trang tính: 'Kế hoạch'" in said
    )
    code, said = _check("ke-hoach.xlsx", "--sheet", "Năm 2016", "--lang", "en")
    assert "ke-hoach.xlsx has no sheet named 'Năm 2016'; its sheets: 'Kế hoạch'" in said


def test_a_workbook_that_is_not_one_is_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ke-hoach.xlsx").write_bytes(b"PK\x03\x04 not a zip at all")
    with pytest.raises(SourceError) as caught:
        validate("ke-hoach.xlsx")
    assert caught.value.reason == "not_xlsx"
    assert caught.value.message("vi").startswith("ke-hoach.xlsx không phải sổ tính .xlsx đọc được")
