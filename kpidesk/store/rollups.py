"""The rollup tables the dashboard reads, kept equal to a recomputation from raw lines.

Each write recomputes the rollup rows of the keys it touched (days, and
customer-days) inside its own transaction. `rebuild_all()` recomputes
everything after a bulk import. An order is a refund receipt when its net
total in riel (the finer unit) is below zero; refund receipts are not
counted as orders or purchases, but their amounts count in revenue.

Per contact (`contacts` columns, from its purchase days = customer_day rows with
orders > 0): first_purchase, last_purchase, purchase_days (how many),
usual_gap (median of the days between consecutive purchase days; NULL below two
days) and loyal_from (the latest day D such that its orders on days ≥ D reach
the `loyal_min_orders` setting L; NULL below L orders): a contact whose
purchases all lie up to d is loyal on d exactly when loyal_from ≥ d − 364.
`cohort_month` counts the customers of each first-purchase month with a
purchase in each month; `month_revenue` totals `daily_revenue` by month; `day_rates`
counts the lines of each day and exchange rate (the range of rates in the file).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from kpidesk.store import (
    branches,
    breakdowns,
    customer_days,
    dialect,
    line_peaks,
    lookups,
    order_days,
)

# The branch code of an order's (or a contact's) row, for the rollups whose key ends with
# it (`branches.CODED_ROLLUPS`): {bsel} its value, {bjoin} what it reads. In a file of a
# version before the codes, 0 and nothing (`_branch_parts`).
_ORDER_TOTALS = """
    SELECT o.id, o.date AS day, IFNULL(o.salesperson_id, 0) AS sp,
           IFNULL(o.channel_id, 0) AS ch, o.contact_id, o.is_daily_total <> 0 AS daily,
           {receipts} AS receipts,
           SUM(l.amount_usd) AS usd, SUM(l.amount_khr) AS khr, MAX({bsel}) AS br
    FROM orders o JOIN sale_lines l ON l.order_id = o.id {bjoin}
    {where}
    GROUP BY o.id
"""

_DAILY_REVENUE = """
    INSERT INTO daily_revenue (day, salesperson_id, channel_id, category_id, currency, amount,
                               revenue_usd, revenue_khr, lines{bcol})
    SELECT o.date, IFNULL(o.salesperson_id, 0), IFNULL(o.channel_id, 0),
           IFNULL(p.category_id, 0), l.currency,
           SUM(l.amount), SUM(l.amount_usd), SUM(l.amount_khr), COUNT(*){bcolsel}
    FROM sale_lines l JOIN orders o ON o.id = l.order_id
    LEFT JOIN products p ON p.id = l.product_id {bjoin}
    {where}
    GROUP BY 1, 2, 3, 4, 5{bgroup}
"""

# A daily total counts as its receipts (KPI.md Conventions); one without a count is
# counted in no_receipts, which makes `orders` of its period "not available".
_DAILY_ORDERS = """
    INSERT INTO daily_orders (day, salesperson_id, channel_id, orders, refunds, no_receipts{bcol})
    SELECT day, sp, ch, SUM(CASE WHEN daily THEN IFNULL(receipts, 0) WHEN khr >= 0 THEN 1 ELSE 0 END),
           SUM(NOT daily AND khr < 0), SUM(daily AND receipts IS NULL){bcolbr}
    FROM (""" + _ORDER_TOTALS.replace("{receipts}", "o.receipts") + """)
    GROUP BY day, sp, ch{bcolbr}
"""

# The same for a file at schema version 2 (its migration rebuilds the rollups before the
# receipts columns exist): every order with a positive total is one order.
_DAILY_ORDERS_V2 = """
    INSERT INTO daily_orders (day, salesperson_id, channel_id, orders, refunds)
    SELECT day, sp, ch, SUM(khr >= 0), SUM(khr < 0)
    FROM (""" + _ORDER_TOTALS.replace("{receipts}", "NULL") + """)
    GROUP BY day, sp, ch
"""

# {oday}: the orders' day as customer_day stores it (`customer_days.numbered`): the day
# number `o.day`, or the date text of a file not upgraded yet
_CUSTOMER_DAY = """
    INSERT INTO customer_day (contact_id, day, orders, revenue_usd, revenue_khr)
    SELECT contact_id, day, SUM(khr >= 0), SUM(usd), SUM(khr)
    FROM (""" + _ORDER_TOTALS.replace("{receipts}", "NULL").replace(
        "o.date AS day", "{oday} AS day") + """)
    GROUP BY contact_id, day
