"""Branches at scale (KPI.md §7): a branch file of N sale lines brought into an empty head
office, against importing the same rows, then repeated syncs and the figures.

    .venv/bin/python bench/branches.py [DIR] [--lines 1000000] [--pg-url URL]
        [--no-import] [--no-file]

Prints, each in seconds and beside its goal (issue #21), for a head-office shop file and,
with --pg-url (an empty database on a server you run), for a PostgreSQL head office:
- building the branch file (a demo shop, once, kept in DIR and reused);
- the first `sync` of the file into an empty head office (goal ≤ 2 × the import);
- the same file again, nothing changed (goal ≤ 5 s);
- the file with 1 % of its sales changed: half of them in an amount (their days' and
  customers' figures refreshed), half in their note only (no figure refreshed) (goal:
  time in proportion to the change, ≤ 30 s at 1M lines: only the rows the file stamped
  after the last sync are read and compared (`sync_marks`), every UUID once; it includes
  the backup of head office taken first);
- `import all` of the same rows (the branch file's `export all`) into an empty shop
  file: the yardstick, measured last (--no-import: not measured);
- every Dashboard KPI of a month at head office (all branches) and for the branch
  (`kpi --branch`), and of the branch file itself.

Each command runs as `python -m kpidesk …` in its own process, as a user runs it.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 26)
MONTH = "2026-11"


def run(*args: str) -> float:
    """Seconds one headless command took (it must succeed)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kpidesk", *args], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(args[:3])} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def line(label: str, seconds: float, goal: str = "") -> None:
    print(f"{label:<52} {seconds:9.2f} s   {goal}", flush=True)


def fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dir", nargs="?", type=Path, default=Path("/tmp/kpidesk-bench-branches"))
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--pg-url", default=None)
    parser.add_argument("--no-import", action="store_true")
    parser.add_argument("--no-file", action="store_true",
                        help="measure the PostgreSQL head office only")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from kpidesk.demo import build_demo
    from kpidesk.metrics.kpis import all_kpis
    from kpidesk.metrics.memo import clear_memo
    from kpidesk.store import branches
    from kpidesk.store.db import Store, upgrade_if_needed

    args.dir.mkdir(parents=True, exist_ok=True)
    branch = args.dir / f"branch-{args.lines}.db"
    if not branch.exists():
        started = time.perf_counter()
        with Store(branch) as s:
            build_demo(s, months=24, lines=args.lines, today=TODAY, seed=31)
            branches.set_branch_name(s, "Siem Reap")
        line(f"build the branch file ({args.lines:,} lines)", time.perf_counter() - started)
    upgrade_if_needed(branch)
    with sqlite3.connect(branch) as c:
        orders = c.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
    print(f"branch file: {args.lines:,} lines, {orders:,} orders, "
          f"{branch.stat().st_size / 1e6:.0f} MB")

    changed = args.dir / f"changed-{args.lines}.db"
    shutil.copy(branch, fresh(changed))
    with sqlite3.connect(changed) as c:
        c.execute("UPDATE sale_lines SET amount = amount + 100 WHERE position = 1"
                  " AND order_id % 200 = 0")
        c.execute("UPDATE orders SET note = 'changed' WHERE id % 200 = 100")
        touched = c.execute("SELECT COUNT(*) FROM orders WHERE id % 100 = 0").fetchone()[0]
    print(f"changed file: {touched:,} sales changed ({touched / orders:.1%})")

    hq = fresh(args.dir / "hq.db")
    with Store(hq) as s:
        branches.set_branch_name(s, "Phnom Penh")
    targets: list[tuple[str, str]] = [] if args.no_file else [("shop file", str(hq))]
    if args.pg_url:
        with Store(args.pg_url) as s:
            branches.set_branch_name(s, "Phnom Penh")
        targets.append(("PostgreSQL", args.pg_url))
    firsts: dict[str, float] = {}
    for kind, target in targets:
        first = run("sync", "--from", str(branch), "--to", target)
        firsts[kind] = first
        line(f"{kind}: first sync into an empty head office", first, "goal ≤ 2 × import")
        again = run("sync", "--from", str(branch), "--to", target)
        line(f"{kind}: the same file again (nothing changed)", again,
             f"goal ≤ 5 s: {'met' if again <= 5 else 'not met'}")
        one_percent = run("sync", "--from", str(changed), "--to", target)
        line(f"{kind}: the file with 1 % of its sales changed", one_percent,
             f"goal ≤ 30 s (in proportion to the change): "
             f"{'met' if one_percent <= 30 else 'not met'}")

    if not args.no_import:
        with tempfile.TemporaryDirectory(dir=args.dir) as folder:
            exported = Path(folder) / "all"
            run("export", "all", "--db", str(branch), "--out", str(exported))
            imported = fresh(args.dir / "imported.db")
            yardstick = run("import", "all", str(exported), "--db", str(imported))
        line("import all of the same rows into an empty shop", yardstick)
        for kind, first in firsts.items():
            line(f"{kind}: first sync against the import", first,
                 f"goal ≤ {2 * yardstick:.1f} s (2 × import): {first / yardstick:.2f} × "
                 f"{'met' if first <= 2 * yardstick else 'not met'}")

    if args.no_file:
        return
    with Store(hq, read_only=True) as s:
        clear_memo()
        started = time.perf_counter()
        all_kpis(s, MONTH, TODAY)
        line("all_kpis at head office (cold)", time.perf_counter() - started)
        clear_memo()
        started = time.perf_counter()
        with branches.branch_view(s, "Siem Reap") as view:
            all_kpis(view, MONTH, TODAY)
        line("all_kpis of the branch at head office (cold)", time.perf_counter() - started)
    with Store(branch, read_only=True) as s:
        clear_memo()
        started = time.perf_counter()
        all_kpis(s, MONTH, TODAY)
        line("all_kpis of the branch file itself (cold)", time.perf_counter() - started)


if __name__ == "__main__":
    main()
