"""The sales table's sorts one by one on a shop (file or PostgreSQL): every sort order,
both directions, the first page and a page deep in, timed; with --explain, the plan
(EXPLAIN ANALYZE, BUFFERS on a server; EXPLAIN QUERY PLAN on a file) of each statement
a slow page ran.

    .venv/bin/python bench/sales_sorts.py --db DB [--runs 3] [--explain] [--sort amount]

A page is what the Sales tab reads at once (500 rows). "deep" starts after the line
in the middle of the shop's line ids (a row of its own sort key, read as the plain
ORDER BY reads it), as a scroll far down or a keyset page after a jump does.
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
    parser.add_argument("--walks", action="store_true",
                        help="walk the indexes on a small shop too (no plain sort)")
    args = parser.parse_args()
    if args.walks:
        from kpidesk.store import sales_table

        sales_table.SMALL_SET = 0

    from kpidesk.store.db import Store
    from kpidesk.store.sales_table import SORTS, SalesQuery
    from kpidesk.store.sales_table_sql import SalesFilter

    worst = 0.0
    with Store(args.db, read_only=True) as store:
        conn = Recorder(store.conn)
        middle = store.conn.execute(
            "SELECT order_id, position FROM sale_lines WHERE order_id >="
            " (SELECT (min(id) + max(id)) / 2 FROM orders) ORDER BY order_id, position"
            " LIMIT 1").fetchone()
        print(f"{'sort':<12}{'dir':<6}{'first ms':>10}{'deep ms':>10}{'statements':>12}")
        for sort in args.sort or SORTS:
            for descending in (False, True):
                times = {"first": [], "deep": []}
                statements = {"first": [], "deep": []}
                for _ in range(args.runs):
                    for where in ("first", "deep"):
                        conn.seen.clear()
                        started = time.perf_counter()
                        query = SalesQuery(conn, SalesFilter(), sort, descending,  # type: ignore[arg-type]
                                           args.currency)
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
