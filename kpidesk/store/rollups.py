"""The rollup tables the dashboard reads, kept equal to a recomputation from raw lines.

Each write recomputes the rollup rows of the keys it touched (days, and
customer-days) inside its own transaction. `rebuild_all()` recomputes
everything after a bulk import. An order is a refund receipt when its net
total in riel (the finer unit) is below zero; refund receipts are not
counted as orders or purchases, but their amounts count in revenue.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

_ORDER_TOTALS = """
    SELECT o.id, o.date AS day, IFNULL(o.salesperson_id, 0) AS sp,
           IFNULL(o.channel_id, 0) AS ch, o.contact_id,
           SUM(l.amount_usd) AS usd, SUM(l.amount_khr) AS khr
    FROM orders o JOIN sale_lines l ON l.order_id = o.id
    {where}
    GROUP BY o.id
"""

_DAILY_REVENUE = """
    INSERT INTO daily_revenue
    SELECT o.date, IFNULL(o.salesperson_id, 0), IFNULL(o.channel_id, 0),
           IFNULL(p.category_id, 0), l.currency,
           SUM(l.amount), SUM(l.amount_usd), SUM(l.amount_khr), COUNT(*)
    FROM sale_lines l JOIN orders o ON o.id = l.order_id
    LEFT JOIN products p ON p.id = l.product_id
    {where}
    GROUP BY 1, 2, 3, 4, 5
"""

_DAILY_ORDERS = """
    INSERT INTO daily_orders
    SELECT day, sp, ch, SUM(khr >= 0), SUM(khr < 0)
    FROM (""" + _ORDER_TOTALS + """)
    GROUP BY day, sp, ch
"""

_CUSTOMER_DAY = """
    INSERT INTO customer_day
    SELECT contact_id, day, SUM(khr >= 0), SUM(usd), SUM(khr)
    FROM (""" + _ORDER_TOTALS + """)
    GROUP BY contact_id, day
"""

_CUSTOMER_MONTH = """
    INSERT INTO customer_month
    SELECT contact_id, substr(day, 1, 7), SUM(orders), SUM(orders > 0),
           SUM(revenue_usd), SUM(revenue_khr)
    FROM customer_day
    {where}
    GROUP BY contact_id, substr(day, 1, 7)
"""

_CONTACT_PURCHASES = """
    UPDATE contacts SET
      first_purchase = (SELECT MIN(day) FROM customer_day d
                        WHERE d.contact_id = contacts.id AND d.orders > 0),
      last_purchase = (SELECT MAX(day) FROM customer_day d
                       WHERE d.contact_id = contacts.id AND d.orders > 0)
    {where}
"""


def refresh_days(conn: sqlite3.Connection, days: Iterable[str]) -> None:
    """Recompute daily_revenue and daily_orders for these days."""
    for day in sorted(set(days)):
        conn.execute("DELETE FROM daily_revenue WHERE day = ?", (day,))
        conn.execute("DELETE FROM daily_orders WHERE day = ?", (day,))
        conn.execute(_DAILY_REVENUE.format(where="WHERE o.date = ?"), (day,))
        conn.execute(_DAILY_ORDERS.format(where="WHERE o.date = ?"), (day,))


def refresh_customers(conn: sqlite3.Connection, pairs: Iterable[tuple[int | None, str]]) -> None:
    """Recompute customer_day, customer_month and first/last purchase for (contact, day) pairs."""
    pairs = {(c, d) for c, d in pairs if c is not None}
    for contact_id, day in sorted(pairs):
        conn.execute(
            "DELETE FROM customer_day WHERE contact_id = ? AND day = ?", (contact_id, day)
        )
        conn.execute(
            _CUSTOMER_DAY.format(where="WHERE o.contact_id = ? AND o.date = ?"), (contact_id, day)
        )
    for contact_id, month in sorted({(c, d[:7]) for c, d in pairs}):
        conn.execute(
            "DELETE FROM customer_month WHERE contact_id = ? AND month = ?", (contact_id, month)
        )
        conn.execute(
            _CUSTOMER_MONTH.format(where="WHERE contact_id = ? AND substr(day, 1, 7) = ?"),
            (contact_id, month),
        )
    for contact_id in sorted({c for c, _ in pairs}):
        conn.execute(_CONTACT_PURCHASES.format(where="WHERE id = ?"), (contact_id,))


def refresh_contact(conn: sqlite3.Connection, contact_id: int) -> None:
    """Recompute every rollup row of one contact (after a merge or a bulk move of sales)."""
    conn.execute("DELETE FROM customer_day WHERE contact_id = ?", (contact_id,))
    conn.execute("DELETE FROM customer_month WHERE contact_id = ?", (contact_id,))
    conn.execute(_CUSTOMER_DAY.format(where="WHERE o.contact_id = ?"), (contact_id,))
    conn.execute(_CUSTOMER_MONTH.format(where="WHERE contact_id = ?"), (contact_id,))
    conn.execute(_CONTACT_PURCHASES.format(where="WHERE id = ?"), (contact_id,))


def rebuild_all(conn: sqlite3.Connection) -> None:
    """Recompute every rollup from the raw lines (inside the caller's transaction)."""
    for table in ("daily_revenue", "daily_orders", "customer_day", "customer_month"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute(_DAILY_REVENUE.format(where=""))
    conn.execute(_DAILY_ORDERS.format(where=""))
    conn.execute(_CUSTOMER_DAY.format(where="WHERE o.contact_id IS NOT NULL"))
    conn.execute(_CUSTOMER_MONTH.format(where=""))
    conn.execute(_CONTACT_PURCHASES.format(where=""))


ROLLUP_TABLES = ("daily_revenue", "daily_orders", "customer_day", "customer_month")


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every rollup row, sorted (for tests comparing incremental and rebuilt rollups)."""
    result = {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall())
              for table in ROLLUP_TABLES}
    result["contacts"] = sorted(
        conn.execute("SELECT id, first_purchase, last_purchase FROM contacts").fetchall()
    )
    return result
