"""The spec-case collector and the clause coverage check, run on throw-away suites (pytester)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from khuyencong.coverage import builtin_rulebooks, cited_clauses

from .spec.casefile import (
    Case,
    CaseError,
    TransitionCase,
    check_case,
    check_transition,
    load_cases,
    run_case,
    run_transition,
)

CONFTEST = 'pytest_plugins = ["tests.spec.plugin"]\n'

BRAND_CASES = """
[defaults]
as_of = 2016-06-01

[defaults.proposal]
code = "T-1"
title = "Brand"
plan_year = 2016
funding = { kind = "national" }
state = "approved"
contents = ["typical_products_and_promotion"]
counterpart_committed = true
no_other_state_funding = true
budget_lines = [{ item = "brand", cost = 100_000_000, requested = 60_000_000 }]

[[case]]
name = "brand at the cap"
clause = "26/2014/TTLT-BTC-BCT:6.2.h"
# 50 % x 100_000_000 = 50_000_000 > cap 35_000_000
expect = { status = "eligible", support = 35_000_000, lines = [{ allowed = 35_000_000 }] }

[[case]]
name = "a wrong expectation"
clause = "26/2014/TTLT-BTC-BCT:6.2.h"
expect = { status = "ineligible", support = 1, findings = ["large_enterprise"] }
"""


def _suite(pytester: pytest.Pytester, allowlist: str | None = None) -> None:
    """A project with testpaths = tests and, optionally, the coverage allow-list."""
    ini = ["[pytest]", "testpaths = tests", "markers =", "    clause(key): a clause"]
    if allowlist is not None:
        ini.append("clause_allowlist = tests/uncovered.txt")
        pytester.path.joinpath("tests").mkdir(exist_ok=True)
        pytester.path.joinpath("tests", "uncovered.txt").write_text(allowlist, encoding="utf-8")
    pytester.makeini("\n".join(ini) + "\n")
    pytester.makeconftest(CONFTEST)


def _write(pytester: pytest.Pytester, relative: str, text: str) -> Path:
    path = pytester.path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# ---- spec cases ---------------------------------------------------------------------------------


def test_a_new_case_file_is_picked_up_with_readable_ids_and_failures(
    pytester: pytest.Pytester,
) -> None:
    _suite(pytester)
    _write(pytester, "tests/spec/cases/new_file.toml", BRAND_CASES)
    result = pytester.runpytest("-v", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*tests/spec/cases/new_file.toml::26/2014/TTLT-BTC-BCT:6.2.h::brand at the cap PASSED*",
            "*new_file.toml::26/2014/TTLT-BTC-BCT:6.2.h::a wrong expectation FAILED*",
            "*expected vs got:",
            "*status: expected ineligible, got eligible",
            "*support: expected 1, got 35_000_000",
            "*finding 'large_enterprise': expected, but absent*",
            "*assessment (explain('vi')):",
            "*ĐỦ ĐIỀU KIỆN*",
        ]
    )


def test_a_case_can_be_selected_by_its_node_id(pytester: pytest.Pytester) -> None:
    _suite(pytester)
    _write(pytester, "tests/spec/cases/one.toml", BRAND_CASES)
    node = "tests/spec/cases/one.toml::26/2014/TTLT-BTC-BCT:6.2.h::brand at the cap"
    pytester.runpytest(node, "-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_malformed_files_and_cases_fail_clearly_and_the_run_goes_on(
    pytester: pytest.Pytester,
) -> None:
    _suite(pytester)
    _write(pytester, "tests/spec/cases/broken.toml", "[[case]\nname = 'x'\n")
    good = BRAND_CASES.split('[[case]]\nname = "a wrong')[0]
    _write(
        pytester,
        "tests/spec/cases/mixed.toml",
        good
        + """
[[case]]
name = "bad proposal"
clause = "26/2014/TTLT-BTC-BCT:6.2.h"
proposal.budget_lines = [{ item = "brand", cost = "lots", requested = 1 }]
expect = { status = "eligible" }