"""
assert "{oday}" in _CUSTOMER_DAY


def _customer_day_sql(conn: sqlite3.Connection, where: str, numbered: bool) -> str:
    """The statement that fills customer_day from the orders `where` selects."""
    return _CUSTOMER_DAY.replace("{oday}", "o.day" if numbered else "o.date").format(
        where=where, **_branch_parts(conn))


def _has_receipts(conn: sqlite3.Connection) -> bool:
    return "no_receipts" in dialect.column_names(conn, "daily_orders")


_CUSTOMER_MONTH = """
    INSERT INTO customer_month
    SELECT contact_id, substr(day, 1, 7), SUM(orders), SUM(orders > 0),
           SUM(revenue_usd), SUM(revenue_khr)
    FROM {days}
    GROUP BY contact_id, substr(day, 1, 7)
"""

# From customer_lookups on, each month also keeps the day of its first purchase and the day
# its orders reach two (days of the month): a month's customers up to any of its days.
_CUSTOMER_MONTH_DAYS = """
    INSERT INTO customer_month (contact_id, month, orders, days, revenue_usd, revenue_khr,
                                first_day, second_day)
    SELECT contact_id, month, SUM(orders), SUM(orders > 0), SUM(revenue_usd),
           SUM(revenue_khr), MIN(CASE WHEN orders > 0 THEN dd END),
           MIN(CASE WHEN running >= 2 THEN dd END)
    FROM (SELECT contact_id, substr(day, 1, 7) AS month, CAST(substr(day, 9, 2) AS INTEGER)
                 AS dd, orders, revenue_usd, revenue_khr,
                 SUM(orders) OVER (PARTITION BY contact_id, substr(day, 1, 7) ORDER BY day
                                   ROWS UNBOUNDED PRECEDING) AS running
          FROM {days})
    GROUP BY contact_id, month
"""


def _customer_month_sql(conn: sqlite3.Connection) -> str:
    """The statement that fills customer_month, for the file's version; {where} narrows
    customer_day (its own columns: a day number from `number_customer_days` on, read as
    the date text)."""
    has_days = "first_day" in dialect.column_names(conn, "customer_month")
    sql = _CUSTOMER_MONTH_DAYS if has_days else _CUSTOMER_MONTH
    days = "customer_day {where}"
    if customer_days.numbered(conn):  # (one month of a contact: a handful of rows)
        days = (f"(SELECT contact_id, {customer_days.text_sql(conn, 'day')} AS day, orders,"
                " revenue_usd, revenue_khr FROM customer_day {where}) AS cd")
    return sql.replace("{days}", days)


def _customer_month_where(conn: sqlite3.Connection, contact_id: int, month: str
                          ) -> tuple[str, tuple]:
    """The {where} of one contact's month in customer_day, and its parameters."""
    if customer_days.numbered(conn):
        return ("WHERE contact_id = ? AND day BETWEEN ? AND ?",
                (contact_id, *customer_days.month_bounds(month)))
    return "WHERE contact_id = ? AND substr(day, 1, 7) = ?", (contact_id, month)


_DAY_RATES = """
    INSERT INTO day_rates
    SELECT o.date, l.rate, COUNT(*)
    FROM orders o JOIN sale_lines l ON l.order_id = o.id
    {where}
    GROUP BY 1, 2
"""

_MONTH_REVENUE = """
    INSERT INTO month_revenue (month, revenue_usd, revenue_khr{bcol})
    SELECT substr(day, 1, 7), SUM(revenue_usd), SUM(revenue_khr){bcolraw}
    FROM daily_revenue
    {where}
    GROUP BY 1{bcolraw}
"""

