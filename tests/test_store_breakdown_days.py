"""The breakdown rollups store days and months as numbers (`breakdowns.number_breakdown_days`):
`breakdown_day.day` the day number, `breakdown_month.month` year * 100 + month or the
year. A written sale lands on those numbers (checked against the raw rows); a shop file
and a server database of the version before (texts) upgrade to the same rows, the same
breakdowns and the same KPIs; the migration may run twice."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kpidesk.metrics import analysis, basket
from kpidesk.metrics.memo import clear_memo
from kpidesk.store import breakdowns, dialect, order_days, schema
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order
from tests.conftest import DEMO_TODAY
from tests.test_store_migration import kpi_json

# period → its comparison: a month, a quarter, a whole year, the year in progress, a range
# across a year's end with partial months (read by day and by month)
PERIODS = {"2025-03": "2025-02", "2025-Q2": "2025-Q1", "2025": "2024", "2026": "2025",
           "2024-12-30..2026-01-02": None, "2025-02-14..2025-05-03": None}
TEXT_DAY = "date(day * 86400, 'unixepoch')"
TEXT_MONTH = ("CASE WHEN month > 9999 THEN printf('%04d-%02d', month / 100, month % 100)"
              " ELSE printf('%04d', month) END")


def _figures(store: Store) -> dict:
    clear_memo()
    found: dict = {}
    for period, compare in PERIODS.items():
        for by in analysis.BY:
            found[(by, period)] = analysis.breakdown(store, by, period, DEMO_TODAY,
                                                     compare=compare)
        found[("basket", period)] = basket.orders_and_basket(store, period, DEMO_TODAY)
    product = store.scalar("SELECT MIN(product_id) FROM sale_lines")
    found["product_days"] = breakdowns.product_days(store.conn, product)
    found["product_days_newest"] = breakdowns.product_days(store.conn, product,
                                                           last="2025-06-30", newest=5)
    return found


def _kinds(conn) -> list[str]:
    return [next(r[2] for r in conn.execute(f"PRAGMA table_info({t})") if r[1] == c)
            for t, c in ((breakdowns.TABLE, "day"), (breakdowns.MONTH_TABLE, "month"))]


def test_a_sale_lands_on_its_day_number_month_and_year(store: Store):
    """The rows of a written sale, on both stores: its day number, its month as
    year * 100 + month and its year; the sums those of the raw lines."""
    add_order(store, OrderInput("2024-02-29", [LineInput(amount=1250), LineInput(amount=-250)]))
    add_order(store, OrderInput("2024-03-01", [LineInput(amount=700)]))
    shop = breakdowns.DIM_CODES["shop"]
    rows = store.query(f"SELECT day, revenue_usd, lines FROM {breakdowns.TABLE}"
                       " WHERE dim = ? ORDER BY day", (shop,))
    raw = store.query("SELECT o.date, SUM(l.amount_usd), COUNT(*) FROM orders o"
                      " JOIN sale_lines l ON l.order_id = o.id GROUP BY o.date ORDER BY o.date")
    assert [tuple(r) for r in rows] == [(order_days.day_number(d), usd, n) for d, usd, n in raw]
    assert rows[0][0] == (date(2024, 2, 29) - date(1970, 1, 1)).days
    months = store.query(f"SELECT month, revenue_usd FROM {breakdowns.MONTH_TABLE}"
                         " WHERE dim = ? ORDER BY month", (shop,))
    assert [tuple(r) for r in months] == [(2024, 1700), (202402, 1000), (202403, 700)]
    assert breakdowns.period_number("2024-03") == 202403
    assert breakdowns.period_number("2024") == 2024
    # a day's refresh takes its rows out of the month and year again
    with store.transaction() as conn:
        conn.execute("DELETE FROM sale_lines WHERE order_id IN"
                     " (SELECT id FROM orders WHERE date = '2024-03-01')")
        conn.execute("DELETE FROM orders WHERE date = '2024-03-01'")
        breakdowns.refresh_days(conn, ["2024-03-01"])
    months = store.query(f"SELECT month, revenue_usd FROM {breakdowns.MONTH_TABLE}"
                         " WHERE dim = ? ORDER BY month", (shop,))
    assert [tuple(r) for r in months] == [(2024, 1000), (202402, 1000)]
    if not dialect.is_postgres(store.conn):
        assert _kinds(store.conn) == ["INTEGER", "INTEGER"]


@pytest.mark.parametrize("version_before", ["number_breakdown_days", "code_breakdown_dims"])
def test_a_file_of_the_version_before_upgrades_to_the_same_rows_and_figures(
        demo_file: Path, tmp_path: Path, version_before: str):
    """From the version just before, and from one older still (dims stored by name, no
    branch column: `code_breakdown_dims` then remakes the tables with the INTEGER day
    of this version, holding the texts, and turns the years' texts into numbers)."""
    path = tmp_path / "older.db"
    shutil.copy(demo_file, path)
    older_still = version_before == "code_breakdown_dims"
    before = schema.MIGRATIONS.index(getattr(breakdowns if not older_still else schema,
                                             version_before))
    names = {code: name for name, code in breakdowns.DIM_CODES.items()}
    dim_text = "CASE dim " + " ".join(f"WHEN {c} THEN '{n}'" for c, n in names.items()) + " END"
    with sqlite3.connect(path) as conn:  # the tables as the version before made them
        for table, column, text in ((breakdowns.TABLE, "day", TEXT_DAY),
                                    (breakdowns.MONTH_TABLE, "month", TEXT_MONTH)):
            create = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                  (table,)).fetchone()[0]
            indexes = [r[0] for r in conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
                " AND sql IS NOT NULL", (table,))]
            if older_still:  # (its product days' index came later)
                create, indexes = (breakdowns.SCHEMA if table == breakdowns.TABLE
                                   else breakdowns.MONTH_SCHEMA).replace("dim INTEGER",
                                                                         "dim TEXT"), []
            conn.execute(f"ALTER TABLE {table} RENAME TO {table}_old")
            conn.execute(create.replace(f"{column} INTEGER", f"{column} TEXT"))
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            values = [text if c == column else dim_text if c == "dim" and older_still else c
                      for c in columns]
            conn.execute(f"INSERT INTO {table} ({', '.join(columns)})"
                         f" SELECT {', '.join(values)} FROM {table}_old")
            conn.execute(f"DROP TABLE {table}_old")
            for sql in indexes:
                conn.execute(sql)
        conn.execute(f"PRAGMA user_version = {before}")
        assert _kinds(conn) == ["TEXT", "TEXT"]
        assert conn.execute(f"SELECT typeof(day), day FROM {breakdowns.TABLE}"
                            " ORDER BY day LIMIT 1").fetchone()[0] == "text"
        assert {r[0] for r in conn.execute(
            f"SELECT length(month) FROM {breakdowns.MONTH_TABLE}")} == {4, 7}
    fresh = Store(demo_file)
    try:
        expected_rows = breakdowns.snapshot(fresh.conn)
        expected = _figures(fresh)
        expected_indexes = sorted(fresh.query(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
            " AND tbl_name LIKE 'breakdown%' AND sql IS NOT NULL"))
    finally:
        fresh.close()
    expected_kpis = {m: kpi_json(demo_file, m) for m in ("2026-11", "2025-12", "2025-03")}

    stages: list[tuple[str, float]] = []
    older = Store(path, upgrade_backup=False, progress=lambda s, f: stages.append((s, f)))
    try:
        assert older.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        assert _kinds(older.conn) == ["INTEGER", "INTEGER"]
        assert older.scalar(f"SELECT count(*) FROM {breakdowns.TABLE}"
                            " WHERE typeof(day) <> 'integer'") == 0
        assert breakdowns.snapshot(older.conn) == expected_rows
        assert _figures(older) == expected
        assert len(expected[("customer", "2025")].rows) > 10
        assert sorted(older.query(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
            " AND tbl_name LIKE 'breakdown%' AND sql IS NOT NULL")) == expected_indexes
        assert ("upgrade", 1.0) in stages
        # run again: nothing changes
        with older.transaction():
            breakdowns.number_breakdown_days(older.db)
        assert breakdowns.snapshot(older.conn) == expected_rows
    finally:
        older.close()
    assert {m: kpi_json(path, m) for m in expected_kpis} == expected_kpis


