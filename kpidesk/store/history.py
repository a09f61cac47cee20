"""The change history: who changed what in a shop file, when, and whether the owner PIN
was given.

Every edit or delete of a sale, refund, import, undo of an import, restore and setting
change appends one entry, in the same transaction as the change itself (so an entry
exists exactly when its change does). Entries are append-only: triggers refuse UPDATE
and DELETE, so the app cannot rewrite them (a SQL editor that drops the triggers can;
the history is a record for the owner, not a tamper seal).

`before` and `after` are small JSON objects with the fields that changed (money in minor
units with their currency), or None.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kpidesk.store.db import Store

SCHEMA = [
    "CREATE TABLE change_history ("
    " id INTEGER PRIMARY KEY,"
    " at TEXT NOT NULL,"  # local date and time, YYYY-MM-DDTHH:MM:SS
    " action TEXT NOT NULL,"  # one of ACTIONS
    " subject TEXT NOT NULL DEFAULT '',"  # what it was done to: 'order 12', a setting key…
    " before TEXT,"  # JSON or NULL
    " after TEXT,"  # JSON or NULL
    " with_pin INTEGER NOT NULL DEFAULT 0,"  # 1 when the owner PIN was given for it
    " source TEXT NOT NULL DEFAULT 'app',"  # 'app' or 'cli'
    " user TEXT NOT NULL DEFAULT '')",  # the computer's user name
    "CREATE INDEX idx_change_history_at ON change_history(at)",
    "CREATE TRIGGER change_history_no_update BEFORE UPDATE ON change_history"
    " BEGIN SELECT RAISE(ABORT, 'the change history cannot be edited'); END",
    "CREATE TRIGGER change_history_no_delete BEFORE DELETE ON change_history"
    " BEGIN SELECT RAISE(ABORT, 'the change history cannot be edited'); END",
]

ACTIONS = (
    "edit_sale", "delete_sale", "refund", "import", "undo_import", "restore", "setting",
    "pin", "target", "delete", "merge",
    "undelete", "unmerge",  # undo of a delete (sale, contact, opportunity) and of a merge
    "sync",  # a branch file brought in (store/sync.py)
)

# Added by schema version 4: the PIN's check value is read by action (security.py).
INDEXES = ["CREATE INDEX idx_change_history_action ON change_history(action, id)"]


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: str
    action: str
    subject: str
    before: Any
    after: Any
    with_pin: bool
    source: str
    user: str


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        return ""


def record(conn: sqlite3.Connection, action: str, subject: str = "", before: Any = None,
           after: Any = None, *, with_pin: bool = False, source: str = "app") -> None:
    """Append one entry (inside the caller's write transaction)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown history action {action!r}")
    conn.execute(
        "INSERT INTO change_history(at, action, subject, before, after, with_pin, source, user)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (datetime.now().isoformat(timespec="seconds"), action, subject,
         None if before is None else json.dumps(before, ensure_ascii=False, sort_keys=True),
         None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True),
         int(with_pin), source, _user()),
    )


def note(store: Store, action: str, subject: str = "", before: Any = None,
         after: Any = None) -> None:
    """`record()` on the store's connection, saying whether the owner PIN was given and
    whether the change came from the app or a headless command (see security.py)."""
    from kpidesk.store import security

    record(store.conn, action, subject, before, after, with_pin=security.pin_given(store),
           source=security.history_source(store))


def _shown(action: str, value: Any) -> Any:
    # A PIN entry keeps the hash as the PIN's check value (security.py): never shown.
    if action == "pin" and isinstance(value, dict):
        return {k: v for k, v in value.items() if k != "check"}
    return value


def entries(store: Store, *, action: str | tuple[str, ...] | None = None,
            since: str | None = None, until: str | None = None, text: str | None = None,
            limit: int | None = None) -> list[HistoryEntry]:
    """Entries newest first, optionally of some actions, between two dates (inclusive)
    and holding `text` in what they were done to or in their values."""
    where: list[str] = []
    params: list[object] = []
    if isinstance(action, str):
        action = (action,)
    if action:
        where.append(f"action IN ({', '.join('?' * len(action))})")
        params.extend(action)
    if text:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append("(subject LIKE ? ESCAPE '\\' OR before LIKE ? ESCAPE '\\'"
                     " OR after LIKE ? ESCAPE '\\' OR user LIKE ? ESCAPE '\\')")
        params.extend([like] * 4)
    if since:
        where.append("at >= ?")
        params.append(since)
    if until:
        where.append("at < ?")
        params.append(until + "T99")  # the whole last day
    sql = "SELECT * FROM change_history"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [
        HistoryEntry(row["id"], row["at"], row["action"], row["subject"],
                     _shown(row["action"],
                            None if row["before"] is None else json.loads(row["before"])),
                     _shown(row["action"],
                            None if row["after"] is None else json.loads(row["after"])),
                     bool(row["with_pin"]), row["source"], row["user"])
        for row in store.query(sql, tuple(params))
    ]
