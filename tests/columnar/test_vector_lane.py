"""The vector lane of the columnar engine (:mod:`khuyencong.datasets.columnar_vector`): a batch
whose proposals are all read from profiles already built is laid out as a polars frame
(:class:`~khuyencong.datasets.columnar_frame.FrameBlock`) and its JSON rows made by polars.
It must give the row path's report — rows, summary, notes, JSON byte for byte, CSV — on every
plan, and be the way a long tidy plan is read."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khuyencong as kc
from khuyencong.datasets import columnar_check as engine_module
from khuyencong.datasets import validate
from khuyencong.datasets.columnar_frame import FrameBlock
from khuyencong.datasets.rows import RowResult

from .test_check_engines import (
    COMMUNES,
    CONTENTS,
    DATES,
    DISTRICTS,
    FUNDING,
    HEADER,
    INDUSTRIES,
    KINDS,
    PROVINCES,
    _amount,
    _bench_plan,
    _overlay_path,
    _same,
    _written,
    plans,
)

_ITEMS = [i.value for i in kc.SupportItem]


@st.composite
def tidy_plans(draw: st.DrawFn) -> bytes:
    """A tidy plan the vector lane reads: many proposals of a few profiles (every item, kind,
    province, funding source and date), amounts in the forms clerks write, the code and title
    on every line or on the first only, no cell needing quotes, nothing the row path must
    read line by line."""
    profiles = draw(
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
                st.lists(st.sampled_from(_ITEMS), min_size=1, max_size=4),
                st.sampled_from(["", "1", "2"]),
                st.booleans(),
                st.sampled_from(["có", "không", ""]),
                st.booleans(),
            ),
            min_size=1,
            max_size=3,
        )
    )
    rows: list[list[str]] = []
    for p in range(draw(st.integers(10, 40))):
        (
            place,
            district,
            kind,
            industry,
            content,
            start,
            funding,
            year,
            items,
            units,
            share,
            ok,
            repeat,
        ) = draw(st.sampled_from(profiles))
        beneficiary = draw(st.sampled_from([f"Cơ sở {p}", f"Hộ ông Ánh \\ {p}", ""]))
        for k, item in enumerate(items):
            cost = draw(st.integers(0, 400)) * 500_000
            requested = cost // 2 if share else cost
            rows.append(
                [
                    f"QG-{p:04d}" if k == 0 or repeat else "",
                    f"Đề án minh họa {p}" if k == 0 or repeat else "",
                    year,
                    funding,
                    place,
                    content,
                    item,
                    units,
                    _amount(cost, draw(st.integers(0, 3))),
                    _amount(requested, draw(st.integers(0, 3))),
                    "",
                    start,
                    district,
                    f"{COMMUNES[p % len(COMMUNES)]} {p % 3}",
                    beneficiary,
                    kind,
                    industry,
                    ok,
                    "x",
                ]
            )
    if draw(st.integers(0, 4)) == 0:
        return _written(rows, "\r\n", "\t").decode().encode("utf-16")
    return _written(
        rows,
        draw(st.sampled_from(["\n", "\r\n"])),
        draw(st.sampled_from([",", ";"])),
        draw(st.booleans()),
    )


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of a few lines, so that a small plan goes through many of them (and through
    the vector lane from its second batch on)."""
    monkeypatch.setattr(engine_module, "BATCH_LINES", 7)
    monkeypatch.setattr(engine_module, "VECTOR_BYTES", 2000)


def _blocks(source: Any) -> int:
    """How many batches of ``source`` the vector lane took."""
    return sum(type(item) is FrameBlock for item in validate(source)._items())


@settings(
    max_examples=40,
    deadline=None,
    # The fixture only sets the batch sizes, the same for every input.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=tidy_plans())
def test_generated_tidy_plans_read_the_same_through_the_vector_lane(
    small_batches: None, data: bytes
) -> None:
    _same(data)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=plans())
def test_generated_plans_with_what_real_files_hold(small_batches: None, data: bytes) -> None:
    """Blank lines, unreadable cells, codes that come back, sections and totals: a batch
    holding one is the engine's own, around batches the vector lane takes."""
    _same(data)


def test_a_tidy_plan_takes_the_vector_lane_and_gives_the_row_paths_report(
    small_batches: None,
) -> None:
    data = _bench_plan(600)
    assert _blocks(data) > 10
    _same(data)


@pytest.mark.parametrize(("end", "bom"), [("\r\n", True), ("\n", False)])
def test_line_ends_and_a_byte_order_mark(small_batches: None, end: str, bom: bool) -> None:
    data = _bench_plan(600, end=end, bom=bom)
    assert _blocks(data) > 3
    _same(data)


def test_a_plan_without_a_line_end_at_its_end(small_batches: None) -> None:
    data = _bench_plan(601).rstrip(b"\r\n")
    rows = list(validate(data))
    assert len(rows) == 601
    assert rows[-1].row == 602
    _same(data)


def test_unicode_text_from_excel(small_batches: None) -> None:
    """Excel's "Unicode Text": UTF-16 with a byte-order mark, tab-separated."""
    text = _bench_plan(600, delimiter="\t").decode("utf-8")
    data = text.encode("utf-16")
    assert _blocks(data) > 3
    _same(data)


