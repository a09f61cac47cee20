"""The import log, and undo of one import.

Every import is one row of ``imports`` (when, file name, kind, rows read and added,
by whom, from the app or the command line), written in the import's own
transaction. Each row an import makes carries its ``import_id`` (orders, contacts,
opportunities, targets, and the salespeople, products, categories and channels it
had to create), so undoing it removes exactly those rows: the sale lines of its
orders, then the orders, opportunities and targets, then the contacts and names it
created that nothing else uses any more. A target the import replaced is put back.

Rows changed after the import are noted by triggers in ``import_changes`` (an
edit of an order — its lines are edited through it —, a contact, an opportunity
or a target), so the owner can be shown them and asked before they go too; or keep
them (``keep_changed``): those rows, and what they need, stay.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kpidesk.store import dialect, history, rollups, security
from kpidesk.store.db import inserted_id
from kpidesk.store.errors import ValidationError
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import uuid_value

if TYPE_CHECKING:
    import sqlite_utils

    from kpidesk.store.db import Store

# Tables whose rows an import makes, each with the import's id.
RECORD_TABLES = ("orders", "contacts", "opportunities", "targets")
SMALL_UNDO = 5000  # customer-days refreshed one by one up to this many; else a rebuild
NAME_TABLES = ("products", "categories", "salespeople", "channels")  # referencing first

# Columns whose change marks an imported row as changed since the import (a refresh of
# derived columns, such as a contact's purchase summary, is not a change).
_WATCHED = {
    "orders": ("order", "number, date, contact_id, salesperson_id, channel_id, note,"
                        " is_daily_total"),
    "contacts": ("contact", "kind, name, phone, source, salesperson_id, created, note"),
    "opportunities": ("opportunity", "title, contact_id, owner_id, value, currency, rate,"
                                     " stage_id, probability, created, expected_close,"
                                     " status, closed, lost_reason, note, order_id"),
    "targets": ("target", "period, salesperson_id, measure, value, currency"),
}

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS imports ("
    " id INTEGER PRIMARY KEY,"
    " at TEXT NOT NULL,"  # local date and time the import was made, YYYY-MM-DDTHH:MM:SS
    " file_name TEXT NOT NULL,"  # the file's name (not its folder)
    " kind TEXT NOT NULL,"  # sales, contacts, opportunities, targets or all
    " rows_read INTEGER NOT NULL DEFAULT 0,"
    " added TEXT NOT NULL DEFAULT '{}',"  # JSON: what was added, e.g. {"orders": 3, "lines": 5}
    " replaced TEXT,"  # JSON: rows the import replaced (targets), put back by an undo
    " user TEXT NOT NULL DEFAULT '',"  # the computer's user name
    " source TEXT NOT NULL DEFAULT 'app',"  # 'app' or 'cli'
    " undone_at TEXT,"  # when it was undone, or NULL
    " undone_by TEXT)",
    "CREATE TABLE IF NOT EXISTS import_changes (import_id INTEGER NOT NULL, kind TEXT NOT NULL,"
    " row_id INTEGER NOT NULL, PRIMARY KEY (import_id, kind, row_id)) WITHOUT ROWID",
    *(f"ALTER TABLE {table} ADD COLUMN import_id INTEGER" for table in RECORD_TABLES),
    *(f"ALTER TABLE {table} ADD COLUMN import_id INTEGER" for table in NAME_TABLES),
    *(f"CREATE TRIGGER IF NOT EXISTS {table}_changed_after_import"
      f" AFTER UPDATE OF {columns} ON {table}"
      f" WHEN OLD.import_id IS NOT NULL BEGIN"
      f" INSERT OR IGNORE INTO import_changes(import_id, kind, row_id)"
      f" VALUES (OLD.import_id, '{kind}', OLD.id); END"
      for table, (kind, columns) in _WATCHED.items()),
]


def add_import_log(db: sqlite_utils.Database) -> None:
    """Schema migration: the import log, each imported row's import, the change marks.
    Idempotent (a column or table already there is left as it is), so the integrator may
    order it among other branches' migrations freely."""
    for sql in SCHEMA:
        if sql.startswith("ALTER TABLE"):
            table, column = sql.split()[2], sql.split()[5]
            if any(row[1] == column for row in db.execute(f"PRAGMA table_info({table})")):
                continue
        db.execute(sql)


