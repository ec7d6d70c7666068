"""Side by side, in one run: a plain polars baseline computing the co-funding amounts of a plan,
the library's columnar step (``khuyencong.datasets.columnar.cofund``) on the same lines, and
``khuyencong check PLAN --format json -o FILE`` (every row validated and assessed by the scalar
engine, its findings written as JSON), at several plan sizes.

    python benchmarks/columnar_side_by_side.py [--sizes 10000,100000,1000000] [--runs 3]
        [--largest-runs 1] [--formats-rows 100000] [--formats table,csv,json,html,xlsx] [--out FILE]

The plan has three budget lines per proposal (a machine, a brand, the implementing unit's
management share), national funds, a start date in 2016 (the levels of Khoản 2 Điều 6 TTLT
26/2014/TTLT-BTC-BCT) and eligible beneficiaries.  The baseline writes the law's rates and caps
out by hand (independent of the library) and its amounts are CHECKED equal to the columnar
step's and to the ``allowed`` of every row of the check's JSON report.  Each measurement is a
fresh subprocess under ``/usr/bin/time -v`` (wall time, processor time, peak resident set); the
three are run in turn within each repetition so that a busy machine slows them alike.  Also:
peak memory of ``check`` per output format, to a file and to standard output, and the import
time of ``khuyencong`` (and that it loads no dataframe library).  Results go to stdout and, as
Markdown, to ``--out``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HEADERS = [
    "Mã đề án",
    "Tên đề án",
    "Năm kế hoạch",
    "Nguồn kinh phí",
    "Tỉnh/Thành phố",
    "Nội dung",
    "Hạng mục chi",
    "Số đơn vị",
    "Tổng kinh phí",
    "Kinh phí KCQG",
    "Đối ứng",
    "Ngày bắt đầu",
    "Huyện",
    "Xã",
    "Đơn vị thụ hưởng",
    "Loại hình",
    "Ngành nghề",
    "Cam kết đối ứng",
    "Cam kết không trùng nguồn NSNN",
]
ITEMS = ("machinery_and_technology", "brand", "management_implementing_unit")
KINDS = ("Hộ kinh doanh", "Hợp tác xã")


def generate(path: Path, rows: int) -> None:
    """``rows`` rows, three lines per proposal; amounts in plain digits."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for index in range(rows):
            proposal, line = divmod(index, 3)
            cost = 1_000_000 * ((index * 7919) % 997 + 3) + (index % 13)
            requested = cost * (index % 5 + 3) // 10
            writer.writerow(
                [
                    f"QG-{proposal:07d}",
                    f"Đề án minh họa số {proposal}",
                    2016,
                    "KCQG",
                    "Thái Nguyên",
                    "demonstration_and_technology; typical_products_and_promotion",
                    ITEMS[line],
                    1 + index % 3 if line == 1 else 1,
                    cost,
                    requested,
                    cost - requested,
                    "01/06/2016",
                    "Huyện Phú Lương",
                    f"Xã Minh Họa {proposal % 50}",
                    f"Cơ sở minh họa {proposal}",
                    KINDS[proposal % 2],
                    "Chế biến nông - lâm - thủy sản và thực phẩm",
                    "có",
                    "x",
                ]
            )


