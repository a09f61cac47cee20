"""The extremes of each day's sale lines per product, so the data-health check reads the
lines of only the days that can hold a doubt (#17: a month of a 10M-line shop is 400,000
lines; the check's rules, `sanity.line_doubts`, look for lines far from the usual).

`line_peaks_day` holds per day and key (the product; 0 for lines without one; −1 for
daily totals, which `health` compares with the usual daily total) the lowest and highest
rate, the largest dollar amount, the smallest non-zero riel amount and the largest
(dollars + 1 cent) / quantity — the figure the check's unit-price rule compares with
its usual (see `health._doubt_candidates`). The check picks the days whose extremes pass
a rule, then applies the rules to those days' lines alone: the same findings.

`repeat_days` holds the days on which a customer made two orders or more (daily totals
left out) and how many customers did: only those days can hold a duplicate entry
(`health._duplicates`).

Both are kept exact in the same transaction as every write (`refresh_days`, called from
`rollups.refresh_days`) and rebuilt with the other rollups. The rows are not kept per
branch: seen from one branch they are the shop's, whose extremes include the branch's —
the days they pick are a superset of the branch's, and the rules applied to the branch's
own rows then decide.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from kpidesk.store import order_days

TABLE = "line_peaks_day"

SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (day TEXT NOT NULL, key INTEGER NOT NULL,"
    " min_rate INTEGER, max_rate INTEGER, max_usd INTEGER, min_riel INTEGER,"
    " max_unit REAL, PRIMARY KEY (day, key)) WITHOUT ROWID"
)

REPEAT_TABLE = "repeat_days"
REPEAT_SCHEMA = (f"CREATE TABLE IF NOT EXISTS {REPEAT_TABLE} (day TEXT NOT NULL PRIMARY KEY,"
                 " customers INTEGER NOT NULL) WITHOUT ROWID")

# The line's unrounded dollar figure (riel through its own rate) and the quantity the
# unit-price rule divides it by, as `health` computes them.
UNIT_USD = ("(CASE WHEN l.currency = 'USD' THEN abs(l.amount)"
            " ELSE abs(l.amount) * 100.0 / NULLIF(l.rate, 0) END)")
RULE_QUANTITY = ("(CASE WHEN o.is_daily_total = 1 OR l.quantity IS NULL OR l.quantity = 0"
                 " THEN 1.0 ELSE abs(l.quantity) END)")

_FILL = (
    f"INSERT INTO {TABLE} (day, key, min_rate, max_rate, max_usd, min_riel, max_unit)"
    " SELECT o.date, CASE WHEN o.is_daily_total = 1 THEN -1"
    " ELSE IFNULL(l.product_id, 0) END, MIN(l.rate), MAX(l.rate),"
    " MAX(CASE WHEN l.currency = 'USD' THEN abs(l.amount) END),"
    " MIN(CASE WHEN l.currency <> 'USD' AND l.amount <> 0 THEN abs(l.amount) END),"
    f" MAX(({UNIT_USD} + 1.0) / {RULE_QUANTITY})"
    " FROM orders o JOIN sale_lines l ON l.order_id = o.id {where}"
    " GROUP BY 1, 2")


_REPEAT_FILL = (
    f"INSERT INTO {REPEAT_TABLE} (day, customers) SELECT date, COUNT(*) FROM"
    " (SELECT date, contact_id FROM orders WHERE contact_id IS NOT NULL"
    " AND IFNULL(is_daily_total, 0) = 0 {where} GROUP BY date, contact_id"
    " HAVING COUNT(*) >= 2) twice GROUP BY date")


def exists(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (TABLE,)).fetchone() is not None


def create(conn: sqlite3.Connection) -> None:
    conn.execute(SCHEMA)
    conn.execute(REPEAT_SCHEMA)


def refresh_days(conn: sqlite3.Connection, days: Iterable[str]) -> None:
    """Recompute the rows of these days (inside the caller's transaction)."""
    if not exists(conn):  # a file still being upgraded to the version that adds it
        return
    days = sorted(set(days))
    fill = _FILL.format(where="WHERE o.day = ?")  # through the orders' day index
    for day in days:
        conn.execute(f"DELETE FROM {TABLE} WHERE day = ?", (day,))
        conn.execute(fill, (order_days.day_number(day),))
    _refresh_repeats(conn, days)


def _refresh_repeats(conn: sqlite3.Connection, days: Iterable[str]) -> None:
    repeat_fill = _REPEAT_FILL.format(where="AND day = ?")
    for day in sorted(set(days)):
        conn.execute(f"DELETE FROM {REPEAT_TABLE} WHERE day = ?", (day,))
        conn.execute(repeat_fill, (order_days.day_number(day),))


def refresh_contact(conn: sqlite3.Connection, contact_id: int) -> None:
    """Recompute the repeat days of a contact's sales (sales moved to it from another
    contact, a merge or its undo: a day may now hold two of its orders)."""
    if not exists(conn):
        return
    _refresh_repeats(conn, [order_days.iso_day(r[0]) for r in conn.execute(
        "SELECT DISTINCT day FROM orders WHERE contact_id = ?", (contact_id,))])


def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute every row from the sale lines (inside the caller's transaction)."""
    if not exists(conn):
        return
    conn.execute(f"DELETE FROM {TABLE}")
    conn.execute(_FILL.format(where=""))
    conn.execute(f"DELETE FROM {REPEAT_TABLE}")
    conn.execute(_REPEAT_FILL.format(where=""))


def snapshot(conn: sqlite3.Connection) -> list[tuple]:
    """Every row, sorted (tests compare incremental and rebuilt rollups)."""
    if not exists(conn):
        return []
    return sorted(conn.execute(f"SELECT * FROM {TABLE}").fetchall()) + sorted(
        ("repeat", *row) for row in conn.execute(f"SELECT * FROM {REPEAT_TABLE}"))
