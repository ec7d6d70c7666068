"""One meaning, two paths for whole files: ``validate`` / ``check`` by the columnar engine
(:mod:`khuyencong.datasets.columnar_check`, the default for tidy CSV) and by the row path
(``engine="rows"``, the reference) give the same rows — status, amounts, finding codes,
severities, columns, messages in both languages, citations — the same summary and notes, and
the same JSON report, byte for byte.

Plans are generated over every support item, beneficiary kind, province, funding source and
date across the instruments (08/04/2014, 11/05/2018, 01/07/2025, 15/10/2025), with the amount
forms clerks write (``1.500.000``, ``50 triệu``, ``1.500.000 đ``, plain digits), and with the
things the columnar engine hands to the row path: blank lines and cells, unreadable amounts,
ragged lines, codes that come back, lines without a code, total rows, amounts beyond 10¹⁵,
requested above cost, text that is not NFC.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khuyencong as kc
from khuyencong.datasets import columnar_check as engine_module
from khuyencong.datasets import example_path, validate
from khuyencong.datasets.report import Report

HEADER = [
    "Mã đề án",
    "Tên đề án",
    "Năm kế hoạch",
    "Nguồn kinh phí",
    "Tỉnh/Thành phố",
    "Nội dung",
    "Hạng mục chi",
    "Số đơn vị",
    "Tổng kinh phí",
    "Kinh phí KCQG",
    "Đối ứng",
    "Ngày bắt đầu",
    "Huyện",
    "Xã",
    "Đơn vị thụ hưởng",
    "Loại hình",
    "Ngành nghề",
    "Cam kết đối ứng",
    "Cam kết không trùng nguồn NSNN",
]
PROVINCES = ["Thái Nguyên", "Hà Nam", "Nam Định", "Đắk Lắk", "Cần Thơ", "Hà Nội"]
DISTRICTS = ["Huyện Phú Lương", "Thị xã Hoài Nhơn", "Quận Ba Đình", "Gia Lâm", ""]
COMMUNES = ["Xã Minh Họa", "Phường Phong Khê", "Thị trấn Phùng", "Bát Tràng"]
KINDS = ["Hộ kinh doanh", "Hợp tác xã", "DNNVV", "doanh nghiệp lớn", ""]
INDUSTRIES = [
    "Chế biến nông - lâm - thủy sản và thực phẩm",
    "Chế biến thực phẩm",
    "Thủ công mỹ nghệ",
    "",
]
CONTENTS = [
    "demonstration_and_technology",
    "demonstration_and_technology; capacity_building",
    "typical_products_and_promotion",
    "vocational_training",
]
DATES = ["08/04/2014", "01/06/2016", "11/05/2018", "01/07/2025", "15/10/2025", ""]
FUNDING = ["KCQG", "KCQG", "KCĐP"]


def _amount(value: int, form: int) -> str:
    dotted = f"{value:,}".replace(",", ".")
    if form == 0:
        return dotted
    if form == 1:
        return str(value)
    if form == 2:
        return dotted + " đ"
    if value % 1_000_000 == 0:
        return f"{value // 1_000_000} triệu"
    return dotted


@st.composite
def plans(draw: st.DrawFn) -> bytes:
    """A plan file: mostly tidy proposals of a few profiles, with some of what a real file
    holds."""
    rows: list[list[str]] = []
    proposals = draw(st.integers(1, 24))
    # An STT column: none, a number per proposal (its first line), a number per line.
    numbering = draw(st.sampled_from(["", "", "proposal", "line"]))
    count = 0
    profile = draw(
        st.lists(
            st.tuples(
                st.sampled_from(PROVINCES),
                st.sampled_from(DISTRICTS),
                st.sampled_from(KINDS),
                st.sampled_from(INDUSTRIES),
                st.sampled_from(CONTENTS),
                st.sampled_from(DATES),
                st.sampled_from(FUNDING),
                st.sampled_from(["2014", "2016", "2018", "2025"]),
                st.lists(st.sampled_from([i.value for i in kc.SupportItem]), min_size=1),
                st.integers(1, 3),
                st.sampled_from(["", "1", "2", "0", "x"]),
                st.booleans(),
                st.sampled_from(["có", "không", ""]),
                st.sampled_from(["x", ""]),
                st.booleans(),
            ),
            min_size=1,
            max_size=3,
        )
    )
    items = [i.value for i in kc.SupportItem]
    codes: list[str] = []
    for p in range(proposals):
        (
            place,
            district,
            kind,
            industry,
            content,
            start,
            funding,
            year,
            its,
            lines,
            units,
            with_counterpart,
            committed,
            no_other,
            repeat,
        ) = draw(st.sampled_from(profile))
        chance = draw(st.integers(0, 59))
        code = (
            "Tổng cộng"
            if chance == 0
            else ""
            if chance < 3
            else draw(st.sampled_from(codes))
            if chance < 6 and codes
            else f"QG-{p:04d}"
        )
        codes.append(code)
        commune = draw(st.sampled_from(COMMUNES)) + f" {p % 3}"
        # Titles and names as Excel quotes them: with a comma, with a quote inside.
        title = draw(
            st.sampled_from(
                [
                    f"Đề án minh họa {p}",
                    f"Hỗ trợ máy móc, thiết bị {p}",
                    f'Đề án "Làng nghề" {p}',
                ]
            )
        )
        beneficiary = draw(st.sampled_from([f"Cơ sở {p}", f"Công ty TNHH Minh, Anh {p}"]))
        for k in range(lines):
            cost = draw(st.integers(0, 400)) * 500_000
            requested = draw(
                st.sampled_from([cost // 2] * 30 + [cost, 0, cost + 1_000_000, cost + 1])
            )
            counterpart = cost - requested
            big = draw(st.integers(0, 80)) == 0
            if big:
                cost = 10**16
            form = draw(st.integers(0, 3))
            row = [
                code if k == 0 or repeat else "",
                title if k == 0 or repeat else "",
                year,
                funding,
                place,
                content,
                its[k % len(its)] if draw(st.integers(0, 9)) else draw(st.sampled_from(items)),
                units,
                _amount(cost, form),
                _amount(requested, draw(st.integers(0, 3))),
                _amount(counterpart, form) if with_counterpart else "",
                start,
                district,
                commune,
                beneficiary if draw(st.integers(0, 15)) else "",
                kind,
                industry,
                committed,
                no_other,
            ]
            oddity = draw(st.integers(0, 80))
            if oddity == 0:
                row[8] = "mười triệu"  # unreadable
            elif oddity == 1:
                row = row[:5]  # ragged
            elif oddity == 2:
                row[14] = unicodedata.normalize("NFD", row[14] or "Cơ sở")
            elif oddity == 3:
                row[1] = "  " + row[1] + " "
            elif oddity == 4:
                rows.append([])  # a blank line
            elif oddity == 5:
                row[8] = "#REF!"
            elif oddity == 6:
                row[1] += "\n(giai đoạn 2)"  # a cell with a line break (Alt+Enter)
            elif oddity == 7:
                row[1] = UNCLOSED + row[1]  # a quote opened and never closed
            if numbering:
                count += 1
                number = str(p + 1 if numbering == "proposal" else count)
                if numbering == "proposal" and k > 0:
                    number = ""
                if draw(st.integers(0, 9)) == 0:
                    number += "."  # "1." is a number too
                if oddity == 8:
                    number = "II"  # a section
                elif oddity == 9:
                    number, row[14] = "", "Giám đốc Sở Công Thương"  # a footer row
                elif oddity == 10:
                    number = "1a"  # neither a number nor a section
                row.insert(0, number)
            rows.append(row)
    header = ["STT", *HEADER] if numbering else HEADER
    if numbering and draw(st.integers(0, 2)) == 0:
        # No code column: the row path derives each proposal's code from its STT.
        header = header[:1] + header[2:]
        rows = [row[:1] + row[2:] for row in rows]
    if draw(st.integers(0, 5)) == 0:
        # Excel's "Unicode Text": UTF-16 with a byte-order mark, tab-delimited, CRLF.
        return _written(rows, "\r\n", "\t", header=header).decode().encode("utf-16")
    return _written(
        rows,
        draw(st.sampled_from(["\n", "\r\n"])),
        draw(st.sampled_from([",", ",", ";"])),
        draw(st.booleans()),
        header,
    )


UNCLOSED = "\ue001"
"""Marks a cell written with an opening quote and no closing one."""


def _written(
    rows: list[list[str]],
    end: str,
    delimiter: str = ",",
    bom: bool = False,
    header: list[str] = HEADER,
) -> bytes:
    """The plan as Excel's "CSV UTF-8" writes it: quotes only around cells holding the
    delimiter, a quote or a line break (a quote inside doubled); ``UNCLOSED`` cells written
    with a lone opening quote."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=end)
    writer.writerow(header)
    for row in rows:
        if any(cell.startswith(UNCLOSED) for cell in row):
            buffer.write(
                delimiter.join(
                    '"' + c.removeprefix(UNCLOSED).replace('"', "") if c.startswith(UNCLOSED) else c
                    for c in row
                )
                + end
            )
        else:
            writer.writerow(row)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