# {where} narrows customer_day (e.g. "AND contact_id = ?"); :loyal is L; {gap}, {first}
# and {last}: see _contact_summary_sql.
_CONTACT_SUMMARY = """
    WITH p AS (SELECT contact_id, day, orders FROM customer_day WHERE orders > 0 {where}),
    gaps AS (SELECT contact_id, {gap} AS gap FROM p),
    ranked AS (SELECT contact_id, gap,
                      ROW_NUMBER() OVER (PARTITION BY contact_id ORDER BY gap) AS rn,
                      COUNT(*) OVER (PARTITION BY contact_id) AS n
               FROM gaps WHERE gap IS NOT NULL),
    medians AS (SELECT contact_id, AVG(gap) AS gap FROM ranked
                WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY contact_id),
    latest AS (SELECT contact_id, day, SUM(orders) OVER (
                   PARTITION BY contact_id ORDER BY day DESC ROWS UNBOUNDED PRECEDING) AS n
               FROM p),
    loyal AS (SELECT contact_id, {last} AS day FROM latest WHERE n >= :loyal
              GROUP BY contact_id),
    summary AS (SELECT contact_id, {first} AS first, {last} AS last, COUNT(*) AS days
                FROM p GROUP BY contact_id)
    UPDATE contacts SET first_purchase = s.first, last_purchase = s.last,
                        purchase_days = s.days, usual_gap = s.gap, loyal_from = s.loyal
    FROM (SELECT summary.contact_id, first, last, days, medians.gap, loyal.day AS loyal
          FROM summary LEFT JOIN medians USING (contact_id) LEFT JOIN loyal USING (contact_id)
         ) AS s
    WHERE contacts.id = s.contact_id
"""


def _contact_summary_sql(conn: sqlite3.Connection) -> str:
    """_CONTACT_SUMMARY for the store's customer_day, with {where} left to fill: the days
    between purchases, and the first and last day as text. From day numbers
    (`number_customer_days` on) the gap is their difference and each day is written as
    its text; from an older file's texts, through julianday."""
    gap = "{d} - LAG({d}) OVER (PARTITION BY contact_id ORDER BY day)"
    if customer_days.numbered(conn):
        parts = {"{gap}": gap.format(d="day"),
                 "{first}": customer_days.text_sql(conn, "MIN(day)"),
                 "{last}": customer_days.text_sql(conn, "MAX(day)")}
    else:
        parts = {"{gap}": gap.format(d="julianday(day)"), "{first}": "MIN(day)",
                 "{last}": "MAX(day)"}
    sql = _CONTACT_SUMMARY
    for name, value in parts.items():
        sql = sql.replace(name, value)
    return sql


_CLEAR_SUMMARY = """
    UPDATE contacts SET first_purchase = NULL, last_purchase = NULL, purchase_days = 0,
                        usual_gap = NULL, loyal_from = NULL
    {where}
"""

# One contact's (cohort, month) cells, from its customer_month rows and first purchase.
_CONTACT_COHORT_CELLS = """
    SELECT substr(c.first_purchase, 1, 7), m.month, {bsel} FROM customer_month m
    JOIN contacts c ON c.id = m.contact_id {bjoin}
    WHERE m.contact_id = ? AND m.orders > 0 AND c.first_purchase IS NOT NULL
"""

_COHORT_MONTH = """
    INSERT INTO cohort_month (cohort, month, customers{bcol})
    SELECT substr(c.first_purchase, 1, 7), m.month, COUNT(*){bcolsel}
    FROM customer_month m JOIN contacts c ON c.id = m.contact_id {bjoin}
    WHERE m.orders > 0 GROUP BY 1, 2{bgroup3}
"""


def is_coded(conn: sqlite3.Connection) -> bool:
    """Whether the rollups carry the branch code in their key (from `add_branch_codes`)."""
    return "branch" in dialect.column_names(conn, "daily_revenue")


def _branch_parts(conn: sqlite3.Connection, row: str = "o") -> dict[str, str]:
    """What fills the branch placeholders of the statements above, for a row alias."""
    if not is_coded(conn):
        return {"bcol": "", "bsel": "0", "bcolsel": "", "bjoin": "", "bgroup": "",
                "bgroup3": "", "bcolbr": "", "bcolraw": ""}
    return {"bcol": ", branch", "bsel": "IFNULL(bc.code, 0)",
            "bcolsel": ", IFNULL(bc.code, 0)",
            "bjoin": f"LEFT JOIN branch_codes bc ON bc.name = {row}.branch",
            "bgroup": ", 10", "bgroup3": ", 4", "bcolbr": ", br", "bcolraw": ", branch"}


def _sql(conn: sqlite3.Connection, template: str, where: str, row: str = "o") -> str:
    return template.format(where=where, **_branch_parts(conn, row))