@dataclass(frozen=True)
class ImportRecord:
    id: int
    at: str
    file_name: str
    kind: str
    rows_read: int
    added: dict[str, int]
    user: str
    source: str
    undone_at: str | None
    undone_by: str | None

    @property
    def rows_added(self) -> int:
        """The records this import added: sale lines, contacts, opportunities or targets."""
        a = self.added
        if self.kind == "sales":
            return int(a.get("lines", 0))
        if self.kind == "all":
            return sum(int(a.get(k, 0)) for k in ("lines", "contacts", "opportunities",
                                                  "targets"))
        return int(a.get(self.kind, 0))

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "file_name": self.file_name, "kind": self.kind,
                "rows_read": self.rows_read, "rows_added": self.rows_added,
                "added": self.added, "user": self.user, "source": self.source,
                "undone_at": self.undone_at, "undone_by": self.undone_by}


@dataclass
class ChangedRow:
    """A row of an import changed since: what it is now, for the owner to decide."""

    kind: str  # order, contact, opportunity, target
    row_id: int
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class UndoResult:
    removed: dict[str, int]
    kept: dict[str, int]  # rows left because they were changed since (keep_changed) or in use
    gone: int  # records of the import deleted by hand before the undo


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        return ""


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def begin(conn: sqlite3.Connection, file_name: str, kind: str, source: str = "app") -> int:
    """Open the log entry of an import (inside its transaction); returns its id."""
    return inserted_id(conn.execute(
        "INSERT INTO imports(at, file_name, kind, user, source) VALUES (?, ?, ?, ?, ?)",
        (_now(), file_name, kind, _user(), source)))


def finish(conn: sqlite3.Connection, import_id: int, rows_read: int, added: dict[str, int],
           replaced: list[dict] | None = None) -> None:
    """Write what the import read and added (counts of several parts add up), and record
    it in the change history, inside the import's transaction."""
    row = conn.execute("SELECT rows_read, added, replaced, file_name, kind, source FROM imports"
                       " WHERE id = ?", (import_id,)).fetchone()
    total = json.loads(row[1])
    for key, value in added.items():
        total[key] = int(total.get(key, 0)) + int(value)
    kept = json.loads(row[2]) if row[2] else []
    kept.extend(replaced or [])
    conn.execute("UPDATE imports SET rows_read = ?, added = ?, replaced = ? WHERE id = ?",
                 (row[0] + rows_read, json.dumps(total, sort_keys=True),
                  json.dumps(kept) if kept else None, import_id))
    # the import's own writes (e.g. a new contact's first-sale date) are not changes
    conn.execute("DELETE FROM import_changes WHERE import_id = ?", (import_id,))


def record_history(store: Store, import_id: int) -> None:
    """The change-history entry of a finished import (inside its transaction)."""
    conn = store.conn
    file_name, kind, rows_read, added, source = conn.execute(
        "SELECT file_name, kind, rows_read, added, source FROM imports WHERE id = ?",
        (import_id,)).fetchone()
    history.record(conn, "import", f"import {import_id}", None,
                   {"file_name": file_name, "kind": kind, "rows_read": rows_read,
                    "added": json.loads(added)}, source=source, with_pin=security.pin_given(store))


def _record(row: sqlite3.Row | tuple) -> ImportRecord:
    (id_, at, file_name, kind, rows_read, added, user, source, undone_at, undone_by) = row
    return ImportRecord(int(id_), at, file_name, kind, int(rows_read), json.loads(added or "{}"),
                        user, source, undone_at, undone_by)


_SELECT = ("SELECT id, at, file_name, kind, rows_read, added, user, source, undone_at,"
           " undone_by FROM imports")


