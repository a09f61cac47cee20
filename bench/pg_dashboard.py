"""The Dashboard's figures on a shop file beside the same shop on PostgreSQL (issue #21).

    .venv/bin/python bench/pg_dashboard.py [--lines 100000] [--runs 5] [--pg-url URL]

The demo shop of N lines is built (once) as a file under /tmp/kpidesk-bench (as
bench/dashboard.py does) and, the same way, in a PostgreSQL database: --pg-url names an
empty database of a server you run, else a throwaway cluster is started for the run
(tests/pg_server.py; needs PostgreSQL's server binaries). Then, on each store: the build
time, every metric call the Dashboard makes for one month cold (remembered results
forgotten first) and warm (memoised), and one sale recorded. Prints a table; no goal is
asserted here.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import dashboard as dash  # noqa: E402  (bench/dashboard.py: the same calls, same month)


def build(location: str, lines: int) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kpidesk", "demo", "--db", location,
                           "--lines", str(lines), "--today", dash.TODAY.isoformat()],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"building the demo failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def measure(location: str, runs: int) -> dict:
    from kpidesk.store.db import Store
    from kpidesk.store.sales import LineInput, OrderInput, add_order

    with Store(location) as store:
        calls, _ = dash.dashboard_calls(store)

        def refresh() -> None:
            for _name, call in calls:
                call()

        cold, first = dash.median_ms(refresh, runs, dash.clear_memos)
        warm, _ = dash.median_ms(refresh, runs)
        started = time.perf_counter()
        add_order(store, OrderInput(dash.TODAY.isoformat(), [LineInput(1500)]))
        sale_ms = (time.perf_counter() - started) * 1000
        orders = store.scalar("SELECT count(*) FROM orders")
    return {"cold_ms": cold, "cold_first_ms": first, "warm_ms": warm, "sale_ms": sale_ms,
            "orders": orders}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pg-url")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/kpidesk-bench"))
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    file_shop = args.dir / f"pg-beside-{args.lines}.db"
    cluster = None
    url = args.pg_url
    if url is None:
        from tests import pg_server

        cluster = pg_server.start()
        import psycopg

        with psycopg.connect(cluster.url, autocommit=True) as admin:
            admin.execute("CREATE DATABASE bench")
        url = cluster.url_for("bench")
    try:
        results = {}
        for name, location in (("SQLite file", str(file_shop)), ("PostgreSQL", url)):
            if name == "SQLite file":
                file_shop.unlink(missing_ok=True)
            built = build(location, args.lines)
            results[name] = {"build_s": built, **measure(location, args.runs)}
        print(f"\nDashboard of {dash.MONTH} on a demo shop of {args.lines:,} lines "
              f"(median of {args.runs})")
        print(f"{'store':<14}{'orders':>10}{'build s':>10}{'cold ms':>10}{'first ms':>10}"
              f"{'warm ms':>10}{'sale ms':>10}")
        for name, r in results.items():
            print(f"{name:<14}{r['orders']:>10,}{r['build_s']:>10.1f}{r['cold_ms']:>10.0f}"
                  f"{r['cold_first_ms']:>10.0f}{r['warm_ms']:>10.1f}{r['sale_ms']:>10.1f}")
    finally:
        if cluster is not None:
            from tests import pg_server

            pg_server.stop(cluster.folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
