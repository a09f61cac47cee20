"""Branches at scale (KPI.md §7): two branch files of N/2 sale lines each brought into an
empty head office, then the figures of all branches and of one.

    .venv/bin/python bench/branches.py [DIR] [--lines 1000000]

Prints, each in seconds: building the two branch files (demo shops, once, kept in DIR),
the first sync of each (every row added), a second sync of one (nothing new: what a
repeated USB-stick sync costs), a sync after one sale changed in the branch, every
Dashboard KPI of a month for all branches (`all_kpis`, the rollups the Dashboard reads:
the same tables and keys as a one-file shop) and for one branch (`kpi --branch`: the
branch's rows copied into a store of their own first, which is most of it).
"""

from __future__ import annotations

import argparse
import shutil
import time
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 26)
MONTH = "2026-11"


def timed(label: str, work) -> object:
    start = time.perf_counter()
    result = work()
    print(f"{label:<48} {time.perf_counter() - start:8.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dir", nargs="?", type=Path, default=Path("/tmp/kpidesk-bench-branches"))
    parser.add_argument("--lines", type=int, default=1_000_000)
    args = parser.parse_args()
    from kpidesk.demo import build_demo
    from kpidesk.metrics.kpis import all_kpis
    from kpidesk.metrics.memo import clear_memo
    from kpidesk.store import branches, sales, sync
    from kpidesk.store.db import Store

    args.dir.mkdir(parents=True, exist_ok=True)
    half = args.lines // 2
    files = {}
    for name, seed in (("Siem Reap", 31), ("Battambang", 32)):
        path = args.dir / f"branch-{seed}-{half}.db"
        if not path.exists():
            def build(path=path, seed=seed, name=name) -> None:
                with Store(path) as s:
                    build_demo(s, months=24, lines=half, today=TODAY, seed=seed)
                    branches.set_branch_name(s, name)
            timed(f"build branch {name} ({half:,} lines)", build)
        files[name] = path
    hq = args.dir / "hq.db"
    if hq.exists():
        hq.unlink()
    with Store(hq) as s:
        branches.set_branch_name(s, "Phnom Penh")

    def bring(name: str) -> sync.SyncResult:
        with Store(files[name], read_only=True) as b, Store(hq) as h:
            return sync.sync(b, h)

    for name in files:
        result = timed(f"first sync of {name}", lambda name=name: bring(name))
        print(f"  orders added {result.counts['orders'].added:,}")
    result = timed("second sync of Siem Reap (nothing new)", lambda: bring("Siem Reap"))
    assert not result.changed
    work = args.dir / "changed.db"
    shutil.copy(files["Siem Reap"], work)
    with Store(work) as s:
        order_id = s.scalar("SELECT MAX(id) FROM orders")
        order = sales.get_order(s, order_id)
        order.note = "changed"
        sales.update_order(s, order_id, order)
    files["Siem Reap"] = work
    result = timed("sync after one sale changed in the branch", lambda: bring("Siem Reap"))
    print(f"  orders updated {result.counts['orders'].updated:,}")
    with Store(hq, read_only=True) as s:
        clear_memo()
        timed("all_kpis, all branches (cold)", lambda: all_kpis(s, MONTH, TODAY))

        def one() -> None:
            with sync.branch_view(s, "Battambang") as view:
                all_kpis(view, MONTH, TODAY)
        clear_memo()
        timed("all_kpis, one branch (its store made first)", one)
    with Store(files["Battambang"], read_only=True) as s:
        clear_memo()
        timed("all_kpis of the branch file itself (cold)", lambda: all_kpis(s, MONTH, TODAY))


if __name__ == "__main__":
    main()