[[case]]
name = "bad case"
clause = "not a clause"
expct = { status = "eligible" }
""",
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=3)  # no collection error: the run goes on
    result.stdout.fnmatch_lines_random(
        [
            "*malformed spec case in *broken.toml:",
            "*cannot be read as TOML*",
            "*malformed spec case in *mixed.toml, case 2 ('bad proposal'):",
            "*proposal.budget_lines.0.cost:*",
            "*malformed spec case in *mixed.toml, case 3 ('bad case'):",
            "*expect: Field required*",
            "*expct: Extra inputs are not permitted*",
        ]
    )


def test_load_cases_reads_defaults_and_reports_problems(tmp_path: Path) -> None:
    path = tmp_path / "cases.toml"
    path.write_text(BRAND_CASES, encoding="utf-8")
    first, second = load_cases(path)
    assert isinstance(first, Case)
    assert isinstance(second, Case)
    assert first.spec.clauses == ("26/2014/TTLT-BTC-BCT:6.2.h",)
    assert str(first.spec.as_of) == "2016-06-01"
    assert first.line == BRAND_CASES.splitlines().index("[[case]]")
    assert check_case(first, run_case(first)) == []
    assert len(check_case(second, run_case(second))) == 3

    path.write_text('[[case]]\nname = "x"\nclause = "x"\n', encoding="utf-8")
    (error,) = load_cases(path)
    assert isinstance(error, CaseError)
    assert error.index == 0
    assert "case 1 ('x')" in error.describe()

    path.write_text("[defaults]\nas_of = 2016-01-01\n", encoding="utf-8")
    (error,) = load_cases(path)
    assert isinstance(error, CaseError)
    assert error.problems == ("no [[case]] entries",)


def test_duplicate_case_names_in_a_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "cases.toml"
    path.write_text(BRAND_CASES.replace("a wrong expectation", "brand at the cap"), "utf-8")
    first, second = load_cases(path)
    assert isinstance(first, Case)
    assert isinstance(second, CaseError)
    assert "used twice" in second.describe()


# ---- clause coverage -------------------------------------------------------------------------------

CITED = list(cited_clauses(*builtin_rulebooks()))
DROPPED = "26/2014/TTLT-BTC-BCT:6.2.h"

ALL_BUT_ONE = f"""
import pytest

from khuyencong.coverage import builtin_rulebooks, cited_clauses

KEYS = [k for k in cited_clauses(*builtin_rulebooks()) if k != {DROPPED!r}]


@pytest.mark.parametrize("key", [pytest.param(k, marks=pytest.mark.clause(k)) for k in KEYS])
def test_clause(key: str) -> None:
    pass
