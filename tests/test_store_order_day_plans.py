"""The store's and the importer's queries of a day or a period of orders go through the
orders' day index (`order_days.ORDER_DAY_INDEXES`): no statement they run walks the whole
orders table, and they give what they gave when they read `date`."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from itertools import islice
from pathlib import Path

import pytest

from kpidesk.io import exporter
from kpidesk.io.importer import import_file
from kpidesk.store import backup_files, contacts, line_peaks, receipts, rollups, sales
from kpidesk.store.db import Store

pytestmark = pytest.mark.sqlite_only("reads SQLite's query plans")

WHOLE_ORDERS = re.compile(r"^SCAN (o|orders)\b")  # with or without an index: every order
COUNT_ALL = "SELECT count(*) FROM orders"  # how many orders a backup holds: all of them
# the daily rollups' statements of `rollups.refresh_days` (the breakdown and customer
# rollups it also refreshes have tests of their own)
DAILY_FILLS = ("INSERT INTO daily_revenue", "INSERT INTO daily_orders", "INSERT INTO day_rates",
               f"INSERT INTO {line_peaks.TABLE}", f"INSERT INTO {line_peaks.REPEAT_TABLE}")


def _statements(store: Store, call: Callable[[], object]) -> list[str]:
    """The statements `call` runs, with their values (SQLite's trace)."""
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        call()
    finally:
        store.conn.set_trace_callback(None)
    return seen


def _walks_of_all_orders(store: Store, statements: list[str]) -> list[tuple[str, str]]:
    found = []
    for sql in statements:
        if "orders" not in sql or sql == COUNT_ALL or not sql.lstrip().upper().startswith(
                ("SELECT", "INSERT", "UPDATE", "WITH")):
            continue
        for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql):
            if WHOLE_ORDERS.match(row[3]):
                found.append((sql, row[3]))
    return found


def test_the_readers_of_a_day_or_a_period_of_orders_use_the_day_index(demo_store: Store):
    conn = demo_store.conn
    first, last = demo_store.scalar("SELECT MIN(date) FROM orders"), \
        demo_store.scalar("SELECT MAX(date) FROM orders")
    contact = demo_store.scalar("SELECT contact_id FROM orders WHERE contact_id IS NOT NULL"
                                " GROUP BY contact_id ORDER BY COUNT(*) DESC LIMIT 1")
    number = demo_store.scalar("SELECT number FROM orders WHERE number <> ''"
                               " AND refund_of IS NULL ORDER BY id LIMIT 1")
    mid = demo_store.scalar("SELECT date FROM orders ORDER BY id LIMIT 1 OFFSET 100")

    def refresh_days() -> None:
        with demo_store.transaction() as c:
            rollups.refresh_days(c, [first, mid, last])

    def refresh_contact() -> None:
        with demo_store.transaction() as c:
            line_peaks.refresh_contact(c, contact)

    calls: dict[str, Callable[[], object]] = {
        "date_span": lambda: sales.date_span(demo_store),
        "last_rate_of_day": lambda: sales.last_rate_of_day(demo_store, mid),
        "contact_page": lambda: contacts.contact_page(demo_store, contact),
        "summarize": lambda: backup_files.summarize(conn),
        "sale_with_number": lambda: receipts.sale_with_number(demo_store, number),
        "line_peaks.refresh_contact": refresh_contact,
    }
    for name, call in calls.items():
        statements = _statements(demo_store, call)
        assert any("orders" in s for s in statements), name
        assert not _walks_of_all_orders(demo_store, statements), name
    fills = [s for s in _statements(demo_store, refresh_days) if s.lstrip().startswith(DAILY_FILLS)]
    assert len(fills) == 3 * len(DAILY_FILLS)
    assert not _walks_of_all_orders(demo_store, fills)


