"""Measure how long ``import khuyencong`` takes in a fresh interpreter.

Two figures, each the median of ``--runs`` fresh subprocesses (default 20):

- ``-X importtime``: the cumulative time Python reports for the ``khuyencong`` package itself,
  i.e. what importing it adds (pydantic included), without interpreter start-up;
- wall clock: ``python -c "import khuyencong"`` minus ``python -c "pass"``, both measured here.

Usage::

    .venv/bin/python benchmarks/import_time.py [--runs 20]

Not a unit test: timings depend on the machine. Record the figures in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import time

_LINE = re.compile(r"^import time:\s+\d+\s+\|\s+(\d+)\s+\|\s*khuyencong$")


def importtime_us() -> int:
    """Cumulative microseconds ``-X importtime`` reports for ``khuyencong`` in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import khuyencong"],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in result.stderr.splitlines():
        match = _LINE.match(line)
        if match:
            return int(match.group(1))
    raise RuntimeError("no import-time line for khuyencong in:\n" + result.stderr)


def wall_seconds(code: str) -> float:
    """Wall-clock seconds of ``python -c code`` in a fresh process."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    """Run the measurements and print a Markdown summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    importtime_us()  # warm the file-system cache and write .pyc files
    cumulative = [importtime_us() / 1000 for _ in range(args.runs)]
    baseline = [wall_seconds("pass") * 1000 for _ in range(args.runs)]
    with_import = [wall_seconds("import khuyencong") * 1000 for _ in range(args.runs)]

    print(
        f"- Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
    )
    print(f"- runs: {args.runs} fresh processes per figure, median (min-max)")
    print(
        f"- `-X importtime`, cumulative for `khuyencong`: {statistics.median(cumulative):.0f} ms "
        f"({min(cumulative):.0f}-{max(cumulative):.0f})"
    )
    print(
        f"- wall clock, `python -c 'import khuyencong'`: {statistics.median(with_import):.0f} ms "
        f"({min(with_import):.0f}-{max(with_import):.0f})"
    )
    print(
        f"- wall clock, `python -c 'pass'` (interpreter start-up): "
        f"{statistics.median(baseline):.0f} ms ({min(baseline):.0f}-{max(baseline):.0f})"
    )
    print(
        "- import cost by wall clock (difference of medians): "
        f"{statistics.median(with_import) - statistics.median(baseline):.0f} ms"
    )


if __name__ == "__main__":
    main()