"""


def test_removing_the_only_test_of_a_clause_fails_the_whole_suite(
    pytester: pytest.Pytester,
) -> None:
    assert DROPPED in CITED
    _suite(pytester, allowlist="")
    _write(pytester, "tests/test_all.py", ALL_BUT_ONE)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(CITED) - 1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*FAILED tests/uncovered.txt::clause coverage*",
        ]
    )
    result.stdout.fnmatch_lines([f"*- {DROPPED} (Điểm h khoản 2 Điều 6*has no test*"])


def test_coverage_is_enforced_only_when_the_whole_suite_runs(pytester: pytest.Pytester) -> None:
    _suite(pytester, allowlist="")
    _write(pytester, "tests/test_all.py", ALL_BUT_ONE)
    for args in (["tests/test_all.py"], ["-k", "clause"], ["tests/test_all.py::test_clause"]):
        result = pytester.runpytest("-p", "no:cacheprovider", *args)
        result.assert_outcomes(passed=len(CITED) - 1)
    result = pytester.runpytest("-p", "no:cacheprovider", "tests")
    result.assert_outcomes(passed=len(CITED) - 1, failed=1)


def test_an_allowed_gap_passes_and_a_covered_entry_fails(pytester: pytest.Pytester) -> None:
    _suite(pytester, allowlist=f"# known gaps\n{DROPPED}  # spec test pending\n")
    _write(pytester, "tests/test_all.py", ALL_BUT_ONE)
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=len(CITED))

    covered = CITED[0]
    pytester.path.joinpath("tests", "uncovered.txt").write_text(
        f"{DROPPED}  # pending\n{covered}  # pending\n45/2012/NĐ-CP:99  # not cited\n"
        f"28/2018/TT-BTC\n",
        encoding="utf-8",
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(CITED) - 1, failed=1)
    result.stdout.fnmatch_lines_random(
        [
            f"*- {covered} is covered now (by tests/test_all.py); remove it from tests/uncovered.txt",
            "*- 45/2012/NĐ-CP:99 is in tests/uncovered.txt but no built-in rulebook cites it*",
            "*- tests/uncovered.txt:4: 28/2018/TT-BTC needs a reason after '#'",
        ]
    )


def test_spec_cases_count_as_coverage(pytester: pytest.Pytester) -> None:
    _suite(pytester, allowlist="")
    _write(pytester, "tests/test_all.py", ALL_BUT_ONE)
    _write(pytester, "tests/spec/cases/brand.toml", BRAND_CASES.split('[[case]]\nname = "a')[0])
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=len(CITED) + 1)


TRANSITION_CASES = """
[defaults.proposal]
code = "T-2"
title = "Steps"
plan_year = 2016
funding = { kind = "national" }
contents = ["vocational_training"]
start_date = 2016-03-01
end_date = 2016-10-31
budget_lines = [{ item = "vocational_training", cost = 200_000_000, requested = 100_000_000 }]

[[case]]
kind = "transition"
name = "registered"
clauses = ["36/2013/TT-BCT:10.1"]
steps = [{ event = "register", by = "implementing_unit", on = 2015-05-10 }]
expect = { state = "registered", citation = "36/2013/TT-BCT:10.1" }

[[case]]
kind = "transition"
name = "wrongly expected to be approved"
clauses = ["36/2013/TT-BCT:10.1"]
steps = [{ event = "register", by = "implementing_unit", on = 2015-05-10 }]
expect = { state = "approved" }

[[case]]
kind = "transition"
name = "late, so refused before the last step"
clauses = ["36/2013/TT-BCT:10.1.b"]
steps = [
  { event = "register", by = "implementing_unit", on = 2015-05-20 },
  { event = "appraise_base", by = "provincial_department", on = 2015-05-30 },
]
expect = { state = "base_appraised" }

[[case]]
kind = "transition"
name = "both a state and a refusal"
clauses = ["36/2013/TT-BCT:10.1"]
steps = [{ event = "register", by = "implementing_unit", on = 2015-05-10 }]
expect = { state = "registered", refused = "registration_late" }
"""


def test_transition_cases_run_and_report_what_differs(tmp_path: Path) -> None:
    path = tmp_path / "steps.toml"
    path.write_text(TRANSITION_CASES, encoding="utf-8")
    good, wrong, late, malformed = load_cases(path)
    assert isinstance(good, TransitionCase)
    assert isinstance(wrong, TransitionCase)
    assert isinstance(late, TransitionCase)
    assert check_transition(good, *run_transition(good)) == []
    assert check_transition(wrong, *run_transition(wrong)) == [
        "state: expected approved, got registered"
    ]
    # 20/05/2015 is after the deadline of Art 10.1.b for plan year 2016 (the 19th at the latest).
    assert check_transition(late, *run_transition(late)) == [
        "step 1 (register) refused: registration_late [36/2013/TT-BCT:10.1.b]"
    ]
    assert isinstance(malformed, CaseError)
    assert "give 'refused' or 'state'" in malformed.describe()