def test_the_day_index_readers_give_what_the_dates_give(demo_store: Store):
    """The same days (ISO text), rates and rows as the same questions asked of `date`."""
    conn = demo_store.conn
    assert sales.date_span(demo_store) == tuple(conn.execute(
        "SELECT MIN(date), MAX(date) FROM orders").fetchone())
    assert backup_files.summarize(conn)["last_sale"] == demo_store.scalar(
        "SELECT MAX(date) FROM orders")
    for day in conn.execute("SELECT DISTINCT date FROM orders ORDER BY date LIMIT 40"):
        assert sales.last_rate_of_day(demo_store, day[0]) == demo_store.scalar(
            "SELECT l.rate FROM orders o JOIN sale_lines l ON l.order_id = o.id"
            " WHERE o.date = ? ORDER BY o.id DESC, l.position DESC LIMIT 1", day)
    contact = demo_store.scalar("SELECT contact_id FROM orders WHERE contact_id IS NOT NULL"
                                " GROUP BY contact_id ORDER BY COUNT(*) DESC LIMIT 1")
    page = contacts.contact_page(demo_store, contact)
    assert [(p["order_id"], p["date"]) for p in page["purchases"]] == [tuple(r) for r in conn.execute(
        "SELECT id, date FROM orders WHERE contact_id = ? ORDER BY date DESC, id DESC",
        (contact,))]
    # the daily rollups made again day by day from the orders are those kept by the writes
    for _ in range(2):  # a repeat day: the customer's two orders of one day
        sales.add_order(demo_store, sales.OrderInput(
            "2026-03-04", [sales.LineInput(1500)], contact_id=contact))

    def daily_rows() -> dict[str, list]:
        return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
                for table in ("daily_revenue", "daily_orders", "day_rates", line_peaks.TABLE,
                              line_peaks.REPEAT_TABLE)}
    before = daily_rows()
    assert ("2026-03-04", 1) in before[line_peaks.REPEAT_TABLE]
    days = [r[0] for r in conn.execute("SELECT DISTINCT date FROM orders ORDER BY date")]
    with demo_store.transaction() as c:
        for table in before:
            c.execute(f"DELETE FROM {table}")
        rollups.refresh_days(c, days)
    assert daily_rows() == before
    with demo_store.transaction() as c:
        c.execute(f"DELETE FROM {line_peaks.REPEAT_TABLE}")
        line_peaks.refresh_contact(c, contact)
    assert conn.execute(f"SELECT * FROM {line_peaks.REPEAT_TABLE}").fetchall() == [
        ("2026-03-04", 1)]


def test_an_import_finds_known_orders_and_new_customers_first_days_by_the_day_index(
        demo_store: Store, tmp_path: Path):
    """A file of the shop's own export (orders known by their reference, looked up by the
    orders of their days) and a sale for a new customer (created = the day of its first
    sale, set by one statement): neither reads every order."""
    known = list(islice(exporter.records(demo_store, "sales"), 3))
    new = list(known[0])
    columns = exporter.COLUMNS["sales"]
    new[columns.index("customer")] = "Sokha New"
    new[columns.index("customer_ref")] = new[columns.index("order_ref")] = ""
    new[columns.index("order")] = "NEW-1"
    later = list(new)
    later[columns.index("date")], later[columns.index("order")] = "2020-01-02", "NEW-2"
    first = list(new)
    first[columns.index("date")], first[columns.index("order")] = "2020-01-01", "NEW-3"
    path = tmp_path / "sales.csv"
    exporter.write_table(path, columns, [*known, later, first])
    orders_before = demo_store.scalar("SELECT COUNT(*) FROM orders")
    statements = _statements(demo_store, lambda: import_file(demo_store, "sales", path))
    assert demo_store.scalar("SELECT COUNT(*) FROM orders") == orders_before + 2
    assert demo_store.scalar("SELECT created FROM contacts WHERE name = 'Sokha New'") \
        == "2020-01-01"
    by_day = [s for s in statements if s.startswith("SELECT uuid FROM orders WHERE")]
    first_days = [s for s in statements if s.startswith("UPDATE contacts SET created")]
    assert by_day and first_days
    assert not _walks_of_all_orders(demo_store, by_day + first_days)


def test_a_backup_of_an_old_version_tells_its_last_sale(v1_shop):
    """A file from before the day index (version 1) answers through its own date index."""
    conn = sqlite3.connect(v1_shop())
    try:
        expected = conn.execute("SELECT MAX(date) FROM orders").fetchone()[0]
        assert expected
        assert backup_files.summarize(conn)["last_sale"] == expected
    finally:
        conn.close()
