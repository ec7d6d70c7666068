"""Gaps on a date, national amendment rulebooks, and their template (issue 14)."""

from __future__ import annotations

import ast
import re
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

import khuyencong as kc
from khuyencong.errors import RulebookError
from khuyencong.rulebooks import (
    GapReason,
    Rulebook,
    check_rulebook,
    diff,
    example_amendment,
    gaps,
    load_rulebook,
    national,
    template,
)
from khuyencong.rules import LineStatus
from khuyencong.schemas.citation import Citation, Provenance
from khuyencong.schemas.codes import SupportItem

TT28 = "28/2018/TT-BTC"
TT17 = "17/2018/TT-BCT"
TODAY = date(2026, 6, 1)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return write(tmp_path, "tt28-example.toml", example_amendment())


def brand_proposal() -> kc.Proposal:
    return kc.Proposal.model_validate(
        {
            "code": "QG-2026-01",
            "title": "Xây dựng thương hiệu (minh họa)",
            "plan_year": 2026,
            "funding": {"kind": "national"},
            "contents": ["typical_products_and_promotion"],
            "counterpart_committed": True,
            "no_other_state_funding": True,
            "budget_lines": [{"item": "brand", "cost": 100_000_000, "requested": 60_000_000}],
        }
    )


# ---- gaps ----------------------------------------------------------------------------------


def test_gaps_today_list_every_support_level_of_tt28_with_its_instrument() -> None:
    report = gaps(TODAY)
    support = {g.code: g for g in report if g.code.startswith("support.")}
    # Khoản 2 Điều 6 TTLT 26/2014 sets 25 levels (points a to s), 27 parameters (point đ is also
    # given for organising and for taking part in a fair abroad apart, issue 16); from 11/05/2018
    # TT 28/2018 governs all of them: two are known from a secondary summary, the others not.
    assert set(support) == {c for c in national().params if c.startswith("support.")}
    assert len(support) == 27
    assert {g.instrument for g in support.values()} == {TT28}
    secondary = {c for c, g in support.items() if g.reason is GapReason.SECONDARY}
    assert secondary == {"support.enterprise_founding", "support.demonstration_new_technology"}
    brand = support["support.brand"]
    assert brand.reason is GapReason.TEXT_UNKNOWN
    assert brand.affects == ("line_support",)
    assert brand.affects_en == (f"line support: {SupportItem.BRAND.en}",)
    assert brand.label_vi == "Xây dựng và đăng ký thương hiệu sản phẩm CNNT"


def test_gaps_today_list_the_procedures_of_tt17_including_those_held_in_python() -> None:
    report = gaps(TODAY)
    procedures = {g.code: g for g in report if g.instrument == TT17}
    for code in (
        "workflow.national",
        "registration.base_deadline",
        "advance.first_ratio.capacity",
        "adjustment.ministry",
        "settlement.latest",
        "procedure.national_steps",
        "procedure.advance_documents",
    ):
        assert code in procedures, code
        assert procedures[code].reason is GapReason.TEXT_UNKNOWN
        # TT 17/2018's effective date is unknown: its period starts on a convention.
        assert procedures[code].uncertain_period
    assert procedures["procedure.national_steps"].kind == "rule"
    assert procedures["procedure.national_steps"].affects == ("lifecycle",)


def test_gaps_in_2016_list_nothing_the_2014_texts_decide() -> None:
    report = gaps(date(2016, 6, 1))
    assert report.gaps == ()
    assert report.filled == ()


def test_gaps_name_amendments_of_unknown_content() -> None:
    report = gaps(TODAY)
    industries = report.find("industry.eligible")
    assert industries is not None
    assert industries.reason is GapReason.AMENDED
    assert industries.instrument == "235/2025/NĐ-CP"


def test_every_parameter_affects_some_result() -> None:
    book = national()
    assert [code for code in book.params if not book.affected(code)] == []


