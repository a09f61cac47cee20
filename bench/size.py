"""The shop file's size at 10k, 100k and 1M sale lines, with the goal beside it (issue 17:
≤ 150 MB at 1M lines), where its bytes are, and which queries use each index.

    .venv/bin/python bench/size.py [DIR] [--sizes 10000,100000,1000000] [--users-at 100000]

Demo shops are built once under DIR (default /tmp/kpidesk-bench, shared with
bench/dashboard.py) and measured read-only:

  size      the file's bytes, and the same rows compacted (VACUUM INTO a scratch file:
            a file written over a long time keeps free pages a compacted one has not);
  shares    `dbstat` per table and per index of the compacted largest shop, each with its
            share of the file (the indexes listed under their table);
  users     each index of the orders, the sale lines and the breakdown rollup with the
            code that reads it: the store, metric, report, export and sales-table queries
            of a shop's working day (the Dashboard's month, the Analysis breakdowns, the
            monthly report, the data check, the export, every sales-table sort both ways,
            page 1 and 2, a sale added, edited and deleted, a product's usual price, a
            product in use removed) are traced on a copy of the users-at shop, and
            `EXPLAIN QUERY PLAN` of each statement names the indexes it reads. An index
            with no user is one nothing needs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from dashboard import MONTH, REPORT_MONTH, TODAY, ensure_shop  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000)
GOAL_MB = 150.0
GOAL_LINES = 1_000_000
# the tables whose layout and indexes issue 17's file goal is about
MAIN_TABLES = ("orders", "sale_lines")
# and whose indexes the users check lists: those, and the breakdown rollup, whose product
# days stand in for an index of the lines by product (schema.index_product_days)
INDEXED_TABLES = (*MAIN_TABLES, "breakdown_day")


def current(path: Path) -> Path:
    """The shop at this version's layout: one built by an older version is upgraded as the
    app upgrades it (backed up first, then compacted when worth it); rebuild it (delete
    it) to measure a shop written by this version from the start."""
    from kpidesk.store import schema
    from kpidesk.store.db import Store

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != schema.SCHEMA_VERSION:
        print(f"  {path.name} is of version {version}: upgrading it", flush=True)
        stages: dict[str, list[float]] = {}
        start = time.perf_counter()
        Store(path, progress=lambda stage, _f: stages.setdefault(stage, []).append(
            time.perf_counter())).close()
        took = time.perf_counter() - start
        parts = ", ".join(f"{stage} {times[-1] - times[0]:.1f} s"
                          for stage, times in stages.items())
        print(f"  upgraded to version {schema.SCHEMA_VERSION} in {took:.1f} s ({parts};"
              f" {path.stat().st_size / 1e6:.1f} MB now)", flush=True)
    return path


def compacted(path: Path, scratch: Path) -> Path:
    out = scratch / f"{path.stem}.compact.db"
    if out.exists():
        out.unlink()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        conn.execute("VACUUM INTO ?", (str(out),))
    return out


def shares(path: Path) -> list[tuple[str, str, int]]:
    """(table, name, bytes) of every table and index (`dbstat`), largest first; an
    index's table is its tbl_name."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        owner = {name: table for name, table in conn.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')")}
        rows = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    return sorted(((owner.get(name, name), name, size) for name, size in rows),
                  key=lambda r: -r[2])


def print_shares(path: Path, lines: int) -> None:
    rows = shares(path)
    total = path.stat().st_size
    by_table: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for table, name, size in rows:
        by_table[table].append((name, size))
    order = sorted(by_table, key=lambda t: -sum(s for _, s in by_table[t]))
    print(f"\nwhere the bytes are at {lines:,} lines (compacted, {total / 1e6:.1f} MB; dbstat):")
    print(f"  {'table / its indexes':42s} {'MB':>8s} {'share':>7s}")
    for table in order:
        items = by_table[table]
        own = sum(s for _, s in items)
        print(f"  {table:42s} {own / 1e6:8.2f} {100 * own / total:6.1f}%  (with its indexes)")
        for name, size in sorted(items, key=lambda x: -x[1]):
            label = "    table rows" if name == table else f"    {name}"
            print(f"  {label:42s} {size / 1e6:8.2f} {100 * size / total:6.1f}%")


# -- index users ---------------------------------------------------------------------------
def _caller() -> str:
    """The kpidesk function (outside the store's plumbing) whose statement this is."""
    skip = ("kpidesk/store/db.py", "kpidesk/store/dialect.py", "kpidesk/metrics/memo.py")
    for frame in reversed(traceback.extract_stack()[:-2]):
        path = frame.filename.replace(os.sep, "/")
        if "/kpidesk/" in path and not path.endswith(skip):
            module = path.split("/kpidesk/", 1)[1].removesuffix(".py").replace("/", ".")
            return f"{module}.{frame.name}"
    return "(bench/size.py: picking a row to work on)"


