"""A shop on a PostgreSQL server (issue #21): the URL is recognised everywhere a shop
file is, the schema is SQLite's translated, writers follow one another, and what does
not work yet says so in one sentence."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from kpidesk.store import dialect, order_days, pg_schema, schema
from kpidesk.store.db import Store
from kpidesk.store.errors import ServerError

ROOT = Path(__file__).resolve().parent.parent


# -- the URL, with no server needed ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "postgresql://ana:secret@shop-server/kpidesk", "postgres://ana@10.0.0.5:5433/shop",
    str(Path("postgresql://ana:secret@shop-server/kpidesk")),  # a slash lost by Path
])
def test_a_postgresql_url_is_recognised_and_its_password_never_shown(text):
    assert dialect.is_server_url(text)
    assert dialect.normalise_url(text).startswith(("postgresql://", "postgres://"))
    assert "secret" not in dialect.public_url(text)
    assert "ana@" in dialect.public_url(text)


@pytest.mark.parametrize("text", ["shop.db", "C:/shops/postgres.db", "postgresql.db"])
def test_a_shop_file_is_not_a_url(text):
    assert not dialect.is_server_url(text)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KPIDESK_DATA_DIR": str(cwd / "data")}
    return subprocess.run([sys.executable, "-m", "kpidesk", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", [["kpi", "--month", "2026-01"], ["backup"], ["history"],
                                     ["demo"]])
def test_an_unreachable_server_is_one_sentence_and_no_folder_appears(tmp_path, command):
    url = "postgresql://ana:secret@127.0.0.1:1/shop"  # port 1: nothing listens
    done = _cli(command[0], "--db", url, *command[1:], cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "does not answer" in done.stderr
    assert "secret" not in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.glob("postgres*")), list(tmp_path.iterdir())


def test_a_missing_driver_is_said_in_one_sentence(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_psycopg(name, *args, **kwargs):
        if name == "psycopg" or name.startswith("psycopg."):
            raise ImportError("No module named 'psycopg'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    with pytest.raises(ServerError) as err:
        Store("postgresql://ana@127.0.0.1:1/shop")
    assert err.value.reason == "no_driver"
    from kpidesk.shop_cli import english

    assert "no PostgreSQL driver" in english(err.value)


def test_statements_are_translated_once_for_postgresql():
    to_pg = dialect.to_postgres
    assert to_pg("SELECT a FROM t WHERE b = ? AND c LIKE '%x'") == (
        "SELECT a FROM t WHERE b = %s AND c ILIKE '%%x'")
    assert to_pg("SELECT x FROM t WHERE d <= :d") == "SELECT x FROM t WHERE d <= %(d)s"
    assert to_pg("SELECT a::text FROM t") == "SELECT a::text FROM t"
    assert to_pg("INSERT OR IGNORE INTO m (a, b) VALUES (?, ?)") == (
        "INSERT INTO m(a, b) VALUES (%s, %s) ON CONFLICT DO NOTHING")
    assert to_pg("INSERT OR REPLACE INTO s(key, value) VALUES (?, ?)",
                 (("s", ("key",)),)) == ("INSERT INTO s(key, value) VALUES (%s, %s)"
                                         " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
    assert to_pg("SELECT n FROM (SELECT 1 AS n) GROUP BY n") == (
        "SELECT n FROM (SELECT 1 AS n) AS kpidesk_sub1 GROUP BY n")
    assert to_pg("SELECT user FROM h WHERE end >= ? AND a IS ?") == (
        'SELECT "user" FROM h WHERE "end" >= %s AND a IS NOT DISTINCT FROM %s')


# -- on a real server --------------------------------------------------------------------
def _tables_and_indexes(store: Store) -> tuple[set[str], set[str]]:
    tables = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table'"
                                        " AND name NOT LIKE 'sqlite_%'")}
    indexes = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'index'"
                                         " AND sql IS NOT NULL")}
    return tables, indexes


def test_a_new_database_gets_the_same_schema_and_defaults_as_a_shop_file(pg_url, tmp_path):
    with Store(tmp_path / "shop.db") as local, Store(pg_url) as server:
        assert server.is_server and server.facts.empty
        assert server.facts.version == schema.SCHEMA_VERSION
        assert server.scalar("SELECT version FROM schema_version") == schema.SCHEMA_VERSION
        assert _tables_and_indexes(server) == _tables_and_indexes(local)
        for table in ("settings", "stages", "channels", "lost_reasons"):
            assert (sorted(map(tuple, server.query(f"SELECT * FROM {table}")))
                    and len(server.query(f"SELECT * FROM {table}"))
                    == len(local.query(f"SELECT * FROM {table}"))), table
        assert server.setting("default_rate") == local.setting("default_rate") == "4100"
        shop_uuid = server.facts.shop_uuid
    with Store(pg_url) as again:  # opened again: nothing made twice
        assert not again.facts.empty and again.facts.shop_uuid == shop_uuid
        assert again.scalar("SELECT count(*) FROM stages") == len(schema.DEFAULT_STAGES)


def test_an_older_database_gets_its_breakdown_dims_as_codes(pg_url):
    from kpidesk.store import breakdowns

    with Store(pg_url) as store, store.transaction():
        sums = [c for c in dialect.column_names(store.conn, breakdowns.TABLE)
                if c not in ("dim", "day", "key", "branch")]
        store.conn.execute(f"INSERT INTO {breakdowns.TABLE} (dim, day, key, {', '.join(sums)})"
                           f" VALUES ({breakdowns.DIM_CODES['customer']},"
                           f" {order_days.day_number('2026-01-02')}, 7,"
                           + ", ".join(["1"] * len(sums)) + ")")
    names = {code: name for name, code in breakdowns.DIM_CODES.items()}
    case = "CASE dim " + " ".join(f"WHEN {c} THEN '{n}'" for c, n in names.items()) + " END"
    with Store(pg_url) as store:  # the tables as the version before made them
        with store.transaction():
            # made by a later version, and its WHERE compares dim with a code
            store.conn.execute("DROP INDEX idx_breakdown_product_days")
            for table in (breakdowns.TABLE, breakdowns.MONTH_TABLE):
                store.conn.execute(f"ALTER TABLE {table} ALTER COLUMN dim TYPE TEXT"
                                   f" USING {case}")
            store.conn.execute("UPDATE schema_version SET version = ?",
                               (schema.SCHEMA_VERSION - 1,))
    with Store(pg_url) as store:
        assert store.scalar("SELECT version FROM schema_version") == schema.SCHEMA_VERSION
        assert store.query(f"SELECT dim, key FROM {breakdowns.TABLE}") == [
            (breakdowns.DIM_CODES["customer"], 7)]
        assert store.scalar(f"SELECT count(*) FROM {breakdowns.MONTH_TABLE} WHERE dim = ?",
                            (breakdowns.DIM_CODES["customer"],)) == 0


def test_an_older_database_gets_what_later_versions_add(pg_url):
    Store(pg_url).close()
    with Store(pg_url) as store:  # pretend a version without the insight tables
        with store.transaction():
            store.conn.execute("DROP TABLE shop_days")
            store.conn.execute("ALTER TABLE contacts DROP COLUMN orders_total")
            store.conn.execute("UPDATE schema_version SET version = ?",
                               (schema.SCHEMA_VERSION - 1,))
    with Store(pg_url) as store:
        assert store.scalar("SELECT version FROM schema_version") == schema.SCHEMA_VERSION
        assert "orders_total" in dialect.column_names(store.conn, "contacts")
        assert store.scalar("SELECT count(*) FROM shop_days") == 0


def test_an_older_database_gets_the_orders_day_and_its_indexes(pg_url):
    """A server database made before `index_orders_by_day`: `orders.day` is generated
    from each order's date, and the date indexes give way to the day ones."""
    with Store(pg_url) as store, store.transaction():
        for day in ("1970-01-01", "2024-12-01", "2026-02-28"):
            store.conn.execute("INSERT INTO orders (uuid, number, date) VALUES (?, ?, ?)",
                               (uuid.uuid4().bytes, day, day))
    with Store(pg_url) as store:  # as the version before made it
        with store.transaction():
            store.conn.execute("DROP INDEX idx_orders_day")
            store.conn.execute("DROP INDEX idx_orders_contact_day")
            store.conn.execute("ALTER TABLE orders DROP COLUMN day")
            store.conn.execute("CREATE INDEX idx_orders_date ON orders (date)")
            store.conn.execute("UPDATE schema_version SET version = ?",
                               (schema.SCHEMA_VERSION - 1,))
    with Store(pg_url) as store:
        assert store.scalar("SELECT version FROM schema_version") == schema.SCHEMA_VERSION
        assert store.query("SELECT date, day FROM orders ORDER BY day") == [
            ("1970-01-01", 0), ("2024-12-01", 20058), ("2026-02-28", 20512)]
        indexes = {r[0] for r in store.query(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'")}
        assert {"idx_orders_day", "idx_orders_contact_day"} <= indexes
        assert "idx_orders_date" not in indexes


def test_an_older_database_gets_the_branch_code_in_its_rollup_keys(pg_url):
    """`branch_rollup_keys` on the server: the rollups of a database of the version before
    gain the code at the end of their key, rebuilt per branch when it holds branches
    brought in; sales are then written as on a new database."""
    from kpidesk.store import branches, rollups, sales

    with Store(pg_url) as store:
        for day in ("2026-01-02", "2026-01-03"):
            sales.add_order(store, sales.OrderInput(date=day, lines=[
                sales.LineInput(amount=1000)]))
        with store.transaction():
            store.conn.execute("UPDATE orders SET branch = 'Kampot' WHERE date = '2026-01-03'")
            for table in branches.CODED_ROLLUPS:  # the tables as the version before made them
                keys = [r[0] for r in store.conn.execute(
                    "SELECT kcu.column_name FROM information_schema.table_constraints tc"
                    " JOIN information_schema.key_column_usage kcu"
                    " ON kcu.constraint_name = tc.constraint_name WHERE tc.table_name = ?"
                    " AND tc.constraint_type = 'PRIMARY KEY' ORDER BY kcu.ordinal_position",
                    (table,))]
                assert keys[-1] == "branch"
                store.conn.execute(f"ALTER TABLE {table} DROP COLUMN branch")
                store.conn.execute(f"ALTER TABLE {table} ADD PRIMARY KEY"
                                   f" ({', '.join(keys[:-1])})")
            store.conn.execute("DROP TABLE branch_codes")
            store.conn.execute("UPDATE schema_version SET version = ?",
                               (schema.SCHEMA_VERSION - 1,))
    with Store(pg_url) as store:
        assert store.scalar("SELECT version FROM schema_version") == schema.SCHEMA_VERSION
        assert store.query("SELECT day, branch FROM daily_revenue ORDER BY day") == [
            ("2026-01-02", 0), ("2026-01-03", 1)]
        sales.add_order(store, sales.OrderInput(date="2026-01-03", lines=[
            sales.LineInput(amount=500)]))
        kept = rollups.snapshot(store.conn)
        with store.transaction() as conn:
            rollups.rebuild_all(conn)
        assert rollups.snapshot(store.conn) == kept
        assert store.scalar("SELECT SUM(revenue_usd) FROM month_revenue") == 2500


def test_a_newer_database_is_refused(pg_url):
    from kpidesk.store.errors import NewerSchemaError

    Store(pg_url).close()
    with Store(pg_url) as store, store.transaction():
        store.conn.execute("UPDATE schema_version SET version = ?", (schema.SCHEMA_VERSION + 1,))
    with pytest.raises(NewerSchemaError):
        Store(pg_url)


def test_settings_round_trip_in_one_transaction_with_history(pg_url):
    from kpidesk.store import history

    with Store(pg_url) as store:
        store.set_setting("shop_name", "Sokha Mart")
        store.set_setting("lead_window_days", "45")
        with pytest.raises(RuntimeError), store.transaction():
            store.conn.execute("UPDATE settings SET value = 'lost' WHERE key = 'shop_name'")
            raise RuntimeError("rolled back")
    with Store(pg_url, read_only=True) as reader:
        assert reader.setting("shop_name") == "Sokha Mart"
        assert reader.setting("lead_window_days") == "45"
        found = history.entries(reader, action="setting")
        assert [e.subject for e in found][:1] == ["shop_name"] or any(
            e.subject == "shop_name" for e in found)


def test_the_change_history_cannot_be_edited_on_the_server(pg_url):
    import sqlite3

    from kpidesk.store import history

    with Store(pg_url) as store:
        store.set_setting("shop_name", "A")
        assert history.entries(store, action="setting")
        with pytest.raises(sqlite3.IntegrityError), store.transaction():
            store.conn.execute("DELETE FROM change_history")
        assert history.entries(store, action="setting")


def test_the_cli_opens_a_database_by_url(pg_url, tmp_path):
    Store(pg_url).close()
    done = _cli("history", "--db", pg_url, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not list(tmp_path.glob("postgres*"))


def test_backup_and_restore_of_a_server_shop_through_pg_dump(pg_url, tmp_path):
    from kpidesk.store.sales import LineInput, OrderInput, add_order

    with Store(pg_url) as store:
        add_order(store, OrderInput("2026-01-05", [LineInput(1000)]))
        add_order(store, OrderInput("2026-01-06", [LineInput(2500)]))
    done = _cli("backup", "--db", pg_url, "--to", str(tmp_path / "b"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "kpidesk:kpidesk@" not in done.stdout  # no password in what is printed
    dumps = list((tmp_path / "b").glob("*.pgdump"))
    assert len(dumps) == 1 and "2 orders" in done.stdout
    with Store(pg_url) as store:  # a sale after the backup, then the backup put back
        add_order(store, OrderInput("2026-01-07", [LineInput(700)]))
        assert store.scalar("SELECT count(*) FROM orders") == 3
    done = _cli("restore", "--db", pg_url, str(dumps[0]), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with Store(pg_url) as store:
        assert store.scalar("SELECT count(*) FROM orders") == 2
        assert store.scalar("SELECT SUM(revenue_usd) FROM daily_revenue") == 3500
        assert store.scalar("SELECT count(*) FROM change_history WHERE action = 'restore'") == 1
        add_order(store, OrderInput("2026-01-08", [LineInput(100)]))  # ids still numbered
        assert store.scalar("SELECT count(*) FROM orders") == 3


def test_backup_without_pg_dump_says_so(pg_url, monkeypatch, tmp_path):
    from kpidesk.shop_cli import english, run_backup
    from kpidesk.store import pg_backup

    Store(pg_url).close()
    monkeypatch.setattr(pg_backup, "tool", lambda name: None)
    with pytest.raises(ServerError) as err:
        run_backup(Path(pg_url), tmp_path)
    assert err.value.reason == "no_tools"
    assert "pg_dump and pg_restore are not installed" in english(err.value)


def test_pg_schema_reference_is_translated_from_every_migration():
    ref = pg_schema.reference()
    names = [name for name, _ in ref.tables]
    assert "orders" in names and "sale_lines" in names and "change_history" in names
    assert all("WITHOUT ROWID" not in sql.upper() for _, sql in ref.tables)
    # a table comes after the tables it references
    for position, (_, sql) in enumerate(ref.tables):
        import re

        for referenced in re.findall(r'REFERENCES\s+"?(\w+)', sql):
            if referenced in names and referenced != names[position]:
                assert names.index(referenced) < position, (names[position], referenced)


def test_a_laptop_learns_that_another_one_wrote(pg_url):
    from kpidesk.store.sales import LineInput, OrderInput, add_order

    with Store(pg_url) as mine, Store(pg_url) as theirs:
        assert not mine.others_wrote()  # the version as opened
        add_order(mine, OrderInput("2026-01-05", [LineInput(1000)]))
        assert not mine.others_wrote()  # its own write is not news
        add_order(theirs, OrderInput("2026-01-06", [LineInput(2000)]))
        assert mine.others_wrote()
        assert not mine.others_wrote()  # told once
        assert mine.scalar("SELECT count(*) FROM orders") == 2


def test_the_app_refreshes_when_another_laptop_wrote(qapp, pg_url, tmp_path):
    from PySide6.QtCore import QSettings

    from kpidesk.app import Controller
    from kpidesk.i18n.language import LanguageManager
    from kpidesk.store.sales import LineInput, OrderInput, add_order

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    controller = Controller(settings, LanguageManager(), interactive=False)
    assert controller.open(Path(pg_url))
    heard = []
    controller.ctx.store.subscribe(heard.append)
    try:
        controller.check_others()
        assert heard == []
        with Store(pg_url) as other:
            add_order(other, OrderInput("2026-01-06", [LineInput(2000)]))
        controller.check_others()
        assert heard and "sales" in heard[0]
        assert "kpidesk:kpidesk@" not in settings.value("last_db", "")
    finally:
        if controller.window is not None:
            controller.window.close()
            controller.window.deleteLater()
        qapp.processEvents()
        controller.close_store()


def test_a_bulk_write_refreshes_the_planners_statistics_and_a_sale_does_not(pg_url):
    """Until autovacuum runs, PostgreSQL plans for empty tables: one sale took seconds on
    a demo shop just built. A transaction writing thousands of rows ANALYZEs at commit."""
    from kpidesk.demo import build_demo
    from kpidesk.store.sales import LineInput, OrderInput, add_order

    def analyzed(store: Store) -> bool:
        return store.scalar("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables"
                            " WHERE relname = 'sale_lines'")

    with Store(pg_url) as store:
        assert not analyzed(store)
        build_demo(store, lines=6000, months=3)
        assert analyzed(store)
        before = store.conn.analyzed_after_commit
        add_order(store, OrderInput("2026-01-06", [LineInput(2000)]))
        assert store.conn.analyzed_after_commit == before


def test_the_servers_own_sales_table_indexes_come_to_an_older_database(pg_url, pg_cluster):
    """A database made before `pg_schema.SERVER_INDEXES` gets them when opened for
    writing by a login that may create them; one that may not (rights on the rows
    alone) opens it all the same, without them. `sqlite_master` never lists them."""

    import psycopg

    from kpidesk.store import pg_schema

    names = {name for name, _ in pg_schema.SERVER_INDEXES}

    def server_indexes() -> set[str]:
        with psycopg.connect(pg_url) as conn:
            return {r[0] for r in conn.execute(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")} & names

    with Store(pg_url) as server:
        assert not server.query("SELECT name FROM sqlite_master WHERE name LIKE 'kpidesk%'")
    assert server_indexes() == names
    role = "clerk_" + uuid.uuid4().hex[:6]
    with psycopg.connect(pg_url, autocommit=True) as owner:
        for name in names:
            owner.execute(f"DROP INDEX {name}")
    with psycopg.connect(pg_cluster.url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'clerk'")
    with psycopg.connect(pg_url, autocommit=True) as owner:
        owner.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        owner.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public"
                      f" TO {role}")
        owner.execute(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public"
                      f" TO {role}")
    clerk_url = pg_url.replace("kpidesk:kpidesk@", f"{role}:clerk@")
    try:
        with Store(clerk_url) as clerk:
            assert clerk.scalar("SELECT COUNT(*) FROM sale_lines") == 0
        assert server_indexes() == set()
        with Store(pg_url):
            pass
        assert server_indexes() == names
    finally:
        with psycopg.connect(pg_cluster.url_for(pg_url.rsplit("/", 1)[1]),
                             autocommit=True) as admin:
            admin.execute(f"DROP OWNED BY {role}")
            admin.execute(f"DROP ROLE {role}")


def test_column_names_are_the_shop_tables_written_columns(pg_url):
    """`dialect.column_names` on the server reads the catalogue (a sale asks it several
    times): the columns rows are written to, in order, of the shop's own table."""
    with Store(pg_url) as store:
        names = dialect.column_names(store.conn, "orders")
        assert names[:2] == ["id", "uuid"] and "date" in names
        assert "day" not in names  # generated from the date on the server
        with store.transaction():  # a temporary view of the same name hides nothing
            store.conn.execute("CREATE TEMP VIEW orders AS SELECT 1 AS other")
            assert dialect.column_names(store.conn, "orders") == names
        assert dialect.column_names(store.conn, "no_such_table") == []
