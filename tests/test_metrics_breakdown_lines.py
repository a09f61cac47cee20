"""The sale lines behind a breakdown row (the Analysis tab's detail list) are the period's
lines of that row, read from the raw rows here: for a customer, the walk-ins, a day, a
weekday, a product and an hour; newest day first (on a shop file and on PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.metrics import breakdown_lines
from kpidesk.store.db import Store
from tests.conftest import DEMO_TODAY

MONTH, FIRST, LAST = "2026-10", "2026-10-01", "2026-10-31"


def _raw(store: Store) -> list[dict]:
    cols = ("order_id", "date", "time", "contact_id", "product_id", "daily", "amount_usd")
    return [dict(zip(cols, r, strict=True)) for r in store.conn.execute(
        "SELECT o.id, o.date, o.time, o.contact_id, l.product_id, o.is_daily_total,"
        " l.amount_usd FROM orders o JOIN sale_lines l ON l.order_id = o.id")
        if FIRST <= r[1] <= LAST]


def _busiest(raw: list[dict], field: str) -> object:
    counts: dict = {}
    for line in raw:
        if line[field] is not None:
            counts[line[field]] = counts.get(line[field], 0) + 1
    return max(counts, key=lambda k: (counts[k], str(k)))


def test_each_row_s_lines_are_its_lines_of_the_period(demo_store: Store):
    raw = _raw(demo_store)
    customer, product, day = (_busiest(raw, f) for f in ("contact_id", "product_id", "date"))
    weekday = date.fromisoformat(day).isoweekday()
    rows = {
        ("customer", customer): lambda x: x["contact_id"] == customer,
        ("customer", None): lambda x: x["contact_id"] is None,
        ("product", product): lambda x: x["product_id"] == product and not x["daily"],
        ("day", day): lambda x: x["date"] == day,
        ("weekday", weekday):
            lambda x: date.fromisoformat(x["date"]).isoweekday() == weekday,
        ("hour", 14): lambda x: (x["time"] or "").startswith("14:"),
    }
    for (by, key), belongs in rows.items():
        expected = sorted((x["order_id"], x["amount_usd"]) for x in raw if belongs(x))
        assert expected, (by, key)  # each row has lines: the comparison is not of nothing
        found = breakdown_lines.lines_of(demo_store, by, key, MONTH, DEMO_TODAY,
                                         currency="USD", limit=100_000)
        assert sorted((v.order_id, v.amount) for v in found) == expected, (by, key)
        days = [v.date for v in found]
        assert days == sorted(days, reverse=True), (by, key)  # newest first


@pytest.mark.sqlite_only("the plan of a shop file's query")
def test_a_customer_s_lines_are_read_by_the_customer_s_index(demo_store: Store):
    customer = _busiest(_raw(demo_store), "contact_id")
    ran: list[str] = []
    demo_store.conn.set_trace_callback(ran.append)
    try:
        assert breakdown_lines.lines_of(demo_store, "customer", customer, MONTH, DEMO_TODAY)
    finally:
        demo_store.conn.set_trace_callback(None)
    (sql,) = [s for s in ran if "FROM orders o" in s]
    plan = " / ".join(r[3] for r in demo_store.conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert "idx_orders_contact_day (contact_id=? AND day>? AND day<?)" in plan, plan
