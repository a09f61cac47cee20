"""customer_day's day stored as a day number (`customer_days.number_customer_days`), on
both stores: callers give and get 'YYYY-MM-DD' texts as before; a file or a server
database of the version before is converted with the same rows."""

from __future__ import annotations

import sqlite3
import statistics
from datetime import date

import pytest

from kpidesk.store import customer_days, dialect, order_days, rollups, schema
from kpidesk.store.contacts import ContactInput, add_contact, contact_page
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order, get_order, update_order

TODAY = date(2026, 11, 26)
ROWS = "SELECT contact_id, day, orders, revenue_usd, revenue_khr FROM customer_day"


def _text_rows(conn) -> list[tuple]:
    """Every customer_day row with its day as text, in key order."""
    return [(c, customer_days.as_text(d), *rest)
            for c, d, *rest in conn.execute(f"{ROWS} ORDER BY contact_id, day").fetchall()]


def test_days_are_stored_as_numbers_and_read_back_as_text(store: Store):
    """Across 1970 and a leap day: stored as days since 1970-01-01, the contact's summary
    and page in text as before; an edit that moves a sale moves its customer-day; the
    rollups kept by each write equal a rebuild from the orders."""
    cid = add_contact(store, ContactInput(name="Dara", created="1969-12-01"))
    written = ["1969-12-31", "1970-01-01", "2000-02-29", "2000-03-10", "2026-11-26"]
    ids = [add_order(store, OrderInput(day, [LineInput(amount=1000 + i)], contact_id=cid))
           for i, day in enumerate(written)]
    add_order(store, OrderInput("2000-02-29", [LineInput(amount=500)], contact_id=cid))
    assert customer_days.numbered(store.conn)
    stored = store.conn.execute(f"{ROWS} WHERE contact_id = ? ORDER BY day", (cid,)).fetchall()
    assert [r[1] for r in stored] == [order_days.day_number(d) for d in written]
    assert [r[2] for r in stored] == [1, 1, 2, 1, 1]
    assert all(isinstance(r[1], int) for r in stored)
    summary = store.conn.execute("SELECT first_purchase, last_purchase, purchase_days,"
                                 " usual_gap, loyal_from FROM contacts WHERE id = ?",
                                 (cid,)).fetchone()
    ordinals = [date.fromisoformat(d).toordinal() for d in written]
    gaps = [b - a for a, b in zip(ordinals, ordinals[1:], strict=False)]
    # L = 3 orders are reached from 2000-02-29 on (two that day)
    assert tuple(summary) == ("1969-12-31", "2026-11-26", 5, statistics.median(gaps),
                              "2000-02-29")
    page = contact_page(store, cid)
    assert page["visit_days"] == written
    assert store.scalar("SELECT month FROM customer_month WHERE contact_id = ?"
                        " ORDER BY month LIMIT 1", (cid,)) == "1969-12"
    assert store.conn.execute(
        "SELECT month, orders, days, first_day, second_day FROM customer_month"
        " WHERE contact_id = ? AND month = '2000-02'", (cid,)).fetchone() == (
        "2000-02", 2, 1, 29, 29)

    order = get_order(store, ids[3])  # 2000-03-10 → 2000-03-11
    order.date = "2000-03-11"
    update_order(store, ids[3], order)
    assert contact_page(store, cid)["visit_days"] == [
        "1969-12-31", "1970-01-01", "2000-02-29", "2000-03-11", "2026-11-26"]
    kept = rollups.snapshot(store.conn)
    with store.transaction() as conn:
        rollups.rebuild_all(conn)
    assert rollups.snapshot(store.conn) == kept


def test_the_day_helpers():
    assert customer_days.month_bounds("2024-02") == (order_days.day_number("2024-02-01"),
                                                     order_days.day_number("2024-02-29"))
    assert customer_days.as_text(0) == "1970-01-01"
    assert customer_days.as_text("2026-01-02") == "2026-01-02"
    assert customer_days.as_text(None) is None
    conn = sqlite3.connect(":memory:")
    assert conn.execute(f"SELECT {customer_days.text_sql(conn, '?')}",
                        (order_days.day_number("2000-02-29"),)).fetchone()[0] == "2000-02-29"


def _before_rows(conn) -> list[tuple]:
    return conn.execute(f"{ROWS} ORDER BY contact_id, day").fetchall()