def _gated_functions() -> set[str]:
    """Every function of khuyencong.rules (its modules and subpackages) whose code names the
    parameter 'workflow.national'."""
    found: set[str] = set()
    root = Path(str(resources.files("khuyencong.rules")))
    for entry in root.rglob("*.py"):
        module = ".".join(("khuyencong", "rules", *entry.relative_to(root).with_suffix("").parts))
        tree = ast.parse(entry.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                strings = {
                    n.value
                    for n in ast.walk(node)
                    if isinstance(n, ast.Constant) and isinstance(n.value, str)
                }
                if "workflow.national" in strings:
                    found.add(f"{module}:{node.name}")
    return found


def test_the_registry_of_procedural_rules_matches_the_python_code() -> None:
    registered = {
        target
        for rule in national().rules.values()
        if rule.gate == "workflow.national"
        for target in rule.implemented_by
    }
    assert registered == _gated_functions()


# ---- the illustrative amendment ------------------------------------------------------------


def test_the_example_amendment_is_not_loaded_by_default() -> None:
    assert national().amendments == ()
    assert national().resolve("support.brand", TODAY).encoded is False


@pytest.mark.clause("26/2014/TTLT-BTC-BCT:6.2.h")
def test_an_amendment_fills_the_2026_brand_level_with_user_supplied_provenance(
    example: Path,
) -> None:
    book = load_rulebook(example)
    assert book.kind == "national"
    assert book.illustrative
    a = kc.assess(brand_proposal(), as_of=TODAY, rulebooks=[book])
    line = a.lines[0]
    # Invented level: 50 % of 100,000,000 = 50,000,000, capped at 40,000,000 per brand.
    assert line.status is LineStatus.COMPUTED
    assert line.allowed == Decimal(40_000_000)
    assert line.limit == "cap"
    assert line.provenance is Provenance.USER_SUPPLIED
    assert line.citation == Citation(document=TT28, article=4, clause=2, point="h")
    warned = [f for f in a.findings if f.code == "user_supplied"]
    assert len(warned) == 1
    assert warned[0].provenance is Provenance.USER_SUPPLIED
    assert "illustrative" in warned[0].message_en
    assert "user_supplied" in warned[0].message_vi
    # Before TT 28/2018 the official 2014 level still applies: 50 %, at most 35,000,000.
    old = kc.assess(brand_proposal(), as_of=date(2016, 6, 1), rulebooks=[book])
    assert old.lines[0].allowed == Decimal(35_000_000)
    assert old.lines[0].provenance is Provenance.OFFICIAL_TEXT


def test_gaps_say_what_an_amendment_fills(example: Path) -> None:
    book = load_rulebook(example)
    report = gaps(TODAY, rulebooks=[book])
    assert report.find("support.brand") is None
    assert report.find("support.machinery_and_technology") is not None
    filled = {f.code: f for f in report.filled}
    assert set(filled) == {"support.brand", "support.consulting"}
    assert filled["support.brand"].illustrative
    assert filled["support.brand"].supplied_by.startswith("khuyencong documentation")


def test_diff_across_the_amendment_shows_the_level_that_changed(example: Path) -> None:
    book = load_rulebook(example)
    changes = {c.code: c for c in diff(date(2018, 5, 10), TODAY, rulebook=book)}
    brand = changes["support.brand"]
    assert brand.kind == "changed"
    text = brand.describe("en")
    assert "50 %, at most 35,000,000 VND/brand" in text
    assert "50 %, at most 40,000,000 VND/brand" in text
    assert "; user supplied)" in text  # the provenance in words (issue 17)
    assert changes["support.machinery_and_technology"].kind == "removed"


# ---- refusals ------------------------------------------------------------------------------

AMENDMENT_HEAD = """
[meta]
id = "{id}"
title_vi = "Thử"
title_en = "Test"
kind = "national_amendment"
instrument = "{instrument}"
supplied_by = "test"
"""


def amendment(instrument: str, body: str, id: str = "test-amendment") -> str:
    return AMENDMENT_HEAD.format(id=id, instrument=instrument) + body


def test_an_amendment_cannot_change_an_official_2014_value(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.toml",
        amendment(
            TT28,
            """
[[params."support.brand".values]]
from = 2016-01-01
rate = "60%"
cap = 50_000_000
citation = { article = 4, clause = 2, point = "h" }
""",
        ),
    )
    problems = check_rulebook(path)
    official = [p for p in problems if "official text" in p.message]
    assert len(official) == 1
    assert official[0].file == str(path)
    assert official[0].key == 'params."support.brand".values[0]'
    assert "Điểm h khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT" in official[0].message
    with pytest.raises(RulebookError, match=re.escape(f'{path}: params."support.brand"')):
        load_rulebook(path)


ND235_INDUSTRIES = """
[[params."industry.eligible".values]]
from = {start}
value = ["handicraft"]
citation = {{ article = 1, clause = 3 }}
"""


def test_an_amending_decree_fills_what_it_amends_from_its_date(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "nd235.toml",
        amendment("235/2025/NĐ-CP", ND235_INDUSTRIES.format(start="2025-10-15")),
    )
    assert check_rulebook(path) == []
    book = load_rulebook(path)
    after = book.value("industry.eligible", TODAY)
    assert after.codes == ("handicraft",)
    assert after.provenance is Provenance.USER_SUPPLIED
    # The day before NĐ 235/2025 took effect, Điều 5 NĐ 45/2012 (official) still applies.
    before = book.value("industry.eligible", date(2025, 10, 14))
    assert before.provenance is Provenance.OFFICIAL_TEXT
    assert before.citation.document == "45/2012/NĐ-CP"
    assert gaps(TODAY, rulebooks=[book]).find("industry.eligible") is None


def test_an_amending_decree_cannot_change_the_decree_before_its_date(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "nd235.toml",
        amendment("235/2025/NĐ-CP", ND235_INDUSTRIES.format(start="2025-01-01")),
    )
    problems = check_rulebook(path)
    keys = {p.key for p in problems}
    assert keys == {
        'params."industry.eligible".values[0].from',
        'params."industry.eligible".values[0]',
    }
    official = next(p for p in problems if "official text" in p.message)
    assert "Điều 5 Nghị định 45/2012/NĐ-CP" in official.message


def test_an_amendment_replaces_a_secondary_summary_of_its_own_instrument(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "tt28-demo.toml",
        amendment(
            TT28,
            """
[[params."support.demonstration_new_technology".values]]
from = 2018-05-11
rate = "30%"
cap = 900_000_000
citation = { article = 5, clause = 1 }
""",
        ),
    )
    book = load_rulebook(path)
    level = book.resolve("support.demonstration_new_technology", TODAY)
    assert level.encoded
    assert getattr(level, "provenance", None) is Provenance.USER_SUPPLIED
    assert book.value("support.demonstration_new_technology", TODAY).support.cap == Decimal(
        900_000_000
    )


def test_two_amendments_covering_the_same_parameter_and_period_are_refused(
    tmp_path: Path, example: Path
) -> None:
    other = write(
        tmp_path,
        "other.toml",
        amendment(
            TT28,
            """
[[params."support.brand".values]]
from = 2020-01-01
rate = "40%"
cap = 30_000_000
citation = { article = 4, clause = 2, point = "h" }
""",
            id="other-amendment",
        ),
    )
    assert check_rulebook(other) == []
    problems = check_rulebook(example, other)
    assert len(problems) == 1
    assert problems[0].file == str(other)
    assert str(example) in problems[0].message
    assert "two amendments" in problems[0].message
    with pytest.raises(RulebookError, match="two amendments"):
        load_rulebook(example, other)


@pytest.mark.parametrize(
    ("body", "key", "message"),
    [
        (
            (
                '[[params."registration.base_deadline".values]]\nfrom = 2018-05-11\nvalue = "05-20"\n'
                "citation = { article = 3 }\n"
            ),
            'params."registration.base_deadline"',
            "does not govern",
        ),
        (
            (
                '[[params."support.brand".values]]\nfrom = 2018-05-11\nrate = "50%"\n'
                'citation = { article = 3 }\nprovenance = "official_text"\n'
            ),
            'params."support.brand".values[0].provenance',
            "user_supplied",
        ),
        (
            (
                '[[params."support.nothing".values]]\nfrom = 2018-05-11\nrate = "50%"\n'
                "citation = { article = 3 }\n"
            ),
            'params."support.nothing"',
            "no parameter",
        ),
        (
            (
                '[[params."support.brand".values]]\nfrom = 2018-05-11\nrate = "50%"\n'
                'citation = { document = "26/2014/TTLT-BTC-BCT", article = 3 }\n'
            ),
            'params."support.brand".values[0].citation.document',
            "cite 28/2018/TT-BTC",
        ),
        (
            (
                '[[params."support.brand".values]]\nfrom = 2018-05-11\nrate = "half"\n'
                "citation = { article = 3 }\n"
            ),
            'params."support.brand".values[0].rate',
            "not a percentage",
        ),
        (
            (
                '[[params."support.brand".values]]\nfrom = 2018-05-11\nrate = "50%"\n'
                "citation = { article = 3 }\n"
                '[[params."support.brand".values]]\nfrom = 2019-01-01\nuntil = 2020-01-01\n'
                'rate = "40%"\ncitation = { article = 3 }\n'
            ),
            'params."support.brand".values[1]',
            'overlaps params."support.brand".values[0]',
        ),
    ],
)
def test_amendment_problems_name_the_key(tmp_path: Path, body: str, key: str, message: str) -> None:
    path = write(tmp_path, "bad.toml", amendment(TT28, body))
    problems = check_rulebook(path)
    assert any(p.key == key and message in p.message for p in problems), problems


def test_a_new_circular_replacing_tt28_takes_over_from_its_date(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "new.toml",
        amendment(
            "99/2026/TT-BTC",
            """
[instrument]
number = "99/2026/TT-BTC"
title_vi = "Thông tư (thử) thay thế Thông tư 28/2018/TT-BTC"
title_en = "Circular (test) replacing Circular 28/2018/TT-BTC"
issuer = "Bộ Tài chính"
effective_from = 2026-03-01
replaces = ["28/2018/TT-BTC"]

[[params."support.brand".values]]
from = 2026-03-01
rate = "50%"
cap = 45_000_000
citation = { article = 6, clause = 2, point = "h" }
""",
        ),
    )
    book = load_rulebook(path)
    assert book.value("support.brand", TODAY).support.cap == Decimal(45_000_000)
    # The secondary 2018 values end where the new circular takes over.
    before = book.resolve("support.enterprise_founding", date(2026, 2, 1))
    after = book.resolve("support.enterprise_founding", TODAY)
    assert before.encoded
    assert not after.encoded
    assert after.instrument == "99/2026/TT-BTC"  # type: ignore[union-attr]


# ---- the template --------------------------------------------------------------------------


def fill(text: str) -> str:
    """Fill every slot of a template with the 2014 value it names and an article 1 clause."""
    text = re.sub(
        r'^(\w+) = ""  # (?:\d{4}|secondary): (.*?)(?: \(đồng.*\))?$', r"\1 = \2", text, flags=re.M
    )
    text = text.replace(
        'effective_from = ""  # YYYY-MM-DD, without quotes', "effective_from = 2017-01-01"
    )
    text = text.replace(
        'citation = { article = "", clause = "", point = "" }', "citation = { article = 1 }"
    )
    return text.replace('supplied_by = ""', 'supplied_by = "test"')


@pytest.mark.parametrize("instrument", [TT28, TT17, "235/2025/NĐ-CP", "20/2017/TT-BCT"])
def test_the_template_round_trips_through_check_once_filled(
    tmp_path: Path, instrument: str
) -> None:
    skeleton = template(instrument)
    empty = write(tmp_path, "empty.toml", skeleton)
    problems = check_rulebook(empty)
    assert problems
    assert {p.message for p in problems} <= {
        "not filled in",
        "cite the article (Điều) the value comes from",
        "name who supplied the values (an agency, a person)",
    }
    filled = write(tmp_path, "filled.toml", fill(skeleton))
    assert check_rulebook(filled) == []
    book = load_rulebook(filled)
    (amended,) = book.amendments
    assert amended.instrument == instrument
    # Every parameter the template listed is now known today, from the user's values.
    report = gaps(TODAY, rulebooks=[book])
    assert [c for c in amended.codes if report.find(c) is not None] == []
    assert {f.code for f in report.filled} == set(amended.codes)
    if instrument == TT28:
        brand = book.value("support.brand", TODAY)
        # Filled with the 2014 figures it replaces: 50 %, at most 35,000,000 per brand.
        assert (brand.support.rate, brand.support.cap) == (Decimal("0.5"), Decimal(35_000_000))
        assert brand.provenance is Provenance.USER_SUPPLIED
        assert "# Thay thế / replaces: Điểm h khoản 2 Điều 6" in skeleton
    elif instrument == TT17:
        assert book.value("registration.base_deadline", TODAY).month_day == (5, 20)
        assert report.find("procedure.national_steps") is None
    elif instrument == "235/2025/NĐ-CP":
        industries = book.value("industry.eligible", TODAY)
        assert industries.provenance is Provenance.USER_SUPPLIED
        assert industries.codes == national().value("industry.eligible", TODAY).codes
    else:
        assert "[instrument]" in skeleton
        assert book.value("priority.area_order", TODAY).provenance is Provenance.USER_SUPPLIED


def test_the_template_of_an_unknown_instrument_is_refused() -> None:
    with pytest.raises(RulebookError, match="unknown instrument"):
        template("1/2099/TT-BTC")


def test_a_provincial_overlay_loads_alone(tmp_path: Path, example: Path) -> None:
    overlay = write(tmp_path, "tinh.toml", template())
    with pytest.raises(RulebookError, match="load a province's overlay on its own"):
        load_rulebook(example, overlay)
    assert isinstance(load_rulebook(overlay), Rulebook)


def test_gaps_of_a_provinces_overlay_before_its_decision(tmp_path: Path) -> None:
    overlay = load_rulebook(write(tmp_path, "tinh.toml", template()))
    # The template's decision takes effect on 01/01/2015: in 2014 no instrument of the overlay
    # governs its levels; from 2015 they are known.
    early = gaps(date(2014, 6, 1), rulebooks=[overlay])
    mine = [g for g in early if g.rulebook == overlay.id]
    assert {g.code for g in mine} == set(overlay.params)
    assert {g.reason for g in mine} == {GapReason.NO_INSTRUMENT}
    assert early.rulebooks == ("national", overlay.id)
    assert gaps(date(2016, 6, 1), rulebooks=[overlay]).gaps == ()


def test_an_instrument_declaration_cannot_contradict_the_registry(tmp_path: Path) -> None:
    body = """
[instrument]
number = "28/2018/TT-BTC"
title_vi = "Thông tư"
title_en = "Circular"
issuer = "Bộ Tài chính"
effective_from = 2018-01-01
replaces = ["36/2013/TT-BCT"]

[[params."support.brand".values]]
from = 2018-05-11
rate = "50%"
citation = { article = 4 }
"""
    problems = check_rulebook(write(tmp_path, "bad.toml", amendment(TT28, body)))
    assert {(p.key, p.message) for p in problems} == {
        (
            "instrument.replaces",
            "the registry knows that 28/2018/TT-BTC replaces 26/2014/TTLT-BTC-BCT",
        ),
        ("instrument.effective_from", "the registry knows 2018-05-11, not 2018-01-01"),
    }
