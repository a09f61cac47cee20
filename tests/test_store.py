"""Store: opening, schema, transactions, rollups against a recomputation."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpidesk.store import rollups, schema
from kpidesk.store.db import Store
from kpidesk.store.errors import NewerSchemaError, NotAStoreError, ValidationError
from kpidesk.store.money import convert, to_minor
from kpidesk.store.sales import LineInput, OrderInput, add_order, delete_order, update_order
from tests.conftest import forget_receipt_details


@pytest.mark.sqlite_only("WAL and user_version are the file's own")
def test_new_file_gets_schema_wal_and_defaults(store: Store):
    assert store.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
    assert store.scalar("PRAGMA application_id") == schema.APPLICATION_ID
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert [s["name"] for s in store.query("SELECT name FROM stages ORDER BY position")] == [
        "New", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]
    assert store.reporting_currency == "USD"


def test_other_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAStoreError):
        Store(path)


def test_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not a database, just some notes " * 50)
    with pytest.raises(NotAStoreError):
        Store(path)
    assert path.read_text().startswith("this is not a database")


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerSchemaError):
        Store(path)


def test_migration_backs_up_first(tmp_path, monkeypatch):
    path = tmp_path / "shop.db"
    with Store(path) as s:
        add_order(s, OrderInput("2026-01-05", [LineInput(1000)]))
    calls = []
    current, following = schema.SCHEMA_VERSION, schema.SCHEMA_VERSION + 1

    def to_next(db):
        calls.append(1)
        db.execute("ALTER TABLE orders ADD COLUMN extra TEXT")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", following)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, to_next])
    with Store(path) as s:
        assert s.scalar("PRAGMA user_version") == following
    backups = list((tmp_path / "backups").glob(f"shop-*-before-v{following}-n*.zip"))
    assert calls == [1] and len(backups) == 1
    from kpidesk.store.backup_archive import opened_backup

    with opened_backup(backups[0], path) as copy:
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == current
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 1
        conn.close()


def test_failed_write_rolls_back_everything(store: Store):
    with pytest.raises(RuntimeError), store.transaction():
        add_order(store, OrderInput("2026-01-05", [LineInput(1000)]))
        raise RuntimeError("boom")
    assert store.scalar("SELECT count(*) FROM orders") == 0
    assert store.scalar("SELECT count(*) FROM daily_revenue") == 0


def test_invalid_order_saves_nothing(store: Store):
    with pytest.raises(ValidationError) as err:
        add_order(store, OrderInput("2026-02-30", [LineInput(1000)]))
    assert err.value.code == "bad_date"
    with pytest.raises(ValidationError):
        add_order(store, OrderInput("2026-02-01", [LineInput(1000, rate=0)]))
    assert store.scalar("SELECT count(*) FROM orders") == 0


def test_listeners_hear_only_committed_writes(store: Store):
    heard = []
    store.subscribe(heard.append)
    add_order(store, OrderInput("2026-01-05", [LineInput(1000)]))
    with pytest.raises(RuntimeError), store.transaction():
        add_order(store, OrderInput("2026-01-06", [LineInput(1000)]))
        raise RuntimeError
    assert heard == [{"sales"}]


def test_conversion_rounds_half_to_even():
    assert convert(205, "KHR", 4100) == (5, 205)  # 5.0 cents exactly
    assert convert(6150, "KHR", 4100) == (150, 6150)
    assert convert(2050, "KHR", 4100) == (50, 2050)
    assert convert(20500 + 2050, "KHR", 4100) == (550, 22550)
    # 0.5 cent cases: 20.5 riel at rate 4100 → 0.5 cent → 0 (even); 61.5 → 1.5 → 2
    assert convert(1, "USD", 4150) == (1, 42)  # 41.5 → 42 (even)
    assert convert(1, "USD", 4050) == (1, 40)  # 40.5 → 40 (even)
    assert to_minor("12.345", "USD") == 1234 and to_minor("12.355", "USD") == 1236


contacts = st.sampled_from([None, 1, 2])
days = st.sampled_from(["2026-01-30", "2026-01-31", "2026-02-01", "2026-03-15"])
lines = st.lists(
    st.builds(LineInput, amount=st.integers(-5000, 50000),
              currency=st.sampled_from(["USD", "KHR"]), rate=st.sampled_from([4000, 4100])),
    min_size=1, max_size=3)
orders = st.builds(OrderInput, date=days, lines=lines, contact_id=contacts,
                   salesperson_id=st.sampled_from([None, 1]))
ops = st.lists(st.tuples(st.sampled_from(["add", "update", "delete"]), orders,
                         st.integers(0, 10)), max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops)
def test_rollups_equal_recomputation_after_any_writes(tmp_path_factory, operations):
    with Store(tmp_path_factory.mktemp("r") / "s.db") as s:
        s.conn.execute("INSERT INTO salespeople(uuid, name) VALUES ('u1', 'A')")
        for i in (1, 2):
            s.conn.execute("INSERT INTO contacts(uuid, kind, name, created) VALUES (?, 'customer', ?,"
                           " '2026-01-01')", (f"c{i}", f"C{i}"))
        ids: list[int] = []
        for op, order, pick in operations:
            if op == "add" or not ids:
                ids.append(add_order(s, order))
            elif op == "update":
                update_order(s, ids[pick % len(ids)], order)
            else:
                delete_order(s, ids.pop(pick % len(ids)))
        incremental = rollups.snapshot(s.conn)
        with s.transaction():
            rollups.rebuild_all(s.conn)
        assert rollups.snapshot(s.conn) == incremental


def test_a_version_1_shop_is_migrated_with_identical_kpis(tmp_path, v1_shop):
    from kpidesk.demo import build_demo
    from kpidesk.metrics.kpis import all_kpis

    today = date(2026, 11, 26)
    old = v1_shop()
    with Store(tmp_path / "fresh.db") as fresh:
        build_demo(fresh, months=24, lines=1500, today=today, seed=11)
        forget_receipt_details(fresh)
        expected = {m: all_kpis(fresh, m, today) for m in ("2026-11", "2026-06", "2025-12")}
    with Store(old) as s:
        assert s.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        got = {m: all_kpis(s, m, today) for m in expected}
        # The one figure a version-1 file cannot have: the weighted pipeline of a past month
        # end needs each opportunity's stages as they went, which it never kept (a fresh demo
        # records them; the old file's closed deals count at the last open stage then).
        for month in ("2026-06", "2025-12"):
            assert got[month].pop("weighted_pipeline") != expected[month].pop(
                "weighted_pipeline")
            got[month].pop("pipeline_by_stage")  # the same figures, by stage
            expected[month].pop("pipeline_by_stage")
        assert got == expected
        migrated = rollups.snapshot(s.conn)
        with s.transaction():
            rollups.rebuild_all(s.conn)
        assert rollups.snapshot(s.conn) == migrated
    backups = list((old.parent / "backups").glob("old-shop-*-before-v2-n1-*.zip"))
    assert len(backups) == 1
    from kpidesk.store.backup_archive import opened_backup

    with opened_backup(backups[0], old) as copy:
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        conn.close()


def test_restoring_a_version_1_backup_into_the_open_shop(tmp_path, v1_shop):
    from kpidesk.metrics import customers
    from kpidesk.store import backup_restore

    today = date(2026, 11, 26)
    with Store(v1_shop("first")) as s:
        expected = (customers.customer_kpis(s, "2026-11", today), customers.at_risk(s, today))
    saved = v1_shop("second")
    with Store(tmp_path / "shop.db") as s:
        add_order(s, OrderInput("2026-01-05", [LineInput(1000)]))
        assert customers.at_risk(s, today) == []  # remembered before the restore
        backup_restore.restore_into(s, saved)
        assert s.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        assert customers.at_risk(s, today) == expected[1] != []
        assert customers.customer_kpis(s, "2026-11", today) == expected[0]


def test_restoring_into_the_open_shop_forgets_remembered_figures(v1_shop):
    from kpidesk.metrics import customers
    from kpidesk.store import backup, backup_restore

    today = date(2026, 11, 26)
    with Store(v1_shop()) as s:
        saved = backup.make_backup(s, "manual").path
        before = customers.at_risk(s, today)
        kpis = customers.customer_kpis(s, "2026-11", today)
        back = before[0]["contact_id"]  # comes back today: off the list
        add_order(s, OrderInput(today.isoformat(), [LineInput(1000)], contact_id=back))
        assert back not in {r["contact_id"] for r in customers.at_risk(s, today)}
        assert customers.customer_kpis(s, "2026-11", today) != kpis
        backup_restore.restore_into(s, saved)
        assert customers.at_risk(s, today) == before
        assert customers.customer_kpis(s, "2026-11", today) == kpis
