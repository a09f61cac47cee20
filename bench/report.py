"""Time the monthly report on a big store: gathering the figures, laying out, writing the PDF.

    python bench/report.py [--db PATH] [--lines N] [--month YYYY-MM] [--runs N]

Without --db, a demo store of N lines (default 1,000,000) is built once and
cached under /tmp/kpidesk-bench. Goal: ≤ 2 s for a month of a 1M-line store.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def demo_store(lines: int, folder: Path) -> Path:
    path = folder / f"demo-{lines}.db"
    if not path.exists():
        print(f"building a {lines:,}-line demo store in {path} …", flush=True)
        subprocess.run([sys.executable, "-m", "kpidesk", "demo", "--db", str(path),
                        "--lines", str(lines), "--today", "2026-11-26"], check=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--month", default="2026-10")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kpidesk-bench"))
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    db = args.db or demo_store(args.lines, args.cache)

    from kpidesk.metrics.memo import clear_memo
    from kpidesk.reports.cli import ensure_gui_application
    from kpidesk.reports.data import collect
    from kpidesk.reports.monthly import MonthlyReport
    from kpidesk.store.db import Store

    ensure_gui_application()
    today = date(2026, 11, 26)
    timings: dict[str, list[float]] = {"gather": [], "layout": [], "pdf": [], "total": [],
                                       "total CPU": []}
    pages = 0
    with Store(db, read_only=True) as store, tempfile.TemporaryDirectory() as out:
        lines = store.scalar("SELECT count(*) FROM sale_lines")
        for run in range(args.runs):
            for lang in ("en", "km"):
                clear_memo()  # each run computes every figure, as the first one after opening
                t0, cpu0 = time.perf_counter(), time.process_time()
                data = collect(store, args.month, today)
                t1 = time.perf_counter()
                report = MonthlyReport(data, lang)
                report.build()
                t2 = time.perf_counter()
                pages = report.write_pdf(Path(out) / f"r{run}-{lang}.pdf")
                t3 = time.perf_counter()
                timings["total CPU"].append((time.process_time() - cpu0) * 1000)
                for key, value in (("gather", t1 - t0), ("layout", t2 - t1), ("pdf", t3 - t2),
                                   ("total", t3 - t0)):
                    timings[key].append(value * 1000)
    print(f"monthly report of {args.month} on {lines:,} sale lines ({pages} pages), "
          f"median of {args.runs * 2} runs (en and km):")
    for key, values in timings.items():
        print(f"  {key:<9} {statistics.median(values):8.0f} ms")
    verdict = "ok" if statistics.median(timings["total"]) <= 2000 else "SLOWER than the goal"
    print(f"goal ≤ 2000 ms: {verdict}")


if __name__ == "__main__":
    main()
