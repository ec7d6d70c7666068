"""khuyencong.coverage: clause keys, the allow-list and the coverage check (pure functions)."""

from __future__ import annotations

import pytest

from khuyencong.coverage import (
    builtin_rulebooks,
    check_coverage,
    citation_from_key,
    cited_clauses,
    clause_sort_key,
    parse_allowlist,
    render_coverage,
)

CITED = cited_clauses(*builtin_rulebooks())


def test_every_cited_key_parses_back_to_its_citation() -> None:
    assert len(CITED) > 50
    for key, uses in CITED.items():
        assert citation_from_key(key) == uses[0][1].citation


def test_keys_are_in_legal_order() -> None:
    keys = ["26/2014/TTLT-BTC-BCT:6.2.đ", "26/2014/TTLT-BTC-BCT:6.2.d.p2", "45/2012/NĐ-CP:5.1"]
    assert sorted(keys, key=clause_sort_key) == [
        "45/2012/NĐ-CP:5.1",
        "26/2014/TTLT-BTC-BCT:6.2.d.p2",
        "26/2014/TTLT-BTC-BCT:6.2.đ",
    ]


@pytest.mark.parametrize(
    "key", ["", "26/2014", "26/2014/TTLT-BTC-BCT:6.2.f", "45/2012/NĐ-CP:1.2.3", "45/2012/NĐ-CP:x1"]
)
def test_bad_keys_are_refused(key: str) -> None:
    with pytest.raises(ValueError, match=r"clause key|article, clause|too many"):
        citation_from_key(key)


def test_check_coverage_reports_each_kind_of_problem() -> None:
    first, second, *_ = CITED
    covering = {k: ["tests/test_x.py"] for k in CITED if k != first}
    allow = parse_allowlist(f"{second}  # old gap\n")
    report = check_coverage(CITED, covering, allow)
    assert not report.ok
    assert len(report.problems) == 2
    assert report.problems[0].startswith(f"{first} (")
    assert "is covered now" in report.problems[1]

    fixed = check_coverage(CITED, covering, parse_allowlist(f"{first}  # gap\n"))
    assert fixed.ok
    assert fixed.allowed == (first,)
    page = render_coverage(CITED, covering, parse_allowlist(f"{first}  # gap\n"))
    assert f"| `{first}` |" in page
    assert "**not covered**: gap" in page