def test_an_older_server_database_gets_its_days_as_numbers(pg_url):
    """`pg_schema._number_breakdown_days`: a database of the version before (texts in
    `day` and `month`) gets the same rows as numbers, and its sales are written as on a
    new database."""
    from kpidesk.store import rollups

    with Store(pg_url) as store:
        for day in ("2025-12-31", "2026-01-02"):
            add_order(store, OrderInput(day, [LineInput(amount=1000)]))
        expected = rollups.snapshot(store.conn)
        with store.transaction():  # the columns as the version before made them
            store.conn.execute(
                f"ALTER TABLE {breakdowns.TABLE} ALTER COLUMN day TYPE TEXT"
                " USING to_char(DATE '1970-01-01' + day::integer, 'YYYY-MM-DD')")
            store.conn.execute(
                f"ALTER TABLE {breakdowns.MONTH_TABLE} ALTER COLUMN month TYPE TEXT USING"
                " CASE WHEN month > 9999 THEN to_char(month / 100, 'FM0000') || '-'"
                " || to_char(month % 100, 'FM00') ELSE to_char(month, 'FM0000') END")
            store.conn.execute("UPDATE schema_version SET version = ?",
                               (schema.SCHEMA_VERSION - 1,))
            assert store.scalar(f"SELECT MIN(month) FROM {breakdowns.MONTH_TABLE}") == "2025"
    with Store(pg_url) as store:
        assert store.scalar("SELECT version FROM schema_version") == schema.SCHEMA_VERSION
        assert rollups.snapshot(store.conn) == expected
        assert store.scalar(f"SELECT MIN(day) FROM {breakdowns.TABLE}") == \
            order_days.day_number("2025-12-31")
        add_order(store, OrderInput("2026-01-03", [LineInput(amount=500)]))
        kept = rollups.snapshot(store.conn)
        with store.transaction() as conn:
            rollups.rebuild_all(conn)
        assert rollups.snapshot(store.conn) == kept
