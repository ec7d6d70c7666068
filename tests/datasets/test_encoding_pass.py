"""The pass that tells a CSV file's encoding also tells whether the columnar engine may read it
(no NUL, no bare carriage return): the file is read once before its rows, not twice."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khuyencong.datasets import columnar_lines, csvread, validate
from khuyencong.datasets.columns import ColumnMapping
from khuyencong.datasets.csvread import _detect, detect_encoding
from khuyencong.datasets.readers import read_csv
from khuyencong.errors import DatasetError

from .files import cp1258 as to_cp1258

_PIECES = ["a", "ắ", ",", "\n", "\r\n", "\r", "\x00", '"']


def _plain(data: bytes) -> bool | None:
    return _detect(io.BytesIO(data), "t.csv")[3]


def _file_ok(data: bytes, encoding: str) -> bool:
    """What the columnar engine read the file again for before: no NUL and no carriage return
    but before a line feed, in the whole decoded text."""
    text = data.decode(encoding)
    return "\x00" not in text and text.count("\r") == text.count("\r\n")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a,b\nc,d\n", True),
        (b"a,b\r\nc,d\r\n", True),
        ("Tên,Đơn vị\r\nMáy,cái".encode(), True),
        (b"a,b\rc,d\r", False),  # old Mac line ends: bare carriage returns
        (b"a,b\r\nc,d\r", False),  # a bare carriage return as the last byte
        (b"a,b\r\nc\r,d\r\n", False),
        (b"a,b\nc\x00,d\n", False),
        (b"\xef\xbb\xbfa,b\r\n", True),  # UTF-8 with a byte-order mark
        (b"\xef\xbb\xbfa\x00,b\r\n", False),
        ("a,b\r\nc,d\r\n".encode("utf-16"), True),  # Excel's "Unicode text"
        ("a,b\rc,d".encode("utf-16"), False),
        ("a,b\nc\x00d".encode("utf-16"), False),
    ],
)
def test_the_encoding_pass_tells_a_plain_file(data: bytes, expected: bool) -> None:
    assert _plain(data) is expected
    # the answer the columnar engine used to read the file again for
    assert _file_ok(data, _detect(io.BytesIO(data), "t.csv")[0]) is expected


def test_not_told_when_the_file_is_not_decoded_strictly() -> None:
    damaged = "Tên,Đơn vị,Cơ sở\nMáy,cái,Hà Nội\n".encode() + b"\xff,x\n"
    assert _detect(io.BytesIO(damaged), "t.csv")[1] == "replace"
    assert _plain(damaged) is None
    cp1258 = to_cp1258("Tên,Đơn vị,Cơ sở\nMáy,cái,Hà Nội\n")
    assert _detect(io.BytesIO(cp1258), "t.csv")[0] == "cp1258"
    assert _plain(cp1258) is None


@pytest.mark.parametrize("chunk", [1, 2, 3, 5])
def test_a_carriage_return_at_the_end_of_a_chunk(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """A ``\\r\\n`` split between two reads is still a line end; a ``\\r`` ending a read and
    not followed by ``\\n`` is bare."""
    monkeypatch.setattr(csvread, "_CHUNK", chunk)
    assert _plain(b"ab\r\ncd\r\nef\r\n") is True
    assert _plain(b"ab\r\ncd\rxef\r\n") is False
    assert _plain(b"ab\r\r\ncd\r\n") is False
    assert _plain("aắ\r\nắ\r\n".encode("utf-16")) is True
    assert _plain("aắ\rắ\r\n".encode("utf-16")) is False


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=40),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    st.integers(min_value=1, max_value=7),
)
def test_the_same_answer_as_reading_the_file_again(
    pieces: list[str], encoding: str, chunk: int
) -> None:
    data = "".join(pieces).encode(encoding)
    old = csvread._CHUNK
    csvread._CHUNK = chunk  # type: ignore[misc]
    try:
        encoding_told, errors, _, plain = _detect(io.BytesIO(data), "t.csv")
    except DatasetError:  # the zero bytes of UTF-16 without a byte-order mark, refused as before
        with pytest.raises(DatasetError):
            detect_encoding(io.BytesIO(data), "t.csv")
        return
    finally:
        csvread._CHUNK = old  # type: ignore[misc]
    if errors == "strict":
        assert plain is _file_ok(data, encoding_told)
    assert detect_encoding(io.BytesIO(data), "t.csv")[:2] == (encoding_told, errors)


def test_read_csv_keeps_the_answer() -> None:
    mapping = ColumnMapping()
    assert read_csv(b"a,b\r\nc,d\r\n", mapping, "t.csv").plain is True
    assert read_csv(b"a,b\rc,d\r", mapping, "t.csv").plain is False


def _bench(tmp_path: Path, end: bytes) -> Path:
    from ..columnar.test_check_engines import _bench_plan

    path = tmp_path / "plan.csv"
    path.write_bytes(_bench_plan(40).replace(b"\r\n", end))
    return path


@pytest.mark.parametrize(("end", "opens"), [(b"\n", 1), (b"\r\n", 1), (b"\r", 0)])
def test_the_columnar_engine_does_not_read_the_file_again_to_check_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, end: bytes, opens: int
) -> None:
    """Before its rows, the columnar engine opens the file once, for its lines (it used to open
    it twice: once more to look for NUL and bare carriage returns); a file with bare carriage
    returns is not opened by it at all (the row path reads it)."""
    path = _bench(tmp_path, end)
    opened: list[Any] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        opened.append(args[0])
        return open(*args, **kwargs)

    monkeypatch.setattr(columnar_lines, "open", counting, raising=False)
    by_columns = validate(path).to_json()  # the report is read here, once
    assert len(opened) == opens
    assert by_columns == validate(path, engine="rows").to_json()
