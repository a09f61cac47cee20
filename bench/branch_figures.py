"""Branches at scale (KPI.md §7): two branch files of N/2 sale lines each brought into an
empty head office, then the figures of all branches and of one.

    .venv/bin/python bench/branch_figures.py [DIR] [--lines 1000000] [--keep-hq] [--runs 5]

Prints, each in seconds: building the two branch files (demo shops, once, kept in DIR),
the first sync of each (every row added), a second sync of one (nothing new: what a
repeated USB-stick sync costs), a sync after one sale changed in the branch (skipped
with --keep-hq, which reuses DIR/hq.db: upgraded first if it is of an older version,
its upgrade timed). Then, cold (every remembered result forgotten; after one run that warms imports and the disk
cache), median of --runs:
every Dashboard KPI of a month (`all_kpis`) and the month's report figures
(`reports.data.collect`) for all branches, and the same for one branch (the
Dashboard's picked branch, `kpi --branch`, `report --branch`: the branch-coded rollups
read through its view, opened once as the picker keeps it), with the goal beside: one
branch ≤ 1.5 × all branches; and what opening a branch's view costs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import time
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 26)
MONTH = "2026-11"
REPORT_MONTH = "2026-10"
GOAL_RATIO = 1.5


def timed(label: str, work) -> object:
    start = time.perf_counter()
    result = work()
    print(f"{label:<48} {time.perf_counter() - start:8.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dir", nargs="?", type=Path, default=Path("/tmp/kpidesk-bench-branches"))
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--keep-hq", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from kpidesk.demo import build_demo
    from kpidesk.store import branches, sales, sync
    from kpidesk.store.db import Store
    from kpidesk.store.file_facts import needs_upgrade

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
    if args.keep_hq and hq.exists():
        if needs_upgrade(hq):
            def upgrade() -> None:
                Store(hq, upgrade_backup=False).close()
            timed("upgrade of the head office (rollups rebuilt)", upgrade)
    else:
        sync_both(args, files, hq, Store, branches, sales, sync)
    figures(hq, args.runs)


def sync_both(args, files, hq, Store, branches, sales, sync) -> None:
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


def figures(hq: Path, runs: int) -> None:
    """Cold figures of all branches and of one, median of `runs`, with the goal."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kpidesk.metrics.kpis import all_kpis
    from kpidesk.metrics.memo import clear_memo
    from kpidesk.reports.data import collect
    from kpidesk.store import branches
    from kpidesk.store.db import Store

    def median_s(work) -> float:
        work()  # once first: imports and the disk cache are not what is measured
        times = []
        for _ in range(runs):
            clear_memo()
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    with Store(hq, read_only=True) as s:
        lines = s.scalar("SELECT COUNT(*) FROM sale_lines")
        size = hq.stat().st_size / 1e6
        print(f"head office: {lines:,} lines, {size:,.1f} MB")
        rows = []
        for label, work in (
                ("dashboard KPIs of a month", lambda store: all_kpis(store, MONTH, TODAY)),
                ("month report's figures", lambda store: collect(store, REPORT_MONTH, TODAY))):
            together = median_s(lambda work=work: work(s))
            # the branch picked on the Dashboard: its view stays open between refreshes
            with branches.branch_view(s, "Battambang") as view:
                alone = median_s(lambda work=work, view=view: work(view))
            rows.append((label, together, alone))

        def open_view() -> None:
            branches.open_view(s, "Battambang").close()
        opening = median_s(open_view)
    print(f"\n{'cold, median of ' + str(runs):<34}{'all branches':>14}{'one branch':>12}"
          f"   goal: one ≤ {GOAL_RATIO} × all")
    for label, together, alone in rows:
        verdict = "met" if alone <= GOAL_RATIO * together else "NOT met"
        print(f"{label:<34}{together * 1000:>11.0f} ms{alone * 1000:>9.0f} ms"
              f"   {alone / together:.2f}× — {verdict}")
    print(f"opening one branch's view (`kpi --branch` adds it once) {opening * 1000:.0f} ms")


if __name__ == "__main__":
    main()
