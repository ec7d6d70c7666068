"""Spec case files: cases a regulations expert writes in TOML, without Python.

One file holds ``[[case]]`` entries; an optional ``[defaults]`` table gives ``as_of`` and a
``proposal`` table that every case's ``proposal`` is laid over (key by key: a key the case gives
replaces the default).  See docs/spec-cases.md for the guide.  This module is pure: parsing,
validating, running and comparing; the pytest collector is in ``plugin.py``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

import attrs
import pydantic
from pydantic import BaseModel, ConfigDict, Field, model_validator

import khuyencong as kc
from khuyencong.coverage import citation_from_key
from khuyencong.rules import LineStatus, Status
from khuyencong.rules.lifecycle import TransitionRefused, transition
from khuyencong.schemas import ProposalState

__all__ = [
    "Case",
    "CaseError",
    "CaseSpec",
    "Expectation",
    "LineExpectation",
    "Step",
    "TransitionCase",
    "TransitionExpectation",
    "TransitionSpec",
    "check_case",
    "check_transition",
    "load_cases",
    "run_transition",
]

_STRICT = ConfigDict(extra="forbid", frozen=True)


class LineExpectation(BaseModel):
    """What one budget line's result must be; keys left out are not checked."""

    model_config = _STRICT

    allowed: Annotated[int | None, Field(ge=0)] = None
    status: LineStatus | None = None
    limit: str | None = None
    counterpart: Annotated[int | None, Field(ge=0)] = None


class Expectation(BaseModel):
    """The ``expect`` table of a case."""

    model_config = _STRICT

    status: Status
    support: Annotated[int, Field(ge=0)] | Literal["not_known"] | None = None
    """The total allowed in đồng, or "not_known" when some line's support is not known."""
    lines: tuple[LineExpectation, ...] | None = None
    findings: tuple[str, ...] = ()
    """Finding codes that must appear."""
    no_findings: tuple[str, ...] = ()
    """Finding codes that must not appear."""


class CaseSpec(BaseModel):
    """One ``[[case]]`` entry, after the file's defaults are applied."""

    model_config = _STRICT

    name: Annotated[str, Field(min_length=1)]
    clauses: Annotated[tuple[str, ...], Field(min_length=1)]
    as_of: date
    proposal: dict[str, Any]
    expect: Expectation
    allocation: Annotated[int | None, Field(ge=0)] = None
    rulebooks: tuple[str, ...] = ()
    """Rulebook files (a province's overlay) relative to the case file."""
    note: str = ""

    @model_validator(mode="before")
    @classmethod
    def _one_clause(cls, data: Any) -> Any:
        if isinstance(data, dict) and "clause" in data:
            data = dict(data)
            clause = data.pop("clause")
            if "clauses" in data:
                raise ValueError("give either 'clause' or 'clauses', not both")
            data["clauses"] = [clause] if isinstance(clause, str) else clause
        return data

    @model_validator(mode="after")
    def _keys(self) -> CaseSpec:
        for key in self.clauses:
            citation_from_key(key)
        return self


class Step(BaseModel):
    """One step of a ``transition`` case: ``event`` taken ``by`` an authority ``on`` a day;
    ``details`` are the step's keyword arguments (``reason``, ``bidding_decision``...)."""

    model_config = _STRICT

    event: Annotated[str, Field(min_length=1)]
    by: Annotated[str, Field(min_length=1)]
    on: date
    details: dict[str, str] = {}


class TransitionExpectation(BaseModel):
    """The ``expect`` table of a ``transition`` case: after the last step, the proposal's
    ``state`` and the ``citation`` (a clause key) of its last history entry; or, when the last
    step is ``refused`` (its refusal code), the clause the refusal cites."""

    model_config = _STRICT

    state: ProposalState | None = None
    citation: str | None = None
    refused: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> TransitionExpectation:
        if self.refused is not None and self.state is not None:
            raise ValueError("a refused step leaves the state as it was: give 'refused' or 'state'")
        if self.refused is None and self.state is None:
            raise ValueError(
                "give the 'state' after the steps, or the code the last step is 'refused' with"
            )
        if self.citation is not None:
            citation_from_key(self.citation)
        return self


class TransitionSpec(BaseModel):
    """One ``[[case]]`` entry of ``kind = "transition"``: a proposal moved through ``steps``."""

    model_config = _STRICT

    kind: Literal["transition"]
    name: Annotated[str, Field(min_length=1)]
    clauses: Annotated[tuple[str, ...], Field(min_length=1)]
    proposal: dict[str, Any]
    steps: Annotated[tuple[Step, ...], Field(min_length=1)]
    expect: TransitionExpectation
    note: str = ""

    @model_validator(mode="after")
    def _keys(self) -> TransitionSpec:
        for key in self.clauses:
            citation_from_key(key)
        return self


@attrs.frozen(slots=True)
class Case:
    """A valid case: its spec, the proposal built from it, and where it is written."""

    path: Path
    index: int
    line: int
    spec: CaseSpec
    proposal: kc.Proposal

    @property
    def name(self) -> str:
        """The case's name."""
        return self.spec.name