def _finding(f: Any) -> tuple[Any, ...]:
    return (
        f.row,
        f.column,
        f.code,
        f.severity,
        f.message("vi"),
        f.message("en"),
        f.citation("vi"),
        f.citation("en"),
        f.citation_key,
        f.line,
    )


def _rows(report: Report) -> list[tuple[Any, ...]]:
    return [
        (
            r.row,
            r.status,
            r.proposal_code,
            r.title,
            r.funding,
            r.province,
            r.year,
            r.content,
            r.item,
            r.cost,
            r.requested,
            r.counterpart,
            r.allowed,
            r.as_of,
            r.first_of_proposal,
            r.unreadable,
            tuple(_finding(f) for f in r.findings),
        )
        for r in report
    ]


def _same(source: Any, **options: Any) -> None:
    fast = validate(source, **options)
    rows = validate(source, engine="rows", **options)
    assert _rows(fast) == _rows(rows)
    assert fast.summary().to_dict() == rows.summary().to_dict()
    assert [_finding(n) for n in fast.summary().notes] == [
        _finding(n) for n in rows.summary().notes
    ]
    for lang in ("vi", "en"):
        assert fast.to_json(lang=lang) == rows.to_json(lang=lang)
    assert fast.to_csv() == rows.to_csv()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_generated_plans_read_the_same_by_columns_and_by_rows(data: bytes) -> None:
    _same(data)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.sampled_from([date(2016, 6, 1), date(2025, 10, 15)]))
