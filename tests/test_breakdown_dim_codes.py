"""The breakdown rollups store each dimension's integer code (`schema.code_breakdown_dims`):
a file of the version before (dims stored by name) upgrades to the same rows, the same
breakdowns and the same plans (a range of the primary key), and the migration may run
twice."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from kpidesk.metrics import analysis
from kpidesk.metrics.memo import clear_memo
from kpidesk.store import breakdowns, schema
from kpidesk.store.db import Store
from tests.conftest import DEMO_TODAY

# period → its comparison (a month, a quarter, a whole year, the year in progress)
PERIODS = {"2025-03": "2025-02", "2025-Q2": "2025-Q1", "2025": "2024", "2026": "2025"}


def _breakdowns(store: Store) -> dict:
    clear_memo()
    found = {}
    for by in analysis.BY:
        for period, compare in PERIODS.items():
            found[(by, period)] = analysis.breakdown(store, by, period, DEMO_TODAY,
                                                     compare=compare)
    return found


def _plans(store: Store) -> list[str]:
    plans = []
    for table, column in ((breakdowns.TABLE, "day"), (breakdowns.MONTH_TABLE, "month")):
        sql = (f"EXPLAIN QUERY PLAN SELECT key, revenue_usd FROM {table}"
               f" WHERE dim = ? AND {column} BETWEEN ? AND ?")
        plans.append(" / ".join(r[3] for r in store.conn.execute(
            sql, (breakdowns.DIM_CODES["customer"], "2025-01", "2025-12-31"))))
    return plans


def _dim_kinds(conn) -> list[str]:
    return [next(r[2] for r in conn.execute(f"PRAGMA table_info({t})") if r[1] == "dim")
            for t in (breakdowns.TABLE, breakdowns.MONTH_TABLE)]


def test_a_file_of_the_version_before_upgrades_to_the_same_breakdowns(demo_file: Path,
                                                                     tmp_path: Path):
    path = tmp_path / "older.db"
    shutil.copy(demo_file, path)
    # the version before this migration (later, idempotent ones run again too)
    before = schema.MIGRATIONS.index(schema.code_breakdown_dims)
    names = {code: name for name, code in breakdowns.DIM_CODES.items()}
    with sqlite3.connect(path) as conn:  # the tables as the version before made them
        for table, create in ((breakdowns.TABLE, breakdowns.SCHEMA),
                              (breakdowns.MONTH_TABLE, breakdowns.MONTH_SCHEMA)):
            conn.execute(f"ALTER TABLE {table} RENAME TO {table}_old")
            conn.execute(create.replace("dim INTEGER", "dim TEXT"))
            # (a one-branch shop: every row of branch code 0, a column this version lacks)
            columns = ", ".join(r[1] for r in conn.execute(f"PRAGMA table_info({table}_old)")
                                if r[1] not in ("dim", "branch"))
            case = " ".join(f"WHEN {c} THEN '{n}'" for c, n in names.items())
            conn.execute(f"INSERT INTO {table} (dim, {columns}) SELECT CASE dim {case} END,"
                         f" {columns} FROM {table}_old")
            conn.execute(f"DROP TABLE {table}_old")
        conn.execute(f"PRAGMA user_version = {before}")
        assert _dim_kinds(conn) == ["TEXT", "TEXT"]
    fresh = Store(demo_file)
    try:
        expected_rows = breakdowns.snapshot(fresh.conn)
        expected = _breakdowns(fresh)
        expected_plans = _plans(fresh)
    finally:
        fresh.close()
    older = Store(path, upgrade_backup=False)
    try:
        assert older.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        assert _dim_kinds(older.conn) == ["INTEGER", "INTEGER"]
        assert breakdowns.snapshot(older.conn) == expected_rows
        assert _breakdowns(older) == expected
        assert _plans(older) == expected_plans
        assert len(expected[("customer", "2025")].rows) > 10
        assert all("USING PRIMARY KEY" in p and "SCAN" not in p for p in expected_plans)
        # run again: nothing changes
        with older.transaction():
            schema.code_breakdown_dims(older.db)
        assert breakdowns.snapshot(older.conn) == expected_rows
    finally:
        older.close()
