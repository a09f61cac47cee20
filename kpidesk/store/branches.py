"""Branches (KPI.md §7): the branch a shop file is, and the branch each row was made in.

A shop file has a branch name (the `branch_name` setting, the owner's like the shop's
name). Each row of the tables in `BRANCH_TABLES` has a `branch` column: NULL means
"made in this file" (its own branch, whatever it is called now), a name means "brought
in from that branch by `sync`". NULL rather than the name written into every row
because a shop gets its branch name late (most shops never name one), a rename must not
rewrite every row, and the write paths of sales, contacts and the rest stay as they are.
The branch of a row is therefore `IFNULL(branch, <this file's branch name>)`.

`branch_sources` remembers which shop file (by its identity uuid) each synced branch
name came from, so two different files claiming the same branch name are refused
instead of overwriting each other's rows.

Every rollup the figures read carries a small integer branch code in its key
(`branch_codes`: 0 for this file's own rows, one code per branch brought in), kept in
the same transaction as every write. The shop's figures sum over the codes; one
branch's figures (`branch_view`) read the same rollups filtered by its code, through
TEMP views on a connection of their own. Sales count in the branch of their order;
customer figures in the branch of the customer (a contact is made in one branch).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from kpidesk.store import dialect
from kpidesk.store.errors import ValidationError
from kpidesk.store.migration_progress import report_progress

if TYPE_CHECKING:
    import sqlite_utils

    from kpidesk.store.db import Store

SETTING = "branch_name"
MAX_NAME = 60

# Tables whose rows keep the branch they were made in (KPI.md §7): the records a branch
# enters. Names (products, salespeople, channels…) are shared by name across branches.
BRANCH_TABLES = ("orders", "contacts", "opportunities", "targets", "calls")

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS branch_sources (branch TEXT PRIMARY KEY,"
    " shop_uuid TEXT NOT NULL,"  # the branch file's identity (identity.py)
    " file TEXT NOT NULL DEFAULT '',"  # where it was last brought in from
    " last_sync TEXT)",  # local date and time of the last sync, YYYY-MM-DDTHH:MM:SS
    # the targets of the branches brought in, apart from this file's own (whose key is
    # period, measure and salesperson): the shop's target figures stay this file's
    "CREATE TABLE IF NOT EXISTS branch_targets (id INTEGER PRIMARY KEY, uuid BLOB NOT NULL,"
    " branch TEXT NOT NULL, period TEXT NOT NULL,"
    " salesperson_id INTEGER REFERENCES salespeople(id), measure TEXT NOT NULL,"
    " value INTEGER NOT NULL, currency TEXT)",
    "CREATE UNIQUE INDEX IF NOT EXISTS idx_branch_targets_uuid ON branch_targets(uuid)",
    # the rows of one branch (sync's and the per-branch figures' reads); own rows (NULL)
    # are not indexed
    "CREATE INDEX IF NOT EXISTS idx_orders_branch ON orders(branch, date)"
    " WHERE branch IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS idx_contacts_branch ON contacts(branch)"
    " WHERE branch IS NOT NULL",
]

# -- branch codes in the rollup keys ----------------------------------------------------
CODES_SCHEMA = [
    # code 0 is this file's own rows (branch NULL); its name is ''
    "CREATE TABLE IF NOT EXISTS branch_codes (code INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE)",
    "INSERT OR IGNORE INTO branch_codes (code, name) VALUES (0, '')",
]

# The rollups whose key ends with the branch code (`branch` INTEGER, 0: this file's own).
CODED_ROLLUPS = ("daily_revenue", "daily_orders", "month_revenue", "cohort_month",
                 "month_day_counts", "contact_day_counts", "breakdown_day", "breakdown_month")
# Rollups of one contact each: their branch is their contact's.
CONTACT_ROLLUPS = ("customer_day", "customer_month", "risk_spans")


def single_code(conn: sqlite3.Connection) -> bool:
    """Whether the rollups hold rows of one branch code only (a shop that brought no
    branch in, or one branch's view): each key is then one row."""
    try:
        return conn.execute("SELECT COUNT(*) FROM branch_codes").fetchone()[0] <= 1
    except sqlite3.OperationalError:  # a file of a version before the codes
        return True


def ensure_codes(conn: sqlite3.Connection, names: list[str] | None = None) -> None:
    """Give a code to every branch named (None: every branch with rows in the file) that
    has none yet (inside the caller's transaction, before rollups are written)."""
    if names is None:
        names = sorted({r[0] for table in ("orders", "contacts") for r in conn.execute(
            f"SELECT DISTINCT branch FROM {table} WHERE branch IS NOT NULL")})
    for name in names:
        if conn.execute("SELECT 1 FROM branch_codes WHERE name = ?", (name,)).fetchone():
            continue
        top = conn.execute("SELECT IFNULL(MAX(code), 0) FROM branch_codes").fetchone()[0]
        conn.execute("INSERT INTO branch_codes (code, name) VALUES (?, ?)",
                     (int(top) + 1, name))


def add_branch_codes(db: sqlite_utils.Database) -> None:
    """Schema migration: `branch_codes`, and the branch code at the end of the key of
    every rollup in `CODED_ROLLUPS` (each table made again with its rows, code 0: a file
    that brought no branch in is right as it is). A file with branches brought in has
    its rollups rebuilt. Idempotent."""
    from kpidesk.store import rollups

    conn = db.conn
    for sql in CODES_SCHEMA:
        conn.execute(sql)
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    tables = [t for t in CODED_ROLLUPS if t in have]
    for i, table in enumerate(tables):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        if "branch" in columns:
            continue
        conn.execute(_coded_table_sql(conn, table, f"{table}_coded"))
        indexes = [r[0] for r in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
            " AND sql IS NOT NULL", (table,))]
        names = ", ".join(columns)
        conn.execute(f"INSERT INTO {table}_coded ({names}) SELECT {names} FROM {table}")
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE {table}_coded RENAME TO {table}")
        for sql in indexes:
            conn.execute(sql)
        report_progress(0.5 * (i + 1) / len(tables))
    if conn.execute("SELECT EXISTS (SELECT 1 FROM orders WHERE branch IS NOT NULL)"
                    " OR EXISTS (SELECT 1 FROM contacts WHERE branch IS NOT NULL)"
                    ).fetchone()[0]:
        rollups.rebuild_all(conn)  # rows of several branches: each into its own code
    report_progress(1.0)