def test_generated_plans_at_a_date_and_validated_only(data: bytes, as_of: date) -> None:
    _same(data, as_of=as_of)
    _same(data, assessor=None)


def _overlay_path() -> Path:
    path = resources.files("khuyencong.rulebooks.data.templates").joinpath("provincial.toml")
    with resources.as_file(path) as file:
        return Path(file)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_generated_plans_with_a_provincial_overlay(data: bytes) -> None:
    _same(data, rulebooks=[kc.load_rulebook(_overlay_path())])


@pytest.mark.parametrize("name", ["tidy", "mau-2"])
def test_the_example_plans(name: str) -> None:
    _same(example_path(name))


def _bench_plan(
    rows: int,
    *,
    quoted: bool = False,
    end: str = "\r\n",
    delimiter: str = ",",
    bom: bool = False,
    numbering: str = "",
) -> bytes:
    """The shape of benchmarks/datasets_throughput.py: four lines a proposal, mixed amount
    forms, names unique to each proposal; ``quoted``: titles and names holding a comma or a
    quote, written as Excel writes them; ``numbering``: an STT column first, numbering each
    ``"proposal"`` (on its first line) or each ``"line"``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=end)
    writer.writerow((["STT"] if numbering else []) + HEADER[:7] + HEADER[8:])
    for index in range(rows):
        proposal = index // 4
        cost = 1_000_000 * (index % 97 + 3)
        number = (
            []
            if not numbering
            else [str(index + 1)]
            if numbering == "line"
            else [str(proposal + 1) if index % 4 == 0 else ""]
        )
        writer.writerow(
            [
                *number,
                f"QG-{proposal:07d}",
                (
                    f'Hỗ trợ máy móc, thiết bị "dệt" số {proposal}'
                    if quoted
                    else f"Đề án minh họa số {proposal}"
                ),
                2016 + proposal % 4,
                "KCQG",
                PROVINCES[proposal % 5],
                "demonstration_and_technology; capacity_building",
                ("machinery_and_technology", "curriculum", "conference", "brand")[index % 4],
                f"{cost:,}".replace(",", "."),
                f"{cost // 2 // 1_000_000} triệu",
                f"{cost - cost // 2:,}".replace(",", ".") + " đ",
                "01/06/2016",
                "Huyện Phú Lương",
                f"Xã Minh Họa {proposal % 50}",
                f"Cơ sở minh họa, {proposal}" if quoted else f"Cơ sở minh họa {proposal}",
                KINDS[proposal % 3],
                "Chế biến nông - lâm - thủy sản và thực phẩm",
                "có",
                "x",
            ]
        )
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


def _counting(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many proposals the columnar engine read from a profile's template, how many it
    handed to the row path one by one, and how many times it handed the rest of the file."""
    used = {"templates": 0, "by_rows": 0, "tails": 0}
    engine = engine_module._Engine
    for name, method in (
        ("templates", engine._from_template),
        ("by_rows", engine._by_rows),
        ("tails", engine._tail),
    ):

        def counting(self: Any, *args: Any, _name: str = name, _method: Any = method) -> Any:
            used[_name] += 1
            return _method(self, *args)

        monkeypatch.setattr(engine, method.__name__, counting)
    return used


