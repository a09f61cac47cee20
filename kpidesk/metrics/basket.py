"""Orders and basket by day (issue #18: the average order value card opens it): each day
of a period with its orders, revenue, average basket and items per order.

`orders` and `revenue` are the day breakdown's (KPI.md §1: refund receipts are not
orders; a daily total counts as its receipts). `average_basket` = revenue / orders,
half to even. Items per order counts receipts only, since a daily total carries no
items: `items` = quantity on the day's receipts (net of refunds) and `items_per_order`
= items / the day's orders less the receipts of its daily totals; None without any.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kpidesk.metrics import analysis
from kpidesk.metrics.growth import div_half_even
from kpidesk.store import breakdowns, order_days
from kpidesk.store.db import Store


@dataclass(frozen=True)
class BasketDay:
    day: str  # YYYY-MM-DD
    orders: int
    revenue: int  # minor units of the reporting currency
    average_basket: int | None
    items: float
    items_per_order: float | None


def orders_and_basket(store: Store, period: analysis.DateRange | str, today: date | str, *,
                      currency: str | None = None) -> list[BasketDay]:
    """The days of `period` up to today that have sales, in order."""
    days = analysis.breakdown(store, "day", period, today, currency=currency)
    if not days.rows:
        return []
    first, last = str(days.rows[0].key), str(days.rows[-1].key)
    # the product breakdown skips daily totals: its quantity is the receipts' items
    items = {order_days.iso_day(day): quantity for day, quantity in store.conn.execute(
        "SELECT day, SUM(quantity) FROM breakdown_day WHERE dim = ?"
        " AND day BETWEEN ? AND ? GROUP BY day",
        (breakdowns.DIM_CODES["product"], order_days.day_number(first),
         order_days.day_number(last)))}
    daily_receipts = dict(store.conn.execute(
        "SELECT date, SUM(IFNULL(receipts, 0)) FROM orders WHERE is_daily_total = 1"
        " AND date BETWEEN ? AND ? GROUP BY date", (first, last)).fetchall())
    out = []
    for row in days.rows:
        day = str(row.key)
        quantity = float(items.get(day) or 0)
        receipts = row.orders - int(daily_receipts.get(day) or 0)
        out.append(BasketDay(
            day, row.orders, row.revenue,
            div_half_even(row.revenue, row.orders) if row.orders > 0 else None,
            quantity, quantity / receipts if receipts > 0 else None))
    return out