@attrs.frozen(slots=True)
class TransitionCase:
    """A valid ``transition`` case: its spec, the proposal it starts from, where it is written."""

    path: Path
    index: int
    line: int
    spec: TransitionSpec
    proposal: kc.Proposal

    @property
    def name(self) -> str:
        """The case's name."""
        return self.spec.name


@attrs.frozen(slots=True)
class CaseError:
    """A malformed file or case: where, and every problem found."""

    path: Path
    index: int | None
    """The case's position in the file (0-based), or None for the whole file."""
    line: int
    name: str | None
    problems: tuple[str, ...]

    def describe(self) -> str:
        """A message naming the file and the case."""
        where = str(self.path)
        if self.index is not None:
            where += f", case {self.index + 1}" + (f" ({self.name!r})" if self.name else "")
        return f"malformed spec case in {where}:\n" + "\n".join(f"  - {p}" for p in self.problems)


def _loc(loc: Sequence[int | str]) -> str:
    return ".".join(str(part) for part in loc) or "(case)"


def _case_lines(text: str) -> list[int]:
    """The 0-based line number of each ``[[case]]`` header, in order."""
    return [i for i, raw in enumerate(text.splitlines()) if raw.strip().startswith("[[case]]")]


def load_cases(path: Path) -> list[Case | TransitionCase | CaseError]:
    """Every case of the file at ``path``, valid or not; never raises for bad content."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return [CaseError(path, None, 0, None, (f"cannot be read as TOML: {exc}",))]
    unknown = sorted(set(data) - {"case", "defaults"})
    raw_cases = data.get("case")
    defaults = data.get("defaults", {})
    problems: list[str] = [
        f"unknown top-level table {k!r} (use [[case]] and [defaults])" for k in unknown
    ]
    if not isinstance(defaults, dict) or not set(defaults) <= {"as_of", "proposal"}:
        problems.append("[defaults] may hold only 'as_of' and a 'proposal' table")
        defaults = {}
    if not isinstance(raw_cases, list) or not raw_cases:
        problems.append("no [[case]] entries")
        raw_cases = []
    if problems:
        return [CaseError(path, None, 0, None, tuple(problems))]
    lines = _case_lines(text)
    out: list[Case | TransitionCase | CaseError] = []
    names: set[str] = set()
    for index, raw in enumerate(raw_cases):
        line = lines[index] if index < len(lines) else 0
        result = _one_case(path, index, line, raw, defaults)
        if not isinstance(result, CaseError):
            name = result.name
            if name in names:
                result = CaseError(path, index, line, name, (f"the name {name!r} is used twice",))
            names.add(name)
        out.append(result)
    return out


def _one_case(
    path: Path, index: int, line: int, raw: Any, defaults: dict[str, Any]
) -> Case | TransitionCase | CaseError:
    name = raw.get("name") if isinstance(raw, dict) else None
    name = name if isinstance(name, str) else None
    if not isinstance(raw, dict):
        return CaseError(path, index, line, None, ("a [[case]] entry must be a table",))
    merged = dict(raw)
    transition_kind = merged.get("kind") == "transition"
    if "as_of" in defaults and "as_of" not in merged and not transition_kind:
        merged["as_of"] = defaults["as_of"]
    if isinstance(defaults.get("proposal"), dict):
        proposal = merged.get("proposal", {})
        if isinstance(proposal, dict):
            merged["proposal"] = {**defaults["proposal"], **proposal}
    try:
        spec: CaseSpec | TransitionSpec = (
            TransitionSpec.model_validate(merged)
            if transition_kind
            else CaseSpec.model_validate(merged)
        )
    except pydantic.ValidationError as exc:
        problems = tuple(f"{_loc(e['loc'])}: {e['msg']}" for e in exc.errors())
        return CaseError(path, index, line, name, problems)
    try:
        proposal_model = kc.Proposal.model_validate(spec.proposal)
    except pydantic.ValidationError as exc:
        problems = tuple(f"proposal.{_loc(e['loc'])}: {e['msg']}" for e in exc.errors())
        return CaseError(path, index, line, name, problems)
    if isinstance(spec, TransitionSpec):
        return TransitionCase(path=path, index=index, line=line, spec=spec, proposal=proposal_model)
    for rulebook in spec.rulebooks:
        if not (path.parent / rulebook).is_file():
            return CaseError(path, index, line, name, (f"rulebooks: no file {rulebook!r}",))
    return Case(path=path, index=index, line=line, spec=spec, proposal=proposal_model)


def run_transition(case: TransitionCase) -> tuple[kc.Proposal, TransitionRefused | None, int]:
    """Move the case's proposal through its steps: the proposal after the last step that went
    through, the refusal that stopped it (or None) and how many steps went through."""
    proposal = case.proposal
    for done, step in enumerate(case.spec.steps):
        details: dict[str, Any] = dict(step.details)
        try:
            proposal = transition(proposal, step.event, as_of=step.on, actor=step.by, **details)
        except TransitionRefused as refused:
            return proposal, refused, done
    return proposal, None, len(case.spec.steps)


def check_transition(
    case: TransitionCase, proposal: kc.Proposal, refused: TransitionRefused | None, done: int
) -> list[str]:
    """Every difference between a ``transition`` case's expectation and what happened."""
    expect = case.spec.expect
    steps = len(case.spec.steps)
    diffs: list[str] = []
    if refused is not None and (done < steps - 1 or expect.refused is None):
        step = case.spec.steps[done]
        where = refused.citation.key if refused.citation is not None else "no clause"
        diffs.append(f"step {done + 1} ({step.event}) refused: {refused.code} [{where}]")
        return diffs
    if expect.refused is not None:
        if refused is None:
            diffs.append(f"the last step: expected refused {expect.refused}, it went through")
            return diffs
        if refused.code != expect.refused:
            diffs.append(f"refused: expected {expect.refused}, got {refused.code}")
        got = refused.citation.key if refused.citation is not None else None
    else:
        if expect.state is not None and proposal.state is not expect.state:
            diffs.append(f"state: expected {expect.state.value}, got {proposal.state.value}")
        last = proposal.history[-1].citation if proposal.history else None
        got = None if last is None else last.key
    if expect.citation is not None and got != expect.citation:
        diffs.append(f"citation: expected {expect.citation}, got {got}")
    return diffs


