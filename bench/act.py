"""Call-backs, data health and the share picture at scale.

    .venv/bin/python bench/act.py [--lines 100000] [--shop PATH] [--month YYYY-MM]
        [--today YYYY-MM-DD] [--dir DIR]

Builds (or reuses) a demo shop of --lines sale lines under DIR (default
/tmp/kpidesk-bench), or reads the shop given with --shop (read only). Printed, in
seconds (median of 3 runs, the memo of `health.count` cleared each time):
  check month / check all   `health.check` of the month and of all the data;
  badge                     `health.count` of the month (the dashboard's badge);
  call list                 the first 200 rows of the call-back list with last calls;
  due today                 `callbacks.due_today` for everyone;
  win-back                  `winback.winback` of the month;
  share                     `collect_share` + `render_share` (1080 × 1920).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path


def timed(fn, runs: int = 3) -> float:
    from kpidesk.metrics.memo import clear_memo

    times = []
    for _ in range(runs):
        clear_memo()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--shop", type=Path)
    parser.add_argument("--month")
    parser.add_argument("--today")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/kpidesk-bench"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    shop = args.shop
    if shop is None:
        args.dir.mkdir(parents=True, exist_ok=True)
        shop = args.dir / f"demo-{args.lines}.db"
        if not shop.exists():
            subprocess.run([sys.executable, "-m", "kpidesk", "demo", "--db", str(shop),
                            "--lines", str(args.lines)], check=True)
    today = date.fromisoformat(args.today) if args.today else date.today()
    month = args.month or today.strftime("%Y-%m")

    from kpidesk.metrics import callbacks, health, winback
    from kpidesk.reports.cli import ensure_gui_application
    from kpidesk.reports.share import collect_share, render_share
    from kpidesk.store.db import Store

    ensure_gui_application()
    with Store(shop, read_only=True) as store:
        lines = store.conn.execute("SELECT COUNT(*) FROM sale_lines").fetchone()[0]
        print(f"shop {shop.name}: {lines:,} lines; month {month}, today {today}")
        found = health.check(store, month, today)
        print(f"findings of the month: {found.count} {found.by_kind()}")
        for name, fn in (
                ("check month", lambda: health.check(store, month, today)),
                ("check all", lambda: health.check(store, None, today)),
                ("badge", lambda: health.count(store, month, today)),
                ("call list", lambda: callbacks.call_list(store, today, limit=200)),
                ("due today", lambda: callbacks.due_today(store, today)),
                ("win-back", lambda: winback.winback(store, month, today)),
                ("share", lambda: render_share(collect_share(store, month, today), "km"))):
            print(f"{name:<12} {timed(fn):8.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
