"""Spec cases of ``kind = "selection"``: one check of the selection of typical rural industrial
products (Thông tư 26/2014/TT-BCT) called with the keyword arguments of its ``input`` table, and
the outcome a regulations expert expects, written in TOML without Python.

The check is named by its public function (``council_sizes``, ``check_council``...; see
:data:`CHECKS`); each ``input`` key is one of its parameters, validated to the parameter's type
(a level code becomes a :class:`~khuyencong.selection.SelectionLevel`, a ``council`` table a
:class:`~khuyencong.selection.Council`...).  The outcome is compared through
:func:`outcome`; keys left out of ``expect`` are not checked.  See docs/spec-cases.md.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, Final, Literal

import attrs
import pydantic
from pydantic import BaseModel, ConfigDict, Field, model_validator

from khuyencong import selection
from khuyencong.coverage import citation_from_key
from khuyencong.rulebooks import NotEncoded
from khuyencong.schemas.citation import Citation

__all__ = [
    "CHECKS",
    "SelectionCase",
    "SelectionExpectation",
    "SelectionSpec",
    "check_selection",
    "describe",
    "load_selection",
    "outcome",
    "run_selection",
]

CHECKS: Final[Mapping[str, Callable[..., object]]] = {
    name: getattr(selection, name)
    for name in (
        "certificate_valid_until",
        "check_certificate",
        "check_council",
        "check_dossier",
        "check_jury",
        "check_product",
        "check_recognition",
        "check_round",
        "complaint_deadline",
        "complaint_in_time",
        "complaint_resolution_deadline",
        "council_sizes",
        "entry_requirement",
        "level_in_force",
        "selection_funding",
    )
}
"""The selection checks a case may name, by their function's name."""

Outcome = Literal["passed", "failed", "not_assessable", "refused", "not_encoded"]


class SelectionExpectation(BaseModel):
    """The ``expect`` table of a ``selection`` case."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: Outcome | None = None
    """``passed``/``failed``/``not_assessable`` for a check or verdict; ``refused`` when the
    check refuses (a level that no longer exists); ``not_encoded`` at a date no encoded
    instrument governs."""
    value: Any = None
    """What a check that computes something returns: council sizes, a day, a deadline's last
    day."""
    checks: dict[str, Literal["passed", "failed", "not_assessable"]] = {}
    """The status of named checks of a verdict (others are not checked)."""
    refused: str | None = None
    """The code of the refusal."""
    citation: str | None = None
    """The clause the result (a check, a refusal, a deadline) cites."""

    @model_validator(mode="after")
    def _something(self) -> SelectionExpectation:
        if self.model_dump(exclude_defaults=True) == {}:
            raise ValueError("expect nothing: give a status, value, checks, refused or citation")
        if self.citation is not None:
            citation_from_key(self.citation)
        return self


class SelectionSpec(BaseModel):
    """One ``[[case]]`` entry of ``kind = "selection"``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["selection"]
    name: Annotated[str, Field(min_length=1)]
    clauses: Annotated[tuple[str, ...], Field(min_length=1)]
    check: str
    input: dict[str, Any]
    expect: SelectionExpectation
    note: str = ""

    @model_validator(mode="after")
    def _known(self) -> SelectionSpec:
        for key in self.clauses:
            citation_from_key(key)
        if self.check not in CHECKS:
            raise ValueError(f"no selection check {self.check!r}; one of: {', '.join(CHECKS)}")
        params = inspect.signature(CHECKS[self.check]).parameters
        unknown = sorted(set(self.input) - set(params) - {"rulebook"})
        if unknown:
            raise ValueError(
                f"{self.check} takes no {', '.join(unknown)}; it takes {', '.join(params)}"
            )
        return self


@attrs.frozen(slots=True)
class SelectionCase:
    """A valid ``selection`` case: its spec, its arguments and where it is written."""

    path: Path
    index: int
    line: int
    spec: SelectionSpec
    arguments: Mapping[str, Any]

    @property
    def name(self) -> str:
        """The case's name."""
        return self.spec.name


def arguments(spec: SelectionSpec) -> dict[str, Any]:
    """The case's ``input`` validated to the types of its check's parameters; raises
    ``pydantic.ValidationError`` naming the parameter."""
    func = inspect.unwrap(CHECKS[spec.check])
    hints = typing.get_type_hints(func)
    out: dict[str, Any] = {}
    for key, raw in spec.input.items():
        value = pydantic.TypeAdapter(hints[key]).validate_python(raw)
        out[key] = tuple(value) if key == "holidays" else value
    return out


def run_selection(case: SelectionCase) -> object:
    """Call the case's check with its arguments."""
    return CHECKS[case.spec.check](**case.arguments)


def _status(passed: bool | None) -> str:
    return {True: "passed", False: "failed", None: "not_assessable"}[passed]


def outcome(result: object) -> dict[str, Any]:
    """What a selection check returned, in the terms of an expectation: ``status``, ``value``,
    ``checks``, ``refused``, ``citation`` (those that apply)."""
    if isinstance(result, NotEncoded):
        return {"status": "not_encoded"}
    if isinstance(result, selection.Refusal):
        return {"status": "refused", "refused": result.code, "citation": _key(result.citation)}
    if isinstance(result, selection.Verdict):
        checks = {c.code: _status(c.passed) for c in result.checks}
        return {"status": result.status, "checks": checks}
    if isinstance(result, selection.Check):
        return {
            "status": _status(result.passed),
            "checks": {result.code: _status(result.passed)},
            "citation": _key(result.citation),
        }
    if isinstance(result, selection.Deadline):
        return {"value": result.last_day, "citation": _key(result.citation)}
    if isinstance(result, selection.EntryRequirement):
        certificate = None if result.certificate_of is None else result.certificate_of.value
        return {"value": certificate, "citation": _key(result.citation)}
    if isinstance(result, tuple):
        return {"value": list(result)}
    return {"value": result}


def _key(citation: Citation | None) -> str | None:
    return None if citation is None else citation.key


def check_selection(case: SelectionCase, result: object) -> list[str]:
    """Every difference between a ``selection`` case's expectation and ``result``."""
    expect = case.spec.expect
    got = outcome(result)
    diffs: list[str] = []
    for key in ("status", "refused", "citation"):
        want = getattr(expect, key)
        if want is not None and got.get(key) != want:
            diffs.append(f"{key}: expected {want}, got {got.get(key)}")
    if "value" in expect.model_fields_set and got.get("value") != expect.value:
        diffs.append(f"value: expected {expect.value!r}, got {got.get('value')!r}")
    checks = got.get("checks", {})
    for code, want in expect.checks.items():
        if checks.get(code) != want:
            diffs.append(f"check {code}: expected {want}, got {checks.get(code, 'absent')}")
    return diffs


def load_selection(
    path: Path, index: int, line: int, raw: dict[str, Any]
) -> SelectionCase | list[str]:
    """A ``selection`` case from its table, or the problems found."""
    try:
        spec = SelectionSpec.model_validate(raw)
        return SelectionCase(path, index, line, spec, arguments(spec))
    except pydantic.ValidationError as exc:
        return [
            f"{'.'.join(str(p) for p in e['loc']) or '(case)'}: {e['msg']}" for e in exc.errors()
        ]


def describe(case: SelectionCase, result: object, diffs: list[str]) -> str:
    """The failure report of a ``selection`` case."""
    return "\n".join(
        [
            f"spec case {case.name!r} ({case.path.name}, selection: {case.spec.check})",
            *(f"  - {d}" for d in diffs),
            f"  got: {outcome(result)!r}",
        ]
    )