def _coded_table_sql(conn: sqlite3.Connection, table: str, new_name: str) -> str:
    """CREATE TABLE `new_name`: `table`'s columns with `branch` right after its primary
    key columns and at the end of its key (SQLite 3.40 writes bad records when an upsert
    updates a WITHOUT ROWID table whose key columns are not its first columns)."""
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    keys = [c[1] for c in sorted((c for c in info if c[5]), key=lambda c: c[5])]

    def column(c: tuple) -> str:
        text = f"{c[1]} {c[2] or ''}".rstrip()
        if c[3] or c[5]:
            text += " NOT NULL"
        if c[4] is not None:
            text += f" DEFAULT {c[4]}"
        return text

    by_name = {c[1]: c for c in info}
    columns = [column(by_name[k]) for k in keys] + ["branch INTEGER NOT NULL DEFAULT 0"] + [
        column(c) for c in info if c[1] not in keys]
    return (f"CREATE TABLE {new_name} ({', '.join(columns)},"
            f" PRIMARY KEY ({', '.join(keys)}, branch)) WITHOUT ROWID")


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))


def add_branch_columns(db: sqlite_utils.Database) -> None:
    """Schema migration: the `branch` column of each record table (NULL: this file's
    own branch, so existing rows need no rewrite), `branch_sources` and the indexes.
    Additive and idempotent."""
    conn = db.conn
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in BRANCH_TABLES:
        if table in have and not _has_column(conn, table, "branch"):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN branch TEXT")
    for sql in SCHEMA:
        conn.execute(sql)