# The baseline: the law's figures written out (Khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT):
# point c machinery 50 % up to 200 million; point h brand 50 % up to 35 million per unit;
# point s (second dash) the implementing unit's management 2.5 % of the proposal's budget.
BASELINE = r"""
import sys, polars as pl
plan, out = sys.argv[1], sys.argv[2]
f = pl.read_csv(plan, columns=["Mã đề án", "Hạng mục chi", "Số đơn vị", "Tổng kinh phí",
                               "Kinh phí KCQG"], infer_schema_length=0)
f = f.select(
    code=pl.col("Mã đề án"), item=pl.col("Hạng mục chi"),
    units=pl.col("Số đơn vị").cast(pl.Int64), cost=pl.col("Tổng kinh phí").cast(pl.Int64),
    requested=pl.col("Kinh phí KCQG").cast(pl.Int64),
)
line = pl.when(pl.col("item") == "machinery_and_technology").then(
    pl.min_horizontal("requested", pl.col("cost") // 2, pl.lit(200_000_000))
).when(pl.col("item") == "brand").then(
    pl.min_horizontal("requested", pl.col("cost") // 2, 35_000_000 * pl.col("units"))
)
f = f.with_columns(allowed=line)
budget = pl.col("allowed").sum().over("code")
f = f.with_columns(
    allowed=pl.when(pl.col("item") == "management_implementing_unit")
    .then(pl.min_horizontal(pl.col("requested"), budget * 25 // 1000))
    .otherwise(pl.col("allowed"))
)
f.select("allowed").write_csv(out)
"""

COLUMNAR = r"""
import sys, datetime, polars as pl
from khuyencong.datasets.columnar import cofund
plan, out = sys.argv[1], sys.argv[2]
f = pl.read_csv(plan, columns=["Mã đề án", "Hạng mục chi", "Số đơn vị", "Tổng kinh phí",
                               "Kinh phí KCQG"], infer_schema_length=0)
f = f.select(
    proposal=pl.col("Mã đề án"), item=pl.col("Hạng mục chi"),
    units=pl.col("Số đơn vị").cast(pl.Int64), cost=pl.col("Tổng kinh phí").cast(pl.Int64),
    requested=pl.col("Kinh phí KCQG").cast(pl.Int64),
).with_columns(
    line=pl.int_range(pl.len()).over("proposal"), funding=pl.lit("national"),
    as_of=pl.lit(datetime.date(2016, 6, 1)),
)
r = cofund(f)
assert r["decided"].all(), "every line of this plan is decided by the compiled levels"
r.select(pl.col("allowed").cast(pl.Int64)).write_csv(out)
"""


def timed(command: list[str], shell: bool = False) -> tuple[float, float, float]:
    """(wall s, cpu s, peak RSS MB) of a command under /usr/bin/time -v."""
    argv = [
        "/usr/bin/time",
        "-v",
        *(["bash", "-o", "pipefail", "-c", command[0]] if shell else command),
    ]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", done.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", done.stderr)
    if wall is None or rss is None or user is None or system is None:
        raise SystemExit(f"no timing for {command}:\n{done.stderr[-2000:]}")
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    return seconds, float(user.group(1)) + float(system.group(1)), int(rss.group(1)) / 1024


def _amounts_csv(path: Path) -> list[int]:
    with path.open(encoding="utf-8") as handle:
        next(handle)
        return [int(line) for line in handle]


def _amounts_report(path: Path) -> tuple[list[int], dict[str, int]]:
    """The ``allowed`` of every row of a JSON report, streamed line by line, and the statuses."""
    allowed: list[int] = []
    statuses: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith('{"row":'):
                row = json.loads(line.rstrip().rstrip(","))
                allowed.append(int(row["allowed"]))
                statuses[row["status"]] = statuses.get(row["status"], 0) + 1
    return allowed, statuses