def list_imports(store: Store, limit: int | None = None) -> list[ImportRecord]:
    """Imports, newest first."""
    sql = _SELECT + " ORDER BY id DESC" + (f" LIMIT {int(limit)}" if limit else "")
    return [_record(r) for r in store.conn.execute(sql)]


def get_import(store: Store, import_id: int) -> ImportRecord:
    row = store.conn.execute(_SELECT + " WHERE id = ?", (import_id,)).fetchone()
    if row is None:
        raise ValidationError("import", "not_found", id=import_id)
    return _record(row)


_DESCRIBE = {
    "order": """SELECT o.id, o.date, o.number, c.name,
                       (SELECT SUM(amount_usd) FROM sale_lines WHERE order_id = o.id),
                       (SELECT SUM(amount_khr) FROM sale_lines WHERE order_id = o.id),
                       (SELECT MIN(currency) FROM sale_lines WHERE order_id = o.id),
                       (SELECT SUM(amount) FROM sale_lines WHERE order_id = o.id)
                FROM orders o LEFT JOIN contacts c ON c.id = o.contact_id WHERE o.id = ?""",
    "contact": "SELECT id, name, phone, kind FROM contacts WHERE id = ?",
    "opportunity": "SELECT id, title, value, currency, status FROM opportunities WHERE id = ?",
    "target": """SELECT t.id, t.period, t.measure, t.value, t.currency, sp.name FROM targets t
                 LEFT JOIN salespeople sp ON sp.id = t.salesperson_id WHERE t.id = ?""",
}
_DESCRIBE_FIELDS = {
    "order": ("id", "date", "number", "customer", "_usd", "_khr", "currency", "amount"),
    "contact": ("id", "name", "phone", "kind"),
    "opportunity": ("id", "title", "value", "currency", "status"),
    "target": ("id", "period", "measure", "value", "currency", "salesperson"),
}
_KIND_TABLE = {"order": "orders", "contact": "contacts", "opportunity": "opportunities",
               "target": "targets"}


def changed_since(store: Store, import_id: int, limit: int = 1000) -> tuple[list[ChangedRow], int]:
    """Rows of this import changed after it (at most `limit` described) and how many."""
    conn = store.conn
    rows = [(kind, row_id) for kind, row_id in conn.execute(
        "SELECT kind, row_id FROM import_changes WHERE import_id = ? ORDER BY kind, row_id",
        (import_id,))
        if conn.execute(f"SELECT 1 FROM {_KIND_TABLE[kind]} WHERE id = ? AND import_id = ?",
                        (row_id, import_id)).fetchone()]
    described = []
    for kind, row_id in rows[:limit]:
        values = conn.execute(_DESCRIBE[kind], (row_id,)).fetchone()
        fields = {k: v for k, v in zip(_DESCRIBE_FIELDS[kind], values, strict=True)
                  if not k.startswith("_")}
        if kind == "order" and fields["currency"] is not None:
            # several currencies in one order: show its value in dollars
            mixed = conn.execute("SELECT COUNT(DISTINCT currency) FROM sale_lines"
                                 " WHERE order_id = ?", (row_id,)).fetchone()[0] > 1
            if mixed:
                fields["currency"], fields["amount"] = "USD", values[4]
        described.append(ChangedRow(kind, row_id, fields))
    return described, len(rows)


def _referencing(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """(table, column) pairs with a foreign key to `table`, found in the schema itself so
    tables added later are respected."""
    found = []
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                " AND name NOT LIKE 'sqlite_%'"):
        for referenced, column in dialect.foreign_keys(conn, name):
            if referenced == table:
                found.append((name, column))
    return found


