"""The shop's schema on PostgreSQL: the same tables, indexes and triggers as a SQLite
shop file, versioned in a `schema_version` table (SQLite keeps it in `user_version`).

The tables are not written twice: the SQLite migrations (`schema.MIGRATIONS`) are run
on an in-memory SQLite database and its catalogue is translated
(`dialect.ddl_to_postgres`, `dialect.trigger_to_postgres`). A new database gets that
schema whole; an older one gets what is missing — tables, columns, indexes, triggers —
which is every migration the project allows (additive: CREATE TABLE, ADD COLUMN,
CREATE INDEX). Set-up runs under the shop's write lock, so two laptops opening a new
database at once make it once.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from kpidesk.store import dialect, line_peaks, schema, sync_marks
from kpidesk.store.errors import NewerSchemaError, NotAStoreError

# SQLite's scalar functions that the store's queries call, made on the server.
COMPAT_FUNCTIONS = [
    "CREATE OR REPLACE FUNCTION ifnull(anycompatible, anycompatible) RETURNS anycompatible"
    " LANGUAGE sql IMMUTABLE AS 'SELECT coalesce($1, $2)'",
    "CREATE OR REPLACE FUNCTION julianday(text) RETURNS double precision LANGUAGE sql"
    " IMMUTABLE AS 'SELECT extract(epoch FROM $1::timestamp)::double precision / 86400.0"
    " + 2440587.5'",
    "CREATE OR REPLACE FUNCTION strftime(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS"
    " $$SELECT CASE $1 WHEN '%w' THEN extract(dow FROM $2::timestamp)::int::text"
    " ELSE to_char($2::timestamp, replace(replace(replace(replace(replace($1, '%Y', 'YYYY'),"
    " '%m', 'MM'), '%d', 'DD'), '%H', 'HH24'), '%M', 'MI')) END$$",
    "CREATE OR REPLACE FUNCTION uuid_text(bytea) RETURNS text LANGUAGE sql IMMUTABLE AS"
    " $$SELECT CASE WHEN length($1) = 16 THEN encode($1, 'hex')::uuid::text"
    " ELSE encode($1, 'escape') END$$",
    "CREATE OR REPLACE FUNCTION uuid_text(text) RETURNS text LANGUAGE sql IMMUTABLE AS"
    " 'SELECT $1'",
    "CREATE OR REPLACE FUNCTION uuid_blob(text) RETURNS bytea LANGUAGE sql IMMUTABLE AS"
    " $$SELECT decode(replace($1::uuid::text, '-', ''), 'hex')$$",
    "CREATE OR REPLACE FUNCTION uuid_blob(bytea) RETURNS bytea LANGUAGE sql IMMUTABLE AS"
    " 'SELECT $1'",
    # SQLite's date(day, modifier): '+N days', '-N months', 'start of month'; text out
    "CREATE OR REPLACE FUNCTION date(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS"
    " $$SELECT CASE WHEN $1 IS NULL THEN NULL"
    " WHEN lower($2) = 'start of month' THEN to_char(date_trunc('month', $1::date), 'YYYY-MM-DD')"
    " ELSE to_char($1::date + (replace(lower($2), '+', '') || '')::interval, 'YYYY-MM-DD')"
    " END$$",
    "CREATE OR REPLACE FUNCTION date(text) RETURNS text LANGUAGE sql IMMUTABLE AS"
    " $$SELECT to_char($1::date, 'YYYY-MM-DD')$$",
    # SQLite counts true comparisons with SUM(a > b): a sum of booleans
    "CREATE OR REPLACE FUNCTION kpidesk_bool_add(bigint, boolean) RETURNS bigint"
    " LANGUAGE sql IMMUTABLE AS"
    " 'SELECT coalesce($1, 0) + CASE WHEN $2 THEN 1 ELSE 0 END'",
    "CREATE OR REPLACE AGGREGATE sum(boolean) (SFUNC = kpidesk_bool_add, STYPE = bigint)",
    # SQLite adds comparisons as numbers: (a <= b) + (c <= d)
    "CREATE OR REPLACE FUNCTION kpidesk_bool_plus(boolean, boolean) RETURNS bigint"
    " LANGUAGE sql IMMUTABLE AS 'SELECT $1::int + $2::int'",
    "DO $$BEGIN CREATE OPERATOR + (LEFTARG = boolean, RIGHTARG = boolean,"
    " FUNCTION = kpidesk_bool_plus); EXCEPTION WHEN duplicate_function THEN NULL; END$$",
    # SQLite's catalogue, for the few checks that ask whether a table or index exists
    "CREATE OR REPLACE VIEW sqlite_master AS"
    " SELECT 'table'::text AS type, c.relname::text AS name, c.relname::text AS tbl_name,"
    " NULL::text AS sql FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"
    " AND c.relname NOT IN ('schema_version', 'data_version')"
    " UNION ALL SELECT 'index', i.indexname::text, i.tablename::text, i.indexdef::text"
    " FROM pg_indexes i WHERE i.schemaname = current_schema()"
    " AND i.indexname NOT IN (SELECT conname FROM pg_constraint)"
    # the server's own indexes (SERVER_INDEXES) are no shop file's
    " AND i.indexname NOT LIKE 'kpidesk\\_%'",
    "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL,"
    " application_id BIGINT NOT NULL)",
    # raised by every write transaction: how a laptop learns that another one wrote
    "CREATE TABLE IF NOT EXISTS data_version (n BIGINT NOT NULL)",
    "INSERT INTO data_version(n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM data_version)",
]


# The server's own indexes, beside the shop file's: the sales table reads a page by
# walking an index in the sort order (`store/sales_table_walks.py`). A SQLite index
# ends with the row's key (rowid, or a WITHOUT ROWID table's primary key), so
# `orders(day)` is ordered by (day, id) and `sale_lines(amount_usd)` by (amount_usd,
# order_id, position): the whole sort key. PostgreSQL's indexes hold the listed columns
# only, and its planner then sorts every tie of the first column (thousands of lines
# of one amount or one product) or, at a million lines, the whole table. These name the
# key in full, text in code-point order (COLLATE "C", as the queries ask: see
# `sales_table_sql.BY_CODE`). Made IF NOT EXISTS by `ensure`, on an older database too.
SERVER_INDEXES = (
    ("kpidesk_orders_number", 'orders (number COLLATE "C", id)'),
    ("kpidesk_orders_note", 'orders (note COLLATE "C", id) WHERE note <> \'\''),
    ("kpidesk_contacts_name", 'contacts (name COLLATE "C", id)'),
    ("kpidesk_products_name", 'products (name COLLATE "C", id)'),
    ("kpidesk_lines_amount", "sale_lines (amount_usd, order_id, position)"),
    ("kpidesk_lines_quantity", "sale_lines (quantity, order_id, position) WHERE quantity <> 1"),
    ("kpidesk_lines_note",
     'sale_lines (note COLLATE "C", order_id, position) WHERE note <> \'\''),
)


def missing_server_indexes(raw) -> list[str]:
    """The names of `SERVER_INDEXES` the database lacks (one catalogue query)."""
    have = {r[0] for r in raw.execute(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}
    return [name for name, _ in SERVER_INDEXES if name not in have]


def needs_ensure(raw, version: int) -> bool:
    """Whether opening the database for writing must run `ensure` first."""
    return version != schema.SCHEMA_VERSION or bool(missing_server_indexes(raw))


def _add_server_indexes(raw) -> None:
    """`SERVER_INDEXES` on a database of this version. They only make the sales table
    faster: a login that may not create them (a role with rights on the rows alone)
    opens the shop all the same, without them."""
    import psycopg

    raw.execute("SAVEPOINT kpidesk_server_indexes")
    try:
        for statement in COMPAT_FUNCTIONS:  # the sqlite_master view that leaves them out
            raw.execute(statement)
        make_server_indexes(raw)
    except psycopg.errors.InsufficientPrivilege:
        raw.execute("ROLLBACK TO SAVEPOINT kpidesk_server_indexes")
    else:
        raw.execute("RELEASE SAVEPOINT kpidesk_server_indexes")


def make_server_indexes(raw) -> None:
    for name, definition in SERVER_INDEXES:
        raw.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


@dataclass(frozen=True)
class Reference:
    """The SQLite schema of this version, as PostgreSQL statements."""

    tables: tuple[tuple[str, str], ...]  # (name, CREATE TABLE), referenced tables first
    indexes: tuple[tuple[str, str, str], ...]  # (name, table, CREATE INDEX)
    triggers: tuple[tuple[str, tuple[str, ...]], ...]  # (name, statements)
    columns: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # table → (column, type)
    # rows the migrations themselves write (payment methods), for a new database; the
    # identity is the shop's own, made by the store
    seed_rows: tuple[tuple[str, tuple[str, ...], tuple[tuple, ...]], ...] = ()


@lru_cache(maxsize=1)
def reference() -> Reference:
    """Run every migration on an in-memory SQLite database and translate its catalogue."""
    import sqlite_utils

    from kpidesk.store.uuids import add_sql_functions

    conn = sqlite3.connect(":memory:", isolation_level=None)
    add_sql_functions(conn)
    db = sqlite_utils.Database(conn)
    for migration in schema.MIGRATIONS:
        if migration not in schema.FILE_LAYOUT_ONLY:
            migration(db)
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"
                        " WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    tables = [(name, _uuid_bytes(name, dialect.ddl_to_postgres(sql)))
              for kind, name, _, sql in rows
              if kind == "table" and not name.startswith("sqlite_")]
    columns = []
    for name, _ in tables:
        info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        columns.append((name, tuple(
            (c[1], "BYTEA" if c[1] == "uuid" and name != "shop_identity"
             else dialect.ddl_to_postgres(c[2] or "TEXT")) for c in info)))
    indexes = tuple((name, table, dialect.ddl_to_postgres(sql))
                    for kind, name, table, sql in rows if kind == "index")
    # (a shop on a server is never a branch file: no change counter of its own rows)
    triggers = tuple((name, tuple(dialect.trigger_to_postgres(sql)))
                     for kind, name, _, sql in rows if kind == "trigger"
                     and not name.startswith(sync_marks.SQLITE_ONLY_TRIGGERS))
    seeds = []
    for name, _ in tables:
        if name == "shop_identity":
            continue
        cur = conn.execute(f'SELECT * FROM "{name}"')
        found = cur.fetchall()
        if found:
            seeds.append((name, tuple(d[0] for d in cur.description), tuple(found)))
    conn.close()
    return Reference(tuple(_referenced_first(tables)), indexes, triggers, tuple(columns),
                     tuple(seeds))


def seed(conn) -> None:
    """Write the rows the migrations write into a new database (inside its creation)."""
    for table, names, rows in reference().seed_rows:
        conn.executemany(f"INSERT INTO {table}({', '.join(names)})"
                         f" VALUES ({', '.join('?' * len(names))})", rows)


def _uuid_bytes(table: str, create: str) -> str:
    """A row's UUID is 16 bytes (`db.new_uuid`) in every table but shop_identity, though
    tables made before lean_storage still declare the column TEXT (SQLite stores what it
    is given): on the server the column is bytea."""
    if table == "shop_identity":
        return create
    return re.sub(r'(^|[(,\s])("uuid"|uuid)\s+TEXT\b', r"\1\2 BYTEA", create)


def _referenced_first(tables: list[tuple[str, str]]) -> list[tuple[str, str]]:
    names = {name for name, _ in tables}
    needs = {name: {r for r in re.findall(r'REFERENCES\s+"?(\w+)', sql, re.IGNORECASE)
                    if r in names and r != name} for name, sql in tables}
    ordered: list[tuple[str, str]] = []
    done: set[str] = set()
    pending = list(tables)
    while pending:
        ready = [t for t in pending if needs[t[0]] <= done] or pending[:1]
        for table in ready:
            ordered.append(table)
            done.add(table[0])
            pending.remove(table)
    return ordered


def stored_version(raw) -> tuple[int, int]:
    """(schema version, application id) of the database; (0, 0) when it holds no shop."""
    exists = raw.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()[0]
    if not exists:
        others = raw.execute("SELECT count(*) FROM pg_tables WHERE schemaname ="
                             " current_schema()").fetchone()[0]
        return (0, 0) if not others else (0, -1)
    row = raw.execute("SELECT version, application_id FROM schema_version").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def _code_breakdown_dims(raw) -> None:
    """`schema.code_breakdown_dims` on the server: the breakdown rollups' `dim` column from
    each dimension's name to its code (a database made before it; one made after has
    INTEGER already and is left as it is)."""
    from kpidesk.store import breakdowns

    case = "CASE dim " + " ".join(f"WHEN '{name}' THEN {code}"
                                  for name, code in breakdowns.DIM_CODES.items()) + " END"
    for table in (breakdowns.TABLE, breakdowns.MONTH_TABLE):
        kind = raw.execute("SELECT data_type FROM information_schema.columns"
                           " WHERE table_schema = current_schema() AND table_name = %s"
                           " AND column_name = 'dim'", (table,)).fetchone()
        if kind is not None and kind[0] == "text":
            raw.execute(f"ALTER TABLE {table} ALTER COLUMN dim TYPE INTEGER USING {case}")


def _branch_rollup_keys(conn) -> None:
    """`schema.branch_rollup_keys` on the server: the `branch` column (added as a missing
    column, NULL in the rows there) becomes 0 and joins the end of each coded rollup's
    primary key; a database holding branches brought in has its rollups rebuilt."""
    from kpidesk.store import branches, rollups

    raw = conn.raw
    changed = False
    for table in branches.CODED_ROLLUPS:
        keys = [r[0] for r in raw.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
            " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass(%s)"
            " AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)",
            (table,))]
        if not keys or "branch" in keys:
            continue
        raw.execute(f'UPDATE "{table}" SET branch = 0 WHERE branch IS NULL')
        raw.execute(f'ALTER TABLE "{table}" ALTER COLUMN branch SET DEFAULT 0,'
                    " ALTER COLUMN branch SET NOT NULL")
        name = raw.execute("SELECT conname FROM pg_constraint WHERE conrelid ="
                           " to_regclass(%s) AND contype = 'p'", (table,)).fetchone()[0]
        raw.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}",'
                    f" ADD PRIMARY KEY ({', '.join(keys)}, branch)")
        changed = True
    if changed and raw.execute("SELECT EXISTS (SELECT 1 FROM orders WHERE branch IS NOT NULL)"
                               " OR EXISTS (SELECT 1 FROM contacts WHERE branch IS NOT NULL)"
                               ).fetchone()[0]:
        conn.learn_tables()
        rollups.rebuild_all(conn)
def _lean_sale_lines(raw) -> None:
    """`schema.lean_sale_lines` on the server: a database made before it has `currency`,
    `amount` and the converted costs and discounts as plain columns (and has just been
    given `cur` and `cost`): fill those from them, then make them generated columns
    (stored: PostgreSQL before 18 has no virtual ones) with the same values. A database
    made after it has them generated already and is left as it is."""
    kinds = dict(raw.execute(
        "SELECT column_name, is_generated FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = 'sale_lines'").fetchall())
    if kinds.get("currency", "ALWAYS") != "NEVER":
        return
    sets = ", ".join(f"{name} = {value}"
                     for name, value in schema._LINE_STORED_FROM_BEFORE.items())
    raw.execute(f"UPDATE sale_lines SET {sets}")
    raw.execute("ALTER TABLE sale_lines ALTER COLUMN cur SET NOT NULL")
    for name, kind, expression in schema.LINE_GENERATED:
        raw.execute(f"ALTER TABLE sale_lines DROP COLUMN {name}")
        raw.execute(f"ALTER TABLE sale_lines ADD COLUMN {name}"
                    f" {dialect.ddl_to_postgres(kind)} GENERATED ALWAYS AS ({expression}) STORED")


# A shop file's orders store the day number and generate the date text from it
# (order_days); the server keeps the text and generates the number, so a query of a
# period reads `day` on both stores. Built-in immutable functions only.
ORDER_DAY_COLUMN = (
    "day integer GENERATED ALWAYS AS (make_date(substr(date, 1, 4)::int,"
    " substr(date, 6, 2)::int, substr(date, 9, 2)::int) - DATE '1970-01-01') STORED")
# The shop file's two indexes of orders by day (order_days.ORDER_DAY_INDEXES), by the same
# names, with the whole sort key (see SERVER_INDEXES).
ORDER_DAY_INDEXES = (
    "CREATE INDEX IF NOT EXISTS idx_orders_day ON orders (day, id)",
    "CREATE INDEX IF NOT EXISTS idx_orders_contact_day ON orders (contact_id, day, id)"
    " WHERE contact_id IS NOT NULL",
)


def _order_day_column(raw) -> None:
    """`order_days.index_orders_by_day` on the server: `orders.day` (ORDER_DAY_COLUMN) and
    its indexes instead of those of the date text (the shop file's and the server's own
    of an older version)."""
    has_day = raw.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND table_name = 'orders' AND column_name = 'day'").fetchone()
    if not has_day:
        raw.execute(f"ALTER TABLE orders ADD COLUMN {ORDER_DAY_COLUMN}")
    raw.execute("DROP INDEX IF EXISTS idx_orders_date, idx_orders_contact_date,"
                " kpidesk_orders_date_id, kpidesk_orders_contact")
    for statement in ORDER_DAY_INDEXES:
        raw.execute(statement)


def ensure(conn) -> bool:
    """Make or complete the shop's schema on the server; True when it was made new (the
    caller then seeds the default settings, stages, channels). Runs inside the caller's
    write transaction (`PgConnection.begin_write`)."""
    raw = conn.raw
    version, app_id = stored_version(raw)
    if app_id == -1:
        raise NotAStoreError("foreign", "the database holds another program's tables")
    if app_id and app_id != schema.APPLICATION_ID:
        raise NotAStoreError("foreign", f"application_id {app_id:#x}")
    if version > schema.SCHEMA_VERSION:
        raise NewerSchemaError(version, schema.SCHEMA_VERSION)
    if version == schema.SCHEMA_VERSION:  # made before the server's own indexes were
        _add_server_indexes(raw)
        return False
    for statement in COMPAT_FUNCTIONS:
        raw.execute(statement)
    ref = reference()
    have = {r[0] for r in raw.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    for name, create in ref.tables:
        if name not in have:
            raw.execute(create)
    existing_columns = {(r[0], r[1]) for r in raw.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema()")}
    for table, cols in ref.columns:
        for column, kind in cols:
            if (table, column) not in existing_columns and table in have:
                raw.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind}')
    _code_breakdown_dims(raw)
    _branch_rollup_keys(conn)
    if version and line_peaks.TABLE not in have:  # made just now beside existing sales
        conn.learn_tables()
        line_peaks.rebuild(conn)
    _lean_sale_lines(raw)
    indexes = {r[0] for r in raw.execute(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}
    for name, _table, create in ref.indexes:
        if name not in indexes:
            raw.execute(create)
    _order_day_column(raw)
    for _name, statements in ref.triggers:
        for statement in statements:
            raw.execute(statement)
    make_server_indexes(raw)
    raw.execute("DELETE FROM schema_version")
    raw.execute("INSERT INTO schema_version(version, application_id) VALUES (%s, %s)",
                (schema.SCHEMA_VERSION, schema.APPLICATION_ID))
    return version == 0