def working_day(store, scratch: Path) -> None:
    """What a shop's day reads and writes: every caller whose statements are traced."""
    from dashboard import dashboard_calls

    from kpidesk.io import exporter
    from kpidesk.metrics import analysis, breakdown_lines, health
    from kpidesk.metrics.memo import clear_memo
    from kpidesk.reports import data as report_data
    from kpidesk.store import receipts, reference, sales, sales_table

    calls, _missing = dashboard_calls(store)
    for _name, call in calls:
        call()
    clear_memo()
    for by in ("product", "category", "salesperson", "channel", "payment", "customer",
               "day", "weekday", "hour"):
        try:
            rows = analysis.breakdown(store, by, MONTH, TODAY).rows
        except (KeyError, ValueError):
            continue
        if rows:
            breakdown_lines.lines_of(store, by, rows[0].key, MONTH, TODAY)
    report_data.collect(store, REPORT_MONTH, TODAY)
    health.check(store, REPORT_MONTH, TODAY)
    exporter.export_all(store, scratch / "export")
    for currency in ("USD", "KHR"):
        for sort in sales_table.SORTS:
            for descending in (False, True):
                query = sales_table.sales_query(store, sales_table.SalesFilter(), sort,
                                                descending, currency)
                first = query.page(None, 100)
                if first:
                    query.page(first[-1], 100)
    week = sales_table.SalesFilter(date_from=f"{MONTH}-01", date_to=f"{MONTH}-07")
    sales_table.sales_query(store, week, "amount").page(None, 100)
    sales_table.sales_query(store, sales_table.SalesFilter(text="R00001"), "date").page(None, 100)
    order_id = store.conn.execute("SELECT MAX(id) FROM orders").fetchone()[0]
    order = sales.get_order(store, order_id)
    sales.update_order(store, order_id, order)
    snapshot = sales.delete_order(store, order_id)
    sales.restore_order(store, order_id, snapshot)
    product = store.conn.execute("SELECT MIN(product_id) FROM sale_lines").fetchone()[0]
    sales.usual_unit_price(store, product)
    receipts.refunds_of(store, order_id)
    reference.remove_named(store, "products", product)  # in use: hidden, not deleted


def index_users(path: Path) -> dict[str, set[str]]:
    """{index name: the callers whose statements read it} over `working_day` on a copy."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kpidesk.store.db import Store

    scratch = Path(tempfile.mkdtemp(prefix="kpidesk-size-"))
    copy = scratch / "shop.db"
    shutil.copy(path, copy)
    store = Store(copy)
    statements: dict[str, set[str]] = defaultdict(set)

    def trace(sql: str) -> None:
        head = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if head in ("SELECT", "WITH", "INSERT", "UPDATE", "DELETE"):
            statements[sql].add(_caller())

    store.conn.set_trace_callback(trace)
    try:
        working_day(store, scratch)
    finally:
        store.conn.set_trace_callback(None)
    users: dict[str, set[str]] = defaultdict(set)
    explain = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    for sql, callers in statements.items():
        try:
            plan = explain.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        except sqlite3.Error:
            continue
        for row in plan:
            detail = row[-1]
            for word in ("USING INDEX ", "USING COVERING INDEX "):
                if word in detail:
                    name = detail.split(word, 1)[1].split()[0]
                    users[name] |= callers
    store.close()
    shutil.rmtree(scratch, ignore_errors=True)
    return users


def print_users(path: Path, compact: Path) -> None:
    users = index_users(path)
    sizes = {name: size for _table, name, size in shares(compact)}
    with sqlite3.connect(f"file:{compact}?mode=ro", uri=True) as conn:
        indexes = conn.execute(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'index'"
            f" AND tbl_name IN ({', '.join('?' * len(INDEXED_TABLES))}) ORDER BY 1, 2",
            INDEXED_TABLES).fetchall()
    print(f"\nindexes of the orders, sale lines and breakdown rollup and the code that reads"
          f" them ({path.name}):")
    for table, name in indexes:
        who = sorted(users.get(name, ()))
        print(f"  {name} ({table}, {sizes.get(name, 0) / 1e6:.2f} MB at {path.name}):"
              f" {'NO USER' if not who else ''}")
        for caller in who:
            print(f"      {caller}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default="/tmp/kpidesk-bench")
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--users-at", type=int, default=100_000,
                        help="the shop whose queries are traced (0: none)")
    args = parser.parse_args()
    folder = Path(args.dir)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    scratch = Path(tempfile.mkdtemp(prefix="kpidesk-size-"))
    try:
        measured = []
        for lines in sizes:
            path = current(ensure_shop(folder, lines))
            compact = compacted(path, scratch)
            measured.append((lines, path, compact))
        print(f"\n{'sale lines':>12s} {'file MB':>9s} {'compacted MB':>13s}  goal")
        for lines, path, compact in measured:
            goal = ""
            if lines == GOAL_LINES:
                mb = compact.stat().st_size / 1e6
                goal = f"≤ {GOAL_MB:.0f} MB: {'met' if mb <= GOAL_MB else 'NOT met'}"
            print(f"{lines:>12,} {path.stat().st_size / 1e6:9.1f}"
                  f" {compact.stat().st_size / 1e6:13.1f}  {goal}")
        lines, _path, compact = measured[-1]
        print_shares(compact, lines)
        if args.users_at:
            path = current(ensure_shop(folder, args.users_at))
            print_users(path, compacted(path, scratch))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
