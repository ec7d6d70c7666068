"""Wall time and peak memory of ``khuyencong check`` writing its report, for one or more
installations side by side, per output format, to a file and to standard output.

    python benchmarks/check_side_by_side.py PLAN.csv --python main=/path/venv/bin/python \\
        --python branch=.venv/bin/python [--formats csv,json,...] [--runs 3] [--to both]

Each run is ``python -m khuyencong check PLAN --format F (-o FILE | > pipe)`` under
``/usr/bin/time -v`` (Linux), so the peak is the maximum resident set size of the whole
command.  Standard output goes through a real pipe (``| cat > /dev/null``), as a shell user's
would.  The installations are run in turn within each repetition (a, b, a, b, ...), so that a
busy machine slows them alike; the table gives the minimum and median wall time of each, and
its processor time (user + system), which a busy machine disturbs less.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import tempfile
from pathlib import Path

_SUFFIX = {"table": "txt", "csv": "csv", "json": "json", "html": "html", "xlsx": "xlsx"}


def run(
    python: str, plan: Path, fmt: str, stdout: bool, folder: Path
) -> tuple[float, float, int, float]:
    """One check: (wall seconds, peak RSS in MB, exit code, CPU seconds: user + system)."""
    command = f"{python} -m khuyencong check {plan} --format {fmt}"
    if stdout:
        command += " | cat > /dev/null"
    else:
        command += f" -o {folder / ('report.' + _SUFFIX[fmt])}"
    done = subprocess.run(
        ["/usr/bin/time", "-v", "bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", done.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", done.stderr)
    if wall is None or rss is None or user is None or system is None:
        raise SystemExit(f"no timing for {command}:\n{done.stderr[-2000:]}")
    hours = int(wall.group(1) or 0)
    seconds = hours * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    cpu = float(user.group(1)) + float(system.group(1))
    return seconds, int(rss.group(1)) / 1024, done.returncode, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("plan", type=Path)
    parser.add_argument("--python", action="append", required=True, help="NAME=PATH")
    parser.add_argument("--formats", default="table,csv,json,html,xlsx")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--to",
        choices=("file", "stdout", "both"),
        default="file",
        help="write the report to a file, to standard output, or both in turn",
    )
    args = parser.parse_args()
    pythons = dict(item.split("=", 1) for item in args.python)
    destinations = {"file": [False], "stdout": [True], "both": [False, True]}[args.to]
    print(
        "| installation | format | to | runs | wall min s | wall median s | CPU min s "
        "| CPU median s | peak RSS MB (max) | exit |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for fmt in args.formats.split(","):
            for stdout in destinations:
                results: dict[str, list[tuple[float, float, int, float]]] = {n: [] for n in pythons}
                for _ in range(args.runs):
                    for name, python in pythons.items():
                        results[name].append(run(python, args.plan, fmt, stdout, Path(folder)))
                for name, runs in results.items():
                    times = [r[0] for r in runs]
                    cpus = [r[3] for r in runs]
                    print(
                        f"| {name} | {fmt} | {'stdout' if stdout else 'file'} | {len(runs)} | "
                        f"{min(times):.1f} | {statistics.median(times):.1f} | "
                        f"{min(cpus):.1f} | {statistics.median(cpus):.1f} | "
                        f"{max(r[1] for r in runs):.0f} | {runs[-1][2]} |",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
