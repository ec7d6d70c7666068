"""Measure the rule engine's throughput on one core.

For a three-line national proposal given as a dict (JSON-like input, one beneficiary), three
figures, each the best of ``--repeat`` timeit runs of ``--number`` calls:

1. ``Proposal.model_validate(data)`` — pydantic's own parse and validation;
2. ``assess(proposal, as_of=...)`` alone, on an already validated proposal;
3. both, as a service that receives JSON-like data would do.

Usage::

    .venv/bin/python benchmarks/assess_throughput.py [--number 2000] [--repeat 7] [--profile]

``--profile`` prints the top of a cProfile of ``assess()``.  Not a unit test: timings depend on the
machine.  Record the figures in docs/performance.md, section "Rule engine".
"""

from __future__ import annotations

import argparse
import cProfile
import platform
import pstats
import sys
import timeit
from datetime import date
from typing import Any

from khuyencong import Proposal, assess

AS_OF = date(2016, 6, 1)

DATA: dict[str, Any] = {
    "code": "BENCH-2016-01",
    "title": "Mô hình trình diễn máy sấy nông sản",
    "plan_year": 2016,
    "funding": {"kind": "national"},
    "contents": ["demonstration_and_technology", "typical_products_and_promotion"],
    "beneficiaries": [
        {
            "name": "Công ty TNHH Ví Dụ",
            "kind": "sme",
            "enterprise_size": "small",
            "industries": ["agro_forestry_fishery_processing"],
            "production_site": {
                "geography": "pre2025",
                "province": "Bắc Giang",
                "district": "Việt Yên",
                "district_kind": "huyen",
                "attributes": ["new_rural_commune"],
            },
        }
    ],
    "budget_lines": [
        {
            "item": "demonstration_new_technology",
            "cost": "1200000000",
            "requested": "360000000",
            "technology_new_in_district": True,
        },
        {
            "item": "machinery_and_technology",
            "cost": "300000000",
            "requested": "150000000",
            "machinery_is_new": True,
        },
        {"item": "brand", "cost": "70000000", "requested": "35000000"},
    ],
    "state": "approved",
    "approved_on": "2016-03-01",
    "counterpart_committed": True,
    "no_other_state_funding": True,
}


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure the rule engine's throughput.")
    parser.add_argument("--number", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    proposal = Proposal.model_validate(DATA)
    result = assess(proposal, as_of=AS_OF)  # warm up: compiles the built-in rulebook once
    assert result.status == "eligible", result.explain("en")
    assert result.support == 545_000_000, result.support  # 360,000,000 + 150,000,000 + 35,000,000

    cases = {
        "validate (Proposal.model_validate)": lambda: Proposal.model_validate(DATA),
        "assess alone": lambda: assess(proposal, as_of=AS_OF),
        "validate + assess": lambda: assess(Proposal.model_validate(DATA), as_of=AS_OF),
    }
    print(f"{platform.machine()}, {platform.system()}, CPython {platform.python_version()}")
    print(f"{'figure':<38} {'µs/proposal':>12} {'proposals/s':>12}")
    for name, func in cases.items():
        best = min(timeit.repeat(func, number=args.number, repeat=args.repeat)) / args.number
        print(f"{name:<38} {best * 1e6:>12.1f} {1 / best:>12,.0f}")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.number):
            assess(proposal, as_of=AS_OF)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
