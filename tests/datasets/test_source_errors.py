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
    monkeypatch.chdir(tmp_path)
    Path("ke-hoach.csv").mkdir()  # a folder named like a plan: the system refuses to read it
    with pytest.raises(SourceError) as caught:
        validate("ke-hoach.csv")
    assert caught.value.reason == "cannot_open"
    assert caught.value.message("vi").startswith("không mở được ke-hoach.csv: ")
    assert caught.value.message("en").startswith("cannot open ke-hoach.csv: ")
    assert caught.value.detail


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
