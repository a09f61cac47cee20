"""Sale lines without an index by product or quantity (`schema.index_product_days`): a
product's lines are found through the days it sold on (the breakdown rollup's product
rows, plus daily totals, which those rows leave out). Every reader gives what it gave
with the index; an older file upgrades to the same rows, export, KPIs and findings."""

from __future__ import annotations

import json
import shutil
import sqlite3
import statistics
from datetime import date
from pathlib import Path

import pytest

from kpidesk.io import exporter
from kpidesk.metrics import health
from kpidesk.store import breakdowns, order_days, reference, rollups, schema
from kpidesk.store.db import Store
from kpidesk.store.sales import (
    LineInput,
    OrderInput,
    add_order,
    latest_unit_values,
    usual_unit_price,
)
from tests.test_store_migration import MONTHS, kpi_json

TODAY = date(2026, 11, 26)
DROPPED = ("idx_lines_product", "idx_lines_quantity")


def _indexes(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_products_days_lines_use_and_usual_price(store: Store):
    """Days from the rollup and from daily totals (a product sold only on a daily total
    is in use); the usual price is the median of the latest lines computed from the raw
    rows; a product never sold is deleted, one in use kept but hidden."""
    rice, oil, soap, tea = (reference.add_named(store, "products", name)
                            for name in ("Rice", "Oil", "Soap", "Tea"))
    days = ["2025-12-31", "2026-01-01", "2026-01-02", "2026-03-15"]
    prices = [1200, 1300, 1250, 1400, 1600, 1100]
    for i, price in enumerate(prices):  # rice: two units a line, one line a refund
        amount = -price if i == 3 else 2 * price
        add_order(store, OrderInput(days[i % 3], [
            LineInput(amount=amount, currency="USD", rate=4100, product_id=rice, quantity=2),
            LineInput(amount=4100 * 3, currency="KHR", rate=4100, product_id=tea)]))
    add_order(store, OrderInput(days[3], [LineInput(amount=500, currency="USD", rate=4100)]))
    add_order(store, OrderInput(days[1], [LineInput(amount=90_000, currency="USD", rate=4100,
                                                    product_id=oil)],
                                is_daily_total=True, receipts=40))

    # the days as day numbers (days since 1970-01-01, as orders.day)
    number = [order_days.day_number(day) for day in days]
    assert breakdowns.product_days(store.conn, rice) == [(number[0], 2), (number[1], 2),
                                                         (number[2], 2)]
    assert breakdowns.product_days(store.conn, oil) == [(number[1], 1)]  # a daily total
    assert breakdowns.product_days(store.conn, soap) == []
    assert breakdowns.product_days(store.conn, None) == [(number[3], 1)]
    assert breakdowns.product_days(store.conn, rice, "2026-01-01", "2026-01-01") == [
        (number[1], 2)]
    assert breakdowns.product_days(store.conn, rice, newest=2) == [(number[1], 2),
                                                                   (number[2], 2)]
    assert breakdowns.product_days(store.conn, oil, "2026-01-02") == []

    # the latest lines sold (a refund is not a sale) in order of entry: the raw rows' median
    raw = store.conn.execute(
        "SELECT l.amount_usd, l.quantity FROM sale_lines l JOIN orders o ON o.id = l.order_id"
        " WHERE l.product_id = ? AND l.amount_usd > 0 AND l.quantity > 0"
        " ORDER BY o.id DESC, l.position DESC LIMIT 3", (rice,)).fetchall()
    assert usual_unit_price(store, rice, limit=3) == round(
        statistics.median(usd / qty for usd, qty in raw))
    assert usual_unit_price(store, rice) == round(statistics.median(
        [p for i, p in enumerate(prices) if i != 3]))
    assert usual_unit_price(store, tea) == 3 * 100  # riel lines at 4,100: $1 a unit
    assert usual_unit_price(store, soap) is None

    # the newest days first, further back while the lines wanted are not all found; a
    # sale entered last but dated long before (a late entry) is the latest one entered
    salt = reference.add_named(store, "products", "Salt")
    for day, amount in (("2024-02-28", 100), ("2024-12-31", 200), ("2025-01-01", 300),
                        ("2025-01-02", -300), ("2023-06-01", 50)):
        add_order(store, OrderInput(day, [LineInput(amount=amount, currency="USD",
                                                    rate=4100, product_id=salt)]))
    assert latest_unit_values(store.conn, salt, 2) == [(50, 1.0), (300, 1.0)]
    assert latest_unit_values(store.conn, salt, 3) == [(50, 1.0), (300, 1.0), (200, 1.0)]
    assert latest_unit_values(store.conn, salt, 9) == [(50, 1.0), (300, 1.0), (200, 1.0),
                                                       (100, 1.0)]

    for product in (rice, oil, soap):
        reference.remove_named(store, "products", product)
    left = dict(store.conn.execute("SELECT id, active FROM products").fetchall())
    assert left[rice] == 0 and left[oil] == 0 and soap not in left

    # a category change recomputes the category rollup of the day of a daily total too
    drinks = reference.add_named(store, "categories", "Drinks")
    reference.set_category(store, oil, drinks)
    assert store.conn.execute("SELECT SUM(revenue_usd) FROM daily_revenue WHERE day = ?"
                              " AND category_id = ?", (days[1], drinks)).fetchone()[0] == 90_000


def _as_version_before(source: Path, target: Path) -> None:
    """`source` as the version before index_product_days laid it out."""
    shutil.copy(source, target)
    with sqlite3.connect(target) as conn:
        conn.execute("CREATE INDEX idx_lines_product ON sale_lines(product_id)")
        conn.execute("CREATE INDEX idx_lines_quantity ON sale_lines(quantity)"
                     " WHERE quantity <> 1")
        conn.execute("DROP INDEX idx_breakdown_product_days")
        conn.execute(f"PRAGMA user_version = {schema.MIGRATIONS.index(schema.index_product_days)}")
    with sqlite3.connect(target) as conn:
        conn.execute("VACUUM")


def _export(path: Path, folder: Path) -> dict[str, bytes]:
    with Store(path, upgrade_backup=False) as s:
        exporter.export_all(s, folder)
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _readers(path: Path) -> tuple:
    """What the readers of a product's lines give: each product's usual price and the
    data check of two months."""
    with Store(path, upgrade_backup=False) as s:
        products = [r[0] for r in s.conn.execute("SELECT id FROM products ORDER BY id")]
        return ([usual_unit_price(s, p) for p in products],
                [json.dumps(health.check(s, month, TODAY).as_json(), sort_keys=True)
                 for month in ("2026-10", "2025-06")])


@pytest.mark.sqlite_only("upgrades a shop file")
def test_a_shop_of_the_version_before_upgrades_to_the_same_rows_kpis_and_readings(
        tmp_path, demo_file):
    shop = tmp_path / "shop.db"
    shutil.copy(demo_file, shop)
    with Store(shop, upgrade_backup=False) as s:  # a price far from its usual: a finding
        product = s.conn.execute("SELECT MIN(product_id) FROM sale_lines").fetchone()[0]
        add_order(s, OrderInput("2026-10-15", [LineInput(
            amount=40 * (usual_unit_price(s, product) or 0), currency="USD", rate=4100,
            product_id=product)]))
    demo_file = shop
    old = tmp_path / "old.db"
    _as_version_before(demo_file, old)
    with sqlite3.connect(old) as conn:
        assert set(DROPPED) <= _indexes(conn)
        before_rows = [conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                       for t in ("orders", "sale_lines", "breakdown_day")]
        # the usual prices as the index of lines by product gave them (newest order first)
        by_index = []
        for (product,) in conn.execute("SELECT id FROM products ORDER BY id").fetchall():
            values = sorted(usd / qty for usd, qty in conn.execute(
                "SELECT amount_usd, quantity FROM sale_lines INDEXED BY idx_lines_product"
                " WHERE product_id = ? AND amount_usd > 0 AND quantity > 0"
                " ORDER BY order_id DESC, position DESC LIMIT 50", (product,)))
            by_index.append(round(statistics.median(values)) if len(values) >= 3 else None)
    size_before = old.stat().st_size
    expected_export = _export(demo_file, tmp_path / "export-now")
    expected_kpis = {m: kpi_json(demo_file, m) for m in MONTHS}
    expected_readers = _readers(demo_file)
    assert expected_readers[0] == by_index and any(by_index)
    assert any(json.loads(x)["count"] for x in expected_readers[1])

    stages: list[tuple[str, float]] = []
    with Store(old, progress=lambda stage, f: stages.append((stage, f))) as s:
        assert s.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        assert not set(DROPPED) & _indexes(s.conn)
        assert "idx_breakdown_product_days" in _indexes(s.conn)
        assert [s.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                for t in ("orders", "sale_lines", "breakdown_day")] == before_rows
        with s.transaction() as conn:  # again: nothing changes
            schema.index_product_days(s.db)
            rollups.rebuild_all(conn)
        assert not set(DROPPED) & _indexes(s.conn)
    names = [s for i, (s, _) in enumerate(stages) if i == 0 or stages[i - 1][0] != s]
    assert names[0] == "backup" and "upgrade" in names and ("upgrade", 1.0) in stages
    assert old.stat().st_size < size_before  # compacted: the indexes' pages given back
    assert _export(old, tmp_path / "export-upgraded") == expected_export
    assert {m: kpi_json(old, m) for m in MONTHS} == expected_kpis
    assert _readers(old) == expected_readers


@pytest.mark.sqlite_only("reads SQLite's query plans")
def test_each_reader_of_a_products_lines_reads_no_line_outside_its_days(demo_store: Store):
    """No reader walks every line to find one product's (the plans of what they run)."""
    product = demo_store.conn.execute("SELECT MIN(product_id) FROM sale_lines").fetchone()[0]
    statements: list[str] = []
    demo_store.conn.set_trace_callback(statements.append)
    try:
        usual_unit_price(demo_store, product)
        breakdowns.product_days(demo_store.conn, product)
    finally:
        demo_store.conn.set_trace_callback(None)
    assert statements
    for sql in statements:
        plan = " | ".join(r[3] for r in demo_store.conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "SCAN l" not in plan and "SCAN sale_lines" not in plan, (sql, plan)
        assert "SCAN o" not in plan.replace("SCAN o USING INDEX idx_orders_daily_total",
                                            ""), (sql, plan)
