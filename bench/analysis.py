"""Timing of the Analysis breakdowns on a large shop (goal at 1M lines: any breakdown of a
month ≤ 100 ms, of a year ≤ 300 ms).

    .venv/bin/python bench/analysis.py [--db /tmp/bench_analysis.db] [--lines 1000000]
                                       [--runs 5]

Builds the demo shop of that many lines (24 months up to 2026-11-26) when the file is
not there, then prints the median wall and CPU time of each breakdown of one month
(2026-10, compared with 2026-09) and of one year (2026 so far, compared with 2025), and
of the sale lines behind the top row.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kpidesk.metrics import analysis, breakdown_lines  # noqa: E402
from kpidesk.store.db import Store, upgrade_if_needed  # noqa: E402

TODAY = date(2026, 11, 26)


def ensure_store(path: Path, lines: int) -> None:
    if path.exists():
        upgrade_if_needed(path)
        return
    from kpidesk.demo import build_demo

    print(f"building a demo shop of {lines:,} lines in {path} …")
    started = time.perf_counter()
    with Store(path) as store:
        build_demo(store, months=24, lines=lines, today=TODAY, seed=7)
    print(f"  built in {time.perf_counter() - started:.0f} s")


def timed(fn, runs: int) -> tuple[float, float, object]:
    wall, cpu, result = [], [], None
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return statistics.median(wall), statistics.median(cpu), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench_analysis.db"))
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_store(args.db, args.lines)
    with Store(args.db, read_only=True) as store:
        lines = store.scalar("SELECT count(*) FROM sale_lines")
        print(f"{lines:,} sale lines; median of {args.runs} runs (wall / CPU ms)")
        for label, period, compare, goal in (("month", "2026-10", "2026-09", 100),
                                             ("year", "2026", "2025", 300)):
            for by in analysis.BY:
                wall, cpu, found = timed(lambda by=by, p=period, c=compare: analysis.breakdown(
                    store, by, p, TODAY, compare=c), args.runs)
                flag = "ok" if wall <= goal else "OVER"
                print(f"  {label:<5} {by:<12} {wall:7.1f} / {cpu:7.1f} ms  "
                      f"({len(found.rows)} rows; goal {goal} ms: {flag})")
            top = found.rows[0] if found.rows else None
            if top is not None:
                wall, cpu, _ = timed(lambda p=period, k=top.key: breakdown_lines.lines_of(
                    store, "hour", k, p, TODAY), args.runs)
                print(f"  {label:<5} lines of one hour {wall:7.1f} / {cpu:7.1f} ms")


if __name__ == "__main__":
    main()
