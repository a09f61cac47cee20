"""What a sync needs to know what changed, without reading every row.

In a branch file (the sync's source), every write of one of its own rows (branch NULL)
raises one counter (`sync_counter.n`) and stamps the row with it (`change_seq`); a write
of a sale's line or of an opportunity's stage history stamps its sale or opportunity;
a deletion raises the counter only (what the file no longer has was deleted: a sync
compares UUIDs, no tombstones are kept). Triggers do it, so every write path is covered.
A sync that brought the file in at counter N then needs only the rows stamped after N.

That holds only for a file that continues the one brought in. A copy taken earlier
(a restored backup, a copy kept on another laptop) reuses the counter's values for other
changes. So each run of the app or of a command that writes the file notes, at its first
write, a session: a random token and the counter's value then (`sync_sessions`). Head
office remembers the file's latest session at the sync; the file continues that state
when that session is still in its list and every later session began at or after N.

At head office (the target), a write of a row of a branch that a sync has brought in
clears that branch's mark (`branch_sources.fingerprint`), so the next sync of the branch
compares every row and sets head office's edit back (the branch file wins). The sync's
own writes clear it too and it is written again at the sync's end. Only columns a sync
copies count: a contact's purchase summary, refreshed by any sale, does not.

The counter triggers are the branch file's (SQLite); a PostgreSQL shop is never a
branch file and has only head office's triggers (`SQLITE_ONLY_TRIGGERS`).
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

# The records a branch file's rows are stamped in, and the children stamping a parent.
STAMPED = ("orders", "contacts", "opportunities", "calls", "targets")
CHILDREN = {"sale_lines": ("orders", "order_id"),
            "opportunity_history": ("opportunities", "opportunity_id")}
# Head office's copies of a branch's records (its targets are kept in branch_targets).
BRANCH_RECORDS = ("orders", "contacts", "opportunities", "calls", "branch_targets")
# A contact's columns derived by the rollups (never copied by a sync: sync_rows.SKIPPED).
DERIVED_CONTACT_COLUMNS = ("first_purchase", "last_purchase", "purchase_days", "usual_gap",
                           "loyal_from", "second_purchase_90", "orders_total")

SQLITE_ONLY_TRIGGERS = "sync_seq_"
MARK_PREFIX = "seq"

_BUMP = "UPDATE sync_counter SET n = n + 1"
_NOW = "(SELECT n FROM sync_counter)"


def _stamp_triggers(contact_columns: list[str]) -> list[str]:
    out = []
    for table in STAMPED:
        stamp = f"UPDATE {table} SET change_seq = {_NOW} WHERE id = NEW.id"
        # a contact's purchase summary, refreshed by every sale, is no change of it
        of = f" OF {', '.join(contact_columns)}" if table == "contacts" else ""
        out += [
            f"CREATE TRIGGER IF NOT EXISTS sync_seq_{table}_insert AFTER INSERT ON {table}"
            f" WHEN NEW.branch IS NULL BEGIN {_BUMP}; {stamp}; END",
            # (the stamp itself changes change_seq: it does not fire this again)
            f"CREATE TRIGGER IF NOT EXISTS sync_seq_{table}_update AFTER UPDATE{of}"
            f" ON {table}"
            " WHEN (NEW.branch IS NULL OR OLD.branch IS NULL)"
            f" AND NEW.change_seq IS OLD.change_seq BEGIN {_BUMP}; {stamp}; END",
            f"CREATE TRIGGER IF NOT EXISTS sync_seq_{table}_delete AFTER DELETE ON {table}"
            f" WHEN OLD.branch IS NULL BEGIN {_BUMP}; END",
        ]
    for child, (parent, key) in CHILDREN.items():
        for event, rows in (("insert", ("NEW",)), ("update", ("OLD", "NEW")),
                            ("delete", ("OLD",))):
            ids = ", ".join(f"{r}.{key}" for r in rows)
            own = " OR ".join(f"(SELECT branch FROM {parent} WHERE id = {r}.{key}) IS NULL"
                              for r in rows)
            out.append(
                f"CREATE TRIGGER IF NOT EXISTS sync_seq_{child}_{event}"
                f" AFTER {event.upper()} ON {child} WHEN {own} BEGIN {_BUMP};"
                f" UPDATE {parent} SET change_seq = {_NOW} WHERE id IN ({ids})"
                " AND branch IS NULL; END")
    return out


def _mark_triggers(contact_columns: list[str]) -> list[str]:
    clear = ("UPDATE branch_sources SET fingerprint = NULL WHERE fingerprint IS NOT NULL"
             " AND branch IN ({})")
    out = []
    for table in BRANCH_RECORDS:
        of = f" OF {', '.join(contact_columns)}" if table == "contacts" else ""
        for event, rows in (("insert", ("NEW",)), ("update", ("OLD", "NEW")),
                            ("delete", ("OLD",))):
            when = " OR ".join(f"{r}.branch IS NOT NULL" for r in rows)
            branches = ", ".join(f"{r}.branch" for r in rows)
            out.append(
                f"CREATE TRIGGER IF NOT EXISTS sync_mark_{table}_{event}"
                f" AFTER {event.upper()}{of if event == 'update' else ''} ON {table}"
                f" WHEN {when} BEGIN {clear.format(branches)}; END")
    for child, (parent, key) in CHILDREN.items():
        for event, rows in (("insert", ("NEW",)), ("update", ("OLD", "NEW")),
                            ("delete", ("OLD",))):
            branches = ", ".join(f"(SELECT branch FROM {parent} WHERE id = {r}.{key})"
                                 for r in rows)
            # no WHEN: PostgreSQL's trigger conditions take no sub-query
            out.append(
                f"CREATE TRIGGER IF NOT EXISTS sync_mark_{child}_{event}"
                f" AFTER {event.upper()} ON {child} BEGIN {clear.format(branches)}; END")
    return out


def add_sync_marks(db: sqlite_utils.Database) -> None:
    """Schema migration: `change_seq` on a branch's records (0 for the rows already there:
    a file's first sync after it compares every row anyway), the counter, the sessions,
    and the triggers described above. Additive and idempotent."""
    conn = db.conn
    conn.execute("CREATE TABLE IF NOT EXISTS sync_counter (id INTEGER PRIMARY KEY"
                 " CHECK (id = 1), n INTEGER NOT NULL)")
    conn.execute("INSERT OR IGNORE INTO sync_counter (id, n) VALUES (1, 0)")
    conn.execute("CREATE TABLE IF NOT EXISTS sync_sessions (id INTEGER PRIMARY KEY,"
                 " token TEXT NOT NULL, first_seq INTEGER NOT NULL)")
    # Copies of one file made before the counter all start at 0 and would look alike:
    # each file's upgrade notes a session of its own, so two of them never do.
    if conn.execute("SELECT COUNT(*) FROM sync_sessions").fetchone()[0] == 0:
        conn.execute("INSERT INTO sync_sessions (token, first_seq)"
                     " SELECT ?, n FROM sync_counter", (secrets.token_hex(8),))
    for table in STAMPED:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        if "change_seq" not in columns:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN change_seq INTEGER NOT NULL"
                         " DEFAULT 0")
    contact_columns = [r[1] for r in conn.execute("PRAGMA table_info(contacts)")
                       if r[1] not in (*DERIVED_CONTACT_COLUMNS, "id", "change_seq")]
    for sql in (*_stamp_triggers(contact_columns), *_mark_triggers(contact_columns)):
        conn.execute(sql)


# -- sessions: noted by Store.transaction at a store's first write that raises the counter
def counter(conn: sqlite3.Connection) -> int | None:
    """The counter's value (None: a file from before the counter)."""
    try:
        row = conn.execute("SELECT n FROM sync_counter").fetchone()
    except sqlite3.OperationalError:
        return None
    return int(row[0]) if row else None


