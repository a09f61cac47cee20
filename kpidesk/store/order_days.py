"""An order's date and time as small numbers in a shop file (`compact_order_days`).

From this migration on, a shop file's `orders` stores `day` (days since 1970-01-01) and
`minute` (minutes since midnight; -1 for a time given as '', NULL for none) instead of
the texts 'YYYY-MM-DD' and 'HH:MM'; `date` and `time` are generated from them (VIRTUAL
columns), so every reader sees the same columns and values as before. A record is 12
bytes shorter: about 7 MB of a 1M-line shop (625,000 orders). From `index_orders_by_day`
on, the orders are indexed by `day` (8 bytes shorter an entry than the date text: 7.3 MB
more), so a query of a period names `day` with day numbers (`day_number`, `day_of`).

Writers name the stored columns: `stored_order_columns` and `stored_order_row` turn the
columns and values of an order as the readers see them into what the file stores. A
PostgreSQL shop keeps its own layout (plain `date` and `time`: the server's rows are not
in a file the owner copies), and so does a file not yet upgraded; both are written as
they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from kpidesk.store import dialect
from kpidesk.store.migration_progress import report_progress

if TYPE_CHECKING:
    import sqlite3

    import sqlite_utils

# the stored column of each generated one
STORED = {"date": "day", "time": "minute"}
LOGICAL = {stored: logical for logical, stored in STORED.items()}

_EPOCH = date(1970, 1, 1).toordinal()
NO_TIME_GIVEN = -1  # a time stored as '' (the form stores NULL; an old file may hold '')

DATE_SQL = "date(day * 86400, 'unixepoch')"
TIME_SQL = ("CASE WHEN minute >= 0 THEN substr('0' || (minute / 60), -2) || ':'"
            " || substr('0' || (minute % 60), -2) WHEN minute IS NOT NULL THEN '' END")
# the stored values of the texts, in SQL (the migration) and in Python (the writers)
_DAY_FROM_DATE = "CAST(julianday(date) - 2440587.5 AS INTEGER)"  # exact: dates are midnights
_MINUTE_FROM_TIME = ("CASE WHEN time IS NULL THEN NULL WHEN time = '' THEN -1"
                     " ELSE CAST(substr(time, 1, 2) AS INTEGER) * 60"
                     " + CAST(substr(time, 4, 2) AS INTEGER) END")
_TIME_TEXT = re.compile(r"^\d\d:\d\d$")


def day_number(iso: str) -> int:
    """'YYYY-MM-DD' → days since 1970-01-01."""
    return date.fromisoformat(str(iso)).toordinal() - _EPOCH


def iso_day(day: int) -> str:
    """Days since 1970-01-01 → 'YYYY-MM-DD' (the inverse of `day_number`)."""
    return date.fromordinal(int(day) + _EPOCH).isoformat()


def day_of(text_sql: str) -> str:
    """SQL for the day number of a 'YYYY-MM-DD' text (a column, a `?`): how a query
    compares `orders.day` with a day it holds as text. Exact on both stores (the server
    has `julianday`: pg_schema.COMPAT_FUNCTIONS)."""
    return f"CAST(julianday({text_sql}) - 2440587.5 AS INTEGER)"


def minute_number(time: str | None) -> int | None:
    """'HH:MM' → minutes since midnight; '' → NO_TIME_GIVEN; None → None."""
    if time is None:
        return None
    if time == "":
        return NO_TIME_GIVEN
    if not _TIME_TEXT.match(str(time)):
        raise ValueError(f"time {time!r}: not HH:MM")
    return int(time[:2]) * 60 + int(time[3:5])


_TO_STORED: dict[str, Callable[[Any], int | None]] = {"date": day_number,
                                                       "time": minute_number}


def compact(conn: sqlite3.Connection) -> bool:
    """Whether this store's orders keep `day` and `minute` (a shop file from this
    migration on)."""
    return not dialect.is_postgres(conn) and "day" in dialect.column_names(conn, "orders")


def stored_order(conn: sqlite3.Connection, columns: Sequence[str],
                 rows: Iterable[Sequence[object]]) -> tuple[tuple[str, ...], Iterable[tuple]]:
    """(the columns to write, the rows to write) for `rows` of an order's `columns` as
    readers name and see them: as they are, or for a compact file `day` for `date`…"""
    if not compact(conn):
        return tuple(columns), (tuple(row) for row in rows)
    converted = [(i, _TO_STORED[c]) for i, c in enumerate(columns) if c in _TO_STORED]

    def stored(row: Sequence[object]) -> tuple:
        values = list(row)
        for i, to_stored in converted:
            values[i] = to_stored(values[i])
        return tuple(values)
    return tuple(STORED.get(c, c) for c in columns), (stored(row) for row in rows)


def logical_columns(columns: Sequence[str]) -> list[str]:
    """An order's stored columns as readers name them (`day` → `date`…)."""
    return [LOGICAL.get(c, c) for c in columns]