def _plan_with_names(names: list[str], titles: list[str] | None = None) -> bytes:
    """Proposals whose beneficiary names (which a finding quotes) are ``names``, and titles
    ``titles`` (else "Đề án" and the number), cycled; three lines each, household businesses,
    the deprecated agro-food industry (its finding names the beneficiary)."""
    titles = titles or ["Đề án {}"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for index in range(120):
        proposal = index // 3
        writer.writerow(
            [
                f"QG-{proposal:05d}",
                titles[proposal % len(titles)].format(proposal),
                "2016",
                "KCQG",
                "Thái Nguyên",
                "demonstration_and_technology",
                ("machinery_and_technology", "brand", "management_implementing_unit")[index % 3],
                "1",
                str(10_000_000 * (index % 7 + 1)),
                str(5_000_000 * (index % 7 + 1)),
                "",
                "01/06/2016",
                "Huyện Phú Lương",
                "Xã Minh Họa",
                names[proposal % len(names)].format(proposal),
                "Hộ kinh doanh",
                "Chế biến nông - lâm - thủy sản và thực phẩm",
                "có",
                "x",
            ]
        )
    return buffer.getvalue().encode("utf-8")


def test_free_texts_are_escaped_as_the_writers_escape_them(small_batches: None) -> None:
    """A backslash, a tab and text beyond ASCII in a beneficiary's name, which a finding
    quotes: the JSON rows made by polars escape them as json.dumps does."""
    data = _plan_with_names(["Cơ sở \\ số {}", "Cơ sở\tsố {}", "Hộ ông Ánh {}", "{}"])
    assert _blocks(data) > 3
    _same(data)
    rows = [r for r in validate(data) if r.findings]
    assert any("\\" in f.message("vi") for r in rows for f in r.findings)


def test_free_texts_are_quoted_and_neutralised_as_the_csv_writer_does(
    small_batches: None,
) -> None:
    """A comma, a quote, or a formula's first character in a beneficiary's name (its cell
    and the findings' cell quoting it): the CSV rows made by polars quote and neutralise them
    as the csv module's writer and safe.neutralise do (the file's quoted lines read by the
    engine's batches of lines, which the vector lane then takes)."""
    names = ["Cơ sở, số {}", 'Cơ sở "Ánh" {}', "=Cơ sở {}", "-Hộ {}", "{}"]
    data = _plan_with_names(names, titles=names)
    assert _blocks(data) > 0
    _same(data)
    text = validate(data).to_csv()
    assert ",'=Cơ sở 2," in text  # a code or title cell starting like a formula
    assert '""Ánh""' in text


def test_a_profile_not_kept_takes_the_engines_way(small_batches: None) -> None:
    """A code that comes back, and a proposal whose title changes between its lines, are
    the row path's findings: such a batch is not the vector lane's."""
    lines = _bench_plan(600).decode("utf-8").splitlines(keepends=True)
    again = [*lines[:500], lines[5], *lines[500:]]
    _same("".join(again).encode("utf-8"))
    changed = list(lines)
    changed[502] = changed[502].replace("Đề án minh họa số 125", "Đề án khác")
    assert changed[502] != lines[502]
    _same("".join(changed).encode("utf-8"))


def test_a_block_gives_its_rows_to_every_reader(small_batches: None) -> None:
    """Iterating the report, ``records()``, the table and the HTML report read a block's rows
    (made once, when asked for) as the row path's."""
    data = _bench_plan(600)
    fast, rows = validate(data), validate(data, engine="rows")
    items = list(fast._items())
    assert any(type(i) is FrameBlock for i in items)
    made = [r for i in items for r in ((i,) if isinstance(i, RowResult) else i.results())]
    assert [r.row for r in made] == [r.row for r in rows]
    assert list(fast.records()) == list(rows.records())
    assert fast.to_html() == rows.to_html()


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=tidy_plans(), option=st.sampled_from(["date", "validated only", "overlay"]))
def test_generated_tidy_plans_at_a_date_validated_only_and_with_an_overlay(
    small_batches: None, data: bytes, option: str
) -> None:
    if option == "date":
        _same(data, as_of=date(2025, 10, 15))
    elif option == "validated only":
        _same(data, assessor=None)
    else:
        _same(data, rulebooks=[kc.load_rulebook(_overlay_path())])


def test_the_lines_above_a_line_the_engine_reads_its_way_stay_in_the_lane(
    small_batches: None,
) -> None:
    """A blank line, an unreadable amount and a total row at the end: the lane takes the
    proposals above each, the engine's way takes the line's proposal and what follows it
    (the row path's findings and totals), the lane the proposals after."""
    # The 60 profiles of this plan are built by row 482: the lane from there on.
    lines = _bench_plan(1000).decode("utf-8").splitlines(keepends=True)
    lines.insert(600, "," * 17 + "\r\n")
    lines[651] = lines[651].replace("triệu", "triệu rưỡi", 1)
    assert "triệu rưỡi" in lines[651]
    lines.append("Tổng cộng" + "," * 17 + "\r\n")
    data = "".join(lines).encode("utf-8")
    numbers = [
        n
        for item in validate(data)._items()
        if type(item) is FrameBlock
        for n in item.rows.get_column("row").to_list()
    ]
    assert any(n < 600 for n in numbers)
    assert any(600 < n < 650 for n in numbers)
    assert any(n > 660 for n in numbers)
    _same(data)