@pytest.mark.parametrize(
    ("end", "delimiter", "bom"),
    [("\r\n", ",", True), ("\r\n", ";", True), ("\n", ",", False), ("\r\n", "\t", False)],
)
def test_a_plan_as_excel_exports_it_is_read_by_columns(
    monkeypatch: pytest.MonkeyPatch, end: str, delimiter: str, bom: bool
) -> None:
    """Excel's "CSV UTF-8" (byte-order mark, CRLF, quotes around every title and name holding a
    comma or a quote, ``""`` inside) is read by columns, with the row path's report."""
    used = _counting(monkeypatch)
    data = _bench_plan(400, quoted=True, end=end, delimiter=delimiter, bom=bom)
    # Every title is quoted, with its "" inside.
    assert data.count('"Hỗ trợ máy móc, thiết bị ""dệt"" số'.encode()) == 400
    _same(data)
    assert used["tails"] == 0
    # 100 proposals whose profile (province, year, kind) repeats every 60: the first 60 are
    # read by rows, the 40 after them from their profile's template (four passes of _same).
    assert used["by_rows"] == 4 * 60
    assert used["templates"] == 4 * 40


@pytest.mark.parametrize("numbering", ["", "proposal"])
def test_excels_unicode_text_is_read_by_columns(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, numbering: str
) -> None:
    """Excel's "Unicode Text" export: UTF-16 LE with a byte-order mark, tab-delimited, CRLF,
    cells holding a quote quoted: decoded and read by columns, with the row path's report."""
    used = _counting(monkeypatch)
    text = _bench_plan(400, quoted=True, delimiter="\t", numbering=numbering).decode()
    data = text.encode("utf-16")
    assert data[:2] == b"\xff\xfe"
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    _same(data)
    _same(path)
    assert used == {"templates": 8 * 40, "by_rows": 8 * 60, "tails": 0}
    # A NUL or a bare carriage return in it: the row path's alone.
    used.update(templates=0, by_rows=0)
    _same(text.replace("Cơ sở minh họa, 7", "Cơ sở\x00 7").encode("utf-16"))
    _same(text.replace("Cơ sở minh họa, 7", "Cơ sở\r7").encode("utf-16"))
    assert used == {"templates": 0, "by_rows": 0, "tails": 0}