def compact_order_days(db: sqlite_utils.Database) -> None:
    """`orders.date` and `orders.time` stored as numbers, read as before (see the module):
    the columns `day` and `minute` are added and filled, the texts dropped and made again
    as generated columns; the indexes and triggers that name them are made again (a
    trigger on an update of the date fires on one of `day`). The orders are not copied to
    a new table: the sale lines, opportunities and refunds refer to them, and their
    foreign keys are checked inside the upgrade's transaction. Idempotent."""

    conn = db.conn
    names = dialect.column_names(conn, "orders")
    if "day" in names:
        return
    report_progress(0.0)
    has_time = "time" in names
    # every index and trigger of the orders (a column named by one cannot be dropped)
    depending = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'orders'"
        " AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name").fetchall()
    for kind, name, _ in depending:
        conn.execute(f"DROP {kind.upper()} {name}")
    conn.execute("ALTER TABLE orders ADD COLUMN day INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE orders ADD COLUMN minute INTEGER")
    conn.execute(f"UPDATE orders SET day = {_DAY_FROM_DATE}"
                 + (f", minute = {_MINUTE_FROM_TIME}" if has_time else ""))
    report_progress(0.4)
    conn.execute("ALTER TABLE orders DROP COLUMN date")
    if has_time:
        conn.execute("ALTER TABLE orders DROP COLUMN time")
    report_progress(0.6)
    # DROP COLUMN leaves each record longer than one written anew (2.3 bytes an order in
    # the 1M-line demo: 1.4 MB): written again, before the indexes and triggers are back
    conn.execute("UPDATE orders SET day = day")
    report_progress(0.8)
    conn.execute(f"ALTER TABLE orders ADD COLUMN date TEXT GENERATED ALWAYS AS ({DATE_SQL})"
                 " VIRTUAL")
    conn.execute(f"ALTER TABLE orders ADD COLUMN time TEXT GENERATED ALWAYS AS ({TIME_SQL})"
                 " VIRTUAL")
    for kind, _name, sql in depending:
        if kind == "trigger":  # UPDATE OF date → UPDATE OF day: an edit writes `day`
            head, on, body = sql.partition(" ON orders")
            sql = re.sub(r"\b(date|time)\b", lambda m: STORED[m.group(1)], head) + on + body
        conn.execute(sql)
    report_progress(1.0)
    from kpidesk.store import schema

    schema.compaction_wanted = schema.compaction_wanted or conn.execute(
        "SELECT 1 FROM orders LIMIT 1").fetchone() is not None


# The orders by day (`index_orders_by_day`): an index on the stored number instead of on
# the generated text, 8 bytes shorter an order. A query of a period names `o.day` (with
# the period's day numbers: `day_number`, `day_of`); a PostgreSQL shop has `day` too,
# generated from its `date` (pg_schema.ORDER_DAY_COLUMN).
ORDER_DAY_INDEXES = (
    # the sales table in date order (and by salesperson, channel or category: the walk
    # of each one's days); a day's orders for the daily rollups; every report and figure
    # of a period read from the raw rows
    "CREATE INDEX IF NOT EXISTS idx_orders_day ON orders(day)",
    # a contact's purchases (its page, the customer rollups of a write, merging) and the
    # sales table sorted by customer; walk-ins (no contact) are not indexed here
    "CREATE INDEX IF NOT EXISTS idx_orders_contact_day ON orders(contact_id, day)"
    " WHERE contact_id IS NOT NULL",
)


def index_orders_by_day(db: sqlite_utils.Database) -> None:
    """The two date indexes of a shop file's orders on `day` instead of the generated
    `date` (7.3 MB of a 1M-line shop). Idempotent; the file is compacted after it."""
    from kpidesk.store import schema  # (schema imports this module)

    conn = db.conn
    report_progress(0.0)
    for name in ("idx_orders_date", "idx_orders_contact_date"):
        conn.execute(f"DROP INDEX IF EXISTS {name}")
    for i, sql in enumerate(ORDER_DAY_INDEXES):
        conn.execute(sql)
        report_progress((i + 1) / len(ORDER_DAY_INDEXES))
    schema.compaction_wanted = schema.compaction_wanted or conn.execute(
        "SELECT 1 FROM orders LIMIT 1").fetchone() is not None
