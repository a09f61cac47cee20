"""The breakdown rollup the Analysis tab and `analyse` read (KPI.md §1 breakdowns).

`breakdown_day` holds, per dimension, day and key, the sums of the sale lines: revenue
in both currencies, orders, quantity, the revenue and cost of lines with a known cost,
discounts and refunds. A breakdown of any period is then one range read on the primary
key (dim, day, key) instead of a scan of the lines. Kept exact in the same transaction
as every write (`refresh_days`, called from `rollups.refresh_days`) and rebuilt with the
other rollups (`rebuild`).

Dimensions and their key (0 = none; `hour` −1 = no time):
  shop (0: every sale; day and weekday are read from it), product (daily totals
  skipped, KPI.md Conventions), category, salesperson, channel, payment, customer, hour.
The `dim` column holds each dimension's small integer code (`DIM_CODES`), not its name:
the customer rows (most of both tables) store 0, which takes no byte in a record, and
the others one byte instead of a name of 4–11 (`schema.code_breakdown_dims`).

`day` is the day number (days since 1970-01-01, as `orders.day`: `order_days.day_number`)
and `breakdown_month.month` is year * 100 + month for a month (202611) and the year for
a year (2026): numbers take fewer bytes than their texts in every key
(`number_breakdown_days`). Callers give days as ISO texts (`refresh_days`, the bounds of
`product_days`); `product_days` returns day numbers (its callers compare them with
`orders.day`); readers of the tables convert their bounds (`order_days.day_number`,
`period_number`) and the days they return (`order_days.iso_day`).

`orders` counts as KPI.md §1 does: an order whose net total is below zero (a refund
receipt) is not counted; a daily total counts as its receipts. For product and category
an order counts once per key it has a line of.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kpidesk.store import dialect, order_days
from kpidesk.store.migration_progress import report_progress

if TYPE_CHECKING:
    import sqlite_utils

TABLE = "breakdown_day"

# dim → (key expression over the order `o` and the line `l` / product `p`, line filter)
DIMENSIONS: dict[str, tuple[str, str]] = {
    "shop": ("0", ""),
    "product": ("IFNULL(l.product_id, 0)", "AND o.daily = 0"),
    "category": ("IFNULL(p.category_id, 0)", ""),
    "salesperson": ("IFNULL(o.salesperson_id, 0)", ""),
    "channel": ("IFNULL(o.channel_id, 0)", ""),
    "payment": ("IFNULL(o.payment_id, 0)", ""),
    "customer": ("IFNULL(o.contact_id, 0)", ""),
    "hour": ("CASE WHEN o.time IS NULL OR o.time = '' THEN -1"
             " ELSE CAST(substr(o.time, 1, 2) AS INTEGER) END", ""),
}

# dim → the code stored in the `dim` column (customer first: most rows are customers')
DIM_CODES: dict[str, int] = {
    "customer": 0, "product": 1, "category": 2, "salesperson": 3, "channel": 4,
    "payment": 5, "hour": 6, "shop": 7,
}
assert set(DIM_CODES) == set(DIMENSIONS)

SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (dim INTEGER NOT NULL, day INTEGER NOT NULL,"
    " key INTEGER NOT NULL, revenue_usd INTEGER NOT NULL, revenue_khr INTEGER NOT NULL,"
    " orders INTEGER NOT NULL, quantity REAL NOT NULL,"
    " costed_usd INTEGER NOT NULL, costed_khr INTEGER NOT NULL,"  # revenue of lines with a cost
    " cost_usd INTEGER NOT NULL, cost_khr INTEGER NOT NULL,"
    " discount_usd INTEGER NOT NULL, discount_khr INTEGER NOT NULL,"
    " refund_usd INTEGER NOT NULL, refund_khr INTEGER NOT NULL,"  # revenue of refund lines
    " lines INTEGER NOT NULL, costed_lines INTEGER NOT NULL, PRIMARY KEY (dim, day, key)) WITHOUT ROWID"
)

# The same sums per month (year * 100 + month) and per year (the year, in the same column):
# a breakdown of many days (a year by customer) reads its whole years and months here and
# only its partial months by day.
MONTH_TABLE = "breakdown_month"
MONTH_SCHEMA = SCHEMA.replace(TABLE, MONTH_TABLE).replace("day INTEGER", "month INTEGER").replace(
    "(dim, day, key)", "(dim, month, key)")
_SUMS = ("revenue_usd", "revenue_khr", "orders", "quantity", "costed_usd", "costed_khr",
         "cost_usd", "cost_khr", "discount_usd", "discount_khr", "refund_usd", "refund_khr",
         "lines", "costed_lines")


def month_number(iso: str) -> int:
    """'YYYY-MM' (or a day 'YYYY-MM-DD') → year * 100 + month, as `month` stores a month."""
    return int(iso[:4]) * 100 + int(iso[5:7])


def period_number(period: str) -> int:
    """'YYYY-MM' → `month_number`; 'YYYY' → the year, as `month` stores a year."""
    return month_number(period) if len(period) >= 7 else int(period)


def _month_of_day_sql(conn: sqlite3.Connection, day: str) -> str:
    """SQL for year * 100 + month of a day number (`day`, a column)."""
    if dialect.is_postgres(conn):
        return f"CAST(to_char(DATE '1970-01-01' + CAST({day} AS INTEGER), 'YYYYMM') AS INTEGER)"
    return f"CAST(strftime('%Y%m', {day} * 86400, 'unixepoch') AS INTEGER)"


def _period_of_day_sql(conn: sqlite3.Connection, day: str, length: int) -> str:
    """The month (`length` 7) or the year (4) of a day number, as `month` stores it."""
    month = _month_of_day_sql(conn, day)
    return month if length == 7 else f"({month} / 100)"


def _order_day_sql(conn: sqlite3.Connection) -> str:
    """The day number of the order `o`: its stored `day` (a shop file from
    `compact_order_days` on; generated on the server), or computed from `date` in a file
    still being upgraded to it (the rollup is made by an earlier migration)."""
    if dialect.is_postgres(conn) or order_days.compact(conn):
        return "o.day"
    return order_days.day_of("o.date")


def is_coded(conn: sqlite3.Connection) -> bool:
    """Whether the rows carry the branch code in their key (`branches.add_branch_codes`:
    the sums of each branch apart, 0 for this file's own rows)."""
    return "branch" in dialect.column_names(conn, TABLE)


def _parts(conn: sqlite3.Connection) -> dict[str, str]:
    if not is_coded(conn):
        return {"bcol": "", "bsel": "0", "bjoin": "", "bbr": ""}
    return {"bcol": ", branch", "bsel": "IFNULL(bc.code, 0)",
            "bjoin": "LEFT JOIN branch_codes bc ON bc.name = o.branch", "bbr": ", br"}

# Lines grouped per order and key first (an order counts once per key), then per day and key.
_FILL = """
    WITH o AS (
        SELECT o.id, {order_day} AS day, o.salesperson_id, o.channel_id, o.payment_id,
               o.contact_id, o.time, o.is_daily_total AS daily, {bsel} AS br,
               CASE WHEN o.is_daily_total <> 0 THEN IFNULL(o.receipts, 0)
                    WHEN (SELECT SUM(x.amount_khr) FROM sale_lines x
                          WHERE x.order_id = o.id) >= 0 THEN 1 ELSE 0 END AS counted
        FROM orders o {bjoin} {where}),
    per_order AS (
        SELECT o.day, {key} AS k, o.counted, o.br,
               SUM(l.amount_usd) AS ru, SUM(l.amount_khr) AS rk, SUM(l.quantity) AS q,
               SUM(CASE WHEN l.cost_usd IS NULL THEN 0 ELSE l.amount_usd END) AS cru,
               SUM(CASE WHEN l.cost_khr IS NULL THEN 0 ELSE l.amount_khr END) AS crk,
               IFNULL(SUM(l.cost_usd), 0) AS cu, IFNULL(SUM(l.cost_khr), 0) AS ck,
               IFNULL(SUM(l.discount_usd), 0) AS du, IFNULL(SUM(l.discount_khr), 0) AS dk,
               SUM(CASE WHEN l.amount_khr < 0 THEN l.amount_usd ELSE 0 END) AS fu,
               SUM(CASE WHEN l.amount_khr < 0 THEN l.amount_khr ELSE 0 END) AS fk,
               COUNT(*) AS n, COUNT(l.cost_usd) AS cn
        FROM o JOIN sale_lines l ON l.order_id = o.id
        LEFT JOIN products p ON p.id = l.product_id
        WHERE 1 = 1 {filter}
        GROUP BY o.id, o.day, o.counted, k, o.br)
    INSERT INTO breakdown_day (dim, day, key{bcol}, revenue_usd, revenue_khr, orders, quantity,
                               costed_usd, costed_khr, cost_usd, cost_khr, discount_usd,
                               discount_khr, refund_usd, refund_khr, lines, costed_lines)
    SELECT {dim}, day, k{bbr}, SUM(ru), SUM(rk), SUM(counted), SUM(q), SUM(cru), SUM(crk),
           SUM(cu), SUM(ck), SUM(du), SUM(dk), SUM(fu), SUM(fk), SUM(n), SUM(cn)
    FROM per_order GROUP BY day, k{bbr}
"""


def exists(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (TABLE,)).fetchone() is not None


def create(conn: sqlite3.Connection) -> None:
    conn.execute(SCHEMA)
    conn.execute(MONTH_SCHEMA)


def _fill(conn: sqlite3.Connection, where: str, params: tuple) -> None:
    parts = _parts(conn)
    order_day = _order_day_sql(conn)
    for dim, (key, line_filter) in DIMENSIONS.items():
        conn.execute(_FILL.format(where=where.format(order_day=order_day), key=key,
                                  filter=line_filter, dim=DIM_CODES[dim],
                                  order_day=order_day, **parts), params)


# Every dimension's code: the primary key (dim, day, key) is then read by day, not scanned.
_CODES = ", ".join(str(code) for code in sorted(DIM_CODES.values()))

# Days refreshed per statement (well inside both stores' limits on parameters).
DAYS_PER_STATEMENT = 500


def _month_delta_days(conn: sqlite3.Connection, bcol: str, length: int, count: int) -> str:
    """Adds (sign ?) the rows of `count` days to their months' (length 7) or years' (4)."""
    marks = ", ".join("?" * count)
    period = _period_of_day_sql(conn, "day", length)
    return (f"INSERT INTO {MONTH_TABLE} (dim, month, key{bcol}, {', '.join(_SUMS)})"
            f" SELECT dim, {period} AS period, key{bcol},"
            f" {', '.join(f'? * SUM({c})' for c in _SUMS)}"
            f" FROM {TABLE} WHERE dim IN ({_CODES}) AND day IN ({marks})"
            f" GROUP BY dim, period, key{bcol}"
            f" ON CONFLICT (dim, month, key{bcol}) DO UPDATE SET "
            + ", ".join(f"{c} = {MONTH_TABLE}.{c} + excluded.{c}" for c in _SUMS))


def refresh_days(conn: sqlite3.Connection, days: Iterable[str]) -> None:
    """Recompute the rows of these days ('YYYY-MM-DD', inside the caller's transaction):
    a sale's day, or the hundreds of days a branch file's changes touch, a few statements
    for each DAYS_PER_STATEMENT of them (one statement per day and dimension took 0.1 s a
    day at 100,000 lines)."""
    _refresh_day_numbers(conn, {order_days.day_number(day) for day in days})


def _refresh_day_numbers(conn: sqlite3.Connection, days: Iterable[int]) -> None:
    if not exists(conn):  # a file still being upgraded to the version that adds it
        return
    bcol = _parts(conn)["bcol"]
    ordered = sorted(set(days))
    for first in range(0, len(ordered), DAYS_PER_STATEMENT):
        batch = ordered[first:first + DAYS_PER_STATEMENT]
        marks = ", ".join("?" * len(batch))
        for sign in (-1, 1):  # out of the months as they were; in again as they are
            if sign > 0:
                conn.execute(f"DELETE FROM {TABLE} WHERE dim IN ({_CODES})"
                             f" AND day IN ({marks})", batch)
                _fill(conn, f"WHERE {{order_day}} IN ({marks})", tuple(batch))
            for length in (7, 4):
                conn.execute(_month_delta_days(conn, bcol, length, len(batch)),
                             (*([sign] * len(_SUMS)), *batch))
        months = {month_number(order_days.iso_day(day)) for day in batch}
        periods = sorted(months | {month // 100 for month in months})
        # (every dim code: the primary key is searched, not the whole table scanned)
        conn.execute(f"DELETE FROM {MONTH_TABLE} WHERE dim IN ({_CODES}) AND month IN"
                     f" ({', '.join('?' * len(periods))}) AND lines = 0", periods)


def refresh_contact(conn: sqlite3.Connection, contact_id: int) -> None:
    """Recompute the days of a contact's sales (its sales moved to it from another contact,
    a merge or its undo: the customer breakdown of those days changed)."""
    if not exists(conn):
        return
    days = [r[0] for r in conn.execute(
        f"SELECT DISTINCT {_order_day_sql(conn)} FROM orders o WHERE o.contact_id = ?",
        (contact_id,))]
    _refresh_day_numbers(conn, days)


def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute every row from the sale lines (inside the caller's transaction)."""
    if not exists(conn):
        return
    conn.execute(f"DELETE FROM {TABLE}")
    _fill(conn, "", ())
    conn.execute(f"DELETE FROM {MONTH_TABLE}")
    bcol = _parts(conn)["bcol"]
    for length in (7, 4):
        period = _period_of_day_sql(conn, "day", length)
        conn.execute(f"INSERT INTO {MONTH_TABLE} (dim, month, key{bcol}, {', '.join(_SUMS)})"
                     f" SELECT dim, {period}, key{bcol},"
                     f" {', '.join(f'SUM({c})' for c in _SUMS)} FROM {TABLE}"
                     f" GROUP BY dim, {period}, key{bcol}")


def snapshot(conn: sqlite3.Connection) -> list[tuple]:
    """Every row of both tables, sorted (tests compare incremental and rebuilt rollups)."""
    if not exists(conn):
        return []
    return sorted(conn.execute(f"SELECT * FROM {TABLE}").fetchall()) + sorted(
        ("month", *row) for row in conn.execute(f"SELECT * FROM {MONTH_TABLE}"))


# Which days a product sold on, read from the product rows of the rollup instead of an
# index of every sale line by product (schema.index_product_days): the sales table's
# product sort, the usual price of a product, the product a category change touches.
PRODUCT_DAYS_INDEX = (f"CREATE INDEX IF NOT EXISTS idx_breakdown_product_days ON {TABLE}"
                      f"(key, day, lines) WHERE dim = {DIM_CODES['product']}")


def product_days(conn: sqlite3.Connection, product_id: int | None, first: str | None = None,
                 last: str | None = None, newest: int | None = None) -> list[tuple[int, int]]:
    """[(day number, lines)…] ascending: the days (`orders.day`, days since 1970-01-01)
    with lines of `product_id` (None: lines without a product) between `first` and `last`
    ('YYYY-MM-DD') when given; with `newest`, only that many of the latest of them. The
    rollup leaves daily totals out of the product rows (KPI.md Conventions): the days of
    daily totals with a line of the product (few: a partial index of daily totals) are
    added."""
    clauses: list[str] = []
    params: list[object] = []
    if first:
        clauses.append("AND {day} >= ?")
        params.append(order_days.day_number(first))
    if last:
        clauses.append("AND {day} <= ?")
        params.append(order_days.day_number(last))
    tail = " ORDER BY 1 DESC LIMIT ?" if newest else ""
    bound = [newest] if newest else []
    order_day = _order_day_sql(conn)
    totals = " ".join(clauses).format(day=order_day)
    if not exists(conn):  # a file still being upgraded to the version that adds it
        return sorted(conn.execute(
            f"SELECT {order_day}, COUNT(*) FROM orders o CROSS JOIN sale_lines l"
            " ON l.order_id = o.id WHERE l.product_id IS ?"
            f" {totals} GROUP BY {order_day}{tail}", [product_id, *params, *bound]))
    days: dict[int, int] = {}
    for day, lines in conn.execute(
            f"SELECT day, SUM(lines) FROM {TABLE} WHERE dim = {DIM_CODES['product']}"
            f" AND key = ? {' '.join(clauses).format(day='day')} GROUP BY day{tail}",
            [product_id or 0, *params, *bound]):
        days[int(day)] = int(lines)
    # the daily totals through their own partial index, in its order (date, …): grouped
    # by its date text without sorting (+: the day index is not walked instead)
    daily = " ".join(clauses).format(day=f"+{order_day}")
    for day, lines in conn.execute(
            "SELECT o.date, COUNT(*) FROM orders o CROSS JOIN sale_lines l"
            " ON l.order_id = o.id WHERE o.is_daily_total = 1 AND l.product_id IS ?"
            f" {daily} GROUP BY o.date{tail}", [product_id, *params, *bound]):
        number = order_days.day_number(day)
        days[number] = days.get(number, 0) + int(lines)
    found = sorted(days.items())
    return found[-newest:] if newest else found


# What `number_breakdown_days` stores for what it finds in a shop file: the texts of the
# versions before, a number already, or a number written as text (a rollup rebuilt into
# the TEXT column by an earlier migration). The server: pg_schema._number_breakdown_days.
_DAY_FROM_TEXT = ("CASE WHEN typeof(day) = 'integer' THEN day"
                  f" WHEN day LIKE '____-__-__' THEN {order_days.day_of('day')}"
                  " ELSE CAST(day AS INTEGER) END")
_MONTH_FROM_TEXT = ("CASE WHEN typeof(month) = 'integer' THEN month"
                    " WHEN month LIKE '____-__' THEN CAST(substr(month, 1, 4) AS INTEGER) * 100"
                    " + CAST(substr(month, 6, 2) AS INTEGER) ELSE CAST(month AS INTEGER) END")


def number_breakdown_days(db: sqlite_utils.Database) -> None:
    """Schema migration: `breakdown_day.day` as the day number and `breakdown_month.month`
    as year * 100 + month or the year, instead of 'YYYY-MM-DD', 'YYYY-MM' and 'YYYY' (see
    the module): 2.6 MB of a 1M-line shop's 17.7 MB of days. Each table is made again in
    its key's order (WITHOUT ROWID), with the same columns in the same order and its
    indexes (PRODUCT_DAYS_INDEX). Idempotent: a table whose column is INTEGER and holds
    numbers only stays as it is."""
    from kpidesk.store import schema  # (schema imports this module)

    conn = db.conn
    if not exists(conn):
        return
    report_progress(0.0)
    moved = False
    for i, (table, column, convert) in enumerate(((TABLE, "day", _DAY_FROM_TEXT),
                                                  (MONTH_TABLE, "month", _MONTH_FROM_TEXT))):
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()
        kinds = {c[1]: (c[2] or "").upper() for c in info}
        if kinds.get(column) == "INTEGER" and conn.execute(
                f"SELECT 1 FROM {table} WHERE typeof({column}) <> 'integer' LIMIT 1"
        ).fetchone() is None:
            continue
        keys = [c[1] for c in sorted((c for c in info if c[5]), key=lambda c: c[5])]
        declared = []
        for _cid, name, kind, notnull, default, pk in info:
            text = f"{name} {'INTEGER' if name == column else kind or ''}".rstrip()
            if notnull or pk:
                text += " NOT NULL"
            if default is not None:
                text += f" DEFAULT {default}"
            declared.append(text)
        indexes = [r[0] for r in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
            " AND sql IS NOT NULL", (table,))]
        names = [c[1] for c in info]
        values = [convert if name == column else name for name in names]
        conn.execute(f"CREATE TABLE {table}_numbered ({', '.join(declared)},"
                     f" PRIMARY KEY ({', '.join(keys)})) WITHOUT ROWID")
        order = ", ".join(str(names.index(k) + 1) for k in keys)
        conn.execute(f"INSERT INTO {table}_numbered ({', '.join(names)})"
                     f" SELECT {', '.join(values)} FROM {table} ORDER BY {order}")
        moved = moved or conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE {table}_numbered RENAME TO {table}")
        for sql in indexes:
            conn.execute(sql)
        report_progress(0.7 if i == 0 else 1.0)
    report_progress(1.0)
    schema.compaction_wanted = schema.compaction_wanted or moved