def test_a_cell_with_a_line_break_hands_the_rest_to_the_row_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    used = _counting(monkeypatch)
    lines = _bench_plan(400, quoted=True).decode().split("\r\n")
    # Line 302 (the first of proposal 75) gets a title over two lines (Alt+Enter in Excel).
    assert lines[301].startswith('QG-0000075,"Hỗ trợ')
    lines[301] = lines[301].replace('"Hỗ trợ', '"Dòng một\r\nHỗ trợ', 1)
    data = "\r\n".join(lines).encode()
    _same(data)
    assert used["tails"] == 4  # four passes of _same
    # Proposals 60 to 73 were read from templates (see the test above), in each pass; 74, the
    # proposal still open when the quote comes (a next line could continue it), goes with
    # the rest of the file to the row path.
    assert used["templates"] == 4 * 14
    rows = validate(data, engine="rows")
    assert any(f.code == "multiline_cell" for r in rows for f in r.findings)


@pytest.mark.parametrize(
    "damage",
    [
        'QG-0000010,"Đề án chưa đóng ngoặc,',  # an unclosed quote
        'QG-0000010,"Đề án" thừa chữ,',  # text after the closing quote
        'QG-0000010,Đề án "giữa" ô,',  # a quote inside an unquoted cell (not damage)
    ],
)
def test_damaged_quotes_are_the_row_paths(damage: str) -> None:
    lines = _bench_plan(80, quoted=True).decode().split("\r\n")
    cells = lines[41].split(",")
    assert cells[0] == "QG-0000010"
    lines[41] = damage + ",".join(cells[-len(HEADER) + 5 :])
    _same("\r\n".join(lines).encode())


def test_a_quote_over_the_header_leaves_the_file_to_the_row_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    used = _counting(monkeypatch)
    lines = _bench_plan(40, quoted=True).decode().split("\r\n")
    header = lines[0].split(",")
    header[8] = '"Tổng kinh phí\r\n(đồng)"'
    data = "\r\n".join([",".join(header), *lines[1:]]).encode()
    _same(data)
    assert used == {"templates": 0, "by_rows": 0, "tails": 0}


def test_a_plan_with_an_stt_column_is_read_by_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """An STT column numbering each proposal on its first line (1, 2, 3…): a plan table for the
    row path (what it does not state is a finding), read by columns with the same report."""
    used = _counting(monkeypatch)
    # A third of the proposals leave the beneficiary's kind empty.
    data = _bench_plan(400, quoted=True, numbering="proposal").replace(
        ",Hộ kinh doanh,".encode(), b",,"
    )
    _same(data)
    assert used == {"templates": 4 * 40, "by_rows": 4 * 60, "tails": 0}
    # In a plan table (an STT column) a kind not stated is "not stated", never guessed.
    report = validate(data)
    stated = {r.proposal_code: r.status for r in report if r.first_of_proposal}
    assert stated["QG-0000000"] == stated["QG-0000099"] == "not_assessable"
    assert stated["QG-0000001"] == "ineligible"
    assert "not_stated" in {f.code for r in report for f in r.findings}


def test_codes_from_the_stt_column_are_read_by_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """No code column: the row path takes each proposal's code from its STT ("1." is 1); the
    columnar engine does the same, and leaves a line with another STT to the row path."""
    used = _counting(monkeypatch)
    lines = _bench_plan(400, numbering="proposal").decode().split("\r\n")
    lines = [",".join(line.split(",")[:1] + line.split(",")[2:]) for line in lines if line]
    lines[5] = "2." + lines[5].removeprefix("2")
    data = ("\r\n".join(lines) + "\r\n").encode()
    _same(data)
    assert used == {"templates": 4 * 40, "by_rows": 4 * 60, "tails": 0}
    codes = {r.row: r.proposal_code for r in validate(data)}
    assert codes[2] == codes[5] == "1"
    assert codes[6] == codes[9] == "2"
    assert codes[401] == "100"
    lines[301] = "7a" + lines[301].removeprefix("76")
    _same(("\r\n".join(lines) + "\r\n").encode())
    assert used["tails"] == 4


