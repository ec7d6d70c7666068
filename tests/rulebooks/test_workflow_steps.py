"""The national workflow held as data (rulebooks/data/params/workflow.toml): every step the
handlers ask for is in the rulebook, with valid states and bodies, and a typo is an error."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from khuyencong.errors import NotEncodedError
from khuyencong.rulebooks import national
from khuyencong.rules.procedure import steps as steps_module
from khuyencong.rules.procedure.steps import STEP_PARAMS, step_rule
from khuyencong.schemas.codes import Authority, ProposalState

WORKFLOW = Path(steps_module.__file__).with_name("workflow.py")
IN_FORCE = date(2016, 1, 1)


def _names_asked_for() -> set[str]:
    """The literal step names the handlers pass to ``_rule`` (ast of workflow.py)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(WORKFLOW.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {
            "_rule",
            "_ministry_decides",
        }:
            for arg in ast.walk(node):
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    names.add(arg.value)
    return names


def test_every_step_the_handlers_ask_for_is_registered() -> None:
    asked = _names_asked_for()
    assert asked, "no step names found in workflow.py"
    assert asked <= set(STEP_PARAMS), sorted(asked - set(STEP_PARAMS))


def test_the_registry_and_the_rulebook_hold_the_same_steps() -> None:
    in_book = {
        c.removeprefix("workflow.step.")
        for c in national().params
        if c.startswith("workflow.step.")
    }
    assert in_book == set(STEP_PARAMS)


@pytest.mark.parametrize("name", STEP_PARAMS)
def test_each_step_reads_as_states_and_bodies(name: str) -> None:
    rule = step_rule(national(), name, IN_FORCE)
    assert rule.sources or rule.by, name
    assert all(isinstance(s, ProposalState) for s in rule.sources)
    assert all(isinstance(a, Authority) for a in rule.by)
    assert rule.citation.document == "36/2013/TT-BCT"


def test_approval_is_the_ministers_from_the_ministry_appraisal() -> None:
    # Khoản 3 Điều 8 TT 36/2013: the Minister approves the plan the Agency appraised.
    rule = step_rule(national(), "approve", IN_FORCE)
    assert rule.sources == {ProposalState.MINISTRY_APPRAISED}
    assert rule.to_state is ProposalState.APPROVED
    assert rule.by == {Authority.MINISTRY}
    assert rule.citation.key == "36/2013/TT-BCT:8.3"


def test_a_misspelt_step_is_an_error_not_a_finding() -> None:
    with pytest.raises(KeyError, match="aprove"):
        step_rule(national(), "aprove", IN_FORCE)


def test_a_step_after_the_circular_is_not_encoded() -> None:
    with pytest.raises(NotEncodedError):
        step_rule(national(), "approve", date(2019, 1, 1))
