"""The sales table's sorts one by one on a shop (file or PostgreSQL): every sort order,
both directions, the first page and a page deep in, timed; with --explain, the plan
(EXPLAIN ANALYZE, BUFFERS on a server; EXPLAIN QUERY PLAN on a file) of each statement
a slow page ran.

    .venv/bin/python bench/sales_sorts.py --db DB [--runs 3] [--explain] [--sort amount]
        [--period 2026-10 | --period 2026-01-01:2026-06-30]

A page is what the Sales tab reads at once (500 rows). "deep" starts after the line
in the middle of the shop's line ids (a row of its own sort key, read as the plain
ORDER BY reads it), as a scroll far down or a keyset page after a jump does. With
--period, the table filtered to a month or a range of days (as the Sales tab's period
filter), "deep" then starts at the middle line of that period.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGE = 500


class Recorder:
    """The store connection, every statement (and its parameters) remembered."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.seen: list[tuple[str, tuple]] = []

    def execute(self, sql, params=()):
        self.seen.append((sql, tuple(params)))
        return self.conn.execute(sql, params)

    def __getattr__(self, name):
        return getattr(self.conn, name)


def deep_row(query, order_id: int, position: int) -> tuple:
    """The row of one line with the sort key `query` pages by (as its plain sort reads it)."""
    from kpidesk.store.sales_table_sql import _ORDERS_FIRST, BLANK, KEYS

    keys = query._flagged(KEYS[query.key_name], BLANK.get(query.sort))
    saved = query.flt
    rows = query._select(_ORDERS_FIRST, keys, ["o.id = ?", "l.position = ?"],
                         [order_id, position], None, 1, bound_first=False)
    query.flt = saved
    return rows[0]


def explain(conn, sql: str, params: tuple) -> str:
    from kpidesk.store import dialect

    if dialect.is_postgres(conn):
        text = conn.translate(sql)
        rows = conn.raw.execute("EXPLAIN (ANALYZE, BUFFERS) " + text, params).fetchall()
        return "\n".join(r[0] for r in rows)
    rows = conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return "\n".join(str(tuple(r)) for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--slow-ms", type=float, default=100.0,
                        help="explain the statements of pages slower than this")
    parser.add_argument("--sort", action="append")
    parser.add_argument("--currency", default="USD")
    parser.add_argument("--period", help="YYYY-MM or FROM:TO (ISO days): the period filter")
    parser.add_argument("--walks", action="store_true",
                        help="walk the indexes on a small shop too (no plain sort)")
    args = parser.parse_args()
    if args.walks:
        from kpidesk.store import sales_table

        sales_table.SMALL_SET = 0

    from kpidesk.store.db import Store
    from kpidesk.store.sales_table import SORTS, SalesQuery
    from kpidesk.store.sales_table_sql import SalesFilter

    first_day = last_day = None
    if args.period and ":" in args.period:
        first_day, last_day = args.period.split(":")
    elif args.period:
        from calendar import monthrange

        year, month = (int(part) for part in args.period.split("-"))
        first_day = f"{args.period}-01"
        last_day = f"{args.period}-{monthrange(year, month)[1]:02d}"
    worst = 0.0
    with Store(args.db, read_only=True) as store:
        conn = Recorder(store.conn)
        # the middle order of the period (found by its text date: the same on any schema)
        span = store.conn.execute(
            "SELECT min(id), max(id) FROM orders WHERE date BETWEEN ? AND ?",
            (first_day or "0000", last_day or "9999")).fetchone()
        middle = store.conn.execute(
            "SELECT l.order_id, l.position FROM sale_lines l JOIN orders o ON o.id = l.order_id"
            " WHERE l.order_id >= ? AND o.date BETWEEN ? AND ? ORDER BY l.order_id, l.position"
            " LIMIT 1", ((span[0] + span[1]) // 2, first_day or "0000", last_day or "9999")
        ).fetchone()
        print(f"period {first_day or 'all'} – {last_day or 'all'}")
        print(f"{'sort':<12}{'dir':<6}{'first ms':>10}{'deep ms':>10}{'statements':>12}")
        for sort in args.sort or SORTS:
            for descending in (False, True):
                times = {"first": [], "deep": []}
                statements = {"first": [], "deep": []}
                for _ in range(args.runs):
                    for where in ("first", "deep"):
                        conn.seen.clear()
                        started = time.perf_counter()
                        query = SalesQuery(conn, SalesFilter(first_day, last_day),  # type: ignore[arg-type]
                                           sort, descending, args.currency)
                        after = deep_row(query, *middle) if where == "deep" else None
                        rows = query.page(after, PAGE)
                        times[where].append((time.perf_counter() - started) * 1000)
                        statements[where] = list(conn.seen)
                        assert rows, (sort, descending, where)
                first, deep = (statistics.median(times[w]) for w in ("first", "deep"))
                worst = max(worst, first, deep)
                print(f"{sort:<12}{'desc' if descending else 'asc':<6}{first:>10.1f}"
                      f"{deep:>10.1f}{len(statements['deep']):>12}", flush=True)
                if not args.explain:
                    continue
                for where in ("first", "deep"):
                    if statistics.median(times[where]) < args.slow_ms:
                        continue
                    for sql, params in statements[where]:
                        plan = explain(store.conn, sql, params)
                        print(f"--- {sort} {'desc' if descending else 'asc'} {where}\n{sql}\n"
                              f"{params}\n{plan}\n", flush=True)
    print(f"slowest page: {worst:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