def test_a_plan_numbering_each_line_is_read_by_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """An STT per line beside a code column: the number only counts the lines, so two numbers in
    one proposal are no conflict (no ``conflicting_value`` on STT, in either engine), and the
    columnar engine reads the plan by columns."""
    used = _counting(monkeypatch)
    data = _bench_plan(400, numbering="line")
    _same(data)
    assert used == {"templates": 4 * 40, "by_rows": 4 * 60, "tails": 0}
    rows = list(validate(data))
    # Line 400 is the third of proposal 99 (first on line 398: the header is line 1), with an
    # STT other than the first line's.
    third = next(r for r in rows if r.row == 400)
    assert third.proposal_code == next(r for r in rows if r.row == 398).proposal_code
    assert [f for f in third.findings if f.column == "STT"] == []


@pytest.mark.parametrize(
    ("number", "tails"), [("II", 4), ("B", 4), ("1.2", 0), ("12.", 0), ("x1", 0), ("", 0)]
)
def test_a_section_in_the_stt_column_hands_the_rest_to_the_row_path(
    monkeypatch: pytest.MonkeyPatch, number: str, tails: int
) -> None:
    """A Roman numeral or a letter in STT is a section (the row path from there); an Arabic
    number, another text or none is a data row."""
    used = _counting(monkeypatch)
    lines = _bench_plan(400, numbering="proposal").decode().split("\r\n")
    assert lines[301].startswith("76,QG-0000075,")
    lines[301] = number + lines[301].removeprefix("76")
    _same("\r\n".join(lines).encode())
    assert used["tails"] == tails


@pytest.mark.parametrize(
    "signature",
    [
        "Người lập biểu",
        "KT. GIÁM ĐỐC",
        "Nơi nhận:",
        unicodedata.normalize("NFD", "TM. ỦY BAN NHÂN DÂN"),
        "Thủ\u00a0trưởng đơn vị",
        "\u212aẾ TOÁN TRƯỞNG",  # a Kelvin sign for the K: NFC makes it a K
    ],
)
def test_a_footer_below_an_stt_table_is_the_row_paths(
    monkeypatch: pytest.MonkeyPatch, signature: str
) -> None:
    """A line with no STT whose cell is a signature is the footer (the row path from there), in
    whichever column, case or Unicode form it is written."""
    used = _counting(monkeypatch)
    data = _bench_plan(400, numbering="proposal").decode()
    for column in (2, 14):
        footer = ",".join(signature if k == column else "" for k in range(19))
        _same((data + footer + "\r\n").encode())
    assert used["tails"] == 8
    # A proposal's second line (no STT) with a title that is no signature stays by columns.
    used["tails"] = 0
    _same(data.replace(",Đề án minh họa số 99,", ",Chủ đầu tư lập kế hoạch,").encode())
    assert used["tails"] == 0


def test_a_tidy_plan_is_read_by_columns_across_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """The benchmark's shape goes through the columnar engine (profiles, not proposal by
    proposal), across several batches, and gives the row path's report."""
    monkeypatch.setattr(engine_module, "BATCH_LINES", 97)
    used = {"profiles": 0, "by_rows": 0}
    profile, by_rows = engine_module._Engine._profile, engine_module._Engine._by_rows

    def counting_profile(self: Any, *args: Any) -> Any:
        used["profiles"] += 1
        return profile(self, *args)

    def counting_rows(self: Any, *args: Any) -> Any:
        used["by_rows"] += 1
        return by_rows(self, *args)

    monkeypatch.setattr(engine_module._Engine, "_profile", counting_profile)
    monkeypatch.setattr(engine_module._Engine, "_by_rows", counting_rows)
    data = _bench_plan(1200)
    _same(data)
    # A profile is built on its second proposal; the first of each takes the row path.
    assert 0 < used["profiles"] == used["by_rows"] <= 60 * 4  # four passes of _same