def import_time(python: str) -> tuple[float, list[str]]:
    """Median wall ms of ``import khuyencong`` less interpreter start-up, and the dataframe
    libraries it loaded."""
    code = "import time,sys; t=time.perf_counter(); import khuyencong; print(time.perf_counter()-t)"
    times = [
        float(
            subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout
        )
        for _ in range(7)
    ]
    probe = "import sys, khuyencong; print(','.join(m for m in ('polars','pyarrow','pandas','duckdb','dask') if m in sys.modules))"
    loaded = subprocess.run(
        [python, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    return statistics.median(times) * 1000, [m for m in loaded.split(",") if m]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=3, help="repetitions (see --largest-runs)")
    parser.add_argument(
        "--largest-runs", type=int, default=1, help="repetitions at 1,000,000 rows and more"
    )
    parser.add_argument("--formats-rows", type=int, default=100_000)
    parser.add_argument("--formats", default="table,csv,json,html,xlsx")
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--rows-engine",
        action="store_true",
        help="also run `check --engine rows` (the row path, the reference) and compare reports",
    )
    args = parser.parse_args()
    python = sys.executable
    lines: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    ms, loaded = import_time(python)
    say(
        f"import khuyencong: {ms:.0f} ms (median of 7); dataframe libraries loaded: {loaded or 'none'}"
    )
    say()
    say(
        "| rows | step | runs | wall min s | wall median s | CPU median s | µs/row (median) | peak RSS MB | × baseline (median) |"
    )
    say("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sizes = [int(s) for s in args.sizes.split(",")]
        for rows in sizes:
            plan = work / f"plan-{rows}.csv"
            generate(plan, rows)
            runs = args.largest_runs if rows >= 1_000_000 else args.runs
            steps = {
                "polars baseline": [python, "-c", BASELINE, str(plan), str(work / "base.csv")],
                "library columnar (cofund)": [
                    python,
                    "-c",
                    COLUMNAR,
                    str(plan),
                    str(work / "col.csv"),
                ],
                "library check → JSON file": [
                    python,
                    "-m",
                    "khuyencong",
                    "check",
                    str(plan),
                    "--format",
                    "json",
                    "-o",
                    str(work / "report.json"),
                ],
            }
            if args.rows_engine:
                steps["library check, row engine → JSON file"] = [
                    *steps["library check → JSON file"][:-1],
                    str(work / "report-rows.json"),
                    "--engine",
                    "rows",
                ]
            results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in steps}
            for _ in range(runs):
                for name, command in steps.items():
                    results[name].append(timed(command))
            base = _amounts_csv(work / "base.csv")
            columnar = _amounts_csv(work / "col.csv")
            report, statuses = _amounts_report(work / "report.json")
            assert len(base) == rows, (len(base), rows)
            assert base == columnar, "the baseline and the columnar step disagree"
            assert base == report, "the baseline and the check's report disagree"
            if args.rows_engine:
                same = (work / "report.json").read_bytes() == (
                    work / "report-rows.json"
                ).read_bytes()
                assert same, "the columnar and the row engine's reports differ"
            base_median = statistics.median(w for w, _, _ in results["polars baseline"])
            for name, figures in results.items():
                walls = [w for w, _, _ in figures]
                median = statistics.median(walls)
                say(
                    f"| {rows:,} | {name} | {runs} | {min(walls):.2f} | {median:.2f} | "
                    f"{statistics.median(c for _, c, _ in figures):.2f} | {median / rows * 1e6:.1f} | "
                    f"{max(r for _, _, r in figures):.0f} | {median / base_median:.1f} |"
                )
            say(
                f"<!-- {rows:,} rows: amounts equal row for row in all three; report statuses {statuses}"
                + ("; the two engines' JSON reports are identical" if args.rows_engine else "")
                + " -->"
            )
        say()
        say(f"Peak memory of `khuyencong check` per output format ({args.formats_rows:,} rows):")
        say()
        say("| format | to | wall s | peak RSS MB |")
        say("|---|---|---|---|")
        plan = work / "plan-formats.csv"
        generate(plan, args.formats_rows)
        suffix = {"table": "txt", "csv": "csv", "json": "json", "html": "html", "xlsx": "xlsx"}
        for fmt in args.formats.split(","):
            for to in ("file", "stdout"):
                base_cmd = f"{python} -m khuyencong check {plan} --format {fmt}"
                command = (
                    base_cmd + f" -o {work / ('r.' + suffix[fmt])}"
                    if to == "file"
                    else base_cmd + " | cat > /dev/null"
                )
                wall, _, rss = timed([command], shell=True)
                say(f"| {fmt} | {to} | {wall:.1f} | {rss:.0f} |")
    if args.out is not None:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