def refresh_days(conn: sqlite3.Connection, days: Iterable[str]) -> None:
    """Recompute daily_revenue, daily_orders and month_revenue for these days (every
    branch's rows of them)."""
    days = sorted(set(days))
    # a day's orders through the orders' day index (order_days.ORDER_DAY_INDEXES)
    daily_revenue = _sql(conn, _DAILY_REVENUE, "WHERE o.day = ?")
    daily_orders = _sql(conn, _DAILY_ORDERS, "WHERE o.day = ?")
    day_rates = _DAY_RATES.format(where="WHERE o.day = ?")
    for day in days:
        number = order_days.day_number(day)
        conn.execute("DELETE FROM daily_revenue WHERE day = ?", (day,))
        conn.execute("DELETE FROM daily_orders WHERE day = ?", (day,))
        conn.execute("DELETE FROM day_rates WHERE day = ?", (day,))
        conn.execute(daily_revenue, (number,))
        conn.execute(daily_orders, (number,))
        conn.execute(day_rates, (number,))
    breakdowns.refresh_days(conn, days)
    line_peaks.refresh_days(conn, days)
    month_revenue = _sql(conn, _MONTH_REVENUE, "WHERE day BETWEEN ? AND ?")
    for month in sorted({day[:7] for day in days}):
        conn.execute("DELETE FROM month_revenue WHERE month = ?", (month,))
        conn.execute(month_revenue, (month + "-01", month + "-31"))


def loyal_min_orders(conn: sqlite3.Connection) -> int:
    """L of loyal customers: the `loyal_min_orders` setting (default 3, at least 1)."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'loyal_min_orders'").fetchone()
    try:
        value = int(row[0]) if row else 3
    except (TypeError, ValueError):
        return 3
    return max(1, value) if value >= 0 else 3


def _cohort_cells(conn: sqlite3.Connection, contact_id: int, delta: int) -> None:
    """Add `delta` (+1 / −1) to every cohort_month cell the contact counts in now."""
    cells = conn.execute(_sql(conn, _CONTACT_COHORT_CELLS, "", "c"), (contact_id,)).fetchall()
    if is_coded(conn):
        conn.executemany(
            "INSERT INTO cohort_month (cohort, month, branch, customers) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (cohort, month, branch) DO UPDATE"
            " SET customers = customers + excluded.customers",
            [(cohort, month, code, delta) for cohort, month, code in cells])
    else:
        conn.executemany(
            "INSERT INTO cohort_month (cohort, month, customers) VALUES (?, ?, ?)"
            " ON CONFLICT (cohort, month) DO UPDATE SET customers = customers + excluded.customers",
            [(cohort, month, delta) for cohort, month, _code in cells])
    if delta < 0 and cells:
        conn.execute("DELETE FROM cohort_month WHERE customers <= 0")


def _refresh_summary(conn: sqlite3.Connection, contact_id: int) -> None:
    conn.execute(_CLEAR_SUMMARY.format(where="WHERE id = ?"), (contact_id,))
    conn.execute(_contact_summary_sql(conn).format(where="AND contact_id = :id"),
                 {"id": contact_id, "loyal": loyal_min_orders(conn)})


def journal(conn: sqlite3.Connection, contact_ids: Iterable[int | None]) -> None:
    """Note contacts whose rollups changed (None: every contact), for readers that keep
    results per contact across writes (the at-risk list). A TEMP table: private to this
    connection and rolled back with the write that made the entries."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS contact_journal"
                 " (seq INTEGER PRIMARY KEY, contact_id INTEGER)")
    conn.executemany("INSERT INTO temp.contact_journal (contact_id) VALUES (?)",
                     [(c,) for c in contact_ids])


def refresh_summaries(conn: sqlite3.Connection) -> None:
    """Recompute every contact's purchase summary (after a rebuild, or when the
    `loyal_min_orders` setting its loyal_from depends on changed)."""
    journal(conn, [None])
    conn.execute(_CLEAR_SUMMARY.format(where=""))
    conn.execute(_contact_summary_sql(conn).format(where=""),
                 {"loyal": loyal_min_orders(conn)})
    lookups.rebuild(conn)


