"""Names that are checked (issue 13): every parameter code written in ``src/`` is in the
rulebook, so a typo fails here and not as a "no support level" finding at a user's assessment;
and the places that still glue a code from a prefix and a runtime value are listed, so no new
one appears unnoticed."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import khuyencong
from khuyencong.rulebooks import national
from khuyencong.rulebooks.codes import REFERRAL, REFERRAL_ITEM, SUPPORT_ITEM, SUPPORT_LEVEL
from khuyencong.rulebooks.loader import template
from khuyencong.rules.procedure.steps import STEP_PARAMS
from khuyencong.schemas import SupportItem

ROOT = Path(khuyencong.__file__).parent

KNOWN_GLUE = {
    # (module, prefix): the code is prefix + a runtime value.  Only the registry of codes read
    # by a runtime key remains: it builds each code once from the SupportItem enum, and
    # test_the_code_registries_match_the_rulebook enumerates what it built.
    ("rulebooks/codes.py", "support."),
    ("rulebooks/codes.py", "referral."),
}
"""Only shrinks: turn a glued code into a checked one (a registry such as
``procedure.steps.STEP_PARAMS`` or ``rulebooks.codes.SUPPORT_LEVEL``, or a table parameter)
and delete its line."""


PROVINCIAL_ONLY = frozenset({"local.procedure"})
"""Parameters only a provincial rulebook holds (the local procedure table, Điểm b khoản 3
Điều 8 TT 46/2012/TT-BCT), named by the code that reads them."""


@cache
def _book_codes() -> frozenset[str]:
    return frozenset(national().params)


def _pattern() -> re.Pattern[str]:
    heads = sorted({code.split(".")[0] for code in _book_codes()})
    return re.compile(r"^(?:{})\.[a-z0-9_.]*$".format("|".join(map(re.escape, heads))))


def _literals() -> list[tuple[str, int, str]]:
    """(module, line, text) of every string constant of src/ that looks like a parameter code
    (docstrings aside)."""
    pattern = _pattern()
    found: list[tuple[str, int, str]] = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        module = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and pattern.match(node.value)
            ):
                found.append((module, node.lineno, node.value))
    return found


def _known(code: str) -> bool:
    book = national()
    return (
        code in _book_codes()
        or code in STEP_PARAMS  # workflow.step.<name>, read through step_rule
        or code in book.rules
        or any(p.startswith(code + ".") for p in _book_codes())  # a checklist's name
        or code in PROVINCIAL_ONLY
        or f'"{code}"' in template()  # a parameter of provincial rulebooks
    )


def test_every_parameter_code_in_the_source_is_in_the_rulebook() -> None:
    unknown = [
        f"{module}:{line}: {code}"
        for module, line, code in _literals()
        if not code.endswith(".") and not _known(code)
    ]
    assert not unknown, unknown


def test_glued_codes_are_only_where_they_are_known() -> None:
    glued = {(module, code) for module, _, code in _literals() if code.endswith(".")}
    assert glued - KNOWN_GLUE == set(), "new glued parameter codes: use a registry"
    assert KNOWN_GLUE - glued == set(), "no longer glued: remove from KNOWN_GLUE"


def test_every_glued_prefix_names_parameters() -> None:
    for _, prefix in sorted(KNOWN_GLUE):
        provincial = prefix.removesuffix(".") in PROVINCIAL_ONLY or prefix in template()
        assert any(code.startswith(prefix) for code in _book_codes()) or provincial, prefix


def test_the_enumeration_catches_a_typo() -> None:
    assert _pattern().match("support.brnad")
    assert not _known("support.brnad")
    assert _known("support.brand")


def test_the_registries_name_a_parameter_for_every_member() -> None:
    from khuyencong.rules.advances.forms import FIRST_RATIO, AdvanceForm
    from khuyencong.selection.codes import SelectionLevel
    from khuyencong.selection.council import COUNCIL_COMPOSITION, COUNCIL_SIZE, USUAL_YEAR
    from khuyencong.selection.levels import ENTRY

    assert set(FIRST_RATIO) == set(AdvanceForm)
    assert set(COUNCIL_SIZE) == set(COUNCIL_COMPOSITION) == set(SelectionLevel)
    assert set(USUAL_YEAR) == {"local", "central"}
    assert set(ENTRY) == set(SelectionLevel) - {SelectionLevel.DISTRICT}  # entered directly
    for code in (
        *FIRST_RATIO.values(),
        *COUNCIL_SIZE.values(),
        *COUNCIL_COMPOSITION.values(),
        *ENTRY.values(),
    ):
        assert code in _book_codes(), code
    assert all(code in _book_codes() for code in USUAL_YEAR.values())


NO_NATIONAL_LEVEL = frozenset(
    {
        # Building a new pollution-treatment system: a spending content of Điểm d khoản 7
        # Điều 5 TTLT 26/2014/TTLT-BTC-BCT with no level in its Điều 6.
        SupportItem.POLLUTION_SYSTEM_NEW_ESTABLISHMENT,
        SupportItem.POLLUTION_SYSTEM_NEW_CLUSTER,
        # "Khoản chi khác": no level anywhere; a line of it is reported as not encoded.
        SupportItem.OTHER,
    }
)
"""Items the built-in rulebook gives neither a level nor a referral (a line of one gets a
``level_not_encoded`` finding naming the rulebook)."""


def test_the_code_registries_match_the_rulebook() -> None:
    book = _book_codes()
    # one code per item in each registry, and back
    assert set(SUPPORT_LEVEL) == set(REFERRAL) == set(SupportItem)
    assert {SUPPORT_ITEM[c]: c for c in SUPPORT_ITEM} == dict(SUPPORT_LEVEL)
    assert {REFERRAL_ITEM[c]: c for c in REFERRAL_ITEM} == dict(REFERRAL)
    # every support level and referral of the rulebook is a code the engine reads...
    heads = ("support.", "referral.")
    read = set(SUPPORT_LEVEL.values()) | set(REFERRAL.values())
    assert {c for c in book if c.startswith(heads)} <= read
    # ...and every item has exactly one of them, or is known to have none
    for item in SupportItem:
        found = [code for code in (SUPPORT_LEVEL[item], REFERRAL[item]) if code in book]
        assert len(found) == (0 if item in NO_NATIONAL_LEVEL else 1), (item, found)
    # the provincial template's levels are codes of the registry too
    assert all(code in read for code in re.findall(r'"((?:support|referral)\.[^"]*)"', template()))
