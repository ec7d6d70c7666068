"""How far validate + assess can fall while the proposal stays a pydantic model (issue #15).

Three measurements on the benchmark proposal of ``assess_throughput.py``, each the best of
``--repeat`` timeit runs of ``--number`` calls:

1. validation model by model: the library's models against the plain models of
   ``plain_models.py`` (same shape, no validator of the library's own), and a model of one
   ``str`` field: what pydantic costs for each model it builds, whatever its fields;
2. ``assess()`` on the validated proposal, and on a copy of it made of plain slotted objects
   that ``isinstance`` takes for the models (the same values): what the rules' reads of the
   proposal's fields through pydantic's ``__getattr__`` hook cost, at most;
3. the sum the target needs (validate + assess ≤ 20 µs, 50,000 proposals/s).

Usage::

    .venv/bin/python benchmarks/validate_assess_floor.py [--number 5000] [--repeat 7]

Not a unit test: timings depend on the machine.  Figures in docs/performance.md.
"""

from __future__ import annotations

import argparse
import sys
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter

sys.path.insert(0, str(Path(__file__).parent))

import plain_models as plain
from assess_throughput import AS_OF, DATA

from khuyencong import Proposal, assess
from khuyencong.schemas.beneficiary import Beneficiary
from khuyencong.schemas.locality import Locality
from khuyencong.schemas.proposal import BudgetLine, FundingSource


class OneField(BaseModel):
    """The smallest model: what building any model costs."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: str


_SLOTTED: dict[type, type] = {}


def slotted(value: Any) -> Any:
    """``value`` with every pydantic model in it copied to a plain slotted object whose
    ``__class__`` is the model's (so ``isinstance`` and the rules take it), the same values."""
    if isinstance(value, BaseModel):
        model = type(value)
        if model not in _SLOTTED:
            names = tuple(model.model_fields)
            body: dict[str, Any] = {"__slots__": names, "__class__": property(lambda _: model)}
            body.update(
                (k, v) for k, v in vars(model).items() if isinstance(v, property) and k not in names
            )
            _SLOTTED[model] = type(f"Slotted{model.__name__}", (), body)
        copy = object.__new__(_SLOTTED[model])
        for name, field in value.__dict__.items():
            setattr(copy, name, slotted(field))
        return copy
    if type(value) is tuple:
        return tuple(slotted(v) for v in value)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--number", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    def best(func: Callable[[], object]) -> float:
        runs = timeit.repeat(func, number=args.number, repeat=args.repeat)
        return min(runs) / args.number * 1e6

    beneficiary = DATA["beneficiaries"][0]
    site = beneficiary["production_site"]
    lines = DATA["budget_lines"]
    plain_site, site_of = TypeAdapter(plain.PlainLocality), TypeAdapter(Locality)
    print(f"{'validation of':<28} {'plain µs':>9} {'library µs':>11}")
    parts: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        (
            "the proposal (7 models)",
            lambda: plain.PlainProposal.model_validate(DATA),
            lambda: Proposal.model_validate(DATA),
        ),
        (
            "its beneficiary (2 models)",
            lambda: plain.PlainBeneficiary.model_validate(beneficiary),
            lambda: Beneficiary.model_validate(beneficiary),
        ),
        (
            "its production site",
            lambda: plain_site.validate_python(site),
            lambda: site_of.validate_python(site),
        ),
        (
            "a budget line",
            lambda: plain.PlainLine.model_validate(lines[0]),
            lambda: BudgetLine.model_validate(lines[0]),
        ),
        (
            "its funding (1 field)",
            lambda: plain.PlainFunding.model_validate(DATA["funding"]),
            lambda: FundingSource.model_validate(DATA["funding"]),
        ),
    ]
    for name, floor, library in parts:
        print(f"{name:<28} {best(floor):>9.2f} {best(library):>11.2f}")
    one = {"kind": "national"}
    print(f"{'a model of one str field':<28} {best(lambda: OneField.model_validate(one)):>9.2f}")

    proposal = Proposal.model_validate(DATA)
    copy = slotted(proposal)
    a, b = assess(proposal, as_of=AS_OF), assess(copy, as_of=AS_OF)
    assert (a.status, a.support, a.findings) == (b.status, b.support, b.findings)
    # in turn, round by round: the host's load moves both alike
    hooked_runs: list[float] = []
    direct_runs: list[float] = []
    for _ in range(args.repeat * 3):
        hooked_runs.append(timeit.timeit(lambda: assess(proposal, as_of=AS_OF), number=args.number))
        direct_runs.append(timeit.timeit(lambda: assess(copy, as_of=AS_OF), number=args.number))
    hooked = min(hooked_runs) / args.number * 1e6
    direct = min(direct_runs) / args.number * 1e6
    validation = best(lambda: Proposal.model_validate(DATA))
    both = best(lambda: assess(Proposal.model_validate(DATA), as_of=AS_OF))
    print(f"assess, the pydantic proposal   {hooked:6.2f} µs")
    print(
        f"assess, plain slotted copies    {direct:6.2f} µs  (reads: at most {hooked - direct:.2f})"
    )
    print(f"validate + assess               {both:6.2f} µs  ({1e6 / both:,.0f}/s; target 20)")
    print(f"  validation alone              {validation:6.2f} µs")


if __name__ == "__main__":
    main()
