"""The reading side of the columnar engine of ``check``: the lines of a file, blank lines, the
free texts of a proposal read from columns, the values of a batch and the collector left as it
was found.  Each test compares the engine with the row path (``engine="rows"``, the reference)
or states what the input gives by hand."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from khuyencong.datasets import columnar_check as engine_module
from khuyencong.datasets import columnar_lines, validate
from khuyencong.datasets.columnar_batch import _frozen

from .test_check_engines import _bench_plan, _counting, _same


@pytest.mark.parametrize(
    "text",
    [
        "a,b\nc,d\r\n\ne",
        "a\n",
        "",
        "\n\n",
        "x\u2028y\u0085z\x0c\nw\x1c\n",  # breaks str.splitlines would see are not line ends here
        "một,hai\r\nba" * 40,
    ],
)
def test_lines_keep_their_ends_and_break_only_at_line_feeds(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setattr(columnar_lines, "_CHUNK", 7)  # lines across chunks, "\r" | "\n" too
    expected = [part + "\n" for part in text.split("\n")[:-1]]
    if not text.endswith("\n") and text:
        expected.append(text.split("\n")[-1])
    assert list(columnar_lines._lines(text.encode("utf-8"), "utf-8")) == expected


def test_a_line_of_delimiters_and_white_space_is_blank_as_the_row_path_reads_it() -> None:
    """No-break and ideographic spaces are white space (the row path strips them); a zero-width
    space is not, so its line is not blank."""
    lines = _bench_plan(40).decode().split("\r\n")
    blank = ",".join(["\u00a0", "", " \u3000", "\t"] + [""] * 15)
    not_blank = ",".join(["\u200b"] + [""] * 18)
    for odd in (blank, not_blank, "," * 18, " ," * 18):
        _same("\r\n".join([*lines[:9], odd, *lines[9:]]).encode())


@pytest.mark.parametrize("batch", [3, 5, 10_000])
def test_free_texts_of_a_proposal_are_compared_on_all_its_lines(
    monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    """A proposal whose lines give two titles (or two beneficiaries, two communes) is not read
    from a profile; a title given on its first line only, or blank on its first line and given
    below, is one title.  Small batches put proposals across batch boundaries."""
    monkeypatch.setattr(engine_module, "BATCH_LINES", batch)
    used = _counting(monkeypatch)
    lines = _bench_plan(400).decode().split("\r\n")
    head, body = lines[0], [line.split(",") for line in lines[1:] if line]
    for k, cells in enumerate(body):
        proposal, line = divmod(k, 4)
        if proposal % 5 == 1 and line == 2:
            cells[1] += " (sửa)"  # a second title
        elif proposal % 5 == 2 and line:
            cells[1] = ""  # the title on the first line only
        elif proposal % 5 == 3 and line == 0:
            cells[1] = ""  # no title on the first line, one below
        elif proposal % 5 == 4 and line == 3:
            cells[13] = "Cơ sở khác"  # a second beneficiary
    data = "\r\n".join([head, *(",".join(cells) for cells in body)]) + "\r\n"
    _same(data.encode())
    assert used["templates"] > 0


def test_values_of_a_batch_are_read_as_columns(tmp_path: Any) -> None:
    """What a proposal read from a profile needs, per line, from the batch's columns: the
    amounts in whole đồng (``3.000.000``, ``1 triệu``, ``1.500.000 đ``), the free texts."""
    rows: dict[str, list[Any]] = {}
    original = engine_module._Engine._emit

    def emit(self: Any, groups: Any) -> Any:
        for group, _ in groups:
            for row in group:
                if row.fast:
                    rows.setdefault("values", []).append(row.some_values(self.slim))
                    rows.setdefault("all", []).append(row.all_values())
        return original(self, groups)

    path = tmp_path / "plan.csv"
    path.write_bytes(_bench_plan(8))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine_module._Engine, "_emit", emit)
        list(validate(path))
    first = rows["values"][0]
    # _bench_plan: cost 3 million on its first line, half of it asked for, the rest counterpart.
    assert first["cost"] == 3_000_000
    assert first["national_amount"] == 1_000_000  # "1 triệu": 3 million // 2 in whole millions
    assert first["counterpart"] == 1_500_000
    assert first["title"] == "Đề án minh họa số 0"
    assert first["beneficiary"] == "Cơ sở minh họa 0"
    assert rows["all"][0]["province"] == "Thái Nguyên"
    assert rows["all"][0]["cost"] == 3_000_000
    assert len(rows["values"]) == 8


def test_the_collector_is_left_as_it_was_found() -> None:
    """The engine keeps the objects alive when it starts out of the collector's full passes
    while it reads, and gives them back at the end, or when its reader stops early."""
    before = gc.get_freeze_count()
    rows = _frozen(iter(range(3)))
    assert next(rows) == 0
    assert gc.get_freeze_count() > before
    rows.close()
    assert gc.get_freeze_count() == before
    assert list(_frozen(iter(range(3)))) == [0, 1, 2]
    assert gc.get_freeze_count() == before


def test_a_heap_the_program_froze_stays_frozen() -> None:
    """A program that froze its heap (before forking workers, say) keeps it frozen after a
    check: the engine does not unfreeze what it did not freeze."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert list(_frozen(iter(range(3)))) == [0, 1, 2]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
