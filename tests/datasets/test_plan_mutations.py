"""Property test (issue #12): valid plan files, mutated the ways real files go wrong, never give
a silent wrong answer.

For every mutation — random byte flips, inserted quotes and delimiters, truncated lines,
re-encodings, section and total rows, empty cells, blank lines — ``khuyencong check``:

- raises nothing but the library's own errors (an unexpected exception fails the test),
- exits with 0, 1 or 2,
- and, when it writes a report, accounts for every physical line of the file: each is a report
  row, a line of a cell spanning several lines (``multiline_cell``), a file note (a title row,
  a damaged line above the header), or one of the (at most two) header lines above the first
  row.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khuyencong.cli import main

from .files import HEADER
from .files import cp1258 as _cp1258

ITEMS = ("curriculum", "conference", "Khoản chi khác", "machinery_and_technology")
_LINE_END = re.compile(rb"\r\n|\r|\n")
_TEXT_LINE_END = re.compile(r"\r\n|\r|\n")
_SPAN = re.compile(r"runs on to line (\d+)")


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "cp1258":
        return _cp1258(text)
    return text.encode(encoding)


@st.composite
def mutated_plans(draw: st.DrawFn) -> tuple[bytes, str]:
    """A plan file as Excel writes it, then mutated; returns its bytes and encoding."""
    rows: list[list[str]] = []
    for number in range(draw(st.integers(1, 5))):
        for _ in range(draw(st.integers(1, 3))):
            amount = f"{draw(st.integers(1, 900))}.000.000"
            rows.append(
                [
                    f"QG-{number:03d}",
                    f"Đào tạo nghề mây tre đan số {number}",
                    "2016",
                    "KCQG",
                    "Hà Nam",
                    "vocational_training",
                    draw(st.sampled_from(ITEMS)),
                    amount,
                    amount,
                    "",
                ]
            )
    for _ in range(draw(st.integers(0, 2))):  # empty cells
        row = draw(st.integers(0, len(rows) - 1))
        rows[row][draw(st.integers(0, len(HEADER) - 1))] = ""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if draw(st.booleans()):
        writer.writerow(["KẾ HOẠCH KHUYẾN CÔNG NĂM 2016"] + [""] * (len(HEADER) - 1))
    writer.writerow(HEADER)
    writer.writerows(rows)
    lines = buffer.getvalue().split("\r\n")[:-1]
    first_data = len(lines) - len(rows)
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(
            st.sampled_from(
                ["quote", "delimiter", "truncate", "section", "total", "blank", "newline"]
            )
        )
        at = draw(st.integers(first_data, len(lines)))
        if kind in ("section", "total", "blank"):
            extra = {
                "section": "I. KHUYẾN CÔNG QUỐC GIA" + "," * (len(HEADER) - 1),
                "total": ",TỔNG CỘNG,,,,,,1.000.000,1.000.000,",
                "blank": "",
            }[kind]
            lines.insert(at, extra)
            continue
        if at == len(lines):
            at -= 1
        line = lines[at]
        cut = draw(st.integers(0, len(line)))
        if kind == "quote":
            lines[at] = line[:cut] + '"' + line[cut:]
        elif kind == "delimiter":
            lines[at] = line[:cut] + "," + line[cut:]
        elif kind == "truncate":
            lines[at] = line[:cut]
        else:
            lines[at] = line[:cut] + "\n" + line[cut:]
    text = "\r\n".join(lines) + ("\r\n" if draw(st.booleans()) else "")
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258"]))
    data = bytearray(_encode(text, encoding))
    for _ in range(draw(st.integers(0, 2))):  # byte flips
        position = draw(st.integers(0, len(data) - 1))
        data[position] = draw(st.integers(0, 255))
    return bytes(data), encoding


def _physical_lines(data: bytes, encoding: str) -> list[str]:
    """The physical lines as the reader sees them (line ends: CRLF, CR or LF)."""
    if encoding == "utf-16":
        text = data.decode("utf-16", errors="replace")
        parts = _TEXT_LINE_END.split(text)
    else:
        parts = [p.decode("latin-1") for p in _LINE_END.split(data)]
    if parts and parts[-1] == "":
        parts.pop()
    return parts


def _blankish(line: str) -> bool:
    return not line.strip(" ,;\t\"\ufeff\x00\ufffd'")


def _check(data: bytes) -> tuple[int, dict[str, Any] | None]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.csv"
        path.write_bytes(data)
        out = io.StringIO()
        code = main(["check", str(path), "--format", "json", "--lang", "en"], out=out, err=out)
    report = json.loads(out.getvalue()) if code in (0, 1) else None
    return code, report


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_plans())
def test_every_mutated_plan_is_checked_or_refused_and_no_line_is_lost(
    plan: tuple[bytes, str],
) -> None:
    data, encoding = plan
    code, report = _check(data)
    assert code in (0, 1, 2)
    if report is None:
        return
    accounted: set[int] = set()
    for row in report["rows"]:
        accounted.add(row["row"])
        for item in row["findings"]:
            if item["code"] == "multiline_cell":
                match = _SPAN.search(item["message"])
                assert match is not None
                accounted.update(range(row["row"], int(match.group(1)) + 1))
    accounted.update(n["row"] for n in report["summary"]["notes"] if n["row"] is not None)
    rows = [r["row"] for r in report["rows"]]
    assert rows == sorted(rows)
    assert len(set(rows)) == len(rows)
    assert report["summary"]["rows"] == len(rows)
    lines = _physical_lines(data, encoding)
    missing = [n for n in range(1, len(lines) + 1) if n not in accounted]
    first = min(rows, default=len(lines) + 1)
    # Only lines above the first row may be missing: the header (one line, or two when it is
    # combined with the line above) and blank lines.
    assert all(n < first for n in missing), (missing, first)
    unexplained = [n for n in missing if not _blankish(lines[n - 1])]
    assert len(unexplained) <= 2, (unexplained, lines[:5])
    assert max(rows, default=0) <= len(lines)
