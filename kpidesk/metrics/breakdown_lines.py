"""The sale lines behind one breakdown row (the Analysis tab's detail list)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kpidesk.metrics.analysis import DateRange, _span, parse_range
from kpidesk.metrics.growth import as_date
from kpidesk.store.db import Store
from kpidesk.store.order_days import day_number


@dataclass(frozen=True)
class SaleLineView:
    """One sale line behind a breakdown row (the Analysis tab's detail list)."""

    order_id: int
    date: str
    time: str | None
    number: str
    product: str
    customer: str
    quantity: float
    amount: int  # in the reporting currency
    gross_profit: int | None


def lines_of(store: Store, by: str, key: int | str | None, period: DateRange | str,
             today: date | str, *, currency: str | None = None,
             limit: int = 500) -> list[SaleLineView]:
    """The sale lines behind one breakdown row, newest first (at most `limit`)."""
    today = as_date(today)
    currency = currency or store.reporting_currency
    period = parse_range(period) if isinstance(period, str) else period
    span = _span(period, today)
    if span is None:
        return []
    suffix = "usd" if currency == "USD" else "khr"
    # the orders by their stored day number: the index of orders by day
    where = ["o.day BETWEEN ? AND ?"]
    params: list[int | str | None] = [day_number(span[0].isoformat()),
                                      day_number(span[1].isoformat())]
    column = {"product": "l.product_id", "category": "p.category_id",
              "salesperson": "o.salesperson_id", "channel": "o.channel_id",
              "payment": "o.payment_id", "customer": "o.contact_id"}.get(by)
    if column is not None:
        if key is None:  # the row of no customer (walk-ins), of no product…
            where.append(f"{column} IS NULL")
        else:  # `=`, not `IS ?`: a customer's orders are in idx_orders_contact_day, whose
            # rows all have one (an `IS` that may match NULL cannot use that partial index)
            where.append(f"{column} = ?")
            params.append(key)
        if by == "product":
            where.append("o.is_daily_total = 0")
    elif by == "branch":  # this file's own rows have none (branches.py)
        from kpidesk.store.branches import branch_name

        own = key is None or key == branch_name(store)
        where.append("o.branch IS ?")
        params.append(None if own else key)
    elif by == "day":
        where.append("o.day = ?")
        params.append(day_number(str(key)))
    elif by == "weekday":  # ISO weekday 1 = Monday; SQLite's %w has 0 = Sunday
        where.append("CAST(strftime('%w', o.date) AS INTEGER) = ?")
        params.append(int(key or 0) % 7)  # a weekday row always has its number
    elif by == "hour":
        if key is None:
            where.append("(o.time IS NULL OR o.time = '')")
        else:
            where.append("substr(o.time, 1, 2) = ?")
            params.append(f"{int(key):02d}")
    rows = store.conn.execute(
        f"SELECT o.id, o.date, o.time, o.number, IFNULL(p.name, ''), IFNULL(c.name, ''),"
        f" l.quantity, l.amount_{suffix},"
        f" CASE WHEN l.cost_{suffix} IS NULL THEN NULL ELSE l.amount_{suffix} - l.cost_{suffix}"
        " END"
        " FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " LEFT JOIN products p ON p.id = l.product_id"
        " LEFT JOIN contacts c ON c.id = o.contact_id"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY o.day DESC, o.time DESC, o.id DESC, l.position LIMIT ?",
        (*params, limit)).fetchall()
    return [SaleLineView(*r) for r in rows]
