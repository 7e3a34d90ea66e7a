"""``make bench``: every benchmark (catalog, checkout, pipeline), ``BENCH_RUNS`` times (2 by
default, one round of all three after another), then one table: each measure's figure and
its baseline's from the same run, the ratio in each run, the ratios' spread, and the target.

    .venv/bin/python bench/report.py          # BENCH_RUNS=2, BENCH_SECONDS=10
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ("catalog.py", "checkout.py", "race.py", "pipeline.py", "realtime.py")


def run_all(runs: int) -> list[list[dict]]:
    """Each run's rows, as the benchmarks wrote them (``BENCH_RESULTS``)."""
    results = []
    for run in range(1, runs + 1):
        path = Path(tempfile.mkstemp(prefix=f"stockroom-bench-run{run}-", suffix=".jsonl")[1])
        for script in BENCHMARKS:
            print(f"\n=== run {run} of {runs}: {script}", flush=True)
            subprocess.run([sys.executable, str(HERE / script)], check=True,
                           env={**os.environ, "BENCH_RESULTS": str(path)})
        results.append([json.loads(line) for line in path.read_text().splitlines()])
        path.unlink()
    return results


def spread(values: list[float]) -> float:
    """(max - min) / mean, in percent."""
    mean = sum(values) / len(values)
    return (max(values) - min(values)) / mean * 100 if mean else math.nan


def met(row_runs: list[dict]) -> str:
    target_ratio = row_runs[0]["target_ratio"]
    if target_ratio is None:
        return ""
    target_p95 = row_runs[0]["target_p95_ms"]
    ratio_ok = all(r["ratio"] >= target_ratio for r in row_runs)
    p95_ok = target_p95 is None or all(r["figures"]["p95_ms"] < target_p95 for r in row_runs)
    return "yes" if ratio_ok and p95_ok else "no"


def summary(results: list[list[dict]]) -> None:
    def both(values, fmt):
        return " / ".join(format(v, fmt) for v in values)

    print("\n=== summary: each cell is run 1 / run 2 / ...; spread = (max - min) / mean of "
          "the ratios")
    header = (f"{'measure':<36} | {'per s':>13} | {'p95 ms':>13} | {'baseline':<24} | "
              f"{'per s':>13} | {'ratio':>11} | {'spread':>6} | {'target':<20} | met")
    print(header)
    print("-" * len(header))
    for index, first in enumerate(results[0]):
        runs = [run[index] for run in results]
        target = ""
        if first["target_ratio"] is not None:
            target = f">= {first['target_ratio']:.2f}"
            if first["target_p95_ms"]:
                target += f", p95 < {first['target_p95_ms']}"
        ratios = [r["ratio"] for r in runs]
        print(f"{first['measure']:<36} | {both([r['figures']['rps'] for r in runs], '.0f'):>13}"
              f" | {both([r['figures']['p95_ms'] for r in runs], '.0f'):>13} | "
              f"{first['baseline_name']:<24} | "
              f"{both([r['baseline']['rps'] for r in runs], '.0f'):>13} | "
              f"{both(ratios, '.2f'):>11} | {spread(ratios):>5.0f}% | {target:<20} | "
              f"{met(runs)}")


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "2"))
    summary(run_all(runs))


if __name__ == "__main__":
    main()