def write_customer_days_as_text(conn: sqlite3.Connection) -> None:
    """customer_day of a file back in the layout before the migration (day as text)."""
    conn.execute("CREATE TABLE customer_day_text (contact_id INTEGER NOT NULL,"
                 " day TEXT NOT NULL, orders INTEGER NOT NULL, revenue_usd INTEGER NOT NULL,"
                 " revenue_khr INTEGER NOT NULL, PRIMARY KEY (contact_id, day)) WITHOUT ROWID")
    conn.execute("INSERT INTO customer_day_text SELECT contact_id,"
                 " date(day * 86400, 'unixepoch'), orders, revenue_usd, revenue_khr"
                 " FROM customer_day ORDER BY contact_id, day")
    conn.execute("DROP TABLE customer_day")
    conn.execute("ALTER TABLE customer_day_text RENAME TO customer_day")
    before = schema.MIGRATIONS.index(customer_days.number_customer_days)
    conn.execute(f"PRAGMA user_version = {before}")


@pytest.mark.sqlite_only("upgrades a shop file")
def test_the_upgrade_is_idempotent_and_keeps_indexes_and_other_columns(tmp_path, demo_file):
    """An index and a column another migration put on customer_day come along; run again
    the migration changes nothing."""
    path = tmp_path / "shop.db"
    with sqlite3.connect(demo_file) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    with sqlite3.connect(path) as conn:
        expected = [(c, customer_days.as_text(d), *rest) for c, d, *rest in _before_rows(conn)]
        write_customer_days_as_text(conn)
        conn.execute("ALTER TABLE customer_day ADD COLUMN extra TEXT DEFAULT 'x'")
        conn.execute("UPDATE customer_day SET extra = 'y' || contact_id WHERE orders > 1")
        conn.execute("CREATE INDEX idx_customer_day_day ON customer_day(day, orders)")
        extra = conn.execute("SELECT contact_id, day, extra FROM customer_day"
                             " ORDER BY 1, 2").fetchall()
        assert conn.execute("SELECT typeof(day) FROM customer_day LIMIT 1").fetchone() == ("text",)
    assert len(expected) > 500
    with Store(path, upgrade_backup=False) as s:
        assert customer_days.numbered(s.conn)
        assert _text_rows(s.conn) == expected
        got = [(c, customer_days.as_text(d), x) for c, d, x in s.conn.execute(
            "SELECT contact_id, day, extra FROM customer_day ORDER BY 1, 2")]
        assert got == extra
        with s.transaction():
            customer_days.number_customer_days(s.db)
        assert _text_rows(s.conn) == expected
        assert s.scalar("SELECT sql FROM sqlite_master WHERE name = 'idx_customer_day_day'"
                        ) == "CREATE INDEX idx_customer_day_day ON customer_day(day, orders)"
        assert "WITHOUT ROWID" in s.scalar("SELECT sql FROM sqlite_master WHERE type = 'table'"
                                           " AND name = 'customer_day'")
        # an upgraded file takes writes and keeps its rollups equal to a rebuild
        cid = s.scalar("SELECT contact_id FROM customer_day ORDER BY orders DESC LIMIT 1")
        add_order(s, OrderInput(TODAY.isoformat(), [LineInput(amount=700)], contact_id=cid))
        kept = rollups.snapshot(s.conn)
        with s.transaction() as conn:
            rollups.rebuild_all(conn)
        assert rollups.snapshot(s.conn) == kept


def test_a_server_shop_of_the_version_before_is_converted(pg_url):
    """A PostgreSQL shop made before the migration (day as text) is given day numbers when
    opened, with the same rows, summaries and writes."""
    import psycopg

    from kpidesk.demo import build_demo

    with Store(pg_url) as s:
        build_demo(s, months=3, lines=400, today=TODAY, seed=2)
        expected = _text_rows(s.conn)
        summaries = s.conn.execute("SELECT id, first_purchase, last_purchase, usual_gap,"
                                   " loyal_from FROM contacts ORDER BY id").fetchall()
        assert customer_days.numbered(s.conn)
    assert expected
    with psycopg.connect(pg_url, autocommit=True) as raw:  # back to the layout before
        raw.execute("ALTER TABLE customer_day ALTER COLUMN day TYPE text"
                    " USING to_char(DATE '1970-01-01' + day::int, 'YYYY-MM-DD')")
        raw.execute("UPDATE schema_version SET version = %s", (schema.SCHEMA_VERSION - 1,))
    with Store(pg_url) as s:
        assert dialect.is_postgres(s.conn) and customer_days.numbered(s.conn)
        assert _text_rows(s.conn) == expected
        cid = expected[0][0]
        add_order(s, OrderInput(TODAY.isoformat(), [LineInput(amount=700)], contact_id=cid))
        assert contact_page(s, cid)["visit_days"][-1] == TODAY.isoformat()
        kept = rollups.snapshot(s.conn)
        with s.transaction() as conn:
            rollups.rebuild_all(conn)
        assert rollups.snapshot(s.conn) == kept
        assert s.conn.execute("SELECT id, first_purchase, last_purchase, usual_gap,"
                              " loyal_from FROM contacts WHERE id <> ? ORDER BY id",
                              (cid,)).fetchall() == [r for r in summaries if r[0] != cid]
