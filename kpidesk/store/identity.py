"""A shop file's identity and its backup bookkeeping (one row, in the file itself).

- ``uuid``: made once when the shop is created (or when an older file is upgraded) and
  kept for life, through renames, moves and restores. Backups carry it in their name
  and inside, so two shops sharing a backup folder (the same default file name on
  every install, one USB stick) never list, prune or restore each other's backups.
- ``backup_seq``: the number of the last backup made. Backups are ordered by it, not
  by the wall clock (a clock set wrong, in the past or in the future, moves their
  time stamps, not their order).
- ``copy_kind``: NULL in a shop; 'backup' inside a backup copy, so that a backup opened
  by mistake as a shop is recognised and never written to.
- The last good backup and the last failure (code and when), shown to the owner on
  every start until a backup succeeds.
"""

from __future__ import annotations

import sqlite3
import uuid as uuid_mod
from dataclasses import dataclass
from datetime import datetime

TABLE = "shop_identity"

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS shop_identity ("
    " id INTEGER PRIMARY KEY CHECK (id = 1),"
    " uuid TEXT NOT NULL,"
    " created TEXT NOT NULL,"  # when the identity was made, YYYY-MM-DDTHH:MM:SS
    " backup_seq INTEGER NOT NULL DEFAULT 0,"
    " copy_kind TEXT,"
    " last_backup_at TEXT,"
    " last_backup_file TEXT,"
    " backup_failed_at TEXT,"
    " backup_failure TEXT)",  # a BackupError reason; NULL once a backup succeeds
]


@dataclass(frozen=True)
class Identity:
    uuid: str
    created: str
    backup_seq: int
    copy_kind: str | None
    last_backup_at: str | None
    last_backup_file: str | None
    backup_failed_at: str | None
    backup_failure: str | None

    @property
    def short(self) -> str:
        """The uuid as it appears in backup names (32 hex digits, no dashes)."""
        return self.uuid.replace("-", "")


def create(conn: sqlite3.Connection, shop_uuid: str | None = None) -> None:
    """Make the table and its row (inside the caller's transaction); a row already there
    is kept."""
    for sql in SCHEMA:
        conn.execute(sql)
    conn.execute(
        "INSERT OR IGNORE INTO shop_identity(id, uuid, created) VALUES (1, ?, ?)",
        (shop_uuid or str(uuid_mod.uuid4()), datetime.now().isoformat(timespec="seconds")),
    )


def has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'shop_identity'"
    ).fetchone() is not None


def read(conn: sqlite3.Connection) -> Identity | None:
    """The file's identity, None for a file made before identities (or not a shop)."""
    try:
        if not has_table(conn):
            return None
        row = conn.execute(
            "SELECT uuid, created, backup_seq, copy_kind, last_backup_at, last_backup_file,"
            " backup_failed_at, backup_failure FROM shop_identity WHERE id = 1").fetchone()
    except sqlite3.DatabaseError:
        return None
    return Identity(*row) if row else None


def short(shop_uuid: str) -> str:
    return shop_uuid.replace("-", "").lower()