def note_session(conn: sqlite3.Connection, before: int | None) -> bool:
    """Inside a write transaction that began with the counter at `before`: when the
    counter has moved, note this run's session (it began at `before`). True when noted."""
    if before is None or counter(conn) == before:
        return False
    conn.execute("INSERT INTO sync_sessions (token, first_seq) VALUES (?, ?)",
                 (secrets.token_hex(8), before))
    return True


# -- what head office remembers of a branch file after a sync -------------------------
@dataclass(frozen=True)
class FileState:
    """A branch file's counter and latest session (token '' when none was noted)."""
    counter: int
    session: str

    def as_mark(self) -> str:
        return f"{MARK_PREFIX} {self.session or '-'} {self.counter}"

    @staticmethod
    def from_mark(mark: str | None) -> FileState | None:
        parts = str(mark or "").split()
        if len(parts) != 3 or parts[0] != MARK_PREFIX or not parts[2].isdigit():
            return None  # no mark, a cleared one, or an older sync's digests
        return FileState(int(parts[2]), "" if parts[1] == "-" else parts[1])


def file_state(conn: sqlite3.Connection) -> FileState | None:
    """The branch file's state now (None: a file without the counter)."""
    n = counter(conn)
    if n is None:
        return None
    row = conn.execute("SELECT token FROM sync_sessions ORDER BY id DESC LIMIT 1").fetchone()
    return FileState(n, str(row[0]) if row else "")


def continues(conn: sqlite3.Connection, known: FileState) -> bool:
    """Whether the file holds every change of the state head office brought in (`known`)
    and stamped every change since with a counter above it: its counter has not gone
    back, `known`'s session is still in its list (or none was noted then), and every
    session after it began at or after `known.counter`."""
    now = file_state(conn)
    if now is None or now.counter < known.counter:
        return False
    sessions = conn.execute("SELECT token, first_seq FROM sync_sessions ORDER BY id").fetchall()
    tokens = [str(t) for t, _ in sessions]
    if known.session:
        if known.session not in tokens:
            return False
        later = sessions[tokens.index(known.session) + 1:]
    else:
        later = sessions
    return all(int(first) >= known.counter for _, first in later)
