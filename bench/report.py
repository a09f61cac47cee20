"""Time the monthly report on a big store: gathering the figures, laying out, writing the PDF.

    python bench/report.py [--db PATH] [--lines N] [--month YYYY-MM] [--runs N]

Without --db, a demo store of N lines (default 1,000,000) is built once and
cached under /tmp/kpidesk-bench. Goal (#17): ≤ 2 s wall for a month of a 10M-line store.

Each run reports in English and in Khmer, twice: *cold*, the shop file's pages first
dropped from the operating system's cache (``posix_fadvise(DONTNEED)`` after an
``fsync``, on Linux: what a laptop reads from its disk after a restart; dropping the
whole cache needs root and is not done) and the store opened afresh, nothing remembered;
then *warm*, the same with the pages still cached. Wall and CPU time are printed, and
the bytes read from the disk and through read() (SQLite's page reads), from
/proc/self/io where there is one.
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
GOAL_MS = 2000


def demo_store(lines: int, folder: Path) -> Path:
    path = folder / f"demo-{lines}.db"
    if not path.exists():
        print(f"building a {lines:,}-line demo store in {path} …", flush=True)
        subprocess.run([sys.executable, "-m", "kpidesk", "demo", "--db", str(path),
                        "--lines", str(lines), "--today", "2026-11-26"], check=True)
    return path


def drop_cached_pages(db: Path) -> bool:
    """Drop the shop file's (and its WAL's) pages from the OS cache; False where the OS
    cannot be asked (then "cold" is the same as warm)."""
    if not hasattr(os, "posix_fadvise"):
        return False
    for path in (db, Path(f"{db}-wal")):
        if path.exists():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)  # dirty pages cannot be dropped
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    return True


def io_counters() -> tuple[int, int]:
    """(bytes read from the disk, bytes read through read()) by this process so far."""
    try:
        fields = dict(line.split(": ") for line in
                      Path("/proc/self/io").read_text().splitlines() if ": " in line)
        return int(fields["read_bytes"]), int(fields["rchar"])
    except (OSError, KeyError, ValueError):
        return 0, 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--month", default="2026-10")
    parser.add_argument("--runs", type=int, default=3)
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
    keys = ("open", "gather", "layout", "pdf", "total", "gather CPU", "total CPU", "disk MB",
            "read() MB")
    timings = {state: {key: [] for key in keys} for state in ("cold", "warm")}
    pages = 0
    can_drop = True
    with Store(db, read_only=True, quick_check=False) as store:
        lines = store.scalar("SELECT count(*) FROM sale_lines")
        print(f"{db}: {lines:,} sale lines; opened read-only as the `report` command opens"
              " it (without the quick_check that reads every page), timed", flush=True)
    loads = []
    with tempfile.TemporaryDirectory() as out:
        for run in range(args.runs):
            for lang in ("en", "km"):
                for state in ("cold", "warm"):
                    if state == "cold":
                        can_drop = drop_cached_pages(db)
                    clear_memo()  # every figure computed, as the first time
                    disk0, read0 = io_counters()
                    t0, cpu0 = time.perf_counter(), time.process_time()
                    # opened as the `report` command opens it (reports/cli.py): read-only,
                    # without the every-page quick_check (the app runs that on a thread)
                    with Store(db, read_only=True, quick_check=False) as store:
                        opened = time.perf_counter()
                        data = collect(store, args.month, today)
                        t1 = time.perf_counter()
                        gather_cpu = time.process_time() - cpu0
                    report = MonthlyReport(data, lang)
                    report.build()
                    t2 = time.perf_counter()
                    pages = report.write_pdf(Path(out) / f"r{run}-{lang}-{state}.pdf")
                    t3 = time.perf_counter()
                    disk1, read1 = io_counters()
                    row = timings[state]
                    row["total CPU"].append((time.process_time() - cpu0) * 1000)
                    row["gather CPU"].append(gather_cpu * 1000)
                    row["disk MB"].append((disk1 - disk0) / 1e6)
                    row["read() MB"].append((read1 - read0) / 1e6)
                    for key, value in (("open", opened - t0), ("gather", t1 - opened),
                                       ("layout", t2 - t1),
                                       ("pdf", t3 - t2), ("total", t3 - t0)):
                        row[key].append(value * 1000)
                    if hasattr(os, "getloadavg"):
                        loads.append(os.getloadavg()[0])
    load = f", load average {min(loads):.1f}–{max(loads):.1f}" if loads else ""
    print(f"monthly report of {args.month} on {lines:,} sale lines ({pages} pages), "
          f"median of {args.runs * 2} runs (en and km) each{load}"
          + ("" if can_drop else " (this OS cannot drop the file's cached pages: cold = warm)")
          + ":")
    print(f"  {'':<11}{'cold':>10}{'warm':>10}")
    for key in keys:
        unit = "" if key.endswith("MB") else " ms"
        print(f"  {key:<11}" + "".join(f"{statistics.median(timings[s][key]):10.1f}"
                                       if unit == "" else
                                       f"{statistics.median(timings[s][key]):10.0f}"
                                       for s in ("cold", "warm")) + unit)
    for state in ("cold", "warm"):
        total = statistics.median(timings[state]["total"])
        cpu = statistics.median(timings[state]["total CPU"])
        verdict = "ok" if total <= GOAL_MS else "SLOWER than the goal"
        print(f"goal ≤ {GOAL_MS} ms wall, {state}: {total:.0f} ms wall, {cpu:.0f} ms CPU: "
              f"{verdict}")


if __name__ == "__main__":
    main()
