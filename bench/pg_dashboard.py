"""The Dashboard's figures on a shop file beside the same shop on PostgreSQL (issue #21).

    .venv/bin/python bench/pg_dashboard.py [--lines 100000] [--runs 5] [--pg-url URL]

The demo shop of N lines is built (once) as a file under /tmp/kpidesk-bench (as
bench/dashboard.py does) and, the same way, in a PostgreSQL database: --pg-url names an
empty database of a server you run, else a throwaway cluster is started for the run
(tests/pg_server.py; needs PostgreSQL's server binaries). Then, on each store: the build
time, every metric call the Dashboard makes for one month cold (remembered results
forgotten first) and warm (memoised), one sale recorded, the refresh just after a sale,
the sales table opened and sorted by every column, and the report of a month. Prints
the two columns beside bench/dashboard.py's goals (met or not is read, not asserted).
At 1M lines: `--lines 1000000 --runs 3` (the server's build takes many minutes).
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
    """The figures of bench/dashboard.py that a shop on a server changes: the Dashboard's
    calls cold, warm and just after a sale; the sales table opened and sorted; the report
    of a month. Writes (the sales) go to the store measured: a copy for a shop file, the
    throwaway database for a server."""
    import os
    import random
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from kpidesk.store.db import Store
    from kpidesk.store.sales import LineInput, OrderInput, add_order

    app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841 (kept alive)
    scratch = Path(tempfile.mkdtemp(prefix="kpidesk-pgbench-"))
    if not location.startswith("postgresql"):
        import shutil

        copy = scratch / "shop.db"
        shutil.copy(location, copy)
        location = str(copy)
    out: dict = {}
    with Store(location) as store:
        calls, _ = dash.dashboard_calls(store)
        customers = [r[0] for r in store.conn.execute(
            "SELECT id FROM contacts WHERE first_purchase IS NOT NULL")]
        pick = random.Random(7)

        def record_sale() -> None:
            add_order(store, OrderInput(dash.TODAY.isoformat(), [LineInput(1500)],
                                        contact_id=pick.choice(customers)))

        def refresh() -> None:
            for _name, call in calls:
                call()

        out["cold_ms"], out["cold_first_ms"] = dash.median_ms(refresh, runs, dash.clear_memos)
        out["warm_ms"], _ = dash.median_ms(refresh, runs)
        started = time.perf_counter()
        record_sale()
        out["sale_ms"] = (time.perf_counter() - started) * 1000
        refresh()
        out["refresh_ms"], _ = dash.median_ms(refresh, runs, record_sale)

        from kpidesk.ui.models.sales_model import SalesTableModel

        def read_screen(model) -> None:
            for row in range(min(40, model.rowCount())):
                for col in range(model.columnCount()):
                    model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)

        def open_table() -> None:
            model = SalesTableModel(store)
            assert model.rowCount() > 0
            read_screen(model)

        out["table_ms"], _ = dash.median_ms(open_table, runs)
        model = SalesTableModel(store)
        sorts: dict[str, float] = {}
        for column, spec in enumerate(SalesTableModel.COLUMNS):
            name = spec.key  # date, customer, amount…
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                def sort(column=column, order=order) -> None:
                    model.sort(column, order)
                    read_screen(model)
                ms, _ = dash.median_ms(sort, max(3, runs // 3))
                sorts[name] = max(sorts.get(name, 0.0), ms)
        out["sort_goal_ms"] = max(sorts[s.lower()] for s in dash.GOAL_SORTS)
        out["sort_any_ms"] = max(sorts.values())
        out["slowest_sort"] = max(sorts, key=sorts.__getitem__)

        from kpidesk.reports.data import collect
        from kpidesk.reports.monthly import MonthlyReport

        def report() -> None:
            data = collect(store, dash.REPORT_MONTH, dash.TODAY)
            built = MonthlyReport(data, "en")
            built.build()
            built.write_pdf(scratch / "report.pdf")
        out["report_ms"], _ = dash.median_ms(report, 3, dash.clear_memos)
        out["orders"] = store.scalar("SELECT count(*) FROM orders")
    import shutil

    shutil.rmtree(scratch, ignore_errors=True)
    return out


ROWS = (  # (label, key, format, goal text: bench/dashboard.py's goals, set for SQLite)
    ("demo build (s)", "build_s", "{:,.0f}", ""),
    ("cold dashboard refresh (ms)", "cold_ms", "{:,.0f}", ""),
    ("  first cold run (ms)", "cold_first_ms", "{:,.0f}", ""),
    ("warm refresh (ms)", "warm_ms", "{:,.1f}", ""),
    ("one sale recorded (ms)", "sale_ms", "{:,.0f}", ""),
    ("refresh after a sale (ms)", "refresh_ms", "{:,.1f}", "≤ 20 at 1M"),
    ("sales table open (ms)", "table_ms", "{:,.0f}", "≤ 300 at 10M"),
    ("sort by amount/customer/product/salesperson (ms)", "sort_goal_ms", "{:,.0f}",
     "≤ 300 at 10M"),
    ("sort by any column (ms)", "sort_any_ms", "{:,.0f}", "≤ 300 at 10M"),
    ("report of a month (ms)", "report_ms", "{:,.0f}", "≤ 2,000 at 10M"),
)


def _holds_shop(url: str) -> bool:
    import psycopg

    with psycopg.connect(url) as conn:
        return bool(conn.execute("SELECT to_regclass('sale_lines') IS NOT NULL").fetchone()[0])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pg-url")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/kpidesk-bench"))
    parser.add_argument("--keep", action="store_true",
                        help="measure the shop file (and the --pg-url database) an earlier"
                             " run built, not new ones")
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
            if args.keep and (file_shop.exists() if name == "SQLite file"
                              else args.pg_url and _holds_shop(url)):
                built = float("nan")  # built by an earlier run
            else:
                if name == "SQLite file":
                    file_shop.unlink(missing_ok=True)
                built = build(location, args.lines)
            results[name] = {"build_s": built, **measure(location, args.runs)}
        print(f"\nA demo shop of {args.lines:,} lines, month {dash.MONTH} "
              f"(median of {args.runs})")
        names = list(results)
        print(f"{'':<50}" + "".join(f"{n:>14}" for n in names) + "   goal")
        for label, key, form, goal in ROWS:
            print(f"{label:<50}" + "".join(f"{form.format(results[n][key]):>14}"
                                           for n in names) + f"   {goal}")
        for n in names:
            print(f"{n}: {results[n]['orders']:,} orders; slowest sort: "
                  f"{results[n]['slowest_sort']}")
    finally:
        if cluster is not None:
            from tests import pg_server

            pg_server.stop(cluster.folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
