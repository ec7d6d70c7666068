"""khuyencong.coverage: clause keys, the allow-list and the coverage check (pure functions)."""

from __future__ import annotations

import pytest

from khuyencong.coverage import (
    ArticleEntry,
    article_coverage,
    builtin_rulebooks,
    check_coverage,
    citation_from_key,
    cited_clauses,
    clause_sort_key,
    code_cited_clauses,
    code_sources,
    load_articles,
    parse_allowlist,
    render_articles,
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


# ---- Article coverage --------------------------------------------------------------------------

SIX = (
    "45/2012/NĐ-CP",
    "46/2012/TT-BCT",
    "36/2013/TT-BCT",
    "26/2014/TTLT-BTC-BCT",
    "26/2014/TT-BCT",
    "16/2011/TTLT-BCT-BNV",
)


def test_the_article_list_holds_every_article_of_the_six_instruments() -> None:
    articles = load_articles()
    counts = {doc: sum(a.document == doc for a in articles) for doc in SIX}
    # Article counts of the official texts (Bộ pháp điển, Đề mục 7.5): 96 in all.
    assert counts == dict(zip(SIX, (19, 11, 24, 10, 25, 7), strict=True))
    for doc in SIX:
        numbers = [a.article for a in articles if a.document == doc]
        assert numbers == list(range(1, len(numbers) + 1))


def test_article_status_is_computed_from_markers_and_citations() -> None:
    entries = [
        ArticleEntry("36/2013/TT-BCT", 7, "Phương thức xét chọn"),
        ArticleEntry("36/2013/TT-BCT", 17, "Chứng từ chi"),
        ArticleEntry("36/2013/TT-BCT", 20, "Trách nhiệm", "out_of_scope", "Duties."),
    ]
    # Any rulebook value stands in for one that would cite Điều 17.
    cited = {"36/2013/TT-BCT:17": next(iter(CITED.values()))}
    covering = {"36/2013/TT-BCT:7.2": ["tests/spec/x.py"], "not a key": ["tests/y.py"]}
    rows, problems = article_coverage(entries, cited, covering)
    assert [r.status for r in rows] == ["executable", "data_only", "out_of_scope"]
    assert rows[0].tests == ("tests/spec/x.py",)
    assert problems == ()


def test_article_coverage_problems() -> None:
    entries = [
        ArticleEntry("36/2013/TT-BCT", 7, "x", "not_encoded", "stale"),
        ArticleEntry("36/2013/TT-BCT", 8, "y"),
        ArticleEntry("36/2013/TT-BCT", 8, "y again", "out_of_scope", "twice"),
    ]
    covering = {"36/2013/TT-BCT:7.1": ["t.py"], "36/2013/TT-BCT:9.5": ["t.py"]}
    _, problems = article_coverage(entries, {}, covering)
    assert len(problems) == 4
    assert "is executable now; remove its status 'not_encoded'" in problems[0]
    assert "no declared status" in problems[1]
    assert "listed twice" in problems[2]
    assert "Điều 9 36/2013/TT-BCT is named by a test or value but not listed" in problems[3]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            (
                '[[instruments]]\ndocument = "X"\narticles = [{ article = 1, title = "t", '
                'status = "executable", why = "w" }]\n'
            ),
            "computed",
        ),
        (
            (
                '[[instruments]]\ndocument = "X"\narticles = [{ article = 1, title = "t", '
                'status = "out_of_scope" }]\n'
            ),
            "needs a reason",
        ),
    ],
)
def test_load_articles_refuses_declared_computed_statuses_and_missing_reasons(
    text: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        load_articles(text)


def test_render_articles_counts_and_reasons() -> None:
    entries = [ArticleEntry("16/2011/TTLT-BCT-BNV", 5, "Về tài chính", "not_encoded", "Other law.")]
    rows, _ = article_coverage(entries, {}, {})
    page = render_articles(rows)
    assert "## 16/2011/TTLT-BCT-BNV" in page
    assert "1 articles: 0 executable, 0 data only, 1 not encoded, 0 out of scope." in page
    assert "| Điều 5 | Về tài chính | not encoded | Other law. |" in page


def test_code_citations_are_read_from_the_python_calls() -> None:
    sources = {
        "a.py": 'TT = "46/2012/TT-BCT"\nX = Citation(document=TT, article=8, clause=3, point="b")',
        "b.py": "def f(n):\n    return cite(n)\nY = cite(8, 1, 'a')\nZ = _cite(12, 2, 'd')",
    }
    assert code_cited_clauses(sources) == {
        "36/2013/TT-BCT:8.1.a": ["b.py:3"],
        "46/2012/TT-BCT:8.3.b": ["a.py:2"],
        "26/2014/TT-BCT:12.2.d": ["b.py:4"],
    }


def test_a_clause_cited_only_in_the_code_is_held_to_a_test() -> None:
    code = {"36/2013/TT-BCT:99.1": ["khuyencong/x.py:1"]}
    report = check_coverage(CITED, {k: ["t"] for k in CITED}, parse_allowlist(""), code_cited=code)
    assert report.problems
    assert "36/2013/TT-BCT:99.1" in report.problems[0]
    assert "khuyencong/x.py:1" in report.problems[0]
    allowed = parse_allowlist("36/2013/TT-BCT:99.1  # pending\n")
    assert check_coverage(CITED, {k: ["t"] for k in CITED}, allowed, code_cited=code).ok
    # Without the code citations the same entry is stale.
    assert not check_coverage(CITED, {k: ["t"] for k in CITED}, allowed).ok


def test_every_clause_the_package_cites_in_code_is_found() -> None:
    found = code_cited_clauses(code_sources())
    assert "36/2013/TT-BCT:8.1.b" in found  # DIRECT_REGISTRATION
    assert any(p.startswith("khuyencong/selection/") for places in found.values() for p in places)
