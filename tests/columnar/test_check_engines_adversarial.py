"""An adversarial review of the columnar engine of ``check``: inputs chosen to make it differ
from the row path (``engine="rows"``, the reference).  Each test edits proposals that the
engine reads from a profile's template (proposals 60 to 99 of the benchmark's plan: their
profiles repeat every 60), compares the two engines on every row, the summary and the reports
(:func:`test_check_engines._same`), and checks the input did take the columnar engine."""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khuyencong as kc
from khuyencong.datasets import columnar_check as engine_module
from khuyencong.datasets import validate

from .test_check_engines import _bench_plan, _counting, _overlay_path, _same

COLUMNS = [
    "Mã đề án",
    "Tên đề án",
    "Năm kế hoạch",
    "Nguồn kinh phí",
    "Tỉnh/Thành phố",
    "Nội dung",
    "Hạng mục chi",
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


def _table(rows: int = 400) -> list[list[str]]:
    return list(csv.reader(io.StringIO(_bench_plan(rows).decode())))


def _bytes(table: list[list[str]], end: str = "\r\n") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=end).writerows(table)
    return buffer.getvalue().encode()


def _edit(edits: dict[tuple[int, str], str], rows: int = 400) -> bytes:
    """The benchmark's plan with ``(proposal's line index, column) → text`` edits; line index
    ``4 * p + k`` is line ``k`` of proposal ``p`` (its first line holds code and title)."""
    table = _table(rows)
    assert table[0] == COLUMNS
    for (index, column), text in edits.items():
        table[index + 1][COLUMNS.index(column)] = text
    return _bytes(table)


def _by_columns(monkeypatch: pytest.MonkeyPatch, data: bytes, **options: Any) -> dict[str, int]:
    used = _counting(monkeypatch)
    _same(data, **options)
    assert used["templates"] > 0, used
    return used


@pytest.mark.parametrize(
    "commune",
    ["Phường Phong Khê", "Thị trấn Phùng", "phường 3", "P. Tân Định", "Xã", "Minh Họa"],
)
def test_a_commune_whose_prefix_names_its_kind(
    monkeypatch: pytest.MonkeyPatch, commune: str
) -> None:
    edits = {(4 * p + k, "Xã"): commune for p in range(0, 100, 7) for k in range(4)}
    _by_columns(monkeypatch, _edit(edits))


