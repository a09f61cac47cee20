"""Data-health findings the owner marked as right (KPI.md §6): a marked finding does
not come back. A finding is known by its kind and a key made of what it is about (the
UUIDs of the orders behind it, or a date), so it stays marked across restarts, exports
and imports of the same orders."""

from __future__ import annotations

from datetime import date

from kpidesk.store.db import Store
from kpidesk.store.topics import Topic

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS health_marks ("
    " kind TEXT NOT NULL,"
    " key TEXT NOT NULL,"
    " marked TEXT NOT NULL,"  # the date it was marked as right
    " PRIMARY KEY (kind, key)) WITHOUT ROWID",
]


def mark_right(store: Store, kind: str, keys: tuple[str, ...] | list[str],
               day: date | None = None) -> None:
    """Remember that this finding (known by these keys) is right as it is."""
    with store.transaction() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO health_marks (kind, key, marked) VALUES (?, ?, ?)",
            [(kind, key, (day or date.today()).isoformat()) for key in keys])
        store.mark_changed(Topic.HEALTH)


def unmark(store: Store, kind: str, keys: tuple[str, ...] | list[str]) -> None:
    """Undo of `mark_right`."""
    with store.transaction() as conn:
        conn.executemany("DELETE FROM health_marks WHERE kind = ? AND key = ?",
                         [(kind, key) for key in keys])
        store.mark_changed(Topic.HEALTH)


def marked(store: Store) -> set[tuple[str, str]]:
    """Every (kind, key) marked as right."""
    return {(r[0], r[1]) for r in store.conn.execute("SELECT kind, key FROM health_marks")}