def run_case(case: Case) -> kc.Assessment:
    """Assess the case's proposal as its spec says."""
    books = [kc.load_rulebook(case.path.parent / p) for p in case.spec.rulebooks]
    allocation = None if case.spec.allocation is None else Decimal(case.spec.allocation)
    return kc.assess(
        case.proposal, as_of=case.spec.as_of, rulebooks=books or None, allocation=allocation
    )


def _amount(value: Decimal | None) -> str:
    return "none" if value is None else f"{int(value):_}"


def check_case(case: Case, assessment: kc.Assessment) -> list[str]:
    """Every difference between the case's expectation and ``assessment`` (empty: it passes)."""
    expect = case.spec.expect
    diffs: list[str] = []
    if assessment.status != expect.status:
        diffs.append(f"status: expected {expect.status.value}, got {assessment.status.value}")
    if expect.support == "not_known":
        if assessment.support is not None:
            diffs.append(f"support: expected not_known, got {_amount(assessment.support)}")
    elif expect.support is not None and assessment.support != expect.support:
        diffs.append(f"support: expected {expect.support:_}, got {_amount(assessment.support)}")
    if expect.lines is not None:
        if len(expect.lines) != len(assessment.lines):
            diffs.append(
                f"lines: expected {len(expect.lines)} line(s), got {len(assessment.lines)}"
            )
        for number, (want, got) in enumerate(
            zip(expect.lines, assessment.lines, strict=False), start=1
        ):
            if want.allowed is not None and got.allowed != want.allowed:
                diffs.append(
                    f"line {number} ({got.item.value}) allowed: expected {want.allowed:_}, "
                    f"got {_amount(got.allowed)}"
                )
            if want.status is not None and got.status != want.status:
                diffs.append(
                    f"line {number} ({got.item.value}) status: expected {want.status.value}, "
                    f"got {got.status.value}"
                )
            if want.limit is not None and got.limit != want.limit:
                diffs.append(
                    f"line {number} ({got.item.value}) limit: expected {want.limit}, got {got.limit}"
                )
            if want.counterpart is not None and got.counterpart != want.counterpart:
                diffs.append(
                    f"line {number} ({got.item.value}) counterpart: expected "
                    f"{want.counterpart:_}, got {_amount(got.counterpart)}"
                )
    codes = [f.code for f in assessment.findings]
    for code in expect.findings:
        if code not in codes:
            diffs.append(
                f"finding {code!r}: expected, but absent (got: {', '.join(codes) or 'none'})"
            )
    for code in expect.no_findings:
        if code in codes:
            diffs.append(f"finding {code!r}: must not appear, but it does")
    return diffs


def report(case: Case, assessment: kc.Assessment, diffs: Sequence[str]) -> str:
    """The failure report: what differs, then the assessment explained in Vietnamese."""
    head = (
        f"spec case {case.name!r} ({case.path.name}, case {case.index + 1}; "
        f"{', '.join(case.spec.clauses)}) as of {case.spec.as_of.isoformat()}"
    )
    findings = [
        f"  {f.code} [{f.severity.value}]" + (f" {f.citation.key}" if f.citation else "")
        for f in assessment.findings
    ]
    return "\n".join(
        [
            head,
            "expected vs got:",
            *(f"  - {d}" for d in diffs),
            "findings:",
            *(findings or ["  (none)"]),
            "assessment (explain('vi')):",
            *(f"  {line}" for line in assessment.explain("vi").splitlines()),
        ]
    )
