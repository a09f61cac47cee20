"""Restoring a backup: into a shop file on disk, or into the open shop."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kpidesk.store import identity, rollups
from kpidesk.store.backup import make_backup
from kpidesk.store.backup_archive import opened_backup
from kpidesk.store.backup_files import summarize
from kpidesk.store.db import Store
from kpidesk.store.errors import (
    BackupError,
    CorruptStoreError,
    NewerSchemaError,
    NotAStoreError,
)
from kpidesk.store.file_facts import _connect_read_only, inspect_file, make_private
from kpidesk.store.topics import EVERYTHING


# -- restoring ---------------------------------------------------------------------------
@dataclass
class RestoreResult:
    backup: Path
    restored: dict  # summary of what is now in the shop
    replaced: dict | None  # summary of what was there (None: no shop, or unreadable)
    safety: Path | None  # the backup made of what was replaced, or the set-aside file
    set_aside: bool = False


def _check_restorable(path: Path, current_uuid: str | None, allow_other_shop: bool) -> dict:
    from kpidesk.store.schema import SCHEMA_VERSION

    conn = _connect_read_only(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise BackupError("newer", "", found=version, known=SCHEMA_VERSION)
        summary = summarize(conn)
    finally:
        conn.close()
    if (current_uuid and summary["shop_uuid"] and summary["shop_uuid"] != current_uuid
            and not allow_other_shop):
        raise BackupError("other_shop", summary["shop_uuid"], shop_name=summary["shop_name"],
                          orders=summary["orders"], last_sale=summary["last_sale"] or "")
    return summary


_HISTORY_COLUMNS = "at, action, subject, before, after, with_pin, source, user"


def _history_rows(conn: sqlite3.Connection) -> list[tuple]:
    try:
        return conn.execute(f"SELECT id, {_HISTORY_COLUMNS} FROM change_history"
                            " ORDER BY id").fetchall()
    except sqlite3.Error:
        return []


def _prepare_restored(work: Path, shop_uuid: str | None, number: int, carried: list[tuple],
                      backup_path: Path, replaced: dict | None, safety: Path | None,
                      source: str, with_pin: bool) -> dict:
    """Make the private copy of a backup exactly what the shop will hold, so that one
    atomic copy puts it in place (a kill before it leaves the shop as it was, after it
    the restored shop whole): this shop's identity and numbering, not a backup copy;
    upgraded if it is of an older version; the history entries the backup did not have
    (what happened after it: a restore cannot erase it), then the restore itself."""
    from kpidesk.store import history

    conn = sqlite3.connect(work, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        identity.create(conn, shop_uuid)  # a backup older than identities gets this one
        conn.execute("UPDATE shop_identity SET copy_kind = NULL, backup_seq = MAX(backup_seq,"
                     " ?)" + (", uuid = ?" if shop_uuid else "") + " WHERE id = 1",
                     (number, shop_uuid) if shop_uuid else (number,))
        conn.execute("COMMIT")
    finally:
        conn.close()
    with Store(work, upgrade_backup=False) as store:  # an older backup is upgraded here
        with store.transaction() as conn:
            last = conn.execute("SELECT IFNULL(MAX(id), 0) FROM change_history").fetchone()[0]
            conn.executemany(f"INSERT INTO change_history({_HISTORY_COLUMNS}) VALUES"
                             " (?, ?, ?, ?, ?, ?, ?, ?)",
                             [row[1:] for row in carried if row[0] > last])
            restored = summarize(conn)
            before = dict(replaced) if replaced else None
            if before is not None:
                before.pop("shop_uuid", None)
                before["kept_as"] = safety.name if safety else None
            after = {k: v for k, v in restored.items() if k != "shop_uuid"}
            after["backup"] = backup_path.name
            history.record(conn, "restore", backup_path.name, before, after,
                           with_pin=with_pin, source=source)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return restored


def restore(db_path: Path, backup: Path, folder: Path | None = None, *,
            allow_other_shop: bool = False, source: str = "cli",
            with_pin: bool = False) -> RestoreResult:
    """Replace the content of the shop file at `db_path` by a backup (the app does not
    have it open: its lock is taken first, and a held lock is refused — never mistaken
    for damage).

    A sound shop is backed up first ('before-restore'); a damaged, foreign or newer file
    is set aside unchanged (renamed, with its -wal). A backup of another shop is refused
    unless `allow_other_shop`; one made by a newer version always is. The new content
    goes in with one atomic copy: a kill at any moment leaves the old shop or the new.
    """
    from kpidesk.store.lock import acquire

    db_path = Path(db_path)
    backup = Path(backup)
    locks = [acquire(db_path)]  # LockedError: the app (or a command) has it open
    try:
        return _restore_locked(db_path, backup, folder, allow_other_shop, source, with_pin,
                               locks)
    finally:
        locks[0].release()


def _restore_locked(db_path: Path, backup: Path, folder: Path | None,
                    allow_other_shop: bool, source: str, with_pin: bool,
                    locks: list) -> RestoreResult:
    from kpidesk.store.lock import acquire

    state = "empty"
    current_uuid: str | None = None
    try:
        facts = inspect_file(db_path, quick_check=True)
        if not facts.empty:
            state, current_uuid = "sound", facts.shop_uuid
    except (NotAStoreError, CorruptStoreError, NewerSchemaError):
        state = "damaged"
    with opened_backup(backup, db_path) as work:
        from_backup = _check_restorable(work, current_uuid, allow_other_shop)
        replaced: dict | None = None
        carried: list[tuple] = []
        safety: Path | None = None
        number = 0
        if state == "sound":
            with Store(db_path) as current:  # we hold its lock
                replaced = summarize(current.conn)
                if from_backup["shop_uuid"] in (None, current_uuid):
                    carried = _history_rows(current.conn)
                safety = make_backup(current, "before-restore", folder, prune_after=False).path
                found = identity.read(current.conn)
                current_uuid = found.uuid if found else current_uuid
                number = found.backup_seq if found else 0
        restored = _prepare_restored(work, current_uuid or from_backup["shop_uuid"], number,
                                     carried, backup, replaced, safety, source, with_pin)
        salvaged = ""
        if state == "damaged":
            locks[0].release()  # Windows renames no file held open
            safety = set_aside(db_path)
            locks[0] = acquire(db_path)
            from kpidesk.store import security

            salvaged = security.salvage_pin(safety)
        src = _connect_read_only(work)
        try:
            dst = sqlite3.connect(db_path, isolation_level=None)
            try:
                src.backup(dst)  # one transaction: all of it, or none
            finally:
                dst.close()
        finally:
            src.close()
    make_private(db_path)
    if salvaged:  # the damaged shop had an owner PIN: a backup without one must not drop it
        from kpidesk.store import security

        with Store(db_path) as shop:  # we hold its lock
            security.carry_over(shop, salvaged)
    return RestoreResult(backup, restored, replaced, safety, set_aside=state == "damaged")


def restore_into(store: Store, backup_path: Path, *, allow_other_shop: bool = False,
                 source: str = "app", with_pin: bool = False) -> RestoreResult:
    """Replace the open store's content by a backup, in place (the app's Backups dialog).

    The current content is backed up first; every listener then hears that
    everything changed.
    """
    backup_path = Path(backup_path)
    ident = identity.read(store.conn)
    current_uuid = ident.uuid if ident else None
    with opened_backup(backup_path, store.path) as work:
        from_backup = _check_restorable(work, current_uuid, allow_other_shop)
        replaced = summarize(store.conn)
        carried = (_history_rows(store.conn)
                   if from_backup["shop_uuid"] in (None, current_uuid) else [])
        safety = make_backup(store, "before-restore", prune_after=False).path
        found = identity.read(store.conn)
        restored = _prepare_restored(work, current_uuid or from_backup["shop_uuid"],
                                     found.backup_seq if found else 0, carried, backup_path,
                                     replaced, safety, source, with_pin)
        src = _connect_read_only(work)
        try:
            src.backup(store.conn)  # one transaction: all of it, or none
        finally:
            src.close()
    with store.transaction() as conn:
        rollups.journal(conn, [None])  # the copy bypassed the rollup functions
        store.mark_changed(*EVERYTHING)
    return RestoreResult(backup_path, restored, replaced, safety)


def set_aside(db_path: Path, now: datetime | None = None) -> Path:
    """Move a damaged shop file (with its -wal, -shm and -journal) out of the way,
    unchanged; returns its new path."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = db_path.with_name(f"{db_path.name}.damaged-{stamp}_{n}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{target}{suffix}"))
    return target
