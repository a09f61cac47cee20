"""The monthly report's reads that became look-ups for #17 (the 10M-line report ≤ 2 s):
the best customers from the customer breakdown's rollup, the revenue bridge's new
customers from the first purchase's index, the health check's trading days by a skip
scan of the order dates and its customers created late by their creation day's index.
Each checked against the raw orders and lines."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kpidesk.metrics import bridge, health
from kpidesk.metrics.memo import clear_memo
from kpidesk.metrics.periods import parse_period
from kpidesk.reports.data import top_customers
from kpidesk.store import schema
from kpidesk.store.contacts import ContactInput, add_contact
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order

TODAY = date(2026, 11, 25)


def _raw_best(store: Store, first: str, last: str, currency: str) -> list[dict]:
    """KPI.md: a customer's revenue is the sum of their lines; orders count receipts whose
    net total is not below zero. Sorted by revenue, then orders."""
    col = "amount_usd" if currency == "USD" else "amount_khr"
    rows = store.conn.execute(
        f"SELECT o.contact_id, o.id, SUM(l.{col}), SUM(l.amount_khr) FROM orders o"
        " JOIN sale_lines l ON l.order_id = o.id WHERE o.contact_id IS NOT NULL"
        " AND o.date BETWEEN ? AND ? GROUP BY o.contact_id, o.id", (first, last)).fetchall()
    totals: dict[int, list[int]] = {}
    for contact, _order, revenue, khr in rows:
        entry = totals.setdefault(contact, [0, 0])
        entry[0] += revenue
        entry[1] += 1 if khr >= 0 else 0
    names = dict(store.conn.execute("SELECT id, name || '|' || phone FROM contacts"))
    best = sorted(totals.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))[:10]
    return [{"name": names[c].split("|")[0], "phone": names[c].split("|")[1],
             "orders": o, "revenue": r} for c, (r, o) in best]


@pytest.fixture
def shop(store: Store) -> Store:
    ids = [add_contact(store, ContactInput(f"Customer {i}", "2026-01-05", phone=f"0{i:08d}"))
           for i in range(14)]
    late = add_contact(store, ContactInput("Late", "2026-10-20", phone="099"))
    day = 0
    for month in ("2026-09", "2026-10", "2026-11"):
        for i, cid in enumerate(ids):
            if (i + len(month)) % 5 == 0 and month == "2026-10":
                continue  # some buy in September and not in October (lost)
            for k in range(1 + i % 3):
                day = 1 + (i * 3 + k * 7) % 25
                add_order(store, OrderInput(
                    f"{month}-{day:02d}", [LineInput(1000 + 250 * i + 100 * k,
                                                     currency="USD" if k % 2 == 0 else "KHR",
                                                     rate=4100)],
                    contact_id=cid, number=f"{month}-{i}-{k}"))
        # a refund receipt: revenue down, no order
        add_order(store, OrderInput(f"{month}-15", [LineInput(-600)], contact_id=ids[3],
                                    number=f"{month}-refund"))
        # walk-ins count in no customer's figures
        add_order(store, OrderInput(f"{month}-16", [LineInput(90_000)], number=f"{month}-w"))
    # a tie in revenue, broken by orders: one order against two
    one, two = (add_contact(store, ContactInput(name, "2026-01-05", phone="0"))
                for name in ("One order", "Two orders"))
    add_order(store, OrderInput("2026-10-26", [LineInput(50_000)], contact_id=one,
                                number="tie-1"))
    for k in range(2):
        add_order(store, OrderInput("2026-10-27", [LineInput(25_000)], contact_id=two,
                                    number=f"tie-2-{k}"))
    # bought before being created: a health finding read through the creation day's index
    add_order(store, OrderInput("2026-10-10", [LineInput(1200)], contact_id=late,
                                number="EARLY"))
    clear_memo()
    return store


@pytest.mark.parametrize("currency", ["USD", "KHR"])
@pytest.mark.parametrize("month, upto", [("2026-10", None), ("2026-11", date(2026, 11, 12)),
                                         ("2026-09", date(2026, 9, 30))])
def test_best_customers_are_those_of_the_raw_lines(shop: Store, currency, month, upto):
    period = parse_period(month)
    last = min(period.end, upto) if upto else period.end
    found = top_customers(shop, month, currency, upto=upto)
    assert found == _raw_best(shop, period.first_day, last.isoformat(), currency)
    assert len(found) == 10
    if month == "2026-10":
        assert [c["name"] for c in found[:2]] == ["Two orders", "One order"]


def test_the_bridge_splits_customers_as_the_raw_lines_do(shop: Store):
    b = bridge.revenue_bridge(shop, "2026-10", TODAY, "mom")
    assert b is not None
    per = {}
    for month in ("2026-09", "2026-10"):
        per[month] = dict(shop.conn.execute(
            "SELECT o.contact_id, SUM(l.amount_usd) FROM orders o JOIN sale_lines l"
            " ON l.order_id = o.id WHERE o.contact_id IS NOT NULL AND substr(o.date, 1, 7) = ?"
            " GROUP BY 1", (month,)))
    firsts = dict(shop.conn.execute(
        "SELECT o.contact_id, MIN(o.date) FROM orders o WHERE o.contact_id IS NOT NULL"
        " GROUP BY 1"))
    before, after = per["2026-09"], per["2026-10"]
    new = {c: v for c, v in after.items() if c not in before and firsts[c] >= "2026-10-01"}
    assert new and b.customers["new"] == new
    assert b.customers["reactivated"] == {c: v for c, v in after.items()
                                          if c not in before and c not in new}
    assert b.customers["lost"] == {c: -v for c, v in before.items() if c not in after}
    assert sum(b.components[c] for c in bridge.CUSTOMER_COMPONENTS) == b.change
    # the same bridge however it is asked for: one result remembered
    assert bridge.revenue_bridge(shop, "2026-10", "2026-11-25", "mom",
                                 currency=shop.reporting_currency) is b


def test_trading_days_and_late_customers_as_the_raw_orders(shop: Store):
    found = health.check(shop, "2026-10", TODAY)
    assert [f.rows[0].number for f in found.findings if f.kind == "before_created"] \
        == ["EARLY"]
    days = {d for (d,) in shop.conn.execute(
        "SELECT DISTINCT date FROM orders WHERE date BETWEEN '2026-08-06' AND '2026-10-31'")}
    missing = [d for f in found.findings if f.kind == "missing_days" for d in f.dates]
    assert not set(missing) & days


def test_a_file_of_the_version_before_gets_the_creation_index(demo_file: Path,
                                                              tmp_path: Path):
    path = tmp_path / "older.db"
    shutil.copy(demo_file, path)
    before = schema.MIGRATIONS.index(schema.index_contacts_created)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX idx_contacts_created")
        conn.execute(f"PRAGMA user_version = {before}")
    older = Store(path, upgrade_backup=False)
    try:
        assert older.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        plan = " ".join(str(r) for r in older.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE created > '2026-10-01'"))
        assert "idx_contacts_created" in plan, plan
        with older.transaction():  # idempotent
            schema.index_contacts_created(older.db)
    finally:
        older.close()