def clean_name(name: str) -> str:
    """A branch name as stored: trimmed, inner runs of spaces made one; ValidationError
    when empty, too long or holding control characters."""
    text = " ".join(str(name).split())
    if not text:
        raise ValidationError("branch", "empty")
    if len(text) > MAX_NAME:
        raise ValidationError("branch", "too_long", max=MAX_NAME)
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise ValidationError("branch", "bad_characters")
    return text


def branch_name(store: Store) -> str:
    """This file's branch name ('' when it has none)."""
    return store.setting(SETTING).strip()


def set_branch_name(store: Store, name: str) -> str:
    """Name this file's branch (the owner's, like the shop's name: PIN when one is set,
    recorded in the change history). A name already used by a branch brought into this
    file is refused: its rows and this file's own would become one branch."""
    text = clean_name(name)
    if text.casefold() in {b.casefold() for b in synced_branches(store)}:
        raise ValidationError("branch", "taken", name=text)
    store.set_setting(SETTING, text)
    return text


def synced_branches(store: Store) -> list[str]:
    """Names of the branches brought into this file, sorted."""
    return [r[0] for r in store.conn.execute("SELECT branch FROM branch_sources ORDER BY branch")]


def branches(store: Store) -> list[str]:
    """Every branch with rows in this file (its own first, when it has one), then the ones
    brought in, sorted. A file with a single branch answers a list of at most one."""
    own = branch_name(store)
    found = [own] if own else []
    for name in synced_branches(store):
        if name.casefold() != own.casefold():
            found.append(name)
    return found


def has_several(store: Store) -> bool:
    return len(branches(store)) > 1


def is_own(store: Store, name: str) -> bool:
    """Whether `name` is this file's own branch (its rows have branch NULL)."""
    own = branch_name(store)
    return bool(own) and own.casefold() == name.strip().casefold()


def find(store: Store, name: str) -> str | None:
    """The branch of this file called `name` (any case), None when there is none."""
    for known in branches(store):
        if known.casefold() == " ".join(name.split()).casefold():
            return known
    return None


def save_branch_name(store: Store, text: str) -> None:
    """Settings ▸ Shop: a new name is checked (`set_branch_name`); an empty field clears
    the name (a shop with one laptop has none); the name as it is changes nothing."""
    if " ".join(text.split()) == branch_name(store):
        return
    if not text.strip():
        store.set_setting(SETTING, "")
        return
    set_branch_name(store, text)


def code_names(store: Store) -> dict[int, str | None]:
    """{branch code: branch name} of the rollups' codes; code 0 (this file's own rows)
    under this file's branch name (None when it has none)."""
    names: dict[int, str | None] = {
        int(code): str(name) for code, name in store.conn.execute(
            "SELECT code, name FROM branch_codes")}
    names[0] = branch_name(store) or None
    return names


def change_mark(store: Store) -> tuple[int, int]:
    """Changes of the shop so far, to notice any since: this connection's commits and
    other connections' (a sync or an import runs on its own)."""
    return store.commits, dialect.data_version(store.conn)


# -- one branch's figures ------------------------------------------------------------------
def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _schema_prefix(conn: sqlite3.Connection) -> str:
    """How a view names the shop's own table under a TEMP view of the same name."""
    if dialect.is_postgres(conn):
        return str(conn.execute("SELECT current_schema()").fetchone()[0]) + "."
    return "main."