def test_a_total_row_hands_the_rest_of_the_file_to_the_row_path() -> None:
    data = _bench_plan(40).decode()
    lines = data.splitlines()
    total = "Tổng cộng," + ",".join([""] * 6) + ",999.000.000" + "," * 10
    _same(("\n".join([*lines[:21], total, *lines[21:]]) + "\n").encode())


def test_files_the_engine_does_not_read_are_read_by_rows() -> None:
    data = _bench_plan(12)
    quoted = data.replace("Đề án minh họa số 1,".encode(), '"Đề án, minh họa số 1",'.encode())
    _same(quoted)
    _same(data.decode().encode("utf-32"))
    _same(data.replace(b"\r\n", b"\r"))


def test_the_command_line_checks_by_rows_when_asked(tmp_path: Path) -> None:
    """``khuyencong check --engine rows`` (a hidden option) writes the same report."""
    from khuyencong.cli import main

    plan = tmp_path / "plan.csv"
    plan.write_bytes(_bench_plan(40))
    reports = []
    for engine in ("auto", "rows"):
        out = tmp_path / f"{engine}.json"
        code = main(
            ["check", str(plan), "--format", "json", "-o", str(out), "--engine", engine],
            out=io.StringIO(),
            err=io.StringIO(),
        )
        assert code in (0, 1)
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]
    assert b'"row": 41' in reports[0]


def test_an_unknown_engine_is_refused() -> None:
    from khuyencong.errors import DatasetError

    with pytest.raises(DatasetError, match="engine"):
        validate(_bench_plan(4), engine="polars")  # type: ignore[arg-type]


AMOUNT_TEXTS = st.one_of(
    st.integers(0, 10**16).map(str),
    st.integers(0, 10**16).map(lambda v: f"{v:,}".replace(",", ".")),
    st.sampled_from(
        [
            "0",
            "00",
            "007",
            "01.500",
            "1.5",
            "1.5000",
            "1.500.",
            ".500",
            "1..500",
            " 1.500 ",
            "999.999.999.999.999",
            "1.000.000.000.000.000",
            "999999999999999",
            "1000000000000000",
            "5 triệu",
            "1,5 tỷ",
            "1.500.000 đ",
            "-1.000",
            "+1000",
            "1 500",
        ]
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(AMOUNT_TEXTS, AMOUNT_TEXTS), min_size=1, max_size=12))
def test_amounts_read_as_columns_read_as_the_converter_reads_them(
    amounts: list[tuple[str, str]],
) -> None:
    """Plain whole đồng (``1500000``, ``1.500.000``) are read as columns, everything else by
    ``parse_amount``: the rows are the row path's, whatever the text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "Mã đề án",
            "Tên đề án",
            "Năm kế hoạch",
            "Nguồn kinh phí",
            "Hạng mục chi",
            "Tổng kinh phí",
            "Kinh phí KCQG",
        ]
    )
    for index, (cost, requested) in enumerate(amounts * 2):
        writer.writerow([f"A{index}", "T", "2016", "KCQG", "other", cost, requested])
    _same(buffer.getvalue().encode())


def test_a_text_holding_the_stand_ins_character_is_read_by_rows() -> None:
    """The profiles' stand-ins are made of a private-use character; a name holding one (even a
    whole stand-in) is read by the row path, never swapped."""
    data = _bench_plan(40).decode()
    for name in ("Cơ sở minh họa 9,", "Cơ sở minh họa 13,"):
        data = data.replace(name, "\ue000beneficiary1\ue000,")
    _same(data.encode())


def test_a_signature_ahead_does_not_change_the_rows_before_it() -> None:
    """A plan (found by the property above) whose last row, without STT, holds "Giám đốc Sở
    Công Thương": the columnar reader classifies it before the rows above it are applied, so
    classifying must set nothing (a ragged row above it is data, not a footer, either way)."""
    data = (Path(__file__).parent / "data" / "signature_ahead.tsv").read_bytes()
    _same(data, as_of=date(2016, 6, 1), assessor=None)