def refresh_customers(conn: sqlite3.Connection, pairs: Iterable[tuple[int | None, str]]) -> None:
    """Recompute customer_day, customer_month, cohort_month and the purchase summary of each
    contact for these (contact, day) pairs."""
    known: set[tuple[int, str]] = {(c, d) for c, d in pairs if c is not None}
    pairs = known
    contacts = sorted({c for c, _ in known})
    journal(conn, contacts)
    lookups.before(conn, contacts)
    for contact_id in contacts:  # out of the cohort cells as they were
        _cohort_cells(conn, contact_id, -1)
    numbered = customer_days.numbered(conn)
    # a contact's orders of a day through the index of orders by (contact, day)
    customer_day = _customer_day_sql(
        conn, "WHERE o.contact_id = ? AND o.day = ?" if numbered
        else "WHERE o.contact_id = ? AND o.date = ?", numbered)
    for contact_id, day in sorted(pairs):
        key = (contact_id, order_days.day_number(day) if numbered else day)
        conn.execute("DELETE FROM customer_day WHERE contact_id = ? AND day = ?", key)
        conn.execute(customer_day, key)
    customer_month = _customer_month_sql(conn)
    for contact_id, month in sorted({(c, d[:7]) for c, d in pairs}):
        conn.execute(
            "DELETE FROM customer_month WHERE contact_id = ? AND month = ?", (contact_id, month)
        )
        where, params = _customer_month_where(conn, contact_id, month)
        conn.execute(customer_month.format(where=where), params)
    for contact_id in contacts:
        _refresh_summary(conn, contact_id)
        _cohort_cells(conn, contact_id, +1)
    lookups.after(conn, contacts)


def refresh_contact(conn: sqlite3.Connection, contact_id: int) -> None:
    """Recompute every rollup row of one contact (after a merge or a bulk move of sales)."""
    breakdowns.refresh_contact(conn, contact_id)
    line_peaks.refresh_contact(conn, contact_id)
    journal(conn, [contact_id])
    lookups.before(conn, [contact_id])
    _cohort_cells(conn, contact_id, -1)
    conn.execute("DELETE FROM customer_day WHERE contact_id = ?", (contact_id,))
    conn.execute("DELETE FROM customer_month WHERE contact_id = ?", (contact_id,))
    conn.execute(_customer_day_sql(conn, "WHERE o.contact_id = ?",
                                   customer_days.numbered(conn)), (contact_id,))
    conn.execute(_customer_month_sql(conn).format(where="WHERE contact_id = ?"), (contact_id,))
    _refresh_summary(conn, contact_id)
    _cohort_cells(conn, contact_id, +1)
    lookups.after(conn, [contact_id])


def _existing(conn: sqlite3.Connection, tables: Iterable[str]) -> list[str]:
    """Those of `tables` the file has (an older migration rebuilds the rollups of a file
    that has not reached the later versions yet)."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in tables if t in have]


def rebuild_all(conn: sqlite3.Connection) -> None:
    """Recompute every rollup from the raw lines (inside the caller's transaction)."""
    tables = _existing(conn, ROLLUP_TABLES)
    for table in tables:
        conn.execute(f"DELETE FROM {table}")
    if is_coded(conn):
        branches.ensure_codes(conn)
    conn.execute(_sql(conn, _DAILY_REVENUE, ""))
    daily_orders = _DAILY_ORDERS if _has_receipts(conn) else _DAILY_ORDERS_V2
    conn.execute(_sql(conn, daily_orders, ""))
    if "day_rates" in tables:  # from lean_storage on
        conn.execute(_DAY_RATES.format(where=""))
    conn.execute(_sql(conn, _MONTH_REVENUE, ""))
    breakdowns.rebuild(conn)
    line_peaks.rebuild(conn)
    conn.execute(_customer_day_sql(conn, "WHERE o.contact_id IS NOT NULL",
                                   customer_days.numbered(conn)))
    conn.execute(_customer_month_sql(conn).format(where=""))
    refresh_summaries(conn)
    conn.execute(_sql(conn, _COHORT_MONTH, "", "c"))


ROLLUP_TABLES = ("daily_revenue", "daily_orders", "month_revenue", "customer_day",
                 "customer_month", "cohort_month", "day_rates")


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every rollup row, sorted (for tests comparing incremental and rebuilt rollups)."""
    result = {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall())
              for table in _existing(conn, ROLLUP_TABLES)}
    result["contacts"] = sorted(
        conn.execute("SELECT id, first_purchase, last_purchase, purchase_days, usual_gap,"
                     " loyal_from FROM contacts").fetchall()
    )
    result.update(lookups.snapshot(conn))
    result["breakdown_day"] = breakdowns.snapshot(conn)
    result["line_peaks_day"] = line_peaks.snapshot(conn)
    return result
