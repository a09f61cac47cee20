"""Orders' dates and times stored as day and minute numbers in a shop file
(`order_days.compact_order_days`): readers see the same `date` and `time`; a file of the
version before upgrades to the same rows, KPIs and export, and is smaller."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import AbstractContextManager
from datetime import date

import pytest

from kpidesk.store import dialect, order_days, schema
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order, get_order, update_order
from tests.test_store_migration import MONTHS, code_of_version, kpi_json
from tests.test_store_product_days import _export

TODAY = date(2026, 11, 26)
ORDER_ROWS = "SELECT id, uuid, number, date, time, contact_id, note, refund_of FROM orders"


def test_dates_and_times_read_back_as_written(store: Store):
    """Across 1970, a leap day and a minute either side of midnight; an edit moves them.
    A shop file stores days since 1970-01-01 and minutes since midnight."""
    written = [("1969-12-31", "00:00"), ("1970-01-01", None), ("2000-02-29", "23:59"),
               ("2026-11-26", "09:05")]
    ids = [add_order(store, OrderInput(day, [LineInput(amount=100)], time=time))
           for day, time in written]
    marks = ", ".join("?" * len(ids))
    read = store.conn.execute(f"SELECT date, time FROM orders WHERE id IN ({marks})"
                              " ORDER BY id", ids).fetchall()
    assert [tuple(r) for r in read] == written
    if not dialect.is_postgres(store.conn):
        assert order_days.compact(store.conn)
        stored = store.conn.execute("SELECT day, minute FROM orders ORDER BY id").fetchall()
        epoch = date(1970, 1, 1).toordinal()
        assert [tuple(r) for r in stored] == [
            (date.fromisoformat(d).toordinal() - epoch,
             None if t is None else int(t[:2]) * 60 + int(t[3:])) for d, t in written]
    order = get_order(store, ids[0])
    order.date, order.time = "2026-03-01", "12:30"
    update_order(store, ids[0], order)
    assert tuple(store.conn.execute("SELECT date, time FROM orders WHERE id = ?",
                                    (ids[0],)).fetchone()) == ("2026-03-01", "12:30")
    # the index of orders by date serves a period as before
    assert store.scalar("SELECT count(*) FROM orders WHERE date BETWEEN '2000-01-01'"
                        " AND '2026-03-31'") == 2


def test_the_stored_numbers_of_a_date_and_a_time():
    assert order_days.day_number("1970-01-01") == 0
    assert order_days.day_number("1969-12-31") == -1
    assert order_days.day_number("2026-11-26") == (date(2026, 11, 26) - date(1970, 1, 1)).days
    assert order_days.minute_number("23:59") == 23 * 60 + 59
    assert order_days.minute_number("") == order_days.NO_TIME_GIVEN
    assert order_days.minute_number(None) is None
    with pytest.raises(ValueError):
        order_days.minute_number("9:5")


def _version_before() -> AbstractContextManager[None]:
    """The code as the version before compact_order_days ran it: its migrations, and so
    its layout and its writers (texts in `date` and `time`)."""
    return code_of_version(schema.MIGRATIONS.index(order_days.compact_order_days))


def _with_day_numbers(path) -> None:
    """Today's readers on a file of the old layout: they find an order's day by `day`
    (order_days.ORDER_DAY_INDEXES), which that layout lacks; here it is the day of the
    stored text, so what they read is the old file's rows."""
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE orders ADD COLUMN day INTEGER GENERATED ALWAYS AS"
                     f" ({order_days.day_of('date')}) VIRTUAL")


@pytest.mark.sqlite_only("upgrades a shop file")
def test_a_shop_of_the_version_before_upgrades_to_the_same_rows_kpis_and_export(tmp_path):
    from kpidesk.demo import build_demo

    old = tmp_path / "old.db"
    with _version_before():
        with Store(old) as s:
            build_demo(s, months=24, lines=6000, today=TODAY, seed=3)
            assert not order_days.compact(s.conn)
            with s.transaction() as conn:  # a time given as '' (an older file may hold one)
                conn.execute("UPDATE orders SET time = '' WHERE id = 7")
        with sqlite3.connect(old) as conn:
            conn.execute("VACUUM")
            assert conn.execute("SELECT typeof(date), typeof(time) FROM orders WHERE id = 1"
                                ).fetchone() == ("text", "text")
            before_rows = conn.execute(f"{ORDER_ROWS} ORDER BY id").fetchall()
        assert before_rows[6][4] == ""
        kept = tmp_path / "kept.db"
        shutil.copy(old, kept)
        _with_day_numbers(kept)
        expected_kpis = {m: kpi_json(kept, m) for m in MONTHS[:4]}
        expected_export = _export(kept, tmp_path / "export-before")
    size_before = old.stat().st_size

    stages: list[tuple[str, float]] = []
    with Store(old, progress=lambda stage, f: stages.append((stage, f))) as s:
        assert s.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        assert order_days.compact(s.conn)
        assert s.conn.execute(f"{ORDER_ROWS} ORDER BY id").fetchall() == before_rows
        trigger = s.scalar("SELECT sql FROM sqlite_master WHERE name ="
                           " 'orders_changed_after_import'")
        assert "UPDATE OF number, day," in trigger
        indexes = {r[0] for r in s.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'")}
        assert {"idx_orders_day", "idx_orders_contact_day", "idx_orders_number"} <= indexes
        assert not {"idx_orders_date", "idx_orders_contact_date"} & indexes
        with s.transaction():  # again: nothing changes
            order_days.compact_order_days(s.db)
        assert s.conn.execute(f"{ORDER_ROWS} ORDER BY id").fetchall() == before_rows
    assert stages[0][0] == "backup" and ("upgrade", 1.0) in stages
    assert old.stat().st_size < size_before
    assert {m: kpi_json(old, m) for m in MONTHS[:4]} == expected_kpis
    assert _export(old, tmp_path / "export-after") == expected_export