@pytest.mark.parametrize(
    "text",
    [
        "  Đề án có khoảng trắng  ",
        "=1+1",
        "+SUM(A1)",
        "-2",
        "@cmd",
        "#N/A",
        "#REF!",
        unicodedata.normalize("NFD", "Đề án dệt lụa"),
        "Đề án " + "rất dài " * 400,
        "\u00a0Đề án\u00a0",
        "Đề án\ttab",
    ],
)
def test_a_free_text_of_any_form(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    used = _counting(monkeypatch)
    _same(_edit(_free_texts(text, ["Tên đề án", "Đơn vị thụ hưởng", "Xã", "Mã đề án"])))
    assert used["templates"] > 0


def _free_texts(text: str, columns: list[str]) -> dict[tuple[int, str], str]:
    """``text`` in each of ``columns`` on four proposals (three read from templates), on every
    line of the proposal for a column other than code and title; a code gets its proposal's
    number after it (codes stay distinct)."""
    edits: dict[tuple[int, str], str] = {}
    for c, column in enumerate(columns):
        for p in (3 + c, 61 + 5 * c, 70 + 5 * c, 85 + 3 * c):
            value = f"{text} {p}" if column == "Mã đề án" else text
            edits[(4 * p, column)] = value
            if column not in ("Tên đề án", "Mã đề án"):
                for k in range(1, 4):
                    edits[(4 * p + k, column)] = value
    return edits


@pytest.mark.parametrize("column", ["Tên đề án", "Đơn vị thụ hưởng", "Xã"])
def test_an_empty_free_text_or_a_blank_one(monkeypatch: pytest.MonkeyPatch, column: str) -> None:
    edits: dict[tuple[int, str], str] = {}
    for p in range(0, 100, 3):
        for k in range(4):
            edits[(4 * p + k, column)] = "" if p % 2 else "   "
    _by_columns(monkeypatch, _edit(edits))


def test_a_free_text_given_on_a_later_line_only(monkeypatch: pytest.MonkeyPatch) -> None:
    edits: dict[tuple[int, str], str] = {}
    for p in range(0, 100, 2):
        for k in range(4):
            edits[(4 * p + k, "Đơn vị thụ hưởng")] = f"Cơ sở {p}" if k == 2 else ""
    for p in range(1, 100, 4):
        edits[(4 * p + 3, "Tên đề án")] = f"Tên khác {p}"  # a second title: two values
    _by_columns(monkeypatch, _edit(edits))


@pytest.mark.parametrize(
    ("cost", "requested"),
    [
        ("0", "0"),
        ("1.000.000", "0"),
        ("1.000.000", "1.000.000"),  # requested = cost
        ("1.000.000", "1.000.001"),  # one đồng over the cost
        ("999.999.999.999.999", "1"),
        ("1.000.000.000.000.000", "1"),
        ("999999999999999", "999999999999999"),
        ("1000000000000000", "1"),
        ("100.000.000.000", "50.000.000.000"),  # far over any cap
        ("0,0000005 triệu", "0"),  # half a đồng
        ("1,5 triệu", "1,5 triệu"),
        ("2,000001 triệu", "1 triệu"),
        ("1.500.000,5", "1"),
    ],
)
def test_amounts_at_the_boundaries(
    monkeypatch: pytest.MonkeyPatch, cost: str, requested: str
) -> None:
    edits: dict[tuple[int, str], str] = {}
    for p in range(60, 100, 3):
        for k in range(4):
            edits[(4 * p + k, "Tổng kinh phí")] = cost
            edits[(4 * p + k, "Kinh phí KCQG")] = requested
            edits[(4 * p + k, "Đối ứng")] = ""
    used = _counting(monkeypatch)
    _same(_edit(edits))
    assert used["templates"] + used["by_rows"] > 0


@pytest.mark.parametrize("item", ["machinery_and_technology", "curriculum", "conference", "brand"])
def test_requested_around_the_cap_in_a_templated_proposal(
    monkeypatch: pytest.MonkeyPatch, item: str
) -> None:
    """Whatever each item's cap is: requested from far below to far above it, on lines read
    from templates (the amounts vary, the profile does not)."""
    edits: dict[tuple[int, str], str] = {}
    for p in range(100):
        for k in range(4):
            edits[(4 * p + k, "Hạng mục chi")] = item
            requested = (p * 37_123_457) % 5_000_000_000 + k
            edits[(4 * p + k, "Tổng kinh phí")] = str(requested * 2 + p)
            edits[(4 * p + k, "Kinh phí KCQG")] = str(requested)
            edits[(4 * p + k, "Đối ứng")] = str(requested + p)
    _by_columns(monkeypatch, _edit(edits))


def test_other_sources_making_cost_minus_other_below_requested(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = _table()
    table[0].append("Nguồn khác")
    for i, row in enumerate(table[1:]):
        cost = int(row[7].replace(".", ""))
        # Most lines within the cost; some with requested + other one đồng above it.
        row[8] = str(cost // 2)
        row.append(str(cost - cost // 2 + (1 if i % 13 == 0 else 0)))
    _by_columns(monkeypatch, _bytes(table))


def test_codes_that_come_back_later_across_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BATCH_LINES", 37)
    edits = {(4 * p, "Mã đề án"): f"QG-{p - 50:07d}" for p in range(70, 100, 5)}
    # A code repeated on a proposal's later line (one proposal, not a come-back).
    edits.update({(4 * p + 2, "Mã đề án"): f"QG-{p:07d}" for p in range(60, 100, 6)})
    _by_columns(monkeypatch, _edit(edits))


@pytest.mark.parametrize("batch", [2, 5, 281])
def test_a_profile_across_batch_boundaries(monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    monkeypatch.setattr(engine_module, "BATCH_LINES", batch)
    used = _by_columns(monkeypatch, _bench_plan(280))
    assert used == {"templates": 4 * 10, "by_rows": 4 * 60, "tails": 0}


@pytest.mark.parametrize("limit", [1, 5, 60])
def test_across_the_profile_limit(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    monkeypatch.setattr(engine_module, "_PROFILES_MAX", limit)
    monkeypatch.setattr(engine_module, "BATCH_LINES", 50)
    _same(_bench_plan(800))


def test_a_profile_whose_first_proposal_is_invalid(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first proposal of a profile invalid (requested above the cost on one line), the
    others of the profile valid and the other way round."""
    edits: dict[tuple[int, str], str] = {}
    for p in range(0, 60, 2):
        edits[(4 * p + 1, "Kinh phí KCQG")] = "999.000.000"
    for p in range(61, 100, 2):
        edits[(4 * p + 1, "Kinh phí KCQG")] = "999.000.000"
    # Whether a line's requested is above its cost is part of the profile: an invalid
    # proposal and a valid one never share a profile.
    used = _counting(monkeypatch)
    _same(_edit(edits))
    assert used["by_rows"] == 4 * 100


@pytest.mark.parametrize(
    "start", ["30/06/2025", "01/07/2025", "02/07/2025", "31/12/2024", "", "01/01/2026"]
)
@pytest.mark.parametrize("as_of", [None, date(2016, 6, 1), date(2025, 7, 1)])
def test_dates_around_the_reform(
    monkeypatch: pytest.MonkeyPatch, start: str, as_of: date | None
) -> None:
    edits: dict[tuple[int, str], str] = {}
    for p in range(0, 100, 2):
        for k in range(4):
            edits[(4 * p + k, "Ngày bắt đầu")] = start
            edits[(4 * p + k, "Năm kế hoạch")] = "2025" if p % 4 else "2026"
    options = {} if as_of is None else {"as_of": as_of}
    _by_columns(monkeypatch, _edit(edits), **options)


@pytest.mark.parametrize("funding", ["KCĐP", "KCQG"])
def test_the_provincial_overlay_and_local_funding(
    monkeypatch: pytest.MonkeyPatch, funding: str
) -> None:
    table = _table()
    table[0][8] = "Kinh phí KCĐP" if funding == "KCĐP" else table[0][8]
    for row in table[1:]:
        row[3] = funding
    data = _bytes(table)
    _by_columns(monkeypatch, data, rulebooks=[kc.load_rulebook(_overlay_path())])
    _same(data)


def test_a_header_with_a_duplicated_column_name(monkeypatch: pytest.MonkeyPatch) -> None:
    table = _table()
    table[0].append("Tên đề án")
    for row in table[1:]:
        row.append("")
    used = _counting(monkeypatch)
    _same(_bytes(table))
    assert used["templates"] == 4 * 40
    # Text in the second column of that name (the row path reads the first, with a note).
    for row in table[1::7]:
        row[-1] = "Tên thứ hai"
    _same(_bytes(table))
    assert used["templates"] > 4 * 40


def test_trailing_empty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    table = _table()
    for i, row in enumerate(table):
        row.extend(["", ""] if i % 50 else ["", "ghi chú"] if i else ["", ""])
    used = _counting(monkeypatch)
    _same(_bytes(table))
    assert used["templates"] > 0


@pytest.mark.parametrize("where", [1, 240, 241, 300, 400])
def test_a_line_with_only_delimiters(monkeypatch: pytest.MonkeyPatch, where: int) -> None:
    lines = _bench_plan(400).decode().split("\r\n")
    lines.insert(where, "," * (len(COLUMNS) - 1))
    used = _counting(monkeypatch)
    _same("\r\n".join(lines).encode())
    assert used["templates"] > 0


@pytest.mark.parametrize("end", ["\r\n", "\n"])
def test_a_last_line_without_a_line_end(monkeypatch: pytest.MonkeyPatch, end: str) -> None:
    data = _bench_plan(400, end=end).decode().removesuffix(end).encode()
    used = _counting(monkeypatch)
    _same(data)
    assert used["templates"] > 0
    rows = list(validate(data))
    assert rows[-1].row == 401


def test_validated_only_and_at_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _edit({(4 * p + 1, "Kinh phí KCQG"): "999.000.000" for p in range(60, 100, 3)})
    used = _counting(monkeypatch)
    _same(data, assessor=None)
    _same(data, as_of=date(2025, 10, 15))
    assert used["templates"] == 2 * 4 * (40 - 14)


@pytest.mark.parametrize(
    "label",
    ["Tổng cộng", "TỔNG CỘNG", "Cộng", "Cộng mục I", "Cộng đề án", "I", "II. Đề án", "A", "Tổng"],
)
@pytest.mark.parametrize("column", ["Mã đề án", "Tên đề án"])
def test_a_code_or_title_that_reads_as_a_label(
    monkeypatch: pytest.MonkeyPatch, label: str, column: str
) -> None:
    """A code or a title that reads as a section, subtotal or total label, beside a code."""
    used = _counting(monkeypatch)
    _same(_edit({(4 * 75, column): label}))
    assert used["templates"] + used["by_rows"] > 0


ITEMS = [
    "machinery_and_technology",
    "management_implementing_unit",
    "management_agency",
    "demonstration_new_technology",
    "cluster_infrastructure",
    "foreign_fair",
    "vocational_training",
    "other",
]


@pytest.mark.parametrize("units", ["1", "3", "999999999", "", "1000000000"])
def test_units_and_shares_with_amounts_that_vary(
    monkeypatch: pytest.MonkeyPatch, units: str
) -> None:
    """A units column (caps × units, up to the largest the converter reads) and management
    shares (a share of the proposal's other lines), with amounts unlike the template's."""
    table = _table()
    table[0].insert(8, "Số đơn vị")
    for i, row in enumerate(table[1:]):
        p, k = divmod(i, 4)
        row[6] = ITEMS[(k + (p % 2) * 4) % len(ITEMS)]
        requested = (p * 7_919 + k * 104_729) * 1_000_003 % 900_000_000_000_000
        row[7] = str(requested * 2 + k)
        row[8] = str(requested)
        row.insert(8, units)
        row[10] = ""
    used = _counting(monkeypatch)
    _same(_bytes(table))
    # Ten digits of units: not an integer the converter reads, the row path's.
    assert (used["templates"] > 0) == (units != "1000000000"), used


@pytest.mark.parametrize(
    "title", ["Đề  án   hai khoảng", "Đề án\u00a0minh họa", "Đề án\u2003em", "a" * 3000]
)
def test_titles_with_inner_spaces_or_only_on_a_later_line(
    monkeypatch: pytest.MonkeyPatch, title: str
) -> None:
    edits: dict[tuple[int, str], str] = {}
    for p in range(0, 100, 2):
        edits[(4 * p, "Tên đề án")] = "" if p % 4 else title
        edits[(4 * p + 1, "Tên đề án")] = title if p % 4 else ""
    _by_columns(monkeypatch, _edit(edits))


@pytest.mark.parametrize("again", ["QG-0000003", "QG-0000003.", "qg-0000003", " QG-0000003 "])
def test_a_code_coming_back_in_another_form(monkeypatch: pytest.MonkeyPatch, again: str) -> None:
    _by_columns(monkeypatch, _edit({(4 * 80, "Mã đề án"): again, (4 * 81, "Mã đề án"): again}))


@pytest.mark.parametrize(
    "text",
    [
        "\u3000Đề án\u3000",
        "Đề án\u2028dòng hai",
        "Đề án\u2029đoạn hai",
        "\u2028",
        "\u200bĐề án",
        "\u202fĐề án\u205f",
        "\u1680Đề án",
        "'0123",
        "\ufeffĐề án",
        "-",
        "Đề án\x0bx",
        "\x1cĐề án",
    ],
)
def test_exotic_spaces_and_line_separators_in_a_cell(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    used = _counting(monkeypatch)
    _same(_edit(_free_texts(text, ["Tên đề án", "Đơn vị thụ hưởng", "Mã đề án", "Huyện"])))
    assert used["templates"] > 0


@pytest.mark.parametrize("unit", ["(triệu đồng)", "(nghìn đồng)", "(đồng)"])
def test_amount_columns_in_a_unit_named_by_the_header(
    monkeypatch: pytest.MonkeyPatch, unit: str
) -> None:
    """``1500`` in a column of millions is 1.5 billion đồng, never 1,500 đồng; fractions of a
    đồng and amounts beyond 10¹⁵ đồng once scaled are the row path's."""
    table = _table()
    for column in (7, 8, 9):
        table[0][column] += " " + unit
    texts = ["3", "1,5", "1.500", "0,0000005", "999.999.999", "1.000.000.000", "0", "12"]
    for i, row in enumerate(table[1:]):
        p = i // 4
        if p >= 60:
            row[7] = texts[(i + 2) % len(texts)]
            row[8] = texts[i % len(texts)]
            row[9] = ""
        else:
            row[7], row[8], row[9] = "20", "10", "10"
    used = _counting(monkeypatch)
    _same(_bytes(table))
    assert used["templates"] + used["by_rows"] > 0


NASTY = st.text(
    alphabet=st.sampled_from(
        [
            *"aĐđề án ,;\"'=+-@#!/()[]{}%$\\\t",
            *("\u00a0", "\u3000", "\u2028", "\u200b", "\u0301", "\ufeff", "x"),
        ]
    ),
    max_size=12,
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(60, 99),
            st.integers(0, 3),
            st.sampled_from(["Mã đề án", "Tên đề án", "Xã", "Đơn vị thụ hưởng", "Huyện"]),
            NASTY,
        ),
        min_size=1,
        max_size=12,
    ),
    st.lists(
        st.tuples(
            st.integers(60, 99),
            st.integers(0, 3),
            st.sampled_from(["Tổng kinh phí", "Kinh phí KCQG", "Đối ứng"]),
            st.integers(0, 10**15 + 1).map(str),
        ),
        max_size=12,
    ),
)
def test_nasty_texts_and_amounts_on_templated_proposals(
    texts: list[tuple[int, int, str, str]], amounts: list[tuple[int, int, str, str]]
) -> None:
    edits = {(4 * p + k, column): text for p, k, column, text in texts + amounts}
    _same(_edit(edits))


@pytest.mark.parametrize("right", [True, False])
@pytest.mark.parametrize("stt", [False, True])
def test_a_total_row_below_templated_proposals(
    monkeypatch: pytest.MonkeyPatch, right: bool, stt: bool
) -> None:
    """The total row checks the sums of the rows above it, most of them read from templates."""
    data = _bench_plan(400, numbering="proposal" if stt else "")
    table = list(csv.reader(io.StringIO(data.decode())))
    shift = 1 if stt else 0
    sums = [0, 0, 0]
    for row in table[1:]:
        for j in range(3):
            text = row[7 + shift + j]
            sums[j] += (
                int(text.split()[0]) * 1_000_000
                if "triệu" in text
                else int(text.removesuffix(" đ").replace(".", ""))
            )
    total = [""] * len(table[0])
    total[shift] = "Tổng cộng"
    for j in range(3):
        total[7 + shift + j] = f"{sums[j] + (0 if right else 1_000_000):,}".replace(",", ".")
    table.append(total)
    used = _counting(monkeypatch)
    _same(_bytes(table))
    # The last proposal is still open when the total row comes: it goes with the tail.
    assert used["templates"] == 4 * 39
    assert used["tails"] == 4
    findings = {f.code for r in validate(_bytes(table)) for f in r.findings}
    assert ("total_mismatch" in findings) != right, findings


@pytest.mark.parametrize(
    ("column", "texts"),
    [
        (
            "Loại hình",
            ["hộ kinh doanh", "HỘ KINH DOANH", "  Hộ kinh doanh ", "HKD", "hộ  kinh doanh"],
        ),
        ("Ngành nghề", ["chế biến nông - lâm - thủy sản và thực phẩm", "Chế biến thực phẩm", "CN"]),
        ("Tỉnh/Thành phố", ["Tỉnh Hà Nam", "hà nam", " Hà Nam", "TP. Cần Thơ", "Thành phố Hà Nội"]),
        ("Nguồn kinh phí", ["kcqg", "Khuyến công quốc gia", "KC QG", "Quốc gia"]),
        ("Cam kết đối ứng", ["Có", "CÓ", "x", "X", "yes", "1"]),
        ("Huyện", ["huyện Phú Lương", "H. Phú Lương", "Phú Lương", "Quận 1", "Thành phố Vinh"]),
    ],
)
def test_other_spellings_of_a_value_the_rules_read(
    monkeypatch: pytest.MonkeyPatch, column: str, texts: list[str]
) -> None:
    """Values read by their converter: two spellings of one value share a profile, and the
    report (messages quoting the cell among them) is still the row path's."""
    edits: dict[tuple[int, str], str] = {}
    for p in range(100):
        for k in range(4):
            edits[(4 * p + k, column)] = texts[p % len(texts)]
    used = _counting(monkeypatch)
    _same(_edit(edits))
    assert used["templates"] > 0, used
