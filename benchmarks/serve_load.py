"""A bounded load test of ``khuyencong serve`` on 127.0.0.1 (needs ``khuyencong[serve]``).

1. ``POST /assess`` with 1 and with 2 uvicorn workers: an async httpx loop of a fixed number of
   requests (default 2,000, 16 at a time, stopped after 60 s at most), run ``--runs`` times per
   worker count; prints requests per second and p50/p99 latency of each run, and the min and
   median over the runs.
2. ``POST /check`` of a 100,000-row CSV (made by ``datasets_throughput.generate``), JSON report
   streamed back: the time and the peak resident memory of the server's process tree.

    python benchmarks/serve_load.py [--requests 2000] [--concurrency 16] [--runs 3] [--rows 100000]

Only the loopback address is ever a target.  The figures are noisy on a shared machine: compare
the medians, and re-run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets_throughput import generate

HOST = "127.0.0.1"
PROPOSAL = {
    "code": "QG-01",
    "title": "Máy sao chè (minh họa)",
    "plan_year": 2016,
    "funding": {"kind": "national"},
    "contents": ["demonstration_and_technology"],
    "start_date": "2016-06-01",
    "counterpart_committed": True,
    "no_other_state_funding": True,
    "beneficiaries": [
        {
            "name": "HTX A (minh họa)",
            "kind": "cooperative",
            "industries": ["agro_food_processing"],
            "production_site": {
                "geography": "pre2025",
                "province": "Thái Nguyên",
                "district": "Huyện Phú Lương",
                "district_kind": "huyen",
            },
        }
    ],
    "budget_lines": [
        {"item": "machinery_and_technology", "cost": "1200000000", "requested": "300000000"}
    ],
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def server(*options: str) -> Iterator[tuple[str, int]]:
    """A server process on a free loopback port: (base URL, pid)."""
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "khuyencong",
            "serve",
            "--host",
            HOST,
            "--port",
            str(port),
            *options,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
        time.sleep(1.0)  # let every worker finish starting
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


async def _load(
    base: str, requests: int, concurrency: int, limit: float
) -> tuple[float, list[float]]:
    latencies: list[float] = []
    body = {"proposal": PROPOSAL, "as_of": "2016-06-01"}
    started = time.perf_counter()
    stop = started + limit
    counter = iter(range(requests))

    async def worker(client: httpx.AsyncClient) -> None:
        for _ in counter:
            if time.perf_counter() > stop:
                return
            t0 = time.perf_counter()
            response = await client.post(f"{base}/assess", json=body)
            latencies.append(time.perf_counter() - t0)
            if response.status_code != 200:
                raise RuntimeError(response.text)

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        await client.post(f"{base}/assess", json=body)  # warm up
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return time.perf_counter() - started, latencies


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def assess_load(workers: int, requests: int, concurrency: int, runs: int) -> dict[str, object]:
    rates, p50s, p99s = [], [], []
    with server("--workers", str(workers)) as (base, _):
        for run in range(runs):
            elapsed, latencies = asyncio.run(_load(base, requests, concurrency, 60.0))
            rate = len(latencies) / elapsed
            p50, p99 = _percentile(latencies, 50) * 1000, _percentile(latencies, 99) * 1000
            rates.append(rate)
            p50s.append(p50)
            p99s.append(p99)
            print(
                f"  workers={workers} run {run + 1}: {len(latencies)} requests in {elapsed:.1f} s: "
                f"{rate:.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms",
                flush=True,
            )
    summary = {
        "workers": workers,
        "req_per_s_min": min(rates),
        "req_per_s_median": statistics.median(rates),
        "p50_ms_median": statistics.median(p50s),
        "p99_ms_median": statistics.median(p99s),
        "p99_ms_min": min(p99s),
    }
    print(json.dumps(summary), flush=True)
    return summary


def _tree_rss_mb(root: int) -> float:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def check_upload(rows: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.csv"
        generate(path, rows)
        size = path.stat().st_size
        options = ("--max-upload-mb", "500", "--max-rows", str(rows), "--time-limit", "900")
        with server(*options) as (base, pid):
            idle = _tree_rss_mb(pid)
            peak = idle
            done = threading.Event()

            def sample() -> None:
                nonlocal peak
                while not done.wait(0.2):
                    peak = max(peak, _tree_rss_mb(pid))

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            started = time.perf_counter()
            received = 0
            with (
                path.open("rb") as handle,
                httpx.stream(
                    "POST",
                    f"{base}/check",
                    files={"file": ("plan.csv", handle, "text/csv")},
                    timeout=900,
                ) as response,
            ):
                first_byte = time.perf_counter() - started
                for chunk in response.iter_bytes():
                    received += len(chunk)
                status = response.status_code
            elapsed = time.perf_counter() - started
            done.set()
            sampler.join()
    print(
        json.dumps(
            {
                "rows": rows,
                "upload_mb": round(size / 1e6, 1),
                "status": status,
                "report_mb": round(received / 1e6, 1),
                "seconds_to_first_byte": round(first_byte, 1),
                "seconds_total": round(elapsed, 1),
                "server_rss_idle_mb": round(idle),
                "server_rss_peak_mb": round(peak),
            }
        ),
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--skip-assess", action="store_true")
    parser.add_argument("--skip-check", action="store_true")
    args = parser.parse_args()
    if not args.skip_assess:
        for workers in (1, 2):
            assess_load(workers, args.requests, args.concurrency, args.runs)
    if not args.skip_check:
        check_upload(args.rows)


if __name__ == "__main__":
    main()