def _views(conn: sqlite3.Connection, name: str, own: bool) -> list[tuple[str, str]]:
    """(table, SELECT) of the TEMP views that show one branch's rows under the tables'
    own names: its records, its targets, and the rollups filtered by its code."""
    q = _schema_prefix(conn)
    # the branch's rows; in the records' views with a unary + that keeps the planner on
    # the indexes the shop's own queries use (its plans, each row then filtered), never
    # on the branch index (one month of a 1M-line shop: 1.6 s instead of 20 ms)
    mine = "branch IS NULL" if own else f"branch = {_quoted(name)}"
    row_is_mine = "branch IS NULL" if own else f"+branch = {_quoted(name)}"
    code_row = None if own else conn.execute("SELECT code FROM branch_codes WHERE name = ?",
                                             (name,)).fetchone()
    code = 0 if own else int(code_row[0]) if code_row else -1  # -1: no rows yet, nothing
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    views: list[tuple[str, str]] = []
    for table in CODED_ROLLUPS:
        if table in have:
            columns = [c for c in dialect.column_names(conn, table) if c != "branch"]
            views.append((table, f"SELECT {', '.join(columns)} FROM {q}{table}"
                                 f" WHERE branch = {code}"))
    for table in ("orders", "contacts", "opportunities", "calls"):
        views.append((table, f"SELECT * FROM {q}{table} WHERE {row_is_mine}"))
    views.append(("sale_lines", f"SELECT l.* FROM {q}sale_lines l JOIN {q}orders o"
                                f" ON o.id = l.order_id WHERE {row_is_mine.replace('branch', 'o.branch')}"))
    if "opportunity_history" in have:
        views.append(("opportunity_history",
                      f"SELECT * FROM {q}opportunity_history WHERE opportunity_id IN"
                      f" (SELECT id FROM {q}opportunities WHERE {mine})"))
    for table in CONTACT_ROLLUPS:
        if table in have:
            views.append((table, f"SELECT * FROM {q}{table} WHERE contact_id IN"
                                 f" (SELECT id FROM {q}contacts WHERE {mine})"))
    if not own:  # the branch's targets, kept apart at head office, are its own there
        theirs = set(dialect.column_names(conn, "branch_targets")) - {"branch"}
        columns = [c if c in theirs else f"NULL AS {c}"
                   for c in dialect.column_names(conn, "targets")]
        views.append(("targets", f"SELECT {', '.join(columns)} FROM {q}branch_targets"
                                 f" WHERE branch = {_quoted(name)}"))
        views.append(("settings",
                      f"SELECT key, CASE WHEN key = {_quoted(SETTING)} THEN {_quoted(name)}"
                      f" ELSE value END AS value FROM {q}settings UNION ALL"
                      f" SELECT {_quoted(SETTING)}, {_quoted(name)} WHERE NOT EXISTS"
                      f" (SELECT 1 FROM {q}settings WHERE key = {_quoted(SETTING)})"))
    views.append(("branch_codes", f"SELECT * FROM {q}branch_codes WHERE code = {code}"))
    # seen from one branch, no other branch was brought in
    views.append(("branch_sources", f"SELECT * FROM {q}branch_sources WHERE 1 = 0"))
    return views


def open_view(store: Store, name: str) -> Store:
    """A read-only store on a connection of its own that shows branch `name` of `store`
    alone, as that branch's own file would (KPI.md §7): its sales, customers, targets and
    the rollups of its code, under the tables' own names — every metric reads it as it
    reads a shop. Nothing is copied: as fast as the shop's figures. Unknown name:
    SyncError 'unknown_branch'. The caller closes it."""
    from kpidesk.store.db import Store as StoreClass
    from kpidesk.store.sync import SyncError

    found = find(store, name)
    if found is None:
        raise SyncError("unknown_branch", branch=name, known=branches(store))
    own = is_own(store, found)
    if store.is_server:  # TEMP views are refused in a read-only session; the store refuses writes
        view = StoreClass(store.location)
    else:
        view = StoreClass(store.path, read_only=True, quick_check=False)
    try:
        for table, select in _views(view.conn, found, own):
            view.conn.execute(f"CREATE TEMP VIEW {table} AS {select}")
    except BaseException:
        view.close()
        raise
    view.read_only = True
    return view


@contextmanager
def branch_view(store: Store, name: str) -> Iterator[Store]:
    """`open_view` for a `with` block."""
    view = open_view(store, name)
    try:
        yield view
    finally:
        view.close()
