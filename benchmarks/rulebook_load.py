"""Measure loading and compiling the built-in national rulebook.

The rulebook is TOML data parsed, validated and compiled once per process (then cached).  This
measures that first load with the package already imported, as the median of ``--runs`` fresh
compilations (the caches are cleared between runs), and the cost of a cached call and of one
resolution.

Usage::

    .venv/bin/python benchmarks/rulebook_load.py [--runs 30]

Not a unit test: timings depend on the machine.  Record the figures in docs/performance.md.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from datetime import date

from khuyencong.rulebooks import loader


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    compile_ms = []
    for _ in range(args.runs):
        loader.national.cache_clear()
        loader.registry.cache_clear()
        start = time.perf_counter()
        book = loader.national()
        compile_ms.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    for _ in range(100_000):
        loader.national()
    cached_us = (time.perf_counter() - start) * 10
    on = date(2016, 6, 1)
    start = time.perf_counter()
    for _ in range(100_000):
        book.resolve("support.demonstration_new_technology", on)
    resolve_us = (time.perf_counter() - start) * 10
    print(f"machine: {platform.machine()}, CPython {platform.python_version()}")
    print(f"parameters: {len(book)}, values: {sum(1 for _ in book.citations())}")
    print(
        f"load and compile: median {statistics.median(compile_ms):.1f} ms "
        f"(range {min(compile_ms):.1f}-{max(compile_ms):.1f} ms, {args.runs} runs)"
    )
    print(f"cached national(): {cached_us:.2f} µs; one resolve(): {resolve_us:.2f} µs")


if __name__ == "__main__":
    main()