def _delete_unused(conn: sqlite3.Connection, table: str, import_id: int,
                   kind: str | None = None) -> tuple[int, int]:
    """Delete the rows of `table` this import made that no row references (nor, with
    `kind`, that temp.undo_keep lists as changed and kept); returns (deleted, kept)."""
    refs = _referencing(conn, table)
    conditions = [f"NOT EXISTS (SELECT 1 FROM {t} WHERE {t}.{c} = {table}.id)"
                  for t, c in refs]
    if kind:
        conditions.append(f"id NOT IN (SELECT row_id FROM temp.undo_keep WHERE kind = '{kind}')")
    total = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE import_id = ?",
                         (import_id,)).fetchone()[0]
    deleted = conn.execute(f"DELETE FROM {table} WHERE import_id = ? AND "
                           + " AND ".join(conditions or ["1"]), (import_id,)).rowcount
    return deleted, total - deleted


def undo_import(store: Store, import_id: int, *, keep_changed: bool = False,
                source: str = "app", with_pin: bool = False) -> UndoResult:
    """Remove the rows an import added (one transaction, rollups refreshed inside it).

    Rows changed since the import go too, unless `keep_changed`. Refused with
    ValidationError('import', 'not_found' | 'undone'). The work is done by set-wise
    statements over temporary tables, so undoing a million-line import needs no more
    memory than undoing ten lines.
    """
    record = get_import(store, import_id)
    if record.undone_at:
        raise ValidationError("import", "undone", id=import_id, at=record.undone_at)
    security.demand_owner(store, "delete")  # it deletes records: the owner's, with a PIN
    if source == "app":
        source = security.history_source(store)
    with_pin = with_pin or security.pin_given(store)
    removed: dict[str, int] = {}
    kept: dict[str, int] = {}
    with store.transaction() as conn:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS undo_keep"
                     " (kind TEXT NOT NULL, row_id INTEGER NOT NULL)")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS undo_orders (id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.undo_keep")
        conn.execute("DELETE FROM temp.undo_orders")
        if keep_changed:
            conn.execute("INSERT INTO temp.undo_keep SELECT kind, row_id FROM import_changes"
                         " WHERE import_id = ?", (import_id,))
        present = conn.execute("SELECT COUNT(*) FROM orders WHERE import_id = ?",
                               (import_id,)).fetchone()[0]
        gone = max(0, int(record.added.get("orders", 0)) - present)

        # Orders and their lines; the rollups of their days and customers after.
        conn.execute("INSERT INTO temp.undo_orders SELECT id FROM orders WHERE import_id = ?"
                     " AND id NOT IN (SELECT row_id FROM temp.undo_keep WHERE kind = 'order')",
                     (import_id,))
        n_orders = conn.execute("SELECT COUNT(*) FROM temp.undo_orders").fetchone()[0]
        n_days = conn.execute("SELECT COUNT(DISTINCT date) FROM orders WHERE id IN"
                              " (SELECT id FROM temp.undo_orders)").fetchone()[0]
        bulk = n_orders > SMALL_UNDO or n_days > 400
        days: list[str] = []
        pairs: list[tuple[int, str]] = []
        if not bulk:
            days = [d for (d,) in conn.execute(
                "SELECT DISTINCT date FROM orders WHERE id IN (SELECT id FROM temp.undo_orders)")]
            pairs = [(c, d) for c, d in conn.execute(
                "SELECT DISTINCT contact_id, date FROM orders WHERE contact_id IS NOT NULL"
                " AND id IN (SELECT id FROM temp.undo_orders)")]
        in_undone = "IN (SELECT id FROM temp.undo_orders)"
        conn.execute(f"UPDATE opportunities SET order_id = NULL WHERE order_id {in_undone}")
        lines = conn.execute(f"DELETE FROM sale_lines WHERE order_id {in_undone}").rowcount
        conn.execute(f"DELETE FROM import_keys WHERE kind = 'order' AND row_id {in_undone}")
        conn.execute(f"DELETE FROM orders WHERE id {in_undone}")
        removed["orders"], removed["lines"] = n_orders, lines
        kept["orders"] = present - n_orders

        # Opportunities, then targets (putting back those the import replaced).
        keep_opps = "(SELECT row_id FROM temp.undo_keep WHERE kind = 'opportunity')"
        conn.execute("DELETE FROM import_keys WHERE kind = 'opportunity' AND row_id IN"
                     " (SELECT id FROM opportunities WHERE import_id = ?"
                     f" AND id NOT IN {keep_opps})", (import_id,))
        removed["opportunities"] = conn.execute(
            f"DELETE FROM opportunities WHERE import_id = ? AND id NOT IN {keep_opps}",
            (import_id,)).rowcount
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'opportunity_history'"
                        ).fetchone():  # the recorded stages of the opportunities removed
            conn.execute("DELETE FROM opportunity_history WHERE opportunity_id NOT IN"
                         " (SELECT id FROM opportunities)")
        kept["opportunities"] = conn.execute(
            "SELECT COUNT(*) FROM opportunities WHERE import_id = ?", (import_id,)).fetchone()[0]
        removed["targets"] = conn.execute(
            "DELETE FROM targets WHERE import_id = ? AND id NOT IN"
            " (SELECT row_id FROM temp.undo_keep WHERE kind = 'target')", (import_id,)).rowcount
        kept["targets"] = conn.execute(
            "SELECT COUNT(*) FROM targets WHERE import_id = ?", (import_id,)).fetchone()[0]
        replaced = conn.execute("SELECT replaced FROM imports WHERE id = ?",
                                (import_id,)).fetchone()[0]
        for old in json.loads(replaced) if replaced else []:
            if "setting" in old:  # a setting `import all` changed: back, unless changed since
                if store.setting(old["setting"]) == old["imported"]:
                    store.set_setting(old["setting"], old["value"])
                continue
            taken = conn.execute(
                "SELECT 1 FROM targets WHERE period = ? AND measure = ?"
                " AND IFNULL(salesperson_id, 0) = ?",
                (old["period"], old["measure"], old["salesperson_id"] or 0)).fetchone()
            if not taken:  # (under a new id: the old one may have been given again)
                old = {k: v for k, v in old.items() if k != "id"}
                if isinstance(old.get("uuid"), str):  # kept as text in the JSON
                    old["uuid"] = uuid_value(old["uuid"])
                conn.execute(f"INSERT INTO targets({', '.join(old)}) VALUES"
                             f" ({', '.join('?' * len(old))})", tuple(old.values()))

        # Rollups of the days and customers of the removed orders, then the contacts it
        # created that nothing uses any more, then the names.
        if not bulk:
            rollups.refresh_days(conn, days)
            rollups.refresh_customers(conn, pairs)
        deleted, left = _delete_unused(conn, "contacts", import_id, "contact")
        if deleted:
            conn.execute("DELETE FROM import_keys WHERE kind = 'contact'"
                         " AND row_id NOT IN (SELECT id FROM contacts)")
        removed["contacts"], kept["contacts"] = deleted, left
        for table in NAME_TABLES:  # products before categories: they reference them
            removed[table], _ = _delete_unused(conn, table, import_id)
        if bulk:
            rollups.rebuild_all(conn)
        conn.execute("DELETE FROM import_changes WHERE import_id = ?", (import_id,))
        conn.execute("DELETE FROM temp.undo_keep")
        conn.execute("DELETE FROM temp.undo_orders")
        conn.execute("UPDATE imports SET undone_at = ?, undone_by = ? WHERE id = ?",
                     (_now(), _user(), import_id))
        history.record(conn, "undo_import", f"import {import_id}",
                       {"file_name": record.file_name, "kind": record.kind,
                        "added": record.added},
                       {"removed": removed, "kept": {k: v for k, v in kept.items() if v}},
                       with_pin=with_pin, source=source)
        store.mark_changed(Topic.SALES, Topic.CONTACTS, Topic.OPPORTUNITIES, Topic.TARGETS, Topic.SALESPEOPLE,
                           Topic.PRODUCTS, Topic.CATEGORIES, Topic.CHANNELS, Topic.IMPORTS)
    return UndoResult(removed, kept, gone)
