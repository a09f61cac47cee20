"""The at-risk list's walk down the revenue bounds reads its index alone
(`schema.cover_at_risk_walk`): a file of the version before upgrades to it with the same
list, and the migration may run twice."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kpidesk.metrics import customers as cm
from kpidesk.metrics.memo import clear_memo
from kpidesk.store import schema
from kpidesk.store.db import Store

TODAY = date(2026, 11, 26)
DAYS = (TODAY, date(2026, 5, 31), date(2025, 12, 31))


def _walk_plan(store: Store, bound: str) -> str:
    """The plan of the walk as customers._at_risk_top asks it, a later page included."""
    sql = (f"SELECT contact_id, last_purchase, usual_gap, {bound}, start, end FROM risk_spans"
           f" WHERE +start <= ? AND +end >= ? AND ({bound}, start, end, contact_id)"
           f" < (?, ?, ?, ?) AND {bound} >= 0 ORDER BY {bound} DESC, start DESC, end DESC,"
           " contact_id DESC LIMIT 100")
    params = (TODAY.isoformat(),) * 2 + (10**12, "9999", "9999", 10**9)
    return " / ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def _lists(store: Store) -> dict:
    """The list's first rows on a few days, in either currency."""
    lists = {}
    for currency in ("USD", "KHR"):
        store.set_setting("reporting_currency", currency)
        clear_memo()
        lists.update({(currency, d, k): cm.at_risk(store, d, limit=k)
                      for d in DAYS for k in (1, 20, 200)})
    return lists


@pytest.mark.parametrize("bound", ["bound_usd", "bound_khr"])
def test_the_walk_reads_the_index_alone_in_its_order(demo_store: Store, bound: str):
    plan = _walk_plan(demo_store, bound)
    assert "COVERING INDEX idx_risk_spans_" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # the index is in the list's order: no sort


def test_a_file_of_the_version_before_upgrades_to_the_same_list(demo_file: Path,
                                                                tmp_path: Path):
    path = tmp_path / "older.db"
    shutil.copy(demo_file, path)
    before = schema.MIGRATIONS.index(schema.cover_at_risk_walk)  # later ones run too
    with sqlite3.connect(path) as conn:  # the indexes as the version before made them
        for currency in ("usd", "khr"):
            conn.execute(f"DROP INDEX idx_risk_spans_{currency}")
            conn.execute(f"CREATE INDEX idx_risk_spans_{currency}"
                         f" ON risk_spans(bound_{currency}, start, end)")
        conn.execute(f"PRAGMA user_version = {before}")
    older = Store(path, upgrade_backup=False)
    try:
        assert older.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        assert "COVERING INDEX" in _walk_plan(older, "bound_usd")
        upgraded = _lists(older)
    finally:
        older.close()
    shutil.copy(demo_file, tmp_path / "fresh.db")
    fresh = Store(tmp_path / "fresh.db")
    try:
        assert upgraded == _lists(fresh)
        assert any(len(rows) == 20 for rows in upgraded.values())
        # run again: nothing changes
        sql = "SELECT name, sql FROM sqlite_master WHERE name LIKE 'idx_risk_spans_%'"
        indexes = sorted(fresh.conn.execute(sql))
        with fresh.transaction():
            schema.cover_at_risk_walk(fresh.db)
        assert sorted(fresh.conn.execute(sql)) == indexes
    finally:
        fresh.close()
