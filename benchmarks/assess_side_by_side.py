"""The scalar engine against a baseline installation, side by side in one run (issue 15).

Runs this file's ``--worker`` under two interpreters in turn, ``--rounds`` times, alternating
which goes first so that both see the same load: the interpreter running this script (the
library under test) and ``--baseline-python`` (a venv with the baseline installed
non-editable, e.g. ``main``).  Each worker reports, in µs of processor time per proposal (the
machine may be shared: processor time counts only what the process ran), the best of
``--repeat`` timeit runs of ``--number`` calls:

- ``plain validate``: a plain pydantic model of the same shape (benchmarks/plain_models.py);
- ``validate``: ``Proposal.model_validate`` of the 3-line benchmark proposal (as JSON-like data);
- ``assess``: ``assess()`` of the validated proposal;
- ``validate + assess``: both, as a service receiving JSON-like data would;
- ``assess 10 lines``: a 10-line variant;
- ``assess + to_dict``: ``assess()`` and then every field read, as a caller writing the outcome
  out would: ``to_dict()`` of the assessment, of its priority and of each line, and each
  finding's message in both languages (a result that converted its fields only when read would
  pay for it here);
- ``assess, generated mix``: the mean over 2,500 assessments of 500 proposals made by the
  seeded generator of ``tests/golden/make_golden.py`` (every item, kind, place, funding source,
  priority factor; many ineligible or not assessable, with their findings), each at 08/04/2014,
  11/05/2018, 01/07/2025, 15/10/2025 and its own date, a provincial overlay on some — the
  engine on proposals unlike the benchmark's, whose findings and warnings it must build.

The table gives the minimum and the median over rounds for each side, and the ratios.

    python3 -m venv /tmp/main-venv && /tmp/main-venv/bin/pip install /path/to/main
    .venv/bin/python benchmarks/assess_side_by_side.py --baseline-python /tmp/main-venv/bin/python
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import subprocess
import sys
import time
import timeit
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FIGURES = (
    "plain validate",
    "validate",
    "assess",
    "validate + assess",
    "assess 10 lines",
    "assess + to_dict",
    "assess, generated mix",
)
DATES = ("2014-04-08", "2018-05-11", "2025-07-01", "2025-10-15")


def worker(number: int, repeat: int) -> dict[str, float]:
    """Measure in this interpreter; returns µs per proposal by figure."""
    sys.path.insert(0, str(HERE))
    from assess_throughput import AS_OF, DATA
    from plain_models import PlainProposal

    from khuyencong import Proposal, assess

    ten = copy.deepcopy(DATA)
    ten["budget_lines"] = [DATA["budget_lines"][i % 3] for i in range(10)]
    proposal = Proposal.model_validate(DATA)
    proposal10 = Proposal.model_validate(ten)
    result = assess(proposal, as_of=AS_OF)
    if result.status != "eligible" or result.support != 545_000_000:
        raise SystemExit(f"unexpected assessment: {result.status} {result.support}")
    PlainProposal.model_validate(DATA)
    assess(proposal10, as_of=AS_OF)

    def read_all(proposal: Proposal) -> None:
        outcome = assess(proposal, as_of=AS_OF)
        outcome.to_dict()
        outcome.priority.to_dict()
        for line in outcome.lines:
            line.to_dict()
        for finding in outcome.findings:
            finding.message("vi")
            finding.message("en")

    mix = generated_mix()

    def assess_mix() -> None:
        for item, on, books, allocation in mix:
            assess(item, as_of=on, rulebooks=books, allocation=allocation)

    cases = {
        "plain validate": lambda: PlainProposal.model_validate(DATA),
        "validate": lambda: Proposal.model_validate(DATA),
        "assess": lambda: assess(proposal, as_of=AS_OF),
        "validate + assess": lambda: assess(Proposal.model_validate(DATA), as_of=AS_OF),
        "assess 10 lines": lambda: assess(proposal10, as_of=AS_OF),
        "assess + to_dict": lambda: read_all(proposal),
    }
    figures = {
        name: min(timeit.repeat(func, number=number, repeat=repeat, timer=time.process_time))
        / number
        * 1e6
        for name, func in cases.items()
    }
    assess_mix()
    best = min(timeit.repeat(assess_mix, number=1, repeat=repeat, timer=time.process_time))
    figures["assess, generated mix"] = best / len(mix) * 1e6
    return figures


def generated_mix() -> list[tuple[Any, date, Any, Decimal | None]]:
    """The 2,500 assessments of the ``assess, generated mix`` figure (see the module docstring)."""
    import random
    import tempfile

    sys.path.insert(0, str(HERE.parent / "tests" / "golden"))
    import make_golden

    from khuyencong import Proposal

    overlay = make_golden.overlay_book(Path(tempfile.mkdtemp()))
    rng = random.Random(20261201)
    mix: list[tuple[Any, date, Any, Decimal | None]] = []
    n = 0
    while len(mix) < 2500:
        case = make_golden.generated(rng, n)
        n += 1
        try:
            proposal = Proposal.model_validate(case["proposal"])
        except ValueError:
            continue
        allocation = None if case.get("allocation") is None else Decimal(case["allocation"])
        books = [overlay] if case.get("overlay") else None
        for on in (*DATES, case["as_of"]):
            mix.append((proposal, date.fromisoformat(on), books, allocation))
    return mix


def run(python: str, number: int, repeat: int) -> dict[str, float]:
    out = subprocess.run(
        [
            python,
            str(Path(__file__).resolve()),
            "--worker",
            f"--number={number}",
            f"--repeat={repeat}",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=HERE,
    ).stdout
    figures: dict[str, float] = json.loads(out)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-python", required=False)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--number", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--worker", action="store_true")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.number, args.repeat)))
        return
    sides = {"this": sys.executable}
    if args.baseline_python:
        sides["baseline"] = args.baseline_python
    results: dict[str, list[dict[str, float]]] = {side: [] for side in sides}
    for r in range(args.rounds):
        order = list(sides) if r % 2 == 0 else list(reversed(sides))
        for side in order:
            results[side].append(run(sides[side], args.number, args.repeat))
    print(
        f"{args.rounds} rounds, best of {args.repeat} × {args.number} calls; µs of processor time per proposal"
    )
    head = "| figure | this min | this median |"
    if "baseline" in sides:
        head += " baseline min | baseline median | speed-up (min) | speed-up (median) |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for name in FIGURES:
        mine = [r[name] for r in results["this"]]
        row = f"| {name} | {min(mine):.1f} | {statistics.median(mine):.1f} |"
        if "baseline" in sides:
            base = [r[name] for r in results["baseline"]]
            row += (
                f" {min(base):.1f} | {statistics.median(base):.1f} |"
                f" {min(base) / min(mine):.2f}× | {statistics.median(base) / statistics.median(mine):.2f}× |"
            )
        print(row)
    for side in sides:
        per = [r["validate + assess"] for r in results[side]]
        ratio = [r["validate"] / r["plain validate"] for r in results[side]]
        print(
            f"{side}: validate + assess {1e6 / min(per):,.0f} proposals/s (best), "
            f"{1e6 / statistics.median(per):,.0f} (median); validate / plain validate "
            f"{min(ratio):.2f} (best round), {statistics.median(ratio):.2f} (median)"
        )


if __name__ == "__main__":
    main()
